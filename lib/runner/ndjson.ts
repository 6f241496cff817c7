import type { RunEvent } from '../results'

/**
 * Streams RunEvents as NDJSON while `work` runs, so output appears in the browser as it is printed.
 * If the browser goes away, `signal` aborts the run.
 */
export function ndjsonResponse(
  work: (emit: (event: RunEvent) => void, signal: AbortSignal) => Promise<void>,
  request: Request,
) {
  const encoder = new TextEncoder()
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true
      const emit = (event: RunEvent) => {
        if (!open) return
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`))
        } catch {
          // the browser went away: stop writing; the run itself is ended through request.signal
          open = false
        }
      }
      try {
        await work(emit, request.signal)
      } catch (error) {
        console.error('run failed', error)
        emit({
          type: 'result',
          result: {
            status: 'error',
            message: 'Cloudbook could not run this code (server error). Try again; the server log has details.',
            expectations: [],
          },
          durationMs: 0,
        })
      } finally {
        open = false
        try {
          controller.close()
        } catch {
          // already closed by a disconnect
        }
      }
    },
  })
  return new Response(stream, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  })
}
