import { describe, expect, it } from 'vitest'
import { AbortedError, Scheduler, SupersededError } from './scheduler'

describe('scheduler', () => {
  it('queues beyond capacity in arrival order and reports positions', async () => {
    const scheduler = new Scheduler(1)
    const first = await scheduler.acquire('a')
    const positions: string[] = []
    const second = scheduler.acquire('b', { onPosition: (p, n) => positions.push(`b ${p}/${n}`) })
    const third = scheduler.acquire('c', { onPosition: (p, n) => positions.push(`c ${p}/${n}`) })
    expect(scheduler.stats).toEqual({ active: 1, queued: 2 })
    first.release()
    const slotB = await second
    expect(positions).toEqual(['b 1/1', 'b 1/2', 'c 2/2', 'c 1/1'])
    slotB.release()
    ;(await third).release()
    expect(scheduler.stats).toEqual({ active: 0, queued: 0 })
  })

  it('lets a learner run one thing at a time: a new run supersedes a queued one', async () => {
    const scheduler = new Scheduler(1)
    const busy = await scheduler.acquire('other')
    const old = scheduler.acquire('me')
    const fresh = scheduler.acquire('me')
    await expect(old).rejects.toBeInstanceOf(SupersededError)
    busy.release()
    ;(await fresh).release()
  })

  it('tells a running run that it was superseded', async () => {
    const scheduler = new Scheduler(2)
    let superseded = false
    const running = await scheduler.acquire('me', { onSuperseded: () => (superseded = true) })
    const next = scheduler.acquire('me')
    expect(superseded).toBe(true)
    running.release()
    ;(await next).release()
  })

  it('drops an aborted queued run at once and never grants it', async () => {
    const scheduler = new Scheduler(1)
    const busy = await scheduler.acquire('other')
    const controller = new AbortController()
    const queued = scheduler.acquire('me', { signal: controller.signal })
    controller.abort()
    await expect(queued).rejects.toBeInstanceOf(AbortedError)
    expect(scheduler.stats).toEqual({ active: 1, queued: 0 })
    busy.release()
    expect(scheduler.stats).toEqual({ active: 0, queued: 0 })
  })

  it('frees the slot once, however often release is called', async () => {
    const scheduler = new Scheduler(1)
    const slot = await scheduler.acquire('a')
    slot.release()
    slot.release()
    expect(scheduler.stats.active).toBe(0)
  })
})
