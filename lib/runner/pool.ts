import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable, Writable } from 'node:stream'
import type { Gateway, GatewayDoor } from '../environments/gateway'
import { spawnSandbox, type SandboxProcess } from '../environments/sandbox-process'
import { envelopeSchema, jobSchema, LineReader, type ChildMessage, type Job } from './protocol'

export type SandboxOptions = {
  root: string
  /** The bundled sandbox script (lib/runner/sandbox-script.ts). */
  script: string
  /** V8 heap cap; the cgroup caps resident memory (heap, buffers, scratch files) a bit above it. */
  memoryMb: number
  scratchMb: number
  warmModules: string[]
  gateway: Gateway
}

/** A started sandbox waiting for its one job, with the gateway door its AWS traffic goes through. */
export type RunSandbox = {
  process: SandboxProcess
  door: GatewayDoor
  ready: Promise<void>
  /** Messages after `ready`, in order; invalid or oversized ones end the sandbox. Returns the unsubscribe. */
  onMessage(listener: (message: ChildMessage) => void): () => void
  onProtocolError(listener: (why: string) => void): () => void
  sendJob(job: Job): void
  kill(): void
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

// Node 20 calls it --experimental-permission, Node 22.13+ --permission; detect instead of hard-coding a version.
const PERMISSION_FLAG = process.allowedNodeEnvironmentFlags.has('--permission')
  ? '--permission'
  : '--experimental-permission'

export function startRunSandbox(options: SandboxOptions): RunSandbox {
  // The gateway socket's path is visible from inside (it is the peer address of the bridge's connection), so it
  // lives in a neutral folder that names nothing of the app's layout; 0700 keeps other local users out.
  const hostDir = path.join(tmpdir(), 'cloudbook-runs', randomUUID())
  mkdirSync(hostDir, { recursive: true, mode: 0o700 })
  const door = options.gateway.open(path.join(hostDir, 'aws.sock'))
  const scratchBytes = options.scratchMb * 1024 * 1024
  const sandbox = spawnSandbox({
    name: 'run',
    command: [
      '/opt/cloudbook/bin/node',
      PERMISSION_FLAG,
      '--allow-fs-read=/opt/cloudbook/',
      '--allow-fs-write=/opt/cloudbook/run/',
      '--allow-fs-read=/run/cloudbook/',
      `--max-old-space-size=${options.memoryMb}`,
      '--disallow-code-generation-from-strings',
      '--enable-source-maps',
      '--disable-warning=ExperimentalWarning',
      '/opt/cloudbook/sandbox-child.mjs',
    ],
    readOnly: [
      { from: process.execPath, to: '/opt/cloudbook/bin/node' },
      { from: path.join(options.root, 'node_modules'), to: '/opt/cloudbook/node_modules' },
      { from: options.script, to: '/opt/cloudbook/sandbox-child.mjs' },
      { from: hostDir, to: '/run/cloudbook' },
    ],
    writable: [],
    tmpfs: [{ path: '/opt/cloudbook/run', sizeBytes: scratchBytes }],
    env: {
      CLOUDBOOK_WARM_MODULES: options.warmModules.join(','),
      // the warm-up call would print the SDK's Node 20 notice into the learner's output
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      NODE_ENV: 'production',
      HOME: '/opt/cloudbook/run',
      TMPDIR: '/opt/cloudbook/run',
    },
    cwd: '/opt/cloudbook/run',
    // heap + Node's own ~70 MB + the scratch tmpfs, whose pages count against the same cap
    limits: { memoryBytes: (options.memoryMb + 96 + options.scratchMb) * 1024 * 1024, pids: 64, cpus: 1 },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    // warming up uses only CPU that running jobs leave idle; sendJob raises it
    background: true,
  })
  const { child } = sandbox
  const ipc = child.stdio[3]
  const listeners: ((message: ChildMessage) => void)[] = []
  const protocolListeners: ((why: string) => void)[] = []
  let brokenProtocol = false
  const protocolError = (why: string) => {
    // the first violation is the reason; whatever else arrives before the kill lands is noise
    if (brokenProtocol) return
    brokenProtocol = true
    protocolListeners.forEach((l) => l(why))
    child.kill('SIGKILL')
  }
  let resolveReady: () => void = () => undefined
  let rejectReady: (error: Error) => void = () => undefined
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve
    rejectReady = reject
  })
  ready.catch(() => undefined)
  let isReady = false
  let jobToken: string | undefined
  const reader = new LineReader(
    (line) => {
      let parsed: unknown
      try {
        parsed = JSON.parse(line)
      } catch {
        return protocolError('the sandbox sent a message that is not JSON')
      }
      const envelope = envelopeSchema.safeParse(parsed)
      if (!envelope.success) return protocolError('the sandbox sent a message of the wrong shape')
      const { message } = envelope.data
      if (!isReady) {
        if (message.type === 'ready') {
          isReady = true
          resolveReady()
        }
        return
      }
      if (jobToken === undefined) return
      if (envelope.data.token !== jobToken) {
        return protocolError("your code wrote to Cloudbook's internal channel (fd 3), which is not allowed")
      }
      listeners.forEach((l) => l(message))
    },
    () => protocolError('the sandbox sent a message over the size limit'),
  )
  if (ipc instanceof Readable) ipc.on('data', (chunk: Buffer) => reader.push(chunk))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    // the last messages may still be in the pipe when the process has exited: wait for the channel's end too
    const drained = new Promise<void>((resolve) => {
      if (!(ipc instanceof Readable)) return resolve()
      ipc.once('end', () => resolve())
      ipc.once('close', () => resolve())
    })
    child.once('exit', async (code, signal) => {
      await drained
      rejectReady(new Error(`the sandbox exited during start-up (code ${code ?? signal})`))
      door.close()
      // off the event loop: a class's sandboxes end together, and each synchronous removal would stall the server
      await rm(hostDir, { recursive: true, force: true }).catch(() => undefined)
      resolve({ code, signal })
    })
  })
  sandbox.started.catch((error: unknown) => rejectReady(error instanceof Error ? error : new Error(String(error))))
  return {
    process: sandbox,
    door,
    ready,
    exited,
    // a kernel's sandbox serves many jobs: each job's listeners leave with it
    onMessage: (listener) => {
      listeners.push(listener)
      return () => listeners.splice(listeners.indexOf(listener) >>> 0, 1)
    },
    onProtocolError: (listener) => {
      protocolListeners.push(listener)
      return () => protocolListeners.splice(protocolListeners.indexOf(listener) >>> 0, 1)
    },
    sendJob: (job) => {
      // the sandbox validates the job too; a job it would refuse is a server bug, caught here with its reason
      jobSchema.parse(job)
      jobToken = job.token
      sandbox.cgroup.setPriority('foreground')
      if (ipc instanceof Writable) ipc.write(`${JSON.stringify(job)}\n`)
    },
    kill: () => child.kill('SIGKILL'),
  }
}

/**
 * Sandboxes started ahead of need: a few for anyone, and one reserved per learner whose page with cells is open
 * (so a whole class pressing Run at once finds its processes already started). Each serves one run, then exits.
 */
export class SandboxPool {
  private idle: RunSandbox[] = []
  private readonly reserved = new Map<string, RunSandbox>()
  private closed = false

  constructor(
    private readonly options: SandboxOptions,
    private readonly warm: number,
  ) {}

  private start(): RunSandbox {
    const sandbox = startRunSandbox(this.options)
    void sandbox.exited.then(() => {
      this.idle = this.idle.filter((s) => s !== sandbox)
      for (const [learnerId, s] of this.reserved) if (s === sandbox) this.reserved.delete(learnerId)
    })
    return sandbox
  }

  private refill() {
    while (!this.closed && this.idle.length < this.warm) this.idle.push(this.start())
  }

  prewarm() {
    this.refill()
  }

  /** Keeps one started sandbox for this learner (their page with cells is open). */
  reserve(learnerId: string) {
    if (this.closed || this.reserved.has(learnerId)) return
    this.reserved.set(learnerId, this.start())
  }

  /** Resolves once the learner's reserved sandbox has started (benchmarks and tests wait on it). */
  whenReserved(learnerId: string): Promise<void> {
    return this.reserved.get(learnerId)?.ready ?? Promise.resolve()
  }

  isReserved(learnerId: string): boolean {
    return this.reserved.has(learnerId)
  }

  release(learnerId: string) {
    this.reserved.get(learnerId)?.kill()
    this.reserved.delete(learnerId)
  }

  /** Memory and CPU time charged to the reserved sandboxes' cgroups, for benchmarks. */
  reservedUsage(): { memoryBytes: number; cpuMs: number } {
    const all = [...this.reserved.values()].map((s) => s.process.cgroup)
    return {
      memoryBytes: all.reduce((sum, c) => sum + c.memoryBytes(), 0),
      cpuMs: all.reduce((sum, c) => sum + c.cpuMs(), 0),
    }
  }

  get size() {
    return { idle: this.idle.length, reserved: this.reserved.size }
  }

  /** The learner's reserved sandbox, else a warm one, else a new one; the learner's is replaced right away. */
  take(learnerId: string): RunSandbox {
    if (this.closed) throw new Error('the runner is shutting down')
    const mine = this.reserved.get(learnerId)
    if (mine) {
      this.reserved.delete(learnerId)
      return mine
    }
    const sandbox = this.idle.shift() ?? this.start()
    this.refill()
    return sandbox
  }

  close() {
    this.closed = true
    for (const sandbox of [...this.idle, ...this.reserved.values()]) sandbox.kill()
    this.idle = []
    this.reserved.clear()
  }
}
