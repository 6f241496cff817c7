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
import { expectEqual, expectTrue, inStep, resultOf, type CheckContext, type Expectation } from '../check-kit'
import { decide, parsePolicy, type PolicyDocument } from '../policy-eval'

const PREFIX = 'stslab-'

/** The role's permissions policies: inline ones and the default versions of attached managed ones. */
async function permissionPolicies(iam: IAMClient, RoleName: string): Promise<PolicyDocument[]> {
  const docs: (PolicyDocument | undefined)[] = []
  try {
    const { PolicyNames = [] } = await iam.send(new ListRolePoliciesCommand({ RoleName }))
    for (const PolicyName of PolicyNames) {
      docs.push(parsePolicy((await iam.send(new GetRolePolicyCommand({ RoleName, PolicyName }))).PolicyDocument))
    }
    const { AttachedPolicies = [] } = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName }))
    for (const { PolicyArn } of AttachedPolicies) {
      const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn }))
      const { PolicyVersion } = await iam.send(
        new GetPolicyVersionCommand({ PolicyArn, VersionId: Policy?.DefaultVersionId ?? 'v1' }),
      )
      docs.push(parsePolicy(PolicyVersion?.Document))
    }
  } catch {
    // a policy that cannot be read grants nothing the check can see
  }
  return docs.filter((d): d is PolicyDocument => d !== undefined)
}

const yesNo = (decision: string) => (decision === 'allowed' ? 'yes' : `no (${decision})`)

async function inspect(iam: IAMClient, RoleName: string): Promise<Expectation[]> {
  const { Role } = await iam.send(new GetRoleCommand({ RoleName }))
  const roleArn = Role?.Arn ?? ''
  const account = roleArn.split(':')[4] ?? ''
  const trust = parsePolicy(Role?.AssumeRolePolicyDocument)
  const policies = await permissionPolicies(iam, RoleName)
  const may = (action: string) => (policies.length ? yesNo(decide(policies, action, '*')) : 'no permissions policy')
  return [
    ...inStep(1, [
      expectEqual(
        "Your account's root principal may assume the role",
        yesNo(decide([trust], 'sts:AssumeRole', roleArn, `arn:aws:iam::${account}:root`)),
        'yes',
        `The trust policy needs Principal: { AWS: "arn:aws:iam::${account}:root" } and Action: "sts:AssumeRole".`,
      ),
      expectEqual(
        'The Lambda service may assume the role',
        yesNo(decide([trust], 'sts:AssumeRole', roleArn, 'lambda.amazonaws.com')),
        'no (implicit deny)',
        'An auditor role is for people: trust only the principals that need it, not lambda.amazonaws.com.',
      ),
    ]),
    ...inStep(2, [
      expectEqual(
        'A session of the role may call iam:ListRoles',
        may('iam:ListRoles'),
        'yes',
        'Add a permissions policy to the role, e.g. PutRolePolicyCommand allowing iam:Get* and iam:List* on "*".',
      ),
      expectEqual(
        'A session of the role may call iam:DeleteRole',
        may('iam:DeleteRole'),
        policies.length ? 'no (implicit deny)' : 'no (implicit deny) — add the read-only policy first',
        'An auditor only reads: allow Get and List actions, not iam:*.',
      ),
    ]),
  ]
}

/** Looks at every lab role in the learner's account and reports on the one that is furthest along. */
export default async function check({ calls }: CheckContext) {
  const iam = new IAMClient({})
  const { Roles = [] } = await iam.send(new ListRolesCommand({}))
  const roles = Roles.filter((r) => r.RoleName?.startsWith(PREFIX) && r.RoleName.endsWith('-auditor'))
  const found: Expectation = {
    step: 1,
    name: 'Lab role exists',
    status: roles.length ? 'pass' : 'fail',
    expected: `a role named ${PREFIX}…-auditor`,
    actual: roles.length ? roles.map((r) => r.RoleName).join(', ') : 'none',
    hint: roles.length ? undefined : 'Run your code first: the starter creates the role.',
  }
  if (!roles.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const role of roles) {
    const expectations = await inspect(iam, role.RoleName ?? '')
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  // A role session leaves nothing behind in the account: the last Run's call timeline is where it shows.
  const assumed = calls.findIndex(
    (c) => c.operation === 'AssumeRole' && c.ok && /:role\/stslab-[^/]*-auditor$/.test(c.params?.RoleArn ?? ''),
  )
  const whoAmI = calls.findIndex((c, i) => i > assumed && assumed !== -1 && c.operation === 'GetCallerIdentity' && c.ok)
  const norun = 'no calls recorded (run your code, then check)'
  return resultOf([
    found,
    ...best,
    ...inStep(3, [
      expectTrue('AssumeRole of the auditor role in your last run', assumed !== -1, {
        expected: 'a successful AssumeRole with the RoleArn of a stslab-…-auditor role',
        actual: !calls.length
          ? norun
          : assumed === -1
            ? 'no successful AssumeRole of the lab role'
            : `call ${assumed + 1}`,
        hint: "sts.send(new AssumeRoleCommand({ RoleArn: Role.Arn, RoleSessionName: 'audit', DurationSeconds: 900 }))",
      }),
    ]),
    ...inStep(4, [
      expectTrue('GetCallerIdentity after AssumeRole in your last run', whoAmI !== -1, {
        expected: 'GetCallerIdentity called after the AssumeRole',
        actual: !calls.length
          ? norun
          : assumed === -1
            ? 'no AssumeRole yet'
            : whoAmI === -1
              ? 'not called after AssumeRole'
              : `call ${whoAmI + 1}`,
        hint: 'Build new STSClient({ credentials: { accessKeyId, secretAccessKey, sessionToken } }) from the result and call GetCallerIdentityCommand.',
      }),
    ]),
  ])
}
