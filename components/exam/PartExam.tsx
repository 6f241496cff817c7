'use client'
import Link from 'next/link'
import { useState } from 'react'
import type { ExamResult, PublicExamQuestion } from '@/lib/content/exam'

type Props = { part: string; attempt: number; questions: PublicExamQuestion[] }

function isResult(value: unknown): value is ExamResult {
  return typeof value === 'object' && value !== null && 'score' in value && 'lessons' in value && 'misses' in value
}

function serverError(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('error' in value)) return undefined
  return typeof value.error === 'string' ? value.error : undefined
}

/** A part exam: answered in one go, graded on the server, then scored per lesson with a review of every miss. */
export function PartExam({ part, attempt, questions }: Props) {
  const [answers, setAnswers] = useState<Record<string, string[]>>({})
  const [result, setResult] = useState<ExamResult | null>(null)
  const [error, setError] = useState<string>()
  const [submitting, setSubmitting] = useState(false)

  const choose = (key: string, optionId: string, multiple: boolean, checked: boolean) => {
    setAnswers((previous) => {
      const current = previous[key] ?? []
      const next = multiple ? (checked ? [...current, optionId] : current.filter((id) => id !== optionId)) : [optionId]
      return { ...previous, [key]: next }
    })
  }

  const submit = async () => {
    setSubmitting(true)
    setError(undefined)
    try {
      const response = await fetch(`/api/exams/${part}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ attempt, answers }),
      })
      const body: unknown = await response.json()
      // the server explains refusals (e.g. a stale page); show that rather than a generic failure
      if (!response.ok || !isResult(body)) throw new Error(serverError(body) ?? 'the exam could not be graded')
      setResult(body)
      window.scrollTo({ top: 0, behavior: 'smooth' })
    } catch (e) {
      setError(`Could not submit the exam: ${e instanceof Error ? e.message : String(e)}. Try again.`)
    } finally {
      setSubmitting(false)
    }
  }

  const unanswered = questions.filter((q) => !answers[q.key]?.length).length
  const missed = new Set(result?.misses.map((m) => m.key))

  return (
    <section className="quiz" aria-label="Part exam" data-testid="exam">
      {result && (
        <div role="status" data-testid="exam-result">
          <h2>
            Your score: {result.score} / {result.total}
          </h2>
          <table>
            <caption className="sr-only">Score per lesson</caption>
            <thead>
              <tr>
                <th scope="col">Lesson</th>
                <th scope="col">Score</th>
              </tr>
            </thead>
            <tbody>
              {result.lessons.map((lesson) => (
                <tr key={lesson.section} data-testid="exam-lesson-score">
                  <td>
                    <Link href={`/lessons/${lesson.section}`}>{lesson.title}</Link>
                  </td>
                  <td>
                    {lesson.score} / {lesson.total}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.misses.length > 0 ? (
            <>
              <h2>Review your misses</h2>
              <ol data-testid="exam-misses">
                {result.misses.map((miss) => (
                  <li key={miss.key} className="explanation">
                    <p>
                      <strong>{miss.prompt}</strong>
                    </p>
                    <p>
                      Your answer: {miss.chosen.length ? miss.chosen.join('; ') : 'none'}
                      <br />
                      Correct: {miss.correct.join('; ')}
                    </p>
                    <p>{miss.explanation}</p>
                    <p>
                      Revisit <Link href={`/lessons/${miss.section}`}>{miss.lessonTitle}</Link>
                    </p>
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <p>No misses: every answer was right.</p>
          )}
          <p>
            <Link href={`/parts/${part}/exam?attempt=${attempt + 1}`}>Take another exam with new questions</Link>
          </p>
        </div>
      )}
      {questions.map((question, index) => {
        const multiple = question.type === 'multiple'
        return (
          <fieldset
            key={question.key}
            disabled={!!result}
            data-missed={result ? String(missed.has(question.key)) : undefined}
          >
            <legend>
              {index + 1}. {question.prompt}
              {multiple && <span className="muted"> (select all that apply)</span>}
              <span className="muted"> ({question.lessonTitle})</span>
              {result && (missed.has(question.key) ? ' ✗' : ' ✓')}
            </legend>
            {question.options.map((option) => (
              <label key={option.id}>
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={`exam-${question.key}`}
                  value={option.id}
                  checked={(answers[question.key] ?? []).includes(option.id)}
                  onChange={(e) => choose(question.key, option.id, multiple, e.target.checked)}
                />
                <span>{option.text}</span>
              </label>
            ))}
          </fieldset>
        )
      })}
      {error && (
        <p role="alert" className="verdict-wrong">
          {error}
        </p>
      )}
      {!result && (
        <button type="button" className="primary" onClick={submit} disabled={submitting || unanswered > 0}>
          {submitting
            ? 'Submitting…'
            : unanswered > 0
              ? `Answer all questions (${unanswered} left)`
              : 'Submit the exam'}
        </button>
      )}
    </section>
  )
}
