import { afterAll, describe, expect, it } from 'vitest'
import { warmServices } from '@/lib/environments/warm-services'
import { closeAll, environments, freshLearner, run } from './helpers'

afterAll(closeAll)

describe("warming a learner's emulator when a page with cells opens", () => {
  it('reaches each named service in the learner’s own environment and changes nothing there', async () => {
    const learner = freshLearner()
    const route = await environments('ministack').ensure(learner)
    const answers = await warmServices(route, ['s3', 'states', 'dynamodb', 'sqs', 's3'])
    // each service's own handler answered the no-op (the emulator loaded it), once per service
    expect(answers.map((a) => a.service)).toEqual(['s3', 'states', 'dynamodb', 'sqs'])
    for (const { service, status } of answers) expect(status, service).toBeGreaterThanOrEqual(400)
    for (const { service, status } of answers) expect(status, service).toBeLessThan(500)
    const after = await run(
      `import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3'
import { SQSClient, ListQueuesCommand } from '@aws-sdk/client-sqs'
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
const { Buckets = [] } = await new S3Client({}).send(new ListBucketsCommand({}))
const { QueueUrls = [] } = await new SQSClient({}).send(new ListQueuesCommand({}))
const { TableNames = [] } = await new DynamoDBClient({}).send(new ListTablesCommand({}))
console.log(Buckets.length + QueueUrls.length + TableNames.length)`,
      learner,
    )
    expect(after.result, after.stderr).toEqual({ status: 'pass', expectations: [] })
    expect(after.stdout).toBe('0\n')
  })
})
