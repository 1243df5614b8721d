/** Whether an exemption covers a finding. */

import picomatch from 'picomatch'
import type { Exemption } from './types.js'
import { ARN_GLOB_OPTIONS, USER_GLOB_OPTIONS } from './validate.js'

type Matcher = (value: string) => boolean

const NEVER: Matcher = () => false

/** Compiled globs per exemption; built on first use, dropped with the exemption. */
const matchers = new WeakMap<Exemption, Matcher>()

/** One matcher for the exemption's globs; a glob that does not compile matches nothing. */
function compile(ex: Exemption): Matcher {
  const [globs, options] = ex.users
    ? [ex.users, USER_GLOB_OPTIONS]
    : [ex.arns ?? [], ARN_GLOB_OPTIONS]
  const compiled: Matcher[] = []
  for (const glob of globs) {
    try {
      compiled.push(picomatch(glob, options))
    } catch {
      // loadPolicy rejects such globs; an exemption built by hand just never matches.
    }
  }
  if (compiled.length === 0) return NEVER
  return value => compiled.some(m => m(value))
}

/**
 * True when the exemption applies to the finding: its rules include the
 * finding's rule (or `*`), its account list (if any) includes `accountId`,
 * and one of its globs matches the finding's user name (`users`, where `*`
 * also matches names that start with a dot) or ARN (`arns`, where `*` also
 * matches `/`, as in IAM policies). Expiry is the caller's business (it knows
 * `now`). An exemption limited to accounts never applies when the account is
 * unknown (`accountId` null).
 */
export function exemptionMatches(
  ex: Exemption,
  finding: { ruleId: string; user: string; arn: string },
  accountId: string | null
): boolean {
  if (!ex.rules.includes('*') && !ex.rules.includes(finding.ruleId)) return false
  if (ex.accounts !== null && (accountId === null || !ex.accounts.includes(accountId))) return false
  let matcher = matchers.get(ex)
  if (!matcher) {
    matcher = compile(ex)
    matchers.set(ex, matcher)
  }
  return matcher(ex.users ? finding.user : finding.arn)
}
