import Link from 'next/link'
import { PAGE_SIZE, type ClassProgress } from '@/lib/instructor/class-progress'

/** "Learners 51–100 of 500" with previous/next links; nothing for a class that fits on one page. */
export function MatrixPager({
  progress,
}: {
  progress: Pick<ClassProgress, 'classId' | 'page' | 'pages' | 'learners' | 'roster'>
}) {
  if (progress.pages <= 1) return null
  const first = (progress.page - 1) * PAGE_SIZE + 1
  const href = (page: number) => `/instructor/classes/${progress.classId}?page=${page}`
  return (
    <nav className="matrix-pager" aria-label="Roster pages" data-testid="matrix-pager">
      {progress.page > 1 ? <Link href={href(progress.page - 1)}>← Previous</Link> : <span />}
      <span>
        Learners {first}–{first + progress.roster.length - 1} of {progress.learners} · page {progress.page} of{' '}
        {progress.pages}
      </span>
      {progress.page < progress.pages ? <Link href={href(progress.page + 1)}>Next →</Link> : <span />}
    </nav>
  )
}
