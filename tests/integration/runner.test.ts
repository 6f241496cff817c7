import { afterAll, describe, expect, it } from 'vitest'
import { run, testRunner } from './helpers'

afterAll(() => testRunner().close())

const S3 = `import { S3Client, CreateBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3'\nconst s3 = new S3Client({})\n`

describe('runner against the emulator', () => {
  it('runs plain SDK code with the learner settings and streams its output', async () => {
    const outcome = await run(
      `${S3}await s3.send(new CreateBucketCommand({ Bucket: 'runner-ok' }))\nconst { Buckets = [] } = await s3.send(new ListBucketsCommand({}))\nconsole.log(Buckets.map((b) => b.Name))`,
    )
    expect(outcome.result).toEqual({ status: 'pass', expectations: [] })
    expect(outcome.stdout).toContain("'runner-ok'")
    expect(outcome.stderr).toBe('')
  })

  it('points errors at the line of the learner TypeScript', async () => {
    const outcome = await run(`${S3}\n\nawait s3.send(new ListBucketsCommand({}))\nnull!.toString()`)
    expect(outcome.result.status).toBe('error')
    expect(outcome.result.message).toMatch(/TypeError: .*\(cell\.ts line 6\)/)
  })

  it('reports AWS errors by their code and line', async () => {
    const outcome = await run(
      `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3'\nawait new S3Client({}).send(new GetObjectCommand({ Bucket: 'no-such-bucket-here', Key: 'k' }))`,
    )
    expect(outcome.result.message).toMatch(/^NoSuchBucket: .*\(cell\.ts line 2\)$/)
  })

  it('stops code that runs too long and says which limit', async () => {
    const outcome = await run('while (true) {}')
    expect(outcome.limit).toBe('time')
    expect(outcome.result.message).toMatch(/time limit of 10 s/)
  }, 20_000)

  it('stops code that uses too much memory', async () => {
    const outcome = await run('const hoard: number[][] = []\nwhile (true) hoard.push(new Array(1e6).fill(1))')
    expect(outcome.limit).toBe('memory')
    expect(outcome.result.message).toMatch(/memory limit of 160 MB/)
    expect(outcome.stderr).not.toMatch(/heap/i)
  })

  it('stops code that prints too much', async () => {
    const outcome = await run("for (let i = 0; i < 1e6; i++) console.log('spam')")
    expect(outcome.limit).toBe('output')
    expect(outcome.result.message).toMatch(/output limit of 16 KB/)
    expect(outcome.stdout.length).toBeLessThanOrEqual(16 * 1024)
  })

  it('refuses imports outside @aws-sdk and the safe built-ins before starting a process', async () => {
    const outcome = await run("import { execSync } from 'node:child_process'\nexecSync('id')")
    expect(outcome.result.message).toMatch(/"node:child_process" is not available in Cloudbook cells/)
    const dynamic = await run("const name = 'node:' + 'fs'\nconst fs = await import(name)\nconsole.log(fs)")
    expect(dynamic.result.status).toBe('error')
    expect(dynamic.stdout).toBe('')
  })

  it('lets code reach only the emulator', async () => {
    const outcome = await run("await fetch('http://127.0.0.1:65000/')")
    expect(outcome.result.message).toMatch(/can only reach the AWS emulator .* 127\.0\.0\.1:65000 is blocked/)
  })

  it('removes process escape hatches and sees none of the server environment', async () => {
    const outcome = await run(
      "console.log(typeof process.binding, typeof process.dlopen, Object.keys(process.env).filter((k) => !k.startsWith('AWS_')).join(','))",
    )
    expect(outcome.stdout.trim()).toBe('undefined undefined')
  })

  it('runs top-level await ES modules with the learner region', async () => {
    const outcome = await run(
      "const region = await new (await import('@aws-sdk/client-s3')).S3Client({}).config.region()\nconsole.log(region)",
    )
    // dynamic import is compiled away on purpose; the static form below is what cells use
    expect(outcome.result.status).toBe('error')
    const ok = await run(`${S3}console.log(await s3.config.region())`)
    expect(ok.stdout.trim()).toBe('us-east-1')
  })
})
