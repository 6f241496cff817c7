import { afterAll, describe, expect, it } from 'vitest'
import { deleteEverything, deleteResource, listResources } from '@/lib/account/inventory'
import { closeAll, environments, freshLearner, run, type Backend } from './helpers'

afterAll(closeAll)

// LocalStack starts DynamoDB Local (Java) on first use, which this machine cannot do in a run's time: S3 and SQS there
const create = (backend: Backend) => (backend === 'ministack' ? CREATE : CREATE.replace(/await new DynamoDBClient[\s\S]*$/, ''))
const CREATE = `import { S3Client, CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { SQSClient, CreateQueueCommand } from '@aws-sdk/client-sqs'
import { DynamoDBClient, CreateTableCommand } from '@aws-sdk/client-dynamodb'
const s3 = new S3Client({})
await s3.send(new CreateBucketCommand({ Bucket: 'account-panel-' + process.env.AWS_ACCESS_KEY_ID }))
await s3.send(new PutObjectCommand({ Bucket: 'account-panel-' + process.env.AWS_ACCESS_KEY_ID, Key: 'a.txt', Body: 'a' }))
await new SQSClient({}).send(new CreateQueueCommand({ QueueName: 'account-panel-queue' }))
await new DynamoDBClient({}).send(new CreateTableCommand({
  TableName: 'account-panel-table',
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
}))`

// "Your account": what the learner's code created, listed and deleted by the server with the learner's credentials
describe.each<Backend>(['ministack', 'localstack'])('your account on %s', (backend) => {
  it('lists what the code created, deletes one resource, then cleans everything', { timeout: 90_000 }, async () => {
    const learner = freshLearner()
    // LocalStack loads each service on its first request, slowly on a busy machine
    const created = await run(create(backend), learner, { backend, timeoutMs: 45_000 })
    expect(created.result, created.stderr).toEqual({ status: 'pass', expectations: [] })
    const route = await environments(backend).ensure(learner)
    const names = async () =>
      (await listResources(route, 'us-east-1')).groups.flatMap((g) => g.items.map((i) => `${i.kind}:${i.name}`))
    const bucket = `bucket:account-panel-${learner.accountId}`
    expect(await names()).toEqual(
      expect.arrayContaining([
        bucket,
        'queue:account-panel-queue',
        ...(backend === 'ministack' ? ['table:account-panel-table'] : []),
      ]),
    )
    // a non-empty bucket is emptied first
    expect(await deleteResource(route, 'us-east-1', 'bucket', `account-panel-${learner.accountId}`)).toBe(true)
    expect(await names()).not.toContain(bucket)
    // nothing outside the learner's listing can be deleted through it
    expect(await deleteResource(route, 'us-east-1', 'bucket', 'someone-elses-bucket')).toBe(false)
    expect(await deleteEverything(route, 'us-east-1')).toEqual([])
    expect(await names()).toEqual([])
  })

  it("never shows another learner's resources", { timeout: 90_000 }, async () => {
    const mine = freshLearner()
    const theirs = freshLearner()
    await run(create(backend), theirs, { backend, timeoutMs: 45_000 })
    const route = await environments(backend).ensure(mine)
    const names = (await listResources(route, 'us-east-1')).groups.flatMap((g) => g.items.map((i) => i.name))
    expect(names).not.toContain(`account-panel-${theirs.accountId}`)
    await deleteEverything(await environments(backend).ensure(theirs), 'us-east-1')
  })
})
