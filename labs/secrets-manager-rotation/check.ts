import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  SecretsManagerClient,
  type RotationRulesType,
} from '@aws-sdk/client-secrets-manager'
import {
  expectAtLeast,
  expectEqual,
  expectTrue,
  inStep,
  resultOf,
  type CheckContext,
  type Expectation,
} from '../check-kit'

const PREFIX = 'rotlab-'

/** How often a rotation schedule fires, in days (undefined when there is none or it cannot be read). */
function everyDays(rules: RotationRulesType | undefined): number | undefined {
  const rate = /^rate\((\d+) (hour|hours|day|days)\)$/.exec(rules?.ScheduleExpression ?? '')
  if (rate) return rate[2]?.startsWith('hour') ? Number(rate[1]) / 24 : Number(rate[1])
  if (rules?.ScheduleExpression?.startsWith('cron(')) return 1 // a cron schedule fires at least monthly
  return rules?.AutomaticallyAfterDays
}

const passwordOf = (secretString: string | undefined) => {
  try {
    const value: unknown = JSON.parse(secretString ?? '')
    const password: unknown = value && typeof value === 'object' ? Reflect.get(value, 'password') : undefined
    const username: unknown = value && typeof value === 'object' ? Reflect.get(value, 'username') : undefined
    return {
      password: typeof password === 'string' ? password : undefined,
      username: typeof username === 'string' ? username : undefined,
    }
  } catch {
    return { password: undefined, username: undefined }
  }
}

async function inspect(sm: SecretsManagerClient, SecretId: string, id: string): Promise<Expectation[]> {
  const secret = await sm.send(new DescribeSecretCommand({ SecretId }))
  const stages = secret.VersionIdsToStages ?? {}
  const versionWith = (label: string) => Object.keys(stages).find((v) => stages[v]?.includes(label))
  const { Versions = [] } = await sm.send(new ListSecretVersionIdsCommand({ SecretId, IncludeDeprecated: true }))
  const values = new Map<string, { password?: string; username?: string }>()
  for (const { VersionId } of Versions) {
    if (!VersionId) continue
    try {
      values.set(
        VersionId,
        passwordOf((await sm.send(new GetSecretValueCommand({ SecretId, VersionId }))).SecretString),
      )
    } catch {
      // a version that cannot be read counts as no password
    }
  }
  const distinct = new Set([...values.values()].map((v) => v.password).filter(Boolean)).size
  const current = values.get(versionWith('AWSCURRENT') ?? '')
  const previous = values.get(versionWith('AWSPREVIOUS') ?? '')
  const days = everyDays(secret.RotationRules)
  const schedule = secret.RotationRules?.ScheduleExpression ?? (days ? `every ${days} days` : 'none')
  const fn = secret.RotationLambdaARN?.split(':').pop() ?? 'none'

  return [
    ...inStep(1, [
      expectEqual(
        'Automatic rotation of the secret',
        secret.RotationEnabled ? 'enabled' : 'disabled',
        'enabled',
        'RotateSecretCommand with RotationLambdaARN, RotationRules and RotateImmediately: false.',
      ),
      expectEqual(
        'Rotation function',
        fn,
        `${id}-rotator`,
        'Pass the ARN that CreateFunctionCommand returned (FunctionArn) as RotationLambdaARN.',
      ),
      expectTrue('Rotation schedule', days !== undefined && days > 0 && days <= 30, {
        expected: 'every 30 days or more often',
        actual: schedule,
        hint: "RotationRules: { ScheduleExpression: 'rate(30 days)' } (or AutomaticallyAfterDays: 30).",
      }),
    ]),
    ...inStep(2, [
      expectTrue(
        'AWSCURRENT and AWSPREVIOUS',
        Boolean(current?.password && previous?.password && current.password !== previous.password),
        {
          expected: 'two versions with different passwords',
          actual: !previous
            ? 'no AWSPREVIOUS version'
            : current?.password === previous.password
              ? 'same password'
              : 'two versions with different passwords',
          hint: 'PutSecretValueCommand with a new password: AWSCURRENT moves to the new version and the old one becomes AWSPREVIOUS.',
        },
      ),
      expectEqual(
        'Username in the AWSCURRENT version',
        current?.username ?? 'missing',
        'orders_app',
        'Store the whole JSON document again, with the same username and a new password.',
      ),
    ]),
    ...inStep(3, [
      expectAtLeast(
        'Different passwords across the versions of the secret',
        distinct,
        3,
        'The first value, the one from PutSecretValue, and the one you staged as AWSPENDING and promoted.',
      ),
    ]),
  ]
}

/** Looks at every lab secret in the learner's account and reports on the one that is furthest along. */
export default async function check({ calls }: CheckContext) {
  const sm = new SecretsManagerClient({})
  const { SecretList = [] } = await sm.send(new ListSecretsCommand({}))
  const secrets = SecretList.filter((s) => s.Name?.startsWith(PREFIX) && s.Name.endsWith('/db'))
  const found: Expectation = {
    step: 1,
    name: 'Lab secret exists',
    status: secrets.length ? 'pass' : 'fail',
    expected: `a secret named ${PREFIX}…/db`,
    actual: secrets.length ? secrets.map((s) => s.Name).join(', ') : 'none',
    hint: secrets.length ? undefined : 'Run your code first: the starter creates the secret and the rotation function.',
  }
  if (!secrets.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const secret of secrets) {
    const expectations = await inspect(sm, secret.ARN ?? '', (secret.Name ?? '').replace(/\/db$/, ''))
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  // Moving a label leaves only its result behind; the last Run's timeline shows the finishSecret call itself.
  const moved = calls.filter((c) => c.operation === 'UpdateSecretVersionStage' && c.ok).length
  return resultOf([
    found,
    ...best,
    ...inStep(3, [
      expectAtLeast(
        'UpdateSecretVersionStage calls in your last run',
        moved,
        1,
        "UpdateSecretVersionStageCommand({ SecretId, VersionStage: 'AWSCURRENT', MoveToVersionId: pending, RemoveFromVersionId: current }).",
      ),
    ]),
  ])
}
