// Network: the run's namespace has loopback only, and 127.0.0.1:4566 inside it is a bridge to the gateway. The JS
// guard is the second layer and must refuse every other address by name; the kernel is the first.
import { afterAll, describe, expect, it } from 'vitest'
import { builtinRefused, closeAll, freshLearner, NETWORK_REFUSAL, rawSocketCell, run } from './support'

afterAll(closeAll)

const learner = freshLearner()

describe('fetch', () => {
  it('refuses PostgreSQL on 127.0.0.1:5432', async () => {
    const { result } = await run("await fetch('http://127.0.0.1:5432/')", learner)
    expect(result.message).toMatch(NETWORK_REFUSAL)
    expect(result.message).toMatch(/127\.0\.0\.1:5432 is blocked/)
  })

  it("refuses the app's own port 3000", async () => {
    const { result } = await run("await fetch('http://localhost:3000/api/environment')", learner)
    expect(result.message).toMatch(/localhost:3000 is blocked/)
  })

  it('refuses the internet before any DNS lookup', async () => {
    const { result } = await run("await fetch('http://example.com/')", learner)
    expect(result.message).toMatch(/example\.com:80 is blocked/)
  })

  it('refuses a unix socket through the undici dispatcher behind fetch (the http.request({socketPath}) of fetch)', async () => {
    const { result, stdout } = await run(
      `await fetch('http://127.0.0.1:4566/')
const global = globalThis[Symbol.for('undici.globalDispatcher.1')]
if (!global) console.log('no dispatcher reachable')
else {
  const dispatcher = new global.constructor({ connect: { socketPath: '/run/cloudbook/aws.sock' } })
  const answer = await fetch('http://127.0.0.1:4566/_ministack/reset', { method: 'POST', dispatcher })
  console.log('STATUS', answer.status)
}`,
      learner,
    )
    expect(stdout).not.toMatch(/STATUS/)
    if (stdout !== 'no dispatcher reachable\n')
      expect(result.message).toMatch(/the local socket \/run\/cloudbook\/aws\.sock is blocked/)
  })
})

describe('net.Socket reached as process.stdout.constructor', () => {
  it('refuses { host, port: 5432 }', async () => {
    const { result, stdout } = await run(rawSocketCell("{ host: '127.0.0.1', port: 5432 }"), learner)
    expect(stdout).not.toMatch(/CONNECTED/)
    expect(result.message).toMatch(/127\.0\.0\.1:5432 is blocked/)
  })

  // SDK host prefixes ("sync-127.0.0.1" for StartSyncExecution) name the emulator's address, never another port
  it('refuses a host-prefixed name on any port but the emulator\'s', async () => {
    const { result, stdout } = await run(rawSocketCell("{ host: 'sync-127.0.0.1', port: 5432 }"), learner)
    expect(stdout).not.toMatch(/CONNECTED/)
    expect(result.message).toMatch(/127\.0\.0\.1:5432 is blocked/)
    const app = await run("await fetch('http://data-localhost:3000/api/environment')", learner)
    expect(app.result.message).toMatch(/127\.0\.0\.1:3000 is blocked/)
  })

  it('does not take a dotted name ending in the emulator address for a host prefix', async () => {
    const { result, stdout } = await run(rawSocketCell("{ host: 'evil.example.com-127.0.0.1', port: 4566 }"), learner)
    expect(stdout).not.toMatch(/CONNECTED/)
    expect(result.message).toMatch(/evil\.example\.com-127\.0\.0\.1:4566 is blocked/)
  })

  it('refuses connect(3000, "127.0.0.1")', async () => {
    const { result } = await run(rawSocketCell("3000, '127.0.0.1'"), learner)
    expect(result.message).toMatch(/127\.0\.0\.1:3000 is blocked/)
  })

  it("refuses the gateway's unix socket by path", async () => {
    const { result } = await run(rawSocketCell("{ path: '/run/cloudbook/aws.sock' }"), learner)
    expect(result.message).toMatch(/the local socket \/run\/cloudbook\/aws\.sock is blocked/)
  })

  it('refuses { path: <PostgreSQL socket>, port: 4566 }', async () => {
    const { result } = await run(rawSocketCell("{ path: '/var/run/postgresql/.s.PGSQL.5432', port: 4566 }"), learner)
    expect(result.message).toMatch(/the local socket \/var\/run\/postgresql\/\.s\.PGSQL\.5432 is blocked/)
  })

  // A guard that checks one value and connects another is bypassed. Safe is either a refusal, or a connection to
  // exactly the emulator address that was checked; never the port or host smuggled in.
  const SMUGGLED = /CONNECTED .*:5432|CONNECTED 1\.1\.1\.1/
  const checkedOrRefused = (stdout: string, message: string | undefined) =>
    expect(stdout === 'CONNECTED 127.0.0.1:4566\n' || NETWORK_REFUSAL.test(message ?? ''), `${stdout} ${message}`).toBe(
      true,
    )

  it('the array form a = [{ host, port: 4566 }]; a.port = 5432; socket.connect(a) never reaches 5432', async () => {
    const { result, stdout } = await run(
      rawSocketCell('a', "const a = [{ host: '127.0.0.1', port: 4566 }]\na.port = 5432"),
      learner,
    )
    expect(stdout).not.toMatch(SMUGGLED)
    checkedOrRefused(stdout, result.message)
  })

  it('a port getter that says 4566 to the guard and 5432 to the connection never reaches 5432', async () => {
    const { result, stdout } = await run(
      rawSocketCell("{ host: '127.0.0.1', get port() { return reads++ === 0 ? 4566 : 5432 } }", 'let reads = 0'),
      learner,
    )
    expect(stdout).not.toMatch(SMUGGLED)
    checkedOrRefused(stdout, result.message)
  })

  it('a host getter that says 127.0.0.1 to the guard and 1.1.1.1 to the connection never leaves the sandbox', async () => {
    const { result, stdout } = await run(
      rawSocketCell("{ get host() { return reads++ === 0 ? '127.0.0.1' : '1.1.1.1' }, port: 4566 }", 'let reads = 0'),
      learner,
    )
    expect(stdout).not.toMatch(SMUGGLED)
    checkedOrRefused(stdout, result.message)
  })
})

describe('other spellings of loopback', () => {
  it.each([
    ['http://[::1]:5432/', /::1\]?:5432 is blocked/],
    ['http://127.1:5432/', /127\.0\.0\.1:5432 is blocked|127\.1:5432 is blocked/],
    ['http://2130706433:3000/', /127\.0\.0\.1:3000 is blocked/],
    ['http://0.0.0.0:5432/', /0\.0\.0\.0:5432 is blocked/],
  ])('fetch(%s) is refused by name', async (url, told) => {
    const { result } = await run(`await fetch('${url}')`, learner)
    expect(result.message).toMatch(NETWORK_REFUSAL)
    expect(result.message).toMatch(told)
  })
})

describe('through the SDK and refused modules', () => {
  it('an S3 client pointed at PostgreSQL is refused', async () => {
    const { result } = await run(
      "import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3'\nawait new S3Client({ endpoint: 'http://127.0.0.1:5432' }).send(new ListBucketsCommand({}))",
      learner,
    )
    expect(result.message).toMatch(/127\.0\.0\.1:5432 is blocked/)
  })

  it.each(['node:net', 'node:http', 'node:dgram', 'node:dns'])('refuses %s', async (name) => {
    const { result } = await run(`import * as m from '${name}'\nconsole.log(Object.keys(m))`, learner)
    expect(result.message).toMatch(builtinRefused(name))
  })
})
