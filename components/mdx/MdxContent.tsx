import { getMDXComponent } from 'mdx-bundler/client'
import { Cell } from '@/components/notebook/Cell'
import { Callout } from './Callout'

/** The one components map every lesson and lab can use. */
const components = { Callout, Cell }

// Evaluating compiled MDX builds a new component; keep one per compiled string.
const rendered = new Map<string, ReturnType<typeof getMDXComponent>>()

export function MdxContent({ code }: { code: string }) {
  let Component = rendered.get(code)
  if (!Component) {
    Component = getMDXComponent(code)
    rendered.set(code, Component)
  }
  return (
    <div className="prose">
      <Component components={components} />
    </div>
  )
}
