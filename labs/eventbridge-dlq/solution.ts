import {
  CreateEventBusCommand,
  EventBridgeClient,
  ListTargetsByRuleCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge'
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'

const eb = new EventBridgeClient({})
const sqs = new SQSClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const id = `ebdlq-${Date.now()}`
const EventBusName = id
const Rule = `${id}-invoices`

// Step 1: the billing bus, the invoices queue and the rule that feeds it
await eb.send(new CreateEventBusCommand({ Name: EventBusName }))
const { RuleArn = '' } = await eb.send(
  new PutRuleCommand({ Name: Rule, EventBusName, EventPattern: JSON.stringify({ 'detail-type': ['InvoiceCreated'] }) }),
)

async function queueArn(QueueUrl: string) {
  const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))
  return Attributes.QueueArn ?? ''
}
const { QueueUrl: invoicesUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: `${id}-invoices` }))
const invoicesArn = await queueArn(invoicesUrl)
const invoicesPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: invoicesArn,
      Condition: { ArnEquals: { 'aws:SourceArn': RuleArn } },
    },
  ],
}
await sqs.send(
  new SetQueueAttributesCommand({ QueueUrl: invoicesUrl, Attributes: { Policy: JSON.stringify(invoicesPolicy) } }),
)

// The target as most tutorials leave it: default retries (24 hours, 185 attempts), then the event is dropped.
await eb.send(new PutTargetsCommand({ Rule, EventBusName, Targets: [{ Id: 'invoices', Arn: invoicesArn }] }))
console.log('rule', RuleArn, '\ntarget', invoicesArn)

// Step 2: the DLQ keeps failed events for 14 days; only this rule may write to it
const { QueueUrl: dlqUrl = '' } = await sqs.send(
  new CreateQueueCommand({ QueueName: `${id}-dlq`, Attributes: { MessageRetentionPeriod: '1209600' } }),
)
const dlqArn = await queueArn(dlqUrl)
const dlqPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'EventBridgeDeadLetters',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: dlqArn,
      Condition: { ArnEquals: { 'aws:SourceArn': RuleArn } },
    },
  ],
}
await sqs.send(new SetQueueAttributesCommand({ QueueUrl: dlqUrl, Attributes: { Policy: JSON.stringify(dlqPolicy) } }))

// Step 3: same target id, now with a DLQ and a retry policy that gives up within the hour
await eb.send(
  new PutTargetsCommand({
    Rule,
    EventBusName,
    Targets: [
      {
        Id: 'invoices',
        Arn: invoicesArn,
        DeadLetterConfig: { Arn: dlqArn },
        RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 3600 },
      },
    ],
  }),
)
const { Targets = [] } = await eb.send(new ListTargetsByRuleCommand({ Rule, EventBusName }))
for (const t of Targets)
  console.log(t.Id, '->', t.Arn, '\n  DLQ', t.DeadLetterConfig?.Arn, '\n  retries', t.RetryPolicy)
