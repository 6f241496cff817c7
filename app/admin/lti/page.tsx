import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { LtiPlatformForm } from '@/components/admin/LtiPlatformForm'
import { LtiToolDetails } from '@/components/admin/LtiToolDetails'
import { RemovePlatformForm } from '@/components/admin/RemovePlatformForm'
import { requireAdmin } from '@/lib/auth/require'
import { env } from '@/lib/env'
import { listPlatforms } from '@/lib/lti/platforms'
import { cloudbookBase, toolUrls } from '@/lib/lti/tool-urls'

export const metadata: Metadata = { title: 'LMS platforms (LTI 1.3)' }

export default async function LtiAdminPage() {
  await requireAdmin('/admin/lti')
  const [platforms, requestHeaders] = await Promise.all([listPlatforms(), headers()])
  const urls = toolUrls(cloudbookBase(env.CLOUDBOOK_URL, requestHeaders))
  return (
    <>
      <h1>LMS platforms (LTI 1.3)</h1>
      <p className="muted">
        A course in Moodle, Canvas or another LTI 1.3 platform can open Cloudbook lessons and labs: learners are signed
        in and joined to a class for the course, and quiz scores and passed labs go to the course gradebook.
      </p>
      <h2>Cloudbook&apos;s details for the LMS</h2>
      <LtiToolDetails urls={urls} />
      <h2>Registered platforms</h2>
      {platforms.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <table className="matrix" data-testid="lti-platforms">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Issuer</th>
              <th scope="col">Client id</th>
              <th scope="col">Deployments</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {platforms.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{p.issuer}</td>
                <td>{p.clientId}</td>
                <td>{p.deploymentIds.join(', ')}</td>
                <td>
                  <RemovePlatformForm platformId={p.id} name={p.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Register a platform</h2>
      <LtiPlatformForm />
    </>
  )
}
