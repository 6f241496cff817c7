import { CreateRoleCommand, IAMClient, ListRolesCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam'
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'

const iam = new IAMClient({})
const sts = new STSClient({})
const me = await sts.send(new GetCallerIdentityCommand({}))
console.log('calling as', me.Arn)

// every lab role starts with stslab-, which is how the check and Reset find it
const id = `stslab-${Date.now()}`
const RoleName = `${id}-auditor`
const { Role } = await iam.send(
  new CreateRoleCommand({
    RoleName,
    Description: 'Read-only access for security audits',
    MaxSessionDuration: 3600,
    // Step 1: the trust policy answers "who may assume this role?". The account's root principal delegates the
    // decision to IAM: any user or role of this account whose own policies allow sts:AssumeRole on it.
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${me.Account}:root` }, Action: 'sts:AssumeRole' }],
    }),
  }),
)
console.log('created', Role?.Arn)

// Step 2: the permissions policy answers "what may a session of this role do?".
await iam.send(
  new PutRolePolicyCommand({
    RoleName,
    PolicyName: 'iam-read-only',
    PolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' }],
    }),
  }),
)

// Step 3: STS returns temporary credentials for a session of the role; the session name shows up in its ARN.
const { Credentials, AssumedRoleUser } = await sts.send(
  new AssumeRoleCommand({ RoleArn: Role?.Arn, RoleSessionName: 'audit-2026-12', DurationSeconds: 900 }),
)
if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey || !Credentials.SessionToken) {
  throw new Error('AssumeRole returned no credentials')
}
console.log('temporary key', Credentials.AccessKeyId, 'expires', Credentials.Expiration?.toISOString())

// Step 4: clients built from the temporary credentials act as the role session, not as you.
const credentials = {
  accessKeyId: Credentials.AccessKeyId,
  secretAccessKey: Credentials.SecretAccessKey,
  sessionToken: Credentials.SessionToken,
}
const who = await new STSClient({ credentials }).send(new GetCallerIdentityCommand({}))
console.log('now calling as', who.Arn, '| same as AssumedRoleUser:', who.Arn === AssumedRoleUser?.Arn)
const { Roles = [] } = await new IAMClient({ credentials }).send(new ListRolesCommand({}))
console.log('the auditor can list', Roles.length, 'roles')
