'use client'
import dynamic from 'next/dynamic'
import { useCallback, useState, useSyncExternalStore } from 'react'
import { RunOutput } from './RunOutput'
import { useRun } from './use-run'

const CodeEditor = dynamic(() => import('./CodeEditor'), {
  ssr: false,
  loading: () => <div className="cell-editor" />,
})

/** Monaco keeps models per path for the page's lifetime; derive the path from the cell's code so cells on
 * different lessons never share a model by accident. */
function modelPath(cellId: string, code: string) {
  let h = 0
  for (let i = 0; i < code.length; i++) h = (Math.imul(31, h) + code.charCodeAt(i)) | 0
  return `file:///cells/${cellId}-${(h >>> 0).toString(36)}.ts`
}

const noSubscription = () => () => {}

/** A runnable notebook cell: Monaco editor, Run (or Ctrl/Cmd+Enter), output streamed live below. */
export function Cell({ code: initialCode, title, cellId }: { code: string; title?: string; cellId: string }) {
  const [code, setCode] = useState(initialCode.trimEnd())
  const run = useRun()
  // The editor is browser-only; until the page is hydrated, the server-rendered code stays readable.
  const editorReady = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  const execute = useCallback(() => void run.start('/api/run', { code }), [run, code])

  return (
    <section className="cell" data-testid="cell" aria-label={title ?? 'Runnable code cell'}>
      <div className="cell-toolbar">
        <span className="title">{title ?? 'Try it'}</span>
        <kbd>Ctrl/⌘ + Enter</kbd>
        {code !== initialCode.trimEnd() && (
          <button type="button" onClick={() => setCode(initialCode.trimEnd())}>
            Restore
          </button>
        )}
        <button type="button" className="primary" onClick={execute} disabled={run.running} data-testid="run-button">
          {run.running ? 'Running…' : 'Run'}
        </button>
      </div>
      <div className="cell-editor">
        {editorReady ? (
          <CodeEditor
            value={code}
            onChange={setCode}
            onRun={execute}
            path={modelPath(cellId, initialCode)}
            label={`${title ?? 'Cell'} code`}
          />
        ) : (
          <pre>{code}</pre>
        )}
      </div>
      <RunOutput lines={run.lines} result={run.result} durationMs={run.durationMs} running={run.running} />
    </section>
  )
}
