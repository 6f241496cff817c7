import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  type Action,
  type Listener,
  type LoadBalancer,
  type Rule,
  type TargetGroup,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { expectEqual, expectTrue, inStep, resultOf, type Expectation } from '../check-kit'

const PREFIX = 'elblab-'
const elb = new ElasticLoadBalancingV2Client({})

async function targetGroup(name: string): Promise<TargetGroup | undefined> {
  try {
    return (await elb.send(new DescribeTargetGroupsCommand({ Names: [name] }))).TargetGroups?.[0]
  } catch {
    return undefined
  }
}

async function targets(group: TargetGroup | undefined): Promise<string> {
  if (!group) return 'no target group'
  const { TargetHealthDescriptions = [] } = await elb.send(
    new DescribeTargetHealthCommand({ TargetGroupArn: group.TargetGroupArn }),
  )
  return (
    TargetHealthDescriptions.map((t) => `${t.Target?.Id}:${t.Target?.Port}`)
      .sort()
      .join(', ') || 'no targets'
  )
}

const groupText = (g: TargetGroup | undefined, name: string) =>
  g ? `${g.Protocol}:${g.Port} ${g.TargetType}, health check ${g.HealthCheckPath ?? '-'}` : `no target group ${name}`

/** An ALB path pattern: case-sensitive, `*` matches any characters and `?` exactly one. */
function pathMatches(pattern: string, path: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${regex}$`).test(path)
}

function actionText(action: Action | undefined, names: Map<string, string>): string {
  if (!action) return 'no action'
  if (action.Type === 'forward') {
    const arn = action.TargetGroupArn ?? action.ForwardConfig?.TargetGroups?.[0]?.TargetGroupArn ?? ''
    return `forward to ${names.get(arn) ?? (arn.split('/')[1] || 'unknown target group')}`
  }
  if (action.Type === 'fixed-response') return `fixed response ${action.FixedResponseConfig?.StatusCode}`
  if (action.Type === 'redirect') return `redirect ${action.RedirectConfig?.StatusCode}`
  return String(action.Type)
}

/** Where the listener sends a request for `path`: the lowest-numbered rule whose conditions all match, or the default. */
function route(rules: Rule[], path: string, names: Map<string, string>): string {
  const ordered = rules.filter((r) => !r.IsDefault).sort((a, b) => Number(a.Priority) - Number(b.Priority))
  for (const rule of ordered) {
    const conditions = rule.Conditions ?? []
    const matches =
      conditions.length > 0 &&
      conditions.every(
        (c) =>
          c.Field === 'path-pattern' &&
          (c.PathPatternConfig?.Values ?? c.Values ?? []).some((pattern) => pathMatches(pattern, path)),
      )
    if (matches) return actionText(rule.Actions?.[0], names)
  }
  return actionText(rules.find((r) => r.IsDefault)?.Actions?.[0], names)
}

async function inspect(lb: LoadBalancer): Promise<Expectation[]> {
  const id = lb.LoadBalancerName ?? ''
  const web = await targetGroup(`${id}-web`)
  const api = await targetGroup(`${id}-api`)
  const names = new Map<string, string>()
  for (const g of [web, api]) if (g?.TargetGroupArn) names.set(g.TargetGroupArn, g.TargetGroupName ?? '')

  const { Listeners = [] } = await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn }))
  const http80: Listener | undefined = Listeners.find((l) => l.Port === 80)
  const rules = http80
    ? ((await elb.send(new DescribeRulesCommand({ ListenerArn: http80.ListenerArn }))).Rules ?? [])
    : []
  const noListener = 'no listener on port 80'
  const requests: [string, string][] = [
    ['/index.html', `forward to ${id}-web`],
    ['/api/v2/orders', `forward to ${id}-api`],
    ['/api/v1/orders', 'fixed response 410'],
  ]

  return [
    ...inStep(2, [
      expectEqual(
        'Target group web',
        groupText(web, `${id}-web`),
        'HTTP:80 ip, health check /',
        'CreateTargetGroupCommand: HTTP, port 80, TargetType ip, HealthCheckPath /.',
      ),
      expectEqual(
        'Target group api',
        groupText(api, `${id}-api`),
        'HTTP:8080 ip, health check /health',
        'CreateTargetGroupCommand: HTTP, port 8080, TargetType ip, HealthCheckPath /health.',
      ),
      expectEqual(
        'Targets registered in web',
        await targets(web),
        '10.20.1.10:80, 10.20.2.10:80',
        'RegisterTargetsCommand with one target per zone.',
      ),
      expectEqual(
        'Targets registered in api',
        await targets(api),
        '10.20.1.15:8080, 10.20.2.15:8080',
        'RegisterTargetsCommand with Port 8080 for each API target.',
      ),
    ]),
    ...inStep(3, [
      expectEqual(
        'Listener',
        http80 ? `${http80.Protocol}:${http80.Port}` : noListener,
        'HTTP:80',
        'CreateListenerCommand with Protocol HTTP and Port 80 on the load balancer.',
      ),
      expectEqual(
        'Default action of the listener',
        http80 ? actionText(http80.DefaultActions?.[0], names) : noListener,
        `forward to ${id}-web`,
        'DefaultActions: [{ Type: "forward", TargetGroupArn: <web target group> }].',
      ),
    ]),
    ...inStep(
      4,
      requests.map(([path, wanted]) =>
        expectEqual(
          `GET ${path} goes to`,
          http80 ? route(rules, path, names) : noListener,
          wanted,
          path.startsWith('/api/v1')
            ? 'Add a /api/v1/* fixed-response rule with a lower priority number than the /api/* rule.'
            : 'Add a path-pattern rule for /api/* that forwards to the api target group.',
        ),
      ),
    ),
    ...inStep(4, [
      expectTrue('Rules on the listener', rules.filter((r) => !r.IsDefault).length >= 2, {
        expected: 'at least 2 besides the default',
        actual: String(rules.filter((r) => !r.IsDefault).length),
        hint: 'CreateRuleCommand once per rule, each with its own Priority.',
      }),
    ]),
  ]
}

/** Looks at every lab load balancer in the learner's account and reports on the one that is furthest along. */
export default async function check() {
  const { LoadBalancers = [] } = await elb.send(new DescribeLoadBalancersCommand({}))
  const lbs = LoadBalancers.filter((l) => l.LoadBalancerName?.startsWith(PREFIX))
  const found: Expectation = {
    step: 1,
    name: 'Load balancer from the starter code',
    status: lbs.length ? 'pass' : 'fail',
    expected: `an application load balancer named ${PREFIX}…`,
    actual: lbs.length ? lbs.map((l) => `${l.LoadBalancerName} (${l.Type})`).join(', ') : 'none',
    hint: lbs.length ? undefined : 'Run your code first: the starter creates the load balancer.',
  }
  if (!lbs.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const lb of lbs) {
    const expectations = await inspect(lb)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  return resultOf([found, ...best])
}
