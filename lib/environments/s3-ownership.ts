import http from 'node:http'
import { HeadBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import type { EnvironmentRoute, Upstream } from './spawner'

/**
 * On a shared emulator bucket names are global: the gateway asks, as the learner, which buckets are theirs and
 * whether a name is taken, so one learner cannot read another's bucket by guessing its name.
 */
function clientFor(upstream: Upstream, accountId: string) {
  const agent =
    upstream.kind === 'socket'
      ? new http.Agent({ keepAlive: false, ...{ socketPath: upstream.socketPath } })
      : new http.Agent({ keepAlive: false })
  return new S3Client({
    endpoint: upstream.kind === 'socket' ? 'http://127.0.0.1:4566' : upstream.url,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: accountId, secretAccessKey: 'test' },
    requestHandler: new NodeHttpHandler({ httpAgent: agent }),
    maxAttempts: 1,
  })
}

export async function bucketsOwned(route: EnvironmentRoute): Promise<Set<string>> {
  const client = clientFor(route.upstream, route.learner.accountId)
  try {
    const { Buckets = [] } = await client.send(new ListBucketsCommand({}))
    return new Set(Buckets.map((b) => b.Name ?? '').filter(Boolean))
  } finally {
    client.destroy()
  }
}

export async function bucketExists(route: EnvironmentRoute, bucket: string): Promise<boolean> {
  const client = clientFor(route.upstream, route.learner.accountId)
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }))
    return true
  } catch (error) {
    const status: unknown =
      error &&
      typeof error === 'object' &&
      '$metadata' in error &&
      error.$metadata &&
      typeof error.$metadata === 'object'
        ? Reflect.get(error.$metadata, 'httpStatusCode')
        : undefined
    return status !== 404
  } finally {
    client.destroy()
  }
}
