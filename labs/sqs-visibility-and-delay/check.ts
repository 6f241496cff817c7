import { GetQueueAttributesCommand, ListQueuesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs'
import { expectEqual, expectTrue, inStep, resultOf, type CheckContext, type Expectation } from '../check-kit'

const PREFIX = 'vislab-'

/** Visible messages by job id, read without taking them: VisibilityTimeout 0 leaves them for the workers. */
async function peek(sqs: SQSClient, QueueUrl: string) {
  const jobs = new Map<string, { sentAt: number }>()
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl,
      MaxNumberOfMessages: 10,
      VisibilityTimeout: 0,
      MessageSystemAttributeNames: ['SentTimestamp'],
    }),
  )
  for (const m of Messages) {
    try {
      const body: { jobId?: string } = JSON.parse(m.Body ?? '')
      if (body.jobId) jobs.set(body.jobId, { sentAt: Number(m.Attributes?.SentTimestamp ?? 0) })
    } catch {
      // not a job
    }
  }
  return jobs
}

/** Did the last run receive a message, extend its visibility and then delete it? */
function heartbeat(calls: CheckContext['calls']): Expectation {
  const ops = calls.filter((c) => c.ok).map((c) => c.operation)
  const receive = ops.indexOf('ReceiveMessage')
  const change = ops.indexOf('ChangeMessageVisibility', receive + 1)
  const remove = ops.indexOf('DeleteMessage', change + 1)
  const ok = receive !== -1 && change !== -1 && remove !== -1
  return expectTrue('Worker calls in your last run', ok, {
    expected: 'ReceiveMessage, ChangeMessageVisibility, DeleteMessage',
    actual: !calls.length
      ? 'no run recorded yet'
      : ok
        ? 'ReceiveMessage, ChangeMessageVisibility, DeleteMessage'
        : ['ReceiveMessage', 'ChangeMessageVisibility', 'DeleteMessage'].filter((op) => ops.includes(op)).join(', ') ||
          'none of them',
    hint: !calls.length
      ? 'Run your code, then Check: this expectation reads the calls of your last run.'
      : 'While the job runs, extend its visibility with ChangeMessageVisibilityCommand (the receipt handle and VisibilityTimeout: 300), then delete it.',
  })
}

async function inspect(sqs: SQSClient, QueueUrl: string, calls: CheckContext['calls']): Promise<Expectation[]> {
  const { Attributes: a = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))
  const visibility = Number(a.VisibilityTimeout ?? 30)
  const jobs = await peek(sqs, QueueUrl)
  const delayed = Number(a.ApproximateNumberOfMessagesDelayed ?? 0)
  const inFlight = Number(a.ApproximateNumberOfMessagesNotVisible ?? 0)

  const cleanup = jobs.get('cleanup-42')
  const age = cleanup ? Math.round((Date.now() - cleanup.sentAt) / 1000) : 0
  const timer = cleanup
    ? age >= 895
      ? `visible ${age} s after it was sent`
      : `visible only ${age} s after it was sent`
    : delayed
      ? 'still delayed'
      : 'not in the queue'

  const render = jobs.has('render-42')
    ? 'still waiting in the queue'
    : inFlight
      ? 'received but not deleted'
      : 'processed and deleted'

  return [
    ...inStep(2, [
      expectTrue('Visibility timeout of the queue', visibility >= 120, {
        expected: 'at least 120 seconds',
        actual: `${visibility} seconds`,
        hint: 'A render takes up to 2 minutes: with a shorter timeout a second worker starts the same render. Set VisibilityTimeout: "180" with SetQueueAttributesCommand.',
      }),
    ]),
    ...inStep(3, [
      expectEqual(
        'Delivery delay of the queue (DelaySeconds)',
        `${a.DelaySeconds ?? 0} seconds`,
        '3 seconds',
        'Set the queue attribute DelaySeconds: "3" before the render job is sent.',
      ),
      expectTrue('cleanup-42 held back by its own timer', timer === 'still delayed' || age >= 895, {
        expected: 'still delayed (15 minutes after sending)',
        actual: timer,
        hint:
          timer === 'not in the queue'
            ? 'Send {"jobId":"cleanup-42"} with SendMessageCommand and DelaySeconds: 900.'
            : 'Pass DelaySeconds: 900 on that one SendMessageCommand: a message timer overrides the queue delay.',
      }),
    ]),
    ...inStep(4, [
      expectEqual(
        'render-42',
        render,
        'processed and deleted',
        render === 'received but not deleted'
          ? 'Delete the message with DeleteMessageCommand once the render is done, or it comes back when the visibility timeout ends.'
          : 'Receive it with ReceiveMessageCommand and WaitTimeSeconds of about 5, so the long poll outlasts the 3-second delay.',
      ),
      heartbeat(calls),
    ]),
  ]
}

/** Looks at every lab queue in the learner's account and reports on the one that is furthest along. */
export default async function check({ calls }: CheckContext) {
  const sqs = new SQSClient({})
  const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: PREFIX }))
  const queues = QueueUrls.filter((url) => url.endsWith('-renders'))
  const found: Expectation = {
    step: 1,
    name: 'Render queue from the starter',
    status: queues.length ? 'pass' : 'fail',
    expected: `a queue named ${PREFIX}…-renders`,
    actual: queues.length ? queues.map((url) => url.split('/').pop()).join(', ') : 'none',
    hint: queues.length ? undefined : 'Run your code first: the starter creates the queue.',
  }
  if (!queues.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const url of queues) {
    const expectations = await inspect(sqs, url, calls)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
