import { describe, expect, it } from 'vitest'
import { cloudbookBase, toolUrls } from './tool-urls'

describe('tool URLs', () => {
  it('uses CLOUDBOOK_URL when set, else the address the request came to', () => {
    expect(cloudbookBase('https://cb.school.example/', new Headers({ host: 'internal:3000' }))).toBe(
      'https://cb.school.example',
    )
    expect(cloudbookBase(undefined, new Headers({ host: 'localhost:3000' }), 'http://localhost:3000/x')).toBe(
      'http://localhost:3000',
    )
    const proxied = new Headers({
      host: 'internal:3000',
      'x-forwarded-host': 'cb.example',
      'x-forwarded-proto': 'https',
    })
    expect(cloudbookBase(undefined, proxied)).toBe('https://cb.example')
  })

  it('lists what an LMS is configured with', () => {
    expect(toolUrls('https://cb.example')).toEqual({
      login: 'https://cb.example/api/lti/login',
      launch: 'https://cb.example/api/lti/launch',
      jwks: 'https://cb.example/api/lti/jwks',
      target: 'https://cb.example/',
    })
  })
})
