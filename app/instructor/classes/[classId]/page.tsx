import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { CompletionChart, ScoreChart } from '@/components/instructor/ClassCharts'
import { CoInstructorForm } from '@/components/instructor/CoInstructorForm'
import { MatrixPager } from '@/components/instructor/MatrixPager'
import { ProgressMatrix } from '@/components/instructor/ProgressMatrix'
import { QuizLinks } from '@/components/instructor/QuizLinks'
import { StuckNow } from '@/components/instructor/StuckNow'
import { requireInstructor } from '@/lib/auth/require'
import { joinLink } from '@/lib/classes/join-link'
import { teachableClass } from '@/lib/instructor/access'
import { classDashboard } from '@/lib/instructor/dashboard'

export const metadata: Metadata = { title: 'Class dashboard' }

type Props = { params: Promise<{ classId: string }>; searchParams?: Promise<{ page?: string | string[] }> }

export default async function ClassDashboard({ params, searchParams }: Props) {
  const { classId } = await params
  const page = Number((await searchParams)?.page ?? 1)
  const user = await requireInstructor(`/instructor/classes/${classId}`)
  // someone else's class answers exactly like a missing one: no probing for class ids
  const [found, dashboard] = await Promise.all([
    teachableClass(user, classId),
    classDashboard(user, classId, Number.isFinite(page) ? page : 1),
  ])
  if (!found || !dashboard) notFound()
  const { progress } = dashboard
  const link = await joinLink(found.joinCode)
  return (
    <>
      <p className="eyebrow">Class</p>
      <h1 data-testid="class-title">{found.title}</h1>
      <div className="continue-card">
        <p>
          Join code: <strong data-testid="join-code">{found.joinCode}</strong>
        </p>
        <p>
          Join link: <code data-testid="join-link">{link}</code>
        </p>
      </div>
      <StuckNow classId={found.id} initial={dashboard.stuck} at={dashboard.at.toISOString()} />
      <h2>Progress</h2>
      <p>
        <a href={`/api/classes/${found.id}/gradebook`} download data-testid="gradebook-link">
          Download gradebook (CSV)
        </a>{' '}
        <span className="muted">learner × lesson: status, best quiz score, attempts, labs passed</span> ·{' '}
        <a href={`/api/classes/${found.id}/xapi`} download data-testid="xapi-link">
          xAPI statements (NDJSON)
        </a>{' '}
        · <Link href={`/instructor/classes/${found.id}/labs`}>Lab stuck points</Link>
      </p>
      <MatrixPager progress={progress} />
      <ProgressMatrix progress={progress} />
      <QuizLinks progress={progress} />
      <h2>Class charts</h2>
      <div className="chart-row">
        <CompletionChart bars={dashboard.bars} learners={progress.learners} />
        <ScoreChart bins={dashboard.scores} />
      </div>
      <h2>Instructors</h2>
      <ul>
        {found.instructors.map(({ user: teacher }) => (
          <li key={teacher.id}>
            {teacher.name} <span className="muted">({teacher.email})</span>
          </li>
        ))}
      </ul>
      <div className="narrow">
        <CoInstructorForm classId={found.id} />
      </div>
    </>
  )
}
