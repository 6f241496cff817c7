import {
  CreateTableCommand,
  DeleteItemCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb'
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams'
import { setTimeout as sleep } from 'node:timers/promises'

const ddb = new DynamoDBClient({})
// every lab table starts with streamlab-, which is how the check and Reset find it
const TableName = `streamlab-${Date.now()}`
const { TableDescription } = await ddb.send(
  new CreateTableCommand({
    TableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'sessionId', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'sessionId', KeyType: 'HASH' }],
    // Step 1: every change from now on is recorded, with the item as it was and as it became.
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  }),
)
await waitUntilTableExists({ client: ddb, maxWaitTime: 30 }, { TableName })
const StreamArn = TableDescription?.LatestStreamArn
console.log('created', TableName, 'with stream', StreamArn)

// Step 2: DynamoDB deletes an item some time after the epoch second in its expiresAt attribute has passed.
await ddb.send(
  new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' } }),
)
const { TimeToLiveDescription } = await ddb.send(new DescribeTimeToLiveCommand({ TableName }))
console.log('TTL:', TimeToLiveDescription?.TimeToLiveStatus, 'on', TimeToLiveDescription?.AttributeName)

// Sessions expire 30 minutes after their last use. TTL reads Unix time in seconds, not milliseconds.
const expiresIn = (minutes: number) => String(Math.floor(Date.now() / 1000) + minutes * 60)

await ddb.send(
  new PutItemCommand({
    TableName,
    Item: { sessionId: { S: 's-1' }, userId: { S: 'alice' }, expiresAt: { N: expiresIn(30) } },
  }),
)
await ddb.send(
  new PutItemCommand({
    TableName,
    Item: { sessionId: { S: 's-2' }, userId: { S: 'bob' }, expiresAt: { N: expiresIn(30) } },
  }),
)
// alice is active again: her session is extended
await ddb.send(
  new UpdateItemCommand({
    TableName,
    Key: { sessionId: { S: 's-1' } },
    UpdateExpression: 'SET expiresAt = :later',
    ExpressionAttributeValues: { ':later': { N: expiresIn(60) } },
  }),
)
// bob logs out
await ddb.send(new DeleteItemCommand({ TableName, Key: { sessionId: { S: 's-2' } } }))
console.log('wrote two sessions, extended one and deleted the other')

// Step 3: read every shard from its oldest record (TRIM_HORIZON); poll briefly, as records can lag a little.
const streams = new DynamoDBStreamsClient({})
const records: _Record[] = []
const deadline = Date.now() + 5000
while (records.length < 4 && Date.now() < deadline) {
  records.length = 0
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn }))
  for (const shard of StreamDescription?.Shards ?? []) {
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({ StreamArn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
    )
    const { Records = [] } = await streams.send(new GetRecordsCommand({ ShardIterator }))
    records.push(...Records)
  }
  if (records.length < 4) await sleep(500)
}
for (const r of records) {
  const before = r.dynamodb?.OldImage?.expiresAt?.N ?? '-'
  const after = r.dynamodb?.NewImage?.expiresAt?.N ?? '-'
  console.log(r.eventName, r.dynamodb?.Keys?.sessionId?.S, 'expiresAt', before, '→', after)
}
