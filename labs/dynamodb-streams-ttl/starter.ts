import {
  CreateTableCommand,
  DeleteItemCommand,
  DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb'

const ddb = new DynamoDBClient({})
// every lab table starts with streamlab-, which is how the check and Reset find it
const TableName = `streamlab-${Date.now()}`
await ddb.send(
  new CreateTableCommand({
    TableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'sessionId', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'sessionId', KeyType: 'HASH' }],
    // TODO (step 1): turn on the table's stream, with both the old and the new image of every change
  }),
)
await waitUntilTableExists({ client: ddb, maxWaitTime: 30 }, { TableName })
console.log('created', TableName)

// TODO (step 2): let DynamoDB delete expired sessions by itself (time to live on expiresAt)

// Sessions expire 30 minutes after their last use.
// TODO (step 2): check the unit TTL expects for expiresAt
const expiresIn = (minutes: number) => String(Date.now() + minutes * 60 * 1000)

await ddb.send(
  new PutItemCommand({
    TableName,
    Item: { sessionId: { S: 's-1' }, userId: { S: 'alice' }, expiresAt: { N: expiresIn(30) } },
  }),
)
await ddb.send(
  new PutItemCommand({
    TableName,
    Item: { sessionId: { S: 's-2' }, userId: { S: 'bob' }, expiresAt: { N: expiresIn(30) } },
  }),
)
// alice is active again: her session is extended
await ddb.send(
  new UpdateItemCommand({
    TableName,
    Key: { sessionId: { S: 's-1' } },
    UpdateExpression: 'SET expiresAt = :later',
    ExpressionAttributeValues: { ':later': { N: expiresIn(60) } },
  }),
)
// bob logs out
await ddb.send(new DeleteItemCommand({ TableName, Key: { sessionId: { S: 's-2' } } }))
console.log('wrote two sessions, extended one and deleted the other')

// TODO (step 3): read the change records from the table's stream with @aws-sdk/client-dynamodb-streams
