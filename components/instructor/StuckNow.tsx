'use client'
import Link from 'next/link'
import { useEffect, useState } from 'react'
import { z } from 'zod'
import { STUCK_RULES as rules } from '@/lib/instructor/stuck'

const rowSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  step: z.string(),
  stepTitle: z.string(),
  stepHref: z.string(),
  why: z.array(z.string()),
  lastActivityAt: z.string(),
})
const answerSchema = z.object({ at: z.string(), learners: z.array(rowSchema) })
export type StuckNowRow = z.infer<typeof rowSchema>

/** How often the list refreshes while the tab is visible: "now" within half a minute, one small request each time. */
const REFRESH_MS = 30_000

/**
 * "Who is stuck now": rendered on the server, then refreshed from /api/classes/[classId]/stuck every 30 seconds
 * while the page is visible (no reload, and the big matrix is not re-rendered). Names are text, never HTML.
 */
export function StuckNow({ classId, initial, at }: { classId: string; initial: StuckNowRow[]; at: string }) {
  const [rows, setRows] = useState(initial)
  const [updatedAt, setUpdatedAt] = useState(at)
  const [problem, setProblem] = useState<string>()

  useEffect(() => {
    let stopped = false
    const refresh = async () => {
      if (document.hidden) return
      try {
        const response = await fetch(`/api/classes/${classId}/stuck`, { cache: 'no-store' })
        const parsed = answerSchema.safeParse(await response.json())
        if (!response.ok || !parsed.success) throw new Error(`the server answered ${response.status}`)
        if (stopped) return
        setRows(parsed.data.learners)
        setUpdatedAt(parsed.data.at)
        setProblem(undefined)
      } catch (e) {
        if (!stopped)
          setProblem(
            `Could not refresh (${e instanceof Error ? e.message : String(e)}); trying again in ${REFRESH_MS / 1000} s.`,
          )
      }
    }
    const timer = setInterval(refresh, REFRESH_MS)
    document.addEventListener('visibilitychange', refresh)
    return () => {
      stopped = true
      clearInterval(timer)
      document.removeEventListener('visibilitychange', refresh)
    }
  }, [classId])

  return (
    <section aria-labelledby="stuck-now" data-testid="stuck-now">
      <h2 id="stuck-now">Who is stuck now</h2>
      <p className="muted">
        {rules.failingChecks} or more failing checks on one lab in {rules.failingWindowMinutes} min, or{' '}
        {rules.longOnStepMinutes} min or more on one lesson or lab without progress, among learners active in the last{' '}
        {rules.activeWithinMinutes} min. Updated{' '}
        <time dateTime={updatedAt} suppressHydrationWarning>
          {new Date(updatedAt).toLocaleTimeString()}
        </time>
        , every {REFRESH_MS / 1000} s.
      </p>
      {problem && <p role="alert">{problem}</p>}
      {rows.length === 0 ? (
        <p data-testid="stuck-none">Nobody looks stuck right now.</p>
      ) : (
        <ul className="stuck-list">
          {rows.map((row) => (
            <li key={row.userId} data-learner={row.email}>
              <Link href={`/instructor/classes/${classId}/learners/${row.userId}`}>{row.name}</Link> on{' '}
              <Link href={row.stepHref}>{row.stepTitle}</Link>
              <ul>
                {row.why.map((why) => (
                  <li key={why}>{why}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
