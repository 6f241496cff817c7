import type { RunEvent } from '@/lib/results'

function isRunEvent(value: unknown): value is RunEvent {
  return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string'
}

/** The server answered but would not run (too many runs, a bad request): its own sentence says why. */
export class RunRefused extends Error {}

function refusalText(text: string, status: number): string {
  try {
    const body: unknown = JSON.parse(text)
    if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string') return body.error
  } catch {
    // not JSON: fall through
  }
  return text || `The server answered ${status}`
}

/** POSTs JSON and hands each NDJSON line of the streamed answer to onEvent as it arrives. */
export async function streamRun(url: string, body: unknown, onEvent: (event: RunEvent) => void, signal?: AbortSignal) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  })
  if (!response.ok || !response.body) {
    const text = await response.text().catch(() => '')
    throw new RunRefused(refusalText(text, response.status))
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    buffer += value
    const lines = buffer.split('\n')
    buffer = lines.pop() ?? ''
    for (const line of lines) {
      if (!line.trim()) continue
      const event: unknown = JSON.parse(line)
      if (isRunEvent(event)) onEvent(event)
    }
  }
}
