import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ServiceStatusBadge } from '@/components/lesson/ServiceStatusBadge'
import { getLessonFile, listLessons } from '@/lib/content/lessons'
import { lessonFrontmatterSchema, serviceStatusSchema, type ServiceStatus } from '@/lib/content/schema'
import { formatDay, serviceStatusBadge } from '@/lib/content/service-status'

const closing: ServiceStatus = {
  state: 'closing',
  since: '2025-11-07',
  endOfSupport: '2027-07-24',
  note: 'No new customers; move to DynamoDB or Neptune before support ends.',
}

describe('service status schema', () => {
  it('accepts the unquoted YAML dates gray-matter turns into Date objects', () => {
    const parsed = serviceStatusSchema.parse({
      ...closing,
      since: new Date('2025-11-07'),
      endOfSupport: new Date('2027-07-24'),
    })
    expect(parsed.since).toBe('2025-11-07')
    expect(parsed.endOfSupport).toBe('2027-07-24')
  })

  it('requires an end-of-support date for closing and closed services', () => {
    expect(serviceStatusSchema.safeParse({ state: 'closing', note: closing.note }).success).toBe(false)
    expect(serviceStatusSchema.safeParse({ state: 'closed', note: closing.note }).success).toBe(false)
    expect(serviceStatusSchema.safeParse({ state: 'closed-to-new-customers', note: closing.note }).success).toBe(true)
  })

  it('rejects unknown states and keeps the field optional', () => {
    expect(serviceStatusSchema.safeParse({ ...closing, state: 'deprecated' }).success).toBe(false)
    const base = {
      section: 's3',
      title: 'Amazon S3',
      part: 'storage',
      order: 1,
      summary: 'Object storage for anything.',
      minutes: 10,
    }
    expect(lessonFrontmatterSchema.parse(base).status).toBeUndefined()
  })
})

describe('serviceStatusBadge', () => {
  it('labels each state and spells the dates', () => {
    expect(formatDay('2027-07-24')).toBe('24 July 2027')
    const badge = serviceStatusBadge(closing, '2026-12-04')
    expect(badge).toMatchObject({ state: 'closing', label: 'Being retired', note: closing.note })
    expect(badge.detail).toBe('Closed to new customers since 7 November 2025. End of support on 24 July 2027.')
    expect(serviceStatusBadge({ state: 'closed-to-new-customers', note: closing.note }).label).toBe(
      'Closed to new customers',
    )
  })

  it('shows a closing service as retired once its end-of-support day has come', () => {
    const badge = serviceStatusBadge(closing, '2027-07-24')
    expect(badge.state).toBe('closed')
    expect(badge.label).toBe('Retired')
    expect(badge.detail).toBe('Support ended on 24 July 2027.')
  })
})

describe('badge data flow from lesson to page', () => {
  it('carries the frontmatter status into the course index the home page renders', () => {
    const summary = listLessons().find((l) => l.section === 'cloud-directory')
    expect(summary?.status).toMatchObject({ state: 'closing', since: '2025-11-07', endOfSupport: '2027-07-24' })
    expect(getLessonFile('cloud-directory')?.frontmatter.status).toEqual(summary?.status)
    expect(listLessons().find((l) => l.section === 's3')?.status).toBeUndefined()
  })

  it('renders a visible, labelled badge on the card and a note with dates in the lesson header', () => {
    const status = listLessons().find((l) => l.section === 'cloud-directory')?.status
    if (!status) throw new Error('cloud-directory lost its status')
    const expected = serviceStatusBadge(status)
    const card = renderToStaticMarkup(createElement(ServiceStatusBadge, { status, variant: 'card' }))
    expect(card).toContain(expected.label)
    expect(card).toContain(`data-state="${expected.state}"`)
    const header = renderToStaticMarkup(createElement(ServiceStatusBadge, { status, variant: 'header' }))
    expect(header).toContain('role="note"')
    expect(header).toContain('aria-label="Service status"')
    expect(header).toContain(expected.detail)
    expect(header).toContain(status.note)
  })
})
