// One sandboxed run, as PID 1 of its own namespaces (lib/runner/pool.ts starts it under bubblewrap and Node's
// permission model, ahead of time, so the AWS SDK is loaded when a learner presses Run). It bridges
// 127.0.0.1:4566 to the gateway socket, waits for exactly one job on fd 3, transpiles and checks it, runs it,
// reports over fd 3 and exits. Bundled by lib/runner/sandbox-script.ts; never imported by the server.
import { existsSync, mkdirSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parse } from 'es-module-lexer/js'
import { transform } from 'sucrase'
import { splice } from '../environments/splice'
import { shareTopLevel } from './cell-scope'
import { checkImport } from './import-policy'
import { childMessageSchema, jobSchema, type AwsCall, type ChildMessage, type Job } from './protocol'

const IPC_FD = 3
const SCRATCH = '/opt/cloudbook/run'
// the job's folder (its current directory): the lesson's files at their paths, the cell itself in cells/, so the
// "../libs/snsClient.js" imports of AWS's own examples find the lesson's libs/
const WORK = path.join(SCRATCH, 'work')
const CELLS = path.join(WORK, 'cells')
const NODE_MODULES = '/opt/cloudbook/node_modules'
const GATEWAY_SOCKET = '/run/cloudbook/aws.sock'
const EMULATOR_PORT = 4566

const WARM_UP_CELL = `import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3'
type Row = { name: string; size?: number }
const s3 = new S3Client({})
const rows: Row[] = ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => ({ name: b.Name ?? '' }))
console.log(rows)
`

const realExit: (code?: number) => never = process.exit.bind(process)

// set once the job arrives; messages before it (ready, warm-up) carry none
let token: string | undefined = undefined

function send(message: ChildMessage) {
  const line = `${JSON.stringify({ token, message: childMessageSchema.parse(message) })}\n`
  const bytes = Buffer.from(line)
  let offset = 0
  while (offset < bytes.length) {
    try {
      offset += writeSync(IPC_FD, bytes, offset)
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'EAGAIN') continue
      throw error
    }
  }
}

let finished = false
function finish(message: ChildMessage, code: number): never {
  if (!finished) {
    finished = true
    send(message)
  }
  realExit(code)
}

const originalConnect = net.Socket.prototype.connect

/** The learner's code reaches AWS at 127.0.0.1:4566 as usual; every byte goes to the gateway's socket. */
function startBridge(): Promise<void> {
  const server = net.createServer((client) => {
    const upstream = new net.Socket()
    Reflect.apply(originalConnect, upstream, [{ path: GATEWAY_SOCKET }])
    // the bridge must not keep a finished run alive: the SDK's own socket holds the loop while a call is open
    client.unref()
    upstream.unref()
    splice(client, upstream)
  })
  server.unref()
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(EMULATOR_PORT, '127.0.0.1', () => resolve())
  })
}

function readJob(): Job {
  const chunks: Buffer[] = []
  const buffer = Buffer.alloc(64 * 1024)
  for (;;) {
    let read = 0
    try {
      read = readSync(IPC_FD, buffer, 0, buffer.length, null)
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'EAGAIN') continue
      throw error
    }
    if (read === 0) realExit(0)
    chunks.push(Buffer.from(buffer.subarray(0, read)))
    const text = Buffer.concat(chunks).toString('utf8')
    const newline = text.indexOf('\n')
    if (newline !== -1) return jobSchema.parse(JSON.parse(text.slice(0, newline)))
    if (text.length > 4_000_000) throw new Error('job too large')
  }
}

/** Which AWS calls the code made, for the call timeline and honest outcomes (a Lambda FunctionError fails the run). */
const calls: AwsCall[] = []
const PARAM_KEYS = [
  'Bucket',
  'Key',
  'QueueUrl',
  'TopicArn',
  'FunctionName',
  'TableName',
  'StreamName',
  'RoleArn',
  'Name',
]

async function instrumentSdk() {
  const { Client } = await import('@smithy/core/client')
  const proto: object = Client.prototype
  const original: unknown = Reflect.get(proto, 'send')
  if (typeof original !== 'function') return
  Reflect.set(proto, 'send', function instrumentedSend(this: unknown, ...args: unknown[]) {
    const result: unknown = Reflect.apply(original, this, args)
    const [command, optionsOrCb] = args
    if (typeof optionsOrCb === 'function' || !(result instanceof Promise)) return result
    const started = performance.now()
    const input: unknown = command && typeof command === 'object' && 'input' in command ? command.input : undefined
    const params: Record<string, string> = {}
    for (const key of PARAM_KEYS) {
      const value: unknown = input && typeof input === 'object' ? Reflect.get(input, key) : undefined
      if (typeof value === 'string') params[key] = value.slice(0, 200)
    }
    const config: unknown = this && typeof this === 'object' ? Reflect.get(this, 'config') : undefined
    const serviceId: unknown = config && typeof config === 'object' ? Reflect.get(config, 'serviceId') : undefined
    const service = typeof serviceId === 'string' ? serviceId : 'AWS'
    const ctor: unknown = command && typeof command === 'object' ? command.constructor : undefined
    const operation = (typeof ctor === 'function' ? ctor.name : 'Command').replace(/Command$/, '')
    const record = (call: AwsCall) => {
      calls.push(call)
      if (calls.length <= 500) send({ type: 'call', call })
    }
    return result.then(
      (output: unknown) => {
        const fe: unknown = output && typeof output === 'object' ? Reflect.get(output, 'FunctionError') : undefined
        const functionError = typeof fe === 'string' ? fe : undefined
        record({
          service,
          operation,
          durationMs: performance.now() - started,
          ok: !functionError,
          functionError,
          params,
        })
        return output
      },
      (error: unknown) => {
        const name: unknown = error && typeof error === 'object' ? Reflect.get(error, 'name') : undefined
        const meta: unknown = error && typeof error === 'object' ? Reflect.get(error, '$metadata') : undefined
        const status: unknown = meta && typeof meta === 'object' ? Reflect.get(meta, 'httpStatusCode') : undefined
        record({
          service,
          operation,
          durationMs: performance.now() - started,
          ok: false,
          errorCode: typeof name === 'string' ? name : 'Error',
          httpStatus: typeof status === 'number' ? status : undefined,
          params,
        })
        throw error
      },
    )
  })
}

/**
 * SDK calls before any job, configured the way learner code is (`new S3Client({})` reading the standard
 * environment): loads the default credential chain, endpoint resolution, signing, checksums and the XML code.
 * The gateway answers them itself (an empty bucket list, else "not ready"), touching no emulator.
 */
async function warmUp() {
  const settings: Record<string, string> = {
    AWS_ENDPOINT_URL: `http://127.0.0.1:${EMULATOR_PORT}`,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'warm-up',
    AWS_SECRET_ACCESS_KEY: 'warm-up',
  }
  Object.assign(process.env, settings)
  try {
    const { S3Client, ListBucketsCommand, PutObjectCommand } = await import('@aws-sdk/client-s3')
    const client = new S3Client({ maxAttempts: 1 })
    await client.send(new ListBucketsCommand({}))
    await client.send(new PutObjectCommand({ Bucket: 'warm-up', Key: 'k', Body: 'warm-up' })).catch(() => undefined)
    client.destroy()
  } catch {
    // only speed is lost
  }
  for (const key of Object.keys(settings)) delete process.env[key]
  calls.length = 0
}

async function warmUpImport(code: string) {
  const file = path.join(SCRATCH, 'warm-up.mjs')
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: `http://127.0.0.1:${EMULATOR_PORT}`,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'warm-up',
    AWS_SECRET_ACCESS_KEY: 'warm-up',
  })
  const log = console.log
  try {
    writeFileSync(file, code)
    console.log = () => undefined
    await import(pathToFileURL(file).href)
  } catch {
    // only speed is lost
  } finally {
    console.log = log
    rmSync(file, { force: true })
    for (const key of ['AWS_ENDPOINT_URL', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'])
      delete process.env[key]
    calls.length = 0
  }
}

function lineOf(error: unknown, filename: string): number | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : ''
  // a kernel imports the same file under a new ?n= each time
  const match = new RegExp(`${filename.replace('.ts', '\\.(?:mjs|ts)')}(?:\\?[^:\\s]*)?:(\\d+):\\d+`).exec(stack)
  return match?.[1] ? Number(match[1]) : undefined
}

function describeError(error: unknown, filename: string): ChildMessage {
  if (error instanceof EvalError && /Code generation from strings disallowed/.test(error.message)) {
    const line = lineOf(error, filename)
    return {
      type: 'error',
      error: {
        name: 'Refused',
        message: `${filename}${line ? ` line ${line}` : ''}: eval(), new Function() and code in strings are not available in Cloudbook cells. Write the code directly in the cell instead.`,
        code: 'CLOUDBOOK_REFUSED',
      },
    }
  }
  if (error instanceof Error && 'code' in error && error.code === 'ERR_ACCESS_DENIED') {
    const line = lineOf(error, filename)
    return {
      type: 'error',
      error: {
        name: 'Refused',
        message: `${filename}${line ? ` line ${line}` : ''}: node:fs in Cloudbook cells reaches only the run's own folder (the current directory, with the lesson's sample files). Use relative paths such as "./data/sample.json".`,
        code: 'CLOUDBOOK_REFUSED',
      },
    }
  }
  if (error instanceof Error) {
    // fetch() hides the real reason (e.g. a refused connection) in `cause`
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
    const code =
      'code' in error && typeof error.code === 'string' && error.code.startsWith('CLOUDBOOK') ? error.code : undefined
    return {
      type: 'error',
      error: {
        name: error.name,
        message: `${error.message}${cause}`.slice(0, 10_000),
        line: lineOf(error, filename),
        code,
      },
    }
  }
  return { type: 'error', error: { name: 'Error', message: String(error).slice(0, 10_000) } }
}

class Refused extends Error {
  code = 'CLOUDBOOK_REFUSED'
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message)
    this.name = 'Refused'
  }
}

/** TypeScript → JavaScript with the same line numbers, then every import checked against the policy. */
/** The job's code, ready to import, and the packages it imports statically (loaded before its clock starts). */
function prepare(job: Job): { code: string; preload: string[] } {
  let code = job.source
  const preload: string[] = []
  if (job.language === 'ts') {
    try {
      code = transform(job.source, {
        transforms: ['typescript'],
        disableESTransforms: true,
        keepUnusedImports: true,
        filePath: job.filename,
      }).code
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const at = /\((\d+):(\d+)\)/.exec(message)
      throw new Refused(
        `${job.filename} ${at ? `line ${at[1]}, column ${Number(at[2]) + 1}: ` : ''}${message.replace(/\s*\(\d+:\d+\)$/, '')}`,
        at?.[1] ? Number(at[1]) : undefined,
      )
    }
    const [imports] = parse(code)
    const installed = (pkg: string) => existsSync(path.join(NODE_MODULES, pkg, 'package.json'))
    const provided = (wanted: string) => {
      // relative to the cell, or "node_modules/<package file>" (found by walking up from cells/, as Node does)
      const inWork = wanted.startsWith('.') ? path.relative(WORK, path.resolve(CELLS, wanted)) : path.normalize(wanted)
      return !inWork.startsWith('..') && job.files?.[inWork] !== undefined
    }
    for (const item of imports) {
      if (item.d === -2) continue // import.meta
      const specifier = item.n ?? (item.d === -1 ? code.slice(item.s, item.e) : undefined)
      const verdict = checkImport(specifier, installed, provided)
      const line = code.slice(0, item.ss).split('\n').length
      if (!verdict.ok) throw new Refused(`${job.filename} line ${line}: ${verdict.message}`, line)
      // packages load ahead of the clock; the lesson's own files load with the cell (they resolve from its folder)
      if (item.d === -1 && !verdict.specifier.startsWith('.') && !provided(`node_modules/${verdict.specifier}`))
        preload.push(verdict.specifier)
    }
  }
  return { code, preload }
}

/**
 * Second layer over the network namespace (which has nothing but loopback): any connection other than the
 * emulator's address is refused here with a message that says what is allowed.
 */
function restrictNetwork() {
  const refuse = (what: string) =>
    Object.assign(
      new Error(`Cloudbook cells can only reach the AWS emulator (127.0.0.1:${EMULATOR_PORT}); ${what} is blocked.`),
      { code: 'CLOUDBOOK_NETWORK' },
    )
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    // net.connect() passes its normalized [options, callback] pair as the first argument; a learner may pass any
    // array. Either way only element 0 is used, copied once (getters run once) and passed on as the copy, so
    // what is checked is exactly what connects.
    let [first, ...rest] = args
    if (Array.isArray(first)) {
      rest = first.slice(1)
      first = first[0]
    }
    let options: Record<string, unknown>
    if (first && typeof first === 'object') options = { ...first }
    else if (typeof first === 'string' && Number.isNaN(Number(first)))
      throw refuse(`the local socket ${first.slice(0, 80)}`)
    else options = { port: first, host: typeof rest[0] === 'string' ? rest.shift() : undefined }
    if (options.path !== undefined && options.path !== null)
      throw refuse(`the local socket ${String(options.path).slice(0, 80)}`)
    let host = options.host === undefined || options.host === null ? 'localhost' : String(options.host)
    // an operation's SDK host prefix ("sync-127.0.0.1" for StartSyncExecution) names the same emulator address
    if (/^[a-z]+-(127\.0\.0\.1|localhost)$/.test(host)) host = '127.0.0.1'
    const port = Number(options.port)
    if (!['127.0.0.1', 'localhost', '::1'].includes(host) || port !== EMULATOR_PORT)
      throw refuse(`${host}:${String(options.port)}`)
    const callback = rest.find((r) => typeof r === 'function')
    return Reflect.apply(
      originalConnect,
      this,
      callback ? [{ ...options, host, port }, callback] : [{ ...options, host, port }],
    )
  }
}

/** Escape hatches the permission model does not cover, and calls that would end the run confusingly. */
function seal() {
  for (const key of ['getBuiltinModule', 'binding', '_linkedBinding', 'dlopen']) {
    try {
      Object.defineProperty(process, key, { value: undefined, configurable: false })
    } catch {
      // already non-configurable on this Node version; the permission model and the sandbox still hold
    }
  }
  const realFetch = globalThis.fetch
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input)
    if (!/^https?:\/\//i.test(url)) {
      return Promise.reject(
        new Refused(
          `fetch() in Cloudbook cells can only reach the AWS emulator over http; "${url.slice(0, 60)}" is not available. To read data, put it in the cell or in an S3 object.`,
        ),
      )
    }
    return realFetch(input, init)
  }
  process.abort = () => {
    throw new Refused('process.abort() is not available in Cloudbook cells. Throw an Error to stop your code instead.')
  }
  process.exit = (code?: number | string | null) =>
    finish({ type: 'exit', code: Number(code ?? 0) || 0 }, Number(code ?? 0) || 0)
}

let written = 0
function limitOutput(limit: number) {
  written = 0
  if (outputLimited) return
  outputLimited = true
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream)
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const size = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk instanceof Uint8Array ? chunk.length : 0
      written += size
      if (written > limit) finish({ type: 'limit', limit: 'output' }, 3)
      return Reflect.apply(write, stream, [chunk, ...rest])
    }) satisfies typeof stream.write
  }
}

let outputLimited = false
/** In a kernel, an error thrown by a cell's background work fails that cell instead of ending the kernel. */
let kernelFault: ((message: ChildMessage) => void) | undefined
let inKernel = false
function onFault(error: unknown) {
  if (!inKernel) finish(describeError(error, currentFile), 1)
  if (kernelFault) kernelFault(describeError(error, currentFile))
  else process.stderr.write(`(after the cell ended) ${error instanceof Error ? error.message : String(error)}\n`)
}
process.on('uncaughtException', onFault)
process.on('unhandledRejection', onFault)
let currentFile = 'cell.ts'

await startBridge()
await Promise.all(
  (process.env.CLOUDBOOK_WARM_MODULES ?? '')
    .split(',')
    .filter(Boolean)
    .map((m) => import(m).catch(() => undefined)),
)
await instrumentSdk()
await warmUp()
// transpiling, checking and importing a typical cell once compiles those code paths (and fills the module
// resolution caches for the scratch folder) before the learner's job needs them
const warmUpCode = prepare(
  jobSchema.parse({
    type: 'job',
    language: 'ts',
    source: WARM_UP_CELL,
    filename: 'cell.ts',
    mode: 'run',
    env: {},
    outputBytes: 1,
    token: 'warm-up-warm-up-warm-up',
  }),
)
await warmUpImport(warmUpCode.code)
// a lesson's first cell goes through the kernel's rewrite (acorn): cold, that alone took 6–8 ms of the learner's run
try {
  shareTopLevel(warmUpCode.code)
} catch {
  // only speed is lost
}
send({ type: 'ready' })

/** Writes the lesson's files into the job's folder and makes it the current directory (node:fs paths start there). */
function provideFiles(job: Job) {
  mkdirSync(CELLS, { recursive: true })
  for (const [relative, content] of Object.entries(job.files ?? {})) {
    const target = path.join(WORK, relative)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, content)
  }
  process.chdir(WORK)
}

/** A Lambda invoke that answered with FunctionError fails the run although the call itself succeeded. */
function outcomeOfCalls(): ChildMessage {
  const failed = calls.find((c) => c.functionError)
  if (!failed) return { type: 'done' }
  return {
    type: 'error',
    error: {
      name: 'FunctionError',
      message: `The Lambda function ${failed.params?.FunctionName ?? ''} failed (FunctionError: ${failed.functionError}). Invoke returned its error payload; read it above or in the function's logs.`,
      code: 'CLOUDBOOK_FUNCTION_ERROR',
    },
  }
}

// resources that do not mean "the cell is still working": the IPC and output pipes, and short-lived close requests
const NOT_WORK = new Set(['PipeWrap', 'TTYWrap', 'CloseReq', 'SignalWrap'])
function work(): Map<string, number> {
  const counts = new Map<string, number>()
  for (const r of process.getActiveResourcesInfo()) if (!NOT_WORK.has(r)) counts.set(r, (counts.get(r) ?? 0) + 1)
  return counts
}

/**
 * A kernel cell is done when its module has run and the work it started has ended (timers, sockets, file I/O back
 * to what was active before it), like a one-shot run ends when its event loop empties. The time limit still holds.
 */
async function settled(baseline: Map<string, number>) {
  for (let round = 0; ; round++) {
    await new Promise((resolve) => setImmediate(resolve))
    if ([...work()].every(([type, count]) => count <= (baseline.get(type) ?? 0))) return
    if (round > 3) await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** One cell in a kernel: its outcome message; the kernel itself carries on. */
async function kernelCell(job: Job, n: number): Promise<ChildMessage> {
  let prepared: { code: string; preload: string[] }
  try {
    provideFiles(job)
    prepared = prepare(job)
  } catch (error) {
    return describeError(error, job.filename)
  }
  // modules are cached by URL: each execution imports the cell under a new ?n=, so the file and its folder stay put
  const file = path.join(CELLS, job.filename.replace(/\.ts$/, '.mjs'))
  writeFileSync(file, shareTopLevel(prepared.code))
  try {
    await Promise.all(prepared.preload.map((specifier) => import(specifier)))
    process.argv[1] = file
    const baseline = work()
    send({ type: 'started' })
    const fault = new Promise<ChildMessage>((resolve) => {
      kernelFault = resolve
    })
    const ran = (async () => {
      await import(`${pathToFileURL(file).href}?n=${n}`)
      await settled(baseline)
      return outcomeOfCalls()
    })()
    return await Promise.race([ran, fault])
  } catch (error) {
    return describeError(error, job.filename)
  } finally {
    kernelFault = undefined
  }
}

/** A notebook kernel: cells of one learner's lesson, one after another in this process, sharing top-level names. */
async function runKernel(first: Job): Promise<never> {
  inKernel = true
  restrictNetwork()
  seal()
  let job = first
  for (let n = 1; ; n++) {
    token = job.token
    currentFile = job.filename
    for (const key of Object.keys(process.env)) delete process.env[key]
    Object.assign(process.env, job.env)
    limitOutput(job.outputBytes)
    calls.length = 0
    send(await kernelCell(job, n))
    job = readJob()
  }
}

const job = readJob()
if (job.kernel) await runKernel(job)
token = job.token
currentFile = job.filename
for (const key of Object.keys(process.env)) delete process.env[key]
Object.assign(process.env, job.env)
limitOutput(job.outputBytes)
let prepared: { code: string; preload: string[] }
try {
  provideFiles(job)
  prepared = prepare(job)
} catch (error) {
  finish(describeError(error, job.filename), 1)
}
const file = path.join(CELLS, job.filename.replace(/\.ts$/, '.mjs'))
writeFileSync(file, prepared.code)
restrictNetwork()
seal()
try {
  // loading an SDK client takes 1–3 s on a busy machine: that is Cloudbook's time, not the learner's, so the
  // packages load first and the server starts the learner's clock on "started"
  await Promise.all(prepared.preload.map((specifier) => import(specifier)))
  // pasted whole files guard their entry point with process.argv[1] === fileURLToPath(import.meta.url), as AWS's
  // own SDK examples do: the cell is the program being run, so that guard is true, as in `node cell.js`
  process.argv[1] = file
  send({ type: 'started' })
  const mod: unknown = await import(pathToFileURL(file).href)
  if (job.mode === 'check') {
    const check = mod && typeof mod === 'object' && 'default' in mod ? mod.default : undefined
    if (typeof check !== 'function') throw new Error('check module has no default export function')
    const result: unknown = await check({ region: job.env.AWS_REGION, calls: job.calls ?? [] })
    const message = childMessageSchema.safeParse({ type: 'result', result })
    if (!message.success) throw new Error('the check returned something that is not a result')
    finish(message.data, 0)
  }
  process.once('beforeExit', () => {
    const outcome = outcomeOfCalls()
    finish(outcome, outcome.type === 'done' ? 0 : 1)
  })
} catch (error) {
  finish(describeError(error, job.filename), 1)
}
