import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import {
  GetScheduleCommand,
  GetScheduleGroupCommand,
  ListTagsForResourceCommand,
  SchedulerClient,
  type GetScheduleCommandOutput,
} from '@aws-sdk/client-scheduler'
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs'
import { expectAtLeast, expectEqual, expectTrue, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'ebsched-'
const sqs = new SQSClient({})
const iam = new IAMClient({})
const scheduler = new SchedulerClient({})

async function schedule(GroupName: string, Name: string): Promise<GetScheduleCommandOutput | undefined> {
  try {
    return await scheduler.send(new GetScheduleCommand({ GroupName, Name }))
  } catch {
    return undefined
  }
}

/** Whether the role exists and its trust policy lets EventBridge Scheduler assume it. */
async function trustedByScheduler(roleArn: string | undefined): Promise<string> {
  const RoleName = roleArn?.split('/').pop()
  if (!RoleName) return 'no role'
  try {
    const { Role } = await iam.send(new GetRoleCommand({ RoleName }))
    const document = JSON.parse(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? '%7B%7D'))
    const statements: unknown[] = Array.isArray(document.Statement) ? document.Statement : [document.Statement]
    const trusts = statements.some(
      (s) =>
        s &&
        typeof s === 'object' &&
        'Effect' in s &&
        s.Effect === 'Allow' &&
        JSON.stringify(s).includes('scheduler.amazonaws.com'),
    )
    return trusts ? 'trusted by scheduler.amazonaws.com' : `${RoleName} does not trust scheduler.amazonaws.com`
  } catch {
    return `${RoleName} does not exist`
  }
}

/** The checks both schedules share: where they deliver, and with which role. */
async function targetChecks(label: string, s: GetScheduleCommandOutput | undefined, queueName: string) {
  return [
    expectEqual(
      `${label}: target`,
      !s ? 'no schedule' : (s.Target?.Arn?.split(':').pop() ?? 'none'),
      queueName,
      'Set Target.Arn to the jobs queue ARN (queueArn in the starter).',
    ),
    expectEqual(
      `${label}: role of the target`,
      !s ? 'no schedule' : await trustedByScheduler(s.Target?.RoleArn),
      'trusted by scheduler.amazonaws.com',
      'Set Target.RoleArn to the role the starter created (roleArn): Scheduler assumes it to send the message.',
    ),
  ]
}

async function inspect(id: string): Promise<Expectation[]> {
  let groupArn: string | undefined
  let tags = 0
  try {
    ;({ Arn: groupArn } = await scheduler.send(new GetScheduleGroupCommand({ Name: id })))
    const { Tags = [] } = await scheduler.send(new ListTagsForResourceCommand({ ResourceArn: groupArn }))
    tags = Tags.length
  } catch {
    // no group yet
  }
  const group = [
    expectEqual(
      'Schedule group',
      groupArn ? id : 'none',
      id,
      `Create the group with CreateScheduleGroupCommand({ Name: '${id}' }).`,
    ),
    expectAtLeast(
      'Tags on the schedule group',
      tags,
      1,
      'Pass Tags: [{ Key: "team", Value: "billing" }] when you create the group.',
    ),
  ]

  const nightly = await schedule(id, 'nightly-report')
  const cron =
    /^cron\((.*)\)$/
      .exec(nightly?.ScheduleExpression ?? '')?.[1]
      ?.trim()
      .split(/\s+/) ?? []
  const at2am =
    cron.length === 6 && Number(cron[0]) === 0 && Number(cron[1]) === 2 && cron.slice(2, 5).join(' ').includes('?')
  const window = nightly?.FlexibleTimeWindow
  const flexible =
    window?.Mode === 'FLEXIBLE' &&
    (window.MaximumWindowInMinutes ?? 0) >= 1 &&
    (window.MaximumWindowInMinutes ?? 0) <= 60
  const recurring = [
    expectEqual(
      'Schedule nightly-report in the group',
      nightly ? 'nightly-report' : 'none',
      'nightly-report',
      `Create it with CreateScheduleCommand, Name 'nightly-report' and GroupName '${id}'.`,
    ),
    expectTrue('nightly-report: expression', at2am, {
      expected: 'a six-field cron expression at 02:00, such as cron(0 2 * * ? *)',
      actual: nightly?.ScheduleExpression ?? 'no schedule',
      hint: 'cron(minutes hours day-of-month month day-of-week year); one of the two day fields must be "?".',
    }),
    expectEqual(
      'nightly-report: time zone',
      !nightly ? 'no schedule' : (nightly.ScheduleExpressionTimezone ?? 'UTC (the default)'),
      'Europe/Berlin',
      "Set ScheduleExpressionTimezone: 'Europe/Berlin' so 02:00 means 02:00 in Berlin, summer and winter.",
    ),
    expectTrue('nightly-report: flexible time window', flexible, {
      expected: 'FLEXIBLE, 1 to 60 minutes',
      actual: !window
        ? 'no schedule'
        : window.Mode === 'FLEXIBLE'
          ? `FLEXIBLE, ${window.MaximumWindowInMinutes} minutes`
          : (window.Mode ?? 'none'),
      hint: "FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 15 }.",
    }),
    ...(await targetChecks('nightly-report', nightly, `${id}-jobs`)),
  ]

  const once = await schedule(id, 'trial-ends')
  const when = /^at\((.+)\)$/.exec(once?.ScheduleExpression ?? '')?.[1]
  // at() has no zone of its own; reading it as UTC is close enough to tell the future from the past
  const inFuture = when ? Date.parse(`${when}Z`) > Date.now() : false
  const oneTime = [
    expectEqual(
      'Schedule trial-ends in the group',
      once ? 'trial-ends' : 'none',
      'trial-ends',
      `Create it with CreateScheduleCommand, Name 'trial-ends' and GroupName '${id}'.`,
    ),
    expectTrue('trial-ends: one-time expression in the future', inFuture, {
      expected: 'at(yyyy-mm-ddThh:mm:ss) after now',
      actual: once?.ScheduleExpression ?? 'no schedule',
      hint: 'Use an at() expression without a zone suffix, for a moment after now.',
    }),
    expectEqual(
      'trial-ends: flexible time window',
      !once ? 'no schedule' : (once.FlexibleTimeWindow?.Mode ?? 'none'),
      'OFF',
      "A reminder should fire at its moment: FlexibleTimeWindow: { Mode: 'OFF' }.",
    ),
    expectEqual(
      'trial-ends: action after completion',
      !once ? 'no schedule' : (once.ActionAfterCompletion ?? 'NONE'),
      'DELETE',
      "Set ActionAfterCompletion: 'DELETE' so the schedule removes itself once it has run.",
    ),
    ...(await targetChecks('trial-ends', once, `${id}-jobs`)),
  ]
  return [...inStep(2, group), ...inStep(3, recurring), ...inStep(4, oneTime)]
}

/** Looks at every lab in the learner's account (one jobs queue each) and reports on the one that is furthest along. */
export default async function check() {
  const { QueueUrls = [] } = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: PREFIX }))
  const ids = QueueUrls.map((url) => url.split('/').pop() ?? '')
    .filter((name) => name.startsWith(PREFIX) && name.endsWith('-jobs'))
    .map((name) => name.slice(0, -'-jobs'.length))
  const found: Expectation = {
    step: 1,
    name: 'Lab jobs queue exists',
    status: ids.length ? 'pass' : 'fail',
    expected: `a queue named ${PREFIX}…-jobs`,
    actual: ids.length ? ids.map((id) => `${id}-jobs`).join(', ') : 'none',
    hint: ids.length ? undefined : 'Run your code first: the starter creates the jobs queue and the role.',
  }
  if (!ids.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (l: Expectation[]) => l.filter((e) => e.status === 'pass').length
  for (const id of ids) {
    const expectations = await inspect(id)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
