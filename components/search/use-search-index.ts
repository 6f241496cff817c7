'use client'
import { useCallback, useState } from 'react'
import { createSearchIndex, isSearchDocumentList, type LessonSearchIndex } from '@/lib/search/search-options'

export type SearchIndexState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; index: LessonSearchIndex }
  | { status: 'error'; message: string }

// One download and one index per page load, shared by every mount; a failed load is forgotten so it can be retried.
let loading: Promise<LessonSearchIndex> | undefined

function loadIndex(): Promise<LessonSearchIndex> {
  loading ??= fetchIndex()
  loading.catch(() => {
    loading = undefined
  })
  return loading
}

async function fetchIndex(): Promise<LessonSearchIndex> {
  const response = await fetch('/api/search-index')
  if (!response.ok) throw new Error(`The search index could not be loaded (HTTP ${response.status}).`)
  const documents: unknown = await response.json()
  if (!isSearchDocumentList(documents)) throw new Error('The search index had an unexpected format.')
  return createSearchIndex(documents)
}

/** The lesson search index, fetched and built on the first call to load() rather than on every page view. */
export function useSearchIndex() {
  const [state, setState] = useState<SearchIndexState>({ status: 'idle' })
  const load = useCallback(() => {
    if (state.status === 'loading' || state.status === 'ready') return
    setState({ status: 'loading' })
    loadIndex().then(
      (index) => setState({ status: 'ready', index }),
      (error: unknown) =>
        setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    )
  }, [state.status])
  return { state, load }
}
