'use client'
import dynamic from 'next/dynamic'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Result } from '@/lib/results'
import { RunOutput } from '@/components/notebook/RunOutput'
import { useRun } from '@/components/notebook/use-run'
import type { EditorHandle } from '@/components/notebook/CodeEditor'
import { prepareEnvironmentOnce } from '@/components/notebook/prepare-environment'
import { SAVE_LABEL, useAutosave } from '@/components/notebook/use-autosave'
import { CheckResults } from './CheckResults'

const CodeEditor = dynamic(() => import('@/components/notebook/CodeEditor'), {
  ssr: false,
  loading: () => <div className="cell-editor" />,
})
const CodeDiff = dynamic(() => import('@/components/notebook/CodeEditor').then((m) => m.CodeDiff), { ssr: false })

type Props = {
  labId: string
  initialCode: string
  lastResult: (Result & { at: string }) | null
  steps: { number: number; title: string }[]
  /** Decided by the server (lib/labs/assistance.ts): the solution is never in the page before it is revealed. */
  solutionState: 'locked' | 'offered' | 'revealed'
}

export function LabWorkbench({ labId, initialCode, lastResult, steps, solutionState }: Props) {
  useEffect(() => prepareEnvironmentOnce(initialCode), [initialCode])
  const router = useRouter()
  // a reset hides the last recorded result until the next check
  const [showStored, setShowStored] = useState(true)
  const code = useRef(initialCode)
  const editor = useRef<EditorHandle | null>(null)
  const autosave = useAutosave(`/api/labs/${labId}/draft`)
  const [solution, setSolution] = useState<string>()
  const [compared, setCompared] = useState('')
  // each comparison gets fresh model paths: kept models (see CodeDiff) would otherwise show an old draft
  const [comparisons, setComparisons] = useState(0)
  const [resetting, setResetting] = useState(false)
  const [notice, setNotice] = useState<string>()
  const run = useRun()
  const check = useRun()

  const execute = useCallback(async () => {
    if (run.running) return
    editor.current?.markError(undefined)
    const result = await run.start('/api/run', { code: code.current, scope: { lab: labId } })
    if (result?.line) editor.current?.markError(result.line, result.message)
  }, [run, labId])
  const onChange = useCallback(
    (value: string) => {
      code.current = value
      autosave.changed(value)
    },
    [autosave],
  )
  const runCheck = async () => {
    setShowStored(false)
    await check.start(`/api/labs/${labId}/check`, {})
    // a failed check may unlock the next hint or offer the solution: the server decides, the page re-renders
    router.refresh()
  }

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
    autosave.settle()
    code.current = body.starter
    editor.current?.setValue(body.starter)
    setSolution(undefined)
    run.clear()
    check.clear()
    setShowStored(false)
    setNotice('Lab reset: starter code restored and your lab resources removed.')
  }

  const toggleSolution = async () => {
    if (solution !== undefined) return setSolution(undefined)
    if (
      solutionState === 'locked' &&
      !window.confirm(
        'Show the solution now? Your instructor will see that you opened it. It opens beside your code as a comparison; your code is not changed.',
      )
    )
      return
    const response = await fetch(`/api/labs/${labId}/solution`, { method: 'POST' }).catch(() => undefined)
    const body: unknown = await response?.json().catch(() => undefined)
    if (typeof body === 'object' && body !== null && 'solution' in body && typeof body.solution === 'string') {
      setComparisons((n) => n + 1)
      setCompared(code.current)
      setSolution(body.solution)
      router.refresh()
    } else setNotice('The solution could not be loaded. Try again in a moment.')
  }

  const shownResult = check.result ?? (check.running || !showStored ? undefined : (lastResult ?? undefined))
  const solutionLabel =
    solution !== undefined
      ? 'Hide solution'
      : solutionState === 'locked'
        ? 'Show me the solution'
        : 'Compare with the solution'

  return (
    <div>
      <div className="cell" data-testid="lab-editor">
        <div className="cell-toolbar">
          <span className="title">Your code</span>
          <span className="save-state" data-testid="save-state" aria-live="polite">
            {autosave.state === 'saved' ? 'All changes saved' : SAVE_LABEL[autosave.state]}
          </span>
        </div>
        <CodeEditor
          initialValue={initialCode}
          onReady={(handle) => {
            editor.current = handle
          }}
          onChange={onChange}
          onRun={() => void execute()}
          path={`file:///labs/${labId}/draft.ts`}
          minLines={16}
          label="Lab code"
        />
      </div>
      <div className="lab-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void execute()}
          aria-disabled={run.running}
          data-testid="lab-run"
        >
          {run.running ? 'Running…' : 'Run'}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void (check.running ? undefined : runCheck())}
          aria-disabled={check.running}
          data-testid="lab-check"
        >
          {check.running ? 'Checking…' : 'Check'}
        </button>
        <button
          type="button"
          onClick={toggleSolution}
          data-testid="lab-solution"
          data-state={solutionState}
          className={solutionState === 'offered' ? 'primary-outline' : undefined}
        >
          {solutionLabel}
        </button>
        {/* never disabled by "code equals the starter": the starter itself creates resources a reset removes */}
        <button type="button" onClick={reset} disabled={resetting} data-testid="lab-reset">
          {resetting ? 'Resetting…' : 'Reset lab'}
        </button>
      </div>
      {notice && <p role="status">{notice}</p>}
      {(run.running || run.result || run.lines.length > 0) && (
        <div className="cell">
          <RunOutput
            lines={run.lines}
            calls={run.calls}
            result={run.result}
            durationMs={run.durationMs}
            running={run.running}
          />
        </div>
      )}
      {check.running && <p className="muted">Checking your account…</p>}
      {shownResult && <CheckResults result={shownResult} steps={steps} />}
      {solution !== undefined && (
        <section className="diff-panel" aria-label="Your code compared with the solution" data-testid="solution-diff">
          <header>
            <span>Your code</span>
            <span>Solution (read-only — your code is not changed)</span>
          </header>
          <CodeDiff original={compared} modified={solution} path={`file:///labs/${labId}/compare-${comparisons}`} />
        </section>
      )}
    </div>
  )
}
