import { describe, expect, it } from 'vitest'
import { crossOriginProblem, requestOrigins } from './origin'

const post = (headers: Record<string, string>) =>
  new Request('http://localhost:3000/api/run', { method: 'POST', headers: { host: 'localhost:3000', ...headers } })

describe('crossOriginProblem', () => {
  it('accepts the app itself and configured origins', () => {
    expect(crossOriginProblem(post({ origin: 'http://localhost:3000' }), [])).toBeNull()
    expect(
      crossOriginProblem(post({ origin: 'https://course.school.example' }), ['https://course.school.example']),
    ).toBeNull()
    expect(
      crossOriginProblem(post({ origin: 'https://public.example', 'x-forwarded-host': 'public.example' }), []),
    ).toBeNull()
  })

  it('refuses other sites with a message that says what to do', () => {
    expect(crossOriginProblem(post({ origin: 'https://evil.example' }), [])).toMatch(
      /sent from https:\/\/evil\.example.*CLOUDBOOK_TRUSTED_ORIGINS/,
    )
    expect(crossOriginProblem(post({ origin: 'null' }), [])).toMatch(/unreadable Origin/)
    expect(crossOriginProblem(post({ origin: 'http://localhost:3001' }), [])).not.toBeNull()
  })

  it('lets non-browser clients without Origin through unless the browser says the request crossed sites', () => {
    expect(crossOriginProblem(post({}), [])).toBeNull()
    expect(crossOriginProblem(post({ 'sec-fetch-site': 'cross-site' }), [])).toMatch(/another site/)
  })

  it('lists the origins a request was addressed to', () => {
    expect(requestOrigins(post({}))).toEqual(['http://localhost:3000', 'https://localhost:3000'])
    expect(requestOrigins(undefined)).toEqual([])
  })
})
