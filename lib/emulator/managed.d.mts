export type Backend = 'ministack' | 'localstack'
export type StartedEmulator = { endpoint: string; backend: Backend; stop: () => void; pid: number | undefined }
export function startEmulator(options?: { backend?: Backend; log?: (line: string) => void }): Promise<StartedEmulator>
export function ensureVenv(backend: Backend, log?: (line: string) => void): string
export function waitForHealth(endpoint: string, timeoutMs?: number): Promise<unknown>
export function freePort(): Promise<number>

