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

/** Findings above which the JSON file is written in pieces rather than as one string. */
export const JSON_PIECES_ABOVE = 2_000

/** Findings per piece of the JSON file. */
const FINDINGS_PER_PIECE = 1_000

/**
 * `renderJson(ctx)`, byte for byte, as one string for a small document and
 * in pieces of a thousand findings for a large one: a report with 200,000
 * findings is a 90 MB document, and written whole it is held twice at once
 * (the string and its UTF-8 bytes).
 */
export function renderJsonPieces(ctx: RenderContext): string | Iterable<string> {
  if (ctx.evaluation.findings.length <= JSON_PIECES_ABOVE) return renderJson(ctx)
  return jsonPieces(ctx)
}

function* jsonPieces(ctx: RenderContext): Generator<string> {
  const doc = toJsonReport(ctx)
  const { findings } = doc
  // The document with an empty findings list (in its place among the keys),
  // split where the findings go. The key cannot occur elsewhere at this
  // indentation: quotes inside strings are escaped and nested keys are
  // indented further.
  const shell = `${JSON.stringify({ ...doc, findings: [] }, null, 2)}\n`
  const marker = '\n  "findings": []'
  const at = shell.indexOf(marker)
  if (at < 0 || shell.indexOf(marker, at + 1) >= 0) {
    yield `${JSON.stringify(doc, null, 2)}\n`
    return
  }
  yield `${shell.slice(0, at)}\n  "findings": [`
  for (let i = 0; i < findings.length; i += FINDINGS_PER_PIECE) {
    let piece = ''
    const end = Math.min(findings.length, i + FINDINGS_PER_PIECE)
    for (let j = i; j < end; j++) {
      const item = JSON.stringify(findings[j], null, 2).replace(/\n/g, '\n    ')
      piece += `${j === 0 ? '' : ','}\n    ${item}`
    }
    yield piece
  }
  yield `\n  ]${shell.slice(at + marker.length)}`
}
