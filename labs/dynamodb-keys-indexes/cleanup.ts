import { DeleteTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'

// Reset: remove every lab table (names start with keyslab-) from the learner's account; indexes go with them.
const ddb = new DynamoDBClient({})
const { TableNames = [] } = await ddb.send(new ListTablesCommand({}))
for (const TableName of TableNames.filter((n) => n.startsWith('keyslab-'))) {
  await ddb.send(new DeleteTableCommand({ TableName }))
  console.log('removed table', TableName)
}
