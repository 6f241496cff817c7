'use client'
import { useCallback, useEffect, useState } from 'react'
import { z } from 'zod'
import { RUN_FINISHED_EVENT } from '@/components/notebook/use-run'

const viewSchema = z.object({
  state: z.enum(['running', 'stopped', 'unreachable']),
  groups: z.array(
    z.object({
      kind: z.string(),
      label: z.string(),
      items: z.array(z.object({ kind: z.string(), id: z.string(), name: z.string() })),
    }),
  ),
  unavailable: z.array(z.string()),
})
type View = z.infer<typeof viewSchema>

async function post(body: unknown): Promise<string | undefined> {
  const response = await fetch('/api/account', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).catch(() => undefined)
  if (response?.ok) return undefined
  const answer: unknown = await response?.json().catch(() => undefined)
  const parsed = z.object({ error: z.string() }).safeParse(answer)
  return parsed.success ? parsed.data.error : 'The server could not do that. Try again in a moment.'
}

/**
 * "Your account": what your code created in your emulator environment, refreshed after every run, with delete and
 * "clean everything". Nothing here is shared with other learners.
 */
export function AccountPanel() {
  const [open, setOpen] = useState(false)
  const [view, setView] = useState<View>()
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string>()

  const refresh = useCallback(async () => {
    const response = await fetch('/api/account', { cache: 'no-store' }).catch(() => undefined)
    const parsed = viewSchema.safeParse(await response?.json().catch(() => undefined))
    if (parsed.success) setView(parsed.data)
  }, [])

  useEffect(() => {
    if (!open) return
    const onRun = () => void refresh()
    window.addEventListener(RUN_FINISHED_EVENT, onRun)
    // first look when opened; afterwards after every run on the page
    queueMicrotask(onRun)
    return () => window.removeEventListener(RUN_FINISHED_EVENT, onRun)
  }, [open, refresh])

  const act = async (body: unknown, confirmText?: string) => {
    if (confirmText && !window.confirm(confirmText)) return
    setBusy(true)
    setNotice(await post(body))
    await refresh()
    setBusy(false)
  }

  const count = view?.groups.reduce((n, g) => n + g.items.length, 0) ?? 0
  return (
    <details className="account-panel" data-testid="account-panel" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Your account{view?.state === 'running' ? ` (${count} resource${count === 1 ? '' : 's'})` : ''}
      </summary>
      {!view && <p className="muted">Looking…</p>}
      {view?.state === 'stopped' && (
        <p className="muted">Your AWS environment is not running yet; it starts with your first run.</p>
      )}
      {view?.state === 'unreachable' && <p className="muted">The emulator is not reachable right now.</p>}
      {view?.state === 'running' && count === 0 && <p className="muted">Empty: your code has not created anything yet.</p>}
      {view?.groups.map((group) => (
        <section key={group.kind} aria-label={group.label}>
          <h3>{group.label}</h3>
          <ul>
            {group.items.map((item) => (
              <li key={item.id} data-testid="account-resource">
                <code>{item.name}</code>{' '}
                <button
                  type="button"
                  aria-disabled={busy}
                  onClick={() => void (busy ? undefined : act({ action: 'delete', kind: item.kind, id: item.id }))}
                  aria-label={`Delete ${item.name}`}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {count > 0 && (
        <button
          type="button"
          aria-disabled={busy}
          data-testid="account-clean"
          onClick={() =>
            void (busy
              ? undefined
              : act({ action: 'clean' }, 'Delete everything in your AWS account here? Lab progress is kept.'))
          }
        >
          Clean everything
        </button>
      )}
      {notice && <p role="status">{notice}</p>}
      {view && view.unavailable.length > 0 && (
        <p className="muted">Not listed (this emulator does not serve them): {view.unavailable.join(', ')}.</p>
      )}
    </details>
  )
}
