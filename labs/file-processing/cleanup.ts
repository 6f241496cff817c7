import { DeleteTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { DeleteRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam'
import { DeleteFunctionCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda'
import {
  DeleteBucketCommand,
  DeleteObjectCommand,
  ListBucketsCommand,
  ListObjectVersionsCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { DeleteStateMachineCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn'
import { DeleteTopicCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns'
import { DeleteQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs'

// Reset: remove every lab resource (names start with fplab-) from the learner's account: the workflow first, so no
// execution is left calling a deleted function, then the function, queues, topic, table, bucket and role.
const PREFIX = 'fplab-'
const sfn = new SFNClient({})
const lambda = new LambdaClient({})
const sqs = new SQSClient({})
const sns = new SNSClient({})
const ddb = new DynamoDBClient({})
const s3 = new S3Client({})
const iam = new IAMClient({})

const { stateMachines = [] } = await sfn.send(new ListStateMachinesCommand({}))
for (const { name, stateMachineArn } of stateMachines.filter((m) => m.name?.startsWith(PREFIX))) {
  await sfn.send(new DeleteStateMachineCommand({ stateMachineArn }))
  console.log('removed state machine', name)
}
const { Functions = [] } = await lambda.send(new ListFunctionsCommand({}))
for (const { FunctionName } of Functions.filter((f) => f.FunctionName?.startsWith(PREFIX))) {
  await lambda.send(new DeleteFunctionCommand({ FunctionName }))
  console.log('removed function', FunctionName)
}
const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: PREFIX }))
for (const QueueUrl of QueueUrls) {
  await sqs.send(new DeleteQueueCommand({ QueueUrl }))
  console.log('removed queue', QueueUrl)
}
const { Topics = [] } = await sns.send(new ListTopicsCommand({}))
for (const { TopicArn } of Topics.filter((t) => t.TopicArn?.split(':').pop()?.startsWith(PREFIX))) {
  await sns.send(new DeleteTopicCommand({ TopicArn }))
  console.log('removed topic', TopicArn)
}
const { TableNames = [] } = await ddb.send(new ListTablesCommand({}))
for (const TableName of TableNames.filter((n) => n.startsWith(PREFIX))) {
  await ddb.send(new DeleteTableCommand({ TableName }))
  console.log('removed table', TableName)
}
const { Buckets = [] } = await s3.send(new ListBucketsCommand({}))
for (const { Name: Bucket } of Buckets.filter((b) => b.Name?.startsWith(PREFIX))) {
  // a versioned bucket is empty only when every version and delete marker is gone
  const { Versions = [], DeleteMarkers = [] } = await s3.send(new ListObjectVersionsCommand({ Bucket }))
  for (const { Key, VersionId } of [...Versions, ...DeleteMarkers]) {
    await s3.send(new DeleteObjectCommand({ Bucket, Key, VersionId }))
  }
  await s3.send(new DeleteBucketCommand({ Bucket }))
  console.log('removed bucket', Bucket)
}
const { Roles = [] } = await iam.send(new ListRolesCommand({}))
for (const { RoleName } of Roles.filter((r) => r.RoleName?.startsWith(PREFIX))) {
  await iam.send(new DeleteRoleCommand({ RoleName }))
  console.log('removed role', RoleName)
}
