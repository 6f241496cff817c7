import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  IAMClient,
  ListRolePoliciesCommand,
  ListRolesCommand,
} from '@aws-sdk/client-iam'
import {
  DeleteScheduleCommand,
  DeleteScheduleGroupCommand,
  ListScheduleGroupsCommand,
  ListSchedulesCommand,
  SchedulerClient,
} from '@aws-sdk/client-scheduler'
import { DeleteQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs'

// Reset: remove every lab schedule group with its schedules, lab schedules that landed in the default group, and the
// lab's queues and roles.
const PREFIX = 'ebsched-'
const scheduler = new SchedulerClient({})
const sqs = new SQSClient({})
const iam = new IAMClient({})

const { ScheduleGroups = [] } = await scheduler.send(new ListScheduleGroupsCommand({ NamePrefix: PREFIX }))
const groups = ScheduleGroups.map((g) => g.Name ?? '').filter((n) => n.startsWith(PREFIX))
for (const GroupName of [...groups, 'default']) {
  const { Schedules = [] } = await scheduler.send(new ListSchedulesCommand({ GroupName }))
  for (const s of Schedules) {
    // in the default group, only the schedules that deliver to a lab queue
    if (GroupName === 'default' && !s.Target?.Arn?.includes(PREFIX)) continue
    await scheduler.send(new DeleteScheduleCommand({ GroupName, Name: s.Name }))
    console.log('removed schedule', `${GroupName}/${s.Name}`)
  }
  if (GroupName !== 'default') {
    await scheduler.send(new DeleteScheduleGroupCommand({ Name: GroupName }))
    console.log('removed schedule group', GroupName)
  }
}
const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: PREFIX }))
for (const QueueUrl of QueueUrls) {
  await sqs.send(new DeleteQueueCommand({ QueueUrl }))
  console.log('removed queue', QueueUrl)
}
const { Roles = [] } = await iam.send(new ListRolesCommand({}))
for (const { RoleName = '' } of Roles.filter((r) => r.RoleName?.startsWith(PREFIX))) {
  const { PolicyNames = [] } = await iam.send(new ListRolePoliciesCommand({ RoleName }))
  for (const PolicyName of PolicyNames) await iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName }))
  await iam.send(new DeleteRoleCommand({ RoleName }))
  console.log('removed role', RoleName)
}
