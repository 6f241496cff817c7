import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { LabStuckPointsTable } from '@/components/instructor/LabStuckPointsTable'
import { requireInstructor } from '@/lib/auth/require'
import { classLabStuckPoints } from '@/lib/instructor/class-labs'

export const metadata: Metadata = { title: 'Lab stuck points' }

type Props = { params: Promise<{ classId: string }> }

export default async function LabStuckPointsPage({ params }: Props) {
  const { classId } = await params
  const user = await requireInstructor(`/instructor/classes/${classId}/labs`)
  const labs = await classLabStuckPoints(user, classId)
  if (!labs) notFound()
  return (
    <>
      <p className="eyebrow">
        <Link href={`/instructor/classes/${classId}`}>{labs.title}</Link> · labs
      </p>
      <h1>Lab stuck points</h1>
      <p className="muted">
        Per lab, the expectations its checks report failing, the ones that stopped the most learners first. “Fixed”
        counts learners whose later check passed it.
      </p>
      <LabStuckPointsTable labs={labs.labs} />
    </>
  )
}
