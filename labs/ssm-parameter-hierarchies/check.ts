import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms'
import {
  DescribeParametersCommand,
  GetParametersByPathCommand,
  SSMClient,
  type Parameter,
  type ParameterMetadata,
} from '@aws-sdk/client-ssm'
import {
  expectAtLeast,
  expectEqual,
  expectTrue,
  inStep,
  resultOf,
  type CheckContext,
  type Expectation,
} from '../check-kit'

const PREFIX = 'paramlab-'
const PROD = ['db/host', 'db/password', 'db/port', 'features']

/** Everything GetParametersByPath returns below a path, following NextToken. */
async function byPath(ssm: SSMClient, Path: string): Promise<Parameter[]> {
  const all: Parameter[] = []
  let NextToken: string | undefined
  do {
    const page = await ssm.send(new GetParametersByPathCommand({ Path, Recursive: true, NextToken }))
    all.push(...(page.Parameters ?? []))
    NextToken = page.NextToken
  } while (NextToken)
  return all
}

/** The KMS key id behind a key reference (alias, id or ARN), or undefined. */
async function keyIdOf(kms: KMSClient, KeyId: string | undefined): Promise<string | undefined> {
  if (!KeyId) return undefined
  try {
    return (await kms.send(new DescribeKeyCommand({ KeyId }))).KeyMetadata?.KeyId
  } catch {
    return undefined
  }
}

async function inspect(ssm: SSMClient, kms: KMSClient, app: string, all: ParameterMetadata[]): Promise<Expectation[]> {
  const base = `/${app}/prod/`
  const prod = await byPath(ssm, `/${app}/prod`)
  const names = prod.map((p) => (p.Name ?? '').replace(base, '')).sort()
  const meta = (name: string) => all.find((p) => p.Name === `${base}${name}`)
  const password = meta('db/password')
  const labKey = await keyIdOf(kms, `alias/${app}`)
  const passwordKey =
    password?.Type === 'SecureString' ? await keyIdOf(kms, password.KeyId ?? 'alias/aws/ssm') : undefined
  const flat = all.filter((p) => p.Name?.startsWith(`${app}-`)).length
  return [
    ...inStep(1, [
      expectEqual(
        'Parameters below /<app>/prod',
        names.join(', ') || 'none',
        PROD.join(', '),
        `PutParameterCommand with names like /${app}/prod/db/host: one path segment per level of the hierarchy.`,
      ),
      expectEqual(
        'Type of prod features',
        meta('features')?.Type ?? 'missing',
        'StringList',
        "A comma-separated list is stored with Type: 'StringList'.",
      ),
      expectEqual(
        'Parameters of the run with flat names (<app>-…)',
        String(flat),
        '0',
        'Store the prod values only under the hierarchy: flat names cannot be loaded or secured by path.',
      ),
    ]),
    ...inStep(2, [
      expectEqual(
        'Type of prod db/password',
        password?.Type ?? 'missing',
        'SecureString',
        "Type: 'SecureString' encrypts the value with KMS; a String is readable by anyone who may read parameters.",
      ),
      expectTrue('KMS key of prod db/password', labKey !== undefined && passwordKey === labKey, {
        expected: `alias/${app}`,
        actual:
          password?.Type !== 'SecureString' ? 'not encrypted' : (password.KeyId ?? 'alias/aws/ssm (the default key)'),
        hint: `Add KeyId: 'alias/${app}' to the PutParameterCommand of the password.`,
      }),
    ]),
  ]
}

/** Looks at every lab run's parameters and reports on the one that is furthest along. */
export default async function check({ calls }: CheckContext) {
  const ssm = new SSMClient({})
  const kms = new KMSClient({})
  const all: ParameterMetadata[] = []
  let NextToken: string | undefined
  do {
    const page = await ssm.send(new DescribeParametersCommand({ MaxResults: 50, NextToken }))
    all.push(...(page.Parameters ?? []).filter((p) => /^\/?paramlab-/.test(p.Name ?? '')))
    NextToken = page.NextToken
  } while (NextToken)
  const apps = [...new Set(all.map((p) => /^\/?(paramlab-\d+)/.exec(p.Name ?? '')?.[1] ?? '').filter(Boolean))]
  const found: Expectation = {
    step: 1,
    name: 'Lab parameters exist',
    status: apps.length ? 'pass' : 'fail',
    expected: `parameters named /${PREFIX}…/…`,
    actual: apps.length
      ? apps.map((a) => `${a} (${all.filter((p) => p.Name?.includes(a)).length})`).join(', ')
      : 'none',
    hint: apps.length ? undefined : 'Run your code first: the starter stores the parameters.',
  }
  if (!apps.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const app of apps) {
    const expectations = await inspect(ssm, kms, app, all)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  // Loading configuration changes nothing in the account: the last Run's timeline shows how the code read it.
  const loads = calls.filter((c) => c.operation === 'GetParametersByPath' && c.ok).length
  return resultOf([
    found,
    ...best,
    ...inStep(3, [
      expectAtLeast(
        'GetParametersByPath calls in your last run',
        loads,
        1,
        `GetParametersByPathCommand({ Path: \`/\${app}/prod\`, Recursive: true, WithDecryption: true }).`,
      ),
    ]),
  ])
}
