'use client'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useEffect, useEffectEvent, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { isTypingTarget } from '@/components/layout/is-typing-target'
import { ModalDialog } from '@/components/layout/ModalDialog'
import { useApplePlatform } from '@/components/layout/use-apple-platform'
import { searchLessons, snippet } from '@/lib/search/search-options'
import { HighlightedText } from './HighlightedText'
import { useSearchIndex } from './use-search-index'

/**
 * Instant lesson search: a header button (or Ctrl/⌘+K, or "/") opens a modal combobox. The index is downloaded
 * and built on the first open; after that every keystroke searches in memory, with no request at all.
 */
export function SearchDialog() {
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const { state, load } = useSearchIndex()
  const router = useRouter()
  const apple = useApplePlatform()
  const inputRef = useRef<HTMLInputElement>(null)
  const id = useId()
  const titleId = `${id}-title`
  const listboxId = `${id}-results`
  const optionId = (i: number) => `${id}-result-${i}`

  const hits = useMemo(() => (state.status === 'ready' ? searchLessons(state.index, query) : []), [state, query])
  const activeIndex = Math.min(active, hits.length - 1)

  function show() {
    setOpen(true)
    load()
  }

  // Reopening keeps the last query, selected, so typing replaces it and Enter repeats it. (ModalDialog's own
  // effect, which runs first, has already opened the dialog and focused the input.)
  useEffect(() => {
    if (open) inputRef.current?.select()
  }, [open])

  function close() {
    setOpen(false)
  }

  function go(url: string) {
    close()
    router.push(url)
  }

  // Global shortcuts. Ctrl/⌘+K works everywhere except where an editor already claimed it (Monaco uses it as a
  // chord prefix and marks the event handled); "/" only when the learner is not typing.
  const onGlobalKeyDown = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return
    const modifier = event.ctrlKey || event.metaKey
    if (modifier && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
      event.preventDefault() // Firefox would focus its own search bar
      show()
    } else if (event.key === '/' && !modifier && !event.altKey && !open && !isTypingTarget(event.target)) {
      event.preventDefault()
      show()
    }
  })
  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent) => onGlobalKeyDown(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  // Keep the highlighted option visible while arrowing through a long list.
  useEffect(() => {
    if (open && activeIndex >= 0) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' })
  })

  function onInputKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (!hits.length) return
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((activeIndex + step + hits.length) % hits.length)
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault()
      const hit = hits[activeIndex]
      if (hit) go(hit.document.url)
    }
  }

  const trimmed = query.trim()
  const status =
    state.status === 'error'
      ? state.message
      : state.status !== 'ready'
        ? 'Loading the search index…'
        : !trimmed
          ? 'Type to search every lesson.'
          : hits.length
            ? `${hits.length} result${hits.length === 1 ? '' : 's'}`
            : `No lessons match “${trimmed}”.`

  return (
    <>
      <button
        type="button"
        className="search-trigger"
        onClick={show}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K /"
        data-testid="search-button"
      >
        <span>Search</span>
        <kbd aria-hidden="true">{apple ? '⌘K' : 'Ctrl K'}</kbd>
      </button>
      <ModalDialog open={open} onClose={close} labelledBy={titleId} className="search-dialog" initialFocus={inputRef}>
        <div className="modal-header">
          <h2 id={titleId}>Search lessons</h2>
          <button type="button" className="modal-close" onClick={close}>
            Close
          </button>
        </div>
        <input
          ref={inputRef}
          type="text"
          className="search-input"
          role="combobox"
          aria-labelledby={titleId}
          aria-expanded={hits.length > 0}
          aria-controls={listboxId}
          aria-autocomplete="list"
          aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
          placeholder="Search services, concepts, acronyms…"
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value)
            setActive(0)
          }}
          onKeyDown={onInputKeyDown}
          data-testid="search-input"
        />
        <p className="search-status" role="status">
          {status}
        </p>
        {state.status === 'error' && (
          <button type="button" className="search-retry" onClick={load}>
            Try again
          </button>
        )}
        {/* tabIndex -1: browsers make scrollable lists tab stops, but the listbox is driven from the input. */}
        <ul className="search-results" role="listbox" id={listboxId} aria-label="Results" tabIndex={-1}>
          {hits.map((hit, i) => (
            <li key={hit.document.url} role="presentation">
              <Link
                href={hit.document.url}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                tabIndex={-1}
                className="search-result"
                data-testid="search-result"
                onClick={close}
                onMouseMove={() => {
                  if (i !== activeIndex) setActive(i)
                }}
              >
                <span className="search-result-title">
                  <HighlightedText text={hit.document.title} terms={hit.terms} />
                  {hit.document.heading && (
                    <>
                      <span aria-hidden="true"> › </span>
                      <HighlightedText text={hit.document.heading} terms={hit.terms} />
                    </>
                  )}
                </span>
                <span className="search-result-snippet">
                  <HighlightedText text={snippet(hit.document.text, hit.terms)} terms={hit.terms} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <p className="search-help muted" aria-hidden="true">
          <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to open · <kbd>Esc</kbd> to close
        </p>
      </ModalDialog>
    </>
  )
}
