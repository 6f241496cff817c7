import {
  CreatePolicyCommand,
  CreateRoleCommand,
  IAMClient,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam'

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
  Statement: [
    { Effect: 'Allow', Action: ['s3:*', 'iam:*'], Resource: '*' },
    // Step 3: a boundary grants nothing by itself, so the identity policy must allow the log actions too.
    { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' },
  ],
}
await iam.send(
  new PutRolePolicyCommand({ RoleName, PolicyName: 'app-policy', PolicyDocument: JSON.stringify(identityPolicy) }),
)
console.log('created', Role?.Arn, 'for the data bucket', dataBucket)

// Step 1: the boundary is an ordinary managed policy; used as a boundary, it is the most the role may ever do.
const boundaryDocument = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::${dataBucket}/*` },
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${dataBucket}` },
    { Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' },
  ],
})
const { Policy: boundary } = await iam.send(
  new CreatePolicyCommand({ PolicyName: `${id}-boundary`, PolicyDocument: boundaryDocument }),
)

// Step 2: attach it as the boundary (not as a permissions policy).
await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName, PermissionsBoundary: boundary?.Arn }))
console.log('boundary', boundary?.Arn)

// Step 4: effective permissions = what the identity policies allow AND what the boundary allows. Evaluate each
// layer and combine them: the role's own policies with SimulatePrincipalPolicy, the boundary document with
// SimulateCustomPolicy (in AWS, SimulatePrincipalPolicy also applies the boundary; the emulator leaves it out).
const requests: [string, string][] = [
  ['s3:PutObject', `arn:aws:s3:::${dataBucket}/report.csv`],
  ['s3:DeleteBucket', `arn:aws:s3:::${dataBucket}`],
  ['iam:CreateUser', '*'],
  ['logs:PutLogEvents', '*'],
]
for (const [action, resource] of requests) {
  const identity = await iam.send(
    new SimulatePrincipalPolicyCommand({ PolicySourceArn: Role?.Arn, ActionNames: [action], ResourceArns: [resource] }),
  )
  const limit = await iam.send(
    new SimulateCustomPolicyCommand({
      PolicyInputList: [boundaryDocument],
      ActionNames: [action],
      ResourceArns: [resource],
    }),
  )
  const a = identity.EvaluationResults?.[0]?.EvalDecision ?? '?'
  const b = limit.EvaluationResults?.[0]?.EvalDecision ?? '?'
  const effective = a === 'allowed' && b === 'allowed' ? 'ALLOWED' : 'denied'
  console.log(`${action.padEnd(18)} identity: ${a.padEnd(12)} boundary: ${b.padEnd(12)} → ${effective}`)
}
