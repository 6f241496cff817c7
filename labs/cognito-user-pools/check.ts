import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  type ExplicitAuthFlowsType,
  type UserPoolDescriptionType,
} from '@aws-sdk/client-cognito-identity-provider'
import { expectEqual, expectTrue, inStep, resultOf, type CheckContext, type Expectation } from '../check-kit'

const PREFIX = 'cognitolab-'
const FLOWS: ExplicitAuthFlowsType[] = ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']

async function webClientFlows(cognito: CognitoIdentityProviderClient, UserPoolId: string) {
  const { UserPoolClients = [] } = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId, MaxResults: 60 }))
  const web = UserPoolClients.find((c) => c.ClientName === 'web')
  if (!web) return undefined
  const { UserPoolClient } = await cognito.send(
    new DescribeUserPoolClientCommand({ UserPoolId, ClientId: web.ClientId }),
  )
  return UserPoolClient?.ExplicitAuthFlows ?? []
}

async function ada(cognito: CognitoIdentityProviderClient, UserPoolId: string) {
  try {
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId, Username: 'ada' }))
    const { Groups = [] } = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: 'ada' }))
    return { status: user.UserStatus ?? 'unknown', groups: Groups.map((g) => g.GroupName ?? '') }
  } catch {
    return undefined
  }
}

async function inspect(cognito: CognitoIdentityProviderClient, pool: UserPoolDescriptionType): Promise<Expectation[]> {
  const UserPoolId = pool.Id ?? ''
  const { UserPool } = await cognito.send(new DescribeUserPoolCommand({ UserPoolId }))
  const policy = UserPool?.Policies?.PasswordPolicy ?? {}
  const length = policy.MinimumLength ?? 8
  const classes = [
    policy.RequireUppercase && 'uppercase',
    policy.RequireLowercase && 'lowercase',
    policy.RequireNumbers && 'numbers',
    policy.RequireSymbols && 'symbols',
  ].filter(Boolean)
  const flows = await webClientFlows(cognito, UserPoolId)
  const missingFlows = FLOWS.filter((f) => !flows?.includes(f))
  const user = await ada(cognito, UserPoolId)
  return [
    ...inStep(1, [
      expectTrue('Minimum password length', length >= 12, {
        expected: 'at least 12 characters',
        actual: `${length} characters`,
        hint: 'Policies: { PasswordPolicy: { MinimumLength: 12, … } } in CreateUserPoolCommand.',
      }),
      expectEqual(
        'Character classes a password needs',
        classes.join(', ') || 'none',
        'uppercase, lowercase, numbers, symbols',
        'Set RequireUppercase, RequireLowercase, RequireNumbers and RequireSymbols to true.',
      ),
    ]),
    ...inStep(2, [
      expectTrue('Sign-in flows of the app client "web"', flows !== undefined && missingFlows.length === 0, {
        expected: FLOWS.join(', '),
        actual: flows === undefined ? 'no app client named web' : flows.join(', ') || 'no flows',
        hint: `ExplicitAuthFlows in CreateUserPoolClientCommand${missingFlows.length ? ` is missing ${missingFlows.join(', ')}` : ''}.`,
      }),
    ]),
    ...inStep(3, [
      expectEqual(
        'Status of the user ada',
        user?.status ?? 'no user named ada',
        'CONFIRMED',
        user
          ? 'A user created by an administrator must change her temporary password; AdminSetUserPasswordCommand with Permanent: true confirms her.'
          : 'AdminCreateUserCommand with Username "ada".',
      ),
    ]),
    ...inStep(4, [
      expectTrue('ada is in the group editors', Boolean(user?.groups.includes('editors')), {
        expected: 'editors',
        actual: user ? user.groups.join(', ') || 'no groups' : 'no user named ada',
        hint: 'CreateGroupCommand with GroupName "editors", then AdminAddUserToGroupCommand.',
      }),
    ]),
  ]
}

/** Looks at every lab user pool in the learner's account and reports on the one that is furthest along. */
export default async function check({ calls }: CheckContext) {
  const cognito = new CognitoIdentityProviderClient({})
  const pools: UserPoolDescriptionType[] = []
  let NextToken: string | undefined
  do {
    const page = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }))
    pools.push(...(page.UserPools ?? []).filter((p) => p.Name?.startsWith(PREFIX)))
    NextToken = page.NextToken
  } while (NextToken)
  const found: Expectation = {
    step: 1,
    name: 'Lab user pool exists',
    status: pools.length ? 'pass' : 'fail',
    expected: `a user pool named ${PREFIX}…`,
    actual: pools.length ? pools.map((p) => p.Name).join(', ') : 'none',
    hint: pools.length ? undefined : 'Run your code first: the starter creates the user pool.',
  }
  if (!pools.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const pool of pools) {
    const expectations = await inspect(cognito, pool)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  // Tokens are never stored in the pool: the sign-in is read from the call timeline of the learner's last Run.
  const signIns = calls.filter((c) => c.operation === 'AdminInitiateAuth')
  const signedIn = signIns.some((c) => c.ok)
  const signIn = inStep(4, [
    expectTrue('Sign-in with AdminInitiateAuth in your last run', signedIn, {
      expected: 'a successful AdminInitiateAuth',
      actual: signedIn
        ? 'tokens issued'
        : signIns.length
          ? `failed: ${signIns[signIns.length - 1]?.errorCode ?? 'error'}`
          : calls.length
            ? 'no AdminInitiateAuth call'
            : 'no run recorded: press Run first',
      hint: "AdminInitiateAuthCommand with AuthFlow ADMIN_USER_PASSWORD_AUTH, the web client id and ada's USERNAME and PASSWORD.",
    }),
  ])
  return resultOf([found, ...best, ...signIn])
}
