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

// One structured line per request.
function toLogLine(r: Request): string {
  // TODO (step 2): add the `_aws` metadata (Timestamp in milliseconds, CloudWatchMetrics with the namespace
  //                Cloudbook/Checkout, the dimension set [Service, PaymentProvider] and the metric Latency in
  //                Milliseconds), so that CloudWatch can extract the metric from this line.
  // TODO (step 3): add the dimension set [Service] as well, for a service-wide latency.
  return JSON.stringify({ Service: 'checkout', PaymentProvider: r.provider, Latency: r.latencyMs, orderId: r.orderId })
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

// TODO (step 3): list the metrics of Cloudbook/Checkout with ListMetricsCommand (@aws-sdk/client-cloudwatch) and
//                print them.
