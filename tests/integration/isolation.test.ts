import { afterAll, describe, expect, it } from 'vitest'
import { closeAll, freshLearner, run } from './helpers'

afterAll(closeAll)

const createAndList = (
  bucket: string,
) => `import { S3Client, CreateBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3'
const s3 = new S3Client({})
await s3.send(new CreateBucketCommand({ Bucket: '${bucket}' }))
const { Buckets = [] } = await s3.send(new ListBucketsCommand({}))
console.log(JSON.stringify(Buckets.map((b) => b.Name)))`

describe('learner isolation', () => {
  it("gives each learner an environment of their own: neither sees the other's buckets", async () => {
    const alice = freshLearner()
    const bob = freshLearner()
    const stamp = Date.now()
    const aliceRun = await run(createAndList(`alice-${stamp}`), alice)
    const bobRun = await run(createAndList(`bob-${stamp}`), bob)
    expect(JSON.parse(aliceRun.stdout)).toEqual([`alice-${stamp}`])
    expect(JSON.parse(bobRun.stdout)).toEqual([`bob-${stamp}`])
    const aliceAgain = await run(createAndList(`alice2-${stamp}`), alice)
    expect(JSON.parse(aliceAgain.stdout).sort()).toEqual([`alice-${stamp}`, `alice2-${stamp}`])
  })
})
