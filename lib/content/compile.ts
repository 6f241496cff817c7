import 'server-only'
import path from 'node:path'
import rehypeShiki from '@shikijs/rehype'
import { bundleMDX } from 'mdx-bundler'
import rehypeAutolinkHeadings from 'rehype-autolink-headings'
import rehypeSlug from 'rehype-slug'
import remarkGfm from 'remark-gfm'
import { remarkCells } from './remark-cells'
import { remarkDiagrams } from './remark-diagrams'

/** Bounded: compiling is CPU-heavy and this machine may have two cores serving requests too. */
const MAX_CONCURRENT = 2
let running = 0
const queue: (() => void)[] = []

async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => queue.push(resolve))
  running++
  try {
    return await fn()
  } finally {
    running--
    queue.shift()?.()
  }
}

export class CompileError extends Error {}

const cache = new Map<string, Promise<string>>()

/**
 * The one MDX compile function: markdown + GFM tables, runnable cells, D2 diagrams, heading anchors, Shiki highlighting.
 * Results are cached per file and source, so a lesson compiles once per process (or once at build).
 */
export function compileMdx(file: string, source: string): Promise<string> {
  const key = `${file}\0${source.length}\0${hash(source)}`
  let compiled = cache.get(key)
  if (!compiled) {
    compiled = withSlot(() => compile(file, source))
    compiled.catch(() => cache.delete(key))
    cache.set(key, compiled)
  }
  return compiled
}

function hash(text: string) {
  let h = 0
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0
  return h
}

async function compile(file: string, source: string): Promise<string> {
  try {
    const { code } = await bundleMDX({
      source,
      cwd: path.dirname(file),
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkCells, remarkDiagrams]
        options.rehypePlugins = [
          ...(options.rehypePlugins ?? []),
          rehypeSlug,
          [
            rehypeAutolinkHeadings,
            { behavior: 'append', properties: { className: ['heading-anchor'], ariaLabel: 'Link to this section' } },
          ],
          [
            rehypeShiki,
            {
              themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
              langs: [
                'ts',
                'js',
                'json',
                'yaml',
                'sh',
                'bash',
                'sql',
                'python',
                'graphql',
                'text',
                'ini',
                'dockerfile',
                'hcl',
              ],
              defaultLanguage: 'text',
              fallbackLanguage: 'text',
            },
          ],
        ]
        return options
      },
    })
    return code
  } catch (error) {
    throw new CompileError(`${path.relative(process.cwd(), file)}: ${describeCompileError(error)}`)
  }
}

/** esbuild/MDX errors carry the position deep inside; surface "line:column message". */
function describeCompileError(error: unknown): string {
  if (error && typeof error === 'object' && 'errors' in error && Array.isArray(error.errors) && error.errors.length) {
    const first: unknown = error.errors[0]
    if (first && typeof first === 'object' && 'text' in first) {
      const location =
        'location' in first && first.location && typeof first.location === 'object' && 'line' in first.location
          ? `line ${String(first.location.line)}: `
          : ''
      return `${location}${String(first.text)}`
    }
  }
  return error instanceof Error ? error.message : String(error)
}
