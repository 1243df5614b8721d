import type { Finding } from '../evaluation.js'
import { formatTimestamp } from '../time.js'
import type { RenderContext } from './context.js'

const HEADERS = ['SEVERITY', 'RULE', 'USER', 'CREDENTIAL'] as const

/** Table lines per piece of `renderTextPieces`. */
const LINES_PER_PIECE = 1_000

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
  return [...renderTextPieces(ctx)].join('')
}

/**
 * `renderText(ctx)` in pieces of a thousand lines, each rendered when it is
 * asked for: 1.6 million findings are a table of some 300 MB.
 */
export function* renderTextPieces(ctx: RenderContext): Generator<string> {
  const e = ctx.evaluation
  const source = ctx.reportSource.kind === 'file' ? ctx.reportSource.path : 'AWS'
  const generated =
    ctx.reportGeneratedAt === null ? '' : `, generated ${formatTimestamp(ctx.reportGeneratedAt)}`
  const policy = e.policy.kind === 'file' ? e.policy.path : 'built-in default policy'
  const head = [
    `Account ${e.account.id ?? 'unknown'}: ${e.userCount} users in ${source}${generated}; ${policy}`
  ]
  if (e.account.rootCredentials === 'removed')
    head.push('Root credentials removed (centrally managed).')
  head.push('')
  if (e.findings.length === 0) {
    head.push('No findings.')
    yield `${head.join('\n')}\n`
  } else {
    // Column widths in one pass (a loop: spreading a million widths into Math.max overflows the stack).
    const widths: number[] = HEADERS.map(h => h.length)
    for (const f of e.findings) {
      columns(f).forEach((c, i) => {
        if (c.length > widths[i]!) widths[i] = c.length
      })
    }
    const line = (cells: readonly string[], message: string): string =>
      `${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}  ${message}`
    head.push(line(HEADERS, 'MESSAGE'))
    yield `${head.join('\n')}\n`
    let lines: string[] = []
    for (const f of e.findings) {
      const reason = f.exemption
        ? ` [exempt until ${f.exemption.expires}: ${f.exemption.reason}]`
        : ''
      lines.push(line(columns(f), f.message + reason))
      if (lines.length === LINES_PER_PIECE) {
        yield `${lines.join('\n')}\n`
        lines = []
      }
    }
    if (lines.length > 0) yield `${lines.join('\n')}\n`
  }
  const tail: string[] = []
  if (e.warnings.length > 0) {
    tail.push('', 'Warnings:')
    for (const w of e.warnings) {
      const where = w.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : ''
      tail.push(`  ${where}${w.message}`)
    }
  }
  if (e.notEvaluated.length > 0) {
    tail.push('', 'Not evaluated:')
    for (const n of e.notEvaluated) tail.push(`  ${n.ruleId}: ${n.reason}`)
  }
  const c = e.counts
  tail.push(
    '',
    `Findings: ${c.critical} critical, ${c.high} high, ${c.medium} medium, ${c.low} low, ${e.exemptedCount} exempted`,
    `Verdict: ${e.verdict.summary}`
  )
  yield `${tail.join('\n')}\n`
}
