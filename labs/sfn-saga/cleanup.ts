import { DeleteTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  IAMClient,
  ListRolePoliciesCommand,
  ListRolesCommand,
} from '@aws-sdk/client-iam'
import { DeleteStateMachineCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn'

// Reset: remove every lab state machine, table and role (names start with sfnsaga-).
const PREFIX = 'sfnsaga-'
const sfn = new SFNClient({})
const ddb = new DynamoDBClient({})
const iam = new IAMClient({})

const { stateMachines = [] } = await sfn.send(new ListStateMachinesCommand({}))
for (const { name, stateMachineArn } of stateMachines.filter((m) => m.name?.startsWith(PREFIX))) {
  await sfn.send(new DeleteStateMachineCommand({ stateMachineArn }))
  console.log('removed state machine', name)
}
const { TableNames = [] } = await ddb.send(new ListTablesCommand({}))
for (const TableName of TableNames.filter((n) => n.startsWith(PREFIX))) {
  await ddb.send(new DeleteTableCommand({ TableName }))
  console.log('removed table', TableName)
}
const { Roles = [] } = await iam.send(new ListRolesCommand({}))
for (const { RoleName = '' } of Roles.filter((r) => r.RoleName?.startsWith(PREFIX))) {
  const { PolicyNames = [] } = await iam.send(new ListRolePoliciesCommand({ RoleName }))
  for (const PolicyName of PolicyNames) await iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName }))
  await iam.send(new DeleteRoleCommand({ RoleName }))
  console.log('removed role', RoleName)
}
