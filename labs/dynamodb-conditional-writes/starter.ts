import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb'

const ddb = new DynamoDBClient({})
// every lab table starts with condlab-, which is how the check and Reset find it
const TableName = `condlab-${Date.now()}`
await ddb.send(
  new CreateTableCommand({
    TableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  }),
)
await waitUntilTableExists({ client: ddb, maxWaitTime: 30 }, { TableName })
console.log('created', TableName)

// Two people try to register the same user name. The first one must keep it.
async function signUp(email: string) {
  await ddb.send(
    new PutItemCommand({
      TableName,
      Item: { pk: { S: 'user#alice' }, email: { S: email } },
      // TODO (step 1): write only if no item with this key exists yet
    }),
  )
  console.log('registered user#alice for', email)
}
await signUp('alice@example.com')
await signUp('mallory@example.com')

// A shared document carries a version number that every save increments.
await ddb.send(
  new PutItemCommand({
    TableName,
    Item: { pk: { S: 'doc#pricing' }, body: { S: 'Price list' }, version: { N: '1' } },
  }),
)
type Doc = { body: string; version: number }
async function load(): Promise<Doc> {
  const { Item } = await ddb.send(
    new GetItemCommand({ TableName, Key: { pk: { S: 'doc#pricing' } }, ConsistentRead: true }),
  )
  return { body: Item?.body?.S ?? '', version: Number(Item?.version?.N ?? 0) }
}
async function save(body: string, loaded: Doc) {
  await ddb.send(
    new UpdateItemCommand({
      TableName,
      Key: { pk: { S: 'doc#pricing' } },
      UpdateExpression: 'SET body = :body, version = :next',
      // TODO (step 2): save only if the stored version is still the one that was loaded
      ExpressionAttributeValues: { ':body': { S: body }, ':next': { N: String(loaded.version + 1) } },
    }),
  )
}

// Alice and Bob both open version 1, then both save their edit.
const alice = await load()
const bob = await load()
await save(`${alice.body}\n- Alice: add a student discount`, alice)
// TODO (step 3): when Bob's save is refused, load the document again and re-apply his edit
await save(`${bob.body}\n- Bob: fix the VAT rate`, bob)

const final = await load()
console.log(`version ${final.version}:\n${final.body}`)
