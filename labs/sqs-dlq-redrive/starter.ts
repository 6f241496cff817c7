import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'

const sqs = new SQSClient({})
// every lab queue starts with this prefix, which is how the check and the clean-up find them
const id = `dlqlab-${Date.now()}`

// Step 1: the shop's orders queue, and a dead-letter queue that nothing uses yet (14 days' retention: longer than
// the source queue's, so a dead letter is not deleted before someone looks at it)
const { QueueUrl: dlqUrl } = await sqs.send(
  new CreateQueueCommand({ QueueName: `${id}-dlq`, Attributes: { MessageRetentionPeriod: '1209600' } }),
)
const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${id}-orders` }))
console.log('queues', QueueUrl, dlqUrl)

// TODO (step 2): attach the DLQ to the orders queue (RedrivePolicy, maxReceiveCount 3) and let only the orders
//                queue use the DLQ (RedriveAllowPolicy)

// The shop sends three orders. "matcha" is new and the consumer's catalog does not know it yet (a bug),
// and the third order was cut off in transit (malformed JSON).
for (const body of [
  '{"orderId":"A-1","sku":"tea"}',
  '{"orderId":"A-2","sku":"matcha"}',
  '{"orderId":"A-3","sku":"cof',
]) {
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: body }))
}

// The consumer: a failed order is made visible again at once, so it is retried on the next round.
const catalog = new Set(['tea', 'coffee'])
function handle(body: string) {
  const order: { orderId: string; sku: string } = JSON.parse(body)
  if (!catalog.has(order.sku)) throw new Error(`unknown product ${order.sku}`)
  console.log('shipped', order.orderId)
}
for (let round = 1; round <= 6; round++) {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 1,
      MessageSystemAttributeNames: ['ApproximateReceiveCount'],
    }),
  )
  if (!Messages.length) break
  for (const message of Messages) {
    try {
      handle(message.Body ?? '')
      await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: message.ReceiptHandle }))
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      console.log(`round ${round}: failed (${reason}), receive count ${message.Attributes?.ApproximateReceiveCount}`)
      await sqs.send(
        new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 }),
      )
    }
  }
}

// TODO (step 3): fix the catalog, then redrive: move the orders that can now be processed from the DLQ back to the
//                orders queue, and leave the malformed one in the DLQ for a person to look at
