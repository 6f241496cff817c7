import Link from 'next/link'

export type PathView = {
  id: string
  title: string
  summary: string
  lessons: { section: string; title: string; complete: boolean }[]
}

/**
 * The learning paths on the course home: where to start, and an order per role. Each path shows its next unfinished
 * lesson up front, so a returning learner does not have to scan the list; the full order sits in a disclosure.
 */
export function LearningPaths({ paths }: { paths: PathView[] }) {
  return (
    <section aria-labelledby="paths-heading" data-testid="learning-paths">
      <h2 id="paths-heading">Learning paths</h2>
      <ul className="card-list">
        {paths.map((path) => {
          const done = path.lessons.filter((l) => l.complete).length
          const next = path.lessons.find((l) => !l.complete)
          return (
            <li key={path.id} className="card" data-testid={`path-${path.id}`}>
              <strong>{path.title}</strong>
              <p>{path.summary}</p>
              <p className="status">
                {done} / {path.lessons.length} complete
                {next && (
                  <>
                    {' · '}
                    {done === 0 ? 'Start with ' : 'Next: '}
                    <Link href={`/lessons/${next.section}`}>{next.title}</Link>
                  </>
                )}
              </p>
              <details open={path.id === 'start-here'}>
                <summary>The {path.lessons.length} lessons in order</summary>
                <ol>
                  {path.lessons.map((lesson) => (
                    <li key={lesson.section}>
                      <Link href={`/lessons/${lesson.section}`}>{lesson.title}</Link>
                      {lesson.complete && <span aria-label="completed"> ✓</span>}
                    </li>
                  ))}
                </ol>
              </details>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
