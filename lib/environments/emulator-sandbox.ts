import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { CgroupLimits } from './cgroups'
import { spawnSandbox, type SandboxProcess } from './sandbox-process'
import { waitForSocketHealth } from './unix-http'
import type { Venv } from './venv'

/** Inside every emulator sandbox the emulator listens on this loopback port of its own network namespace. */
export const EMULATOR_PORT = 4566

export type EmulatorSandboxSpec = {
  name: string
  /** Host folder holding `state/` and `sock/` for this emulator. */
  folder: string
  venv: Venv
  command: string[]
  /** Where the state folder appears inside the sandbox. */
  stateMount: string
  extraReadOnly?: { from: string; to: string }[]
  tmpfsBytes: number
  env: Record<string, string>
  limits: CgroupLimits
}

export type EmulatorSandbox = {
  sandbox: SandboxProcess
  /** The unix socket the emulator (or its bridge) listens on: the gateway's upstream. */
  socketPath: string
  alive(): boolean
  /** Resolves once the emulator answers its health check; kills it and says why otherwise. */
  ready(timeoutMs: number): Promise<void>
  /** SIGTERM (emulators save their state on it), SIGKILL after a grace period; resolves when it has exited. */
  stop(): Promise<void>
}

/**
 * An emulator in a sandbox of its own: the venv and its Python read-only, Node for Node.js Lambda functions, its
 * state folder writable, and a socket folder that is its only door to the outside (MiniStack and LocalStack share
 * all of this; they differ in command and settings).
 */
export function startEmulatorSandbox(spec: EmulatorSandboxSpec): EmulatorSandbox {
  const stateDir = path.join(spec.folder, 'state')
  const sockDir = path.join(spec.folder, 'sock')
  mkdirSync(stateDir, { recursive: true })
  rmSync(sockDir, { recursive: true, force: true })
  mkdirSync(sockDir, { recursive: true })
  const sandbox = spawnSandbox({
    name: spec.name,
    command: spec.command,
    readOnly: [
      { from: spec.venv.dir, to: spec.venv.dir },
      { from: spec.venv.pythonPrefix, to: spec.venv.pythonPrefix },
      // Node.js Lambda functions (and LocalStack's socket bridge) run with the same Node as Cloudbook
      { from: process.execPath, to: '/opt/cloudbook/bin/node' },
      ...(spec.extraReadOnly ?? []),
    ],
    writable: [
      { from: stateDir, to: spec.stateMount },
      { from: sockDir, to: '/run/cloudbook' },
    ],
    tmpfs: [{ path: '/tmp', sizeBytes: spec.tmpfsBytes }],
    env: {
      PATH: '/opt/cloudbook/bin:/usr/local/bin:/usr/bin:/bin',
      HOME: '/tmp',
      TMPDIR: '/tmp',
      LANG: 'C.UTF-8',
      ...spec.env,
    },
    cwd: '/tmp',
    limits: spec.limits,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  sandbox.child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000)
  })
  let alive = true
  const exited = new Promise<void>((resolve) =>
    sandbox.child.once('exit', () => {
      alive = false
      resolve()
    }),
  )
  const socketPath = path.join(sockDir, 'emulator.sock')
  return {
    sandbox,
    socketPath,
    alive: () => alive,
    async ready(timeoutMs) {
      try {
        await sandbox.started
        await waitForSocketHealth(socketPath, timeoutMs, () => alive)
      } catch (error) {
        sandbox.child.kill('SIGKILL')
        const why = error instanceof Error ? error.message : String(error)
        throw new Error(`${why}${stderr ? `\n${stderr.trim()}` : ''}`)
      }
    },
    async stop() {
      if (!alive) return
      const pid = await sandbox.started.catch(() => undefined)
      if (pid) process.kill(pid, 'SIGTERM')
      else sandbox.child.kill('SIGKILL')
      const force = setTimeout(() => sandbox.child.kill('SIGKILL'), 8000)
      await exited
      clearTimeout(force)
    },
  }
}
