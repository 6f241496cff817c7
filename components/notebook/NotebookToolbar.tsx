'use client'
import { useState } from 'react'
import { useCells } from './CellsProvider'

async function kernelAction(section: string, action: 'interrupt' | 'restart') {
  const response = await fetch('/api/kernel', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ section, action }),
  }).catch(() => undefined)
  return response?.ok ?? false
}

/**
 * The lesson's notebook controls, as in Jupyter: the cells share one kernel (a sandboxed process per learner and
 * lesson), so a client or bucket made in one cell is there in the next.
 */
export function NotebookToolbar() {
  const cells = useCells()
  const [runningAll, setRunningAll] = useState(false)
  const [notice, setNotice] = useState<string>()
  if (!cells) return null
  const { section, controls, busy } = cells

  const runAll = async () => {
    setRunningAll(true)
    setNotice(undefined)
    for (const control of controls()) {
      const result = await control.run()
      if (result?.status !== 'pass') {
        setNotice('Run all stopped at the first cell that did not finish.')
        break
      }
    }
    setRunningAll(false)
  }
  const restart = async () => {
    if (await kernelAction(section, 'restart'))
      setNotice('Kernel restarted: the next cell starts with nothing from earlier cells.')
    else setNotice('The kernel could not be restarted. Try again in a moment.')
  }
  const interrupt = async () => {
    if (!(await kernelAction(section, 'interrupt'))) setNotice('Nothing is running.')
  }
  const clear = () => {
    controls().forEach((c) => c.clear())
    setNotice(undefined)
  }

  return (
    <div className="notebook-toolbar" role="toolbar" aria-label="Notebook" data-testid="notebook-toolbar">
      <span className="kernel-state" data-testid="kernel-state" aria-live="polite">
        Kernel: {busy > 0 ? 'busy' : 'idle'}
      </span>
      <button type="button" onClick={() => void runAll()} aria-disabled={runningAll} data-testid="run-all">
        {runningAll ? 'Running all…' : 'Run all'}
      </button>
      <button type="button" onClick={() => void interrupt()} data-testid="interrupt">
        Interrupt
      </button>
      <button type="button" onClick={() => void restart()} data-testid="restart-kernel">
        Restart kernel
      </button>
      <button type="button" onClick={clear} data-testid="clear-outputs">
        Clear outputs
      </button>
      {notice && (
        <span className="muted" role="status">
          {notice}
        </span>
      )}
    </div>
  )
}
