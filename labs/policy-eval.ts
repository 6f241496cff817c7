// A small reader of IAM policy documents for the IAM labs' checks: enough of IAM's matching rules (wildcards in
// actions, resources and principals; Deny beats Allow; no Allow means an implicit deny) to ask "does this document
// allow that request?" on every emulator alike. Conditions are not evaluated.

export type Statement = {
  Sid?: string
  Effect?: string
  Action?: string | string[]
  NotAction?: string | string[]
  Resource?: string | string[]
  NotResource?: string | string[]
  Principal?: unknown
  Condition?: unknown
}
export type PolicyDocument = { Version?: string; Statement?: Statement | Statement[] }
export type Decision = 'allowed' | 'explicit deny' | 'implicit deny'

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

/** IAM's wildcards: * is any run of characters, ? is one character. */
export function wildcard(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value)
}

/** Parses a policy document as IAM returns it: JSON, or URL-encoded JSON (GetPolicyVersion, GetRolePolicy…). */
export function parsePolicy(text: string | undefined): PolicyDocument | undefined {
  if (!text) return undefined
  for (const candidate of [text, safeDecode(text)]) {
    try {
      const parsed: unknown = JSON.parse(candidate)
      if (parsed && typeof parsed === 'object') return parsed
    } catch {
      // try the next form
    }
  }
  return undefined
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

export function statements(doc: PolicyDocument | undefined): Statement[] {
  const s = doc?.Statement
  return s === undefined ? [] : Array.isArray(s) ? s : [s]
}

/** The principals a statement names, as strings ("*", ARNs, account ids, service names). */
export function principalsOf(statement: Statement): string[] {
  const p = statement.Principal
  if (p === undefined) return []
  if (typeof p === 'string') return [p]
  if (p && typeof p === 'object') {
    return Object.values(p).flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.map(String) : []))
  }
  return []
}

function principalMatches(statement: Statement, principal: string | undefined): boolean {
  if (principal === undefined) return statement.Principal === undefined
  const account = /^arn:aws:iam::(\d{12}):/.exec(principal)?.[1]
  return principalsOf(statement).some(
    (p) =>
      p === '*' ||
      p === principal ||
      (account !== undefined && (p === account || p === `arn:aws:iam::${account}:root`)),
  )
}

function applies(statement: Statement, action: string, resource: string, principal: string | undefined): boolean {
  const actionOk = statement.NotAction
    ? !list(statement.NotAction).some((a) => wildcard(a, action, true))
    : list(statement.Action).some((a) => wildcard(a, action, true))
  // a trust policy (and some other resource-based policies) has no Resource: it applies to the resource it is on
  const resourceOk = statement.NotResource
    ? !list(statement.NotResource).some((r) => wildcard(r, resource))
    : statement.Resource === undefined || list(statement.Resource).some((r) => wildcard(r, resource))
  return actionOk && resourceOk && principalMatches(statement, principal)
}

/**
 * The decision of one or more documents for a request. `principal` is given for resource-based policies (which
 * name who they grant); leave it out for identity-based policies, whose statements must have no Principal.
 */
export function decide(
  docs: (PolicyDocument | undefined)[],
  action: string,
  resource: string,
  principal?: string,
): Decision {
  const all = docs.flatMap(statements).filter((s) => applies(s, action, resource, principal))
  if (all.some((s) => s.Effect === 'Deny')) return 'explicit deny'
  if (all.some((s) => s.Effect === 'Allow')) return 'allowed'
  return 'implicit deny'
}
