import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
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

// Step 2: after 3 failed receives, SQS moves a message to the DLQ instead of handing it out again
const arnOf = async (url: string | undefined) => {
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))
  return Attributes?.QueueArn ?? ''
}
const ordersArn = await arnOf(QueueUrl)
const dlqArn = await arnOf(dlqUrl)
await sqs.send(
  new SetQueueAttributesCommand({
    QueueUrl,
    Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 3 }) },
  }),
)
// and the DLQ accepts dead letters from the orders queue only
await sqs.send(
  new SetQueueAttributesCommand({
    QueueUrl: dlqUrl,
    Attributes: { RedriveAllowPolicy: JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: [ordersArn] }) },
  }),
)

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

// Step 3: the fix is deployed...
catalog.add('matcha')
// ...so redrive: every dead letter that is valid JSON goes back to the orders queue (the fixed consumer picks it up
// on its next poll), the malformed one stays in the DLQ for a person to look at
const { Messages: dead = [] } = await sqs.send(
  new ReceiveMessageCommand({
    QueueUrl: dlqUrl,
    MaxNumberOfMessages: 10,
    WaitTimeSeconds: 1,
    MessageAttributeNames: ['All'],
  }),
)
for (const message of dead) {
  let parsed = true
  try {
    JSON.parse(message.Body ?? '')
  } catch {
    parsed = false
  }
  if (parsed) {
    await sqs.send(
      new SendMessageCommand({ QueueUrl, MessageBody: message.Body, MessageAttributes: message.MessageAttributes }),
    )
    await sqs.send(new DeleteMessageCommand({ QueueUrl: dlqUrl, ReceiptHandle: message.ReceiptHandle }))
    console.log('redriven', message.Body)
  } else {
    // receiving hid it; make it visible again so it stays available in the DLQ
    await sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: dlqUrl,
        ReceiptHandle: message.ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    )
    console.log('left in the DLQ', message.Body)
  }
}
