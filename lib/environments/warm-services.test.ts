import { describe, expect, it } from 'vitest'
import { clientPackagesIn, sdkPackagesIn } from '../runner/sdk-imports'
import { signingNameOf, warmServices } from './warm-services'

describe('warming the services a page uses', () => {
  it("reads each client's signing name from the SDK package itself", () => {
    const root = process.cwd()
    expect(signingNameOf(root, '@aws-sdk/client-s3')).toBe('s3')
    expect(signingNameOf(root, '@aws-sdk/client-sfn')).toBe('states')
    expect(signingNameOf(root, '@aws-sdk/client-cloudwatch')).toBe('monitoring')
    expect(signingNameOf(root, '@aws-sdk/client-eventbridge')).toBe('events')
  })

  it('names nothing for packages that are not installed clients or are not package names', () => {
    const root = process.cwd()
    expect(signingNameOf(root, '@aws-sdk/client-not-installed')).toBeUndefined()
    expect(signingNameOf(root, '@aws-sdk/client-s3/../../zod')).toBeUndefined()
    expect(signingNameOf(root, '@aws-sdk/lib-dynamodb')).toBeUndefined()
  })

  it("finds the clients a cell imports, once each, static imports only", () => {
    const code = `import { S3Client } from "@aws-sdk/client-s3"
import {SQSClient} from'@aws-sdk/client-sqs'
import { PutObjectCommand } from "@aws-sdk/client-s3"
import { marshall } from "@aws-sdk/util-dynamodb"
const later = await import("@aws-sdk/client-sns")`
    expect(clientPackagesIn(code)).toEqual(['@aws-sdk/client-s3', '@aws-sdk/client-sqs'])
    expect(sdkPackagesIn(code)).toEqual(['@aws-sdk/client-s3', '@aws-sdk/client-sqs', '@aws-sdk/util-dynamodb'])
  })

  it("sends nothing to an endpoint Cloudbook does not run (a user's own AWS_ENDPOINT_URL)", async () => {
    const route = {
      learner: { id: 'x', accountId: '123456789012' },
      upstream: { kind: 'url' as const, url: 'http://127.0.0.1:9' },
      shared: true,
    }
    expect(await warmServices(route, ['s3'])).toEqual([])
  })
})
