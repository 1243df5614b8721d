import * as core from '@actions/core'
import { accessKeyCreationTimes, keyIdRequests, withKeyIds } from '../enrich.js'
import { evaluate } from '../evaluate.js'
import type { Evaluation, EvaluationWarning } from '../evaluation.js'
import type { Policy } from '../policy/types.js'
import type { RenderContext } from '../render/context.js'
import { MAX_REPORT_BYTES } from '../io/read-input.js'
import { parseCredentialReport } from '../report/parse.js'
import { formatTimestamp } from '../time.js'
import { VERSION } from '../version.js'
import type { ReportSource } from './report-source.js'

export interface AuditOptions {
  /** Look up access key ids for users with access-key findings (live audits). */
  resolveKeyIds: boolean
  /** A report older than this gets a warning. */
  maxReportAgeHours: number
  /** The clock; read once, after the report arrived. */
  now?: () => number
  /** Where progress lines go. Default `core.info`. */
  log?: (message: string) => void
}

/** One account's audit: what the outputs render, and who is in the report. */
export interface AccountAudit {
  ctx: RenderContext
  /**
   * Every user name in the report (root excluded): redaction keeps their
   * tokens apart whether or not they have findings.
   */
  users: readonly string[]
}

/**
 * One account's audit: parse the report, evaluate it against the policy,
 * attach key ids, warn about an old report. Returns everything the outputs
 * need; writes nothing. Several accounts (or a base and a head policy on the
 * same report) are several calls.
 */
export async function auditAccount(
  source: ReportSource,
  policy: Policy,
  options: AuditOptions
): Promise<AccountAudit> {
  const report = parseCredentialReport(source.content, {
    source: source.name,
    maxBytes: MAX_REPORT_BYTES
  })
  const now = (options.now ?? Date.now)()
  let evaluation = evaluate(report, policy, now, { account: source.facts })
  const warnings: EvaluationWarning[] = []

  const age = reportAgeWarning(
    source.generatedAt,
    now,
    options.maxReportAgeHours,
    options.log ?? (message => core.info(message))
  )
  if (age) warnings.push(age)

  const requests = keyIdRequests(evaluation, report)
  if (source.keyIds && options.resolveKeyIds) {
    if (requests.length > 0) {
      const resolved = await source.keyIds(requests)
      evaluation = withKeyIds(evaluation, resolved.keyIds)
      for (const message of resolved.warnings) warnings.push({ kind: 'report', message })
    }
  }
  const ctx: RenderContext = {
    evaluation: withWarnings(evaluation, warnings),
    policy,
    toolVersion: VERSION,
    reportGeneratedAt: source.generatedAt,
    reportSource: source.kind,
    now,
    accessKeysCreated: accessKeyCreationTimes(requests)
  }
  return { ctx, users: report.users.map(u => u.user) }
}

/** The report's own warnings first: they explain every finding. */
function withWarnings(evaluation: Evaluation, warnings: EvaluationWarning[]): Evaluation {
  return warnings.length === 0
    ? evaluation
    : { ...evaluation, warnings: [...warnings, ...evaluation.warnings] }
}

function reportAgeWarning(
  generatedAt: number | null,
  now: number,
  maxAgeHours: number,
  log: (message: string) => void
): EvaluationWarning | null {
  if (generatedAt === null) return null
  const ageHours = (now - generatedAt) / 3_600_000
  log(
    `Credential report generated ${formatTimestamp(generatedAt)} (${ageHours.toFixed(1)} hours ago).`
  )
  if (ageHours <= maxAgeHours) return null
  return {
    kind: 'report',
    message:
      `The credential report was generated ${formatTimestamp(generatedAt)}, ${Math.floor(ageHours)} hours ago, ` +
      `more than max-report-age-hours (${maxAgeHours}). AWS regenerates it at most every 4 hours; ` +
      'a fix shows up only in a later report.'
  }
}
