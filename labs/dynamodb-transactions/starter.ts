import {
  CreateTableCommand,
  DynamoDBClient,
  PutItemCommand,
  ScanCommand,
  UpdateItemCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb'

const ddb = new DynamoDBClient({})
// every lab table starts with txlab-, which is how the check and Reset find them
const id = `txlab-${Date.now()}`
const Accounts = `${id}-accounts`
const Ledger = `${id}-ledger`
for (const [TableName, key] of [
  [Accounts, 'accountId'],
  [Ledger, 'transferId'],
]) {
  await ddb.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: key, AttributeType: 'S' }],
      KeySchema: [{ AttributeName: key, KeyType: 'HASH' }],
    }),
  )
  await waitUntilTableExists({ client: ddb, maxWaitTime: 30 }, { TableName })
}
for (const [accountId, balance] of [
  ['alice', 100],
  ['bob', 20],
] as const) {
  await ddb.send(
    new PutItemCommand({ TableName: Accounts, Item: { accountId: { S: accountId }, balance: { N: String(balance) } } }),
  )
}
console.log('created', Accounts, 'and', Ledger)

// A transfer is three writes in two tables. Done one by one, a failure halfway leaves them inconsistent.
// TODO (step 1): send the three writes as the TransactItems of one TransactWriteItemsCommand
// TODO (step 2): keep the payer's condition (balance >= :amount) inside the transaction
// TODO (step 3): add a condition to the ledger Put so that a transfer id can be recorded only once
async function transfer(transferId: string, from: string, to: string, amount: number) {
  try {
    await ddb.send(
      new PutItemCommand({
        TableName: Ledger,
        Item: { transferId: { S: transferId }, from: { S: from }, to: { S: to }, amount: { N: String(amount) } },
      }),
    )
    await ddb.send(
      new UpdateItemCommand({
        TableName: Accounts,
        Key: { accountId: { S: to } },
        UpdateExpression: 'SET balance = balance + :amount',
        ExpressionAttributeValues: { ':amount': { N: String(amount) } },
      }),
    )
    await ddb.send(
      new UpdateItemCommand({
        TableName: Accounts,
        Key: { accountId: { S: from } },
        UpdateExpression: 'SET balance = balance - :amount',
        ConditionExpression: 'balance >= :amount',
        ExpressionAttributeValues: { ':amount': { N: String(amount) } },
      }),
    )
    console.log(transferId, 'done')
  } catch (error) {
    console.log(transferId, 'failed halfway:', error instanceof Error ? error.name : error)
  }
}

await transfer('t-1', 'alice', 'bob', 30)
await transfer('t-2', 'bob', 'alice', 500) // bob cannot cover this
await transfer('t-1', 'alice', 'bob', 30) // a client retrying t-1 after a timeout

const { Items = [] } = await ddb.send(new ScanCommand({ TableName: Accounts }))
console.log('balances:', Items.map((i) => `${i.accountId?.S} ${i.balance?.N}`).join(', '))
