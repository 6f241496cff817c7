import Link from 'next/link'
import { currentLearner } from '@/lib/auth/learner'
import { listLessons } from '@/lib/content/lessons'
import { loadOutline } from '@/lib/content/outline'
import { courseProgress, lastVisited } from '@/lib/progress/lessons'

export default async function CourseHome() {
  const lessons = listLessons()
  const { outline } = loadOutline()
  const learner = await currentLearner()
  const [progress, last] = await Promise.all([courseProgress(learner.id), lastVisited(learner.id)])
  const continueLesson = last ? lessons.find((l) => l.section === last.section) : undefined
  const totalMinutes = lessons.reduce((sum, l) => sum + l.minutes, 0)
  const completed = lessons.filter((l) => progress.get(l.section)?.complete).length

  return (
    <>
      <h1>Learn AWS by doing</h1>
      <p className="muted">
        {lessons.length} lessons in {outline.parts.length} parts, about {Math.round(totalMinutes / 60)} hours. Every
        lesson explains one AWS service and lets you run real AWS SDK code against your own emulator account. You have
        completed {completed} of {lessons.length}.
      </p>
      {continueLesson && last && (
        <div className="continue-card" data-testid="continue">
          <strong>Continue where you left off:</strong>{' '}
          <Link href={`/lessons/${continueLesson.section}`}>{continueLesson.title}</Link>{' '}
          <span className="muted">({last.readPercent} % read)</span>
        </div>
      )}
      {outline.parts.map((part) => {
        const partLessons = lessons.filter((l) => l.part === part.id)
        if (!partLessons.length) return null
        const done = partLessons.filter((l) => progress.get(l.section)?.complete).length
        const minutes = partLessons.reduce((sum, l) => sum + l.minutes, 0)
        return (
          <section key={part.id} aria-labelledby={`part-${part.id}`} data-testid="part">
            <div className="part-summary">
              <h2 id={`part-${part.id}`}>{part.title}</h2>
              <span className="muted">
                {done} / {partLessons.length} complete · {minutes} min
              </span>
            </div>
            <div
              className="progress-bar"
              role="progressbar"
              aria-label={`${part.title} progress`}
              aria-valuemin={0}
              aria-valuemax={partLessons.length}
              aria-valuenow={done}
            >
              <div style={{ width: `${(done / partLessons.length) * 100}%` }} />
            </div>
            <ul className="card-list">
              {partLessons.map((lesson) => {
                const p = progress.get(lesson.section)
                return (
                  <li key={lesson.section} className="card" data-complete={p?.complete ? 'true' : 'false'}>
                    <Link href={`/lessons/${lesson.section}`}>
                      {p?.complete && <span aria-label="completed">✓ </span>}
                      {lesson.title}
                    </Link>
                    <p>{lesson.summary}</p>
                    <p className="status">
                      {lesson.minutes} min
                      {p && p.readPercent > 0 && ` · ${p.readPercent} % read`}
                      {p?.bestScore != null && ` · quiz ${p.bestScore}/${p.total}`}
                    </p>
                  </li>
                )
              })}
            </ul>
          </section>
        )
      })}
    </>
  )
}
