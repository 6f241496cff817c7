import { expect, it } from 'vitest'
import { extractCells, listLessonDirs, readLessonDir } from '@/lib/content/lesson-files'
import { endpointOf } from './helpers'

/**
 * Lessons without a "Try it" cell, and the service ids their service would have in an emulator's health report.
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
}

async function servedBy(endpoint: string) {
  const body: unknown = await (await fetch(`${endpoint}/_localstack/health`)).json()
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

it('gives every lesson whose service an emulator serves a "Try it" cell', async () => {
  const served = new Set([...(await servedBy(endpointOf('ministack'))), ...(await servedBy(endpointOf('localstack')))])
  const withoutCells = listLessonDirs()
    .map(readLessonDir)
    .filter((lesson) => extractCells(lesson.body).length === 0)
    .map((lesson) => lesson.section)
  expect(withoutCells.filter((section) => !(section in NOT_SERVED))).toEqual([])
  const nowServed = withoutCells.filter((section) => (NOT_SERVED[section] ?? []).some((id) => served.has(id)))
  expect(nowServed).toEqual([])
})
