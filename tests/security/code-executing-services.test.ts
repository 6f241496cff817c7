// Code the emulator executes: a Lambda function built and invoked from a cell runs inside the learner's own
// MiniStack sandbox as uid 65534, with no view of the app's files, the database, lab solutions, PostgreSQL or the
// internet. A function that fails makes the run fail, with a message saying which function.
import { afterAll, describe, expect, it } from 'vitest'
import { closeAll, freshLearner, run, zipBase64 } from './support'

afterAll(closeAll)

const learner = freshLearner()
const ROOT = process.cwd()
// The sandbox's own /etc/passwd names only uid 65534 (so tools that look up their user work); the host's, with
// root in it, must stay invisible. /etc/shadow does not exist there at all.
const HOST_PASSWD = /READ root:/
const FILES = [
  '/etc/shadow',
  `${ROOT}/.cloudbook/cloudbook.db`,
  `${ROOT}/labs/s3-versioning/solution.ts`,
  `${ROOT}/lib/auth/secret.ts`,
  `${ROOT}/.cloudbook/auth-secret`,
]

const PYTHON_PROBE = `import json, os, socket

def read(path):
    try:
        with open(path, 'rb') as f:
            return 'READ ' + f.read(80).decode('utf8', 'replace')
    except Exception as e:
        return type(e).__name__

def connect(host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(3)
    try:
        s.connect((host, port))
        return 'CONNECTED'
    except Exception as e:
        return type(e).__name__
    finally:
        s.close()

def unix(path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.connect(path)
        return 'CONNECTED'
    except Exception as e:
        return type(e).__name__
    finally:
        s.close()

def handler(event, context):
    return {
        'uid': os.getuid(),
        'files': {p: read(p) for p in event['files']},
        'appFolder': sorted(os.listdir(event['root'])) if os.path.isdir(event['root']) else [],
        'dataFolder': sorted(os.listdir(event['root'] + '/.cloudbook')) if os.path.isdir(event['root'] + '/.cloudbook') else [],
        'ports': {'postgres': connect('127.0.0.1', 5432), 'app': connect('127.0.0.1', 3000), 'dns': connect('1.1.1.1', 53)},
        'postgresSocket': unix('/var/run/postgresql/.s.PGSQL.5432'),
    }
`

const FAILING = `def handler(event, context):
    raise Exception('the function failed on purpose')
`

/** A cell that creates a function from a zip (base64 pasted in), invokes it with `event` and prints the payload. */
const deployAndInvoke = (
  name: string,
  runtime: string,
  handler: string,
  zip: string,
  event: unknown,
  variables: Record<string, string> = {},
) => `import { LambdaClient, CreateFunctionCommand, InvokeCommand } from '@aws-sdk/client-lambda'
const lambda = new LambdaClient({})
await lambda.send(new CreateFunctionCommand({
  FunctionName: '${name}',
  Runtime: '${runtime}',
  Handler: '${handler}',
  Role: 'arn:aws:iam::000000000000:role/lambda-role',
  Code: { ZipFile: Buffer.from('${zip}', 'base64') },
  Environment: { Variables: ${JSON.stringify(variables)} },
  Timeout: 20,
}))
const answer = await lambda.send(new InvokeCommand({ FunctionName: '${name}', Payload: Buffer.from(${JSON.stringify(JSON.stringify(event))}) }))
console.log(Buffer.from(answer.Payload ?? []).toString('utf8'))`

type Seen = {
  uid: number
  files: Record<string, string>
  appFolder: string[]
  dataFolder: string[]
  ports: Record<string, string>
  postgresSocket: string
}

/**
 * The emulator's own virtualenv is mounted at its host path (read-only), so the app folder exists as an empty
 * shell around it: nothing of the app, its data or other learners' environments may show.
 */
function expectOnlyTheEmulator(appFolder: string[], dataFolder: string[]) {
  expect(appFolder.filter((name) => name !== '.cloudbook')).toEqual([])
  expect(dataFolder.filter((name) => name !== 'emulators')).toEqual([])
}

describe('a Python Lambda built in a cell', () => {
  it('sees none of the host files, runs as uid 65534 and reaches neither PostgreSQL, the app nor the internet', async () => {
    const zip = zipBase64({ 'index.py': PYTHON_PROBE })
    const { result, stdout } = await run(
      deployAndInvoke(`probe-py-${Date.now()}`, 'python3.12', 'index.handler', zip, {
        files: [...FILES, '/etc/passwd'],
        root: ROOT,
      }),
      learner,
    )
    expect(result, stdout).toEqual({ status: 'pass', expectations: [] })
    const seen: Seen = JSON.parse(stdout)
    expect(seen.uid).toBe(65534)
    for (const file of FILES) expect(seen.files[file], file).not.toMatch(/^READ/)
    expect(seen.files['/etc/passwd']).not.toMatch(HOST_PASSWD)
    expectOnlyTheEmulator(seen.appFolder, seen.dataFolder)
    expect(seen.ports).not.toMatchObject({ postgres: 'CONNECTED' })
    expect(Object.values(seen.ports)).not.toContain('CONNECTED')
    expect(seen.postgresSocket).not.toBe('CONNECTED')
  }, 60_000)

  it('that raises makes the run fail with a message naming the function', async () => {
    const name = `fails-${Date.now()}`
    const { result, calls } = await run(
      deployAndInvoke(name, 'python3.12', 'index.handler', zipBase64({ 'index.py': FAILING }), {}),
      learner,
    )
    expect(result.status).toBe('error')
    expect(result.message).toMatch(
      new RegExp(`^FunctionError: The Lambda function ${name} failed \\(FunctionError: Unhandled\\)`),
    )
    expect(calls.find((c) => c.operation === 'Invoke')).toMatchObject({ ok: false, functionError: 'Unhandled' })
  }, 60_000)

  it("can reach only its own learner's emulator: its admin reset leaves another learner's bucket alone", async () => {
    const other = freshLearner()
    const bucket = `survives-lambda-${Date.now()}`
    const created = await run(
      `import { S3Client, CreateBucketCommand } from '@aws-sdk/client-s3'\nawait new S3Client({}).send(new CreateBucketCommand({ Bucket: '${bucket}' }))`,
      other,
    )
    expect(created.result.status).toBe('pass')
    const resetter = `import urllib.request

def handler(event, context):
    request = urllib.request.Request('http://127.0.0.1:4566/_ministack/reset', method='POST')
    return urllib.request.urlopen(request, timeout=5).status
`
    await run(
      deployAndInvoke(`resetter-${Date.now()}`, 'python3.12', 'index.handler', zipBase64({ 'index.py': resetter }), {}),
      learner,
    )
    const listed = await run(
      "import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3'\nconst { Buckets = [] } = await new S3Client({}).send(new ListBucketsCommand({}))\nconsole.log(JSON.stringify(Buckets.map((b) => b.Name)))",
      other,
    )
    expect(JSON.parse(listed.stdout)).toContain(bucket)
  }, 60_000)
})

describe('a Node.js Lambda with NODE_OPTIONS', () => {
  it('runs its --import preload and handler as uid 65534, seeing none of the host files', async () => {
    const preload = `import fs from 'node:fs'; globalThis.preloaded = ${JSON.stringify(FILES)}.map((p) => { try { return 'READ ' + fs.readFileSync(p, 'utf8').slice(0, 80) } catch (e) { return e.code } })`
    const handler = `const fs = require('fs')
exports.handler = async (event) => ({
  uid: process.getuid(),
  preloaded: globalThis.preloaded ?? 'preload did not run',
  files: Object.fromEntries(event.files.map((p) => { try { return [p, 'READ ' + fs.readFileSync(p, 'utf8').slice(0, 80)] } catch (e) { return [p, e.code] } })),
  appFolder: fs.existsSync(event.root) ? fs.readdirSync(event.root).sort() : [],
  dataFolder: fs.existsSync(event.root + '/.cloudbook') ? fs.readdirSync(event.root + '/.cloudbook').sort() : [],
})`
    const { result, stdout } = await run(
      deployAndInvoke(
        `probe-node-${Date.now()}`,
        'nodejs20.x',
        'index.handler',
        zipBase64({ 'index.js': handler }),
        { files: [...FILES, '/etc/passwd'], root: ROOT },
        {
          NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(preload)}`,
        },
      ),
      learner,
    )
    expect(result, stdout).toEqual({ status: 'pass', expectations: [] })
    const seen: {
      uid: number
      preloaded: string[] | string
      files: Record<string, string>
      appFolder: string[]
      dataFolder: string[]
    } = JSON.parse(stdout)
    expect(seen.uid).toBe(65534)
    expect(JSON.stringify(seen.preloaded)).not.toMatch(/READ/)
    for (const file of FILES) expect(seen.files[file], file).not.toMatch(/^READ/)
    expect(seen.files['/etc/passwd']).not.toMatch(HOST_PASSWD)
    expectOnlyTheEmulator(seen.appFolder, seen.dataFolder)
  }, 60_000)
})
