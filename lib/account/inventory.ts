import 'server-only'
import http from 'node:http'
import { CloudFormationClient, DeleteStackCommand, ListStacksCommand } from '@aws-sdk/client-cloudformation'
import { CloudWatchLogsClient, DeleteLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs'
import { DeleteTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import {
  DeleteRuleCommand,
  EventBridgeClient,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  RemoveTargetsCommand,
} from '@aws-sdk/client-eventbridge'
import { DeleteStreamCommand, KinesisClient, ListStreamsCommand } from '@aws-sdk/client-kinesis'
import { DeleteFunctionCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda'
import {
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListBucketsCommand,
  ListObjectVersionsCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { DeleteSecretCommand, ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { DeleteStateMachineCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn'
import { DeleteTopicCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns'
import { DeleteQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs'
import { DeleteParameterCommand, DescribeParametersCommand, SSMClient } from '@aws-sdk/client-ssm'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import type { EnvironmentRoute } from '../environments/spawner'

/**
 * "Your account": what the learner's code created in their emulator environment, listed and deleted by the server
 * with the learner's own credentials (so a shared emulator shows only their account). The server's code, not the
 * learner's, so it talks to the environment's socket directly; every call has a short timeout.
 */
export type ResourceKind =
  | 'bucket'
  | 'queue'
  | 'topic'
  | 'table'
  | 'function'
  | 'stream'
  | 'state-machine'
  | 'rule'
  | 'secret'
  | 'parameter'
  | 'log-group'
  | 'stack'

export type Resource = { kind: ResourceKind; id: string; name: string }

type Clients = ReturnType<typeof clientsFor>

function clientsFor(route: EnvironmentRoute, region: string) {
  const requestHandler = new NodeHttpHandler({
    connectionTimeout: 2000,
    requestTimeout: 5000,
    // http.Agent passes socketPath on to net.createConnection (not in its type): requests go to the unix socket
    httpAgent:
      route.upstream.kind === 'socket'
        ? new http.Agent({ keepAlive: true, ...{ socketPath: route.upstream.socketPath } })
        : undefined,
  })
  const config = {
    endpoint: route.upstream.kind === 'url' ? route.upstream.url : 'http://127.0.0.1:4566',
    region,
    credentials: { accessKeyId: route.learner.accountId, secretAccessKey: 'test' },
    requestHandler,
    maxAttempts: 1,
  }
  return {
    s3: new S3Client({ ...config, forcePathStyle: true }),
    sqs: new SQSClient(config),
    sns: new SNSClient(config),
    dynamodb: new DynamoDBClient(config),
    lambda: new LambdaClient(config),
    kinesis: new KinesisClient(config),
    sfn: new SFNClient(config),
    events: new EventBridgeClient(config),
    secrets: new SecretsManagerClient(config),
    ssm: new SSMClient(config),
    logs: new CloudWatchLogsClient(config),
    cloudformation: new CloudFormationClient(config),
  }
}

const last = (arn: string) => arn.split(/[:/]/).pop() ?? arn

type Handler = {
  label: string
  list: (c: Clients) => Promise<{ id: string; name: string }[]>
  remove: (c: Clients, id: string) => Promise<unknown>
}

/** Each kind of resource a lesson or lab creates: how to list it and how to delete it. */
export const HANDLERS: Record<ResourceKind, Handler> = {
  bucket: {
    label: 'S3 buckets',
    list: async ({ s3 }) =>
      ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => ({ id: b.Name ?? '', name: b.Name ?? '' })),
    remove: async ({ s3 }, Bucket) => {
      // a bucket must be empty, every version and delete marker included
      for (;;) {
        const page = await s3.send(new ListObjectVersionsCommand({ Bucket }))
        const Objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => ({
          Key: v.Key ?? '',
          VersionId: v.VersionId,
        }))
        if (!Objects.length) break
        await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects } }))
      }
      return s3.send(new DeleteBucketCommand({ Bucket }))
    },
  },
  queue: {
    label: 'SQS queues',
    list: async ({ sqs }) =>
      ((await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? []).map((url) => ({ id: url, name: last(url) })),
    remove: ({ sqs }, QueueUrl) => sqs.send(new DeleteQueueCommand({ QueueUrl })),
  },
  topic: {
    label: 'SNS topics',
    list: async ({ sns }) =>
      ((await sns.send(new ListTopicsCommand({}))).Topics ?? []).map((t) => ({
        id: t.TopicArn ?? '',
        name: last(t.TopicArn ?? ''),
      })),
    remove: ({ sns }, TopicArn) => sns.send(new DeleteTopicCommand({ TopicArn })),
  },
  table: {
    label: 'DynamoDB tables',
    list: async ({ dynamodb }) =>
      ((await dynamodb.send(new ListTablesCommand({}))).TableNames ?? []).map((n) => ({ id: n, name: n })),
    remove: ({ dynamodb }, TableName) => dynamodb.send(new DeleteTableCommand({ TableName })),
  },
  function: {
    label: 'Lambda functions',
    list: async ({ lambda }) =>
      ((await lambda.send(new ListFunctionsCommand({}))).Functions ?? []).map((f) => ({
        id: f.FunctionName ?? '',
        name: f.FunctionName ?? '',
      })),
    remove: ({ lambda }, FunctionName) => lambda.send(new DeleteFunctionCommand({ FunctionName })),
  },
  stream: {
    label: 'Kinesis streams',
    list: async ({ kinesis }) =>
      ((await kinesis.send(new ListStreamsCommand({}))).StreamNames ?? []).map((n) => ({ id: n, name: n })),
    remove: ({ kinesis }, StreamName) =>
      kinesis.send(new DeleteStreamCommand({ StreamName, EnforceConsumerDeletion: true })),
  },
  'state-machine': {
    label: 'Step Functions state machines',
    list: async ({ sfn }) =>
      ((await sfn.send(new ListStateMachinesCommand({}))).stateMachines ?? []).map((m) => ({
        id: m.stateMachineArn ?? '',
        name: m.name ?? '',
      })),
    remove: ({ sfn }, stateMachineArn) => sfn.send(new DeleteStateMachineCommand({ stateMachineArn })),
  },
  rule: {
    label: 'EventBridge rules (default bus)',
    list: async ({ events }) =>
      ((await events.send(new ListRulesCommand({}))).Rules ?? []).map((r) => ({ id: r.Name ?? '', name: r.Name ?? '' })),
    remove: async ({ events }, Rule) => {
      const { Targets = [] } = await events.send(new ListTargetsByRuleCommand({ Rule }))
      if (Targets.length) await events.send(new RemoveTargetsCommand({ Rule, Ids: Targets.map((t) => t.Id ?? '') }))
      return events.send(new DeleteRuleCommand({ Name: Rule }))
    },
  },
  secret: {
    label: 'Secrets Manager secrets',
    list: async ({ secrets }) =>
      ((await secrets.send(new ListSecretsCommand({}))).SecretList ?? []).map((s) => ({
        id: s.ARN ?? s.Name ?? '',
        name: s.Name ?? '',
      })),
    remove: ({ secrets }, SecretId) => secrets.send(new DeleteSecretCommand({ SecretId, ForceDeleteWithoutRecovery: true })),
  },
  parameter: {
    label: 'SSM parameters',
    list: async ({ ssm }) =>
      ((await ssm.send(new DescribeParametersCommand({}))).Parameters ?? []).map((p) => ({
        id: p.Name ?? '',
        name: p.Name ?? '',
      })),
    remove: ({ ssm }, Name) => ssm.send(new DeleteParameterCommand({ Name })),
  },
  'log-group': {
    label: 'CloudWatch log groups',
    list: async ({ logs }) =>
      ((await logs.send(new DescribeLogGroupsCommand({}))).logGroups ?? []).map((g) => ({
        id: g.logGroupName ?? '',
        name: g.logGroupName ?? '',
      })),
    remove: ({ logs }, logGroupName) => logs.send(new DeleteLogGroupCommand({ logGroupName })),
  },
  stack: {
    label: 'CloudFormation stacks',
    list: async ({ cloudformation }) =>
      ((await cloudformation.send(new ListStacksCommand({}))).StackSummaries ?? [])
        .filter((s) => s.StackStatus !== 'DELETE_COMPLETE')
        .map((s) => ({ id: s.StackName ?? '', name: s.StackName ?? '' })),
    remove: ({ cloudformation }, StackName) => cloudformation.send(new DeleteStackCommand({ StackName })),
  },
}

export const RESOURCE_KINDS = Object.keys(HANDLERS).filter((k): k is ResourceKind => k in HANDLERS)

export type Inventory = { groups: { kind: ResourceKind; label: string; items: Resource[] }[]; unavailable: string[] }

/** Runs `work` with the learner's clients and closes their connections after. */
async function withClients<T>(route: EnvironmentRoute, region: string, work: (clients: Clients) => Promise<T>) {
  const clients = clientsFor(route, region)
  try {
    return await work(clients)
  } finally {
    Object.values(clients).forEach((c) => c.destroy())
  }
}

async function inventoryOf(clients: Clients): Promise<Inventory> {
  const results = await Promise.all(
    RESOURCE_KINDS.map(async (kind) => {
      try {
        const items = (await HANDLERS[kind].list(clients)).filter((i) => i.id)
        return { kind, label: HANDLERS[kind].label, items: items.map((i) => ({ kind, ...i })), ok: true }
      } catch {
        return { kind, label: HANDLERS[kind].label, items: [], ok: false }
      }
    }),
  )
  return {
    groups: results.filter((r) => r.ok && r.items.length).map(({ kind, label, items }) => ({ kind, label, items })),
    unavailable: results.filter((r) => !r.ok).map((r) => r.label),
  }
}

/** Everything the learner's account holds, by kind; a kind the emulator does not serve is listed as unavailable. */
export function listResources(route: EnvironmentRoute, region: string): Promise<Inventory> {
  return withClients(route, region, inventoryOf)
}

/** Deletes one resource of the learner's (the id must be one listResources returned for them). */
export function deleteResource(route: EnvironmentRoute, region: string, kind: ResourceKind, id: string) {
  return withClients(route, region, async (clients) => {
    const listed = await HANDLERS[kind].list(clients)
    if (!listed.some((i) => i.id === id)) return false
    await HANDLERS[kind].remove(clients, id)
    return true
  })
}

/** Deletes everything listResources finds (for a shared emulator, where the environment cannot be reset whole). */
export function deleteEverything(route: EnvironmentRoute, region: string): Promise<string[]> {
  return withClients(route, region, async (clients) => {
    const { groups } = await inventoryOf(clients)
    const failed: string[] = []
    // functions and rules before the queues and topics they point at; stacks first, they own other resources
    const order: ResourceKind[] = ['stack', 'rule', 'function', 'state-machine']
    const rank = (k: ResourceKind) => (order.includes(k) ? order.indexOf(k) : order.length)
    for (const group of [...groups].sort((a, b) => rank(a.kind) - rank(b.kind)))
      for (const item of group.items)
        await HANDLERS[item.kind].remove(clients, item.id).catch(() => failed.push(`${group.label}: ${item.name}`))
    return failed
  })
}
