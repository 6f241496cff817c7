'use client'
import { useEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode, type RefObject } from 'react'

type Props = {
  open: boolean
  onClose: () => void
  /** id of the visible dialog title. */
  labelledBy: string
  className?: string
  /** Focused when the dialog opens; otherwise the browser focuses the first focusable element. */
  initialFocus?: RefObject<HTMLElement | null>
  children: ReactNode
}

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex], [contenteditable]'

/** Elements Tab can reach: enabled, not taken out of the tab order (tabindex=-1), and rendered. */
function tabbable(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.tabIndex >= 0 && !el.matches(':disabled') && el.getClientRects().length > 0,
  )
}

/**
 * A modal built on <dialog>.showModal(): the browser makes the rest of the page inert and puts the dialog in the
 * top layer. On top of that: Tab wraps inside the dialog instead of escaping to the browser's toolbar, Escape
 * and a click on the backdrop close it, and focus returns to whatever had it before the dialog opened.
 */
export function ModalDialog({ open, onClose, labelledBy, className, initialFocus, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const dialog = ref.current
    if (!open || !dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    initialFocus?.current?.focus()
    return () => {
      if (dialog.open) dialog.close()
      // Only if focus is still in the dialog (or lost): a result link may already have moved it elsewhere.
      if (
        !document.activeElement ||
        document.activeElement === document.body ||
        dialog.contains(document.activeElement)
      )
        opener?.focus()
    }
  }, [open, initialFocus])

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key === 'Escape') {
      // Handled on keydown, before the browser's own close request, so state and dialog close together.
      event.preventDefault()
      onClose()
      return
    }
    if (event.key !== 'Tab') return
    const focusable = tabbable(event.currentTarget)
    const first = focusable[0]
    const last = focusable.at(-1)
    if (!first || !last) return
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  // The dialog has no padding, so a press whose target is the <dialog> itself landed on the ::backdrop. Both ends
  // of the click must be there: a text selection dragged out of the input also "clicks" the dialog.
  const pressedBackdrop = useRef(false)
  function onMouseDown(event: MouseEvent<HTMLDialogElement>) {
    pressedBackdrop.current = event.target === event.currentTarget
  }
  function onClick(event: MouseEvent<HTMLDialogElement>) {
    if (pressedBackdrop.current && event.target === event.currentTarget) onClose()
    pressedBackdrop.current = false
  }

  // The backdrop click is a pointer convenience; keyboard users close with Escape or the dialog's close button.
  return (
    <dialog
      ref={ref}
      className={className ? `modal ${className}` : 'modal'}
      role="dialog"
      aria-modal="true"
      // The title is only rendered while open; a closed dialog must not point at a missing id.
      aria-labelledby={open ? labelledBy : undefined}
      onKeyDown={onKeyDown}
      onMouseDown={onMouseDown}
      onClick={onClick}
      // Any other way the browser closes it (a close request it does not route through keydown) updates state too.
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onClose={() => {
        if (open) onClose()
      }}
    >
      {open && <div className="modal-body">{children}</div>}
    </dialog>
  )
}
