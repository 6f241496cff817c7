import {
  APIGatewayClient,
  GetDeploymentCommand,
  GetIntegrationCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  GetStageCommand,
  type Integration,
  type RestApi,
} from '@aws-sdk/client-api-gateway'
import { GetFunctionCommand, GetPolicyCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda'
import { expectEqual, expectTrue, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'apilab-'

/** Calls the function with the event a proxy integration would send for GET /hello?name=Checker. */
async function proxyAnswer(lambda: LambdaClient, FunctionName: string): Promise<{ ok: boolean; actual: string }> {
  const event = {
    resource: '/hello',
    path: '/hello',
    httpMethod: 'GET',
    headers: { accept: 'application/json' },
    queryStringParameters: { name: 'Checker' },
    pathParameters: null,
    body: null,
    isBase64Encoded: false,
    requestContext: { resourcePath: '/hello', httpMethod: 'GET', stage: 'prod' },
  }
  try {
    const out = await lambda.send(new InvokeCommand({ FunctionName, Payload: JSON.stringify(event) }))
    const text = Buffer.from(out.Payload ?? []).toString()
    if (out.FunctionError) return { ok: false, actual: `the function failed: ${text.slice(0, 120)}` }
    const answer: { statusCode?: unknown; body?: unknown } | null = JSON.parse(text)
    if (!answer || typeof answer !== 'object' || !('statusCode' in answer)) {
      return { ok: false, actual: `no statusCode: ${text.slice(0, 120)}` }
    }
    const { statusCode, body } = answer
    if (typeof body !== 'string') return { ok: false, actual: `statusCode ${String(statusCode)}, body is not a string` }
    const ok = statusCode === 200 && body.includes('Checker')
    return { ok, actual: `statusCode ${String(statusCode)}, body ${body.slice(0, 120)}` }
  } catch (error) {
    return {
      ok: false,
      actual: error instanceof Error && error.name === 'ResourceNotFoundException' ? 'no such function' : String(error),
    }
  }
}

async function permitsApiGateway(lambda: LambdaClient, FunctionName: string, restApiId: string) {
  try {
    const { Policy = '{}' } = await lambda.send(new GetPolicyCommand({ FunctionName }))
    const policy: { Statement?: { Principal?: { Service?: string }; Condition?: unknown }[] } = JSON.parse(Policy)
    const statements = policy.Statement ?? []
    return statements.some(
      (s) =>
        s.Principal?.Service === 'apigateway.amazonaws.com' && JSON.stringify(s.Condition ?? '').includes(restApiId),
    )
  } catch {
    return false
  }
}

async function functionArn(lambda: LambdaClient, FunctionName: string) {
  try {
    return (await lambda.send(new GetFunctionCommand({ FunctionName }))).Configuration?.FunctionArn
  } catch {
    return undefined
  }
}

/** Paths and methods the stage prod serves, from its deployment's snapshot. */
async function deployed(apigw: APIGatewayClient, restApiId: string) {
  try {
    const stage = await apigw.send(new GetStageCommand({ restApiId, stageName: 'prod' }))
    const deployment = await apigw.send(
      new GetDeploymentCommand({ restApiId, deploymentId: stage.deploymentId, embed: ['apisummary'] }),
    )
    const summary = deployment.apiSummary ?? {}
    return Object.entries(summary).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`))
  } catch {
    return undefined
  }
}

async function inspect(apigw: APIGatewayClient, lambda: LambdaClient, api: RestApi): Promise<Expectation[]> {
  const restApiId = api.id ?? ''
  const FunctionName = `${api.name}-hello`
  const answer = await proxyAnswer(lambda, FunctionName)
  const { items = [] } = await apigw.send(new GetResourcesCommand({ restApiId, embed: ['methods'] }))
  const hello = items.find((r) => r.path === '/hello')
  const hasGet = Boolean(hello?.resourceMethods?.GET)
  let integration: Integration | undefined
  if (hasGet) {
    try {
      integration = await apigw.send(new GetIntegrationCommand({ restApiId, resourceId: hello?.id, httpMethod: 'GET' }))
    } catch {
      integration = undefined
    }
  }
  const arn = await functionArn(lambda, FunctionName)
  const targetsFunction = Boolean(arn && integration?.uri?.includes(`/functions/${arn}/invocations`))
  const permitted = await permitsApiGateway(lambda, FunctionName, restApiId)
  const routes = await deployed(apigw, restApiId)

  return [
    ...inStep(1, [
      expectTrue('The function answers in the proxy format', answer.ok, {
        expected: 'statusCode 200 and a string body that greets the name from the query string',
        actual: answer.actual,
        hint: 'Return { statusCode: 200, headers, body: JSON.stringify(...) } and read event.queryStringParameters.name.',
      }),
    ]),
    ...inStep(2, [
      expectEqual(
        'Method GET on the resource /hello',
        hasGet ? 'GET /hello' : hello ? '/hello has no GET method' : 'no resource /hello',
        'GET /hello',
        'CreateResourceCommand with pathPart "hello" under the root resource, then PutMethodCommand with httpMethod GET.',
      ),
    ]),
    ...inStep(3, [
      expectEqual(
        'Integration type of GET /hello',
        integration?.type ?? 'no integration',
        'AWS_PROXY',
        'PutIntegrationCommand with type AWS_PROXY passes the whole request to the function.',
      ),
      expectTrue(
        'The integration calls your function with POST',
        targetsFunction && integration?.httpMethod === 'POST',
        {
          expected: `POST to …/functions/${arn ?? FunctionName}/invocations`,
          actual: integration ? `${integration.httpMethod ?? '?'} to ${integration.uri ?? 'no uri'}` : 'no integration',
          hint: 'integrationHttpMethod is always POST for Lambda, and the uri wraps the function ARN in the Lambda invoke path.',
        },
      ),
      expectTrue('API Gateway may invoke the function', permitted, {
        expected: `a statement for apigateway.amazonaws.com limited to the API ${restApiId}`,
        actual: permitted ? 'allowed' : 'no such statement in the function policy',
        hint: 'AddPermissionCommand with Principal apigateway.amazonaws.com and a SourceArn of this API.',
      }),
    ]),
    ...inStep(4, [
      expectTrue('The stage prod serves GET /hello', Boolean(routes?.includes('GET /hello')), {
        expected: 'GET /hello in the deployment of the stage prod',
        actual:
          routes === undefined ? 'no stage prod' : routes.length ? routes.join(', ') : 'a deployment without methods',
        hint: 'CreateDeploymentCommand with stageName "prod" after the method and integration exist: a deployment is a snapshot.',
      }),
    ]),
  ]
}

/** Looks at every lab API in the learner's account and reports on the one that is furthest along. */
export default async function check() {
  const apigw = new APIGatewayClient({})
  const lambda = new LambdaClient({})
  const { items = [] } = await apigw.send(new GetRestApisCommand({ limit: 500 }))
  const apis = items.filter((a) => a.name?.startsWith(PREFIX))
  const found: Expectation = {
    step: 1,
    name: 'Lab REST API exists',
    status: apis.length ? 'pass' : 'fail',
    expected: `a REST API named ${PREFIX}…`,
    actual: apis.length ? apis.map((a) => a.name).join(', ') : 'none',
    hint: apis.length ? undefined : 'Run your code first: the starter creates the API and the function.',
  }
  if (!apis.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const api of apis) {
    const expectations = await inspect(apigw, lambda, api)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
