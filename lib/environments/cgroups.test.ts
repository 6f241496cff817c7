import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cgroupSystem, ownGroup } from './cgroups'

const PROC_V1 = '9:name=systemd:/\n8:pids:/\n4:memory:/process_api/abc\n1:cpu:/\n0::/\n'

describe('cgroups', () => {
  it("finds this process's group per controller", () => {
    expect(ownGroup(PROC_V1, 'memory')).toBe('/process_api/abc')
    expect(ownGroup(PROC_V1, 'pids')).toBe('/')
    expect(ownGroup('0::/user.slice/app.service\n', null)).toBe('/user.slice/app.service')
  })

  it('writes v1 limits into a group under its own', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cg-'))
    for (const c of ['memory', 'pids', 'cpu']) {
      mkdirSync(path.join(root, c), { recursive: true })
      writeFileSync(path.join(root, c, 'cgroup.procs'), '')
    }
    const system = cgroupSystem(root)
    // the real /proc/self/cgroup decides the nesting; the limits land in files of the new group
    expect(system?.version).toBe(1)
    const own = ownGroup(readFileSync('/proc/self/cgroup', 'utf8'), 'memory') ?? '/'
    system?.create('t1', { memoryBytes: 64 * 1024 * 1024, pids: 32, cpus: 0.5 })
    const memory = path.join(root, 'memory', own, 'cloudbook', 't1')
    expect(readFileSync(path.join(memory, 'memory.limit_in_bytes'), 'utf8')).toBe(String(64 * 1024 * 1024))
    const pidsOwn = ownGroup(readFileSync('/proc/self/cgroup', 'utf8'), 'pids') ?? '/'
    expect(readFileSync(path.join(root, 'pids', pidsOwn, 'cloudbook', 't1', 'pids.max'), 'utf8')).toBe('32')
    const cpuOwn = ownGroup(readFileSync('/proc/self/cgroup', 'utf8'), 'cpu') ?? '/'
    expect(readFileSync(path.join(root, 'cpu', cpuOwn, 'cloudbook', 't1', 'cpu.cfs_quota_us'), 'utf8')).toBe('50000')
  })
})
