import { getMDXComponent } from 'mdx-bundler/client'
import { createElement } from 'react'
import { Cell } from '@/components/notebook/Cell'
import { Callout } from './Callout'
import { Diagram } from './Diagram'

/** The one components map every lesson and lab can use. */
const components = { Callout, Cell, Diagram }

// Evaluating compiled MDX builds a new component; keep one per compiled string.
const rendered = new Map<string, ReturnType<typeof getMDXComponent>>()

function renderMdx(code: string) {
  let component = rendered.get(code)
  if (!component) {
    component = getMDXComponent(code)
    rendered.set(code, component)
  }
  return createElement(component, { components })
}

export function MdxContent({ code }: { code: string }) {
  return <div className="prose">{renderMdx(code)}</div>
}
