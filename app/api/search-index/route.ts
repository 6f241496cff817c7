import { createHash } from 'node:crypto'
import { getSearchDocuments } from '@/lib/search/search-documents'

// Keyed by the documents array, which getSearchDocuments() reuses in production: serialize and hash it once.
const serializedCache = new WeakMap<object, { json: string; etag: string }>()

/**
 * GET /api/search-index → SearchDocument[] for every lesson. The browser downloads it once, on the first open of
 * the search dialog, and builds the MiniSearch index itself, so each keystroke searches locally and offline.
 */
export function GET(request: Request) {
  const body = serialized()
  const production = process.env.NODE_ENV === 'production'
  const headers = {
    etag: body.etag,
    // Lessons only change with a deploy: serve from cache for an hour, then revalidate cheaply by ETag. In
    // development every request revalidates so edited lessons are searchable at once.
    'cache-control': production ? 'public, max-age=3600, stale-while-revalidate=86400' : 'no-cache',
  }
  if (request.headers.get('if-none-match') === body.etag) return new Response(null, { status: 304, headers })
  return new Response(body.json, { headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } })
}

function serialized() {
  const documents = getSearchDocuments()
  let body = serializedCache.get(documents)
  if (!body) {
    const json = JSON.stringify(documents)
    body = { json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"` }
    serializedCache.set(documents, body)
  }
  return body
}
