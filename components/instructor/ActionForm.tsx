'use client'
import { useActionState, type ReactNode } from 'react'
import type { FormState } from '@/lib/classes/actions'

const initial: FormState = { error: null, message: null }

/** A form bound to a server action that shows the action's error or confirmation below its fields. */
export function ActionForm({
  action,
  children,
  submit,
  className = 'auth-form',
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>
  children: ReactNode
  submit: string
  className?: string
}) {
  const [state, formAction, pending] = useActionState(action, initial)
  return (
    <form action={formAction} className={className}>
      {children}
      <button type="submit" disabled={pending}>
        {submit}
      </button>
      {state.error && (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      )}
      {state.message && <p role="status">{state.message}</p>}
    </form>
  )
}
