import 'server-only'
import { getLessonFile } from '../content/lessons'
import { listLabIds, readLab } from '../labs/lab-files'

/** "lab:<id>" / "lesson:<section>" → the title a person knows it by (the raw id when it no longer exists). */
export function stepTitle(step: string): string {
  const [kind, id = ''] = step.split(/:(.*)/s)
  if (kind === 'lab') return listLabIds().includes(id) ? `lab “${readLab(id).meta.title}”` : `lab ${id}`
  const title = getLessonFile(id)?.frontmatter.title
  return title ? `lesson “${title}”` : `lesson ${id}`
}

/** Where the instructor can look at the step themselves. */
export function stepHref(step: string): string {
  const [kind, id = ''] = step.split(/:(.*)/s)
  return kind === 'lab' ? `/labs/${encodeURIComponent(id)}` : `/lessons/${encodeURIComponent(id)}`
}
