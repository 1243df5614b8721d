import type { Evaluation, Finding } from '../evaluation.js'
import { formatTimestamp } from '../time.js'
import { TOOL_NAME } from '../version.js'
import type { RenderContext } from './context.js'
import { jsonDocumentPieces } from './json-pieces.js'

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

/** One finding as the JSON document lists it. */
export function toJsonFinding(f: Finding): JsonFinding {
  return {
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
  }
}

/** The document `--format json` prints and the action's `json-file` holds. */
export function toJsonReport(ctx: RenderContext): JsonReport {
  return jsonDocument(ctx, ctx.evaluation.findings.map(toJsonFinding))
}

/** The document with the given findings list (`[]` for the shell written around pieces). */
export function jsonDocument(ctx: RenderContext, findings: JsonFinding[]): JsonReport {
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
    findings,
    counts: { ...e.counts, exempted: e.exemptedCount, total: e.findings.length },
    verdict: e.verdict,
    warnings: e.warnings,
    notEvaluated: e.notEvaluated
  }
}

export function renderJson(ctx: RenderContext): string {
  return `${JSON.stringify(toJsonReport(ctx), null, 2)}\n`
}

/** Findings above which the JSON file is written in pieces rather than as one string. */
export const JSON_PIECES_ABOVE = 2_000

/**
 * `renderJson(ctx)`, byte for byte, as one string for a small document and
 * in pieces of a thousand findings for a large one: a report with 200,000
 * findings is a 90 MB document, and one with 1.6 million findings is more
 * than the longest string V8 can make.
 */
export function renderJsonPieces(ctx: RenderContext): string | Iterable<string> {
  if (ctx.evaluation.findings.length <= JSON_PIECES_ABOVE) return renderJson(ctx)
  return jsonDocumentPieces(
    jsonDocument(ctx, []),
    { wrap: findings => ({ findings }) },
    ctx.evaluation.findings,
    toJsonFinding
  )
}
