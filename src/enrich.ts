import type { Evaluation } from './evaluation.js'
import type { AccessKeyCredential, CredentialReport } from './report/types.js'

/** A user whose access-key findings want key ids, with what the report says of each key. */
export interface KeyIdRequest {
  user: string
  keys: { credential: AccessKeyCredential; lastRotated: number | null }[]
}

function isAccessKey(credential: string | null): credential is AccessKeyCredential {
  return credential === 'access_key_1' || credential === 'access_key_2'
}

/**
 * The users to look up with `ListAccessKeys`: only IAM users that have a
 * finding on an access key (root keys cannot be listed by another principal).
 */
export function keyIdRequests(evaluation: Evaluation, report: CredentialReport): KeyIdRequest[] {
  const wanted = new Map<string, Set<AccessKeyCredential>>()
  for (const f of evaluation.findings) {
    if (f.user === '<root_account>' || !isAccessKey(f.credential)) continue
    const set = wanted.get(f.user) ?? new Set()
    set.add(f.credential)
    wanted.set(f.user, set)
  }
  const rows = new Map(report.users.map(r => [r.user, r]))
  return [...wanted].map(([user, creds]) => ({
    user,
    keys: [...creds].sort().map(credential => {
      const cell = rows.get(user)?.accessKeys.find(k => k.credential === credential)?.lastRotated
      return { credential, lastRotated: typeof cell === 'number' ? cell : null }
    })
  }))
}

/** Key ids by `user/credential`, attached to the matching findings. */
export function withKeyIds(
  evaluation: Evaluation,
  keyIds: ReadonlyMap<string, string>
): Evaluation {
  return {
    ...evaluation,
    findings: evaluation.findings.map(f => {
      const keyId = keyIds.get(`${f.user}/${f.credential}`)
      return keyId ? { ...f, keyId } : f
    })
  }
}

/** When each access key with a finding was created, by `user/credential` (`RenderContext.accessKeysCreated`). */
export function accessKeyCreationTimes(requests: readonly KeyIdRequest[]): Map<string, number> {
  const created = new Map<string, number>()
  for (const { user, keys } of requests) {
    for (const k of keys)
      if (k.lastRotated !== null) created.set(`${user}/${k.credential}`, k.lastRotated)
  }
  return created
}
