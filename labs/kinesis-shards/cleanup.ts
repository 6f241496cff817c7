import { DeleteStreamCommand, KinesisClient, ListStreamsCommand } from '@aws-sdk/client-kinesis'

// Reset: delete every lab stream (names start with kshards-), with any registered consumers.
const PREFIX = 'kshards-'
const kinesis = new KinesisClient({})

const { StreamNames = [] } = await kinesis.send(new ListStreamsCommand({}))
for (const StreamName of StreamNames.filter((n) => n.startsWith(PREFIX))) {
  await kinesis.send(new DeleteStreamCommand({ StreamName, EnforceConsumerDeletion: true }))
  console.log('removed stream', StreamName)
}
