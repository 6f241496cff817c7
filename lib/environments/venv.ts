import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { dataDir } from '../data-dir'

export type Backend = 'ministack' | 'localstack'

/** Pinned backends: each has a full requirements lock in lib/emulator/requirements. */
export const BACKENDS: Record<Backend, { label: string; lock: string; pin: string }> = {
  ministack: { label: 'MiniStack', lock: 'ministack.txt', pin: 'ministack' },
  localstack: { label: 'LocalStack', lock: 'localstack.txt', pin: 'localstack-core' },
}

function lockFile(root: string, backend: Backend) {
  return path.join(root, 'lib', 'emulator', 'requirements', BACKENDS[backend].lock)
}

export function pinnedVersion(root: string, backend: Backend): string {
  const lock = readFileSync(lockFile(root, backend), 'utf8')
  return new RegExp(`^${BACKENDS[backend].pin}==(.+)$`, 'm').exec(lock)?.[1]?.trim() ?? 'unknown'
}

export type Venv = {
  dir: string
  python: string
  /** The Python installation the venv points at: sandboxes need it visible at the same path. */
  pythonPrefix: string
  version: string
}

function describe(dir: string, version: string): Venv {
  const cfg = readFileSync(path.join(dir, 'pyvenv.cfg'), 'utf8')
  const home = /^home\s*=\s*(.+)$/m.exec(cfg)?.[1]?.trim() ?? '/usr/bin'
  return { dir, python: path.join(dir, 'bin', 'python'), pythonPrefix: path.dirname(home), version }
}

/** Creates .cloudbook/emulators/<backend>-<version> from the lock file once; later calls return at once. */
export function ensureVenv(root: string, backend: Backend, log: (line: string) => void = console.log): Venv {
  const spec = BACKENDS[backend]
  const version = pinnedVersion(root, backend)
  const dir = dataDir(root, 'emulators', `${backend}-${version}`)
  const marker = path.join(dir, '.installed')
  if (existsSync(marker)) return describe(dir, version)
  const python = process.env.PYTHON ?? 'python3'
  log(`Installing ${spec.label} ${version} into ${path.relative(root, dir)} (first start only, about 10 s)…`)
  const steps: [string, string[]][] = [
    [python, ['-m', 'venv', dir]],
    [
      path.join(dir, 'bin', 'pip'),
      ['install', '--quiet', '--disable-pip-version-check', '-r', lockFile(root, backend)],
    ],
  ]
  for (const [command, args] of steps) {
    const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' })
    if (result.status !== 0) {
      const detail = (result.stderr ?? '')
        .split('\n')
        .filter((line) => !line.startsWith('WARNING'))
        .join('\n')
        .trim()
      throw new Error(
        `Could not install ${spec.label}: ${command} ${args.join(' ')} failed.\n${detail || result.error?.message || ''}\nPython 3.10+ with venv is required (apt-get install python3-venv).`,
      )
    }
  }
  writeFileSync(marker, new Date().toISOString())
  return describe(dir, version)
}
