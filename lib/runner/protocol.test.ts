import { describe, expect, it } from 'vitest'
import { LineReader } from './protocol'

function reader(maxBytes: number) {
  const lines: string[] = []
  let overflows = 0
  const r = new LineReader(
    (line) => lines.push(line),
    () => overflows++,
    maxBytes,
  )
  return { r, lines, overflows: () => overflows }
}

describe('LineReader', () => {
  it('splits lines across chunks', () => {
    const { r, lines } = reader(100)
    r.push('{"a":')
    r.push('1}\n{"b":2}\n{"c"')
    r.push(':3}\n')
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}'])
  })

  it('an oversized line spread over many chunks is one overflow and its tail is never read as a line', () => {
    const { r, lines, overflows } = reader(10)
    for (let i = 0; i < 20; i++) r.push('xxxxxxx')
    r.push('tail"}\n{"ok":1}\n')
    expect(overflows()).toBe(1)
    expect(lines).toEqual([])
  })

  it('an oversized complete line in one chunk overflows once', () => {
    const { r, lines, overflows } = reader(10)
    r.push(`${'y'.repeat(50)}\n{"ok":1}\n`)
    expect(overflows()).toBe(1)
    expect(lines).toEqual([])
  })
})
