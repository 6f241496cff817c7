import {
  CreateTableCommand,
  DynamoDBClient,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb'

const ddb = new DynamoDBClient({})
// every lab table starts with keyslab-, which is how the check and Reset find it
const TableName = `keyslab-${Date.now()}`

await ddb.send(
  new CreateTableCommand({
    TableName,
    BillingMode: 'PAY_PER_REQUEST',
    // Only attributes that are part of a key (of the table or of an index) are declared here.
    AttributeDefinitions: [
      { AttributeName: 'customerId', AttributeType: 'S' },
      { AttributeName: 'orderDate', AttributeType: 'S' },
      { AttributeName: 'status', AttributeType: 'S' },
      { AttributeName: 'amount', AttributeType: 'N' },
    ],
    // Step 1: a composite key, so each customer's orders are stored together, sorted by date.
    KeySchema: [
      { AttributeName: 'customerId', KeyType: 'HASH' },
      { AttributeName: 'orderDate', KeyType: 'RANGE' },
    ],
    // Step 2: a different partition key answers a different question: "which orders are pending?"
    GlobalSecondaryIndexes: [
      {
        IndexName: 'by-status',
        KeySchema: [
          { AttributeName: 'status', KeyType: 'HASH' },
          { AttributeName: 'orderDate', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
    // Step 3: same partition key, another sort order: "the biggest orders of this customer".
    LocalSecondaryIndexes: [
      {
        IndexName: 'by-amount',
        KeySchema: [
          { AttributeName: 'customerId', KeyType: 'HASH' },
          { AttributeName: 'amount', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ],
  }),
)
await waitUntilTableExists({ client: ddb, maxWaitTime: 30 }, { TableName })
console.log('created', TableName)

const orders = [
  ['c-1', '2026-11-02', 'SHIPPED', 30],
  ['c-1', '2026-11-20', 'PENDING', 120],
  ['c-1', '2026-12-01', 'PENDING', 75],
  ['c-2', '2026-11-15', 'SHIPPED', 45],
  ['c-2', '2026-12-03', 'PENDING', 15],
] as const
for (const [customerId, orderDate, status, amount] of orders) {
  await ddb.send(
    new PutItemCommand({
      TableName,
      Item: {
        customerId: { S: customerId },
        orderDate: { S: orderDate },
        status: { S: status },
        amount: { N: String(amount) },
      },
    }),
  )
}

// A full-table count, only to show what the key did to the data (a real application would not scan).
const { Count } = await ddb.send(new ScanCommand({ TableName, Select: 'COUNT' }))
console.log(`wrote ${orders.length} orders; the table holds ${Count}`)

// Step 4: "status" is a reserved word, so the key condition names it through a placeholder.
const pending = await ddb.send(
  new QueryCommand({
    TableName,
    IndexName: 'by-status',
    KeyConditionExpression: '#s = :s',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':s': { S: 'PENDING' } },
  }),
)
console.log(
  'pending:',
  pending.Items?.map((i) => `${i.customerId?.S} ${i.orderDate?.S}`),
)

// An LSI can be read with strong consistency; ScanIndexForward: false returns the largest amounts first.
const big = await ddb.send(
  new QueryCommand({
    TableName,
    IndexName: 'by-amount',
    KeyConditionExpression: 'customerId = :c AND amount >= :min',
    ExpressionAttributeValues: { ':c': { S: 'c-1' }, ':min': { N: '50' } },
    ScanIndexForward: false,
    ConsistentRead: true,
  }),
)
console.log(
  'c-1, 50 or more:',
  big.Items?.map((i) => `${i.orderDate?.S} ${i.amount?.N}`),
)
