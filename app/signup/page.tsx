import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { SignInForm } from '@/components/auth/SignInForm'
import { safeNextPath } from '@/lib/auth/next-path'
import { currentUser } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Create an account' }

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next)
  if (await currentUser()) redirect(next)
  return (
    <div className="narrow">
      <h1>Create an account</h1>
      <p className="muted">
        Keep your progress across browsers and join your instructor&apos;s class. Lessons you have already read, quiz
        answers and lab work on this browser come with you.
      </p>
      <SignInForm mode="sign-up" next={next} />
    </div>
  )
}
