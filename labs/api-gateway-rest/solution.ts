import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from '@aws-sdk/client-api-gateway'
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import {
  AddPermissionCommand,
  CreateFunctionCommand,
  LambdaClient,
  waitUntilFunctionActiveV2,
} from '@aws-sdk/client-lambda'
import { crc32 } from 'node:zlib'
// A ZIP archive with one uncompressed file: enough for a one-file handler (a build tool does this in a real project).
function zipOneFile(name: string, source: string): Buffer {
  const data = Buffer.from(source)
  const fileName = Buffer.from(name)
  const crc = crc32(data)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt32LE(crc, 14)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(data.length, 22)
  local.writeUInt16LE(fileName.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt32LE(crc, 16)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(data.length, 24)
  central.writeUInt16LE(fileName.length, 28)
  central.writeUInt32LE((0o100644 << 16) >>> 0, 38)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + fileName.length, 12)
  end.writeUInt32LE(local.length + fileName.length + data.length, 16)
  return Buffer.concat([local, fileName, data, central, fileName, end])
}
const apigw = new APIGatewayClient({})
const iam = new IAMClient({})
const lambda = new LambdaClient({})
// every lab resource starts with this prefix, which is how the check and the clean-up find them
const id = `apilab-${Date.now()}`
const FunctionName = `${id}-hello`

// The execution role Lambda assumes when it runs the function.
const { Role } = await iam.send(
  new CreateRoleCommand({
    RoleName: id,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  }),
)

// Step 1: the proxy integration hands the whole HTTP request to the function as the event, and turns the
// function's { statusCode, headers, body } into the HTTP response. The body must be a string.
const handler = `export const handler = async (event) => {
  const name = event.queryStringParameters?.name ?? 'world'
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ greeting: 'Hello, ' + name, path: event.path }),
  }
}`
const { FunctionArn } = await lambda.send(
  new CreateFunctionCommand({
    FunctionName,
    Runtime: 'nodejs22.x',
    Handler: 'index.handler',
    Role: Role?.Arn,
    Code: { ZipFile: zipOneFile('index.mjs', handler) },
  }),
)
await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName })
// region and account, for the ARNs below: arn:aws:lambda:<region>:<account>:function:<name>
const [, , , region, account] = (FunctionArn ?? '').split(':')

// A REST API starts with one resource, the root path "/".
const api = await apigw.send(new CreateRestApiCommand({ name: id, endpointConfiguration: { types: ['REGIONAL'] } }))
const restApiId = api.id
console.log('REST API', restApiId, 'in', region, 'of account', account, 'for', FunctionArn)

// Step 2: a resource is a path, a method is an HTTP verb on it.
const { items = [] } = await apigw.send(new GetResourcesCommand({ restApiId }))
const root = items.find((r) => r.path === '/')
const hello = await apigw.send(new CreateResourceCommand({ restApiId, parentId: root?.id, pathPart: 'hello' }))
await apigw.send(
  new PutMethodCommand({ restApiId, resourceId: hello.id, httpMethod: 'GET', authorizationType: 'NONE' }),
)

// Step 3: API Gateway always calls Lambda with POST, whatever the client's method was, and needs permission to.
await apigw.send(
  new PutIntegrationCommand({
    restApiId,
    resourceId: hello.id,
    httpMethod: 'GET',
    type: 'AWS_PROXY',
    integrationHttpMethod: 'POST',
    uri: `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${FunctionArn}/invocations`,
  }),
)
await lambda.send(
  new AddPermissionCommand({
    FunctionName,
    StatementId: 'api-gateway-get-hello',
    Action: 'lambda:InvokeFunction',
    Principal: 'apigateway.amazonaws.com',
    SourceArn: `arn:aws:execute-api:${region}:${account}:${restApiId}/*/GET/hello`,
  }),
)

// Step 4: changes reach clients only through a deployment: a snapshot of the API, attached to a stage.
const deployment = await apigw.send(
  new CreateDeploymentCommand({ restApiId, stageName: 'prod', description: 'GET /hello' }),
)
console.log(
  'deployed',
  deployment.id,
  'to',
  `https://${restApiId}.execute-api.${region}.amazonaws.com/prod/hello?name=Ada`,
)
