// Processes and signals: a cell is PID 1 of its own PID namespace as uid 65534, so it can signal nothing of the
// server's; every way to start code or processes outside the cell's own module is refused with a message.
import { afterAll, describe, expect, it } from 'vitest'
import { builtinRefused, closeAll, COMPUTED_IMPORT, freshLearner, run } from './support'

afterAll(closeAll)

const learner = freshLearner()
const CODEGEN =
  /^cell\.ts line \d+: eval\(\), new Function\(\) and code in strings are not available in Cloudbook cells\. Write the code directly in the cell instead\.$/
const S3_PROBE = `import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3'
await new S3Client({}).send(new ListBucketsCommand({}))
console.log('emulator answers')`

describe('signals', () => {
  it("process.kill(process.ppid, 'SIGSTOP') reaches nothing outside: ppid is 0 and the run goes on", async () => {
    const { result, stdout } = await run(
      `console.log('ppid', process.ppid)\nprocess.kill(process.ppid, 'SIGSTOP')\nconsole.log('alive')`,
      learner,
    )
    expect(result).toEqual({ status: 'pass', expectations: [] })
    expect(stdout).toBe('ppid 0\nalive\n')
    // the server, the gateway and the learner's emulator still answer
    expect((await run(S3_PROBE, learner)).stdout).toBe('emulator answers\n')
  })

  it('kill(-1, SIGKILL) finds no process to kill', async () => {
    const { stdout } = await run(
      "try { process.kill(-1, 'SIGKILL') } catch (e) { console.log(e.code) }\nconsole.log('alive')",
      learner,
    )
    expect(stdout).toBe('ESRCH\nalive\n')
  })

  it("cannot see the server's own pid", async () => {
    const { stdout } = await run(
      `try { process.kill(${process.pid}, 'SIGSTOP'); console.log('SIGNALLED') } catch (e) { console.log(e.code) }`,
      learner,
    )
    expect(stdout).toBe('ESRCH\n')
  })

  it('cannot become root (uid 0 is not even mapped in its user namespace)', async () => {
    const { result } = await run('process.setuid(0)', learner)
    expect(result.message).toMatch(
      /^Error: (EPERM, Operation not permitted|EINVAL, Invalid argument) \(cell\.ts line 1\)$/,
    )
  })
})

describe('starting processes and threads', () => {
  it.each(['node:child_process', 'child_process', 'node:worker_threads', 'node:inspector', 'node:vm'])(
    'refuses %s',
    async (name) => {
      const { result, stdout } = await run(`import * as m from '${name}'\nconsole.log(Object.keys(m))`, learner)
      expect(result.message).toMatch(builtinRefused(name))
      expect(stdout).toBe('')
    },
  )

  it('refuses child_process through a computed import name', async () => {
    const { result } = await run("const cp = await import('node:child_' + 'process')\ncp.execSync('id')", learner)
    expect(result.message).toMatch(COMPUTED_IMPORT)
  })

  it('spawning through the SDK (credential_process) runs nothing', async () => {
    // fromProcess would exec a command from the shared config; there is none to read and no right to spawn
    const { result } = await run(
      "import { fromProcess } from '@aws-sdk/credential-provider-process'\nawait fromProcess({ profile: 'default' })()",
      learner,
    )
    expect(result.message).toMatch(
      /^CredentialsProviderError: Profile default could not be found in shared credentials file\./,
    )
  })
})

describe('code from strings', () => {
  it('eval is refused', async () => {
    expect((await run("console.log(eval('1 + 1'))", learner)).result.message).toMatch(CODEGEN)
  })

  it('new Function is refused', async () => {
    expect((await run("console.log(new Function('return process')())", learner)).result.message).toMatch(CODEGEN)
  })

  it('the async function constructor is refused', async () => {
    expect(
      (await run("const F = (async () => {}).constructor\nawait F('return 1')()", learner)).result.message,
    ).toMatch(CODEGEN)
  })

  it('eval(\'import("node:child_process")\') is refused', async () => {
    const { result } = await run(`const cp = await eval('import("node:child_process")')\ncp.execSync('id')`, learner)
    expect(result.message).toMatch(CODEGEN)
  })
})

describe('native escape hatches', () => {
  it.each(['dlopen', '_linkedBinding', 'getBuiltinModule'])('process.%s is gone', async (name) => {
    const { result } = await run(`process.${name}('x')`, learner)
    expect(result.message).toBe(`TypeError: process.${name} is not a function (cell.ts line 1)`)
  })

  it('process.abort() is refused with a message that says what to do instead', async () => {
    const { result } = await run('process.abort()', learner)
    expect(result).toEqual({
      status: 'error',
      message: 'process.abort() is not available in Cloudbook cells. Throw an Error to stop your code instead.',
      expectations: [],
    })
  })
})
