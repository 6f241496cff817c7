import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'

export type SandboxOptions = {
  /** Project root: node_modules and the sandbox script live below it. */
  root: string
  /** Heap cap for each run, in MB. */
  memoryMb: number
  /** Modules imported before a job arrives. */
  warmModules: string[]
  /** Processes kept started and waiting. */
  warm: number
  /** Emulator for the warm-up call (see sandbox-child.mjs). */
  warmEndpoint?: string
}

/** A started sandbox process waiting for its one job, with the temp dir it may write to. */
export type Sandbox = {
  child: ChildProcess
  dir: string
  ready: Promise<void>
}

// Node 20 calls it --experimental-permission, Node 22.13+ --permission; detect instead of hard-coding a version.
const PERMISSION_FLAG = process.allowedNodeEnvironmentFlags.has('--permission')
  ? '--permission'
  : '--experimental-permission'

function spawnSandbox(options: SandboxOptions): Sandbox {
  const dir = path.join(options.root, '.cloudbook', 'runs', randomUUID())
  mkdirSync(dir, { recursive: true })
  const script = path.join(options.root, 'lib', 'runner', 'sandbox-child.mjs')
  // spawn (not fork) with an IPC channel: bundlers treat fork()'s first argument as a module to resolve
  const args = [
    PERMISSION_FLAG,
    `--allow-fs-read=${path.join(options.root, 'node_modules')}${path.sep}`,
    `--allow-fs-read=${script}`,
    `--allow-fs-read=${dir}${path.sep}`,
    `--allow-fs-write=${dir}${path.sep}`,
    `--max-old-space-size=${options.memoryMb}`,
    '--enable-source-maps',
    '--disable-warning=ExperimentalWarning',
    script,
  ]
  const child = spawn(process.execPath, args, {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'json',
    // Nothing of the server's environment reaches the sandbox; the job brings the learner's AWS settings.
    env: {
      CLOUDBOOK_WARM_MODULES: options.warmModules.join(','),
      CLOUDBOOK_WARM_ENDPOINT: options.warmEndpoint ?? '',
      // the warm-up call would print the SDK's Node 20 notice into the learner's output
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      NODE_OPTIONS: '',
      NODE_ENV: 'production',
    },
  })
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (message && typeof message === 'object' && 'type' in message && message.type === 'ready') {
        child.off('message', onMessage)
        resolve()
      }
    }
    child.on('message', onMessage)
    child.once('exit', (code) => reject(new Error(`runner process exited during start-up (code ${code})`)))
  })
  ready.catch(() => undefined)
  child.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  return { child, dir, ready }
}

/**
 * Keeps a few sandbox processes started ahead of need. Each process serves exactly one run and then exits,
 * so no state leaks between learners; taking one immediately starts its replacement.
 */
export class SandboxPool {
  private idle: Sandbox[] = []
  private closed = false

  constructor(private readonly options: SandboxOptions) {}

  private refill() {
    while (!this.closed && this.idle.length < this.options.warm) {
      const sandbox = spawnSandbox(this.options)
      this.idle.push(sandbox)
      sandbox.child.once('exit', () => {
        this.idle = this.idle.filter((s) => s !== sandbox)
      })
    }
  }

  /** Starts the warm processes now instead of on the first run. */
  prewarm() {
    this.refill()
  }

  async take(): Promise<Sandbox> {
    if (this.closed) throw new Error('the runner is shutting down')
    this.refill()
    const sandbox = this.idle.shift()
    if (!sandbox) throw new Error('no sandbox available')
    this.refill()
    await sandbox.ready
    return sandbox
  }

  close() {
    this.closed = true
    for (const sandbox of this.idle) sandbox.child.kill('SIGKILL')
    this.idle = []
  }
}
