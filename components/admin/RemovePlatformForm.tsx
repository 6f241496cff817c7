'use client'
import { ActionForm } from '@/components/instructor/ActionForm'
import { removeLtiPlatformAction } from '@/lib/lti/actions'

export function RemovePlatformForm({ platformId, name }: { platformId: string; name: string }) {
  return (
    <ActionForm action={removeLtiPlatformAction} submit={`Remove ${name}`} className="role-form">
      <input type="hidden" name="platformId" value={platformId} />
    </ActionForm>
  )
}
