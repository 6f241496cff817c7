import Link from 'next/link'

export default function Forbidden() {
  return (
    <>
      <h1>Not for this account</h1>
      <p>
        Your account cannot open this page: instructor pages need an instructor account, and only admins can change
        roles. Ask your Cloudbook admin if you should have access. <Link href="/">Back to the course</Link>
      </p>
    </>
  )
}
