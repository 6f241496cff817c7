import { DeleteDeliveryStreamCommand, FirehoseClient, ListDeliveryStreamsCommand } from '@aws-sdk/client-firehose'
import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  IAMClient,
  ListRolePoliciesCommand,
  ListRolesCommand,
} from '@aws-sdk/client-iam'
import {
  DeleteBucketCommand,
  DeleteObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3'

// Reset: remove every lab delivery stream, bucket (objects first) and role (names start with fhlab-).
const PREFIX = 'fhlab-'
const firehose = new FirehoseClient({})
const s3 = new S3Client({})
const iam = new IAMClient({})

const { DeliveryStreamNames = [] } = await firehose.send(new ListDeliveryStreamsCommand({}))
for (const DeliveryStreamName of DeliveryStreamNames.filter((n) => n.startsWith(PREFIX))) {
  await firehose.send(new DeleteDeliveryStreamCommand({ DeliveryStreamName, AllowForceDelete: true }))
  console.log('removed delivery stream', DeliveryStreamName)
}
const { Buckets = [] } = await s3.send(new ListBucketsCommand({}))
for (const { Name: Bucket = '' } of Buckets.filter((b) => b.Name?.startsWith(PREFIX))) {
  for (;;) {
    const { Contents = [] } = await s3.send(new ListObjectsV2Command({ Bucket }))
    if (!Contents.length) break
    for (const { Key } of Contents) await s3.send(new DeleteObjectCommand({ Bucket, Key }))
  }
  await s3.send(new DeleteBucketCommand({ Bucket }))
  console.log('removed bucket', Bucket)
}
const { Roles = [] } = await iam.send(new ListRolesCommand({}))
for (const { RoleName = '' } of Roles.filter((r) => r.RoleName?.startsWith(PREFIX))) {
  const { PolicyNames = [] } = await iam.send(new ListRolePoliciesCommand({ RoleName }))
  for (const PolicyName of PolicyNames) await iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName }))
  await iam.send(new DeleteRoleCommand({ RoleName }))
  console.log('removed role', RoleName)
}
