import { CreateQueueCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs'

const sqs = new SQSClient({})
// every lab queue starts with this prefix, which is how the check and the clean-up find them
const id = `vislab-${Date.now()}`

// Step 1: the queue of a video service's render workers (all settings at their defaults)
const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${id}-renders` }))
console.log('queue', QueueUrl)

// TODO (step 2): a render takes up to 2 minutes: set the queue's VisibilityTimeout to 180 seconds
// TODO (step 3): hold every new message back for 3 seconds (the queue's DelaySeconds)

// The upload service asks for a render
await sqs.send(
  new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify({ jobId: 'render-42', video: 'v/42.mp4' }) }),
)
console.log('sent render-42')

// TODO (step 3): send {"jobId":"cleanup-42"} with its own delay of 15 minutes (900 seconds)

// TODO (step 4): be the worker: receive render-42 (long polling, long enough to outlast the delay), extend its
//                visibility timeout to 300 seconds because this render runs long, then delete it when done
