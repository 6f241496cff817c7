'use client'
import dynamic from 'next/dynamic'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Result } from '@/lib/results'
import { RunOutput } from '@/components/notebook/RunOutput'
import { useRun } from '@/components/notebook/use-run'
import { CheckResults } from './CheckResults'

const CodeEditor = dynamic(() => import('@/components/notebook/CodeEditor'), {
  ssr: false,
  loading: () => <div className="cell-editor" />,
})
const CodeDiff = dynamic(() => import('@/components/notebook/CodeEditor').then((m) => m.CodeDiff), { ssr: false })

type Props = { labId: string; starter: string; initialCode: string; lastResult: (Result & { at: string }) | null }
type SaveState = 'saved' | 'saving' | 'unsaved' | 'error'

const AUTOSAVE_DELAY_MS = 700

export function LabWorkbench({ labId, starter, initialCode, lastResult }: Props) {
  const [code, setCode] = useState(initialCode)
  const [saveState, setSaveState] = useState<SaveState>('saved')
  const [solution, setSolution] = useState<string>()
  // each comparison gets fresh model paths: kept models (see CodeDiff) would otherwise show an old draft
  const [comparisons, setComparisons] = useState(0)
  const [resetting, setResetting] = useState(false)
  const [notice, setNotice] = useState<string>()
  const run = useRun()
  const check = useRun()
  const latest = useRef(code)
  useEffect(() => {
    latest.current = code
  })

  // Autosave: a quiet moment after typing stops, the draft goes to the server.
  const firstRender = useRef(true)
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    setSaveState('unsaved')
    const timer = setTimeout(async () => {
      setSaveState('saving')
      const response = await fetch(`/api/labs/${labId}/draft`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      }).catch(() => undefined)
      if (latest.current === code) setSaveState(response?.ok ? 'saved' : 'error')
    }, AUTOSAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [code, labId])

  const execute = useCallback(() => void run.start('/api/run', { code: latest.current }), [run])
  const runCheck = () => void check.start(`/api/labs/${labId}/check`, {})

  const reset = async () => {
    if (!window.confirm('Reset the lab? Your code goes back to the starter and your lab resources are deleted.')) return
    setResetting(true)
    const response = await fetch(`/api/labs/${labId}/reset`, { method: 'POST' }).catch(() => undefined)
    const body: unknown = await response?.json().catch(() => undefined)
    setResetting(false)
    if (
      !response?.ok ||
      typeof body !== 'object' ||
      body === null ||
      !('starter' in body) ||
      typeof body.starter !== 'string'
    ) {
      setNotice('Reset failed: is the emulator running? Your code was kept.')
      return
    }
    setCode(body.starter)
    setSolution(undefined)
    setNotice('Lab reset: starter code restored and your lab resources removed.')
  }

  const toggleSolution = async () => {
    if (solution !== undefined) return setSolution(undefined)
    const response = await fetch(`/api/labs/${labId}/solution`)
    const body: unknown = await response.json()
    if (typeof body === 'object' && body !== null && 'solution' in body && typeof body.solution === 'string') {
      setComparisons((n) => n + 1)
      setSolution(body.solution)
    }
  }

  const shownResult = check.result ?? (check.running ? undefined : (lastResult ?? undefined))

  return (
    <div>
      <div className="cell" data-testid="lab-editor">
        <div className="cell-toolbar">
          <span className="title">Your code</span>
          <span className="save-state" data-testid="save-state" aria-live="polite">
            {
              {
                saved: 'All changes saved',
                saving: 'Saving…',
                unsaved: 'Unsaved changes',
                error: 'Could not save — retrying on next change',
              }[saveState]
            }
          </span>
        </div>
        <CodeEditor
          value={code}
          onChange={setCode}
          onRun={execute}
          path={`file:///labs/${labId}/draft.ts`}
          minLines={16}
          label="Lab code"
        />
      </div>
      <div className="lab-actions">
        <button type="button" className="primary" onClick={execute} disabled={run.running} data-testid="lab-run">
          {run.running ? 'Running…' : 'Run'}
        </button>
        <button type="button" className="primary" onClick={runCheck} disabled={check.running} data-testid="lab-check">
          {check.running ? 'Checking…' : 'Check'}
        </button>
        <button type="button" onClick={toggleSolution} data-testid="lab-solution">
          {solution !== undefined ? 'Hide solution' : 'Compare with solution'}
        </button>
        <button type="button" onClick={reset} disabled={resetting || code === starter} data-testid="lab-reset">
          {resetting ? 'Resetting…' : 'Reset lab'}
        </button>
      </div>
      {notice && <p role="status">{notice}</p>}
      {(run.running || run.result || run.lines.length > 0) && (
        <div className="cell">
          <RunOutput lines={run.lines} result={run.result} durationMs={run.durationMs} running={run.running} />
        </div>
      )}
      {check.running && <p className="muted">Checking your account…</p>}
      {shownResult && <CheckResults result={shownResult} />}
      {solution !== undefined && (
        <section className="diff-panel" aria-label="Your code compared with the solution" data-testid="solution-diff">
          <header>
            <span>Your code</span>
            <span>Solution (read-only — your code is not changed)</span>
          </header>
          <CodeDiff original={code} modified={solution} path={`file:///labs/${labId}/compare-${comparisons}`} />
        </section>
      )}
    </div>
  )
}
