import Link from 'next/link'
import { listLessons } from '@/lib/content/lessons'
import { loadOutline } from '@/lib/content/outline'

export default function CourseHome() {
  const lessons = listLessons()
  const { outline } = loadOutline()
  return (
    <>
      <h1>Learn AWS by doing</h1>
      <p className="muted">
        Every lesson explains one AWS service and lets you run real AWS SDK code against your own emulator account.
      </p>
      {outline.parts.map((part) => {
        const partLessons = lessons.filter((l) => l.part === part.id)
        if (!partLessons.length) return null
        return (
          <section key={part.id} aria-labelledby={`part-${part.id}`}>
            <h2 id={`part-${part.id}`}>{part.title}</h2>
            <ul className="card-list">
              {partLessons.map((lesson) => (
                <li key={lesson.section} className="card">
                  <Link href={`/lessons/${lesson.section}`}>{lesson.title}</Link>
                  <p>{lesson.summary}</p>
                  <p>{lesson.minutes} min</p>
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </>
  )
}
