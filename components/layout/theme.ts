/**
 * Theme preference: "system" follows prefers-color-scheme; "light"/"dark" pin it. The choice lives in
 * localStorage and shows up as <html data-theme>, which globals.css keys its colour variables on.
 * Shared by the root layout (the pre-paint script) and ThemeToggle, so both use the same key and values.
 */
export type ThemePreference = 'system' | 'light' | 'dark'

export const THEME_STORAGE_KEY = 'cloudbook-theme'
export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark']

export function isThemePreference(value: unknown): value is ThemePreference {
  return value === 'system' || value === 'light' || value === 'dark'
}

/**
 * Runs in <head> before the body is parsed, so a stored dark/light choice is applied before the first paint
 * instead of flashing the system theme. try/catch: localStorage throws when storage is blocked.
 */
export const themeInitScript = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`
