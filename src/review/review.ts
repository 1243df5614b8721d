/**
 * A policy review: the static changes between two policies and, when a
 * credential report is at hand, their live impact on it. Pure; the CLI and
 * the action adapter both call it.
 */

import type { AccountFacts } from '../account/types.js'
import { InputError } from '../errors.js'
import { evaluate } from '../evaluate.js'
import type { Policy } from '../policy/types.js'
import type { CredentialReport } from '../report/types.js'
import type { PolicyChange } from './diff.js'
import { diffPolicies } from './diff.js'
import type { PolicyImpact } from './impact.js'
import { comparePolicyEvaluations } from './impact.js'

/** Default of the `max-exemption-days` input and `--max-exemption-days` flag. */
export const DEFAULT_MAX_EXEMPTION_DAYS = 90

/**
 * What happened to the policy file: edited; added (no base file, so the
 * base is the built-in default); deleted (no head file, so the built-in
 * default applies from now on).
 */
export type FileChange = 'modified' | 'added' | 'deleted'

export interface ReviewOptions {
  now: number
  maxExemptionDays: number
  /** The report to measure the live impact on; omitted, only the static review runs. */
  report?: CredentialReport
  /** Live-account facts for rules that need them (same for both sides). */
  accountFacts?: AccountFacts
  /**
   * What happened to the file, when the policies' sources do not say (a
   * base file that does not load is replaced by the built-in default but
   * the file was still modified).
   */
  fileChange?: FileChange
}

export interface PolicyReview {
  fileChange: FileChange
  /** Display names of the two sides: a path, or "built-in default policy". */
  base: string
  head: string
  changes: PolicyChange[]
  /** Present when a report was given. */
  impact?: PolicyImpact
  /** True when a change weakens the policy, or the live impact shows it does. */
  weakens: boolean
  /** True when a change tightens the policy, or the live impact reveals findings. */
  tightens: boolean
}

export const BUILT_IN = 'built-in default policy'

function nameOf(policy: Policy): string {
  return policy.source.kind === 'file' ? policy.source.path : BUILT_IN
}

/** Reviews the change from `base` to `head`. Throws `ReportError` for a report the evaluation refuses. */
export function reviewPolicies(base: Policy, head: Policy, options: ReviewOptions): PolicyReview {
  const changes = diffPolicies(base, head, {
    now: options.now,
    maxExemptionDays: options.maxExemptionDays
  })
  let impact: PolicyImpact | undefined
  if (options.report) {
    const evalOptions = options.accountFacts ? { account: options.accountFacts } : {}
    impact = comparePolicyEvaluations(
      evaluate(options.report, base, options.now, evalOptions),
      evaluate(options.report, head, options.now, evalOptions),
      base,
      head
    )
  }
  const fileChange: FileChange =
    options.fileChange ??
    (base.source.kind === 'built-in'
      ? 'added'
      : head.source.kind === 'built-in'
        ? 'deleted'
        : 'modified')
  const weakens =
    changes.some(c => c.effect === 'weakens') ||
    (impact !== undefined &&
      (impact.hidden.length > 0 ||
        impact.noLongerFailing.length > 0 ||
        (impact.verdict.base.result === 'failed' && impact.verdict.head.result === 'passed')))
  const tightens =
    changes.some(c => c.effect === 'tightens') ||
    (impact !== undefined && (impact.revealed.length > 0 || impact.nowFailing.length > 0))
  return {
    fileChange,
    base: nameOf(base),
    head: nameOf(head),
    changes,
    ...(impact ? { impact } : {}),
    weakens,
    tightens
  }
}

/** "weakens the policy", "tightens the policy", "weakens and tightens the policy", "does not change what the policy enforces". */
export function reviewVerdict(review: Pick<PolicyReview, 'weakens' | 'tightens'>): string {
  if (review.weakens && review.tightens) return 'weakens and tightens the policy'
  if (review.weakens) return 'weakens the policy'
  if (review.tightens) return 'tightens the policy'
  return 'does not change what the policy enforces'
}

/** Largest `max-exemption-days` accepted: ten years. */
export const MAX_EXEMPTION_DAYS_LIMIT = 3650

/** A whole number of days, 1 to 3650; shared by the CLI flag and the action input. */
export function parseMaxExemptionDays(
  value: string | undefined,
  name = '--max-exemption-days'
): number {
  if (value === undefined || value.trim() === '') return DEFAULT_MAX_EXEMPTION_DAYS
  const raw = value.trim()
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || n < 1 || n > MAX_EXEMPTION_DAYS_LIMIT) {
    throw new InputError(
      `${name} must be a whole number of days from 1 to ${MAX_EXEMPTION_DAYS_LIMIT}; got '${raw}'`
    )
  }
  return n
}
