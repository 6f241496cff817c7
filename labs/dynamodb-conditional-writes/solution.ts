import {
  ConditionalCheckFailedException,
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

// Step 1: the put succeeds only while no item has this key, so the first registration keeps the name.
async function signUp(email: string) {
  try {
    await ddb.send(
      new PutItemCommand({
        TableName,
        Item: { pk: { S: 'user#alice' }, email: { S: email } },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
    console.log('registered user#alice for', email)
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error
    console.log('user#alice is taken: refused', email)
  }
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
// Step 2: optimistic locking. The save names the version it started from; if someone saved in between, the
// stored version has moved on and DynamoDB refuses the write instead of silently overwriting their edit.
async function save(body: string, loaded: Doc) {
  await ddb.send(
    new UpdateItemCommand({
      TableName,
      Key: { pk: { S: 'doc#pricing' } },
      UpdateExpression: 'SET body = :body, version = :next',
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: {
        ':body': { S: body },
        ':next': { N: String(loaded.version + 1) },
        ':expected': { N: String(loaded.version) },
      },
    }),
  )
}

// Step 3: on a conflict, load the latest version and apply the edit again (a few times at most).
async function edit(line: string, loaded: Doc) {
  let doc = loaded
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      await save(`${doc.body}\n${line}`, doc)
      console.log(`saved "${line}" as version ${doc.version + 1}`)
      return
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error
      console.log(`version ${doc.version} is stale, reloading`)
      doc = await load()
    }
  }
  throw new Error(`gave up on "${line}" after 3 conflicts`)
}

// Alice and Bob both open version 1, then both save their edit.
const alice = await load()
const bob = await load()
await edit('- Alice: add a student discount', alice)
await edit('- Bob: fix the VAT rate', bob)

const final = await load()
console.log(`version ${final.version}:\n${final.body}`)
