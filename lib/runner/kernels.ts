import type { RunSandbox } from './pool'

/** Why a learner's previous kernel for this lesson is gone, said once by the next kernel's first cell. */
export type KernelEnd = 'idle' | 'restarted' | 'interrupted' | 'limit' | 'crashed' | 'replaced'

export type KernelState = {
  /** The cell execution counter, as Jupyter's [n]. */
  count: number
  /** This cell started a new kernel. */
  fresh: boolean
  /** Why the previous kernel ended, when this cell started a new one. */
  previous?: KernelEnd
}

type Kernel = {
  sandbox: RunSandbox
  count: number
  lastUsed: number
  idleTimer?: ReturnType<typeof setTimeout>
  /** The cell running now, so Interrupt can stop it. */
  running?: AbortController
}

const END_NOTES: Record<KernelEnd, string> = {
  idle: 'the previous kernel stopped after a while without runs',
  restarted: 'the kernel was restarted',
  interrupted: 'the previous kernel was interrupted',
  limit: 'the previous kernel was stopped by a limit',
  crashed: 'the previous kernel ended',
  replaced: 'the previous kernel was stopped to make room for one on another page',
}

/** Said beside [1] when a cell runs in a new kernel although an older one existed. */
export function kernelNote(state: KernelState): string | undefined {
  return state.fresh && state.previous
    ? `New kernel: ${END_NOTES[state.previous]}, so names from earlier cells are gone.`
    : undefined
}

/**
 * Notebook kernels: one sandboxed process per learner per lesson, kept between cells so they share state (Jupyter's
 * model). Each is stopped after `idleMs` without runs, and a learner keeps at most `perLearner` (their oldest goes).
 */
export class Kernels {
  private readonly kernels = new Map<string, Kernel>()
  private readonly ended = new Map<string, KernelEnd>()

  constructor(
    private readonly idleMs = 15 * 60_000,
    private readonly perLearner = 2,
  ) {}

  private key(learnerId: string, scope: string) {
    return `${learnerId}\0${scope}`
  }

  /** The live kernel's sandbox, or undefined when the next cell needs a new one. */
  sandboxOf(learnerId: string, scope: string): RunSandbox | undefined {
    const kernel = this.kernels.get(this.key(learnerId, scope))
    if (!kernel) return undefined
    clearTimeout(kernel.idleTimer)
    return kernel.sandbox
  }

  /** A new kernel around a started sandbox; the learner's oldest kernel goes if they have too many. */
  adopt(learnerId: string, scope: string, sandbox: RunSandbox) {
    const key = this.key(learnerId, scope)
    const mine = [...this.kernels.entries()].filter(([k]) => k.startsWith(`${learnerId}\0`))
    if (mine.length >= this.perLearner) {
      const [oldest] = mine.sort((a, b) => a[1].lastUsed - b[1].lastUsed)
      if (oldest) this.end(oldest[0], 'replaced')
    }
    this.kernels.set(key, { sandbox, count: 0, lastUsed: Date.now() })
    void sandbox.exited.then(() => {
      if (this.kernels.get(key)?.sandbox !== sandbox) return
      this.kernels.delete(key)
      if (!this.ended.has(key)) this.ended.set(key, 'crashed')
    })
  }

  /** Counts a cell starting in the kernel and returns its state ([n], new or not, why the old one went). */
  beginCell(learnerId: string, scope: string, running: AbortController): KernelState {
    const key = this.key(learnerId, scope)
    const kernel = this.kernels.get(key)
    if (!kernel) return { count: 0, fresh: true }
    kernel.count += 1
    kernel.running = running
    const fresh = kernel.count === 1
    const previous = fresh ? this.ended.get(key) : undefined
    if (fresh) this.ended.delete(key)
    return { count: kernel.count, fresh, ...(previous ? { previous } : {}) }
  }

  /** The cell ended; the idle clock starts. A kernel whose process died is forgotten with the reason. */
  endCell(learnerId: string, scope: string, why?: KernelEnd) {
    const key = this.key(learnerId, scope)
    const kernel = this.kernels.get(key)
    if (!kernel) return
    kernel.running = undefined
    kernel.lastUsed = Date.now()
    if (why) return this.end(key, why)
    clearTimeout(kernel.idleTimer)
    kernel.idleTimer = setTimeout(() => this.end(key, 'idle'), this.idleMs)
    kernel.idleTimer.unref()
  }

  /** Interrupt: stops the running cell; the kernel goes with it (a cell cannot be stopped halfway otherwise). */
  interrupt(learnerId: string, scope: string): boolean {
    const kernel = this.kernels.get(this.key(learnerId, scope))
    if (!kernel?.running) return false
    this.ended.set(this.key(learnerId, scope), 'interrupted')
    kernel.running.abort()
    return true
  }

  /** Restart: the next cell starts in a new, empty kernel. */
  restart(learnerId: string, scope: string) {
    this.end(this.key(learnerId, scope), 'restarted')
  }

  status(learnerId: string, scope: string): { alive: boolean; count: number; busy: boolean } {
    const kernel = this.kernels.get(this.key(learnerId, scope))
    return { alive: Boolean(kernel), count: kernel?.count ?? 0, busy: Boolean(kernel?.running) }
  }

  get size() {
    return this.kernels.size
  }

  private end(key: string, why: KernelEnd) {
    const kernel = this.kernels.get(key)
    if (!kernel) return
    clearTimeout(kernel.idleTimer)
    this.kernels.delete(key)
    this.ended.set(key, why)
    kernel.sandbox.kill()
  }

  close() {
    for (const key of [...this.kernels.keys()]) this.end(key, 'restarted')
  }
}
