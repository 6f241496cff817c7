import {
  CreateTableCommand,
  DynamoDBClient,
  PutItemCommand,
  ScanCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
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

// All three writes succeed together or none of them happens. Any failed condition cancels the whole transaction.
async function transfer(transferId: string, from: string, to: string, amount: number) {
  const value = { ':amount': { N: String(amount) } }
  try {
    await ddb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            // Step 3: a transfer id can be recorded once only, so a replayed request cancels itself.
            Put: {
              TableName: Ledger,
              Item: { transferId: { S: transferId }, from: { S: from }, to: { S: to }, amount: { N: String(amount) } },
              ConditionExpression: 'attribute_not_exists(transferId)',
            },
          },
          {
            // Step 2: the payer must be able to cover the amount.
            Update: {
              TableName: Accounts,
              Key: { accountId: { S: from } },
              UpdateExpression: 'SET balance = balance - :amount',
              ConditionExpression: 'balance >= :amount',
              ExpressionAttributeValues: value,
            },
          },
          {
            // never create an account by crediting a name that does not exist
            Update: {
              TableName: Accounts,
              Key: { accountId: { S: to } },
              UpdateExpression: 'SET balance = balance + :amount',
              ConditionExpression: 'attribute_exists(accountId)',
              ExpressionAttributeValues: value,
            },
          },
        ],
      }),
    )
    console.log(transferId, 'done')
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error
    // one reason per action, in order: "None" for the actions that were fine
    const reasons = (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None')
    console.log(transferId, 'cancelled, nothing was written:', reasons.join(', '))
  }
}

await transfer('t-1', 'alice', 'bob', 30)
await transfer('t-2', 'bob', 'alice', 500) // bob cannot cover this
await transfer('t-1', 'alice', 'bob', 30) // a client retrying t-1 after a timeout

const { Items = [] } = await ddb.send(new ScanCommand({ TableName: Accounts }))
console.log('balances:', Items.map((i) => `${i.accountId?.S} ${i.balance?.N}`).join(', '))
