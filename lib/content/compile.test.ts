import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileMdx, CompileError } from './compile'

const file = path.resolve('lessons/storage/s3/lesson.mdx')

describe('compileMdx', () => {
  it('turns ```ts cell fences into runnable cells and highlights other code', async () => {
    const code = await compileMdx(
      file,
      '## Buckets\n\nA bucket holds objects.\n\n```ts cell title="List"\nconsole.log(1)\n```\n\n```json\n{"a": 1}\n```\n',
    )
    expect(code).toContain('Cell')
    expect(code).toContain('console.log(1)')
    expect(code).toContain('shiki')
    expect(code).toContain('buckets')
  })

  it('names the file and the line of a broken lesson', async () => {
    const error = await compileMdx(file, '## Fine\n\nText\n\n<Callout kind="note">\n\nnever closed\n').catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(CompileError)
    expect(String(error)).toMatch(/lessons\/storage\/s3\/lesson\.mdx: .*line \d+/)
  })

  it('compiles the same source once', async () => {
    const source = '## Cached\n\nSame text.\n'
    expect(compileMdx(file, source)).toBe(compileMdx(file, source))
  })
})
