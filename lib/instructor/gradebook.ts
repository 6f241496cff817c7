import { stringify } from 'csv-stringify/sync'
import { cellFor } from './grid'
import type { ClassProgress } from './class-progress'

export const GRADEBOOK_COLUMNS = [
  'learner_name',
  'learner_email',
  'lesson',
  'lesson_title',
  'status',
  'best_quiz_score',
  'quiz_total',
  'quiz_attempts',
  'labs_passed',
  'labs_total',
] as const

/**
 * Spreadsheets run cells that start with = + - @ (or a tab/CR) as formulas: a learner named "=HYPERLINK(…)" must
 * stay text, so such values get a leading apostrophe (OWASP "CSV injection").
 */
export const defuseFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

/** Learner × lesson rows, one per lesson for every learner in the roster. */
export function gradebookCsv(progress: Pick<ClassProgress, 'roster' | 'lessons' | 'grid'>): string {
  const rows = progress.roster.flatMap((learner) =>
    progress.lessons.map((lesson) => {
      const c = cellFor(progress.grid, learner.learnerId, lesson.section)
      return [
        defuseFormula(learner.name),
        defuseFormula(learner.email),
        lesson.section,
        defuseFormula(lesson.title),
        c.status,
        c.bestScore ?? '',
        c.total ?? '',
        c.quizAttempts,
        c.labsPassed,
        lesson.labs,
      ]
    }),
  )
  return stringify(rows, { header: true, columns: [...GRADEBOOK_COLUMNS], record_delimiter: 'windows' })
}
