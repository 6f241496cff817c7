import { rmSync } from 'node:fs'
import http from 'node:http'
import http2 from 'node:http2'
import net from 'node:net'
import { Duplex } from 'node:stream'
import {
  adminRefusal,
  bucketOf,
  copySourceBucket,
  hostRefusal,
  issuedAccessKeys,
  pinRefusal,
  refusalBody,
  signatureOf,
  type Refusal,
} from './gateway-policy'
import type { EnvironmentRoute, Upstream } from './spawner'

export type GatewayOptions = {
  /** Request bytes a learner may send to a shared emulator per server run (uploads fill its disk and memory). */
  uploadBudgetBytes: number
  /** Largest single request body. */
  maxRequestBytes: number
  /** Asks the shared emulator whether a bucket exists at all (HeadBucket as the learner). */
  bucketExists?: (route: EnvironmentRoute, bucket: string) => Promise<boolean>
  /** Asks the shared emulator which buckets the learner's account owns (ListBuckets as the learner). */
  bucketsOwned?: (route: EnvironmentRoute) => Promise<Set<string>>
}

// The SDK speaks HTTP/1.1 to most services and HTTP/2 (cleartext, prior knowledge) to some (Kinesis, Transcribe
// streaming…): the gateway accepts both and always talks HTTP/1.1 to the emulator.
type IncomingRequest = http.IncomingMessage | http2.Http2ServerRequest
type OutgoingResponse = http.ServerResponse | http2.Http2ServerResponse

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'http2-settings',
])

/** Request headers for the HTTP/1.1 hop to the emulator: no pseudo-headers, no hop-by-hop headers. */
function upstreamHeaders(request: IncomingRequest): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = {}
  for (const [key, value] of Object.entries(request.headers)) {
    if (key.startsWith(':') || HOP_BY_HOP.has(key) || value === undefined) continue
    headers[key] = value
  }
  const authority = request.headers[':authority']
  if (!headers.host && typeof authority === 'string') headers.host = authority
  return headers
}

function responseHeaders(answer: http.IncomingMessage): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = {}
  for (const [key, value] of Object.entries(answer.headers)) {
    if (!HOP_BY_HOP.has(key) && value !== undefined) headers[key] = value
  }
  return headers
}

function replay(socket: net.Socket, first: Buffer): Duplex {
  const duplex = new Duplex({
    read: () => socket.resume(),
    write: (chunk: Buffer, _encoding, callback) => socket.write(chunk, callback),
    final: (callback) => socket.end(callback),
    destroy: (error, callback) => {
      socket.destroy(error ?? undefined)
      callback(error)
    },
  })
  duplex.push(first)
  socket.on('data', (chunk: Buffer) => {
    if (!duplex.push(chunk)) socket.pause()
  })
  socket.on('end', () => duplex.push(null))
  socket.on('close', () => duplex.destroy())
  return duplex
}

function abort(response: OutgoingResponse) {
  if (response instanceof http.ServerResponse) response.destroy()
  else response.stream.destroy()
}

/** Per-learner facts the gateway learns while forwarding: temporary keys issued and bytes uploaded. */
type LearnerLedger = { temporaryKeys: Set<string>; uploaded: number; ownBuckets: Set<string> }

const SMALL_BODY = 256 * 1024

// Before a run is assigned, the sandbox's warm-up call gets an empty answer from the gateway itself: it loads
// the SDK's signing and XML code paths without touching any emulator.
const WARM_UP_BODY =
  '<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult><Buckets></Buckets><Owner><ID>warm-up</ID></Owner></ListAllMyBucketsResult>'

/**
 * The one door between sandboxes and emulators. Each sandbox gets its own unix socket; the gateway knows which
 * learner it belongs to, drops admin paths, and on a shared emulator pins every request to that learner.
 */
export class Gateway {
  private readonly ledgers = new Map<string, LearnerLedger>()
  private readonly agents = new Map<string, http.Agent>()

  constructor(private readonly options: GatewayOptions) {}

  private ledger(learnerId: string): LearnerLedger {
    let ledger = this.ledgers.get(learnerId)
    if (!ledger) {
      ledger = { temporaryKeys: new Set(), uploaded: 0, ownBuckets: new Set() }
      this.ledgers.set(learnerId, ledger)
    }
    return ledger
  }

  /** Forget what was learned about a learner (their environment was reset). */
  forget(learnerId: string) {
    this.ledgers.delete(learnerId)
  }

  private agentFor(upstream: Upstream): http.Agent {
    const key = upstream.kind === 'socket' ? upstream.socketPath : upstream.url
    let agent = this.agents.get(key)
    if (!agent) {
      agent = new http.Agent({ keepAlive: true, maxSockets: 16 })
      this.agents.set(key, agent)
    }
    return agent
  }

  /** Listens on `socketPath` for one sandbox; `route` is set when the sandbox is given a learner's run. */
  open(socketPath: string): GatewayDoor {
    rmSync(socketPath, { force: true })
    const door = new GatewayDoor()
    const handler = (request: IncomingRequest, response: OutgoingResponse) => {
      void this.handle(door.route, request, response).catch((error: unknown) => {
        if (!response.headersSent) {
          this.refuse(response, request, {
            status: 502,
            code: 'CloudbookGatewayError',
            message: `Your AWS environment did not answer (${error instanceof Error ? error.message : String(error)}).`,
          })
        } else abort(response)
      })
    }
    const h1 = http.createServer(handler)
    h1.maxHeadersCount = 200
    h1.headersTimeout = 10_000
    const h2 = http2.createServer(handler)
    // one socket, either protocol: an HTTP/2 client starts with the connection preface "PRI * HTTP/2.0"
    const server = net.createServer((socket) => {
      socket.on('error', () => socket.destroy())
      socket.once('data', (first: Buffer) => {
        if (first.subarray(0, 4).toString('latin1') !== 'PRI ') {
          socket.pause()
          socket.unshift(first)
          h1.emit('connection', socket)
          socket.resume()
          return
        }
        // HTTP/2 reads the native handle directly, which no longer holds the bytes already read: hand it a
        // stream that replays them, then follows the socket
        h2.emit('connection', replay(socket, first))
      })
    })
    server.listen(socketPath)
    door.close = () => {
      server.close()
      h1.closeAllConnections()
      h2.close()
      rmSync(socketPath, { force: true })
    }
    return door
  }

  private refuse(response: OutgoingResponse, request: IncomingRequest, refusal: Refusal) {
    const { type, body } = refusalBody(refusal, request.headers['content-type'])
    response.writeHead(refusal.status, {
      'content-type': type,
      'x-amzn-errortype': refusal.code,
      'x-amz-error-code': refusal.code,
      'x-amz-error-message': encodeURIComponent(refusal.message.slice(0, 200)),
    })
    response.end(body)
    request.resume()
  }

  private async handle(route: EnvironmentRoute | undefined, request: IncomingRequest, response: OutgoingResponse) {
    const target = request.url ?? '/'
    if (!route) {
      if (request.method === 'GET' && target.split('?')[0] === '/') {
        response.writeHead(200, { 'content-type': 'application/xml' })
        response.end(WARM_UP_BODY)
      } else {
        this.refuse(response, request, {
          status: 503,
          code: 'CloudbookNotReady',
          message: 'This run has not started yet.',
        })
      }
      return
    }
    const admin = adminRefusal(target)
    if (admin) return this.refuse(response, request, admin)
    const declared = Number(request.headers['content-length'] ?? 0)
    if (declared > this.options.maxRequestBytes) {
      return this.refuse(response, request, {
        status: 413,
        code: 'CloudbookRequestTooLarge',
        message: `Requests over ${Math.round(this.options.maxRequestBytes / 1024 / 1024)} MB are refused in Cloudbook.`,
      })
    }
    const ledger = this.ledger(route.learner.id)
    const signature = signatureOf(request.headers, target)
    let body: Buffer | undefined
    if (route.shared) {
      // small bodies are read first so the account check can see ARNs and queue URLs in them
      const small = declared <= SMALL_BODY && signature?.service !== 's3'
      if (small) body = await readBody(request, SMALL_BODY)
      const context = { accountId: route.learner.accountId, temporaryKeys: ledger.temporaryKeys }
      const pinned = pinRefusal(signature, context, `${target}\n${body?.toString('utf8') ?? ''}`)
      if (pinned) return this.refuse(response, request, pinned)
      const host = request.headers.host ?? request.headers[':authority']
      const badHost = hostRefusal(typeof host === 'string' ? host : undefined)
      if (badHost) return this.refuse(response, request, badHost)
      if (signature?.service === 's3') {
        // the bucket in the path, and the bucket a copy reads from (CopyObject, UploadPartCopy)
        const buckets = [bucketOf(target), copySourceBucket(request.headers['x-amz-copy-source'])]
        for (const [index, bucket] of buckets.entries()) {
          if (!bucket) continue
          const method = index === 0 ? (request.method ?? 'GET') : 'GET'
          if (!(await this.ownsBucket(route, ledger, bucket, method, index === 0 ? target : `/${bucket}/`))) {
            return this.refuse(response, request, {
              status: 403,
              code: 'CloudbookCrossAccountDenied',
              message: `The bucket "${bucket}" belongs to another learner. Choose a bucket name of your own.`,
            })
          }
        }
      }
      if (ledger.uploaded + Math.max(declared, body?.length ?? 0) > this.options.uploadBudgetBytes) {
        return this.refuse(response, request, {
          status: 403,
          code: 'CloudbookQuotaExceeded',
          message: `You have uploaded ${Math.round(ledger.uploaded / 1024 / 1024)} MB to the shared emulator, its limit per learner. Delete objects you no longer need or reset your environment.`,
        })
      }
    }
    await this.forward(
      route,
      ledger,
      request,
      response,
      body,
      signature?.service === 'sts' || signature?.service === 'cognito-identity',
    )
  }

  private async ownsBucket(
    route: EnvironmentRoute,
    ledger: LearnerLedger,
    bucket: string,
    method: string,
    target: string,
  ) {
    if (ledger.ownBuckets.has(bucket)) return true
    const isCreate =
      method === 'PUT' && new URL(target, 'http://127.0.0.1').pathname.replace(/\/+$/, '') === `/${bucket}`
    const owned = (await this.options.bucketsOwned?.(route)) ?? new Set<string>()
    owned.forEach((b) => ledger.ownBuckets.add(b))
    if (owned.has(bucket)) return true
    const exists = (await this.options.bucketExists?.(route, bucket)) ?? false
    if (!exists && isCreate) ledger.ownBuckets.add(bucket)
    return !exists
  }

  private forward(
    route: EnvironmentRoute,
    ledger: LearnerLedger,
    request: IncomingRequest,
    response: OutgoingResponse,
    body: Buffer | undefined,
    captureKeys: boolean,
  ): Promise<void> {
    const { upstream } = route
    const base =
      upstream.kind === 'socket'
        ? { socketPath: upstream.socketPath }
        : { host: new URL(upstream.url).hostname, port: new URL(upstream.url).port || 80 }
    return new Promise((resolve, reject) => {
      const outgoing = http.request(
        {
          ...base,
          method: request.method,
          path: request.url,
          headers: upstreamHeaders(request),
          agent: this.agentFor(upstream),
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, responseHeaders(answer))
          const chunks: Buffer[] = []
          answer.on('data', (chunk: Buffer) => {
            if (captureKeys && chunks.length < 64) chunks.push(chunk)
          })
          answer.pipe(response)
          answer.once('end', () => {
            if (captureKeys)
              issuedAccessKeys(Buffer.concat(chunks).toString('utf8')).forEach((k) => ledger.temporaryKeys.add(k))
            resolve()
          })
          answer.once('error', reject)
        },
      )
      outgoing.once('error', reject)
      response.once('close', () => outgoing.destroy())
      if (body) {
        ledger.uploaded += body.length
        outgoing.end(body)
        return
      }
      let sent = 0
      request.on('data', (chunk: Buffer) => {
        sent += chunk.length
        ledger.uploaded += chunk.length
        if (sent > this.options.maxRequestBytes) {
          outgoing.destroy()
          request.destroy()
        }
      })
      request.pipe(outgoing)
    })
  }
}

/** One sandbox's socket: the route is filled in when a learner's run takes the sandbox. */
export class GatewayDoor {
  route: EnvironmentRoute | undefined
  close: () => void = () => undefined
}

function readBody(request: IncomingRequest, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        request.destroy()
        reject(new Error('request body larger than declared'))
        return
      }
      chunks.push(chunk)
    })
    request.once('end', () => resolve(Buffer.concat(chunks)))
    request.once('error', reject)
  })
}
