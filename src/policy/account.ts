/**
 * The policy one account is audited under: the top-level settings with the
 * account's `account-overrides` entry laid over them. Pure.
 */

import type { FailOnSeverity } from '../severity.js'
import type { AccountOverride, Policy, RuleSettings } from './types.js'

/** Overrides by account id, built once per overrides list. */
const indexes = new WeakMap<readonly AccountOverride[], ReadonlyMap<string, AccountOverride[]>>()

function indexOf(overrides: readonly AccountOverride[]): ReadonlyMap<string, AccountOverride[]> {
  let index = indexes.get(overrides)
  if (!index) {
    const built = new Map<string, AccountOverride[]>()
    for (const o of overrides) {
      for (const account of new Set(o.accounts)) {
        const list = built.get(account)
        if (list) list.push(o)
        else built.set(account, [o])
      }
    }
    index = built
    indexes.set(overrides, index)
  }
  return index
}

/**
 * The overrides that list `accountId`, in file order: at most one for a
 * policy from `loadPolicy` (it rejects an account in two overrides); none
 * for an unknown account (`null`).
 */
export function overridesForAccount(
  policy: Policy,
  accountId: string | null
): readonly AccountOverride[] {
  const overrides = policy.accountOverrides
  if (accountId === null || !overrides || overrides.length === 0) return []
  return indexOf(overrides).get(accountId) ?? []
}

/**
 * The effective policy for one account: `failOnSeverity` and rule settings
 * from the override that lists the account, laid over the top-level ones
 * key by key (a key the override does not write keeps its top-level value).
 * Source, exemptions, positions and `accountOverrides` are unchanged.
 *
 * An account in no override, or an unknown account (`null`), gets `policy`
 * itself back, so the common case allocates nothing. A policy built by hand
 * that lists an account in several overrides gets them applied in file
 * order, the later winning. Rule ids not in `policy.rules` are ignored.
 * Cheap: a map look-up, then one copy of the rules table when the override
 * sets rules.
 */
export function policyForAccount(policy: Policy, accountId: string | null): Policy {
  const matching = overridesForAccount(policy, accountId)
  if (matching.length === 0) return policy
  let failOnSeverity = policy.failOnSeverity
  let rules: Record<string, RuleSettings> | null = null
  for (const o of matching) {
    if (o.failOnSeverity !== undefined) failOnSeverity = o.failOnSeverity
    for (const [id, s] of Object.entries(o.rules)) {
      const base = (rules ?? policy.rules)[id]
      if (!base) continue
      rules ??= { ...policy.rules }
      rules[id] = {
        enabled: s.enabled ?? base.enabled,
        severity: s.severity ?? base.severity,
        params: { ...base.params, ...s.params }
      }
    }
  }
  return { ...policy, failOnSeverity, rules: rules ?? policy.rules }
}

/**
 * `policy` with the gate threshold set to `failOn` everywhere: at the top
 * level and in every account override. For `--fail-on-severity` and the
 * action's `fail-on-severity` input, which override the policy file, so an
 * override's own `fail-on-severity` must not win over them.
 */
export function withFailOnSeverity(policy: Policy, failOn: FailOnSeverity): Policy {
  const overrides = policy.accountOverrides
  if (!overrides || overrides.every(o => o.failOnSeverity === undefined)) {
    return { ...policy, failOnSeverity: failOn }
  }
  return {
    ...policy,
    failOnSeverity: failOn,
    accountOverrides: overrides.map(o => {
      if (o.failOnSeverity === undefined) return o
      const { failOnSeverity: _dropped, ...rest } = o
      return rest
    })
  }
}
