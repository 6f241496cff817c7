import {
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  QueryCommand,
  ScanCommand,
  type AttributeDefinition,
  type KeySchemaElement,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb'
import { expectAtLeast, expectEqual, inStep, resultOf, type CheckContext, type Expectation } from '../check-kit'

const PREFIX = 'keyslab-'

/** "partition customerId (S), sort orderDate (S)": a key schema with the types its attributes are declared with. */
function keyText(schema: KeySchemaElement[] | undefined, attributes: AttributeDefinition[]): string {
  if (!schema?.length) return 'none'
  const typeOf = (name?: string) => attributes.find((a) => a.AttributeName === name)?.AttributeType ?? '?'
  const part = (kind: 'HASH' | 'RANGE', label: string) => {
    const element = schema.find((k) => k.KeyType === kind)
    return element ? `${label} ${element.AttributeName} (${typeOf(element.AttributeName)})` : undefined
  }
  return [part('HASH', 'partition'), part('RANGE', 'sort')].filter(Boolean).join(', ')
}

/** How many items a query returns, or why it could not run (no such index, wrong key types). */
async function countOf(ddb: DynamoDBClient, input: QueryCommandInput): Promise<number | string> {
  try {
    const { Count = 0 } = await ddb.send(new QueryCommand({ ...input, Select: 'COUNT' }))
    return Count
  } catch (error) {
    return error instanceof Error ? `query failed: ${error.name}` : 'query failed'
  }
}

async function inspect(ddb: DynamoDBClient, TableName: string): Promise<Expectation[]> {
  const { Table } = await ddb.send(new DescribeTableCommand({ TableName }))
  const attributes = Table?.AttributeDefinitions ?? []
  const { Count: stored = 0 } = await ddb.send(new ScanCommand({ TableName, Select: 'COUNT' }))
  const gsi = Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === 'by-status')
  const lsi = Table?.LocalSecondaryIndexes?.find((i) => i.IndexName === 'by-amount')
  const names = (list?: { IndexName?: string }[]) =>
    list?.length ? `no by-status or by-amount (found ${list.map((i) => i.IndexName).join(', ')})` : 'no such index'

  const pending = gsi
    ? await countOf(ddb, {
        TableName,
        IndexName: 'by-status',
        KeyConditionExpression: '#s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': { S: 'PENDING' } },
      })
    : 'no index'
  const big = lsi
    ? await countOf(ddb, {
        TableName,
        IndexName: 'by-amount',
        KeyConditionExpression: 'customerId = :c AND amount >= :min',
        ExpressionAttributeValues: { ':c': { S: 'c-1' }, ':min': { N: '50' } },
      })
    : 'no index'
  const count = (name: string, actual: number | string, expected: number, hint: string): Expectation =>
    typeof actual === 'number'
      ? expectAtLeast(name, actual, expected, hint)
      : { name, status: 'fail', expected: `at least ${expected}`, actual, hint }

  return [
    ...inStep(1, [
      expectEqual(
        'Primary key of the table',
        keyText(Table?.KeySchema, attributes),
        'partition customerId (S), sort orderDate (S)',
        'Add { AttributeName: "orderDate", KeyType: "RANGE" } to KeySchema and declare orderDate (type S) in AttributeDefinitions.',
      ),
      expectAtLeast(
        'Orders stored in the table',
        stored,
        5,
        'With customerId alone as the key, every order of a customer replaces the one before: the key must tell them apart.',
      ),
    ]),
    ...inStep(2, [
      expectEqual(
        'Global secondary index by-status',
        gsi ? keyText(gsi.KeySchema, attributes) : names(Table?.GlobalSecondaryIndexes),
        'partition status (S), sort orderDate (S)',
        'Add GlobalSecondaryIndexes with IndexName "by-status", status as HASH, orderDate as RANGE and a Projection.',
      ),
      count(
        'PENDING orders found through by-status',
        pending,
        3,
        'Every order carries a status attribute, so once the index exists, the three pending orders appear in it.',
      ),
    ]),
    ...inStep(3, [
      expectEqual(
        'Local secondary index by-amount',
        lsi ? keyText(lsi.KeySchema, attributes) : names(Table?.LocalSecondaryIndexes),
        'partition customerId (S), sort amount (N)',
        'Add LocalSecondaryIndexes with IndexName "by-amount": the table\'s partition key customerId, amount (type N) as RANGE.',
      ),
      count(
        'Orders of c-1 worth 50 or more found through by-amount',
        big,
        2,
        'Declare amount as a number (N): as a string, "120" sorts before "50".',
      ),
    ]),
  ]
}

/** Looks at every lab table in the learner's account and reports on the one that is furthest along. */
export default async function check({ calls }: CheckContext) {
  const ddb = new DynamoDBClient({})
  const { TableNames = [] } = await ddb.send(new ListTablesCommand({}))
  const tables = TableNames.filter((n) => n.startsWith(PREFIX))
  const found: Expectation = {
    step: 1,
    name: 'Lab table exists',
    status: tables.length ? 'pass' : 'fail',
    expected: `a table named ${PREFIX}…`,
    actual: tables.length ? tables.join(', ') : 'none',
    hint: tables.length ? undefined : 'Run your code first: the starter creates the table.',
  }
  if (!tables.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const table of tables) {
    const expectations = await inspect(ddb, table)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  // Reading an index is a Query with IndexName; the timeline shows the Query calls of the learner's last Run.
  const queries = calls.filter((c) => c.operation === 'Query' && c.ok && c.params?.TableName?.startsWith(PREFIX))
  const reads = inStep(4, [
    expectAtLeast(
      'Successful Query calls on your lab table in your last run',
      queries.length,
      2,
      'Query each index once: IndexName "by-status" with a key condition on status, and "by-amount" for customer c-1.',
    ),
  ])
  return resultOf([found, ...best, ...reads])
}
