import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { transpile, TranspileError } from './transpile'

const nodeModules = path.resolve('node_modules')
const compile = (source: string) => transpile(source, 'cell.ts', { nodeModules })

describe('transpile', () => {
  it('keeps @aws-sdk imports external and adds an inline source map', async () => {
    const out = await compile(
      `import { S3Client } from '@aws-sdk/client-s3'\nconst s3: S3Client = new S3Client({})\nconsole.log(s3)`,
    )
    expect(out).toMatch(/from "@aws-sdk\/client-s3"/)
    expect(out).toContain('sourceMappingURL=data:application/json')
  })

  it('allows the safe built-ins', async () => {
    await expect(compile(`import { randomUUID } from 'node:crypto'\nconsole.log(randomUUID())`)).resolves.toContain(
      'node:crypto',
    )
  })

  it.each([
    ['fs', /"fs" is not available in Cloudbook cells/],
    ['node:child_process', /"node:child_process" is not available/],
    ['left-pad', /cannot be imported here/],
    ['@aws-sdk/client-not-real', /is not installed in Cloudbook/],
  ])('refuses %s with a clear message and the line', async (specifier, message) => {
    const error = await compile(`const x = 1\nimport y from '${specifier}'\nconsole.log(x, y)`).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TranspileError)
    expect(String(error)).toMatch(message)
    expect(error).toHaveProperty('line', 2)
  })

  it('reports syntax errors at the learner line', async () => {
    const error = await compile('const ok = 1\n\nconst broken = ;').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TranspileError)
    expect(error).toHaveProperty('line', 3)
  })

  it('lets trusted code import relative helpers only when asked', async () => {
    const source = `import { resultOf } from '../check-kit'\nexport default () => resultOf([])`
    await expect(compile(source)).rejects.toThrow(/cannot be imported here/)
    const out = await transpile(source, 'check.ts', { nodeModules, relativeTo: path.resolve('labs/s3-versioning') })
    expect(out).toContain('function resultOf')
  })
})
