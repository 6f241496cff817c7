'use client'
import { useSyncExternalStore } from 'react'

const neverChanges = () => () => {}

/**
 * Whether to label the modifier key ⌘ (Apple) or Ctrl. The server cannot know, so it renders ⌘ and the client
 * corrects it after hydration; useSyncExternalStore makes that a re-render rather than a hydration mismatch.
 */
export function useApplePlatform(): boolean {
  return useSyncExternalStore(
    neverChanges,
    () => /Mac|iPhone|iPad|iPod/.test(navigator.userAgent),
    () => true,
  )
}
