import type { AccountFacts } from './account/types.js'
import { FACT_ACTIONS } from './account/types.js'
import { ReportError } from './errors.js'
import type {
  EvaluationWarning,
  Evaluation,
  Finding,
  NotEvaluated,
  AppliedExemption
} from './evaluation.js'
import { sortFindings } from './finding-order.js'
import { findingFingerprint } from './fingerprint.js'
import { flatString } from './flat-string.js'
import { countBySeverity, decideVerdict } from './gate.js'
import { policyForAccount } from './policy/account.js'
import { describeExemption } from './policy/describe.js'
import { exemptionMatches } from './policy/match.js'
import type { Exemption, Policy } from './policy/types.js'
import { describeCell } from './report/cells.js'
import type { CredentialReport, CredentialRow } from './report/types.js'
import { ROOT_USER } from './report/types.js'
import { RULES } from './rules/catalog.js'
import type { Rule, RuleContext, RuleHit } from './rules/types.js'
import { formatTimestamp, MS_PER_DAY } from './time.js'

export interface EvaluateOptions {
  /** Live-account facts; omit in report-file mode. */
  account?: AccountFacts
  /** Rules to evaluate; the whole catalog by default. */
  rules?: readonly Rule[]
}

const NO_ROOT_ROW = `no ${ROOT_USER} row in the credential report`

/** How far past `now` a report timestamp may lie (clock skew) before the report is rejected. */
const FUTURE_TOLERANCE_MS = MS_PER_DAY

/**
 * Evaluates every enabled rule against the report, applies the policy's
 * exemptions and decides the verdict. Pure and deterministic: the same
 * report, policy, `now` and facts always give the same evaluation.
 */
export function evaluate(
  report: CredentialReport,
  filePolicy: Policy,
  now: number,
  options: EvaluateOptions = {}
): Evaluation {
  rejectFutureTimestamps(report, now)
  // The account's own settings, when the policy has account overrides for it.
  const policy = policyForAccount(filePolicy, report.accountId)
  const account = options.account ?? {}
  const notEvaluated: NotEvaluated[] = []
  // Findings before exemptions: `exempted: false` until a live exemption matches.
  const raw: Finding[] = []

  for (const rule of options.rules ?? RULES) {
    const settings = policy.rules[rule.id]
    if (!settings?.enabled) continue
    const skipped = whyNotEvaluated(rule, report, account)
    if (skipped) {
      notEvaluated.push({ ruleId: rule.id, reason: skipped })
      continue
    }
    const partly = partlyEvaluated(rule, report)
    if (partly) notEvaluated.push({ ruleId: rule.id, reason: partly })
    const ctx: RuleContext = { now, params: paramsFor(rule, settings.params), account }
    const emit = (row: CredentialRow | null, hit: RuleHit): void => {
      const user = row?.user ?? ROOT_USER
      raw.push({
        ruleId: rule.id,
        severity: hit.severity ?? settings.severity,
        user,
        arn: row?.arn ?? rootArn(report),
        credential: hit.credential,
        // Findings outlive the evaluation: in one piece, a message is a quarter of the memory.
        message: flatString(hit.message),
        fingerprint: findingFingerprint(report.accountId, rule.id, user, hit.credential),
        reportLine: row?.line ?? null,
        exempted: false
      })
    }
    if (rule.scope === 'account') {
      for (const hit of rule.check(ctx)) emit(report.root, hit)
    } else {
      const rows = rule.scope === 'root' ? (report.root ? [report.root] : []) : report.users
      for (const row of rows) for (const hit of rule.check(row, ctx)) emit(row, hit)
    }
  }

  const { findings, warnings } = applyExemptions(raw, policy, report.accountId, now)
  if (!report.root) {
    // AWS always writes the root row: without it the report is truncated or edited.
    warnings.unshift({
      kind: 'report',
      message: `the credential report has no ${ROOT_USER} row (AWS always includes it): root rules were not evaluated; check that the report is complete`
    })
  }
  sortFindings(findings)
  const counts = countBySeverity(findings)
  return {
    evaluatedAt: now,
    account: {
      id: report.accountId,
      partition: report.partition,
      rootCredentials: rootCredentialState(report, account)
    },
    userCount: report.users.length,
    policy: policy.source,
    findings,
    counts,
    exemptedCount: findings.filter(f => f.exempted).length,
    verdict: decideVerdict(findings, policy.failOnSeverity, counts),
    warnings,
    notEvaluated
  }
}

function paramsFor(
  rule: Rule,
  configured: Readonly<Record<string, number>>
): Record<string, number> {
  const params: Record<string, number> = {}
  for (const p of rule.parameters) params[p.name] = configured[p.name] ?? p.default
  return params
}

function whyNotEvaluated(
  rule: Rule,
  report: CredentialReport,
  account: AccountFacts
): string | null {
  if (rule.scope === 'root' && !report.root) return NO_ROOT_ROW
  const missing = rule.requiredColumns.filter(c => !report.columns.includes(c))
  if (missing.length > 0) return columnsMissing(missing)
  for (const name of rule.requiredFacts ?? []) {
    const fact = account[name]
    if (!fact)
      return `needs a live account (${FACT_ACTIONS[name]}); not available when auditing a report file`
    if (fact.status === 'unavailable') return fact.reason
  }
  return null
}

function columnsMissing(missing: readonly string[]): string {
  return `${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')} missing from the credential report`
}

/** What a rule that runs without some of its optional columns (an older report layout) leaves unchecked. */
function partlyEvaluated(rule: Rule, report: CredentialReport): string | null {
  if (rule.scope === 'account' || !rule.optionalColumns) return null
  const missing = rule.optionalColumns.columns.filter(c => !report.columns.includes(c))
  if (missing.length === 0) return null
  return `partly evaluated: ${columnsMissing(missing)}, so ${rule.optionalColumns.unchecked}`
}

function rootArn(report: CredentialReport): string {
  return (
    report.root?.arn ??
    `arn:${report.partition ?? 'aws'}:iam::${report.accountId ?? '000000000000'}:root`
  )
}

function rootCredentialState(
  report: CredentialReport,
  account: AccountFacts
): Evaluation['account']['rootCredentials'] {
  const summary = account.summary
  if (summary?.status === 'known') {
    return summary.value.passwordPresent || summary.value.accessKeysPresent ? 'present' : 'removed'
  }
  const root = report.root
  if (!root) return 'unknown'
  // AWS writes password_enabled FALSE (not `not_supported`) for member accounts without root credentials.
  const noPassword = root.passwordEnabled === false
  const noKeys = root.accessKeys.every(k => k.active !== true && typeof k.lastRotated !== 'number')
  return noPassword && noKeys ? 'removed' : 'present'
}

/**
 * Marks findings matched by a live exemption (the first in file order wins),
 * and warns about expired exemptions and live ones that matched nothing.
 */
function applyExemptions(
  raw: readonly Finding[],
  policy: Policy,
  accountId: string | null,
  now: number
): { findings: Finding[]; warnings: EvaluationWarning[] } {
  const file = policy.source.kind === 'file' ? policy.source.path : undefined
  const live = policy.exemptions.filter(e => now < e.expiresAt)
  const used = new Set<Exemption>()
  // A finding that no live exemption matches is kept as it is, not copied.
  const findings = raw.map((f): Finding => {
    const match = live.find(e => exemptionMatches(e, f, accountId))
    if (!match) return f
    used.add(match)
    const exemption: AppliedExemption = {
      reason: match.reason,
      expires: match.expires,
      index: match.index,
      line: match.line
    }
    return { ...f, exempted: true, exemption }
  })
  const warnings: EvaluationWarning[] = []
  for (const e of policy.exemptions) {
    const where = { file, line: e.line || undefined, column: e.line ? 5 : undefined }
    if (now >= e.expiresAt) {
      warnings.push({
        kind: 'expired-exemption',
        message: `${describeExemption(e)} expired on ${e.expires} and no longer applies: remove it, or renew it with a new reason and expiry`,
        ...where
      })
    } else if (!used.has(e)) {
      warnings.push({
        kind: 'stale-exemption',
        message: `stale ${describeExemption(e)} matches no finding: remove it`,
        ...where
      })
    }
  }
  return { findings, warnings }
}

/** A report with dates after the evaluation time is from a wrong clock or is forged: refuse it. */
function rejectFutureTimestamps(report: CredentialReport, now: number): void {
  const limit = now + FUTURE_TOLERANCE_MS
  // Runs on every row, so it compares in place and names the column only when it throws.
  const check = (row: CredentialRow, column: string, value: unknown): void => {
    if (typeof value === 'number' && value > limit) {
      throw new ReportError(
        `${report.source ?? 'credential report'} line ${row.line}, column ${column}: ${describeCell(value)} is in the future (evaluation time ${formatTimestamp(now)}); check the clock, or the --now value`
      )
    }
  }
  const visit = (row: CredentialRow): void => {
    check(row, 'user_creation_time', row.userCreationTime)
    check(row, 'password_last_used', row.passwordLastUsed)
    check(row, 'password_last_changed', row.passwordLastChanged)
    for (const k of row.accessKeys) {
      if (typeof k.lastRotated === 'number' && k.lastRotated > limit) {
        check(row, `${k.credential}_last_rotated`, k.lastRotated)
      }
      if (typeof k.lastUsedDate === 'number' && k.lastUsedDate > limit) {
        check(row, `${k.credential}_last_used_date`, k.lastUsedDate)
      }
    }
    for (const c of row.certs) {
      if (typeof c.lastRotated === 'number' && c.lastRotated > limit) {
        check(row, `${c.credential}_last_rotated`, c.lastRotated)
      }
    }
  }
  if (report.root) visit(report.root)
  for (const row of report.users) visit(row)
}
