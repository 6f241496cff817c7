import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { buildSync } from 'esbuild'
import { EMULATOR_PORT, startEmulatorSandbox } from './emulator-sandbox'
import type { SandboxProcess } from './sandbox-process'
import type { EnvironmentInfo, EnvironmentRoute, EnvironmentState, LearnerRef, Spawner, Upstream } from './spawner'
import type { Venv } from './venv'
import { dataDir } from '../data-dir'

/** Bundles socket-bridge.ts for the sandbox (plain node runs it; it stays TypeScript under the type check). */
function bridgeScript(root: string): string {
  const out = dataDir(root, 'build', 'socket-bridge.mjs')
  mkdirSync(path.dirname(out), { recursive: true })
  buildSync({
    entryPoints: [path.join(root, 'lib', 'environments', 'socket-bridge.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: out,
    logLevel: 'silent',
  })
  return out
}

/**
 * Starts LocalStack (host mode) once, in a sandbox and network namespace of its own, reachable only through a
 * unix socket. It is shared by every learner, so the gateway pins each request to its learner's account.
 */
export async function startSharedLocalStack(
  root: string,
  venv: Venv,
  memoryMb: number,
): Promise<{ upstream: Upstream; process: SandboxProcess; stop: () => Promise<void> }> {
  // per server process: two servers (or test runs) on one checkout must not share a socket
  const folder = dataDir(root, 'environments', `shared-localstack-${process.pid}`)
  const script = bridgeScript(root)
  const emulator = startEmulatorSandbox({
    name: 'localstack',
    folder,
    venv,
    command: [
      '/opt/cloudbook/bin/node',
      '/opt/cloudbook/socket-bridge.mjs',
      String(EMULATOR_PORT),
      venv.python,
      '-m',
      'localstack.runtime.main',
    ],
    stateMount: '/data',
    extraReadOnly: [{ from: script, to: '/opt/cloudbook/socket-bridge.mjs' }],
    tmpfsBytes: 512 * 1024 * 1024,
    env: {
      GATEWAY_LISTEN: `127.0.0.1:${EMULATOR_PORT}`,
      LOCALSTACK_HOST: `127.0.0.1:${EMULATOR_PORT}`,
      // host mode: no Docker, no DNS server, no downloads, no telemetry
      OVERRIDE_IN_DOCKER: '0',
      DNS_ADDRESS: '0',
      DISABLE_EVENTS: '1',
      SKIP_SSL_CERT_DOWNLOAD: '1',
      SKIP_INFRA_DOWNLOADS: '1',
      FILESYSTEM_ROOT: '/data',
      // queue URLs on the endpoint itself (http://127.0.0.1:4566/queue/…): the default sqs.<region>.127.0.0.1 host
      // makes the SDK print "Invalid URL" warnings into every learner's output
      SQS_ENDPOINT_STRATEGY: 'path',
    },
    limits: { memoryBytes: memoryMb * 1024 * 1024, pids: 1024, cpus: 2 },
  })
  try {
    await emulator.ready(120_000)
  } catch (error) {
    throw new Error(`LocalStack could not start: ${error instanceof Error ? error.message : String(error)}`)
  }
  const stop = async () => {
    await emulator.stop()
    rmSync(folder, { recursive: true, force: true })
  }
  return { upstream: { kind: 'socket', socketPath: emulator.socketPath }, process: emulator.sandbox, stop }
}

/**
 * One emulator for everyone (a managed LocalStack, or the user's own AWS_ENDPOINT_URL): each learner's
 * "environment" is their account on it, and the gateway keeps them inside it.
 */
export class SharedSpawner implements Spawner {
  private readonly seen = new Map<string, number>()

  constructor(
    readonly description: string,
    private readonly upstream: Upstream,
    private readonly cleanAccount: (learner: LearnerRef) => Promise<void>,
    private readonly onStop: () => Promise<void> = async () => undefined,
  ) {}

  async ensure(learner: LearnerRef): Promise<EnvironmentRoute> {
    this.touch(learner.id)
    return { learner, upstream: this.upstream, shared: true }
  }

  touch(learnerId: string) {
    this.seen.set(learnerId, Date.now())
  }

  state(): EnvironmentState {
    return 'running'
  }

  async reset(learner: LearnerRef) {
    await this.cleanAccount(learner)
  }

  async stop() {
    // the shared emulator keeps running for everyone else
  }

  async stopAll() {
    await this.onStop()
  }

  list(): EnvironmentInfo[] {
    return [...this.seen].map(([learnerId, lastUsedAt]) => ({ learnerId, state: 'running', lastUsedAt }))
  }
}
