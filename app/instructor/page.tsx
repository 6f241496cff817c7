import type { Metadata } from 'next'
import Link from 'next/link'
import { CreateClassForm } from '@/components/instructor/CreateClassForm'
import { requireInstructor } from '@/lib/auth/require'
import { classesTaughtBy } from '@/lib/classes/classes'

export const metadata: Metadata = { title: 'Your classes' }

export default async function InstructorHome() {
  const user = await requireInstructor('/instructor')
  const classes = await classesTaughtBy(user)
  return (
    <>
      <h1>Your classes</h1>
      {classes.length === 0 ? (
        <p className="muted">No classes yet. Create one and share its join code with your learners.</p>
      ) : (
        <ul className="card-list" data-testid="class-list">
          {classes.map((c) => (
            <li key={c.id} className="card">
              <Link href={`/instructor/classes/${c.id}`}>{c.title}</Link>
              <p className="status">
                {c.members} learner{c.members === 1 ? '' : 's'} · code <code>{c.joinCode}</code>
              </p>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-class" className="narrow">
        <h2 id="new-class">New class</h2>
        <CreateClassForm />
      </section>
    </>
  )
}
