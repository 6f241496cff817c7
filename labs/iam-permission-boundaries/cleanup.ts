import {
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
} from '@aws-sdk/client-iam'

// Reset: remove every lab role (names start with pblab-) with its boundary and policies, then the lab's managed
// policies, which can only be deleted once nothing uses them.
const PREFIX = 'pblab-'
const iam = new IAMClient({})
const { Roles = [] } = await iam.send(new ListRolesCommand({}))
for (const { RoleName } of Roles.filter((r) => r.RoleName?.startsWith(PREFIX))) {
  const { Role } = await iam.send(new GetRoleCommand({ RoleName }))
  if (Role?.PermissionsBoundary) await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName }))
  const { PolicyNames = [] } = await iam.send(new ListRolePoliciesCommand({ RoleName }))
  for (const PolicyName of PolicyNames) await iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName }))
  const { AttachedPolicies = [] } = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName }))
  for (const { PolicyArn } of AttachedPolicies) await iam.send(new DetachRolePolicyCommand({ RoleName, PolicyArn }))
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
