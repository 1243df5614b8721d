import type { Exemption } from './types.js'

/** `(rules unused-access-key; users svc-*; accounts 123456789012)`: what an exemption covers. */
export function exemptionScope(e: Exemption): string {
  const who = e.users ? `users ${e.users.join(', ')}` : `arns ${(e.arns ?? []).join(', ')}`
  const where = e.accounts ? `; accounts ${e.accounts.join(', ')}` : ''
  return `(rules ${e.rules.join(', ')}; ${who}${where})`
}

/** `exemption 2 (rules unused-access-key; users svc-*)`: numbered as in its file. */
export function describeExemption(e: Exemption): string {
  return `exemption ${e.index + 1} ${exemptionScope(e)}`
}
