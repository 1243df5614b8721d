import type { SourcePosition } from '../errors.js'
import type { FailOnSeverity, Severity } from '../severity.js'

export type PolicySource = { kind: 'built-in' } | { kind: 'file'; path: string }

/** A rule's effective settings: the catalog defaults overlaid with the policy file. */
export interface RuleSettings {
  enabled: boolean
  severity: Severity
  params: Readonly<Record<string, number>>
}

export interface Exemption {
  /** 0-based index in the policy's `exemptions` list. */
  index: number
  /** Rule ids, or `*` for all rules. */
  rules: readonly string[]
  /** Globs on the report's `user` column; null when the exemption selects by ARN. */
  users: readonly string[] | null
  /** Globs on the principal's ARN; null when the exemption selects by user. */
  arns: readonly string[] | null
  /** Account ids the exemption is limited to; null for every account. */
  accounts: readonly string[] | null
  reason: string
  /** The last day the exemption applies, `YYYY-MM-DD`. */
  expires: string
  /** The first instant it no longer applies: midnight UTC after `expires`. */
  expiresAt: number
  /** 1-based line of the exemption's list item in the policy file (0 for built-in). */
  line: number
}

/**
 * What an account override writes for one rule: only the keys the file sets.
 * `params` holds only the parameters it writes.
 */
export interface RuleSettingsOverride {
  enabled?: boolean
  severity?: Severity
  params: Readonly<Record<string, number>>
}

/** Settings that apply to some accounts instead of the top-level ones. */
export interface AccountOverride {
  /** 0-based index in the policy's `account-overrides` list. */
  index: number
  /** The 12-digit account ids it applies to; at least one. */
  accounts: readonly string[]
  reason: string
  /** The gate threshold for these accounts; absent: the top-level one. */
  failOnSeverity?: FailOnSeverity
  /** Rule settings by rule id, only the keys written; overlaid on the top-level settings. */
  rules: Readonly<Record<string, RuleSettingsOverride>>
  /** 1-based line of the override's list item in the policy file (0 when built by hand). */
  line: number
}

export interface Policy {
  source: PolicySource
  version: 1
  failOnSeverity: FailOnSeverity
  /** Settings for every rule in the catalog, defaults applied. */
  rules: Readonly<Record<string, RuleSettings>>
  exemptions: readonly Exemption[]
  /**
   * Settings for some accounts (`account-overrides`), in file order; an
   * account is in at most one of them. `policyForAccount` applies them.
   * Optional so that policies built by hand need not list them; `loadPolicy`
   * and `defaultPolicy` always set it.
   */
  accountOverrides?: readonly AccountOverride[]
  /**
   * Source positions of the policy file's nodes by JSON pointer, e.g.
   * `/rules/access-key-rotation/max-age-days` or `/exemptions/0/expires`.
   * Empty for the built-in policy.
   */
  positions: ReadonlyMap<string, SourcePosition>
}
