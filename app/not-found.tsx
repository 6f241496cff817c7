import Link from 'next/link'

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no lesson or lab at this address. <Link href="/">Back to the course</Link>
      </p>
    </>
  )
}
