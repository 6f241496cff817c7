import { DeleteTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'

// Reset: remove every lab table (names start with condlab-) from the learner's account.
const ddb = new DynamoDBClient({})
const { TableNames = [] } = await ddb.send(new ListTablesCommand({}))
for (const TableName of TableNames.filter((n) => n.startsWith('condlab-'))) {
  await ddb.send(new DeleteTableCommand({ TableName }))
  console.log('removed table', TableName)
}
