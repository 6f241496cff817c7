'use client'
import { ActionForm } from '@/components/instructor/ActionForm'
import { registerLtiPlatformAction } from '@/lib/lti/actions'

/** Registering an LMS: the values its tool registration shows (Moodle: "Tool details"; Canvas: the developer key). */
export function LtiPlatformForm() {
  return (
    <ActionForm action={registerLtiPlatformAction} submit="Register LMS">
      <label>
        Name
        <input name="name" required maxLength={80} placeholder="School Moodle" />
      </label>
      <label>
        Issuer (iss)
        <input name="issuer" type="url" required placeholder="https://moodle.school.example" />
      </label>
      <label>
        Client id
        <input name="clientId" required maxLength={255} />
      </label>
      <label>
        Authentication request URL
        <input name="authLoginUrl" type="url" required placeholder="https://moodle.school.example/mod/lti/auth.php" />
      </label>
      <label>
        Access token URL
        <input name="tokenUrl" type="url" required placeholder="https://moodle.school.example/mod/lti/token.php" />
      </label>
      <label>
        Public keyset URL
        <input name="jwksUrl" type="url" required placeholder="https://moodle.school.example/mod/lti/certs.php" />
      </label>
      <label>
        Deployment ids (comma-separated)
        <input name="deploymentIds" required placeholder="1" />
      </label>
    </ActionForm>
  )
}
