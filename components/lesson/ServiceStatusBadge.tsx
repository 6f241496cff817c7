import type { CSSProperties } from 'react'
import type { ServiceStatus } from '@/lib/content/schema'
import { serviceStatusBadge } from '@/lib/content/service-status'

// Styled inline from the theme variables so the badge needs no stylesheet of its own and follows light and dark mode.
const pill: CSSProperties = {
  display: 'inline-block',
  fontSize: '0.8rem',
  fontWeight: 600,
  padding: '0.1rem 0.55rem',
  borderRadius: '999px',
  border: '1px solid var(--warn)',
  color: 'var(--warn)',
  whiteSpace: 'nowrap',
}
const retiredPill: CSSProperties = { ...pill, borderColor: 'var(--fail)', color: 'var(--fail)' }
const panel: CSSProperties = {
  border: '1px solid var(--warn)',
  borderRadius: 'var(--radius)',
  padding: '0.6rem 0.9rem',
  margin: '0.75rem 0',
}

type Props = {
  status: ServiceStatus
  /** card: the compact pill on the course home; header: pill plus dates and advice at the top of the lesson */
  variant: 'card' | 'header'
}

/** Tells readers that the service a lesson teaches is closed to new customers, being retired or retired. */
export function ServiceStatusBadge({ status, variant }: Props) {
  const badge = serviceStatusBadge(status)
  const label = (
    <span style={badge.state === 'closed' ? retiredPill : pill} data-testid="service-status" data-state={badge.state}>
      <span aria-hidden>⚠ </span>
      {badge.label}
    </span>
  )
  if (variant === 'card') {
    // the title adds dates for pointer users; the visible label is what screen readers announce, and the lesson has the rest
    return (
      <p className="service-status" title={badge.detail || badge.note} style={{ margin: '0.25rem 0' }}>
        {label}
      </p>
    )
  }
  return (
    <aside className="service-status" role="note" aria-label="Service status" style={panel}>
      <p style={{ margin: 0 }}>
        {label}
        {badge.detail && ` ${badge.detail}`}
      </p>
      <p style={{ margin: '0.35rem 0 0' }}>{badge.note}</p>
    </aside>
  )
}
