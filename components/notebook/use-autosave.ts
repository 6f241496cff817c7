'use client'
import { useCallback, useEffect, useRef, useState } from 'react'

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'error'

export const SAVE_LABEL: Record<SaveState, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  unsaved: 'Unsaved changes',
  error: 'Could not save — retrying on next change',
}

const AUTOSAVE_DELAY_MS = 700

/**
 * Saves text a quiet moment after typing stops (PUT { code } to `url`). `changed` is called on every edit; the
 * text itself stays in the editor, so autosave never feeds a value back into it.
 */
export function useAutosave(url: string | undefined) {
  const [state, setState] = useState<SaveState>('saved')
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const latest = useRef<string>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  const save = useCallback(
    async (code: string) => {
      if (!url) return
      setState('saving')
      const response = await fetch(url, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      }).catch(() => undefined)
      if (latest.current === code) setState(response?.ok ? 'saved' : 'error')
    },
    [url],
  )

  const changed = useCallback(
    (code: string) => {
      if (!url) return
      latest.current = code
      setState('unsaved')
      clearTimeout(timer.current)
      timer.current = setTimeout(() => void save(code), AUTOSAVE_DELAY_MS)
    },
    [url, save],
  )

  /** Drops a pending save (Restore/Reset replaced the text on the server already). */
  const settle = useCallback(() => {
    clearTimeout(timer.current)
    latest.current = undefined
    setState('saved')
  }, [])

  return { state, changed, settle }
}
