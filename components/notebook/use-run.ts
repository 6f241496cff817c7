'use client'
import { useCallback, useRef, useState } from 'react'
import type { Result } from '@/lib/results'
import type { OutputLine } from './RunOutput'
import { streamRun } from './run-stream'

/** State of one streamed run or check: output so far, the final result, and a way to start/cancel. */
export function useRun() {
  const [lines, setLines] = useState<OutputLine[]>([])
  const [result, setResult] = useState<Result>()
  const [durationMs, setDuration] = useState<number>()
  const [running, setRunning] = useState(false)
  const abort = useRef<AbortController | null>(null)

  const start = useCallback(async (url: string, body: unknown) => {
    abort.current?.abort()
    const controller = new AbortController()
    abort.current = controller
    setLines([])
    setResult(undefined)
    setRunning(true)
    try {
      await streamRun(
        url,
        body,
        (event) => {
          if (event.type === 'result') {
            setResult(event.result)
            setDuration(event.durationMs)
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
          message: `Could not reach the Cloudbook server: ${error instanceof Error ? error.message : String(error)}`,
          expectations: [],
        })
      }
    } finally {
      if (abort.current === controller) setRunning(false)
    }
  }, [])

  return { lines, result, durationMs, running, start }
}
