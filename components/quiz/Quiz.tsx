'use client'
import { useRef, useState } from 'react'
import type { PublicQuiz } from '@/lib/content/lessons'
import type { QuizAttempt } from '@/lib/progress/quiz'

type Props = { section: string; quiz: PublicQuiz; lastAttempt: QuizAttempt | null }

function isAttempt(value: unknown): value is QuizAttempt {
  return typeof value === 'object' && value !== null && 'score' in value && 'questions' in value
}

function serverError(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('error' in value)) return undefined
  return typeof value.error === 'string' ? value.error : undefined
}

/** End-of-lesson quiz: graded on the server, stored; coming back shows the last result and allows a retry. */
export function Quiz({ section, quiz, lastAttempt }: Props) {
  const [attempt, setAttempt] = useState<QuizAttempt | null>(lastAttempt)
  const [answers, setAnswers] = useState<Record<string, string[]>>(() =>
    Object.fromEntries((lastAttempt?.questions ?? []).map((q) => [q.id, q.chosen])),
  )
  const [error, setError] = useState<string>()
  const [submitting, setSubmitting] = useState(false)
  const startedAt = useRef<number | null>(null)

  const choose = (questionId: string, optionId: string, multiple: boolean, checked: boolean) => {
    startedAt.current ??= Date.now()
    setAnswers((previous) => {
      const current = previous[questionId] ?? []
      const next = multiple ? (checked ? [...current, optionId] : current.filter((id) => id !== optionId)) : [optionId]
      return { ...previous, [questionId]: next }
    })
  }

  const submit = async () => {
    setSubmitting(true)
    setError(undefined)
    try {
      const response = await fetch(`/api/quiz/${section}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answers, durationMs: startedAt.current ? Date.now() - startedAt.current : null }),
      })
      const body: unknown = await response.json()
      // the server explains refusals (e.g. options from a stale page); show that rather than a generic failure
      if (!response.ok || !isAttempt(body)) throw new Error(serverError(body) ?? 'the answers could not be saved')
      setAttempt(body)
    } catch (e) {
      setError(`Could not submit the quiz: ${e instanceof Error ? e.message : String(e)}. Try again.`)
    } finally {
      setSubmitting(false)
    }
  }

  const retry = () => {
    setAttempt(null)
    setAnswers({})
    startedAt.current = null
  }

  const graded = new Map(attempt?.questions.map((q) => [q.id, q]))
  const unanswered = quiz.questions.filter((q) => !answers[q.id]?.length).length

  return (
    <section className="quiz" aria-labelledby="quiz-heading" data-testid="quiz">
      <h2 id="quiz-heading">Check your understanding</h2>
      {attempt && (
        <p data-testid="quiz-score" role="status">
          <strong>
            Your last result: {attempt.score} / {attempt.total}
          </strong>{' '}
          <span className="muted">({new Date(attempt.submittedAt).toLocaleString()})</span>
        </p>
      )}
      {quiz.questions.map((question, index) => {
        const result = graded.get(question.id)
        const multiple = question.type === 'multiple'
        return (
          <fieldset key={question.id} disabled={!!attempt}>
            <legend>
              {index + 1}. {question.prompt}
              {multiple && <span className="muted"> (select all that apply)</span>}
            </legend>
            {question.options.map((option) => {
              const picked = result?.chosen.includes(option.id) ?? false
              const right = result?.correctOptions.includes(option.id) ?? false
              return (
                <label
                  key={option.id}
                  data-verdict={result ? (right ? 'correct' : picked ? 'wrong' : undefined) : undefined}
                >
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    name={`${section}-${question.id}`}
                    value={option.id}
                    checked={(answers[question.id] ?? []).includes(option.id)}
                    onChange={(e) => choose(question.id, option.id, multiple, e.target.checked)}
                  />
                  <span>
                    {option.text}
                    {right && <span className="sr-only"> (correct answer)</span>}
                    {right && ' ✓'}
                    {/* a wrong pick is said in words, not only by a greyed-out control */}
                    {picked && !right && (
                      <span className="verdict-wrong" data-testid="wrong-pick">
                        {' '}
                        ✗ your answer
                      </span>
                    )}
                  </span>
                </label>
              )
            })}
            {result && (
              <div className="explanation">
                <span className={result.correct ? 'verdict-correct' : 'verdict-wrong'}>
                  {result.correct ? 'Correct. ' : 'Not quite. '}
                </span>
                {result.explanation}
              </div>
            )}
          </fieldset>
        )
      })}
      {error && (
        <p role="alert" className="verdict-wrong">
          {error}
        </p>
      )}
      {attempt ? (
        <button type="button" onClick={retry}>
          Retry the quiz
        </button>
      ) : (
        <button type="button" className="primary" onClick={submit} disabled={submitting || unanswered > 0}>
          {submitting ? 'Submitting…' : unanswered > 0 ? `Answer all questions (${unanswered} left)` : 'Submit answers'}
        </button>
      )}
    </section>
  )
}
