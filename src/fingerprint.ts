import { hash } from 'node:crypto'
import type { Credential } from './report/types.js'

/**
 * Stable identity of a finding across runs: the same account, rule,
 * principal and credential always give the same value. Used as SARIF
 * `primaryLocationLineHash` and by the policy-change impact diff.
 */
export function findingFingerprint(
  accountId: string | null,
  ruleId: string,
  user: string,
  credential: Credential
): string {
  // crypto.hash: a one-shot digest, cheaper than createHash for short inputs.
  return hash(
    'sha256',
    [accountId ?? 'unknown-account', ruleId, user, credential ?? '-'].join('\u0000')
  ).slice(0, 32)
}
