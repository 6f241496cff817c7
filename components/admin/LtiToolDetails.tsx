/** What an LMS administrator enters when adding Cloudbook as an LTI 1.3 tool. */
export function LtiToolDetails({ urls }: { urls: { login: string; launch: string; jwks: string; target: string } }) {
  const rows = [
    ['Tool URL / target link URI', urls.target],
    ['Initiate login URL (OIDC login)', urls.login],
    ['Redirect URI (launch)', urls.launch],
    ['Public keyset URL (JWKS)', urls.jwks],
  ]
  return (
    <>
      <table className="matrix" data-testid="lti-tool-details">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>
                <code>{value}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        On each link in the course, set the custom parameter <code>lesson=&lt;lesson id&gt;</code> or{' '}
        <code>lab=&lt;lab id&gt;</code> (or point the link at <code>/lessons/…</code> or <code>/labs/…</code>). Give the
        link a grade item to receive quiz scores and passed labs; allow the tool to post scores (Assignment and Grade
        Services). Open it in a new window: Cloudbook&apos;s session cookie is not sent inside another site&apos;s
        frame.
      </p>
    </>
  )
}
