import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs'

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

// TODO (step 2): send all orders to the orders queue with ONE SendMessageBatchCommand (Id: the order id)
// TODO (step 3): the call succeeds even when entries fail: for each entry in Failed, park the order in the rejects
//                queue as JSON (JSON escapes the control character), with the order id and the error code as
//                message attributes
// TODO (step 4): be the warehouse worker: receive the orders, ship those with a quantity above 0, and delete the
//                shipped ones with ONE DeleteMessageBatchCommand; check its Failed list too
