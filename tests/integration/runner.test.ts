import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cellFiles } from '@/lib/content/cell-files'
import { closeAll, freshLearner, run, testRunner } from './helpers'

afterAll(closeAll)

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
    expect(outcome.result.message).toMatch(/your code ran for 10 s, the time limit/)
  }, 20_000)

  it("counts only the learner's own code against the limit, and a cell may declare its own limit", async () => {
    // loading two SDK clients happens before the clock starts; the wait is the learner's
    const source = `import { SQSClient } from '@aws-sdk/client-sqs'
import { EC2Client } from '@aws-sdk/client-ec2'
import { setTimeout } from 'node:timers/promises'
new SQSClient({}); new EC2Client({})
await setTimeout(900)
console.log('waited')`
    const short = await run(source, undefined, { timeoutMs: 500 })
    expect(short.limit).toBe('time')
    expect(short.result.message).toMatch(/^Stopped: your code ran for 0\.5 s, the time limit/)
    const long = await run(source, undefined, { timeoutMs: 3000 })
    expect(long.result.status).toBe('pass')
    expect(long.stdout).toContain('waited')
  })

  it('runs a pasted whole file whose main guard compares process.argv[1] with import.meta.url', async () => {
    // the shape of AWS's SDK v3 examples (awsdocs/aws-doc-sdk-examples, javascriptv3/example_code/*/actions)
    const outcome = await run(`import { fileURLToPath } from 'node:url'
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3'

export const main = async () => {
  const client = new S3Client({})
  const { Buckets = [] } = await client.send(new ListBucketsCommand({}))
  console.log('main ran', Buckets.length)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main()
}`)
    expect(outcome.result.status).toBe('pass')
    expect(outcome.stdout).toMatch(/^main ran \d+/)
  })

  it('has the clients official examples use, e.g. CloudWatch Events (now EventBridge) for the older examples', async () => {
    const outcome = await run(`import { CloudWatchEventsClient, ListRulesCommand } from '@aws-sdk/client-cloudwatch-events'
const { Rules = [] } = await new CloudWatchEventsClient({}).send(new ListRulesCommand({}))
console.log('rules', Rules.length)`)
    expect(outcome.result.status).toBe('pass')
    expect(outcome.stdout).toMatch(/^rules \d+/)
  })

  it("runs an official example that imports the lesson's ../libs helper, reads sample files and imports JSON", async () => {
    const files = {
      'libs/snsClient.js': "import { SNSClient } from '@aws-sdk/client-sns'\nexport const snsClient = new SNSClient({})\n",
      'data/topics.json': JSON.stringify({ names: ['orders', 'alerts'] }),
      'notes.txt': 'sample notes',
    }
    // the shape of awsdocs/aws-doc-sdk-examples javascriptv3/example_code/sns/actions/create-topic.js
    const outcome = await run(
      `import { CreateTopicCommand } from "@aws-sdk/client-sns";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { snsClient } from "../libs/snsClient.js";
import topics from "../data/topics.json" with { type: "json" };

export const main = async (topicName = topics.names[0]) => {
  const response = await snsClient.send(new CreateTopicCommand({ Name: topicName }));
  console.log(response.TopicArn.split(":").pop());
  writeFileSync("out.txt", readFileSync("notes.txt", "utf8").toUpperCase());
  console.log(readFileSync("./out.txt", "utf8"));
  return response;
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main();
}`,
      undefined,
      { files },
    )
    expect(outcome.result, outcome.stderr).toEqual({ status: 'pass', expectations: [] })
    expect(outcome.stdout).toBe('orders\nSAMPLE NOTES\n')
  })

  it('gives a learner whose page is open a fresh sandbox after each run, started after the run has answered', async () => {
    const learner = freshLearner()
    const runner = testRunner()
    runner.prepare(learner.id)
    await runner.pool.whenReserved(learner.id)
    const outcome = await run('console.log("once")', learner)
    expect(outcome.stdout).toBe('once\n')
    // the run took the reserved sandbox; its replacement starts on a later turn of the event loop
    expect(runner.pool.isReserved(learner.id)).toBe(false)
    await expect.poll(() => runner.pool.isReserved(learner.id)).toBe(true)
    await runner.pool.whenReserved(learner.id)
    runner.pool.release(learner.id)
  })

  it("runs an official S3 example that imports the examples' own utility package, shipped to every lesson", async () => {
    const files = cellFiles(path.join(process.cwd(), 'lessons', 'storage', 's3'))
    const outcome = await run(
      `import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { parseArgs } from "node:util";
import { isMain, validateArgs } from "@aws-doc-sdk-examples/lib/utils/util-node.js";

export const main = async ({ bucketName }) => {
  const client = new S3Client({});
  const { Location } = await client.send(new CreateBucketCommand({ Bucket: bucketName }));
  console.log("created", Location);
};

const options = { bucketName: { type: "string", default: "examples-util-" + Date.now() } };
if (isMain(import.meta.url)) {
  const results = parseArgs({ options });
  const { errors } = validateArgs({ options }, results);
  if (!errors) main(results.values);
}`,
      undefined,
      { files },
    )
    expect(outcome.result, outcome.stderr).toEqual({ status: 'pass', expectations: [] })
    expect(outcome.stdout).toMatch(/^created \/?examples-util-\d+/)
  })

  it("gives cells the rest of the examples' helpers: file paths, unique names, batches, retries", async () => {
    const files = cellFiles(path.join(process.cwd(), 'lessons', 'storage', 's3'))
    const outcome = await run(
      `import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dirnameFromMetaUrl } from "@aws-doc-sdk-examples/lib/utils/util-fs.js";
import { getUniqueName } from "@aws-doc-sdk-examples/lib/utils/util-string.js";
import { chunkArray } from "@aws-doc-sdk-examples/lib/utils/util-array.js";
import { retry } from "@aws-doc-sdk-examples/lib/utils/util-timers.js";
import { logger } from "@aws-doc-sdk-examples/lib/utils/util-log.js";

// a cell sits in a folder beside the lesson's files, as AWS's actions/ folder sits beside libs/
const dirname = dirnameFromMetaUrl(import.meta.url);
const rows = readFileSync(join(dirname, "..", "data", "reports.csv"), "utf8").trim().split("\\n");
logger.log([...chunkArray(rows, 2)].length > 0, /^[0-9a-f-]{36}-movies$/.test(getUniqueName("Movies")));
let tries = 0;
logger.log(await retry({ intervalInMs: 1, maxRetries: 3 }, async () => {
  if (++tries < 3) throw new Error("not yet");
  return "tries: " + tries;
}));`,
      undefined,
      { files },
    )
    expect(outcome.result, outcome.stderr).toEqual({ status: 'pass', expectations: [] })
    expect(outcome.stdout).toBe('true true\ntries: 3\n')
  })

  it('refuses a relative import of a file the lesson does not provide, saying what may be imported', async () => {
    const outcome = await run(
      "import { writeFileSync } from 'node:fs'\nimport x from './written.mjs'\nconsole.log(x)",
      undefined,
      { files: { 'libs/a.js': 'export default 1' } },
    )
    expect(outcome.result.message).toMatch(/^cell\.ts line 2: "\.\/written\.mjs" cannot be imported: a cell may import only/)
  })

  it('reaches operations the SDK sends to a host-prefixed endpoint (Step Functions StartSyncExecution → "sync-")', async () => {
    const outcome = await run(`import { SFNClient, CreateStateMachineCommand, StartSyncExecutionCommand } from '@aws-sdk/client-sfn'
const sfn = new SFNClient({})
const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({
  name: 'sync-' + Date.now(),
  type: 'EXPRESS',
  roleArn: 'arn:aws:iam::000000000000:role/sfn',
  definition: JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Pass', Result: { ok: true }, End: true } } }),
}))
const { status, output } = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn, input: '{}' }))
console.log(status, output)`)
    expect(outcome.result, outcome.stderr).toEqual({ status: 'pass', expectations: [] })
    expect(outcome.stdout).toMatch(/^SUCCEEDED \{"ok": ?true\}\n$/)
  })

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
    expect(outcome.stdout.trim()).toBe('undefined undefined HOME,TMPDIR')
  })

  it('runs top-level await ES modules with the learner region', async () => {
    const outcome = await run(
      "const region = await new (await import('@aws-sdk/client-s3')).S3Client({}).config.region()\nconsole.log(region)",
    )
    // import() of a literal name is checked like a static import; a computed name is refused (see above)
    expect(outcome.stdout.trim()).toBe('us-east-1')
    const ok = await run(`${S3}console.log(await s3.config.region())`)
    expect(ok.stdout.trim()).toBe('us-east-1')
  })
})
