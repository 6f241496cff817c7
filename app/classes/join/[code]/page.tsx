import type { Metadata } from 'next'
import Link from 'next/link'
import { JoinClassForm } from '@/components/classes/JoinClassForm'
import { requireUser } from '@/lib/auth/require'
import { classForCode } from '@/lib/classes/classes'

export const metadata: Metadata = { title: 'Join a class' }

/** The join link: shows the class and asks to confirm (opening a link changes nothing by itself). */
export default async function JoinByLink({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params
  await requireUser(`/classes/join/${encodeURIComponent(code)}`)
  const found = await classForCode(code)
  return (
    <div className="narrow">
      <h1>Join a class</h1>
      {found ? (
        <>
          <p>
            You are about to join <strong data-testid="join-class-title">{found.title}</strong>. Its instructors will
            see your progress in the course.
          </p>
          <JoinClassForm code={found.joinCode} />
        </>
      ) : (
        <p role="alert" className="form-error">
          This join link does not match any class. Ask your instructor for the code, then enter it on{' '}
          <Link href="/classes">My classes</Link>.
        </p>
      )}
    </div>
  )
}
