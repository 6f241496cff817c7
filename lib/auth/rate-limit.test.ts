import { describe, expect, it } from 'vitest'
import { refuseTooManyAttempts } from './rate-limit'

const signIn = (email: string, address = '203.0.113.7') =>
  new Request('http://localhost:3000/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password: 'guess' }),
  })

describe('refuseTooManyAttempts', () => {
  it('allows 10 sign-in attempts per address and email in 15 minutes, then answers 429 with Retry-After', async () => {
    for (let i = 0; i < 10; i++) expect(await refuseTooManyAttempts(signIn('ada@example.test'))).toBeNull()
    const refused = await refuseTooManyAttempts(signIn('ADA@example.test'))
    expect(refused?.status).toBe(429)
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await refused?.json()).toMatchObject({ message: expect.stringMatching(/Too many attempts/) })
    // another account from the same address, or the same account from elsewhere, is not locked out
    expect(await refuseTooManyAttempts(signIn('grace@example.test'))).toBeNull()
    expect(await refuseTooManyAttempts(signIn('ada@example.test', '198.51.100.1'))).toBeNull()
  })

  it('limits sign-ups per address and leaves other endpoints alone', async () => {
    const signUp = () =>
      new Request('http://localhost:3000/api/auth/sign-up/email', {
        method: 'POST',
        headers: { 'x-forwarded-for': '192.0.2.9' },
        body: '{}',
      })
    for (let i = 0; i < 5; i++) expect(await refuseTooManyAttempts(signUp())).toBeNull()
    expect((await refuseTooManyAttempts(signUp()))?.status).toBe(429)
    const session = new Request('http://localhost:3000/api/auth/get-session', {
      headers: { 'x-forwarded-for': '192.0.2.9' },
    })
    expect(await refuseTooManyAttempts(session)).toBeNull()
  })
})
