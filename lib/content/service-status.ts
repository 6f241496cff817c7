import type { ServiceState, ServiceStatus } from './schema'

export type ServiceStatusBadge = {
  state: ServiceState
  /** Short visible label, e.g. "Closed to new customers". */
  label: string
  /** The known dates as sentences for the lesson header; empty when the lesson gives no exact day. */
  detail: string
  note: string
}

const LABELS: Record<ServiceState, string> = {
  'closed-to-new-customers': 'Closed to new customers',
  closing: 'Being retired',
  closed: 'Retired',
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "2027-07-24" → "24 July 2027"; written by hand so the server and every browser print the same text. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number)
  const name = month ? MONTHS[month - 1] : undefined
  return name && year && date ? `${date} ${name} ${year}` : day
}

/**
 * What a lesson about a closing service shows. A "closing" service whose end-of-support day has passed is shown as
 * retired, so the badge stays right after the date without anyone editing the lesson.
 */
export function serviceStatusBadge(
  status: ServiceStatus,
  today: string = new Date().toISOString().slice(0, 10),
): ServiceStatusBadge {
  const ended = status.endOfSupport !== undefined && status.endOfSupport <= today
  const state: ServiceState = status.state === 'closing' && ended ? 'closed' : status.state
  const sentences: string[] = []
  if (state === 'closed') {
    sentences.push(status.endOfSupport ? `Support ended on ${formatDay(status.endOfSupport)}.` : 'Support has ended.')
  } else {
    if (status.since) sentences.push(`Closed to new customers since ${formatDay(status.since)}.`)
    if (status.endOfSupport) sentences.push(`End of support on ${formatDay(status.endOfSupport)}.`)
  }
  const detail = sentences.join(' ')
  return { state, label: LABELS[state], detail, note: status.note }
}
