import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { EnvironmentRoute } from '../environments/spawner'
import { Gateway } from '../environments/gateway'
import type { LimitName, Result, RunEvent } from '../results'
import { Kernels, type KernelEnd, type KernelState } from './kernels'
import type { AwsCall, ChildMessage } from './protocol'
import { SandboxPool, type RunSandbox } from './pool'
import { buildSandboxScript } from './sandbox-script'
import { AbortedError, Scheduler, SupersededError } from './scheduler'
import { bundleTrusted, TranspileError } from './transpile'

export type RunLimits = { timeoutMs: number; memoryMb: number; outputBytes: number }

export const DEFAULT_LIMITS: RunLimits = { timeoutMs: 10_000, memoryMb: 160, outputBytes: 64 * 1024 }

export type RunRequest = {
  source: string
  /** Shown in error locations, e.g. "cell.ts". */
  filename: string
  /** `run` executes a module; `check` calls its default export and expects a Result back. */
  mode: 'run' | 'check'
  /** Whose run it is and where their AWS traffic goes. */
  route: EnvironmentRoute
  region: string
  /** Trusted code only (lab checks and clean-ups): bundled on the server with its relative imports. */
  relativeTo?: string
  /** Checks only: the call timeline of the learner's last run of this lab, handed to check({ calls }). */
  calls?: AwsCall[]
  /** A longer limit a cell declares (long polls), up to MAX_CELL_TIMEOUT_MS; otherwise the server's limit. */
  timeoutMs?: number
  /** Files the lesson or lab ships with its cells, written into the run's folder (lib/content/cell-files.ts). */
  files?: Record<string, string>
  /** Run in the learner's notebook kernel for this scope (e.g. "lesson:s3"), sharing state with earlier cells. */
  kernel?: string
  onEvent?: (event: RunEvent) => void
  signal?: AbortSignal
}

export type RunOutcome = {
  result: Result
  durationMs: number
  limit?: LimitName
  stdout: string
  stderr: string
  calls: AwsCall[]
  /** Kernel runs: the execution count and whether the kernel is new. */
  kernel?: KernelState
}

export function limitMessage(limit: LimitName, limits: RunLimits, timeLimitMs = limits.timeoutMs) {
  switch (limit) {
    case 'time':
      return `Stopped: your code ran for ${timeLimitMs / 1000} s, the time limit. Look for a loop that never ends or an await that never resolves; a cell that waits on purpose (a long poll) can declare a longer limit.`
    case 'load':
      return `Stopped: loading the AWS SDK packages took more than ${LOAD_LIMIT_MS / 1000} s because the server is very busy. Your code did not start; try again in a minute.`
    case 'memory':
      return `Stopped: the memory limit of ${limits.memoryMb} MB was reached. Avoid building very large arrays, buffers or strings in a cell.`
    case 'output':
      return `Stopped: the output limit of ${Math.round(limits.outputBytes / 1024)} KB was reached. Print less, e.g. only the fields you need.`
  }
}

/** The most a cell may ask for (`timeout=` on the cell): a 20 s SQS long poll fits, a runaway loop is still caught. */
export const MAX_CELL_TIMEOUT_MS = 60_000

/** Loading the job's packages before the learner's clock starts: generous, but a stuck load still ends. */
const LOAD_LIMIT_MS = 30_000

/** How long a learner counts as "on a page with cells" after the page said so (it says so again on each open). */
const PREPARED_FOR_MS = 20 * 60_000

const HEAP_EXHAUSTED = /Last few GCs|Reached heap limit|JavaScript heap out of memory|Allocation failed/

export type RunnerOptions = {
  limits?: RunLimits
  /** Runs executing at once; the rest queue. */
  maxConcurrent?: number
  /** Sandboxes kept started for anyone. */
  warm?: number
  warmModules?: string[]
  scratchMb?: number
  gateway?: Gateway
}

export class Runner {
  readonly pool: SandboxPool
  readonly kernels = new Kernels()
  readonly scheduler: Scheduler
  readonly gateway: Gateway
  private readonly limits: RunLimits

  constructor(
    private readonly root: string,
    {
      limits = DEFAULT_LIMITS,
      maxConcurrent = 4,
      warm = 2,
      warmModules = ['@aws-sdk/client-s3'],
      scratchMb = 16,
      gateway = new Gateway({ uploadBudgetBytes: 512 * 1024 * 1024, maxRequestBytes: 64 * 1024 * 1024 }),
    }: RunnerOptions = {},
  ) {
    this.limits = limits
    this.gateway = gateway
    this.scheduler = new Scheduler(maxConcurrent)
    const script = buildSandboxScript(root)
    this.pool = new SandboxPool({ root, script, memoryMb: limits.memoryMb, scratchMb, warmModules, gateway }, warm)
  }

  prewarm() {
    this.pool.prewarm()
  }

  /** Learners with a page of cells open, and when they last said so: they get a fresh sandbox after each run. */
  private readonly prepared = new Map<string, number>()

  /** A learner opened a page with cells: keep a sandbox started for them. */
  prepare(learnerId: string) {
    this.prepared.set(learnerId, Date.now())
    this.pool.reserve(learnerId)
  }

  /** Learners whose next sandbox waits until no run is executing or queued. */
  private readonly replacements = new Set<string>()

  /**
   * After a run, the learner gets a fresh sandbox — but only once the runner is idle: during a burst (a class
   * pressing Run together) every replacement start (~0.6 s of CPU) would slow the runs still waiting.
   */
  private reprepare(learnerId: string) {
    const since = this.prepared.get(learnerId)
    if (since !== undefined && Date.now() - since > PREPARED_FOR_MS) this.prepared.delete(learnerId)
    else if (since !== undefined) this.replacements.add(learnerId)
    this.startReplacements()
  }

  private replacing = false

  /**
   * Starts the waiting replacements one per turn of the event loop, while the runner stays idle. Spawning a
   * sandbox blocks the server for ~10 ms (fork of a large process, cgroup set-up): sixty at once would freeze it
   * for a second, and a Run arriving meanwhile would wait behind them. The next run's end resumes the rest.
   */
  private startReplacements() {
    if (this.replacing) return
    this.replacing = true
    const next = () => {
      const { active, queued } = this.scheduler.stats
      const [id] = this.replacements
      if (id === undefined || active > 0 || queued > 0 || this.closed) {
        this.replacing = false
        return
      }
      this.replacements.delete(id)
      this.pool.reserve(id)
      setImmediate(next)
    }
    // after the finished run has answered, not before
    setImmediate(next)
  }

  private closed = false

  close() {
    this.closed = true
    this.kernels.close()
    this.pool.close()
  }

  async run(request: RunRequest): Promise<RunOutcome> {
    const started = performance.now()
    const emit = (event: RunEvent) => {
      try {
        request.onEvent?.(event)
      } catch {
        // the browser went away; the run still ends and frees its slot
      }
    }
    const finish = (result: Result, limit?: LimitName, extra?: Partial<RunOutcome>): RunOutcome => {
      const durationMs = performance.now() - started
      emit({ type: 'result', result, durationMs, limit })
      return { result, durationMs, limit, stdout: '', stderr: '', calls: [], ...extra }
    }
    let source = request.source
    let language: 'ts' | 'js' = 'ts'
    if (request.relativeTo !== undefined) {
      try {
        source = await bundleTrusted(request.source, request.filename, {
          nodeModules: path.join(this.root, 'node_modules'),
          relativeTo: request.relativeTo,
        })
        language = 'js'
      } catch (error) {
        if (!(error instanceof TranspileError)) throw error
        return finish({ status: 'error', message: `${request.filename} ${error.message}`, expectations: [] })
      }
    }
    const learnerId = request.route.learner.id
    let superseded = false
    const aborted = new AbortController()
    request.signal?.addEventListener('abort', () => aborted.abort(), { once: true })
    let slot
    try {
      slot = await this.scheduler.acquire(learnerId, {
        signal: aborted.signal,
        onPosition: (position, queued) =>
          emit({
            type: 'status',
            message: `Waiting for a free runner: you are number ${position} of ${queued} in the queue…`,
          }),
        onSuperseded: () => {
          superseded = true
          aborted.abort()
        },
      })
    } catch (error) {
      if (error instanceof SupersededError || error instanceof AbortedError) {
        return finish({ status: 'error', message: error.message, expectations: [] })
      }
      throw error
    }
    try {
      if (aborted.signal.aborted) {
        const why = superseded ? new SupersededError() : new AbortedError()
        return finish({ status: 'error', message: why.message, expectations: [] })
      }
      if (request.kernel !== undefined) {
        return await this.runInKernel(request, request.kernel, source, language, aborted, () => superseded, emit, started)
      }
      const sandbox = await this.readySandbox(learnerId)
      return await this.execute(sandbox, request, source, language, aborted.signal, () => superseded, emit, started)
    } finally {
      slot.release()
      this.reprepare(learnerId)
    }
  }

  /** The learner's started sandbox (reserved, warm or new), ready for a job. */
  private async readySandbox(learnerId: string): Promise<RunSandbox> {
    const sandbox = this.pool.take(learnerId)
    // a sandbox that is still warming up is needed now: it stops yielding the CPU to running jobs
    sandbox.process.cgroup.setPriority('foreground')
    try {
      await sandbox.ready
      return sandbox
    } catch {
      // a sandbox that died while waiting (e.g. killed by an operator): one fresh try
      const retry = this.pool.take(learnerId)
      await retry.ready
      return retry
    }
  }

  /** A cell in the learner's kernel for this scope: the live one, or a new one started from the pool. */
  private async runInKernel(
    request: RunRequest,
    scope: string,
    source: string,
    language: 'ts' | 'js',
    aborted: AbortController,
    wasSuperseded: () => boolean,
    emit: (event: RunEvent) => void,
    started: number,
  ): Promise<RunOutcome> {
    const learnerId = request.route.learner.id
    let sandbox = this.kernels.sandboxOf(learnerId, scope)
    if (!sandbox) {
      sandbox = await this.readySandbox(learnerId)
      this.kernels.adopt(learnerId, scope, sandbox)
    }
    const state = this.kernels.beginCell(learnerId, scope, aborted)
    const outcome = await this.execute(sandbox, request, source, language, aborted.signal, wasSuperseded, emit, started, state)
    this.kernels.endCell(learnerId, scope, outcome.ended)
    return outcome
  }

  private execute(
    sandbox: RunSandbox,
    request: RunRequest,
    source: string,
    language: 'ts' | 'js',
    signal: AbortSignal,
    wasSuperseded: () => boolean,
    emit: (event: RunEvent) => void,
    started: number,
    kernel?: KernelState,
  ): Promise<RunOutcome & { ended?: KernelEnd }> {
    const limits = this.limits
    let stdout = ''
    let stderr = ''
    let bytes = 0
    let limit: LimitName | undefined
    let final: ChildMessage | undefined
    let protocolProblem: string | undefined
    let timeLimitMs = limits.timeoutMs
    const calls: AwsCall[] = []
    const { child } = sandbox.process
    sandbox.door.route = request.route

    return new Promise<RunOutcome & { ended?: KernelEnd }>((resolve) => {
      const stop = (why?: LimitName) => {
        if (why) limit ??= why
        sandbox.kill()
      }
      // the learner's clock starts when their code starts (the sandbox says "started"): queueing, sandbox start-up
      // and loading SDK clients are not the learner's time; loading has its own, generous limit
      const learnerLimitMs = Math.min(request.timeoutMs ?? limits.timeoutMs, Math.max(limits.timeoutMs, MAX_CELL_TIMEOUT_MS))
      let timer = setTimeout(() => stop('load'), LOAD_LIMIT_MS)
      const onAbort = () => stop()
      signal.addEventListener('abort', onAbort, { once: true })

      const onData = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
        if (limit) return
        const text = chunk.toString('utf8')
        if (stream === 'stderr' && HEAP_EXHAUSTED.test(text)) return stop('memory')
        bytes += chunk.length
        if (bytes > limits.outputBytes) return stop('output')
        if (stream === 'stdout') stdout += text
        else stderr += text
        emit({ type: stream, text })
      }
      const onStdout = onData('stdout')
      const onStderr = onData('stderr')
      child.stdout?.on('data', onStdout)
      child.stderr?.on('data', onStderr)
      const unsubscribe = [
        sandbox.onProtocolError((why) => {
          protocolProblem = why
        }),
        sandbox.onMessage((message) => {
          if (message.type === 'call') {
            calls.push(message.call)
            emit({ type: 'call', call: message.call })
            return
          }
          if (message.type === 'limit') {
            limit ??= message.limit
            return
          }
          if (message.type === 'started') {
            clearTimeout(timer)
            timer = setTimeout(() => stop('time'), learnerLimitMs)
            timeLimitMs = learnerLimitMs
            return
          }
          final ??= message
          // a kernel stays up after its cell: the cell's outcome ends the run. Output written before the outcome
          // sits in the stdout pipe, which libuv reads in the same poll round; one more round lets it arrive.
          if (kernel) setImmediate(() => setImmediate(() => settle(null, null)))
        }),
      ]

      let settled = false
      const settle = (code: number | null, exitSignal: NodeJS.Signals | null) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        signal.removeEventListener('abort', onAbort)
        child.stdout?.off('data', onStdout)
        child.stderr?.off('data', onStderr)
        unsubscribe.forEach((off) => off())
        const dead = code !== null || exitSignal !== null
        if (!limit && !final && dead && sandbox.process.cgroup.oomKilled()) limit = 'memory'
        if (!limit && !final && (exitSignal === 'SIGABRT' || code === 134)) limit = 'memory'
        let result = this.toResult(request, final, limit, code, protocolProblem, wasSuperseded(), signal.aborted, timeLimitMs)
        // a kernel whose process ended takes the cells' shared names with it: say so once, here
        const ended: KernelEnd | undefined = !kernel
          ? undefined
          : dead || final?.type === 'exit'
            ? limit
              ? 'limit'
              : signal.aborted
                ? 'interrupted'
                : 'crashed'
            : undefined
        if (kernel && ended) result = { ...result, message: `${result.message ?? 'Stopped.'} The kernel stopped with it, so names from earlier cells are gone: run them again.` }
        if (kernel && signal.aborted && !wasSuperseded()) result = { ...result, message: 'Interrupted. The kernel stopped with the cell, so names from earlier cells are gone: run them again.' }
        const durationMs = performance.now() - started
        emit({ type: 'result', result, durationMs, limit, ...(kernel ? { kernel } : {}) })
        resolve({ result, durationMs, limit, stdout, stderr, calls, ...(kernel ? { kernel } : {}), ended })
      }
      void sandbox.exited.then(({ code, signal: exitSignal }) => settle(code ?? -1, exitSignal))

      sandbox.sendJob({
        type: 'job',
        language,
        source,
        filename: request.filename,
        mode: request.mode,
        env: learnerEnv(request),
        outputBytes: limits.outputBytes,
        calls: request.mode === 'check' ? (request.calls ?? []).slice(-500) : undefined,
        ...(kernel ? { kernel: true } : {}),
        ...(request.files && Object.keys(request.files).length ? { files: request.files } : {}),
        token: randomBytes(24).toString('base64url'),
      })
    })
  }

  private toResult(
    request: RunRequest,
    message: ChildMessage | undefined,
    limit: LimitName | undefined,
    exitCode: number | null,
    protocolProblem: string | undefined,
    superseded: boolean,
    aborted: boolean,
    timeLimitMs: number,
  ): Result {
    if (limit) return { status: 'error', message: limitMessage(limit, this.limits, timeLimitMs), expectations: [] }
    if (protocolProblem) return { status: 'error', message: `Stopped: ${protocolProblem}.`, expectations: [] }
    if (superseded) return { status: 'error', message: new SupersededError().message, expectations: [] }
    if (aborted && !message) return { status: 'error', message: 'Stopped: the run was cancelled.', expectations: [] }
    if (message?.type === 'result') return message.result
    if (message?.type === 'error') {
      const { name, message: text, line, code } = message.error
      if (code === 'CLOUDBOOK_REFUSED') return { status: 'error', message: text, expectations: [] }
      const where = line ? ` (${request.filename} line ${line})` : ''
      return { status: 'error', message: `${name}: ${text}${where}`, expectations: [], ...(line ? { line } : {}) }
    }
    if (message?.type === 'exit') {
      return message.code === 0
        ? { status: 'pass', expectations: [] }
        : { status: 'error', message: `Your code called process.exit(${message.code}).`, expectations: [] }
    }
    // exitCode null: a kernel, still up after its cell
    if (message?.type === 'done' && (exitCode === 0 || exitCode === null)) return { status: 'pass', expectations: [] }
    return {
      status: 'error',
      message: `The run ended unexpectedly (exit code ${exitCode ?? 'none'}).`,
      expectations: [],
    }
  }
}

/** The environment learner code sees: the SDK's standard settings, pointing at the sandbox's own bridge. */
function learnerEnv(request: RunRequest): Record<string, string> {
  const { accountId } = request.route.learner
  return {
    AWS_ENDPOINT_URL: 'http://127.0.0.1:4566',
    AWS_REGION: request.region,
    AWS_DEFAULT_REGION: request.region,
    AWS_ACCESS_KEY_ID: accountId,
    // emulators recompute presigned-URL signatures with their well-known secret "test"; any other breaks them
    AWS_SECRET_ACCESS_KEY: 'test',
    // no shared config files: they would be outside the sandbox and could name other credentials
    AWS_CONFIG_FILE: '/opt/cloudbook/run/.aws/config',
    AWS_SHARED_CREDENTIALS_FILE: '/opt/cloudbook/run/.aws/credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    HOME: '/opt/cloudbook/run',
    TMPDIR: '/opt/cloudbook/run',
  }
}
