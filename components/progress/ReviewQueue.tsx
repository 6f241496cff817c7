'use client'
import { useState } from 'react'
import { z } from 'zod'
import { fromNow } from '@/lib/progress/when'

export type ReviewItem = {
  section: string
  lessonTitle: string
  question: {
    id: string
    type: 'single' | 'multiple' | 'true-false'
    prompt: string
    options: { id: string; text: string }[]
  }
}

const answerSchema = z.object({
  correct: z.boolean(),
  correctOptions: z.array(z.string()),
  explanation: z.string(),
  nextDue: z.iso.datetime(),
})
const errorSchema = z.object({ error: z.string() })
type Answer = z.infer<typeof answerSchema>

/**
 * Due questions one at a time: the learner answers, the server grades and schedules (ts-fsrs), the explanation shows,
 * then the next question. "I was unsure" makes a right answer come back sooner.
 */
export function ReviewQueue({ items }: { items: ReviewItem[] }) {
  const [index, setIndex] = useState(0)
  const [chosen, setChosen] = useState<string[]>([])
  const [unsure, setUnsure] = useState(false)
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [error, setError] = useState<string>()
  const [sending, setSending] = useState(false)
  const [right, setRight] = useState(0)

  const item = items[index]
  if (!item) {
    return (
      <p role="status" data-testid="review-done">
        Review done: {right} of {items.length} right. Questions come back when they are due again.
      </p>
    )
  }
  const { question } = item
  const multiple = question.type === 'multiple'

  const choose = (id: string, checked: boolean) =>
    setChosen((current) => (multiple ? (checked ? [...current, id] : current.filter((c) => c !== id)) : [id]))

  const submit = async () => {
    setSending(true)
    setError(undefined)
    try {
      const response = await fetch('/api/review', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ section: item.section, questionId: question.id, answers: chosen, unsure }),
      })
      const body: unknown = await response.json().catch(() => null)
      const parsed = answerSchema.safeParse(body)
      if (!response.ok || !parsed.success) {
        const problem = errorSchema.safeParse(body)
        throw new Error(problem.success ? problem.data.error : `the server answered ${response.status}`)
      }
      setAnswer(parsed.data)
      if (parsed.data.correct) setRight((n) => n + 1)
    } catch (e) {
      setError(`Could not save your answer: ${e instanceof Error ? e.message : String(e)}. Try again.`)
    } finally {
      setSending(false)
    }
  }

  const next = () => {
    setIndex((i) => i + 1)
    setChosen([])
    setUnsure(false)
    setAnswer(null)
    setError(undefined)
  }

  return (
    <section className="quiz review" aria-labelledby="review-question" data-testid="review-queue">
      <p className="muted">
        Question {index + 1} of {items.length} · from <a href={`/lessons/${item.section}`}>{item.lessonTitle}</a>
      </p>
      <fieldset disabled={answer !== null}>
        <legend id="review-question">
          {question.prompt}
          {multiple && <span className="muted"> (select all that apply)</span>}
        </legend>
        {question.options.map((option) => (
          <label key={option.id}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={`review-${item.section}-${question.id}`}
              value={option.id}
              checked={chosen.includes(option.id)}
              onChange={(e) => choose(option.id, e.target.checked)}
            />
            <span>
              {option.text}
              {answer?.correctOptions.includes(option.id) && <span className="sr-only"> (correct answer)</span>}
              {answer?.correctOptions.includes(option.id) && ' ✓'}
            </span>
          </label>
        ))}
        {!answer && (
          <label className="muted">
            <input type="checkbox" checked={unsure} onChange={(e) => setUnsure(e.target.checked)} /> I was unsure
          </label>
        )}
      </fieldset>
      {answer && (
        <div className="explanation" role="status" data-testid="review-verdict">
          <span className={answer.correct ? 'verdict-correct' : 'verdict-wrong'}>
            {answer.correct ? 'Correct. ' : 'Not quite. '}
          </span>
          {answer.explanation}{' '}
          <span className="muted">This question comes back {fromNow(new Date(answer.nextDue), new Date())}.</span>
        </div>
      )}
      {error && (
        <p role="alert" className="verdict-wrong">
          {error}
        </p>
      )}
      {answer ? (
        <button type="button" className="primary" onClick={next}>
          {index + 1 < items.length ? 'Next question' : 'Finish'}
        </button>
      ) : (
        <button type="button" className="primary" onClick={submit} disabled={sending || chosen.length === 0}>
          {sending ? 'Checking…' : 'Check answer'}
        </button>
      )}
    </section>
  )
}
