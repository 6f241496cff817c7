import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  KinesisClient,
  waitUntilStreamExists,
} from '@aws-sdk/client-kinesis'

const kinesis = new KinesisClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const StreamName = `kshards-${Date.now()}`

// Steps 1 and 2: a provisioned stream. Its shard count is its capacity: 1 MB/s or 1,000 records/s of writes per shard.
// TODO (step 2): this stream has a single shard; create it with 3.
await kinesis.send(new CreateStreamCommand({ StreamName, ShardCount: 1 }))
await waitUntilStreamExists({ client: kinesis, maxWaitTime: 30, minDelay: 1, maxDelay: 2 }, { StreamName })
const { StreamDescriptionSummary: summary } = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName }))
console.log(StreamName, summary?.StreamStatus, 'open shards:', summary?.OpenShardCount)

// TODO (step 3): write click events for at least 3 users with PutRecordsCommand, the user id as PartitionKey.

// TODO (step 4): write the statuses 'created', 'paid' and 'shipped' of order-42 one at a time with PutRecordCommand
//                (PartitionKey 'order-42'), passing the previous record's SequenceNumber as SequenceNumberForOrdering.
