import { afterAll, expect, it } from 'vitest'
import { extractCells, listLessonDirs, readLessonDir } from '@/lib/content/lesson-files'
import { unixRequest } from '@/lib/environments/unix-http'
import { closeAll, environments, freshLearner, run, type Backend } from './helpers'

afterAll(closeAll)

/**
 * Lessons without a runnable cell, and the service ids their service would have in an emulator's health report.
 * Every lesson whose service an emulator serves must have a cell; this list is checked against the running
 * emulators, so when MiniStack or LocalStack starts serving one of these, this test asks for a cell.
 */
const NOT_SERVED: Record<string, string[]> = {
  'data-pipeline': ['datapipeline'],
  'glue-databrew': ['databrew'],
  'lake-formation': ['lakeformation'],
  pinpoint: ['pinpoint'],
  'app-runner': ['apprunner'],
  'elastic-beanstalk': ['elasticbeanstalk'],
  lightsail: ['lightsail'],
  'cloud-directory': ['clouddirectory'],
  neptune: ['neptune', 'neptune-graph'],
  'redshift-serverless': ['redshift-serverless'],
  timestream: ['timestream-write', 'timestream-query'],
  cloud9: ['cloud9'],
  codeartifact: ['codeartifact'],
  codecommit: ['codecommit'],
  codedeploy: ['codedeploy'],
  xray: ['xray'],
  proton: ['proton'],
  sar: ['serverlessrepo'],
  'well-architected': ['wellarchitected'],
  appflow: ['appflow'],
  ivs: ['ivs'],
  datasync: ['datasync'],
  dms: ['dms'],
  comprehend: ['comprehend'],
  forecast: ['forecast'],
  kendra: ['kendra'],
  lex: ['lex', 'lexv2-models', 'lexv2-runtime'],
  personalize: ['personalize'],
  polly: ['polly'],
  rekognition: ['rekognition'],
  sagemaker: ['sagemaker'],
  textract: ['textract'],
  'global-accelerator': ['globalaccelerator'],
  'directory-service': ['ds'],
  'file-cache': ['fsx'],
  fsx: ['fsx'],
  'fsx-lustre': ['fsx'],
  'fsx-ontap': ['fsx'],
  'fsx-windows': ['fsx'],
  'direct-connect': ['directconnect'],
  guardduty: ['guardduty'],
  'security-hub': ['securityhub'],
  'iam-identity-center': ['sso', 'sso-admin', 'identitystore'],
}

/**
 * Lessons whose service the default emulator (MiniStack, where cells run) serves, but not the actions the lesson
 * teaches: each has a probe that must still fail there. When MiniStack learns the action, the probe passes and this
 * test asks for a cell. (LocalStack 4.13 does implement Transit Gateways; cells run on MiniStack by default.)
 */
const UNSUPPORTED_ACTIONS: Record<string, { probe: string; error: RegExp }> = {
  'transit-gateway': {
    probe: `import { EC2Client, CreateTransitGatewayCommand } from '@aws-sdk/client-ec2'
await new EC2Client({}).send(new CreateTransitGatewayCommand({ Description: 'probe' }))`,
    error: /Unknown EC2 action: CreateTransitGateway|InvalidAction|not implemented/i,
  },
}

async function servedBy(backend: Backend) {
  const { upstream } = await environments(backend).ensure(freshLearner())
  if (upstream.kind !== 'socket') return []
  const body: unknown = JSON.parse((await unixRequest(upstream.socketPath, 'GET', '/_localstack/health')).body)
  if (
    typeof body !== 'object' ||
    body === null ||
    !('services' in body) ||
    typeof body.services !== 'object' ||
    !body.services
  )
    return []
  return Object.keys(body.services)
}

it('gives every lesson whose service an emulator serves a runnable cell', async () => {
  const served = new Set([...(await servedBy('ministack')), ...(await servedBy('localstack'))])
  const withoutCells = listLessonDirs()
    .map(readLessonDir)
    .filter((lesson) => extractCells(lesson.body).length === 0)
    .map((lesson) => lesson.section)
  expect(withoutCells.filter((section) => !(section in NOT_SERVED) && !(section in UNSUPPORTED_ACTIONS))).toEqual([])
  const nowServed = withoutCells.filter((section) => (NOT_SERVED[section] ?? []).some((id) => served.has(id)))
  expect(nowServed).toEqual([])
})

it.each(Object.entries(UNSUPPORTED_ACTIONS))(
  'still cannot run the actions the %s lesson teaches',
  async (_, { probe, error }) => {
    const outcome = await run(probe, freshLearner(), { backend: 'ministack' })
    expect(outcome.result.status).toBe('error')
    expect(outcome.result.message).toMatch(error)
  },
)
