/**
 * Fair scheduling for runs: at most one run per learner (a new Run stops the learner's previous one, and says
 * so), at most `capacity` runs at once, and everyone else waits in one first-come queue that reports positions.
 * A run aborted while it waits leaves the queue at once and never executes.
 */
export type Slot = { release(): void }

export class SupersededError extends Error {
  constructor() {
    super('Stopped: you started a new run, which replaces this one.')
  }
}

export class AbortedError extends Error {
  constructor() {
    super('Stopped before it started: the run was cancelled.')
  }
}

type Waiter = {
  learnerId: string
  grant: (slot: Slot) => void
  fail: (error: Error) => void
  onPosition?: (position: number, queued: number) => void
}

export class Scheduler {
  private active = 0
  private readonly queue: Waiter[] = []
  /** Ends the learner's current run or queued request. */
  private readonly current = new Map<string, () => void>()

  constructor(private readonly capacity: number) {}

  get stats() {
    return { active: this.active, queued: this.queue.length }
  }

  acquire(
    learnerId: string,
    {
      signal,
      onPosition,
      onSuperseded,
    }: { signal?: AbortSignal; onPosition?: Waiter['onPosition']; onSuperseded?: () => void } = {},
  ): Promise<Slot> {
    this.current.get(learnerId)?.()
    if (signal?.aborted) return Promise.reject(new AbortedError())
    return new Promise<Slot>((resolve, reject) => {
      let settled = false
      let slot: Slot | undefined
      const cancel = (error: Error) => {
        if (slot) {
          // a running run: a newer run by the same learner stops it; an abort is the runner's own business
          if (error instanceof SupersededError) onSuperseded?.()
          return
        }
        const index = this.queue.indexOf(waiter)
        if (index !== -1) this.queue.splice(index, 1)
        this.reportPositions()
        if (!settled) {
          settled = true
          reject(error)
        }
      }
      const waiter: Waiter = {
        learnerId,
        onPosition,
        fail: reject,
        grant: (granted) => {
          slot = granted
          settled = true
          resolve(granted)
        },
      }
      this.current.set(learnerId, () => cancel(new SupersededError()))
      signal?.addEventListener('abort', () => cancel(new AbortedError()), { once: true })
      if (this.active < this.capacity) this.grant(waiter)
      else {
        this.queue.push(waiter)
        this.reportPositions()
      }
    })
  }

  private grant(waiter: Waiter) {
    this.active++
    let released = false
    const release = () => {
      if (released) return
      released = true
      this.active--
      if (this.current.get(waiter.learnerId) === ownCancel) this.current.delete(waiter.learnerId)
      const next = this.queue.shift()
      if (next) this.grant(next)
      this.reportPositions()
    }
    const ownCancel = this.current.get(waiter.learnerId)
    waiter.grant({ release })
  }

  private reportPositions() {
    this.queue.forEach((w, i) => w.onPosition?.(i + 1, this.queue.length))
  }
}
