import { DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { LambdaClient, ListEventSourceMappingsCommand, type EventSourceMappingConfiguration } from '@aws-sdk/client-lambda'
import { GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs'
import { expectEqual, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'orderlab-'

async function queueAttributes(sqs: SQSClient, QueueName: string) {
  try {
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName }))
    const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))
    return Attributes
  } catch {
    return undefined
  }
}

async function mappings(lambda: LambdaClient, FunctionName: string): Promise<EventSourceMappingConfiguration[]> {
  try {
    const { EventSourceMappings = [] } = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName }))
    return EventSourceMappings
  } catch {
    return []
  }
}

/** Everything the learner wires for one pipeline whose table is named `id`. */
async function inspect(id: string): Promise<Expectation[]> {
  const ddb = new DynamoDBClient({})
  const sqs = new SQSClient({})
  const lambda = new LambdaClient({})
  const { Table } = await ddb.send(new DescribeTableCommand({ TableName: id }))
  const streamArn = Table?.LatestStreamArn ?? ''

  const orders = await queueAttributes(sqs, `${id}-orders`)
  const dlq = await queueAttributes(sqs, `${id}-dlq`)
  const redrive: { deadLetterTargetArn?: string; maxReceiveCount?: number | string } = orders?.RedrivePolicy
    ? JSON.parse(orders.RedrivePolicy)
    : {}
  const receives = Number(redrive.maxReceiveCount ?? 0)

  const fromStream = (await mappings(lambda, `${id}-forward`)).find((m) => m.EventSourceArn === streamArn)
  const fromQueue = (await mappings(lambda, `${id}-notify`)).find((m) => m.EventSourceArn === orders?.QueueArn)
  const retries = fromStream?.MaximumRetryAttempts
  const responseTypes = (m: EventSourceMappingConfiguration | undefined) =>
    m ? (m.FunctionResponseTypes ?? []).join(', ') || 'none (the whole batch fails together)' : 'no mapping'

  // in step order: the queues (step 2), the stream mapping (step 3), the queue mapping (step 4)
  const all: Expectation[] = [
    expectEqual(
      'Orders queue',
      orders ? `${id}-orders` : 'none',
      `${id}-orders`,
      `Create the queue ${id}-orders with CreateQueueCommand.`,
    ),
    expectEqual(
      'Dead-letter queue of the orders queue',
      redrive.deadLetterTargetArn ? (redrive.deadLetterTargetArn.split(':').pop() ?? '') : 'no redrive policy',
      dlq?.QueueArn ? `${id}-dlq` : `${id}-dlq (create it first)`,
      'Set the RedrivePolicy attribute of the orders queue to {"deadLetterTargetArn": <DLQ ARN>, "maxReceiveCount": 3}.',
    ),
    {
      name: 'Receives before a message moves to the DLQ (maxReceiveCount)',
      status: receives >= 1 && receives <= 5 ? 'pass' : 'fail',
      expected: '1 to 5',
      actual: orders?.RedrivePolicy ? String(receives) : 'no redrive policy',
      hint:
        receives >= 1 && receives <= 5
          ? undefined
          : 'A poison message should reach the DLQ after a few tries, not keep coming back.',
    },
    expectEqual(
      'Stream mapped to the forward function',
      fromStream ? 'mapped' : 'not mapped',
      'mapped',
      `CreateEventSourceMappingCommand with FunctionName ${id}-forward, the table's LatestStreamArn and StartingPosition LATEST.`,
    ),
    expectEqual(
      'Stream mapping reports partial batch failures',
      responseTypes(fromStream),
      'ReportBatchItemFailures',
      "Add FunctionResponseTypes: ['ReportBatchItemFailures'] so Lambda retries from the failed record only.",
    ),
    {
      name: 'Stream mapping retry limit (MaximumRetryAttempts)',
      status: retries !== undefined && retries >= 0 && retries <= 10 ? 'pass' : 'fail',
      expected: '0 to 10',
      actual: !fromStream ? 'no mapping' : retries === undefined || retries < 0 ? 'unlimited' : String(retries),
      hint:
        retries !== undefined && retries >= 0 && retries <= 10
          ? undefined
          : 'Without a limit, a record that always fails blocks its shard until it expires after 24 hours.',
    },
    expectEqual(
      'Orders queue mapped to the notify function',
      fromQueue ? 'mapped' : 'not mapped',
      'mapped',
      `CreateEventSourceMappingCommand with FunctionName ${id}-notify and the orders queue's ARN.`,
    ),
    expectEqual(
      'Queue mapping reports partial batch failures',
      responseTypes(fromQueue),
      'ReportBatchItemFailures',
      'Without it, one poison message makes the whole batch of good orders run again.',
    ),
  ]
  return [...inStep(2, all.slice(0, 3)), ...inStep(3, all.slice(3, 6)), ...inStep(4, all.slice(6))]
}

/** Looks at every lab pipeline in the learner's account and reports on the one that is furthest along. */
export default async function check() {
  const ddb = new DynamoDBClient({})
  const { TableNames = [] } = await ddb.send(new ListTablesCommand({}))
  const ids = TableNames.filter((n) => n.startsWith(PREFIX))
  const found: Expectation = {
    step: 1,
    name: 'Pipeline table from the starter code',
    status: ids.length ? 'pass' : 'fail',
    expected: `a table named ${PREFIX}…`,
    actual: ids.length ? ids.join(', ') : 'none',
    hint: ids.length ? undefined : 'Run your code first: the starter creates the table and the two functions.',
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
