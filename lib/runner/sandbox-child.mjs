// One sandboxed run. The parent (lib/runner/pool.ts) starts this file under Node's permission model, ahead of
// time, so the AWS SDK is already loaded when a learner presses Run. It waits for exactly one job, runs it, exits.
// Plain JavaScript on purpose: it is executed by node directly, never bundled.
import net from 'node:net'
import { pathToFileURL } from 'node:url'

const WARM_MODULES = (process.env.CLOUDBOOK_WARM_MODULES ?? '').split(',').filter(Boolean)

// Loading the SDK before the job arrives is what makes a run cheap; failures here only cost that speed-up.
await Promise.all(WARM_MODULES.map((m) => import(m).catch(() => undefined)))

/**
 * One real request through the SDK warms what module loading does not (credential and endpoint resolution,
 * signing, the XML parser): about 40 ms of a learner's first call. It uses a reserved, empty account.
 */
async function warmUpSdk(endpoint) {
  if (!endpoint) return
  try {
    const { S3Client, ListBucketsCommand } = await import('@aws-sdk/client-s3')
    const client = new S3Client({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: '000000000009', secretAccessKey: 'test' },
    })
    await client.send(new ListBucketsCommand({}))
    client.destroy()
  } catch {
    // the emulator may be down; the job will report that properly
  }
}
await warmUpSdk(process.env.CLOUDBOOK_WARM_ENDPOINT)

function send(message) {
  return new Promise((resolve) => process.send(message, () => resolve()))
}

function serializeError(error) {
  if (error instanceof Error) {
    // fetch() hides the real reason (e.g. a blocked connection) in `cause`
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
    return {
      name: error.name,
      message: `${error.message}${cause}`,
      stack: error.stack ?? '',
      code: error.Code ?? error.code,
    }
  }
  return { name: 'Error', message: String(error), stack: '' }
}

let finished = false
async function finish(message, code) {
  if (finished) return
  finished = true
  await send(message)
  process.exit(code)
}

/** Outbound connections may only reach the emulator: a cell has no business anywhere else. */
function restrictNetwork(endpoint) {
  const url = new URL(endpoint)
  const allowedPort = Number(url.port || (url.protocol === 'https:' ? 443 : 80))
  const allowedHosts = new Set([url.hostname.replace(/^\[|\]$/g, '')])
  if (url.hostname === 'localhost') ['127.0.0.1', '::1'].forEach((h) => allowedHosts.add(h))
  const connect = net.Socket.prototype.connect
  net.Socket.prototype.connect = function guardedConnect(...args) {
    // net.connect() passes its normalized [options, callback] pair as the first argument
    const first = Array.isArray(args[0]) ? args[0][0] : args[0]
    const options = typeof first === 'object' && first !== null ? first : { port: first, host: args[1] }
    if (typeof options.path === 'string' && options.port === undefined) {
      throw Object.assign(new Error('Cloudbook cells cannot open local sockets.'), { code: 'CLOUDBOOK_NETWORK' })
    }
    const host = String(options.host ?? 'localhost')
    const port = Number(options.port)
    if (!allowedHosts.has(host) || port !== allowedPort) {
      throw Object.assign(
        new Error(`Cloudbook cells can only reach the AWS emulator (${url.host}); ${host}:${port} is blocked.`),
        { code: 'CLOUDBOOK_NETWORK' },
      )
    }
    return connect.apply(this, args)
  }
}

/** Remove escape hatches that the permission model does not cover. */
function sealProcess() {
  for (const key of ['getBuiltinModule', 'binding', '_linkedBinding', 'dlopen']) {
    try {
      Object.defineProperty(process, key, { value: undefined, configurable: false })
    } catch {
      // already non-configurable on this Node version; the permission model still guards it
    }
  }
}

process.on('uncaughtException', (error) => finish({ type: 'error', error: serializeError(error) }, 1))
process.on('unhandledRejection', (error) => finish({ type: 'error', error: serializeError(error) }, 1))

process.once('message', async (job) => {
  for (const key of Object.keys(process.env)) delete process.env[key]
  Object.assign(process.env, job.env)
  restrictNetwork(job.env.AWS_ENDPOINT_URL)
  sealProcess()
  // The IPC channel must not keep the process alive: a run ends when the learner's work does.
  process.channel?.unref()
  try {
    const mod = await import(pathToFileURL(job.file).href)
    if (job.mode === 'check') {
      if (typeof mod.default !== 'function') throw new Error('check module has no default export function')
      const result = await mod.default({ region: job.env.AWS_REGION })
      await finish({ type: 'result', result }, 0)
      return
    }
    process.once('beforeExit', () => finish({ type: 'done' }, 0))
  } catch (error) {
    await finish({ type: 'error', error: serializeError(error) }, 1)
  }
})

await send({ type: 'ready' })
