/**
 * The job summary: GitHub-flavoured markdown for `GITHUB_STEP_SUMMARY` (and
 * the CLI's `--summary` file). It leads with the verdict and the counts, then
 * the findings grouped by rule, exempted findings, warnings and rules that
 * were not evaluated. It stays under a byte budget (GitHub rejects a step
 * summary over 1 MiB) by leaving out table rows, and says how many it left
 * out and where they are.
 */

import type { Finding } from '../evaluation.js'
import { findRule, RULES } from '../rules/catalog.js'
import type { CisReferences, Rule } from '../rules/types.js'
import { meetsThreshold, SEVERITIES, severityRank } from '../severity.js'
import type { Severity } from '../severity.js'
import { formatTimestamp } from '../time.js'
import { INFORMATION_URI, TOOL_NAME } from './context.js'
import type { RenderContext } from './context.js'
import {
  byteLength,
  code,
  credentialLabel,
  formatAge,
  md,
  plural,
  principalLabel
} from './markdown.js'
import { GITHUB_SARIF_LIMITS } from './sarif.js'

export interface SummaryOptions {
  /** Largest size of the summary in UTF-8 bytes; 900 KiB by default (GitHub's limit is 1 MiB per step). */
  maxBytes?: number
}

export const DEFAULT_SUMMARY_MAX_BYTES = 900 * 1024

/** Tables longer than this are collapsed inside `<details>`. */
const COLLAPSE_ABOVE_ROWS = 10

/** How often AWS regenerates the credential report at most. */
const REPORT_REGENERATION_HOURS = 4

const SEVERITY_ICON: Record<Severity, string> = {
  critical: '🟥',
  high: '🟧',
  medium: '🟨',
  low: '🟦'
}

/** A table whose rows may be left out. */
interface RowsBlock {
  kind: 'rows'
  /** Text before the rows (heading, `<details>`, table header). */
  head: string
  /** How many rows the table has. */
  count: number
  /** Renders row `i`; called only for rows that may be kept, in document order. */
  row: (i: number) => string
  /** The rows rendered so far, by index. */
  rendered: string[]
  /** Text after the rows (closing `</details>`). */
  tail: string
  /** What the left-out rows were, for the note: "findings of console-user-mfa". */
  what: string
}

/** A run of markdown that is either fixed text or a table whose rows may be left out. */
type Block = { kind: 'text'; text: string } | RowsBlock

/**
 * Where the left-out rows are: every finding is in the JSON output, and in
 * the SARIF file unless GitHub's per-run result limit left some out of it.
 */
interface Places {
  /** Open findings the SARIF file leaves out (more than 25,000 open findings). */
  sarifOmitted: number
}

/** Renders the job summary for one evaluation. Pure. */
export function renderSummary(ctx: RenderContext, options: SummaryOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_SUMMARY_MAX_BYTES
  const blocks = buildBlocks(ctx)
  const places = placesOf(ctx)
  // Table rows are rendered lazily, in document order, and only until the
  // budget is known to be exceeded: a report with 200,000 findings renders
  // the few thousand rows that can fit, not all of them.
  if (fullSize(blocks, maxBytes) <= maxBytes) return assemble(blocks, null, places)
  return fitToBudget(blocks, maxBytes, places)
}

function placesOf(ctx: RenderContext): Places {
  let open = 0
  for (const f of ctx.evaluation.findings) if (!f.exempted) open++
  return { sarifOmitted: Math.max(0, open - GITHUB_SARIF_LIMITS.resultsPerRun) }
}

/** Row `i` of a table block, rendered once and cached. */
function rowText(block: RowsBlock, i: number): string {
  let text = block.rendered[i]
  if (text === undefined) {
    text = block.row(i)
    block.rendered[i] = text
  }
  return text
}

/**
 * The size of the summary with every row, or, as soon as it is known to be
 * over `maxBytes`, some size over it (without rendering the remaining rows).
 */
function fullSize(blocks: readonly Block[], maxBytes: number): number {
  let size = 0
  for (const block of blocks) {
    size += block.kind === 'text' ? byteLength(block.text) : byteLength(block.head + block.tail)
  }
  for (const block of blocks) {
    if (block.kind !== 'rows') continue
    for (let r = 0; r < block.count; r++) {
      if (size > maxBytes) return size
      size += byteLength(rowText(block, r)) + 1
    }
  }
  return size
}

// ---------------------------------------------------------------------------
// Budget

/**
 * Keeps table rows in document order while they fit, then leaves out the
 * rest, row by row. `keep[i]` is how many rows of block i are kept.
 */
function fitToBudget(blocks: readonly Block[], maxBytes: number, places: Places): string {
  const rowBlocks = blocks.flatMap((b, i) => (b.kind === 'rows' ? [i] : []))
  const keep = blocks.map(() => 0)
  // Adds rows while the estimate fits. The estimate is an upper bound (a
  // note's digit count only shrinks, and a fully kept table loses its note),
  // so a second pass from the measured size fills what the first left over.
  const fill = (size: number): void => {
    for (const i of rowBlocks) {
      const block = blocks[i]!
      if (block.kind !== 'rows') continue
      while (keep[i]! < block.count) {
        const rowBytes = byteLength(rowText(block, keep[i]!)) + 1
        if (size + rowBytes > maxBytes) return
        size += rowBytes
        keep[i]!++
      }
    }
  }
  fill(byteLength(assemble(blocks, keep, places)))
  fill(byteLength(assemble(blocks, keep, places)))
  // Confirm, and give rows back in the (unexpected) case the estimate was low.
  let text = assemble(blocks, keep, places)
  while (byteLength(text) > maxBytes) {
    const last = [...rowBlocks].reverse().find(i => keep[i]! > 0)
    if (last === undefined) return hardTruncate(text, maxBytes)
    keep[last]!--
    text = assemble(blocks, keep, places)
  }
  return text
}

/** Last resort when even the text without any rows is over budget: cut at a line boundary. */
function hardTruncate(text: string, maxBytes: number): string {
  const note = '\n\n> [!WARNING]\n> The summary was cut short here: it exceeded its size limit.\n'
  const budget = Math.max(0, maxBytes - byteLength(note))
  const bytes = Buffer.from(text, 'utf8').subarray(0, budget)
  let cut = bytes.toString('utf8')
  // A code point split by the byte cut decodes as U+FFFD; drop it with the rest of the line.
  const nl = cut.lastIndexOf('\n')
  cut = nl >= 0 ? cut.slice(0, nl) : ''
  return `${cut}${note}`
}

/** `keep` null renders every row. */
function assemble(
  blocks: readonly Block[],
  keep: readonly number[] | null,
  places: Places
): string {
  const omittedTotal =
    keep === null
      ? 0
      : blocks.reduce((n, b, i) => n + (b.kind === 'rows' ? b.count - keep[i]! : 0), 0)
  const out: string[] = []
  blocks.forEach((block, i) => {
    if (block.kind === 'text') {
      out.push(block.text)
      if (i === 0 && omittedTotal > 0) out.push(truncationBanner(omittedTotal, places))
      return
    }
    const kept = keep === null ? block.count : keep[i]!
    const omitted = block.count - kept
    out.push(block.head)
    for (let r = 0; r < kept; r++) out.push(`${rowText(block, r)}\n`)
    if (omitted > 0) {
      const where =
        places.sarifOmitted > 0
          ? 'every finding is in the JSON output'
          : 'every finding is in the SARIF file (code scanning alerts) and the JSON output'
      out.push(
        `\n_${plural(omitted, 'more row')} of ${block.what} left out to keep this summary under GitHub's size limit; ${where}._\n`
      )
    }
    out.push(block.tail)
  })
  return out.join('')
}

function truncationBanner(omitted: number, places: Places): string {
  const where =
    places.sarifOmitted > 0
      ? 'The JSON output has everything.'
      : 'The SARIF file (code scanning) and the JSON output have everything.'
  return `\n> [!NOTE]\n> This summary is shortened: ${plural(omitted, 'table row')} did not fit in GitHub's step-summary size limit. ${where}\n`
}

/** Says that the SARIF file has only the most severe findings; empty when it has them all. */
function sarifLimitNote(omitted: number): string {
  if (omitted === 0) return ''
  const limit = GITHUB_SARIF_LIMITS.resultsPerRun.toLocaleString('en-US')
  return `\n> [!WARNING]\n> The SARIF file has the ${limit} most severe findings and leaves out ${plural(omitted, 'less severe finding')}: GitHub code scanning accepts at most ${limit} results per run. The JSON output has every finding.\n`
}

// ---------------------------------------------------------------------------
// Content

function buildBlocks(ctx: RenderContext): Block[] {
  const e = ctx.evaluation
  const blocks: Block[] = [{ kind: 'text', text: header(ctx) }]
  blocks.push({ kind: 'text', text: countsTable(ctx) })
  const { sarifOmitted } = placesOf(ctx)
  const sarifNote = sarifLimitNote(sarifOmitted)
  if (sarifNote) blocks.push({ kind: 'text', text: sarifNote })

  const open = e.findings.filter(f => !f.exempted)
  blocks.push({ kind: 'text', text: `\n### Findings\n\n` })
  if (open.length === 0) {
    blocks.push({ kind: 'text', text: 'No findings.\n' })
  } else {
    for (const group of groupByRule(open)) blocks.push(...ruleGroup(ctx, group))
  }

  const exempted = e.findings.filter(f => f.exempted)
  if (exempted.length > 0) blocks.push(exemptedBlock(exempted))

  if (e.warnings.length > 0) {
    const warnings = e.warnings
    blocks.push(
      rowsBlock({
        head: `\n### ⚠️ Warnings (${warnings.length.toLocaleString('en-US')})\n\n`,
        count: warnings.length,
        row: i => {
          const w = warnings[i]!
          const where = w.file ? ` (${md(w.file)}${w.line ? ` line ${w.line}` : ''})` : ''
          return `- ${md(w.message)}${where}`
        },
        tail: '',
        what: 'warnings'
      })
    )
  }

  if (e.notEvaluated.length > 0) {
    const lines = e.notEvaluated.map(n => {
      const rule = findRule(n.ruleId)
      return `- ${code(n.ruleId)}${rule ? ` (${md(rule.title)})` : ''}: ${md(n.reason)}`
    })
    blocks.push({
      kind: 'text',
      text: `\n### Rules not evaluated (${e.notEvaluated.length})\n\n${lines.join('\n')}\n`
    })
  }

  blocks.push({ kind: 'text', text: footer(ctx, sarifOmitted) })
  return blocks
}

function rowsBlock(block: Omit<RowsBlock, 'kind' | 'rendered'>): RowsBlock {
  return { kind: 'rows', ...block, rendered: [] }
}

function header(ctx: RenderContext): string {
  const e = ctx.evaluation
  const icon = e.verdict.result === 'failed' ? '❌' : '✅'
  const why = e.verdict.summary.startsWith(`${e.verdict.result}`)
    ? e.verdict.summary
    : `${e.verdict.result}: ${e.verdict.summary}`
  const lines = [`## ${icon} IAM Credential Gate ${md(why)}`, '']

  const account = e.account.id
    ? `${code(e.account.id)}${e.account.partition && e.account.partition !== 'aws' ? ` (${md(e.account.partition)})` : ''}`
    : 'unknown (the report has no rows)'
  lines.push(`- **Account:** ${account}`)
  lines.push(`- **Credential report:** ${reportLine(ctx)}`)
  lines.push(
    `- **Policy:** ${ctx.policy.source.kind === 'file' ? md(ctx.policy.source.path) : 'built-in default'}`
  )
  lines.push(`- **Fail on severity:** ${code(e.verdict.failOnSeverity)}`)
  lines.push(`- **Users audited:** ${e.userCount.toLocaleString('en-US')}`)
  if (e.account.rootCredentials === 'removed') {
    lines.push('- **Root:** root credentials removed (no root password and no root access keys)')
  }
  return `${lines.join('\n')}\n`
}

function reportLine(ctx: RenderContext): string {
  const source =
    ctx.reportSource.kind === 'aws' ? 'fetched from AWS' : `read from ${md(ctx.reportSource.path)}`
  if (ctx.reportGeneratedAt === null) return `${source}; generation time unknown`
  const age = ctx.now - ctx.reportGeneratedAt
  return `generated ${formatTimestamp(ctx.reportGeneratedAt)} (${formatAge(age)} old), ${source}. AWS regenerates the report at most every ${REPORT_REGENERATION_HOURS} hours, so a fix made now shows up in a later report.`
}

function countsTable(ctx: RenderContext): string {
  const e = ctx.evaluation
  const failOn = e.verdict.failOnSeverity
  const rows = SEVERITIES.map(
    s =>
      `| ${SEVERITY_ICON[s]} ${s} | ${e.counts[s].toLocaleString('en-US')} | ${meetsThreshold(s, failOn) ? 'yes' : 'no'} |`
  )
  rows.push(`| exempted | ${e.exemptedCount.toLocaleString('en-US')} | no |`)
  return `\n| Severity | Findings | Fails the gate |\n| --- | ---: | --- |\n${rows.join('\n')}\n`
}

interface RuleGroup {
  ruleId: string
  rule: Rule | undefined
  findings: Finding[]
}

/** Groups findings by rule, the group with the most severe finding first, then catalog order. */
function groupByRule(findings: readonly Finding[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>()
  for (const f of findings) {
    let g = groups.get(f.ruleId)
    if (!g) {
      g = { ruleId: f.ruleId, rule: findRule(f.ruleId), findings: [] }
      groups.set(f.ruleId, g)
    }
    g.findings.push(f)
  }
  const catalogIndex = (id: string): number => {
    const i = RULES.findIndex(r => r.id === id)
    return i < 0 ? RULES.length : i
  }
  // Once per group, before sorting; and a loop, not Math.min(...ranks), which
  // overflows the call stack for a group of about 125,000 findings.
  const worstRank = new Map<RuleGroup, number>()
  for (const g of groups.values()) {
    let rank = Infinity
    for (const f of g.findings) rank = Math.min(rank, severityRank(f.severity))
    worstRank.set(g, rank)
  }
  const worst = (g: RuleGroup): number => worstRank.get(g) as number
  return [...groups.values()].sort(
    (a, b) =>
      worst(a) - worst(b) ||
      catalogIndex(a.ruleId) - catalogIndex(b.ruleId) ||
      a.ruleId.localeCompare(b.ruleId)
  )
}

export function cisLabel(cis: CisReferences): string {
  const parts = Object.entries(cis)
    .filter(([, item]) => item)
    .map(([version, item]) => `${version.replace('-', '–')} ${item as string}`)
  return parts.join(', ')
}

function ruleGroup(ctx: RenderContext, g: RuleGroup): Block[] {
  const failOn = ctx.evaluation.verdict.failOnSeverity
  const severities = SEVERITIES.filter(s => g.findings.some(f => f.severity === s))
  const mixed = severities.length > 1
  const title = g.rule ? md(g.rule.title) : 'Unknown rule'
  const meta = [
    `**Severity:** ${severities.map(s => `${SEVERITY_ICON[s]} ${s}`).join(', ')}`,
    `**Findings:** ${g.findings.length.toLocaleString('en-US')}`
  ]
  const failing = g.findings.filter(f => meetsThreshold(f.severity, failOn)).length
  meta.push(
    failing === g.findings.length
      ? '**Fails the gate**'
      : failing === 0
        ? `below \`fail-on-severity: ${failOn}\``
        : `**${failing.toLocaleString('en-US')} fail the gate**`
  )
  if (g.rule) {
    const cis = cisLabel(g.rule.cis)
    if (cis) meta.push(`**CIS:** ${md(cis)}`)
    if (g.rule.securityHub?.length)
      meta.push(`**Security Hub:** ${md(g.rule.securityHub.join(', '))}`)
  }
  const withKeyId = g.findings.some(f => f.keyId)
  const columns = [
    'User',
    'Credential',
    ...(withKeyId ? ['Key id'] : []),
    ...(mixed ? ['Severity'] : []),
    'Evidence'
  ]
  const findings = g.findings
  const row = (i: number): string => {
    const f = findings[i]!
    const cells = [md(principalLabel(f.user)), code(credentialLabel(f.credential))]
    if (withKeyId) cells.push(f.keyId ? md(f.keyId) : '—')
    if (mixed) cells.push(f.severity)
    cells.push(md(f.message))
    return `| ${cells.join(' | ')} |`
  }
  const tableHead = `| ${columns.join(' | ')} |\n| ${columns.map(() => '---').join(' | ')} |\n`
  const heading = `#### ${title} — ${code(g.ruleId)}\n\n${meta.join(' · ')}\n\n`
  const collapse = findings.length > COLLAPSE_ABOVE_ROWS
  return [
    rowsBlock({
      head: collapse
        ? `${heading}<details><summary>${plural(findings.length, 'finding')}</summary>\n\n${tableHead}`
        : `${heading}${tableHead}`,
      count: findings.length,
      row,
      tail: collapse ? '\n</details>\n\n' : '\n',
      what: `${g.ruleId} findings`
    })
  ]
}

function exemptedBlock(exempted: readonly Finding[]): Block {
  const row = (i: number): string => {
    const f = exempted[i]!
    const reason = f.exemption ? md(f.exemption.reason) : ''
    const expires = f.exemption ? md(f.exemption.expires) : ''
    return `| ${code(f.ruleId)} | ${f.severity} | ${md(principalLabel(f.user))} | ${code(credentialLabel(f.credential))} | ${reason} | ${expires} |`
  }
  return rowsBlock({
    head: `\n### Exempted findings\n\n<details><summary>${plural(exempted.length, 'exempted finding')} (not counted by the gate)</summary>\n\n| Rule | Severity | User | Credential | Reason | Expires |\n| --- | --- | --- | --- | --- | --- |\n`,
    count: exempted.length,
    row,
    tail: '\n</details>\n',
    what: 'exempted findings'
  })
}

function footer(ctx: RenderContext, sarifOmitted: number): string {
  const full =
    sarifOmitted > 0
      ? 'full results in the JSON output (the SARIF file has the most severe)'
      : 'full results in the SARIF file (code scanning) and the JSON output'
  return `\n---\n\n<sub>${TOOL_NAME} ${md(ctx.toolVersion)} · evaluated ${formatTimestamp(ctx.evaluation.evaluatedAt)} · ${full} · [documentation](${INFORMATION_URI})</sub>\n`
}
