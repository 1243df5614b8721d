import type { Evaluation, Finding } from '../evaluation.js'
import { formatTimestamp } from '../time.js'
import { TOOL_NAME } from '../version.js'
import type { RenderContext } from './context.js'

/** Version of the JSON document's shape; bumped on incompatible changes. */
export const JSON_SCHEMA_VERSION = 1

export interface JsonFinding {
  ruleId: string
  severity: Finding['severity']
  user: string
  arn: string
  credential: Finding['credential']
  keyId: string | null
  message: string
  fingerprint: string
  exempted: boolean
  exemption: { reason: string; expires: string } | null
}

export interface JsonReport {
  schemaVersion: number
  tool: { name: string; version: string }
  account: { id: string | null; partition: string | null; rootCredentials: string }
  report: {
    source: 'aws' | 'file'
    file: string | null
    generatedAt: string | null
    userCount: number
  }
  evaluatedAt: string
  policy: { source: 'built-in' | 'file'; file: string | null; failOnSeverity: string }
  findings: JsonFinding[]
  counts: Evaluation['counts'] & { exempted: number; total: number }
  verdict: Evaluation['verdict']
  warnings: Evaluation['warnings']
  notEvaluated: Evaluation['notEvaluated']
}

/** The document `--format json` prints and the action's `json-file` holds. */
export function toJsonReport(ctx: RenderContext): JsonReport {
  const { evaluation: e } = ctx
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: ctx.toolVersion },
    account: { ...e.account },
    report: {
      source: ctx.reportSource.kind,
      file: ctx.reportSource.kind === 'file' ? ctx.reportSource.path : null,
      generatedAt: ctx.reportGeneratedAt === null ? null : formatTimestamp(ctx.reportGeneratedAt),
      userCount: e.userCount
    },
    evaluatedAt: formatTimestamp(e.evaluatedAt),
    policy: {
      source: e.policy.kind,
      file: e.policy.kind === 'file' ? e.policy.path : null,
      failOnSeverity: e.verdict.failOnSeverity
    },
    findings: e.findings.map(f => ({
      ruleId: f.ruleId,
      severity: f.severity,
      user: f.user,
      arn: f.arn,
      credential: f.credential,
      keyId: f.keyId ?? null,
      message: f.message,
      fingerprint: f.fingerprint,
      exempted: f.exempted,
      exemption: f.exemption ? { reason: f.exemption.reason, expires: f.exemption.expires } : null
    })),
    counts: { ...e.counts, exempted: e.exemptedCount, total: e.findings.length },
    verdict: e.verdict,
    warnings: e.warnings,
    notEvaluated: e.notEvaluated
  }
}

export function renderJson(ctx: RenderContext): string {
  return `${JSON.stringify(toJsonReport(ctx), null, 2)}\n`
}
