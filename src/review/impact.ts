/**
 * The live impact of a policy edit: one credential report evaluated under
 * the base and the head policy, compared finding by finding (by
 * fingerprint), each difference attributed to the head policy line that
 * causes it. Pure.
 */

import type { Evaluation, Finding, Verdict } from '../evaluation.js'
import { overridesForAccount, policyForAccount } from '../policy/account.js'
import type { Exemption, Policy } from '../policy/types.js'
import { findRule } from '../rules/catalog.js'
import { meetsThreshold } from '../severity.js'
import { pairExemptions } from './diff.js'
import { exemptionPointer, positionOf } from '../policy/position.js'

/** A finding the policy change hides or reveals, with the head line responsible. */
export interface ImpactedFinding {
  /** The finding as the side that reports it has it: base for hidden, head for revealed. */
  finding: Finding
  /** Why: "exempted by exemption 2 (until 2027-03-31)", "rule unused-access-key disabled", … */
  cause: string
  /** 1-based position in the head policy file of the setting responsible. */
  line: number
  column: number
  /** JSON pointer of that setting. */
  pointer: string
  /** Whether the finding fails the gate on the side that reports it. */
  failsGate: boolean
}

/** What evaluating the same report under the base and the head policy shows. */
export interface PolicyImpact {
  /** Reported (not exempted) under base; exempted or not reported under head. */
  hidden: ImpactedFinding[]
  /** Reported under head; exempted or not reported under base. */
  revealed: ImpactedFinding[]
  /** Reported under both; failed the gate under base, does not under head (severity or fail-on-severity). */
  noLongerFailing: ImpactedFinding[]
  /** Reported under both; fails the gate under head, did not under base. */
  nowFailing: ImpactedFinding[]
  verdict: { base: Verdict; head: Verdict; changed: boolean }
}

type Cause = Pick<ImpactedFinding, 'cause' | 'line' | 'column' | 'pointer'>

/**
 * Compares two evaluations of one report (same report, `now` and account
 * facts) by finding fingerprint and attributes each difference to the head
 * policy setting that causes it.
 */
export function comparePolicyEvaluations(
  base: Evaluation,
  head: Evaluation,
  basePolicy: Policy,
  headPolicy: Policy
): PolicyImpact {
  const baseAll = new Map(base.findings.map(f => [f.fingerprint, f]))
  const headAll = new Map(head.findings.map(f => [f.fingerprint, f]))
  const reported = (f: Finding | undefined): boolean => f !== undefined && !f.exempted
  const baseFails = (f: Finding): boolean => meetsThreshold(f.severity, base.verdict.failOnSeverity)
  const headFails = (f: Finding): boolean => meetsThreshold(f.severity, head.verdict.failOnSeverity)
  const { pairs, removed } = pairExemptions(basePolicy, headPolicy)
  const at = (pointer: string, ...fallbacks: string[]) => ({
    pointer,
    ...positionOf(headPolicy, pointer, ...fallbacks)
  })
  // The settings the audited account gets, and where the head writes them:
  // in its account override when that sets the key, at the top level otherwise.
  const accountId = head.account.id ?? base.account.id
  const baseEffective = policyForAccount(basePolicy, accountId)
  const headEffective = policyForAccount(headPolicy, accountId)
  const override = overridesForAccount(headPolicy, accountId).at(-1)
  const where: SettingPointer = (ruleId, key) => {
    const prefix = override ? `/account-overrides/${override.index}` : null
    if (prefix && ruleId === null && override?.failOnSeverity !== undefined) {
      return `${prefix}/fail-on-severity`
    }
    const written = ruleId === null ? undefined : override?.rules[ruleId]
    const writesKey =
      written !== undefined &&
      (key === null ||
        (key === 'enabled' && written.enabled !== undefined) ||
        (key === 'severity' && written.severity !== undefined) ||
        Object.hasOwn(written.params, key))
    const path = ruleId === null ? '/fail-on-severity' : `/rules/${ruleId}${key ? `/${key}` : ''}`
    return prefix && writesKey ? `${prefix}${path}` : path
  }

  const hidden: ImpactedFinding[] = []
  const noLongerFailing: ImpactedFinding[] = []
  const nowFailing: ImpactedFinding[] = []
  for (const f of base.findings) {
    if (f.exempted) continue
    const now = headAll.get(f.fingerprint)
    if (now && reported(now)) {
      const before = baseFails(f)
      const after = headFails(now)
      if (before === after) continue
      const cause = gateCause(f, now, base, head, at, where)
      if (before) noLongerFailing.push({ finding: now, ...cause, failsGate: false })
      else nowFailing.push({ finding: now, ...cause, failsGate: true })
      continue
    }
    let cause: Cause
    const applied = now?.exemption
    if (applied) {
      const e = headPolicy.exemptions[applied.index]
      const baseSide = pairs.find(([, h]) => h.index === applied.index)?.[0] ?? null
      const what = e && baseSide ? exemptionEdit(baseSide, e) : 'added'
      cause = {
        cause: `exempted by exemption ${applied.index + 1} (${what}; until ${applied.expires})`,
        ...at(exemptionPointer(applied.index), '/exemptions')
      }
    } else {
      cause = ruleCause(f.ruleId, baseEffective, headEffective, 'hidden', at, where)
    }
    hidden.push({ finding: f, ...cause, failsGate: baseFails(f) })
  }

  const revealed: ImpactedFinding[] = []
  for (const f of head.findings) {
    if (f.exempted) continue
    const before = baseAll.get(f.fingerprint)
    if (reported(before)) continue
    let cause: Cause
    if (before?.exemption) {
      const index = before.exemption.index
      const continued = pairs.find(([b]) => b?.index === index)?.[1]
      if (continued) {
        cause = {
          cause: `no longer exempted: exemption ${continued.index + 1} (exemption ${index + 1} of the base) ${exemptionEdit(basePolicy.exemptions[index], continued)}`,
          ...at(exemptionPointer(continued.index), '/exemptions')
        }
      } else {
        const gone = removed.some(e => e.index === index)
        cause = {
          cause: `no longer exempted: exemption ${index + 1} of the base ${gone ? 'removed' : 'changed'}`,
          ...at('/exemptions')
        }
      }
    } else {
      cause = ruleCause(f.ruleId, baseEffective, headEffective, 'revealed', at, where)
    }
    revealed.push({ finding: f, ...cause, failsGate: headFails(f) })
  }

  return {
    hidden,
    revealed,
    noLongerFailing,
    nowFailing,
    verdict: {
      base: base.verdict,
      head: head.verdict,
      changed: base.verdict.result !== head.verdict.result
    }
  }
}

/** "added", "widened", "narrowed", "expiry extended": how a paired exemption changed. */
function exemptionEdit(b: Exemption | undefined, h: Exemption): string {
  if (!b) return 'added'
  if (h.expiresAt > b.expiresAt) return 'expiry extended'
  if (h.expiresAt < b.expiresAt) return 'expiry brought forward'
  return 'edited'
}

/** The pointer of a rule setting (`ruleId` null: fail-on-severity) as the head writes it for the account. */
type SettingPointer = (ruleId: string | null, key: string | null) => string

/** The rule setting that makes a finding appear or vanish (policies already for the account). */
function ruleCause(
  ruleId: string,
  base: Policy,
  head: Policy,
  direction: 'hidden' | 'revealed',
  at: (pointer: string, ...fallbacks: string[]) => Omit<Cause, 'cause'>,
  where: SettingPointer
): Cause {
  const b = base.rules[ruleId]
  const h = head.rules[ruleId]
  const pointer = where(ruleId, null)
  if (b && h && b.enabled !== h.enabled) {
    return {
      cause: `rule ${ruleId} ${h.enabled ? 'enabled' : 'disabled'}`,
      ...at(where(ruleId, 'enabled'), pointer)
    }
  }
  if (b && h) {
    const params = findRule(ruleId)?.parameters.map(p => p.name) ?? []
    const changed = params.filter(k => b.params[k] !== h.params[k])
    const [first] = changed
    if (first !== undefined) {
      const what = changed.map(k => `${k} ${b.params[k]} → ${h.params[k]}`).join(', ')
      return { cause: `rule ${ruleId} ${what}`, ...at(where(ruleId, first), pointer) }
    }
  }
  return {
    cause: direction === 'hidden' ? 'no longer reported' : 'newly reported',
    ...at(pointer)
  }
}

/** Why a finding reported on both sides changed whether it fails the gate. */
function gateCause(
  before: Finding,
  after: Finding,
  base: Evaluation,
  head: Evaluation,
  at: (pointer: string, ...fallbacks: string[]) => Omit<Cause, 'cause'>,
  where: SettingPointer
): Cause {
  const parts: string[] = []
  if (before.severity !== after.severity) {
    parts.push(`severity ${before.severity} → ${after.severity}`)
  }
  const failBefore = base.verdict.failOnSeverity
  const failAfter = head.verdict.failOnSeverity
  if (failBefore !== failAfter) parts.push(`fail-on-severity ${failBefore} → ${failAfter}`)
  const pointer =
    before.severity !== after.severity ? where(after.ruleId, 'severity') : where(null, null)
  return { cause: parts.join(', '), ...at(pointer) }
}
