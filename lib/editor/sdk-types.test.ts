import { describe, expect, it } from 'vitest'
import { isServablePackage, sdkTypes } from './sdk-types'

describe('SDK type declarations for the editor', () => {
  it('serves a client with the @aws-sdk and @smithy declarations it imports', () => {
    const files = sdkTypes('@aws-sdk/client-s3')
    expect(JSON.parse(files['@aws-sdk/client-s3/package.json'] ?? '{}')).toMatchObject({
      types: expect.stringMatching(/\.d\.ts$/),
    })
    expect(Object.keys(files).some((f) => f.startsWith('@aws-sdk/client-s3/') && f.endsWith('S3Client.d.ts'))).toBe(
      true,
    )
    expect(Object.keys(files).some((f) => f.startsWith('@smithy/types/'))).toBe(true)
  })

  it('serves only installed @aws-sdk packages', () => {
    expect(isServablePackage('@aws-sdk/client-sqs')).toBe(true)
    expect(isServablePackage('@aws-sdk/client-not-real')).toBe(false)
    expect(isServablePackage('../../etc/passwd')).toBe(false)
    expect(isServablePackage('left-pad')).toBe(false)
  })
})
