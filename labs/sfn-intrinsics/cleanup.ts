import { DeleteRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam'
import { DeleteStateMachineCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn'

// Reset: remove every lab state machine and role (names start with sfnintr-).
const PREFIX = 'sfnintr-'
const sfn = new SFNClient({})
const iam = new IAMClient({})

const { stateMachines = [] } = await sfn.send(new ListStateMachinesCommand({}))
for (const { name, stateMachineArn } of stateMachines.filter((m) => m.name?.startsWith(PREFIX))) {
  await sfn.send(new DeleteStateMachineCommand({ stateMachineArn }))
  console.log('removed state machine', name)
}
const { Roles = [] } = await iam.send(new ListRolesCommand({}))
for (const { RoleName } of Roles.filter((r) => r.RoleName?.startsWith(PREFIX))) {
  await iam.send(new DeleteRoleCommand({ RoleName }))
  console.log('removed role', RoleName)
}
