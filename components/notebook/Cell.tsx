'use client'
import dynamic from 'next/dynamic'
import { useCallback, useEffect, useRef, useState } from 'react'
import { kernelNote } from '@/lib/runner/kernels'
import type { EditorHandle } from './CodeEditor'
import { useCells } from './CellsProvider'
import { prepareEnvironmentOnce } from './prepare-environment'
import { RunOutput } from './RunOutput'
import { SAVE_LABEL, useAutosave } from './use-autosave'
import { useRun } from './use-run'
import { useVisibleOnce } from './use-visible'

const CodeEditor = dynamic(() => import('./CodeEditor'), {
  ssr: false,
  loading: () => <div className="cell-editor-loading" aria-hidden="true" />,
})

/** Monaco keeps models per path for the page's lifetime; derive the path from the cell's code so cells on
 * different lessons never share a model by accident. */
function modelPath(cellId: string, code: string) {
  let h = 0
  for (let i = 0; i < code.length; i++) h = (Math.imul(31, h) + code.charCodeAt(i)) | 0
  return `file:///cells/${cellId}-${(h >>> 0).toString(36)}.ts`
}

/**
 * A runnable notebook cell: editor (loaded when the cell comes into view), Run (or Ctrl/Cmd+Enter), output streamed
 * live below, the learner's edits autosaved and restorable.
 */
export function Cell({
  code: authoredCode,
  title,
  cellId,
  timeout,
}: {
  code: string
  title?: string
  cellId: string
  /** Seconds the cell's own code may run (a long poll), from the fence's timeout="…". */
  timeout?: string
}) {
  useEffect(() => prepareEnvironmentOnce(authoredCode), [authoredCode])
  const authored = authoredCode.trimEnd()
  const cells = useCells()
  const initial = cells?.drafts[cellId] ?? authored
  const code = useRef(initial)
  // what the editor opens with, and what shows before it loads; typing never comes back through React state
  const [opening, setOpening] = useState(initial)
  const [edited, setEdited] = useState(initial !== authored)
  const editor = useRef<EditorHandle | null>(null)
  const box = useRef<HTMLElement>(null)
  const visible = useVisibleOnce(box)
  const run = useRun()
  const saveUrl = cells ? `/api/lessons/${cells.section}/cells/${cellId}` : undefined
  const autosave = useAutosave(saveUrl)

  const execute = useCallback(async () => {
    if (run.running) return undefined
    editor.current?.markError(undefined)
    cells?.setRunning(cellId, true)
    const result = await run.start('/api/run', {
      code: code.current,
      ...(cells ? { scope: { lesson: cells.section } } : {}),
      ...(timeout ? { timeoutSeconds: Number(timeout) } : {}),
    })
    cells?.setRunning(cellId, false)
    if (result?.line) editor.current?.markError(result.line, result.message)
    return result
  }, [run, cells, timeout, cellId])

  // Run all and Clear outputs reach every cell through the notebook
  const register = cells?.register
  const clearOutput = run.clear
  useEffect(() => {
    if (!register) return
    return register(cellId, { order: Number(cellId.replace(/\D/g, '')) || 0, run: execute, clear: clearOutput })
  }, [register, cellId, execute, clearOutput])
  const note = run.kernel ? kernelNote(run.kernel) : undefined

  const onChange = useCallback(
    (value: string) => {
      code.current = value
      setEdited(value !== authored)
      autosave.changed(value)
    },
    [authored, autosave],
  )

  const restore = async () => {
    autosave.settle()
    code.current = authored
    editor.current?.setValue(authored)
    setOpening(authored)
    setEdited(false)
    if (saveUrl) await fetch(saveUrl, { method: 'DELETE' }).catch(() => undefined)
  }

  return (
    <section className="cell" data-testid="cell" aria-label={title ?? 'Runnable code cell'} ref={box}>
      <div className="cell-toolbar">
        <span className="exec-count" data-testid="exec-count" aria-label="Execution count">
          [{run.running ? '*' : (run.kernel?.count ?? ' ')}]
        </span>
        <span className="title">{title ?? 'Try it'}</span>
        {cells && edited && (
          <span className="save-state" data-testid="cell-save-state" aria-live="polite">
            {SAVE_LABEL[autosave.state]}
          </span>
        )}
        <kbd>Ctrl/⌘ + Enter</kbd>
        {edited && (
          <button type="button" onClick={restore} data-testid="restore-button">
            Restore
          </button>
        )}
        {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page while the cell runs */}
        <button
          type="button"
          className="primary"
          onClick={() => void execute()}
          aria-disabled={run.running}
          data-testid="run-button"
        >
          {run.running ? 'Running…' : 'Run'}
        </button>
      </div>
      <div className="cell-editor">
        {visible ? (
          <CodeEditor
            initialValue={opening}
            onChange={onChange}
            onRun={() => void execute()}
            path={modelPath(cellId, authoredCode)}
            label={`${title ?? 'Cell'} code`}
            inKernel
            onReady={(handle) => {
              editor.current = handle
            }}
          />
        ) : (
          // readable (and focusable, which loads the editor) before the editor's JavaScript arrives
          <pre tabIndex={0} className="cell-placeholder">
            {opening}
          </pre>
        )}
      </div>
      {note && (
        <p className="kernel-note" role="status" data-testid="kernel-note">
          {note}
        </p>
      )}
      <RunOutput
        lines={run.lines}
        calls={run.calls}
        result={run.result}
        durationMs={run.durationMs}
        running={run.running}
      />
    </section>
  )
}
