import type { Metadata } from 'next'
import { JoinClassForm } from '@/components/classes/JoinClassForm'
import { requireUser } from '@/lib/auth/require'
import { classesJoinedBy } from '@/lib/classes/classes'

export const metadata: Metadata = { title: 'My classes' }

export default async function MyClasses() {
  const user = await requireUser('/classes')
  const classes = await classesJoinedBy(user)
  return (
    <div className="narrow">
      <h1>My classes</h1>
      {classes.length === 0 ? (
        <p className="muted">You are not in a class yet. Your instructor gives you a join code or link.</p>
      ) : (
        <ul data-testid="my-classes">
          {classes.map((c) => (
            <li key={c.id}>{c.title}</li>
          ))}
        </ul>
      )}
      <h2>Join a class</h2>
      <JoinClassForm />
    </div>
  )
}
