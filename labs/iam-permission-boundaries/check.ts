import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
} from '@aws-sdk/client-iam'
import {
  expectAtLeast,
  expectEqual,
  expectTrue,
  inStep,
  resultOf,
  type CheckContext,
  type Expectation,
} from '../check-kit'
import { decide, parsePolicy, type PolicyDocument } from '../policy-eval'

const PREFIX = 'pblab-'

async function managedDocument(iam: IAMClient, PolicyArn: string): Promise<PolicyDocument | undefined> {
  try {
    const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn }))
    const { PolicyVersion } = await iam.send(
      new GetPolicyVersionCommand({ PolicyArn, VersionId: Policy?.DefaultVersionId ?? 'v1' }),
    )
    return parsePolicy(PolicyVersion?.Document)
  } catch {
    return undefined
  }
}

/** The role's identity-based policies: inline ones and attached managed ones. */
async function identityPolicies(iam: IAMClient, RoleName: string): Promise<PolicyDocument[]> {
  const docs: (PolicyDocument | undefined)[] = []
  const { PolicyNames = [] } = await iam.send(new ListRolePoliciesCommand({ RoleName }))
  for (const PolicyName of PolicyNames) {
    docs.push(parsePolicy((await iam.send(new GetRolePolicyCommand({ RoleName, PolicyName }))).PolicyDocument))
  }
  const { AttachedPolicies = [] } = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName }))
  for (const { PolicyArn } of AttachedPolicies) docs.push(await managedDocument(iam, PolicyArn ?? ''))
  return docs.filter((d): d is PolicyDocument => d !== undefined)
}

const short = (decision: string) =>
  decision === 'allowed' ? 'allows' : decision === 'explicit deny' ? 'denies' : 'silent'

async function inspect(iam: IAMClient, id: string): Promise<Expectation[]> {
  const RoleName = `${id}-app`
  const { Role } = await iam.send(new GetRoleCommand({ RoleName }))
  const account = Role?.Arn?.split(':')[4] ?? ''
  const boundaryArn = `arn:aws:iam::${account}:policy/${id}-boundary`
  const boundaryDoc = await managedDocument(iam, boundaryArn)
  const attachedBoundary = Role?.PermissionsBoundary?.PermissionsBoundaryArn
  // what actually limits the role is whatever boundary is attached to it, if any
  const limit = attachedBoundary ? await managedDocument(iam, attachedBoundary) : undefined
  const identity = await identityPolicies(iam, RoleName)
  const bucket = `arn:aws:s3:::${id}-data`

  const boundaryAllows = (action: string, resource: string) =>
    boundaryDoc ? (decide([boundaryDoc], action, resource) === 'allowed' ? 'yes' : 'no') : 'no such policy'
  const effective = (name: string, action: string, resource: string, allowed: boolean, hint: string) => {
    const byIdentity = decide(identity, action, resource)
    const byBoundary = attachedBoundary ? decide([limit], action, resource) : 'allowed'
    const result = byIdentity === 'allowed' && byBoundary === 'allowed' ? 'allowed' : 'denied'
    const why = `identity policy ${short(byIdentity)}, ${attachedBoundary ? `boundary ${short(byBoundary)}` : 'no boundary'}`
    return expectTrue(name, (result === 'allowed') === allowed, {
      expected: allowed ? 'allowed' : 'denied',
      actual: `${result} (${why})`,
      hint,
    })
  }

  return [
    ...inStep(1, [
      expectEqual(
        'The boundary policy allows s3:PutObject in the data bucket',
        boundaryAllows('s3:PutObject', `${bucket}/report.csv`),
        'yes',
        `CreatePolicyCommand with PolicyName "${id}-boundary" allowing s3:GetObject and s3:PutObject on ${bucket}/*.`,
      ),
      expectEqual(
        'The boundary policy allows iam:CreateUser',
        boundaryAllows('iam:CreateUser', '*'),
        boundaryDoc ? 'no' : 'no — create the policy first',
        'The boundary is the ceiling for the team: it should not contain any IAM action.',
      ),
    ]),
    ...inStep(2, [
      expectEqual(
        'Permissions boundary of the role',
        attachedBoundary ?? 'none',
        boundaryArn,
        'PutRolePermissionsBoundaryCommand with the RoleName and PermissionsBoundary set to the boundary policy ARN.',
      ),
    ]),
    ...inStep(3, [
      effective(
        'Effective: s3:PutObject on the data bucket',
        's3:PutObject',
        `${bucket}/report.csv`,
        true,
        'Both layers must allow it: the identity policy (s3:*) and the boundary.',
      ),
      effective(
        'Effective: s3:DeleteBucket on the data bucket',
        's3:DeleteBucket',
        bucket,
        false,
        's3:* in the identity policy allows it; only a boundary without s3:DeleteBucket stops it.',
      ),
      effective(
        'Effective: iam:CreateUser',
        'iam:CreateUser',
        '*',
        false,
        'iam:* is allowed by the identity policy: the boundary must leave IAM out.',
      ),
      effective(
        'Effective: logs:PutLogEvents',
        'logs:PutLogEvents',
        '*',
        true,
        'A boundary grants nothing by itself: the identity policy must allow the log actions as well.',
      ),
    ]),
  ]
}

/** Looks at every lab role in the learner's account and reports on the one that is furthest along. */
export default async function check({ calls }: CheckContext) {
  const iam = new IAMClient({})
  const { Roles = [] } = await iam.send(new ListRolesCommand({}))
  const roles = Roles.filter((r) => r.RoleName?.startsWith(PREFIX) && r.RoleName.endsWith('-app'))
  const found: Expectation = {
    step: 1,
    name: 'Lab role exists',
    status: roles.length ? 'pass' : 'fail',
    expected: `a role named ${PREFIX}…-app`,
    actual: roles.length ? roles.map((r) => r.RoleName).join(', ') : 'none',
    hint: roles.length ? undefined : 'Run your code first: the starter creates the role.',
  }
  if (!roles.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const role of roles) {
    const expectations = await inspect(iam, (role.RoleName ?? '').replace(/-app$/, ''))
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  // The simulator leaves no trace in the account; the last Run's call timeline shows whether the code asked it.
  const simulated = (operation: string) => calls.filter((c) => c.operation === operation && c.ok).length
  return resultOf([
    found,
    ...best,
    ...inStep(4, [
      expectAtLeast(
        "SimulatePrincipalPolicy calls in your last run (the role's own policies)",
        simulated('SimulatePrincipalPolicy'),
        1,
        'SimulatePrincipalPolicyCommand with PolicySourceArn: the role ARN, ActionNames and ResourceArns.',
      ),
      expectAtLeast(
        'SimulateCustomPolicy calls in your last run (the boundary document)',
        simulated('SimulateCustomPolicy'),
        1,
        'SimulateCustomPolicyCommand with PolicyInputList: [the boundary document], ActionNames and ResourceArns.',
      ),
    ]),
  ])
}
