/**
 * A learner environment is everything one learner's code can touch: their run sandboxes and their emulator.
 * A Spawner creates, finds, stops and resets environments (the JupyterHub spawner model, ADR 0005). Today's
 * implementations are local processes under bubblewrap; a pod-per-environment spawner is the next one.
 */

/** Where a learner's AWS traffic goes once the gateway has let it through. */
export type Upstream = { kind: 'socket'; socketPath: string } | { kind: 'url'; url: string }

export type LearnerRef = { id: string; accountId: string }

export type EnvironmentRoute = {
  learner: LearnerRef
  upstream: Upstream
  /**
   * True when other learners use the same emulator: the gateway then pins every request to the learner's
   * account and refuses cross-account calls. An environment of one's own needs no pinning.
   */
  shared: boolean
}

export type EnvironmentState = 'stopped' | 'starting' | 'running' | 'stopping'

export type EnvironmentInfo = {
  learnerId: string
  state: EnvironmentState
  /** Resident memory of the environment's processes in bytes, when known. */
  memoryBytes?: number
  /** CPU time its processes used so far, in ms, when known. */
  cpuMs?: number
  lastUsedAt: number
}

export interface Spawner {
  /** What backs the environments, for the header and the docs ("MiniStack per learner", "shared LocalStack"). */
  readonly description: string
  /** Starts the learner's environment if needed and resolves once it answers. */
  ensure(learner: LearnerRef, onProgress?: (message: string) => void): Promise<EnvironmentRoute>
  /** Marks activity so the idle timer starts over (a page with cells open counts). */
  touch(learnerId: string): void
  state(learnerId: string): EnvironmentState
  /** Removes every AWS resource of the learner's, leaving a running, empty environment. */
  reset(learner: LearnerRef): Promise<void>
  /** Stops the environment; its state stays on disk and comes back on the next ensure(). */
  stop(learnerId: string): Promise<void>
  stopAll(): Promise<void>
  list(): EnvironmentInfo[]
}

/** Learner ids name folders and cgroups: only the UUID shape Cloudbook creates is accepted. */
export function assertLearnerId(id: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
    throw new Error(`not a learner id: ${JSON.stringify(id).slice(0, 60)}`)
  }
  return id
}
