import type { ReactNode } from 'react'

const LABELS = { note: 'Note', tip: 'Tip', warning: 'Warning', outdated: 'Changed since these notes' } as const

export function Callout({
  kind = 'note',
  title,
  children,
}: {
  kind?: keyof typeof LABELS
  title?: string
  children: ReactNode
}) {
  return (
    <aside className="callout" data-kind={kind} role="note">
      <p className="callout-title">{title ?? LABELS[kind]}</p>
      {children}
    </aside>
  )
}
