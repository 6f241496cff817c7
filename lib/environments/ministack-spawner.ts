import path from 'node:path'
import pLimit from 'p-limit'
import { EMULATOR_PORT, startEmulatorSandbox, type EmulatorSandbox } from './emulator-sandbox'
import {
  assertLearnerId,
  type EnvironmentInfo,
  type EnvironmentRoute,
  type EnvironmentState,
  type LearnerRef,
  type Spawner,
} from './spawner'
import { unixRequest } from './unix-http'
import type { Venv } from './venv'
import { dataDir } from '../data-dir'

export type MinistackSpawnerOptions = {
  root: string
  venv: Venv
  /** Environments with no activity for this long are stopped (their state is saved first). */
  idleMs: number
  memoryMb: number
  /** Emulator starts at once: more only makes every start slower on a small machine. */
  concurrentStarts: number
  /** Where environments keep state and sockets; default .cloudbook/environments. */
  dataDir?: string
  startTimeoutMs?: number
}

type Entry = {
  learner: LearnerRef
  state: EnvironmentState
  emulator?: EmulatorSandbox
  ready?: Promise<EnvironmentRoute>
  stopped?: Promise<void>
  lastUsedAt: number
  idleTimer?: NodeJS.Timeout
}

/**
 * One MiniStack per active learner, each in its own sandbox and network namespace with its own data folder.
 * Code the emulator runs (Lambda, Glue, Step Functions tasks…) runs inside that sandbox as uid 65534: it can
 * reach only that learner's emulator. Started on demand, stopped when idle with state saved, restored on return.
 */
export class MinistackSpawner implements Spawner {
  readonly description = 'a MiniStack per learner'
  private readonly entries = new Map<string, Entry>()
  private readonly limitStarts: ReturnType<typeof pLimit>
  private readonly dataDir: string

  constructor(private readonly options: MinistackSpawnerOptions) {
    this.limitStarts = pLimit(options.concurrentStarts)
    this.dataDir = options.dataDir ?? dataDir(options.root, 'environments')
  }

  private folder(learnerId: string) {
    return path.join(this.dataDir, assertLearnerId(learnerId))
  }

  state(learnerId: string): EnvironmentState {
    return this.entries.get(learnerId)?.state ?? 'stopped'
  }

  list(): EnvironmentInfo[] {
    return [...this.entries.values()].map((e) => ({
      learnerId: e.learner.id,
      state: e.state,
      lastUsedAt: e.lastUsedAt,
      memoryBytes: e.emulator?.sandbox.cgroup.memoryBytes(),
      cpuMs: e.emulator?.sandbox.cgroup.cpuMs(),
    }))
  }

  touch(learnerId: string) {
    const entry = this.entries.get(learnerId)
    if (!entry) return
    entry.lastUsedAt = Date.now()
    clearTimeout(entry.idleTimer)
    entry.idleTimer = setTimeout(() => void this.stop(learnerId), this.options.idleMs)
    entry.idleTimer.unref()
  }

  ensure(learner: LearnerRef, onProgress?: (message: string) => void): Promise<EnvironmentRoute> {
    const existing = this.entries.get(learner.id)
    if (existing?.ready && (existing.state === 'running' || existing.state === 'starting')) {
      this.touch(learner.id)
      if (existing.state === 'starting') onProgress?.('Starting your AWS environment…')
      return existing.ready
    }
    const folder = this.folder(learner.id)
    const entry: Entry = {
      learner,
      state: 'starting',
      lastUsedAt: Date.now(),
    }
    this.entries.set(learner.id, entry)
    onProgress?.('Starting your AWS environment…')
    const after = existing?.state === 'stopping' ? existing.stopped : undefined
    entry.ready = (async () => {
      await after
      return this.limitStarts(() => this.start(entry, folder))
    })()
    entry.ready.catch(() => {
      if (this.entries.get(learner.id) === entry) this.entries.delete(learner.id)
    })
    this.touch(learner.id)
    return entry.ready
  }

  private async start(entry: Entry, folder: string): Promise<EnvironmentRoute> {
    const { venv, memoryMb } = this.options
    const emulator = startEmulatorSandbox({
      name: `env-${entry.learner.id.slice(0, 8)}`,
      folder,
      venv,
      command: [
        venv.python,
        '-m',
        'hypercorn',
        'ministack.app:app',
        '--bind',
        `127.0.0.1:${EMULATOR_PORT}`,
        '--bind',
        'unix:/run/cloudbook/emulator.sock',
        '--keep-alive',
        '75',
        '--log-level',
        'WARNING',
      ],
      stateMount: '/state',
      tmpfsBytes: 256 * 1024 * 1024,
      env: {
        GATEWAY_PORT: String(EMULATOR_PORT),
        BIND_HOST: '127.0.0.1',
        LOG_LEVEL: 'WARNING',
        PERSIST_STATE: '1',
        STATE_DIR: '/state',
        S3_PERSIST: '1',
        S3_DATA_DIR: '/state/s3',
        MINISTACK_ACCOUNT_ID: entry.learner.accountId,
      },
      limits: { memoryBytes: memoryMb * 1024 * 1024, pids: 512, cpus: 1 },
    })
    entry.emulator = emulator
    emulator.sandbox.child.once('exit', () => {
      if (this.entries.get(entry.learner.id) === entry) {
        entry.state = 'stopped'
        clearTimeout(entry.idleTimer)
        this.entries.delete(entry.learner.id)
      }
    })
    try {
      await emulator.ready(this.options.startTimeoutMs ?? 60_000)
    } catch (error) {
      throw new Error(`Your AWS environment could not start: ${error instanceof Error ? error.message : String(error)}`)
    }
    entry.state = 'running'
    return { learner: entry.learner, upstream: { kind: 'socket', socketPath: emulator.socketPath }, shared: false }
  }

  async reset(learner: LearnerRef) {
    const route = await this.ensure(learner)
    if (route.upstream.kind !== 'socket') return
    // the admin endpoint is refused to learner code by the gateway; the server may use it on one environment
    const { status } = await unixRequest(route.upstream.socketPath, 'POST', '/_ministack/reset', 15_000)
    if (status >= 300) throw new Error(`the environment did not reset (status ${status})`)
  }

  async stop(learnerId: string) {
    const entry = this.entries.get(learnerId)
    if (!entry?.emulator || entry.state === 'stopping') return
    entry.state = 'stopping'
    clearTimeout(entry.idleTimer)
    // SIGTERM lets MiniStack save its state (PERSIST_STATE)
    entry.stopped = entry.emulator.stop()
    await entry.stopped
    if (this.entries.get(learnerId) === entry) this.entries.delete(learnerId)
  }

  async stopAll() {
    await Promise.all([...this.entries.keys()].map((id) => this.stop(id)))
  }
}
