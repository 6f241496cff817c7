import { APIGatewayClient, CreateRestApiCommand } from '@aws-sdk/client-api-gateway'
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { CreateFunctionCommand, LambdaClient, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda'
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

// TODO (step 1): with a Lambda proxy integration the function must return { statusCode, headers, body } with the
//                body as a string, and it finds the query string in event.queryStringParameters.
const handler = `export const handler = async (event) => {
  return { greeting: 'Hello, ' + (event.name ?? 'world') }
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

// TODO (step 2): find the root resource (GetResourcesCommand, path "/"), create the resource "hello" under it
//                (CreateResourceCommand) and a GET method on it without authorization (PutMethodCommand).

// TODO (step 3): connect GET /hello to the function with PutIntegrationCommand (type AWS_PROXY, integration method
//                POST, uri arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<FunctionArn>/invocations)
//                and allow API Gateway to call the function with AddPermissionCommand.

// TODO (step 4): deploy the API to the stage "prod" with CreateDeploymentCommand.
