/**
 * Renderers for a policy review: the "Policy change impact" markdown section
 * (job summary and pull-request comment), the CLI's text table, and JSON.
 * Pure. Everything from the policy file or the credential report (globs,
 * user names, messages) is untrusted and escaped.
 */

import type { PolicyProblem } from '../errors.js'
import type { Finding } from '../evaluation.js'
import { credentialLabel, code, md, plural, principalLabel, visible } from '../render/markdown.js'
import { TOOL_NAME, VERSION } from '../version.js'
import type { ChangeEffect, PolicyChange } from './diff.js'
import type { ImpactedFinding, PolicyImpact } from './impact.js'
import type { PolicyReview } from './review.js'
import { BUILT_IN, reviewVerdict } from './review.js'

export const REVIEW_HEADING = 'Policy change impact'

/** GitHub rejects issue comments over 65,536 characters. */
export const MAX_COMMENT_CHARS = 65_536

export interface PullRequestRef {
  number: number
  baseSha: string
  headSha: string
}

export interface ReviewMarkdownOptions {
  /** Heading level of the section; 2 by default. */
  headingLevel?: number
  /** The head policy file as shown (repository-relative); the review's head name by default. */
  file?: string
  /** A link to a line of the head file (e.g. the blob at the head commit); lines are plain numbers without it. */
  lineUrl?: (line: number) => string
  pullRequest?: PullRequestRef
  /** Validation problems of the head policy, when it does not load (then there is no review). */
  problems?: readonly PolicyProblem[]
  /** Why there is no live impact (plain text), shown when the review has none. */
  liveUnavailable?: string
  /** More facts to state (plain text), e.g. how the base version was read. */
  notes?: readonly string[]
  /** Rows per table (changes, findings); 100 by default. */
  maxRows?: number
  /** Largest size in characters; rows are left out to fit. Unlimited by default. */
  maxChars?: number
}

const EFFECT_LABEL: Record<ChangeEffect, string> = {
  weakens: '⚠️ weakens',
  tightens: '🔒 tightens',
  neutral: 'ℹ️ neutral'
}

/** The "Policy change impact" section. */
export function renderReviewMarkdown(
  review: PolicyReview | undefined,
  options: ReviewMarkdownOptions = {}
): string {
  let maxRows = options.maxRows ?? 100
  let text = buildMarkdown(review, options, maxRows)
  const maxChars = options.maxChars
  while (maxChars !== undefined && text.length > maxChars && maxRows > 0) {
    maxRows = Math.floor(maxRows / 2)
    text = buildMarkdown(review, options, maxRows)
  }
  if (maxChars !== undefined && text.length > maxChars) {
    const note = '\n\n_…cut to fit; see the job summary._\n'
    text = text.slice(0, Math.max(0, maxChars - note.length)) + note
  }
  return text
}

function buildMarkdown(
  review: PolicyReview | undefined,
  options: ReviewMarkdownOptions,
  maxRows: number
): string {
  const h = '#'.repeat(Math.min(6, Math.max(1, options.headingLevel ?? 2)))
  const file = options.file ?? review?.head ?? 'policy file'
  const out: string[] = [`${h} ${REVIEW_HEADING}`, '']
  const pr = options.pullRequest
  const context = pr
    ? ` in pull request #${pr.number} (base ${code(short(pr.baseSha))} → head ${code(short(pr.headSha))})`
    : ''
  const lineRef = (line: number): string =>
    options.lineUrl ? `[${line}](${options.lineUrl(line)})` : String(line)

  const problems = options.problems ?? []
  if (problems.length > 0) {
    out.push(
      `❌ **${code(file)} does not load**${context}: ${plural(problems.length, 'problem')}, so its impact cannot be measured. Fix ${problems.length === 1 ? 'it' : 'them'} first.`,
      '',
      '| Line | Column | Problem |',
      '| ---: | ---: | --- |'
    )
    for (const p of problems.slice(0, maxRows)) {
      out.push(`| ${lineRef(p.line)} | ${p.column} | ${md(p.message)} |`)
    }
    if (problems.length > maxRows) out.push('', left(problems.length - maxRows, 'problem'))
    for (const note of options.notes ?? []) out.push('', md(note))
    return `${out.join('\n')}\n`
  }
  if (!review) {
    for (const note of options.notes ?? []) out.push(md(note), '')
    return `${out.join('\n').trimEnd()}\n`
  }

  const verdict = reviewVerdict(review)
  const icon = review.weakens ? '⚠️' : review.tightens ? '🔒' : '✅'
  const fileName = review.fileChange === 'deleted' ? review.base : file
  out.push(`${icon} **This change ${verdict}**${context}.`, '')
  if (review.fileChange === 'added') {
    out.push(
      `${code(file)} is new (or was moved or renamed here): it is compared against the ${BUILT_IN}, which applied before.`,
      ''
    )
  } else if (review.fileChange === 'deleted') {
    out.push(
      `${code(fileName)} is deleted (or was moved or renamed): the ${BUILT_IN} applies from now on, and is compared against it.`,
      ''
    )
  }
  for (const note of options.notes ?? []) out.push(md(note), '')

  const weaken = review.changes.filter(c => c.effect === 'weakens').length
  const tighten = review.changes.filter(c => c.effect === 'tightens').length
  if (review.changes.length === 0) {
    out.push('No setting that the gate uses changed (formatting, comments or reasons only).', '')
  } else {
    out.push(
      `${plural(review.changes.length, 'change')}: ${weaken} weaken${weaken === 1 ? 's' : ''}, ${tighten} tighten${tighten === 1 ? 's' : ''}.`,
      '',
      `| Effect | Line | Change |`,
      '| --- | ---: | --- |'
    )
    const lineCell = (c: PolicyChange): string =>
      review.fileChange === 'deleted' ? '—' : lineRef(c.line)
    // Weakening changes first when rows must be left out.
    const shown = new Set(
      [...review.changes]
        .sort((a, b) => effectOrder(a.effect) - effectOrder(b.effect))
        .slice(0, maxRows)
    )
    for (const c of review.changes) {
      if (!shown.has(c)) continue
      out.push(`| ${EFFECT_LABEL[c.effect]} | ${lineCell(c)} | ${md(c.message)} |`)
    }
    if (review.changes.length > shown.size) {
      out.push('', left(review.changes.length - shown.size, 'change'))
    }
    out.push('')
  }

  const impact = review.impact
  if (!impact) {
    out.push(
      `**Live impact:** not measured. ${md(options.liveUnavailable ?? 'No credential report was available.')} The changes above need no AWS access.`
    )
    return `${out.join('\n').trimEnd()}\n`
  }
  out.push(...impactMarkdown(impact, review.fileChange === 'deleted' ? null : lineRef, maxRows))
  return `${out.join('\n').trimEnd()}\n`
}

function impactMarkdown(
  impact: PolicyImpact,
  lineRef: ((line: number) => string) | null,
  maxRows: number
): string[] {
  const out: string[] = []
  const { base, head, changed } = impact.verdict
  const gate = changed
    ? `**${base.result} → ${head.result}** (${md(head.summary)})`
    : `unchanged, ${head.result} (${md(head.summary)})`
  out.push(
    '**Live impact** on the current credential report:',
    '',
    `- Gate verdict: ${gate}`,
    `- Hides ${plural(impact.hidden.length, 'finding')}, reveals ${impact.revealed.length}` +
      (impact.noLongerFailing.length + impact.nowFailing.length > 0
        ? `; ${impact.noLongerFailing.length} no longer fail the gate, ${impact.nowFailing.length} now fail it`
        : ''),
    ''
  )
  const table = (title: string, rows: readonly ImpactedFinding[]): void => {
    if (rows.length === 0) return
    out.push(
      `**${title} (${rows.length})**`,
      '',
      '| Severity | Rule | Principal | Credential | Cause | Line |',
      '| --- | --- | --- | --- | --- | ---: |'
    )
    for (const r of rows.slice(0, maxRows)) {
      const f = r.finding
      const gate = r.failsGate ? ' (fails the gate)' : ''
      out.push(
        `| ${f.severity}${gate} | ${code(f.ruleId)} | ${md(principalLabel(f.user))} | ${code(credentialLabel(f.credential))} | ${md(r.cause)} | ${lineRef ? lineRef(r.line) : '—'} |`
      )
    }
    if (rows.length > maxRows) out.push('', left(rows.length - maxRows, 'finding'))
    out.push('')
  }
  table('Findings this change hides', impact.hidden)
  table('Findings this change reveals', impact.revealed)
  table('Findings that no longer fail the gate', impact.noLongerFailing)
  table('Findings that now fail the gate', impact.nowFailing)
  return out
}

function effectOrder(e: ChangeEffect): number {
  return e === 'weakens' ? 0 : e === 'tightens' ? 1 : 2
}

function left(n: number, what: string): string {
  return `_${plural(n, `more ${what}`)} not shown; run \`${TOOL_NAME} review\` for all of them._`
}

function short(sha: string): string {
  return sha.slice(0, 7)
}

// ---------------------------------------------------------------------------
// Text

/** The CLI's plain-text table. */
export function renderReviewText(review: PolicyReview): string {
  const out: string[] = [`Policy change ${review.base} -> ${review.head}: ${reviewVerdict(review)}`]
  if (review.fileChange === 'added') out.push(`(no base policy: compared against the ${BUILT_IN})`)
  if (review.fileChange === 'deleted') out.push(`(no head policy: the ${BUILT_IN} applies)`)
  out.push('')
  if (review.changes.length === 0) {
    out.push('No setting that the gate uses changed.')
  } else {
    const rows = review.changes.map(c => [c.effect, `${c.line}:${c.column}`, visible(c.message)])
    out.push(...table(['EFFECT', 'LINE', 'CHANGE'], rows))
  }
  const impact = review.impact
  if (impact) {
    const findings = (title: string, list: readonly ImpactedFinding[]): void => {
      out.push('', `${title} (${list.length}):`)
      if (list.length === 0) return
      out.push(
        ...table(
          ['SEVERITY', 'RULE', 'USER', 'CREDENTIAL', 'LINE', 'CAUSE'],
          list.map(r => [
            r.finding.severity,
            r.finding.ruleId,
            visible(r.finding.user),
            r.finding.credential ?? '-',
            String(r.line),
            visible(r.cause)
          ])
        ).map(l => `  ${l}`)
      )
    }
    findings('Hidden findings', impact.hidden)
    findings('Revealed findings', impact.revealed)
    if (impact.noLongerFailing.length > 0) {
      findings('No longer failing the gate', impact.noLongerFailing)
    }
    if (impact.nowFailing.length > 0) findings('Now failing the gate', impact.nowFailing)
    const { base, head, changed } = impact.verdict
    out.push(
      '',
      changed
        ? `Verdict: ${base.result} -> ${head.result} (${visible(head.summary)})`
        : `Verdict: unchanged, ${head.result} (${visible(head.summary)})`
    )
  }
  return `${out.join('\n')}\n`
}

/** Columns padded to their widest cell; the last column is not padded. */
function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)))
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(headers), ...rows.map(line)]
}

// ---------------------------------------------------------------------------
// JSON

export interface ReviewJson {
  tool: { name: string; version: string }
  fileChange: PolicyReview['fileChange']
  base: string
  head: string
  weakens: boolean
  tightens: boolean
  summary: string
  changes: PolicyChange[]
  impact: {
    hidden: ImpactedFindingJson[]
    revealed: ImpactedFindingJson[]
    noLongerFailing: ImpactedFindingJson[]
    nowFailing: ImpactedFindingJson[]
    verdict: {
      base: { result: string; summary: string }
      head: { result: string; summary: string }
      changed: boolean
    }
  } | null
}

export type ImpactedFindingJson = Pick<
  Finding,
  'ruleId' | 'severity' | 'user' | 'arn' | 'credential' | 'message' | 'fingerprint'
> &
  Omit<ImpactedFinding, 'finding'>

/** The review as a JSON document (stable field order). */
export function reviewToJson(review: PolicyReview): ReviewJson {
  const findings = (list: readonly ImpactedFinding[]): ImpactedFindingJson[] =>
    list.map(({ finding: f, ...rest }) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      user: f.user,
      arn: f.arn,
      credential: f.credential,
      message: f.message,
      fingerprint: f.fingerprint,
      ...rest
    }))
  const impact = review.impact
  return {
    tool: { name: TOOL_NAME, version: VERSION },
    fileChange: review.fileChange,
    base: review.base,
    head: review.head,
    weakens: review.weakens,
    tightens: review.tightens,
    summary: reviewVerdict(review),
    changes: review.changes,
    impact: impact
      ? {
          hidden: findings(impact.hidden),
          revealed: findings(impact.revealed),
          noLongerFailing: findings(impact.noLongerFailing),
          nowFailing: findings(impact.nowFailing),
          verdict: {
            base: { result: impact.verdict.base.result, summary: impact.verdict.base.summary },
            head: { result: impact.verdict.head.result, summary: impact.verdict.head.summary },
            changed: impact.verdict.changed
          }
        }
      : null
  }
}

export function renderReviewJson(review: PolicyReview): string {
  return `${JSON.stringify(reviewToJson(review), null, 2)}\n`
}
