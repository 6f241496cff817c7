'use client'
import { useEffect, useState, type RefObject } from 'react'

/**
 * True once the element has come near the viewport (or received focus): the editor and its types load only then,
 * so a lesson page ships no editor JavaScript before a cell is in sight.
 */
export function useVisibleOnce(ref: RefObject<HTMLElement | null>, margin = '400px'): boolean {
  const [visible, setVisible] = useState(false)
  useEffect(() => {
    const element = ref.current
    if (!element || visible) return
    // every browser Cloudbook supports has IntersectionObserver; focus still loads the editor without it
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setVisible(true)
      },
      { rootMargin: margin },
    )
    observer.observe(element)
    const onFocus = () => setVisible(true)
    element.addEventListener('focusin', onFocus)
    return () => {
      observer.disconnect()
      element.removeEventListener('focusin', onFocus)
    }
  }, [ref, margin, visible])
  return visible
}
