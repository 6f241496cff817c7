import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ItemAnalysisTable } from '@/components/instructor/ItemAnalysisTable'
import { requireInstructor } from '@/lib/auth/require'
import { classQuizAnalysis } from '@/lib/instructor/class-quiz'

export const metadata: Metadata = { title: 'Quiz item analysis' }

type Props = { params: Promise<{ classId: string; section: string }> }

export default async function QuizAnalysisPage({ params }: Props) {
  const { classId, section } = await params
  const user = await requireInstructor(`/instructor/classes/${classId}/quiz/${section}`)
  const analysis = await classQuizAnalysis(user, classId, section)
  if (!analysis) notFound()
  return (
    <>
      <p className="eyebrow">
        <Link href={`/instructor/classes/${classId}`}>{analysis.title}</Link> · quiz item analysis
      </p>
      <h1>{analysis.lessonTitle}</h1>
      <p className="muted">
        First submission of each of {analysis.learners} learner{analysis.learners === 1 ? '' : 's'} in this class.
      </p>
      <ItemAnalysisTable items={analysis.items} />
    </>
  )
}
