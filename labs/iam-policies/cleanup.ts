import {
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
} from '@aws-sdk/client-iam'
import {
  DeleteBucketCommand,
  DeleteBucketPolicyCommand,
  DeleteObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3'

// Reset: remove every lab resource (names start with polab-): roles after detaching their policies, then the
// policies, then the buckets with their objects and bucket policies.
const PREFIX = 'polab-'
const iam = new IAMClient({})
const s3 = new S3Client({})

const { Roles = [] } = await iam.send(new ListRolesCommand({}))
for (const { RoleName } of Roles.filter((r) => r.RoleName?.startsWith(PREFIX))) {
  const { AttachedPolicies = [] } = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName }))
  for (const { PolicyArn } of AttachedPolicies) await iam.send(new DetachRolePolicyCommand({ RoleName, PolicyArn }))
  const { PolicyNames = [] } = await iam.send(new ListRolePoliciesCommand({ RoleName }))
  for (const PolicyName of PolicyNames) await iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName }))
  await iam.send(new DeleteRoleCommand({ RoleName }))
  console.log('removed role', RoleName)
}
const { Policies = [] } = await iam.send(new ListPoliciesCommand({ Scope: 'Local' }))
for (const { PolicyName, Arn: PolicyArn } of Policies.filter((p) => p.PolicyName?.startsWith(PREFIX))) {
  const { Versions = [] } = await iam.send(new ListPolicyVersionsCommand({ PolicyArn }))
  for (const { VersionId } of Versions.filter((v) => !v.IsDefaultVersion)) {
    await iam.send(new DeletePolicyVersionCommand({ PolicyArn, VersionId }))
  }
  await iam.send(new DeletePolicyCommand({ PolicyArn }))
  console.log('removed policy', PolicyName)
}
const { Buckets = [] } = await s3.send(new ListBucketsCommand({}))
for (const { Name: Bucket } of Buckets.filter((b) => b.Name?.startsWith(PREFIX))) {
  const { Contents = [] } = await s3.send(new ListObjectsV2Command({ Bucket }))
  for (const { Key } of Contents) await s3.send(new DeleteObjectCommand({ Bucket, Key }))
  await s3.send(new DeleteBucketPolicyCommand({ Bucket }))
  await s3.send(new DeleteBucketCommand({ Bucket }))
  console.log('removed bucket', Bucket)
}
