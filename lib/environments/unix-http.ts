import http from 'node:http'

/** One small HTTP request over a unix socket (an environment's emulator), with a deadline. */
export function unixRequest(
  socketPath: string,
  method: string,
  path: string,
  timeoutMs = 2000,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { socketPath, method, path, headers: { host: '127.0.0.1:4566', ...headers } },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => {
          if (body.length < 1_000_000) body += chunk
        })
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
        response.on('error', reject)
      },
    )
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    request.on('error', reject)
    request.end()
  })
}

/** Polls the emulator's health endpoint until it answers (the socket appears only once it listens). */
export async function waitForSocketHealth(socketPath: string, timeoutMs: number, isAlive: () => boolean) {
  const deadline = Date.now() + timeoutMs
  let lastError = 'no answer'
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error('the emulator exited during start-up')
    try {
      const { status } = await unixRequest(socketPath, 'GET', '/_localstack/health', 2000)
      if (status === 200) return
      lastError = `health answered ${status}`
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, 40))
  }
  throw new Error(`the emulator did not answer within ${timeoutMs / 1000} s (${lastError})`)
}
