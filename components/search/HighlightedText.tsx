import { Fragment } from 'react'
import { highlight } from '@/lib/search/search-options'

/** Text with the words a search hit matched wrapped in <mark>. */
export function HighlightedText({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {highlight(text, terms).map((segment, i) =>
        segment.match ? <mark key={i}>{segment.text}</mark> : <Fragment key={i}>{segment.text}</Fragment>,
      )}
    </>
  )
}
