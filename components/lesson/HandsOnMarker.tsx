import type { CSSProperties } from 'react'
import { handsOnDescription, handsOnLabel, type HandsOn } from '@/lib/content/hands-on'

// Styled inline from the theme variables, like the service status badge, so it follows light and dark mode.
const pill: CSSProperties = {
  display: 'inline-block',
  fontSize: '0.8rem',
  fontWeight: 600,
  padding: '0.1rem 0.55rem',
  borderRadius: '999px',
  border: '1px solid var(--accent)',
  color: 'var(--accent)',
  whiteSpace: 'nowrap',
  marginLeft: '0.4rem',
}

/** A small pill on a lesson card saying how many runnable cells and labs the lesson has; nothing when it has none. */
export function HandsOnMarker({ handsOn }: { handsOn: HandsOn | undefined }) {
  if (!handsOn) return null
  const label = handsOnLabel(handsOn)
  if (!label) return null
  return (
    <span style={pill} data-testid="hands-on" aria-label={handsOnDescription(handsOn)} role="note">
      <span aria-hidden="true">{label}</span>
    </span>
  )
}
