import { DeleteQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs'

// Reset: remove every lab queue (names start with vislab-) from the learner's account.
const sqs = new SQSClient({})
const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'vislab-' }))
for (const QueueUrl of QueueUrls) {
  await sqs.send(new DeleteQueueCommand({ QueueUrl }))
  console.log('removed queue', QueueUrl)
}
