import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolesCommand,
} from '@aws-sdk/client-iam'
import { GetBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3'
import { expectEqual, inStep, resultOf, type Expectation } from '../check-kit'
import { decide, parsePolicy, statements, type PolicyDocument } from '../policy-eval'

const PREFIX = 'polab-'
const PARTNER = 'arn:aws:iam::111122223333:root'

async function managedPolicy(iam: IAMClient, PolicyArn: string): Promise<PolicyDocument | undefined> {
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

async function bucketPolicy(s3: S3Client, Bucket: string): Promise<PolicyDocument | undefined> {
  try {
    return parsePolicy((await s3.send(new GetBucketPolicyCommand({ Bucket }))).Policy)
  } catch {
    return undefined
  }
}

const yesNo = (decision: string) => (decision === 'allowed' ? 'yes' : `no (${decision})`)

/** Everything the learner sets up for one lab run whose role is `${id}-reporting` and bucket is `id`. */
async function inspect(iam: IAMClient, s3: S3Client, id: string, roleArn: string): Promise<Expectation[]> {
  const account = roleArn.split(':')[4] ?? ''
  const policyName = `${id}-read-reports`
  const identity = await managedPolicy(iam, `arn:aws:iam::${account}:policy/${policyName}`)
  let attached: string[] = []
  try {
    const { AttachedPolicies = [] } = await iam.send(
      new ListAttachedRolePoliciesCommand({ RoleName: `${id}-reporting` }),
    )
    attached = AttachedPolicies.map((p) => p.PolicyName ?? '?')
  } catch {
    attached = []
  }
  const onBucket = await bucketPolicy(s3, id)
  const object = (key: string) => `arn:aws:s3:::${id}/${key}`
  const identityAnswer = (action: string, resource: string) =>
    identity ? yesNo(decide([identity], action, resource)) : 'no such policy'
  const bucketAnswer = (action: string, resource: string, principal: string) =>
    onBucket ? yesNo(decide([onBucket], action, resource, principal)) : 'no bucket policy'
  const principals = statements(identity).filter((s) => s.Principal !== undefined).length

  return [
    ...inStep(1, [
      expectEqual(
        'The read-reports policy allows s3:GetObject on reports/2026-11.csv',
        identityAnswer('s3:GetObject', object('reports/2026-11.csv')),
        'yes',
        `CreatePolicyCommand with PolicyName "${policyName}" and an Allow of s3:GetObject on arn:aws:s3:::${id}/reports/*.`,
      ),
      expectEqual(
        'The read-reports policy allows s3:ListBucket on the bucket',
        identityAnswer('s3:ListBucket', `arn:aws:s3:::${id}`),
        'yes',
        `ListBucket acts on the bucket, so its Resource is arn:aws:s3:::${id} (no /* at the end).`,
      ),
      expectEqual(
        'The read-reports policy allows s3:DeleteObject on reports/2026-11.csv',
        identityAnswer('s3:DeleteObject', object('reports/2026-11.csv')),
        identity ? 'no (implicit deny)' : 'no (implicit deny) — create the policy first',
        'Least privilege: name the read actions the function needs instead of s3:* or s3:Get* plus more.',
      ),
      expectEqual(
        'Statements with a Principal in the read-reports policy',
        identity ? String(principals) : 'no such policy',
        '0',
        'An identity-based policy never names a Principal: it applies to the user, group or role it is attached to.',
      ),
    ]),
    ...inStep(2, [
      expectEqual(
        'The read-reports policy is attached to the reporting role',
        attached.includes(policyName) ? 'attached' : attached.length ? `no (attached: ${attached.join(', ')})` : 'no',
        'attached',
        'AttachRolePolicyCommand with the RoleName and the PolicyArn that CreatePolicyCommand returned.',
      ),
    ]),
    ...inStep(3, [
      expectEqual(
        'Partner account 111122223333 may s3:GetObject exports/2026-11.csv',
        bucketAnswer('s3:GetObject', object('exports/2026-11.csv'), PARTNER),
        'yes',
        'PutBucketPolicyCommand with a statement whose Principal is { AWS: "arn:aws:iam::111122223333:root" }.',
      ),
      expectEqual(
        'Partner account 111122223333 may s3:GetObject reports/2026-11.csv',
        bucketAnswer('s3:GetObject', object('reports/2026-11.csv'), PARTNER),
        onBucket ? 'no (implicit deny)' : 'no (implicit deny) — add the bucket policy first',
        `Share only the exports: the Resource is arn:aws:s3:::${id}/exports/*, not the whole bucket.`,
      ),
      expectEqual(
        'Anyone at all (Principal "*") may s3:GetObject exports/2026-11.csv',
        bucketAnswer('s3:GetObject', object('exports/2026-11.csv'), '*'),
        onBucket ? 'no (implicit deny)' : 'no (implicit deny) — add the bucket policy first',
        'Principal "*" makes the objects public: name the partner account instead.',
      ),
    ]),
  ]
}

/** Looks at every lab run in the learner's account and reports on the one that is furthest along. */
export default async function check() {
  const iam = new IAMClient({})
  const s3 = new S3Client({})
  const { Roles = [] } = await iam.send(new ListRolesCommand({}))
  const roles = Roles.filter((r) => r.RoleName?.startsWith(PREFIX) && r.RoleName.endsWith('-reporting'))
  const found: Expectation = {
    step: 1,
    name: 'Lab role exists',
    status: roles.length ? 'pass' : 'fail',
    expected: `a role named ${PREFIX}…-reporting`,
    actual: roles.length ? roles.map((r) => r.RoleName).join(', ') : 'none',
    hint: roles.length ? undefined : 'Run your code first: the starter creates the role and the bucket.',
  }
  if (!roles.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const role of roles) {
    const id = (role.RoleName ?? '').replace(/-reporting$/, '')
    const expectations = await inspect(iam, s3, id, role.Arn ?? '')
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
