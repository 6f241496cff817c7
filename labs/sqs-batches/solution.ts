import {
  type BatchResultErrorEntry,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'

const sqs = new SQSClient({})
// every lab queue starts with this prefix, which is how the check and the clean-up find them
const id = `batchlab-${Date.now()}`

// Step 1: the warehouse's orders queue, and a queue for orders that cannot be queued at all
const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${id}-orders` }))
const { QueueUrl: rejectsUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${id}-rejects` }))
console.log('queues', QueueUrl, rejectsUrl)

// Today's orders, one CSV line each (orderId,sku,quantity,note) as the old shop system exports them. A-3's note was
// pasted from a terminal and ends in a control character (BEL, \u0007) that SQS does not accept in a message body;
// A-5 has a quantity of 0, which the warehouse cannot ship.
const orders = [
  'A-1,tea,2,',
  'A-2,coffee,1,gift wrap',
  'A-3,tea,1,ring twice\u0007',
  'A-4,cocoa,3,',
  'A-5,coffee,0,',
  'A-6,tea,1,leave at the door',
]
console.log(orders.length, 'orders to queue')

// Step 2: one request for up to 10 messages; each entry's Id only has to be unique within the batch
let entries = orders.map((line) => ({ Id: line.split(',')[0], MessageBody: line }))
const rejected: BatchResultErrorEntry[] = []
for (let attempt = 1; attempt <= 2 && entries.length; attempt++) {
  const { Successful = [], Failed = [] } = await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: entries }))
  console.log(`attempt ${attempt}: queued`, Successful.map((s) => s.Id).join(', ') || 'nothing')
  // Step 3: the call "succeeds" even when entries fail. An entry that is wrong as sent (SenderFault) fails again if
  // it is retried unchanged; any other failure gets one more try, in a batch of just the failed entries.
  for (const failure of Failed)
    console.log('failed', failure.Id, failure.Code, failure.SenderFault ? '(sender fault)' : '')
  rejected.push(...Failed.filter((f) => f.SenderFault || attempt === 2))
  entries = entries.filter((e) => Failed.some((f) => f.Id === e.Id && !f.SenderFault))
}

// Step 3: whatever could not be queued is parked, so no order silently disappears
for (const failure of rejected) {
  const line = orders.find((l) => l.split(',')[0] === failure.Id) ?? ''
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: rejectsUrl,
      // JSON.stringify turns the control character into the six characters \u0007, which SQS accepts
      MessageBody: JSON.stringify({ line }),
      MessageAttributes: {
        orderId: { DataType: 'String', StringValue: failure.Id },
        errorCode: { DataType: 'String', StringValue: failure.Code ?? 'unknown' },
      },
    }),
  )
  console.log('parked', failure.Id, 'in the rejects queue')
}

// Step 4: the worker ships what it can and deletes exactly the shipped messages in one call
const { Messages = [] } = await sqs.send(
  new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
)
const shipped = Messages.filter((m) => {
  const [orderId, , quantity] = (m.Body ?? '').split(',')
  if (Number(quantity) > 0) console.log('shipped', orderId)
  else console.log('cannot ship', orderId, '- it returns to the queue after the visibility timeout')
  return Number(quantity) > 0
})
if (shipped.length) {
  const deleted = await sqs.send(
    new DeleteMessageBatchCommand({
      QueueUrl,
      Entries: shipped.map((m, i) => ({ Id: `m${i}`, ReceiptHandle: m.ReceiptHandle })),
    }),
  )
  console.log('deleted', deleted.Successful?.length ?? 0, 'failed to delete', deleted.Failed?.length ?? 0)
  for (const failure of deleted.Failed ?? []) console.log('delete failed', failure.Id, failure.Code)
}
