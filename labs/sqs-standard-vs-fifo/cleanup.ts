import { DeleteQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs'

// Reset: remove every lab queue (names start with fifolab-) from the learner's account.
const sqs = new SQSClient({})
const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'fifolab-' }))
for (const QueueUrl of QueueUrls) {
  await sqs.send(new DeleteQueueCommand({ QueueUrl }))
  console.log('removed queue', QueueUrl)
}
