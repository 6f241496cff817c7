import { DynamoDBClient, ListTablesCommand, ScanCommand } from '@aws-sdk/client-dynamodb'
import { LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda'
import { GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs'
import { expectAtLeast, expectEqual, expectTrue, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'poisonlab-'

async function queueAttributes(sqs: SQSClient, QueueName: string) {
  try {
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName }))
    const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))
    return Attributes
  } catch {
    return undefined
  }
}

/** Messages waiting plus messages being handled right now. */
const depth = (attributes: Record<string, string> | undefined) =>
  attributes
    ? Number(attributes.ApproximateNumberOfMessages ?? 0) +
      Number(attributes.ApproximateNumberOfMessagesNotVisible ?? 0)
    : undefined

async function recordedOrders(ddb: DynamoDBClient, TableName: string) {
  try {
    const { Items = [] } = await ddb.send(new ScanCommand({ TableName }))
    return Items.map((i) => i.orderId?.S ?? '').sort()
  } catch {
    return []
  }
}

async function inspect(id: string): Promise<Expectation[]> {
  const ddb = new DynamoDBClient({})
  const sqs = new SQSClient({})
  const lambda = new LambdaClient({})
  const orders = await queueAttributes(sqs, `${id}-orders`)
  const dlq = await queueAttributes(sqs, `${id}-dlq`)
  const redrive: { deadLetterTargetArn?: string; maxReceiveCount?: number | string } = orders?.RedrivePolicy
    ? JSON.parse(orders.RedrivePolicy)
    : {}
  const receives = Number(redrive.maxReceiveCount ?? 0)
  let responseTypes = 'no mapping'
  try {
    const { EventSourceMappings = [] } = await lambda.send(
      new ListEventSourceMappingsCommand({ FunctionName: `${id}-worker` }),
    )
    const mapping = EventSourceMappings.find((m) => orders?.QueueArn && m.EventSourceArn === orders.QueueArn)
    if (mapping)
      responseTypes = (mapping.FunctionResponseTypes ?? []).join(', ') || 'none (one failure fails the batch)'
  } catch {
    // no worker
  }
  const recorded = await recordedOrders(ddb, id)
  const parked = depth(dlq)
  const left = depth(orders)

  return [
    ...inStep(1, [
      expectEqual(
        'Dead-letter queue of the orders queue',
        redrive.deadLetterTargetArn ? (redrive.deadLetterTargetArn.split(':').pop() ?? '') : 'no redrive policy',
        dlq?.QueueArn ? `${id}-dlq` : `${id}-dlq (create it first)`,
        'SetQueueAttributesCommand on the orders queue with RedrivePolicy {"deadLetterTargetArn": <DLQ ARN>, "maxReceiveCount": 2}.',
      ),
      expectTrue('Receives before a message moves to the DLQ (maxReceiveCount)', receives >= 2 && receives <= 5, {
        expected: '2 to 5',
        actual: orders?.RedrivePolicy ? String(receives) : 'no redrive policy',
        hint: 'One receive would park a message after a single passing hiccup; more than a few keeps a poison message cycling.',
      }),
    ]),
    ...inStep(2, [
      expectEqual(
        'Partial batch responses on the mapping',
        responseTypes,
        'ReportBatchItemFailures',
        "FunctionResponseTypes: ['ReportBatchItemFailures'] in CreateEventSourceMappingCommand.",
      ),
      expectAtLeast(
        'Good orders recorded by the worker',
        recorded.length,
        4,
        'Catch the parse error per message and push { itemIdentifier: record.messageId } to batchItemFailures, so the orders after the poison message are handled too.',
      ),
    ]),
    ...inStep(3, [
      expectEqual(
        'Messages in the dead-letter queue',
        parked === undefined ? 'no dead-letter queue' : String(parked),
        '1',
        parked
          ? 'Only the poison message belongs in the DLQ: good orders land there when a failure fails the whole batch.'
          : 'The poison message moves there after maxReceiveCount failed receives, a few seconds after the run: Check again.',
      ),
      expectEqual(
        'Messages left in the orders queue',
        left === undefined ? 'no orders queue' : String(left),
        '0',
        'Every good order should be handled and deleted, and the poison message moved to the DLQ.',
      ),
    ]),
  ]
}

/** Looks at every lab in the learner's account and reports on the one that is furthest along. */
export default async function check() {
  const ddb = new DynamoDBClient({})
  const { TableNames = [] } = await ddb.send(new ListTablesCommand({}))
  const ids = TableNames.filter((n) => n.startsWith(PREFIX))
  const found: Expectation = {
    step: 1,
    name: 'Lab table from the starter code',
    status: ids.length ? 'pass' : 'fail',
    expected: `a table named ${PREFIX}…`,
    actual: ids.length ? ids.join(', ') : 'none',
    hint: ids.length ? undefined : 'Run your code first: the starter creates the queue, the table and the worker.',
  }
  if (!ids.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const id of ids) {
    const expectations = await inspect(id)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
