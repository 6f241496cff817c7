import { describe, expect, it } from 'vitest'
import {
  AGS_SCORE_SCOPE,
  CLAIM,
  claimProblem,
  displayName,
  gradedLineItem,
  isTeachingRole,
  launchClaimsSchema,
  launchTarget,
  scoresUrl,
  targetPath,
} from './claims'

const base = {
  sub: 'u1',
  nonce: 'n',
  [CLAIM.messageType]: 'LtiResourceLinkRequest',
  [CLAIM.version]: '1.3.0',
  [CLAIM.deploymentId]: 'd1',
  [CLAIM.targetLinkUri]: 'https://cloudbook.example/',
  [CLAIM.resourceLink]: { id: 'r1' },
  [CLAIM.roles]: [],
}

describe('launch claims', () => {
  it('accepts a minimal resource-link launch and ignores unreadable optional claims', () => {
    const parsed = launchClaimsSchema.parse({ ...base, email: 'not an email', [CLAIM.context]: 'garbage' })
    expect(parsed.email).toBeUndefined()
    expect(parsed[CLAIM.context]).toBeUndefined()
  })

  it.each([
    [{ [CLAIM.messageType]: 'LtiDeepLinkingRequest' }, /only resource-link launches/],
    [{ [CLAIM.version]: '1.1.0' }, /only LTI version 1\.3\.0/],
    [{ [CLAIM.deploymentId]: undefined }, /no deployment id/],
    [{ sub: undefined }, /"sub"/],
    [{ [CLAIM.resourceLink]: undefined }, /no resource link/],
  ])('says what is wrong with %o', (change, message) => {
    const parsed = launchClaimsSchema.safeParse({ ...base, ...change })
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(claimProblem(parsed.error)).toMatch(message)
  })
})

describe('launch target', () => {
  const known = new Set(['lesson:s3-basics', 'lab:s3-versioning'])
  const exists = (t: { kind: string; id: string }) => known.has(`${t.kind}:${t.id}`)
  const claims = (custom: Record<string, unknown> | undefined, uri = 'https://cloudbook.example/') => ({
    [CLAIM.custom]: custom,
    [CLAIM.targetLinkUri]: uri,
  })

  it('prefers a custom parameter, then the target link URI, and only names what exists', () => {
    expect(launchTarget(claims({ lab: 's3-versioning' }), exists)).toEqual({ kind: 'lab', id: 's3-versioning' })
    expect(launchTarget(claims({ lesson: ' s3-basics ' }), exists)).toEqual({ kind: 'lesson', id: 's3-basics' })
    expect(launchTarget(claims(undefined, 'https://cb.example/lessons/s3-basics'), exists)).toEqual({
      kind: 'lesson',
      id: 's3-basics',
    })
    expect(launchTarget(claims({ lesson: 'nope' }, 'https://cb.example/labs/s3-versioning/'), exists)).toEqual({
      kind: 'lab',
      id: 's3-versioning',
    })
    expect(launchTarget(claims({ lesson: '../admin' }), () => true)).toBeNull()
    expect(launchTarget(claims(undefined, 'https://cb.example/admin'), () => true)).toBeNull()
  })

  it('maps targets to paths on this site only', () => {
    expect(targetPath({ kind: 'lab', id: 'x' })).toBe('/labs/x')
    expect(targetPath({ kind: 'lesson', id: 'y' })).toBe('/lessons/y')
    expect(targetPath(null)).toBe('/progress')
  })
})

describe('grades', () => {
  it('puts /scores after the line item path and keeps its query', () => {
    expect(scoresUrl('https://lms.example/api/lti/courses/1/line_items/7')).toBe(
      'https://lms.example/api/lti/courses/1/line_items/7/scores',
    )
    expect(scoresUrl('https://lms.example/mod/lti/services.php/2/lineitems/5/lineitem?type_id=1')).toBe(
      'https://lms.example/mod/lti/services.php/2/lineitems/5/lineitem/scores?type_id=1',
    )
  })

  it('posts only to a line item the launch granted the score scope for', () => {
    const lineitem = 'https://lms.example/li/1'
    expect(gradedLineItem({ [CLAIM.agsEndpoint]: { scope: [AGS_SCORE_SCOPE], lineitem } })).toBe(lineitem)
    expect(gradedLineItem({ [CLAIM.agsEndpoint]: { scope: [], lineitem } })).toBeNull()
    expect(gradedLineItem({ [CLAIM.agsEndpoint]: { scope: [AGS_SCORE_SCOPE] } })).toBeNull()
    expect(gradedLineItem({ [CLAIM.agsEndpoint]: undefined })).toBeNull()
  })
})

describe('people', () => {
  it('recognises teaching roles, not learners or institution roles', () => {
    expect(isTeachingRole(['http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor'])).toBe(true)
    expect(isTeachingRole(['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'])).toBe(false)
    expect(isTeachingRole(['http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor'])).toBe(false)
  })

  it('names people from name, else given and family name', () => {
    expect(displayName({ name: 'Ada Lovelace' })).toBe('Ada Lovelace')
    expect(displayName({ given_name: 'Ada', family_name: 'King' })).toBe('Ada King')
    expect(displayName({})).toBe('LMS learner')
  })
})
