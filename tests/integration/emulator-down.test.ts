import { expect, it, vi } from 'vitest'

// With nothing listening at the configured endpoint, reading and quizzes need no emulator, and a run answers
// with exactly where it looked and how to start one — never a stack trace.
it('tells the learner how to start an emulator when none answers', async () => {
  vi.resetModules()
  vi.stubEnv('AWS_ENDPOINT_URL', 'http://127.0.0.1:1')
  const { runLearnerCode } = await import('@/lib/labs/execute')
  const { getEmulatorStatus } = await import('@/lib/emulator/health')
  const status = await getEmulatorStatus()
  expect(status.reachable).toBe(false)
  const outcome = await runLearnerCode("import { S3Client } from '@aws-sdk/client-s3'\nnew S3Client({})", {
    accountId: '123456789012',
  })
  expect(outcome.result).toEqual({
    status: 'error',
    message:
      'The AWS emulator is not reachable at http://127.0.0.1:1 — start one with `npm start` (it starts MiniStack itself), `docker compose up localstack`, or set AWS_ENDPOINT_URL to a running LocalStack/MiniStack.',
    expectations: [],
  })
  vi.unstubAllEnvs()
})
