import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PartExam } from '@/components/exam/PartExam'
import { currentLearner } from '@/lib/auth/learner'
import { drawExam, publicExam } from '@/lib/content/exam'
import { optionIdSecret } from '@/lib/content/option-secret'
import { examAttempt, partExamSource } from '@/lib/content/part-exams'
import { lastExamSubmission, nextExamAttempt } from '@/lib/progress/exams'

type Props = { params: Promise<{ part: string }>; searchParams: Promise<{ attempt?: string | string[] }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const source = partExamSource((await params).part)
  return source ? { title: `${source.title}: part exam` } : {}
}

export default async function PartExamPage({ params, searchParams }: Props) {
  const { part } = await params
  const source = partExamSource(part)
  if (!source) notFound()
  const learner = await currentLearner()
  // no (or a bad) ?attempt= means the next unsubmitted draw: a reload keeps the exam, a return visit gets a new one
  const parsed = examAttempt.safeParse((await searchParams).attempt)
  const [attempt, last] = await Promise.all([
    parsed.success ? parsed.data : nextExamAttempt(learner.id, part),
    lastExamSubmission(learner.id, part),
  ])
  const exam = drawExam(source.lessons, { learnerId: learner.id, part, attempt })
  const questions = publicExam(exam, source.lessons, optionIdSecret(), learner.id)
  const asked = new Set(exam.map((q) => q.section)).size

  return (
    <article>
      <header className="lesson-header">
        <p className="eyebrow">
          <Link href="/">Course</Link> · {source.title}
        </p>
        <h1>{source.title}: part exam</h1>
        <p className="summary">
          {questions.length} questions from {asked} of the part&apos;s {source.lessons.length} lessons, mixed, scored
          per lesson. After you submit, each miss links back to its lesson.
        </p>
        {last && (
          <p className="muted" data-testid="exam-last">
            Your last exam in this part: {last.score} / {last.total} (attempt {last.attempt},{' '}
            {new Date(last.submittedAt).toLocaleDateString('en', { dateStyle: 'medium' })})
          </p>
        )}
      </header>
      <PartExam key={attempt} part={part} attempt={attempt} questions={questions} />
    </article>
  )
}
