import { describe, expect, it } from 'vitest'
import { codeBody, parseBody } from './request'

const post = (body: string) => new Request('http://localhost/api/run', { method: 'POST', body })

describe('request bodies', () => {
  it('accepts {"code": …}', async () => {
    expect(await parseBody(post('{"code":"console.log(1)"}'), codeBody)).toEqual({ data: { code: 'console.log(1)' } })
  })

  it('answers a non-JSON body with 400 and what was expected, not a 500', async () => {
    const parsed = await parseBody(post('not json'), codeBody)
    if (!('error' in parsed)) throw new Error('expected a refusal')
    expect(parsed.error.status).toBe(400)
    expect(await parsed.error.json()).toEqual({ error: expect.stringMatching(/must be JSON, e\.g\. \{"code"/) })
  })

  it('says which field is missing', async () => {
    const parsed = await parseBody(post('{}'), codeBody)
    if (!('error' in parsed)) throw new Error('expected a refusal')
    expect(await parsed.error.json()).toEqual({ error: expect.stringMatching(/needs a "code" field/) })
  })

  it('refuses oversized bodies before parsing them', async () => {
    const parsed = await parseBody(post(JSON.stringify({ code: 'x'.repeat(300 * 1024) })), codeBody)
    if (!('error' in parsed)) throw new Error('expected a refusal')
    expect(parsed.error.status).toBe(413)
  })
})
