import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { LimitName, Result, RunEvent } from '../results'
import { SandboxPool, type Sandbox } from './pool'
import { transpile, TranspileError } from './transpile'

export type RunLimits = { timeoutMs: number; memoryMb: number; outputBytes: number }

export const DEFAULT_LIMITS: RunLimits = { timeoutMs: 10_000, memoryMb: 160, outputBytes: 64 * 1024 }

export type RunRequest = {
  source: string
  /** Shown in error locations, e.g. "cell.ts". */
  filename: string
  /** `run` executes a module; `check` calls its default export and expects a Result back. */
  mode: 'run' | 'check'
  /** The learner's AWS settings: the only environment the code sees. */
  env: Record<string, string>
  /** Trusted code only: the folder its relative imports resolve from. */
  relativeTo?: string
  onEvent?: (event: RunEvent) => void
  signal?: AbortSignal
}

export type RunOutcome = { result: Result; durationMs: number; limit?: LimitName; stdout: string; stderr: string }

type ChildMessage =
  | { type: 'done' }
  | { type: 'result'; result: Result }
  | { type: 'error'; error: { name: string; message: string; stack: string; code?: string } }

function isChildMessage(value: unknown): value is ChildMessage {
  return !!value && typeof value === 'object' && 'type' in value && typeof value.type === 'string'
}

/** "at … (file:///…/cell.ts:7:11)" → line 7 of the learner's file. */
export function locateError(stack: string, filename: string) {
  const match = new RegExp(`${filename.replace(/\./g, '\\.')}:(\\d+):(\\d+)`).exec(stack)
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined
}

export function limitMessage(limit: LimitName, limits: RunLimits) {
  switch (limit) {
    case 'time':
      return `Stopped: the time limit of ${limits.timeoutMs / 1000} s was reached. Cells must finish quickly — look for a loop that never ends or an await that never resolves.`
    case 'memory':
      return `Stopped: the memory limit of ${limits.memoryMb} MB was reached. Avoid building very large arrays or strings in a cell.`
    case 'output':
      return `Stopped: the output limit of ${Math.round(limits.outputBytes / 1024)} KB was reached. Print less, e.g. only the fields you need.`
  }
}

const HEAP_EXHAUSTED = /Last few GCs|Reached heap limit|JavaScript heap out of memory|Allocation failed/

export type RunnerOptions = {
  limits?: RunLimits
  maxConcurrent?: number
  /** Imported by each sandbox before its job arrives. */
  warmModules?: string[]
  /** The emulator, when known up front: each sandbox makes one SDK call there before its job. */
  warmEndpoint?: string
}

export class Runner {
  private readonly pool: SandboxPool
  private readonly limits: RunLimits
  private readonly maxConcurrent: number
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(
    private readonly root: string,
    {
      limits = DEFAULT_LIMITS,
      maxConcurrent = 4,
      warmModules = ['@aws-sdk/client-s3'],
      warmEndpoint,
    }: RunnerOptions = {},
  ) {
    this.limits = limits
    this.maxConcurrent = maxConcurrent
    this.pool = new SandboxPool({ root, memoryMb: limits.memoryMb, warmModules, warmEndpoint, warm: 2 })
  }

  prewarm() {
    this.pool.prewarm()
  }

  close() {
    this.pool.close()
  }

  private async slot(onEvent?: (event: RunEvent) => void) {
    if (this.active < this.maxConcurrent) {
      this.active++
      return
    }
    onEvent?.({ type: 'status', message: `Waiting for a free runner (${this.waiting.length + 1} ahead)…` })
    await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.active++
  }

  private release() {
    this.active--
    this.waiting.shift()?.()
  }

  async run(request: RunRequest): Promise<RunOutcome> {
    const started = performance.now()
    let code: string
    try {
      code = await transpile(request.source, request.filename, {
        nodeModules: path.join(this.root, 'node_modules'),
        relativeTo: request.relativeTo,
      })
    } catch (error) {
      if (!(error instanceof TranspileError)) throw error
      const result: Result = { status: 'error', message: `${request.filename} ${error.message}`, expectations: [] }
      const durationMs = performance.now() - started
      request.onEvent?.({ type: 'result', result, durationMs })
      return { result, durationMs, stdout: '', stderr: '' }
    }
    await this.slot(request.onEvent)
    try {
      const sandbox = await this.pool.take().catch(() => this.pool.take())
      return await this.execute(sandbox, code, request, started)
    } finally {
      this.release()
    }
  }

  private execute(sandbox: Sandbox, code: string, request: RunRequest, started: number): Promise<RunOutcome> {
    const { child } = sandbox
    const file = path.join(sandbox.dir, request.filename.replace(/\.ts$/, '.mjs'))
    writeFileSync(file, code)
    const limits = this.limits
    let stdout = ''
    let stderr = ''
    let bytes = 0
    let limit: LimitName | undefined
    let message: ChildMessage | undefined

    return new Promise<RunOutcome>((resolve) => {
      const stop = (why: LimitName) => {
        limit ??= why
        child.kill('SIGKILL')
      }
      const timer = setTimeout(() => stop('time'), limits.timeoutMs)
      const onAbort = () => child.kill('SIGKILL')
      request.signal?.addEventListener('abort', onAbort, { once: true })

      const onData = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
        if (limit) return
        const text = chunk.toString('utf8')
        if (stream === 'stderr' && HEAP_EXHAUSTED.test(text)) return stop('memory')
        bytes += chunk.length
        if (bytes > limits.outputBytes) return stop('output')
        if (stream === 'stdout') stdout += text
        else stderr += text
        request.onEvent?.({ type: stream, text })
      }
      child.stdout?.on('data', onData('stdout'))
      child.stderr?.on('data', onData('stderr'))
      child.on('message', (m: unknown) => {
        if (isChildMessage(m)) message = m
      })

      child.once('exit', (exitCode, signal) => {
        clearTimeout(timer)
        request.signal?.removeEventListener('abort', onAbort)
        if (!limit && !message && (signal === 'SIGABRT' || exitCode === 134)) limit = 'memory'
        const durationMs = performance.now() - started
        const result = this.toResult(request, message, limit, exitCode)
        request.onEvent?.({ type: 'result', result, durationMs, limit })
        resolve({ result, durationMs, limit, stdout, stderr })
      })

      child.send({ file, env: request.env, mode: request.mode })
    })
  }

  private toResult(
    request: RunRequest,
    message: ChildMessage | undefined,
    limit: LimitName | undefined,
    exitCode: number | null,
  ): Result {
    if (limit) return { status: 'error', message: limitMessage(limit, this.limits), expectations: [] }
    if (message?.type === 'result') return message.result
    if (message?.type === 'error') {
      const { name, message: text, stack } = message.error
      const at = locateError(stack, request.filename)
      const where = at ? ` (${request.filename} line ${at.line})` : ''
      return { status: 'error', message: `${name}: ${text}${where}`, expectations: [] }
    }
    if (message?.type === 'done' && exitCode === 0) return { status: 'pass', expectations: [] }
    if (exitCode === 0 && request.mode === 'run') return { status: 'pass', expectations: [] }
    return {
      status: 'error',
      message: `The run ended unexpectedly (exit code ${exitCode ?? 'none'}).`,
      expectations: [],
    }
  }
}
