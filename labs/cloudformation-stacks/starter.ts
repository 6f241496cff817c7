import { CloudFormationClient, CreateChangeSetCommand } from '@aws-sdk/client-cloudformation'

const cfn = new CloudFormationClient({})
// every lab stack starts with cfnlab-, which is how the check and the reset find them
const StackName = `cfnlab-${Date.now()}`
const ChangeSetName = 'initial'

// An SNS topic that fans out to an SQS queue. The queue policy lets the topic (and only the topic) deliver to it.
const template = {
  AWSTemplateFormatVersion: '2010-09-09',
  Description: 'Order events: a topic that delivers to a queue',
  // TODO (step 1): declare the parameter Env (String, allowed values dev and prod, default dev).
  Resources: {
    Inbox: { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 345600 } },
    // TODO (step 1): name the topic with Fn::Sub, using the stack name and Env.
    Orders: { Type: 'AWS::SNS::Topic' },
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
  // TODO (step 2): declare the outputs TopicArn, QueueUrl and QueueArn.
}

// A CREATE change set: the stack now exists in REVIEW_IN_PROGRESS, but none of its resources do.
// TODO (step 1): pass Env = prod in Parameters.
const { Id } = await cfn.send(
  new CreateChangeSetCommand({
    StackName,
    ChangeSetName,
    ChangeSetType: 'CREATE',
    TemplateBody: JSON.stringify(template),
  }),
)
console.log('change set', Id)

// TODO (step 3): wait for the change set, print its changes (DescribeChangeSetCommand), then execute it and wait
//                for CREATE_COMPLETE.

// TODO (step 4): read the outputs (DescribeStacksCommand), publish a message to TopicArn and receive it from
//                QueueUrl.
