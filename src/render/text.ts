import type { Finding } from '../evaluation.js'
import { formatTimestamp } from '../time.js'
import type { RenderContext } from './context.js'

const HEADERS = ['SEVERITY', 'RULE', 'USER', 'CREDENTIAL'] as const

function columns(f: Finding): string[] {
  return [
    f.exempted ? `${f.severity} (exempt)` : f.severity,
    f.ruleId,
    f.user,
    f.keyId ?? f.credential ?? '-'
  ]
}

/** The plain-text table the CLI prints by default: findings, then warnings, then the verdict. */
export function renderText(ctx: RenderContext): string {
  const e = ctx.evaluation
  const out: string[] = []
  const source = ctx.reportSource.kind === 'file' ? ctx.reportSource.path : 'AWS'
  const generated =
    ctx.reportGeneratedAt === null ? '' : `, generated ${formatTimestamp(ctx.reportGeneratedAt)}`
  const policy = e.policy.kind === 'file' ? e.policy.path : 'built-in default policy'
  out.push(
    `Account ${e.account.id ?? 'unknown'}: ${e.userCount} users in ${source}${generated}; ${policy}`
  )
  if (e.account.rootCredentials === 'removed')
    out.push('Root credentials removed (centrally managed).')
  out.push('')
  if (e.findings.length === 0) {
    out.push('No findings.')
  } else {
    const rows = e.findings.map(columns)
    const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map(r => r[i]?.length ?? 0)))
    const line = (cells: readonly string[], message: string): string =>
      `${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}  ${message}`
    out.push(line(HEADERS, 'MESSAGE'))
    e.findings.forEach((f, i) => {
      const reason = f.exemption
        ? ` [exempt until ${f.exemption.expires}: ${f.exemption.reason}]`
        : ''
      out.push(line(rows[i] ?? [], f.message + reason))
    })
  }
  if (e.warnings.length > 0) {
    out.push('', 'Warnings:')
    for (const w of e.warnings) {
      const where = w.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : ''
      out.push(`  ${where}${w.message}`)
    }
  }
  if (e.notEvaluated.length > 0) {
    out.push('', 'Not evaluated:')
    for (const n of e.notEvaluated) out.push(`  ${n.ruleId}: ${n.reason}`)
  }
  const c = e.counts
  out.push(
    '',
    `Findings: ${c.critical} critical, ${c.high} high, ${c.medium} medium, ${c.low} low, ${e.exemptedCount} exempted`,
    `Verdict: ${e.verdict.summary}`
  )
  return `${out.join('\n')}\n`
}
