import { expect, it, vi } from 'vitest'

// With the user's own emulator configured but not answering, reading and quizzes need no emulator, and a run
// answers with exactly where it looked and how to fix it — never a stack trace.
it('tells the learner how to start an emulator when none answers', async () => {
  vi.resetModules()
  vi.stubEnv('AWS_ENDPOINT_URL', 'http://127.0.0.1:1')
  const { runLearnerCode } = await import('@/lib/labs/execute')
  const { getEmulatorStatus } = await import('@/lib/emulator/health')
  const status = await getEmulatorStatus()
  expect(status.reachable).toBe(false)
  const outcome = await runLearnerCode("import { S3Client } from '@aws-sdk/client-s3'\nnew S3Client({})", {
    learner: { id: '00000000-0000-4000-8000-000000000001', accountId: '123456789012' },
  })
  expect(outcome.result).toEqual({
    status: 'error',
    message:
      'The AWS emulator is not reachable at http://127.0.0.1:1 — unset AWS_ENDPOINT_URL so Cloudbook runs its own MiniStack per learner, or start your emulator (e.g. `docker compose up localstack`).',
    expectations: [],
  })
  vi.unstubAllEnvs()
})
