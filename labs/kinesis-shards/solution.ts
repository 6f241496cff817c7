import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  KinesisClient,
  PutRecordCommand,
  PutRecordsCommand,
  waitUntilStreamExists,
} from '@aws-sdk/client-kinesis'

const kinesis = new KinesisClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const StreamName = `kshards-${Date.now()}`
const json = (value: object) => Buffer.from(JSON.stringify(value))

// Steps 1 and 2: a provisioned stream. Its shard count is its capacity: 1 MB/s or 1,000 records/s of writes per shard.
await kinesis.send(new CreateStreamCommand({ StreamName, ShardCount: 3 }))
await waitUntilStreamExists({ client: kinesis, maxWaitTime: 30, minDelay: 1, maxDelay: 2 }, { StreamName })
const { StreamDescriptionSummary: summary } = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName }))
console.log(StreamName, summary?.StreamStatus, 'open shards:', summary?.OpenShardCount)

// Step 3: clicks from several users in one batch; the user id decides the shard
const users = ['ada', 'grace', 'linus', 'margaret', 'ken', 'barbara']
const clicks = users.flatMap((user) =>
  ['home', 'product', 'cart'].map((page) => ({ PartitionKey: user, Data: json({ type: 'click', user, page }) })),
)
const { FailedRecordCount, Records = [] } = await kinesis.send(new PutRecordsCommand({ StreamName, Records: clicks }))
console.log('clicks written:', clicks.length, 'failed:', FailedRecordCount)
users.forEach((user, i) => console.log(' ', user, '->', Records[i * 3]?.ShardId))

// Step 4: one order's history, strictly in order: PutRecord, each chained to the previous sequence number
let previous: string | undefined
for (const status of ['created', 'paid', 'shipped']) {
  const { ShardId, SequenceNumber } = await kinesis.send(
    new PutRecordCommand({
      StreamName,
      PartitionKey: 'order-42',
      Data: json({ orderId: 'order-42', status }),
      SequenceNumberForOrdering: previous,
    }),
  )
  console.log('order-42', status, ShardId, SequenceNumber)
  previous = SequenceNumber
}
