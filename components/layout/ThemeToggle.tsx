'use client'
import { useSyncExternalStore } from 'react'
import { isThemePreference, THEME_PREFERENCES, THEME_STORAGE_KEY, type ThemePreference } from './theme'

const LABELS: Record<ThemePreference, { icon: string; text: string }> = {
  system: { icon: '◐', text: 'System' },
  light: { icon: '☀', text: 'Light' },
  dark: { icon: '☾', text: 'Dark' },
}

const listeners = new Set<() => void>()

function readPreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY)
    return isThemePreference(stored) ? stored : 'system'
  } catch {
    return 'system' // storage blocked: the choice just is not remembered
  }
}

/** "system" removes data-theme so the prefers-color-scheme rules in globals.css apply. */
function applyPreference(preference: ThemePreference) {
  if (preference === 'system') delete document.documentElement.dataset.theme
  else document.documentElement.dataset.theme = preference
}

/** The server cannot see localStorage; the pre-paint script has already applied the real choice visually. */
function serverPreference(): ThemePreference {
  return 'system'
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  // Another tab changed the theme: follow it, so open tabs never disagree.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY && event.key !== null) return
    applyPreference(readPreference())
    listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

function choose(preference: ThemePreference) {
  try {
    if (preference === 'system') localStorage.removeItem(THEME_STORAGE_KEY)
    else localStorage.setItem(THEME_STORAGE_KEY, preference)
  } catch {
    // storage blocked: still switch for this page view
  }
  applyPreference(preference)
  listeners.forEach((listener) => listener())
}

/**
 * Cycles system → light → dark. The stored choice was already applied before paint by the script in the root
 * layout; this only reads it (the server renders "system" and the client corrects it after hydration).
 */
export function ThemeToggle() {
  const preference = useSyncExternalStore(subscribe, readPreference, serverPreference)
  const next = THEME_PREFERENCES[(THEME_PREFERENCES.indexOf(preference) + 1) % THEME_PREFERENCES.length] ?? 'system'
  const label = LABELS[preference]
  return (
    <button
      type="button"
      className="theme-toggle"
      onClick={() => choose(next)}
      title={`Switch to ${LABELS[next].text.toLowerCase()} theme`}
      data-testid="theme-toggle"
    >
      <span aria-hidden="true">{label.icon}</span>
      <span className="sr-only">Theme: </span>
      {label.text}
    </button>
  )
}
