import Link from 'next/link'
import type { ClassProgress } from '@/lib/instructor/class-progress'
import { cellFor, type Cell } from '@/lib/instructor/grid'

const label: Record<Cell['status'], string> = { 'not-started': '·', 'in-progress': '…', completed: '✓' }

/** Roster × lessons: status mark plus the best quiz score. Names and titles are React text, never HTML. */
export function ProgressMatrix({ progress }: { progress: ClassProgress }) {
  if (progress.roster.length === 0) return <p className="muted">No learners yet: share the join code or link above.</p>
  return (
    <div className="matrix-wrap">
      <table className="matrix" data-testid="progress-matrix">
        <caption className="sr-only">
          Progress of each learner (rows) in each lesson (columns): ✓ completed, … in progress, · not started
        </caption>
        <thead>
          <tr>
            <th scope="col">Learner</th>
            {progress.lessons.map((lesson) => (
              <th scope="col" key={lesson.section} title={lesson.title}>
                <Link href={`/lessons/${lesson.section}`}>{lesson.section}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {progress.roster.map((learner) => (
            <tr key={learner.userId} data-learner={learner.email}>
              <th scope="row" title={learner.email}>
                <Link href={`/instructor/classes/${progress.classId}/learners/${learner.userId}`}>{learner.name}</Link>
              </th>
              {progress.lessons.map((lesson) => {
                const c = cellFor(progress.grid, learner.learnerId, lesson.section)
                return (
                  <td
                    key={lesson.section}
                    data-section={lesson.section}
                    data-status={c.status}
                    title={`${learner.name} · ${lesson.title}: ${c.status}`}
                  >
                    {label[c.status]}
                    {c.bestScore !== null && ` ${c.bestScore}/${c.total}`}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
