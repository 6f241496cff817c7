'use client'

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Try again; if it keeps failing, the server log has the details.</p>
      <button onClick={reset}>Try again</button>
    </>
  )
}
