import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  waitUntilChangeSetCreateComplete,
  waitUntilStackCreateComplete,
} from '@aws-sdk/client-cloudformation'
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns'
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs'

const cfn = new CloudFormationClient({})
// every lab stack starts with cfnlab-, which is how the check and the reset find them
const StackName = `cfnlab-${Date.now()}`
const ChangeSetName = 'initial'

// An SNS topic that fans out to an SQS queue. The queue policy lets the topic (and only the topic) deliver to it.
const template = {
  AWSTemplateFormatVersion: '2010-09-09',
  Description: 'Order events: a topic that delivers to a queue',
  Parameters: {
    Env: { Type: 'String', AllowedValues: ['dev', 'prod'], Default: 'dev', Description: 'Which environment' },
  },
  Resources: {
    Inbox: { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 345600 } },
    Orders: { Type: 'AWS::SNS::Topic', Properties: { TopicName: { 'Fn::Sub': '${AWS::StackName}-${Env}-orders' } } },
    InboxSubscription: {
      Type: 'AWS::SNS::Subscription',
      Properties: { TopicArn: { Ref: 'Orders' }, Protocol: 'sqs', Endpoint: { 'Fn::GetAtt': ['Inbox', 'Arn'] } },
    },
    InboxPolicy: {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: {
        Queues: [{ Ref: 'Inbox' }],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'sns.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Resource: { 'Fn::GetAtt': ['Inbox', 'Arn'] },
              Condition: { ArnEquals: { 'aws:SourceArn': { Ref: 'Orders' } } },
            },
          ],
        },
      },
    },
  },
  Outputs: {
    TopicArn: { Description: 'Publish order events here', Value: { Ref: 'Orders' } },
    QueueUrl: { Description: 'Consumers read from here', Value: { Ref: 'Inbox' } },
    QueueArn: { Value: { 'Fn::GetAtt': ['Inbox', 'Arn'] } },
  },
}

// A CREATE change set: the stack now exists in REVIEW_IN_PROGRESS, but none of its resources do.
const { Id } = await cfn.send(
  new CreateChangeSetCommand({
    StackName,
    ChangeSetName,
    ChangeSetType: 'CREATE',
    TemplateBody: JSON.stringify(template),
    Parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }],
  }),
)
console.log('change set', Id)

// Review before anything happens.
const wait = { client: cfn, maxWaitTime: 8, minDelay: 1, maxDelay: 2 }
await waitUntilChangeSetCreateComplete(wait, { StackName, ChangeSetName })
const { Changes = [] } = await cfn.send(new DescribeChangeSetCommand({ StackName, ChangeSetName }))
for (const { ResourceChange: c } of Changes) {
  console.log('change:', c?.Action, c?.LogicalResourceId, c?.ResourceType, c?.Replacement ?? '')
}
await cfn.send(new ExecuteChangeSetCommand({ StackName, ChangeSetName }))
await waitUntilStackCreateComplete(wait, { StackName })

// Everything other code needs comes from the outputs.
const { Stacks = [] } = await cfn.send(new DescribeStacksCommand({ StackName }))
const output = (key: string) => Stacks[0]?.Outputs?.find((o) => o.OutputKey === key)?.OutputValue
console.log(
  Stacks[0]?.StackStatus,
  Stacks[0]?.Outputs?.map((o) => `${o.OutputKey}=${o.OutputValue}`),
)

await new SNSClient({}).send(new PublishCommand({ TopicArn: output('TopicArn'), Message: '{"orderId":"o-1001"}' }))
const { Messages = [] } = await new SQSClient({}).send(
  new ReceiveMessageCommand({ QueueUrl: output('QueueUrl'), WaitTimeSeconds: 2, VisibilityTimeout: 0 }),
)
console.log(
  'the queue received:',
  Messages.map((m) => JSON.parse(m.Body ?? '{}').Message),
)
