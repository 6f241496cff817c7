import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam'

const iam = new IAMClient({})
// every lab resource starts with pblab-, which is how the check and Reset find them
const id = `pblab-${Date.now()}`
const RoleName = `${id}-app`
const dataBucket = `${id}-data`

// A team lead created this role for the team's function and, to save time, allowed everything in S3 and IAM.
const { Role } = await iam.send(
  new CreateRoleCommand({
    RoleName,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  }),
)
const identityPolicy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:*', 'iam:*'], Resource: '*' }],
}
await iam.send(
  new PutRolePolicyCommand({ RoleName, PolicyName: 'app-policy', PolicyDocument: JSON.stringify(identityPolicy) }),
)
console.log('created', Role?.Arn, 'for the data bucket', dataBucket)

// TODO (step 1): create the managed policy `${id}-boundary`: read and write objects in the data bucket, list
//                it, and write logs; nothing else
// TODO (step 2): make it the role's permissions boundary
// TODO (step 3): the function must also write logs (logs:CreateLogStream, logs:PutLogEvents): what is missing?
// TODO (step 4): confirm the effective permissions with the policy simulator
