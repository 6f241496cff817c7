import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam'
import {
  CreateScheduleCommand,
  CreateScheduleGroupCommand,
  GetScheduleCommand,
  SchedulerClient,
} from '@aws-sdk/client-scheduler'
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs'

const sqs = new SQSClient({})
const iam = new IAMClient({})
const scheduler = new SchedulerClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const id = `ebsched-${Date.now()}`

// Step 1: the queue a worker drains, and the role Scheduler assumes to send to it
const { QueueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: `${id}-jobs` }))
const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))
const queueArn = Attributes.QueueArn ?? ''

const RoleName = `${id}-scheduler`
const { Role } = await iam.send(
  new CreateRoleCommand({
    RoleName,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'scheduler.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  }),
)
await iam.send(
  new PutRolePolicyCommand({
    RoleName,
    PolicyName: 'send-jobs',
    PolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: queueArn }],
    }),
  }),
)
const roleArn = Role?.Arn ?? ''
console.log('queue', queueArn, '\nrole', roleArn)

// Step 2: a group for the billing team's schedules
await scheduler.send(new CreateScheduleGroupCommand({ Name: id, Tags: [{ Key: 'team', Value: 'billing' }] }))

// Step 3: every night at 02:00 Berlin time, started anywhere within 15 minutes
await scheduler.send(
  new CreateScheduleCommand({
    Name: 'nightly-report',
    GroupName: id,
    ScheduleExpression: 'cron(0 2 * * ? *)',
    ScheduleExpressionTimezone: 'Europe/Berlin',
    FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 15 },
    Target: { Arn: queueArn, RoleArn: roleArn, Input: JSON.stringify({ job: 'nightly-report' }) },
  }),
)

// Step 4: once, 14 days from now, then the schedule removes itself
const in14Days = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 19)
await scheduler.send(
  new CreateScheduleCommand({
    Name: 'trial-ends',
    GroupName: id,
    ScheduleExpression: `at(${in14Days})`,
    ScheduleExpressionTimezone: 'Europe/Berlin',
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    Target: { Arn: queueArn, RoleArn: roleArn, Input: JSON.stringify({ job: 'trial-expiry-email', user: 'u-42' }) },
  }),
)

for (const Name of ['nightly-report', 'trial-ends']) {
  const s = await scheduler.send(new GetScheduleCommand({ Name, GroupName: id }))
  console.log(s.Name, s.ScheduleExpression, s.ScheduleExpressionTimezone, s.FlexibleTimeWindow, s.State)
}
