import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Kernel-enforced caps for one sandbox: resident memory (tmpfs pages count too), tasks and CPU. */
export type CgroupLimits = { memoryBytes: number; pids: number; cpus: number }

/** One sandbox's cgroup: processes are attached before they run anything, and it is removed after they exit. */
export type Cgroup = {
  /**
   * Moves a process in. Asynchronous on purpose: moving a just-started bubblewrap takes the kernel 10–30 ms on
   * cgroup v1, which a synchronous write would spend blocking the server's event loop on every sandbox start.
   */
  attach(pid: number): Promise<void>
  /** True when the kernel killed a process of this group for exceeding its memory cap. */
  oomKilled(): boolean
  /** Current memory charged to the group (resident pages and tmpfs) in bytes, for benchmarks. */
  memoryBytes(): number
  /** CPU time the group's processes used so far, in ms (0 when the kernel does not account it). */
  cpuMs(): number
  /**
   * Background groups get CPU only when others leave it idle (pre-started sandboxes warming up must not slow
   * the runs a class is waiting for); foreground is the normal share.
   */
  setPriority(priority: 'background' | 'foreground'): void
  destroy(): void
}

export type CgroupSystem = {
  version: 1 | 2
  create(name: string, limits: CgroupLimits): Cgroup
}

const CPU_PERIOD_US = 100_000

function write(file: string, value: string) {
  writeFileSync(file, value)
}

function readNumber(file: string, key?: string): number {
  try {
    const text = readFileSync(file, 'utf8')
    if (!key) return Number(text.trim()) || 0
    const line = text.split('\n').find((l) => l.startsWith(`${key} `))
    return line ? Number(line.split(' ')[1]) || 0 : 0
  } catch {
    return 0
  }
}

function removeDir(dir: string, attempt = 0) {
  // a cgroup can only be removed once its last task has gone; the kernel reaps exited tasks within milliseconds
  try {
    if (existsSync(dir)) rmdirSync(dir)
  } catch {
    if (attempt < 50) setTimeout(() => removeDir(dir, attempt + 1), 20).unref()
  }
}

/** The path of this process's own group for a controller, from /proc/self/cgroup ("4:memory:/a/b" or "0::/a"). */
export function ownGroup(procCgroup: string, controller: string | null): string | undefined {
  for (const line of procCgroup.split('\n')) {
    const [, controllers, groupPath] = line.split(':')
    if (controllers === undefined || groupPath === undefined) continue
    if (controller === null ? line.startsWith('0::') : controllers.split(',').includes(controller)) return groupPath
  }
  return undefined
}

function v1System(root: string, procCgroup: string): CgroupSystem | undefined {
  const controllers = ['memory', 'pids', 'cpu'] as const
  const bases: Record<(typeof controllers)[number], string> = { memory: '', pids: '', cpu: '' }
  for (const controller of controllers) {
    const own = ownGroup(procCgroup, controller)
    const mount = path.join(root, controller)
    if (own === undefined || !existsSync(path.join(mount, 'cgroup.procs'))) return undefined
    const base = path.join(mount, own, 'cloudbook')
    try {
      mkdirSync(base, { recursive: true })
    } catch {
      return undefined
    }
    bases[controller] = base
  }
  // CPU accounting is optional (benchmarks only): cpuacct is its own hierarchy on some v1 hosts
  const ownAcct = ownGroup(procCgroup, 'cpuacct')
  let acctBase: string | undefined
  if (ownAcct !== undefined && existsSync(path.join(root, 'cpuacct', 'cgroup.procs'))) {
    try {
      acctBase = path.join(root, 'cpuacct', ownAcct, 'cloudbook')
      mkdirSync(acctBase, { recursive: true })
    } catch {
      acctBase = undefined
    }
  }
  return {
    version: 1,
    create(name, limits) {
      const dirs = controllers.map((c) => path.join(bases[c], name))
      const acct = acctBase ? path.join(acctBase, name) : undefined
      if (acct) {
        mkdirSync(acct, { recursive: true })
        dirs.push(acct)
      }
      dirs.forEach((d) => mkdirSync(d, { recursive: true }))
      const [memory, pids, cpu] = dirs
      if (!memory || !pids || !cpu) throw new Error('cgroup v1 controllers missing')
      write(path.join(memory, 'memory.limit_in_bytes'), String(limits.memoryBytes))
      // swap would turn the cap into a slow-down instead of a stop
      try {
        write(path.join(memory, 'memory.memsw.limit_in_bytes'), String(limits.memoryBytes))
      } catch {
        // no swap accounting on this kernel: nothing to cap
      }
      write(path.join(pids, 'pids.max'), String(limits.pids))
      write(path.join(cpu, 'cpu.cfs_period_us'), String(CPU_PERIOD_US))
      write(path.join(cpu, 'cpu.cfs_quota_us'), String(Math.round(limits.cpus * CPU_PERIOD_US)))
      let final: { oom: boolean } | undefined
      const oomKilled = () => final?.oom ?? readNumber(path.join(memory, 'memory.oom_control'), 'oom_kill') > 0
      return {
        attach: async (pid) => {
          await Promise.all(dirs.map((d) => writeFile(path.join(d, 'cgroup.procs'), String(pid))))
        },
        oomKilled,
        memoryBytes: () => readNumber(path.join(memory, 'memory.usage_in_bytes')),
        cpuMs: () => (acct ? readNumber(path.join(acct, 'cpuacct.usage')) / 1e6 : 0),
        setPriority: (priority) => write(path.join(cpu, 'cpu.shares'), priority === 'background' ? '16' : '1024'),
        destroy: () => {
          // what callers still ask after the processes ended must survive the group
          final ??= { oom: oomKilled() }
          dirs.forEach((d) => removeDir(d))
        },
      }
    },
  }
}

/**
 * cgroup v2 forbids processes in a group whose children have controllers ("no internal processes"), so the
 * server moves itself into a leaf "server" group and sandboxes go under a sibling "sandboxes" group.
 */
function v2System(root: string, procCgroup: string): CgroupSystem | undefined {
  const own = ownGroup(procCgroup, null)
  if (own === undefined || !existsSync(path.join(root, 'cgroup.controllers'))) return undefined
  const base = path.join(root, own)
  const wanted = ['memory', 'pids', 'cpu']
  try {
    const available = readFileSync(path.join(base, 'cgroup.controllers'), 'utf8').trim().split(/\s+/)
    if (!wanted.every((c) => available.includes(c))) return undefined
    const subtree = readFileSync(path.join(base, 'cgroup.subtree_control'), 'utf8')
    if (!wanted.every((c) => subtree.includes(c))) {
      const server = path.join(base, 'server')
      mkdirSync(server, { recursive: true })
      for (const pid of readFileSync(path.join(base, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean)) {
        try {
          write(path.join(server, 'cgroup.procs'), pid)
        } catch {
          // a task that exited meanwhile
        }
      }
      write(path.join(base, 'cgroup.subtree_control'), wanted.map((c) => `+${c}`).join(' '))
    }
    const sandboxes = path.join(base, 'sandboxes')
    mkdirSync(sandboxes, { recursive: true })
    write(path.join(sandboxes, 'cgroup.subtree_control'), wanted.map((c) => `+${c}`).join(' '))
    return {
      version: 2,
      create(name, limits) {
        const dir = path.join(sandboxes, name)
        mkdirSync(dir, { recursive: true })
        write(path.join(dir, 'memory.max'), String(limits.memoryBytes))
        try {
          write(path.join(dir, 'memory.swap.max'), '0')
        } catch {
          // swap controller absent
        }
        write(path.join(dir, 'pids.max'), String(limits.pids))
        write(path.join(dir, 'cpu.max'), `${Math.round(limits.cpus * CPU_PERIOD_US)} ${CPU_PERIOD_US}`)
        let final: { oom: boolean } | undefined
        const oomKilled = () => final?.oom ?? readNumber(path.join(dir, 'memory.events'), 'oom_kill') > 0
        return {
          attach: (pid) => writeFile(path.join(dir, 'cgroup.procs'), String(pid)),
          oomKilled,
          memoryBytes: () => readNumber(path.join(dir, 'memory.current')),
          cpuMs: () => readNumber(path.join(dir, 'cpu.stat'), 'usage_usec') / 1000,
          setPriority: (priority) => write(path.join(dir, 'cpu.weight'), priority === 'background' ? '1' : '100'),
          destroy: () => {
            final ??= { oom: oomKilled() }
            removeDir(dir)
          },
        }
      },
    }
  } catch {
    return undefined
  }
}

let detected: CgroupSystem | null | undefined

/**
 * The cgroup hierarchy Cloudbook can write to (v2 unified, else v1 memory+pids+cpu), or null when neither is
 * writable — then sandboxes cannot have kernel-enforced limits and Cloudbook refuses to run code (see ADR 0005).
 */
export function cgroupSystem(root = '/sys/fs/cgroup'): CgroupSystem | null {
  if (detected !== undefined && root === '/sys/fs/cgroup') return detected
  let procCgroup = ''
  try {
    procCgroup = readFileSync('/proc/self/cgroup', 'utf8')
  } catch {
    // not Linux
  }
  const system = v2System(root, procCgroup) ?? v1System(root, procCgroup) ?? null
  if (root === '/sys/fs/cgroup') detected = system
  return system
}
