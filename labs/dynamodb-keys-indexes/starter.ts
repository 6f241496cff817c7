import {
  CreateTableCommand,
  DynamoDBClient,
  PutItemCommand,
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
    AttributeDefinitions: [{ AttributeName: 'customerId', AttributeType: 'S' }],
    // TODO (step 1): make orderDate the sort key (RANGE), so that one customer can have many orders
    KeySchema: [{ AttributeName: 'customerId', KeyType: 'HASH' }],
    // TODO (step 2): add the global secondary index by-status (partition key status, sort key orderDate)
    // TODO (step 3): add the local secondary index by-amount (sort key amount, a number); an LSI can only be
    //                created together with its table
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

// TODO (step 4): Query the by-status index for the PENDING orders, and the by-amount index for the orders of
//                customer c-1 worth 50 or more, largest first
