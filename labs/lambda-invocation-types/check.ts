import {
  GetFunctionEventInvokeConfigCommand,
  LambdaClient,
  ListFunctionsCommand,
  type GetFunctionEventInvokeConfigCommandOutput,
} from '@aws-sdk/client-lambda'
import { GetQueueAttributesCommand, GetQueueUrlCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs'
import { expectEqual, expectTrue, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'invokelab-'

async function queue(sqs: SQSClient, QueueName: string) {
  try {
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName }))
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))
    return { QueueUrl, QueueArn: Attributes?.QueueArn }
  } catch {
    return undefined
  }
}

async function invokeConfig(
  lambda: LambdaClient,
  FunctionName: string,
): Promise<GetFunctionEventInvokeConfigCommandOutput | undefined> {
  try {
    return await lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName }))
  } catch {
    return undefined
  }
}

type FailureRecord = {
  requestContext?: { functionArn?: string; condition?: string }
  requestPayload?: unknown
  responsePayload?: { errorMessage?: string }
}

/** The failure records Lambda wrote for this function (the queue does not hide messages that are read). */
async function failureRecords(sqs: SQSClient, QueueUrl: string | undefined, FunctionName: string) {
  const records: FailureRecord[] = []
  if (!QueueUrl) return records
  const seen = new Set<string>()
  for (let round = 0; round < 3; round++) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }),
    )
    for (const { MessageId = '', Body = '' } of Messages) {
      if (seen.has(MessageId)) continue
      seen.add(MessageId)
      try {
        const record: FailureRecord = JSON.parse(Body)
        if (record.requestContext?.functionArn?.includes(`:function:${FunctionName}`)) records.push(record)
      } catch {
        // not a Lambda record
      }
    }
  }
  return records
}

const queueName = (arn: string | undefined) => (arn ? (arn.split(':').pop() ?? arn) : 'not set')

async function inspect(lambda: LambdaClient, sqs: SQSClient, FunctionName: string): Promise<Expectation[]> {
  const config = await invokeConfig(lambda, FunctionName)
  const failed = await queue(sqs, `${FunctionName}-failed`)
  const retries = config?.MaximumRetryAttempts
  const age = config?.MaximumEventAgeInSeconds
  const records = await failureRecords(sqs, failed?.QueueUrl, FunctionName)
  const record = records[0]
  const noConfig = 'no asynchronous invoke configuration'

  return [
    ...inStep(2, [
      expectEqual(
        'Retries of a failed asynchronous call (MaximumRetryAttempts)',
        config ? String(retries ?? '2 (the default)') : noConfig,
        '0',
        'A declined card fails again on every retry: set MaximumRetryAttempts to 0 so the failure is reported at once.',
      ),
      expectTrue('Maximum event age (MaximumEventAgeInSeconds)', age !== undefined && age >= 60 && age <= 3600, {
        expected: '60 to 3600 seconds',
        actual: config ? (age === undefined ? '21600 (the default, 6 hours)' : `${age} seconds`) : noConfig,
        hint: 'Events wait in the internal queue for up to 6 hours by default; a payment an hour late is useless.',
      }),
      expectEqual(
        'On-failure destination',
        config ? queueName(config.DestinationConfig?.OnFailure?.Destination) : noConfig,
        `${FunctionName}-failed`,
        'DestinationConfig.OnFailure.Destination takes the ARN of the failed queue (failed.QueueArn).',
      ),
      expectEqual(
        'On-success destination',
        config ? queueName(config.DestinationConfig?.OnSuccess?.Destination) : noConfig,
        `${FunctionName}-succeeded`,
        'DestinationConfig.OnSuccess.Destination takes the ARN of the succeeded queue (succeeded.QueueArn).',
      ),
    ]),
    ...inStep(3, [
      expectTrue('Failure record from an asynchronous call', Boolean(record), {
        expected: 'a record of the declined payment in the failed queue',
        actual: record
          ? `${record.requestContext?.condition ?? 'a record'}: ${record.responsePayload?.errorMessage ?? 'error'}`
          : failed
            ? 'the failed queue holds no record from your function'
            : 'no failed queue',
        hint: 'Invoke with InvocationType "Event" and a payment without a card after the configuration is in place; a synchronous call returns its error to the caller instead.',
      }),
    ]),
  ]
}

/** Looks at every lab function in the learner's account and reports on the one that is furthest along. */
export default async function check() {
  const lambda = new LambdaClient({})
  const sqs = new SQSClient({})
  const names: string[] = []
  let Marker: string | undefined
  do {
    const page = await lambda.send(new ListFunctionsCommand({ Marker }))
    for (const f of page.Functions ?? []) if (f.FunctionName?.startsWith(PREFIX)) names.push(f.FunctionName)
    Marker = page.NextMarker || undefined
  } while (Marker)
  const found: Expectation = {
    step: 1,
    name: 'Lab function exists',
    status: names.length ? 'pass' : 'fail',
    expected: `a function named ${PREFIX}…`,
    actual: names.length ? names.join(', ') : 'none',
    hint: names.length ? undefined : 'Run your code first: the starter creates the function and its two queues.',
  }
  if (!names.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const name of names) {
    const expectations = await inspect(lambda, sqs, name)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
