// Input types that take no text: a single-key shortcut pressed on them (a quiz radio button) is still a shortcut.
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit'])

/**
 * True when a key press belongs to text entry: text inputs, textareas, selects, contenteditable regions and the
 * Monaco editor (whose hidden textarea holds focus). Single-key shortcuts ("/", "?") must not fire there.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target.closest('.monaco-editor')) return true
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type)
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
}
