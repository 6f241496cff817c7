import { CloudWatchClient, ListMetricsCommand } from '@aws-sdk/client-cloudwatch'
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs'

const logs = new CloudWatchLogsClient({})
// every lab log group starts with /cloudbook/emflab-, which is how the check and the reset find them
const id = `emflab-${Date.now()}`
const logGroupName = `/cloudbook/${id}/checkout`
const logStreamName = 'requests'

// Step 1: where the checkout service writes its request log.
await logs.send(new CreateLogGroupCommand({ logGroupName }))
await logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName }))

type Request = { orderId: string; provider: string; latencyMs: number; at: number }
const now = Date.now()
const requests: Request[] = [
  { orderId: 'o-1001', provider: 'acme-pay', latencyMs: 182, at: now },
  { orderId: 'o-1002', provider: 'acme-pay', latencyMs: 240, at: now + 1 },
  { orderId: 'o-1003', provider: 'globex-pay', latencyMs: 95, at: now + 2 },
  { orderId: 'o-1004', provider: 'globex-pay', latencyMs: 131, at: now + 3 },
]

const Namespace = 'Cloudbook/Checkout'

// One structured line per request, which is also an EMF document: `_aws` names the metric and its dimensions, the
// values stay where they were. orderId is context for searching the logs, not a dimension.
function toLogLine(r: Request): string {
  return JSON.stringify({
    _aws: {
      Timestamp: r.at,
      CloudWatchMetrics: [
        {
          Namespace,
          // per provider, and service-wide: dimensions match exactly, so each view is published explicitly
          Dimensions: [['Service', 'PaymentProvider'], ['Service']],
          Metrics: [{ Name: 'Latency', Unit: 'Milliseconds' }],
        },
      ],
    },
    Service: 'checkout',
    PaymentProvider: r.provider,
    Latency: r.latencyMs,
    orderId: r.orderId,
  })
}

await logs.send(
  new PutLogEventsCommand({
    logGroupName,
    logStreamName,
    logEvents: requests.map((r) => ({ timestamp: r.at, message: toLogLine(r) })),
  }),
)
console.log(`wrote ${requests.length} lines to ${logGroupName}, for example:`)
console.log(toLogLine(requests[0] ?? { orderId: '-', provider: '-', latencyMs: 0, at: now }))

// On AWS the extracted metrics show up here after a short delay; the course emulator does not extract EMF.
const { Metrics = [] } = await new CloudWatchClient({}).send(new ListMetricsCommand({ Namespace }))
console.log(
  `metrics in ${Namespace}:`,
  Metrics.map((m) => `${m.MetricName} ${JSON.stringify(m.Dimensions)}`),
)
