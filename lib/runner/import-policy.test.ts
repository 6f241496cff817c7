import { describe, expect, it } from 'vitest'
import { checkImport } from './import-policy'

const installed = (pkg: string) => pkg === '@aws-sdk/client-s3'

describe('import policy', () => {
  it('allows installed AWS SDK packages and the safe built-ins', () => {
    expect(checkImport('@aws-sdk/client-s3', installed)).toEqual({ ok: true, specifier: '@aws-sdk/client-s3' })
    expect(checkImport('node:crypto', installed)).toEqual({ ok: true, specifier: 'node:crypto' })
    expect(checkImport('crypto', installed)).toEqual({ ok: true, specifier: 'node:crypto' })
  })

  it('allows node:fs (confined to the run folder by the sandbox) and the files the lesson provides', () => {
    expect(checkImport('fs', installed)).toEqual({ ok: true, specifier: 'node:fs' })
    const provided = (s: string) => s === '../libs/snsClient.js'
    expect(checkImport('../libs/snsClient.js', installed, provided)).toEqual({ ok: true, specifier: '../libs/snsClient.js' })
    expect(checkImport('../libs/other.js', installed, provided).ok).toBe(false)
    const shipped = (s: string) => s === 'node_modules/@aws-doc-sdk-examples/lib/utils/util-node.js'
    expect(checkImport('@aws-doc-sdk-examples/lib/utils/util-node.js', installed, shipped).ok).toBe(true)
    expect(checkImport('@aws-doc-sdk-examples/lib/utils/util-fs.js', installed, shipped).ok).toBe(false)
    expect(checkImport('@aws-doc-sdk-examples/lib/../../../x.js', installed, () => true).ok).toBe(false)
  })

  it.each([
    ['node:net', /"node:net" is not available in Cloudbook cells/],
    ['node:child_process', /"node:child_process" is not available/],
    ['left-pad', /cannot be imported here/],
    ['@aws-sdk/client-not-real', /is not installed in Cloudbook/],
    ['@aws-sdk/client-s3/../../pg', /not a module path Cloudbook allows/],
    ['@aws-sdk/client-s3/%2e%2e/pg', /not a module path Cloudbook allows/],
    ['../../.cloudbook/cloudbook.db', /only the files its lesson provides/],
    ['/etc/passwd', /only the files its lesson provides/],
    ['file:///etc/passwd', /only the files its lesson provides/],
  ])('refuses %s and says why', (specifier, message) => {
    const verdict = checkImport(specifier, installed)
    expect(verdict.ok).toBe(false)
    if (!verdict.ok) expect(verdict.message).toMatch(message)
  })

  it('refuses import() with a computed name and says what to do instead', () => {
    const verdict = checkImport(undefined, installed)
    expect(verdict.ok).toBe(false)
    if (!verdict.ok) expect(verdict.message).toMatch(/computed module name.*Import the module by its name/)
  })
})
