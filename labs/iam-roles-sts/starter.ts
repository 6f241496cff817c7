import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'

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
    // TODO (step 1): this trust policy lets the Lambda service assume the role; an auditor is a person in this
    //                account, so name your account (arn:aws:iam::<account>:root) as the principal instead
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  }),
)
console.log('created', Role?.Arn)

// TODO (step 2): give the role read-only access to IAM (iam:Get*, iam:List*) with an inline policy
// TODO (step 3): assume the role with STS for 15 minutes and look at the temporary credentials
// TODO (step 4): build clients from those credentials and ask STS who you are now
