// Starts a local AWS emulator when the user did not point Cloudbook at one (AWS_ENDPOINT_URL unset).
// Used by `npm start`, `npm run dev`, Vitest's global setup and Playwright; plain ESM so scripts can import it
// without a TypeScript toolchain. The app itself only ever sees AWS_ENDPOINT_URL (lib/emulator/config.ts).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')

/** Pinned backends: each has a full requirements lock beside this file. */
export const BACKENDS = {
  ministack: {
    label: 'MiniStack',
    requirements: 'requirements/ministack.txt',
    command: (venv) => [path.join(venv, 'bin', 'ministack')],
    env: (port) => ({ GATEWAY_PORT: String(port), BIND_HOST: '127.0.0.1', LOG_LEVEL: 'WARNING' }),
  },
  localstack: {
    label: 'LocalStack',
    requirements: 'requirements/localstack.txt',
    command: (venv) => [path.join(venv, 'bin', 'python'), '-m', 'localstack.runtime.main'],
    env: (port, dataDir) => ({
      GATEWAY_LISTEN: `127.0.0.1:${port}`,
      LOCALSTACK_HOST: `127.0.0.1:${port}`,
      // host mode: no Docker, no DNS server, no downloads, no telemetry
      OVERRIDE_IN_DOCKER: '0',
      DNS_ADDRESS: '0',
      DISABLE_EVENTS: '1',
      SKIP_SSL_CERT_DOWNLOAD: '1',
      SKIP_INFRA_DOWNLOADS: '1',
      FILESYSTEM_ROOT: dataDir,
    }),
  },
}

function pinnedVersion(backend) {
  const lock = readFileSync(path.join(ROOT, 'lib', 'emulator', BACKENDS[backend].requirements), 'utf8')
  const name = backend === 'ministack' ? 'ministack' : 'localstack-core'
  return new RegExp(`^${name}==(.+)$`, 'm').exec(lock)?.[1]?.trim() ?? 'unknown'
}

/** Creates .cloudbook/emulators/<backend>-<version> from the lock file once; later calls are instant. */
export function ensureVenv(backend, log = console.log) {
  const spec = BACKENDS[backend]
  if (!spec) throw new Error(`Unknown emulator backend "${backend}" (use ministack or localstack)`)
  const venv = path.join(ROOT, '.cloudbook', 'emulators', `${backend}-${pinnedVersion(backend)}`)
  const marker = path.join(venv, '.installed')
  if (existsSync(marker)) return venv
  const python = process.env.PYTHON ?? 'python3'
  log(`Installing ${spec.label} ${pinnedVersion(backend)} into ${path.relative(ROOT, venv)} (first start only)…`)
  const steps = [
    [python, ['-m', 'venv', venv]],
    [
      path.join(venv, 'bin', 'pip'),
      [
        'install',
        '--quiet',
        '--disable-pip-version-check',
        '-r',
        path.join(ROOT, 'lib', 'emulator', spec.requirements),
      ],
    ],
  ]
  for (const [cmd, args] of steps) {
    const result = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' })
    if (result.status !== 0) {
      const detail = (result.stderr ?? '')
        .split('\n')
        .filter((l) => !l.startsWith('WARNING'))
        .join('\n')
        .trim()
      throw new Error(
        `Could not install ${spec.label}: ${cmd} ${args.join(' ')} failed.\n${detail || result.error?.message || ''}\nPython 3.10+ with venv is required (apt-get install python3-venv).`,
      )
    }
  }
  spawnSync('touch', [marker])
  return venv
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export async function waitForHealth(endpoint, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs
  let lastError
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${endpoint}/_localstack/health`, { signal: AbortSignal.timeout(2000) })
      if (response.ok) {
        const body = await response.json()
        const s3 = body?.services?.s3
        if (s3 === 'available' || s3 === 'running') return body
      }
    } catch (error) {
      lastError = error
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(
    `The emulator did not become healthy at ${endpoint} within ${timeoutMs / 1000} s${lastError ? ` (${lastError.message})` : ''}`,
  )
}

const GUARD = `
const { spawn } = require('node:child_process')
const [cmd, ...args] = process.argv.slice(1)
const emulator = spawn(cmd, args, { stdio: 'inherit' })
let stopping = false
const stopAll = () => {
  if (stopping) return
  stopping = true
  try { process.kill(-process.pid, 'SIGTERM') } catch {}
  setTimeout(() => { try { process.kill(-process.pid, 'SIGKILL') } catch {} }, 5000).unref()
}
process.on('SIGTERM', stopAll)
process.on('SIGINT', stopAll)
process.stdin.on('end', stopAll)
process.stdin.on('error', stopAll)
process.stdin.resume()
emulator.on('exit', (code) => process.exit(code ?? 1))
`

/**
 * Starts the backend on a free loopback port and resolves once its health endpoint answers.
 * The returned stop() ends it; the process is also ended when the parent exits.
 */
export async function startEmulator({ backend = 'ministack', log = console.log } = {}) {
  const venv = ensureVenv(backend, log)
  const port = await freePort()
  const endpoint = `http://127.0.0.1:${port}`
  const dataDir = path.join(ROOT, '.cloudbook', 'emulator-data', `${backend}-${port}`)
  mkdirSync(dataDir, { recursive: true })
  const logFile = path.join(ROOT, '.cloudbook', `${backend}-${port}.log`)
  const out = openSync(logFile, 'a')
  // The emulator runs under a small guard in a process group of its own (MiniStack starts Lambda functions as
  // child processes, which outlive a plain SIGTERM). The guard ends the whole group when we call stop() *or* when
  // this process dies in any way, even SIGKILL: its stdin is a pipe from us, and the pipe closes when we go.
  const child = spawn(process.execPath, ['-e', GUARD, ...BACKENDS[backend].command(venv)], {
    cwd: dataDir,
    detached: true,
    stdio: ['pipe', out, out],
    env: { PATH: process.env.PATH, HOME: dataDir, TMPDIR: dataDir, ...BACKENDS[backend].env(port, dataDir) },
  })
  let exited = false
  child.once('exit', () => {
    exited = true
  })
  const stop = () => {
    if (exited) return
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      child.kill('SIGTERM')
    }
  }
  process.once('exit', stop)
  try {
    const health = await Promise.race([
      waitForHealth(endpoint),
      new Promise((_, reject) =>
        child.once('exit', (code) =>
          reject(new Error(`${BACKENDS[backend].label} exited during start-up (code ${code}); see ${logFile}`)),
        ),
      ),
    ])
    log(`${BACKENDS[backend].label} ${health.version ?? ''} is ready at ${endpoint}`)
    return { endpoint, backend, stop, pid: child.pid }
  } catch (error) {
    stop()
    throw error
  }
}
