'use client'
import { useEffect, useEffectEvent, useId, useState } from 'react'
import { isTypingTarget } from './is-typing-target'
import { ModalDialog } from './ModalDialog'

/** Keep in step with the handlers: SearchDialog (Ctrl/⌘+K, /), CodeEditor (Ctrl/⌘+Enter), this file (?), ModalDialog (Esc). */
const SHORTCUTS: { keys: string[][]; action: string }[] = [
  { keys: [['Ctrl', 'K'], ['⌘', 'K'], ['/']], action: 'Search lessons' },
  {
    keys: [
      ['Ctrl', 'Enter'],
      ['⌘', 'Enter'],
    ],
    action: 'Run the code cell you are editing',
  },
  {
    keys: [
      ['Ctrl', 'M'],
      ['Ctrl', 'Shift', 'M'],
    ],
    action:
      'In a code editor, Tab indents. Toggle "Tab moves focus" (Ctrl+M; Ctrl+Shift+M on a Mac) to leave the editor with Tab',
  },
  { keys: [['?']], action: 'Show this list of shortcuts' },
  { keys: [['Esc']], action: 'Close a dialog' },
]

/** A "Keyboard shortcuts" header button, also opened with "?" whenever the learner is not typing. */
export function ShortcutsDialog() {
  const [open, setOpen] = useState(false)
  const titleId = `${useId()}-title`

  const onGlobalKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return
    if (event.key !== '?' || isTypingTarget(event.target)) return
    event.preventDefault()
    setOpen(!open)
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onGlobalKeyDown(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  return (
    <>
      <button
        type="button"
        className="shortcuts-trigger"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
      >
        <span aria-hidden="true">?</span>
        <span className="sr-only">Keyboard shortcuts</span>
      </button>
      <ModalDialog open={open} onClose={() => setOpen(false)} labelledBy={titleId} className="shortcuts-dialog">
        <div className="modal-header">
          <h2 id={titleId}>Keyboard shortcuts</h2>
          <button type="button" className="modal-close" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
        <dl className="shortcut-list">
          {SHORTCUTS.map(({ keys, action }) => (
            <div key={action}>
              <dt>
                {keys.map((combo, i) => (
                  <span key={combo.join('+')}>
                    {i > 0 && <span className="muted"> or </span>}
                    {combo.map((key, j) => (
                      <span key={key}>
                        {j > 0 && ' + '}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </span>
                ))}
              </dt>
              <dd>{action}</dd>
            </div>
          ))}
        </dl>
      </ModalDialog>
    </>
  )
}
