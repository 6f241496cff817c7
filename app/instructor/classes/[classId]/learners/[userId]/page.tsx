import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { LabCodePanels, LearnerTimeline } from '@/components/instructor/LearnerTimeline'
import { requireInstructor } from '@/lib/auth/require'
import { learnerTimeline } from '@/lib/instructor/learner-timeline'

export const metadata: Metadata = { title: 'Learner timeline' }

type Props = { params: Promise<{ classId: string; userId: string }> }

export default async function LearnerTimelinePage({ params }: Props) {
  const { classId, userId } = await params
  const user = await requireInstructor(`/instructor/classes/${classId}/learners/${userId}`)
  // not their class, or not a learner of it: the same 404 as a missing page
  const timeline = await learnerTimeline(user, classId, userId)
  if (!timeline) notFound()
  return (
    <>
      <p className="eyebrow">
        <Link href={`/instructor/classes/${classId}`}>{timeline.classTitle}</Link> · learner timeline
      </p>
      <h1 data-testid="learner-name">{timeline.learner.name}</h1>
      <p className="muted">{timeline.learner.email}</p>
      <h2>Latest lab code</h2>
      <LabCodePanels labs={timeline.labs} />
      <h2>Timeline</h2>
      <LearnerTimeline entries={timeline.entries} truncated={timeline.truncated} />
    </>
  )
}
