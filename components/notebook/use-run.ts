'use client'
import { useCallback, useRef, useState } from 'react'
import type { AwsCall, Result } from '@/lib/results'
import type { KernelState } from '@/lib/runner/kernels'
import type { OutputLine } from './RunOutput'
import { RunRefused, streamRun } from './run-stream'

/** Dispatched on window when a run or check ends: "Your account" refreshes on it. */
export const RUN_FINISHED_EVENT = 'cloudbook:run-finished'

/** State of one streamed run or check: output so far, the final result, and a way to start/cancel. */
export function useRun() {
  const [lines, setLines] = useState<OutputLine[]>([])
  const [calls, setCalls] = useState<AwsCall[]>([])
  const [result, setResult] = useState<Result>()
  const [durationMs, setDuration] = useState<number>()
  const [kernel, setKernel] = useState<KernelState>()
  const [running, setRunning] = useState(false)
  const abort = useRef<AbortController | null>(null)

  /** Starts a run and resolves with its final result once the stream ends. */
  const start = useCallback(async (url: string, body: unknown): Promise<Result | undefined> => {
    let final: Result | undefined
    abort.current?.abort()
    const controller = new AbortController()
    abort.current = controller
    setLines([])
    setCalls([])
    setResult(undefined)
    setRunning(true)
    try {
      await streamRun(
        url,
        body,
        (event) => {
          if (event.type === 'result') {
            final = event.result
            setResult(event.result)
            setDuration(event.durationMs)
            setKernel(event.kernel)
          } else if (event.type === 'call') {
            setCalls((previous) => [...previous, event.call])
          } else {
            setLines((previous) => [...previous, event])
          }
        },
        controller.signal,
      )
    } catch (error) {
      if (!controller.signal.aborted) {
        setResult({
          status: 'error',
          message:
            error instanceof RunRefused
              ? error.message
              : `Could not reach the Cloudbook server: ${error instanceof Error ? error.message : String(error)}`,
          expectations: [],
        })
      }
    } finally {
      if (abort.current === controller) setRunning(false)
      window.dispatchEvent(new Event(RUN_FINISHED_EVENT))
    }
    return final
  }, [])

  /** Forgets the last run's output and result (Clear output; a lab reset). */
  const clear = useCallback(() => {
    abort.current?.abort()
    setLines([])
    setCalls([])
    setResult(undefined)
    setDuration(undefined)
    setKernel(undefined)
  }, [])

  return { lines, calls, result, durationMs, running, kernel, start, clear }
}
