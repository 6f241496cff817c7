import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam'
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs'

const sqs = new SQSClient({})
const iam = new IAMClient({})
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

// TODO (step 2): create the schedule group named `id`, with a tag.

// TODO (step 3): in that group, create the schedule 'nightly-report': cron at 02:00 every day in Europe/Berlin, a
//                flexible time window of up to 60 minutes, and the jobs queue as target (with roleArn).

// TODO (step 4): in that group, create the one-time schedule 'trial-ends': at() a moment in the future, no flexible
//                window, deleted after it has run.
