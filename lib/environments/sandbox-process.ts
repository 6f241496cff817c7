import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { lstatSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { Readable, Writable } from 'node:stream'
import { z } from 'zod'
import { dataDir } from '../data-dir'
import { cgroupSystem, type Cgroup, type CgroupLimits } from './cgroups'

/**
 * One process tree under bubblewrap: new user, PID, mount, IPC, UTS, cgroup and network namespaces (only
 * loopback), uid 65534 without capabilities, a read-only view of exactly the paths given, capped tmpfs scratch,
 * and a cgroup with memory/pids/CPU caps that it joins before its command runs.
 */
export type SandboxSpec = {
  /** Unique per sandbox: names its cgroup. */
  name: string
  /** argv inside the sandbox. */
  command: string[]
  readOnly: { from: string; to: string }[]
  writable: { from: string; to: string }[]
  tmpfs: { path: string; sizeBytes: number }[]
  env: Record<string, string>
  cwd: string
  limits: CgroupLimits
  /** Start with background CPU priority (pre-started sandboxes); raise it with cgroup.setPriority. */
  background?: boolean
  /** stdio for fds 0–2 and any extra fds from 3 on, as for child_process.spawn. */
  stdio: ('pipe' | 'ignore')[]
}

export type SandboxProcess = {
  child: ChildProcess
  /** Resolves with the command's host pid once the cgroup holds the sandbox and the command was released to run. */
  started: Promise<number>
  cgroup: Cgroup
}

export class SandboxUnavailableError extends Error {}

const BWRAP = process.env.CLOUDBOOK_BWRAP ?? 'bwrap'
const infoSchema = z.object({ 'child-pid': z.number().int().positive() })

let checked: string | undefined
/** Why sandboxes cannot start on this host, or undefined when they can (checked once per process). */
export function sandboxProblem(): string | undefined {
  if (checked !== undefined) return checked || undefined
  const probe = spawnSync(BWRAP, ['--unshare-all', '--ro-bind', '/usr', '/usr', ...systemLinks(), '--', '/bin/true'], {
    encoding: 'utf8',
    timeout: 10_000,
  })
  if (probe.error) {
    checked = `bubblewrap is not installed (${probe.error.message}). Install it: apt-get install bubblewrap`
  } else if (probe.status !== 0) {
    checked = `bubblewrap cannot create namespaces here: ${probe.stderr.trim()}. Allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1) or, in a container, run with a seccomp profile that permits them.`
  } else if (!cgroupSystem()) {
    checked =
      'no writable cgroup (v2 with memory, pids and cpu delegated, or v1 memory/pids/cpu) was found, so memory and process caps cannot be enforced. Run Cloudbook as root or give it a delegated cgroup (systemd: Delegate=yes).'
  } else {
    checked = ''
  }
  return checked || undefined
}

/** /lib, /bin … are symlinks into /usr on merged-/usr systems and real folders elsewhere. */
function systemLinks(): string[] {
  const args: string[] = []
  for (const dir of ['/bin', '/sbin', '/lib', '/lib64', '/lib32']) {
    try {
      const stat = lstatSync(dir)
      if (stat.isSymbolicLink()) args.push('--symlink', `usr${dir}`, dir)
      else if (stat.isDirectory()) args.push('--ro-bind', dir, dir)
    } catch {
      // absent on this system
    }
  }
  return args
}

let etcDir: string | undefined
/**
 * A minimal /etc for every sandbox: "localhost" resolves (learner code may name it), and uid 65534 has a name
 * (Python's getpass and friends ask). Nothing of the host's /etc is visible.
 */
function sandboxEtc(): string {
  if (etcDir) return etcDir
  etcDir = dataDir(process.cwd(), 'build', 'etc')
  mkdirSync(etcDir, { recursive: true })
  writeFileSync(path.join(etcDir, 'hosts'), '127.0.0.1 localhost cloudbook\n::1 localhost ip6-localhost\n')
  writeFileSync(path.join(etcDir, 'passwd'), 'nobody:x:65534:65534:nobody:/tmp:/usr/sbin/nologin\n')
  writeFileSync(path.join(etcDir, 'group'), 'nogroup:x:65534:\n')
  writeFileSync(path.join(etcDir, 'nsswitch.conf'), 'passwd: files\ngroup: files\nhosts: files\n')
  return etcDir
}

export function bwrapArgs(spec: SandboxSpec, infoFd: number, blockFd: number): string[] {
  const etc = sandboxEtc()
  const args = [
    '--unshare-all',
    '--unshare-user',
    '--disable-userns',
    '--uid',
    '65534',
    '--gid',
    '65534',
    '--hostname',
    'cloudbook',
    '--die-with-parent',
    '--new-session',
    '--cap-drop',
    'ALL',
    // the command is PID 1 of its namespace: a signal to its host pid reaches it (graceful stop), and when it
    // exits the kernel ends everything else inside
    '--as-pid-1',
    '--ro-bind',
    '/usr',
    '/usr',
    ...systemLinks(),
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    ...['hosts', 'passwd', 'group', 'nsswitch.conf'].flatMap((f) => ['--ro-bind', path.join(etc, f), `/etc/${f}`]),
  ]
  for (const { path, sizeBytes } of spec.tmpfs) args.push('--size', String(sizeBytes), '--tmpfs', path)
  for (const { from, to } of spec.readOnly) args.push('--ro-bind', from, to)
  for (const { from, to } of spec.writable) args.push('--bind', from, to)
  args.push('--clearenv')
  for (const [key, value] of Object.entries(spec.env)) args.push('--setenv', key, value)
  args.push('--chdir', spec.cwd, '--info-fd', String(infoFd), '--block-fd', String(blockFd), '--', ...spec.command)
  return args
}

function readAll(stream: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    stream.setEncoding('utf8')
    stream.on('data', (chunk: string) => {
      text += chunk
      // bwrap writes one small JSON object and keeps the fd open: stop at the closing brace
      if (text.includes('}')) resolve(text)
    })
    stream.once('end', () => resolve(text))
    stream.once('error', reject)
  })
}

export function spawnSandbox(spec: SandboxSpec): SandboxProcess {
  const problem = sandboxProblem()
  if (problem) throw new SandboxUnavailableError(problem)
  const system = cgroupSystem()
  if (!system) throw new SandboxUnavailableError('no writable cgroup')
  const cgroup = system.create(`${spec.name}-${randomUUID().slice(0, 8)}`, spec.limits)
  if (spec.background) cgroup.setPriority('background')
  const infoFd = spec.stdio.length
  const blockFd = infoFd + 1
  const stdio: StdioOptions = [...spec.stdio, 'pipe', 'pipe']
  const child: ChildProcess = spawn(BWRAP, bwrapArgs(spec, infoFd, blockFd), {
    stdio,
    // bubblewrap itself needs nothing from the server's environment; the sandbox gets only spec.env
    env: { NODE_ENV: 'production' },
  })
  // a sandbox killed mid-write resets its pipes: that is an ordinary end, reported through 'exit'
  for (const stream of child.stdio) stream?.on('error', () => undefined)
  const info = child.stdio[infoFd]
  const block = child.stdio[blockFd]
  const started = (async () => {
    if (!(info instanceof Readable) || !(block instanceof Writable)) throw new Error('sandbox control pipes missing')
    const parsed = infoSchema.safeParse(JSON.parse(await readAll(info)))
    if (!parsed.success || child.pid === undefined) throw new Error('bubblewrap did not report its sandbox')
    await Promise.all([cgroup.attach(child.pid), cgroup.attach(parsed.data['child-pid'])])
    block.end('go')
    return parsed.data['child-pid']
  })()
  started.catch(() => child.kill('SIGKILL'))
  child.once('exit', () => cgroup.destroy())
  return { child, started, cgroup }
}
