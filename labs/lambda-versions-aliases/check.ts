import {
  GetAliasCommand,
  LambdaClient,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  type AliasConfiguration,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda'
import { expectAtLeast, expectEqual, expectTrue, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'verlab-'

async function allFunctions(lambda: LambdaClient): Promise<FunctionConfiguration[]> {
  const functions: FunctionConfiguration[] = []
  let Marker: string | undefined
  do {
    const page = await lambda.send(new ListFunctionsCommand({ Marker }))
    functions.push(...(page.Functions ?? []))
    Marker = page.NextMarker || undefined
  } while (Marker)
  return functions
}

async function aliasOf(lambda: LambdaClient, FunctionName: string): Promise<AliasConfiguration | undefined> {
  try {
    return await lambda.send(new GetAliasCommand({ FunctionName, Name: 'live' }))
  } catch {
    return undefined
  }
}

const percent = (weight: number) => `${Math.round(weight * 1000) / 10} %`

/** Versions, release 2 and the weighted alias of one lab function. */
async function inspect(lambda: LambdaClient, FunctionName: string): Promise<Expectation[]> {
  const { Versions = [] } = await lambda.send(new ListVersionsByFunctionCommand({ FunctionName }))
  const published = Versions.filter((v) => v.Version && v.Version !== '$LATEST').sort(
    (a, b) => Number(a.Version) - Number(b.Version),
  )
  const first = published[0]
  const newest = published[published.length - 1]
  const codes = new Set(published.map((v) => v.CodeSha256))

  const alias = await aliasOf(lambda, FunctionName)
  const weights = Object.entries(alias?.RoutingConfig?.AdditionalVersionWeights ?? {})
  const [canaryVersion, canaryWeight] = weights[0] ?? []
  const canaryOk =
    weights.length === 1 &&
    canaryVersion !== undefined &&
    canaryWeight !== undefined &&
    canaryWeight > 0 &&
    canaryWeight <= 0.5 &&
    Number(canaryVersion) > Number(alias?.FunctionVersion)

  return [
    ...inStep(1, [
      expectAtLeast(
        'Published versions',
        published.length,
        1,
        'PublishVersionCommand freezes what $LATEST holds into a numbered version.',
      ),
    ]),
    ...inStep(2, [
      expectAtLeast(
        'Published versions with different code',
        codes.size,
        2,
        published.length < 2
          ? 'Publish a second version after uploading release 2.'
          : 'Both versions hold the same code: update $LATEST with release(2) and wait for the update before publishing.',
      ),
    ]),
    ...inStep(3, [
      expectEqual(
        'Primary version of the alias live',
        alias ? (alias.FunctionVersion ?? 'nothing') : 'no alias named live',
        first?.Version ?? 'your first published version',
        alias?.FunctionVersion === '$LATEST'
          ? 'An alias on $LATEST moves every time someone edits the draft: point it at a published version.'
          : 'CreateAliasCommand with Name "live" and FunctionVersion set to the version that holds release 1.',
      ),
      expectTrue('Canary weight of the alias', canaryOk, {
        expected: `one newer version (${newest && newest !== first ? newest.Version : 'release 2'}) with a weight above 0 % and at most 50 %`,
        actual: weights.length
          ? weights.map(([version, weight]) => `version ${version} at ${percent(weight)}`).join(', ')
          : alias
            ? 'all traffic to one version'
            : 'no alias named live',
        hint: 'RoutingConfig: { AdditionalVersionWeights: { "<release 2 version>": 0.1 } } sends 10 % of the calls there.',
      }),
    ]),
  ]
}

/** Looks at every lab function in the learner's account and reports on the one that is furthest along. */
export default async function check() {
  const lambda = new LambdaClient({})
  const names = (await allFunctions(lambda)).map((f) => f.FunctionName ?? '').filter((n) => n.startsWith(PREFIX))
  const found: Expectation = {
    step: 1,
    name: 'Lab function exists',
    status: names.length ? 'pass' : 'fail',
    expected: `a function named ${PREFIX}…`,
    actual: names.length ? names.join(', ') : 'none',
    hint: names.length ? undefined : 'Run your code first: the starter creates the function.',
  }
  if (!names.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const name of names) {
    const expectations = await inspect(lambda, name)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
