import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'

const sqs = new SQSClient({})
// every lab queue starts with this prefix, which is how the check and the clean-up find them
const id = `vislab-${Date.now()}`
const started = Date.now()
const t = () => `${((Date.now() - started) / 1000).toFixed(1)}s`

// Step 1: the queue of a video service's render workers (all settings at their defaults)
const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${id}-renders` }))
console.log('queue', QueueUrl)

// Step 2: longer than the slowest render, so no second worker starts on a job that is still running
// Step 3: a delay queue: every new message stays invisible for its first 3 seconds
await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { VisibilityTimeout: '180', DelaySeconds: '3' } }))

// The upload service asks for a render
await sqs.send(
  new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify({ jobId: 'render-42', video: 'v/42.mp4' }) }),
)
console.log(t(), 'sent render-42')

// Step 3: a message timer overrides the queue's delay for this one message
await sqs.send(
  new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify({ jobId: 'cleanup-42' }), DelaySeconds: 900 }),
)
console.log(t(), 'sent cleanup-42, due in 15 minutes')

// Step 4: the worker long-polls, which also waits out the 3-second delay
const { Messages = [] } = await sqs.send(
  new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 5, MaxNumberOfMessages: 1 }),
)
for (const message of Messages) {
  console.log(t(), 'received', message.Body)
  // the render runs long: ask for more time before the visibility timeout runs out (a "heartbeat")
  await sqs.send(
    new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 300 }),
  )
  console.log(t(), 'extended the visibility timeout to 300 s')
  await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: message.ReceiptHandle }))
  console.log(t(), 'render done, message deleted')
}
