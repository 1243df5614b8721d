/**
 * Renderers for an audit of several accounts (pure: no I/O, no clock).
 *
 * Each account that was audited has its own `RenderContext`; an account
 * that could not be audited (access denied, timeout) has an error message.
 * From them come: the overall verdict, one job summary (a row per account,
 * each account's own summary collapsed), one JSON document with an entry per
 * account, SARIF runs (one per audited account, split into files of at most
 * 20 runs), and one plan of annotations under GitHub's per-level cap.
 *
 * The policy's own warnings (expired and stale exemptions) concern the
 * policy file, not an account, so they are said once for the run: an
 * exemption is stale only when it matched nothing in every audited account
 * it can apply to (see `splitPolicyWarnings`).
 */

import type { EvaluationWarning, SeverityCounts } from '../evaluation.js'
import { severityPhrase } from '../gate.js'
import type { Policy } from '../policy/types.js'
import { meetsThreshold, SEVERITIES } from '../severity.js'
import type { FailOnSeverity, Severity } from '../severity.js'
import { listAndMore } from '../text.js'
import { formatTimestamp } from '../time.js'
import type { Annotation } from './annotations.js'
import { GITHUB_ANNOTATIONS_PER_LEVEL, planAnnotations } from './annotations.js'
import { INFORMATION_URI, TOOL_NAME } from './context.js'
import type { RenderContext } from './context.js'
import type { JsonReport } from './json.js'
import { jsonDocument, JSON_SCHEMA_VERSION, toJsonFinding, toJsonReport } from './json.js'
import { documentWithEntries, jsonDocumentPieces } from './json-pieces.js'
import { byteLength, code, formatAge, md, plural, visible } from './markdown.js'
import type { SarifLog, SarifRun } from './sarif.js'
import {
  GITHUB_SARIF_LIMITS,
  renderSarif,
  renderSarifPieces,
  SARIF_SCHEMA_URI,
  SARIF_VERSION,
  splitSarifRuns
} from './sarif.js'
import { DEFAULT_SUMMARY_MAX_BYTES, renderSummary } from './summary.js'

/** One account of the run: its audit, or why it could not be audited. */
export type AccountEntry =
  | { kind: 'audited'; accountId: string; roleArn: string; ctx: RenderContext }
  | { kind: 'error'; accountId: string; roleArn: string; error: string }

export interface MultiAccountContext {
  /** In the order the accounts were given. */
  accounts: readonly AccountEntry[]
  policy: Policy
  toolVersion: string
  /** When the run was evaluated (ms since the epoch). */
  now: number
  /** The policy file's warnings, once for the run (`splitPolicyWarnings`). */
  policyWarnings: readonly EvaluationWarning[]
  /**
   * Accounts found in the organization and not audited: their state
   * (`SUSPENDED`, `PENDING_CLOSURE`, ...) or `EXCLUDED`.
   */
  skipped?: readonly SkippedAccountEntry[]
}

export interface SkippedAccountEntry {
  id: string
  name: string
  status: string
}

export interface MultiAccountVerdict {
  /**
   * `failed` when an audited account breaches the policy; else `error` when
   * an account could not be audited; else `passed`.
   */
  result: 'passed' | 'failed' | 'error'
  failOnSeverity: FailOnSeverity
  /** Findings at or above the threshold, over every audited account. */
  breaches: number
  accounts: number
  accountsAudited: number
  accountsBreached: number
  /** Accounts that could not be audited. */
  accountsFailed: number
  /** One line: "failed: 2 of 3 accounts breach the policy — …". */
  summary: string
}

export type MultiAccountCounts = SeverityCounts & { exempted: number; total: number }

const POLICY_WARNING_KINDS: ReadonlySet<string> = new Set(['expired-exemption', 'stale-exemption'])

const SEVERITY_ICON: Record<Severity, string> = {
  critical: '🟥',
  high: '🟧',
  medium: '🟨',
  low: '🟦'
}

// ---------------------------------------------------------------------------
// Policy warnings

const warningKey = (w: EvaluationWarning): string =>
  JSON.stringify([w.kind, w.message, w.file ?? null, w.line ?? null])

/**
 * Takes the policy warnings out of each account's evaluation and returns
 * them once for the run: expired exemptions once; a stale exemption only
 * when it is stale in every audited account it could apply to (an exemption
 * limited by `accounts:` to accounts this run did not audit is not checked:
 * in a matrix of account groups, another group audits them).
 */
export function splitPolicyWarnings(
  contexts: readonly RenderContext[],
  policy: Policy
): { contexts: RenderContext[]; policyWarnings: EvaluationWarning[] } {
  const audited = contexts.map(c => c.evaluation.account.id)
  const exemptionAt = (line: number | undefined) =>
    line === undefined ? undefined : policy.exemptions.find(e => e.line === line)
  const inScope = (w: EvaluationWarning): number => {
    const ex = exemptionAt(w.line)
    if (!ex || ex.accounts === null) return contexts.length
    return audited.filter(id => id !== null && ex.accounts!.includes(id)).length
  }

  const seen = new Map<string, { warning: EvaluationWarning; accounts: number }>()
  for (const ctx of contexts) {
    for (const w of ctx.evaluation.warnings) {
      if (!POLICY_WARNING_KINDS.has(w.kind)) continue
      const key = warningKey(w)
      const entry = seen.get(key)
      if (entry) entry.accounts++
      else seen.set(key, { warning: w, accounts: 1 })
    }
  }
  const policyWarnings: EvaluationWarning[] = []
  for (const { warning, accounts } of seen.values()) {
    if (warning.kind === 'stale-exemption') {
      // Stale in every account it could match in (and there is one).
      const scope = inScope(warning)
      if (scope === 0 || accounts < contexts.length) continue
    }
    policyWarnings.push(warning)
  }
  const stripped = contexts.map(ctx => ({
    ...ctx,
    evaluation: {
      ...ctx.evaluation,
      warnings: ctx.evaluation.warnings.filter(w => !POLICY_WARNING_KINDS.has(w.kind))
    }
  }))
  return { contexts: stripped, policyWarnings }
}

// ---------------------------------------------------------------------------
// Verdict and counts

const audited = (m: MultiAccountContext) =>
  m.accounts.filter((a): a is Extract<AccountEntry, { kind: 'audited' }> => a.kind === 'audited')
const failedAccounts = (m: MultiAccountContext) =>
  m.accounts.filter((a): a is Extract<AccountEntry, { kind: 'error' }> => a.kind === 'error')

/** Non-exempted findings by severity over every audited account, plus exempted and total. */
export function multiAccountCounts(m: MultiAccountContext): MultiAccountCounts {
  const counts: MultiAccountCounts = {
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    exempted: 0,
    total: 0
  }
  for (const a of audited(m)) {
    const e = a.ctx.evaluation
    for (const s of SEVERITIES) counts[s] += e.counts[s]
    counts.exempted += e.exemptedCount
    counts.total += e.findings.length
  }
  return counts
}

/** "111111111111, 222222222222 and 3 more". */
function accountList(ids: readonly string[], max = 5): string {
  return listAndMore(ids.slice(0, max), ids.length)
}

/**
 * Audited accounts whose fail-on-severity (set by an account override) is not
 * the policy's, with theirs: the verdict and summary name them.
 */
function thresholdOverrides(
  m: MultiAccountContext
): { accountId: string; failOnSeverity: FailOnSeverity }[] {
  return audited(m)
    .map(a => ({ accountId: a.accountId, failOnSeverity: a.ctx.evaluation.verdict.failOnSeverity }))
    .filter(a => a.failOnSeverity !== m.policy.failOnSeverity)
}

/** "high; critical for 222222222222, none for 333333333333". */
function thresholdPhrase(m: MultiAccountContext): string {
  const overrides = thresholdOverrides(m)
  if (overrides.length === 0) return m.policy.failOnSeverity
  const bySeverity = new Map<FailOnSeverity, string[]>()
  for (const o of overrides) {
    bySeverity.set(o.failOnSeverity, [...(bySeverity.get(o.failOnSeverity) ?? []), o.accountId])
  }
  const parts = [...bySeverity].map(([s, ids]) => `${s} for ${accountList(ids)}`)
  return `${m.policy.failOnSeverity}; ${parts.join(', ')}`
}

/** "3 high and 1 low findings": the findings that fail the gate, each at its account's threshold. */
function breachPhrase(m: MultiAccountContext): string {
  const counts: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0 }
  for (const a of audited(m)) {
    const failOn = a.ctx.evaluation.verdict.failOnSeverity
    for (const s of SEVERITIES)
      if (meetsThreshold(s, failOn)) counts[s] += a.ctx.evaluation.counts[s]
  }
  return severityPhrase(counts, () => true)
}

export function multiAccountVerdict(m: MultiAccountContext): MultiAccountVerdict {
  const failOn = m.policy.failOnSeverity
  const ok = audited(m)
  const bad = failedAccounts(m)
  const breached = ok.filter(a => a.ctx.evaluation.verdict.result === 'failed')
  const breaches = ok.reduce((n, a) => n + a.ctx.evaluation.verdict.breaches, 0)
  const total = m.accounts.length
  const threshold = thresholdPhrase(m)
  const notAudited =
    bad.length > 0
      ? `${plural(bad.length, 'account')} could not be audited (${accountList(bad.map(a => a.accountId))})`
      : ''
  let result: MultiAccountVerdict['result']
  let summary: string
  if (breached.length > 0) {
    result = 'failed'
    summary =
      `failed: ${breached.length} of ${plural(total, 'account')} ${breached.length === 1 ? 'breaches' : 'breach'} the policy ` +
      `(${accountList(breached.map(a => a.accountId))}) — ${breachPhrase(m)}` +
      (notAudited ? `; ${notAudited}` : '')
  } else if (bad.length > 0) {
    result = 'error'
    summary = `error: ${bad.length} of ${plural(total, 'account')} could not be audited (${accountList(bad.map(a => a.accountId))})`
    if (ok.length > 0)
      summary += `; no findings at or above ${threshold} in the ${plural(ok.length, 'other')}`
  } else {
    result = 'passed'
    summary = ok.every(a => a.ctx.evaluation.verdict.failOnSeverity === 'none')
      ? `passed: fail-on-severity is none; ${plural(total, 'account')} audited`
      : `passed: no findings at or above ${threshold} in ${plural(total, 'account')}`
  }
  return {
    result,
    failOnSeverity: failOn,
    breaches,
    accounts: total,
    accountsAudited: ok.length,
    accountsBreached: breached.length,
    accountsFailed: bad.length,
    summary
  }
}

// ---------------------------------------------------------------------------
// JSON

export type MultiAccountJsonEntry =
  | ({ accountId: string; roleArn: string } & Omit<JsonReport, 'schemaVersion' | 'tool'>)
  | { accountId: string; roleArn: string; error: string }

export interface MultiAccountJson {
  schemaVersion: number
  tool: { name: string; version: string }
  evaluatedAt: string
  policy: { source: 'built-in' | 'file'; file: string | null; failOnSeverity: string }
  verdict: MultiAccountVerdict
  counts: MultiAccountCounts
  warnings: EvaluationWarning[]
  accounts: MultiAccountJsonEntry[]
}

/** The JSON document of a multi-account run (`json-file`). */
export function toMultiAccountJson(m: MultiAccountContext): MultiAccountJson {
  return {
    ...multiAccountJsonHead(m),
    accounts: m.accounts.map((a): MultiAccountJsonEntry => {
      if (a.kind === 'error') return { accountId: a.accountId, roleArn: a.roleArn, error: a.error }
      const { schemaVersion: _v, tool: _t, ...doc } = toJsonReport(a.ctx)
      return { accountId: a.accountId, roleArn: a.roleArn, ...doc }
    })
  }
}

/** Everything of the document but its accounts. */
function multiAccountJsonHead(m: MultiAccountContext): Omit<MultiAccountJson, 'accounts'> {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: m.toolVersion },
    evaluatedAt: formatTimestamp(m.now),
    policy: {
      source: m.policy.source.kind,
      file: m.policy.source.kind === 'file' ? m.policy.source.path : null,
      failOnSeverity: m.policy.failOnSeverity
    },
    verdict: multiAccountVerdict(m),
    counts: multiAccountCounts(m),
    warnings: [...m.policyWarnings]
  }
}

export function renderMultiAccountJson(m: MultiAccountContext): string {
  return `${JSON.stringify(toMultiAccountJson(m), null, 2)}\n`
}

/**
 * `renderMultiAccountJson(m)` in pieces: each account's entry on its own,
 * and an account's findings a chunk at a time (`jsonDocumentPieces`), so
 * that no string holds more than one chunk of findings whatever the number
 * of accounts and findings.
 */
export function renderMultiAccountJsonPieces(m: MultiAccountContext): Iterable<string> {
  return documentWithEntries(
    { ...multiAccountJsonHead(m), accounts: [] },
    'accounts',
    m.accounts.map(a => accountEntryPieces(a))
  )
}

/** One entry of `accounts`, as the pieces of a document `{ accounts: [entry] }`. */
function accountEntryPieces(a: AccountEntry): Iterable<string> {
  if (a.kind === 'error') {
    const entry = { accountId: a.accountId, roleArn: a.roleArn, error: a.error }
    return [`${JSON.stringify({ accounts: [entry] }, null, 2)}\n`]
  }
  const { schemaVersion: _v, tool: _t, ...doc } = jsonDocument(a.ctx, [])
  return jsonDocumentPieces(
    { accounts: [{ accountId: a.accountId, roleArn: a.roleArn, ...doc }] },
    { wrap: findings => ({ accounts: [{ findings }] }) },
    a.ctx.evaluation.findings,
    toJsonFinding
  )
}

// ---------------------------------------------------------------------------
// SARIF

/** One run per audited account (`automationDetails.id` = `iam-credential-gate/<account>/`). */
export function multiAccountSarifRuns(
  m: MultiAccountContext,
  options: { policyFile?: string } = {}
): SarifRun[] {
  return audited(m).flatMap(a => renderSarif(a.ctx, options).runs)
}

/**
 * The SARIF files of `renderMultiAccountSarif(m)`, each in pieces: a run per
 * audited account, a run's results a chunk at a time (`renderSarifPieces`).
 */
export function renderMultiAccountSarifPieces(
  m: MultiAccountContext,
  options: { policyFile?: string; maxRunsPerFile?: number } = {}
): (() => Iterable<string>)[] {
  const accounts = audited(m)
  const perFile = options.maxRunsPerFile ?? GITHUB_SARIF_LIMITS.runsPerFile
  const files: (() => Iterable<string>)[] = []
  for (let i = 0; i < accounts.length; i += perFile) {
    const group = accounts.slice(i, i + perFile)
    files.push(() =>
      documentWithEntries(
        { $schema: SARIF_SCHEMA_URI, version: SARIF_VERSION, runs: [] },
        'runs',
        group.map(a => renderSarifPieces(a.ctx, options))
      )
    )
  }
  return files
}

/** The runs as logs of at most 20 runs each; none when no account was audited. */
export function renderMultiAccountSarif(
  m: MultiAccountContext,
  options: { policyFile?: string; maxRunsPerFile?: number } = {}
): SarifLog[] {
  const runs = multiAccountSarifRuns(m, options)
  return runs.length === 0 ? [] : splitSarifRuns(runs, options.maxRunsPerFile)
}

/**
 * The paths of `count` files derived from `path`: the first is `path`
 * itself, the next ones carry `-2`, `-3`, … before the extension
 * (`out/x.sarif` → `out/x-2.sarif`).
 */
export function numberedPaths(path: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => (i === 0 ? path : withSuffix(path, `-${i + 1}`)))
}

/** `out/fix.sh` + `-111111111111` → `out/fix-111111111111.sh`; no extension: appended. */
export function withSuffix(path: string, suffix: string): string {
  const slash = path.lastIndexOf('/')
  const dot = path.lastIndexOf('.')
  return dot > slash + 1 ? `${path.slice(0, dot)}${suffix}${path.slice(dot)}` : `${path}${suffix}`
}

// ---------------------------------------------------------------------------
// Annotations

const LEVEL_ORDER = ['error', 'warning', 'notice'] as const

/** The severity an error annotation's title starts with ("high console-user-mfa: …"). */
function titleRank(a: Annotation): number {
  const first = a.properties.title?.split(' ')[0] ?? ''
  const i = (SEVERITIES as readonly string[]).indexOf(first)
  return i < 0 ? SEVERITIES.length : i
}

/**
 * The annotations of the whole run, at most `maxPerLevel` per level over all
 * accounts (GitHub shows 10 per level per step): first an error per account
 * that could not be audited, then the findings that fail the gate, most
 * severe first whatever their account; the policy's warnings, then each
 * account's report warnings; and one notice that says how many more the
 * summary and code scanning have. Messages name their account.
 */
export function planMultiAccountAnnotations(
  m: MultiAccountContext,
  options: { policyFile?: string; maxPerLevel?: number } = {}
): Annotation[] {
  const cap = options.maxPerLevel ?? GITHUB_ANNOTATIONS_PER_LEVEL
  const all = audited(m)
  const errors: Annotation[] = failedAccounts(m).map(a => ({
    level: 'error',
    message: visible(`account ${a.accountId} could not be audited: ${a.error}`),
    properties: { title: `Account ${a.accountId} not audited` }
  }))
  const findingErrors: { a: Annotation; rank: number; order: number }[] = []
  const warnings: Annotation[] = []
  let below = 0
  for (const entry of all) {
    const e = entry.ctx.evaluation
    const plan = planAnnotations(entry.ctx, {
      policyFile: options.policyFile,
      maxPerLevel: Number.MAX_SAFE_INTEGER
    })
    for (const a of plan) {
      const prefixed: Annotation = { ...a, message: `[${entry.accountId}] ${a.message}` }
      if (a.level === 'error') {
        findingErrors.push({ a: prefixed, rank: titleRank(a), order: findingErrors.length })
      } else if (a.level === 'warning') {
        warnings.push(prefixed)
      }
    }
    const open = e.findings.filter(f => !f.exempted)
    below += open.filter(f => !meetsThreshold(f.severity, e.verdict.failOnSeverity)).length
  }
  findingErrors.sort((x, y) => x.rank - y.rank || x.order - y.order)
  errors.push(...findingErrors.map(x => x.a))

  // The policy's warnings, at their lines (converted as for one account).
  const first = all[0]
  const policyAnnotations =
    first && m.policyWarnings.length > 0
      ? planAnnotations(
          {
            ...first.ctx,
            evaluation: { ...first.ctx.evaluation, findings: [], warnings: m.policyWarnings }
          },
          { policyFile: options.policyFile, maxPerLevel: Number.MAX_SAFE_INTEGER }
        ).filter(a => a.level === 'warning')
      : []
  warnings.unshift(...policyAnnotations)

  const shown = { error: errors.slice(0, cap), warning: warnings.slice(0, cap) }
  const plan: Annotation[] = LEVEL_ORDER.flatMap(level => (level === 'notice' ? [] : shown[level]))
  const moreErrors = errors.length - shown.error.length
  const moreWarnings = warnings.length - shown.warning.length
  const parts: string[] = []
  if (moreErrors > 0)
    parts.push(
      `${plural(moreErrors, 'more error')} (findings that fail the gate, or accounts not audited)`
    )
  if (below > 0) {
    parts.push(
      `${plural(below, 'finding')} below fail-on-severity (${thresholdPhrase(m)}) that ${below === 1 ? 'is' : 'are'} not annotated`
    )
  }
  if (moreWarnings > 0) parts.push(plural(moreWarnings, 'more warning'))
  if (parts.length > 0 && cap > 0) {
    const text =
      parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}` : parts[0]!
    plan.push({
      level: 'notice',
      message: `${text[0]!.toUpperCase()}${text.slice(1)}: see the job summary and code scanning (SARIF).`,
      properties: { title: 'IAM Credential Gate: more results' }
    })
  }
  return plan
}

// ---------------------------------------------------------------------------
// Summary

export interface MultiAccountSummaryOptions {
  /** Largest size in UTF-8 bytes, over every account; 900 KiB by default. */
  maxBytes?: number
}

const RESULT_LABEL: Record<'passed' | 'failed' | 'error', string> = {
  passed: '✅ passed',
  failed: '❌ failed',
  error: '⚠️ not audited'
}

/** Text for an HTML element (the `<summary>` line): no markup, one line. */
function htmlText(text: string): string {
  return visible(text).replace(/[&<>"]/g, c =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'
  )
}

/**
 * An account's own summary as a part of the run's: one heading level down,
 * without its footer (the run has one).
 */
function asPart(markdown: string): string {
  return markdown.replace(/^(#{2,5}) /gm, '$1# ').replace(/\n---\n\n<sub>[^\n]*<\/sub>\n$/, '\n')
}

function accountRow(a: AccountEntry): string {
  if (a.kind === 'error') {
    return `| ${code(a.accountId)} | ${RESULT_LABEL.error} | — | — | — | — | — | — |`
  }
  const e = a.ctx.evaluation
  const age =
    a.ctx.reportGeneratedAt === null ? '—' : formatAge(a.ctx.now - a.ctx.reportGeneratedAt)
  const n = (x: number) => x.toLocaleString('en-US')
  return `| ${code(a.accountId)} | ${RESULT_LABEL[e.verdict.result]} | ${SEVERITIES.map(s => n(e.counts[s])).join(' | ')} | ${n(e.exemptedCount)} | ${age} |`
}

function summaryHead(m: MultiAccountContext, rows: readonly string[], omittedRows: number): string {
  const v = multiAccountVerdict(m)
  const icon = v.result === 'failed' ? '❌' : v.result === 'error' ? '⚠️' : '✅'
  const lines = [`## ${icon} IAM Credential Gate ${md(v.summary)}`, '']
  lines.push(
    `- **Accounts:** ${v.accounts.toLocaleString('en-US')} (${v.accountsAudited.toLocaleString('en-US')} audited` +
      (v.accountsFailed > 0
        ? `, ${v.accountsFailed.toLocaleString('en-US')} could not be audited`
        : '') +
      ')' +
      (m.skipped?.length ? `; ${plural(m.skipped.length, 'account')} skipped (see below)` : '')
  )
  lines.push(
    `- **Policy:** ${m.policy.source.kind === 'file' ? md(m.policy.source.path) : 'built-in default'}`
  )
  const overrides = thresholdOverrides(m)
  lines.push(
    `- **Fail on severity:** ${code(m.policy.failOnSeverity)}` +
      (overrides.length > 0
        ? ` (account overrides: ${overrides.map(o => `${code(o.accountId)} ${code(o.failOnSeverity)}`).join(', ')})`
        : '')
  )
  lines.push('')
  const severityHeads = SEVERITIES.map(s => {
    const fails = meetsThreshold(s, m.policy.failOnSeverity)
    return `${SEVERITY_ICON[s]} ${fails ? `**${s}**` : s}`
  })
  lines.push(`| Account | Result | ${severityHeads.join(' | ')} | Exempted | Report age |`)
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |')
  lines.push(...rows)
  if (omittedRows > 0) {
    lines.push(
      '',
      `_${plural(omittedRows, 'more account')} left out of this table to keep the summary under GitHub's size limit; every account is in the JSON output._`
    )
  }
  const bad = failedAccounts(m)
  if (bad.length > 0) {
    lines.push('', `### ⚠️ Accounts that could not be audited (${bad.length})`, '')
    lines.push(
      'An account that could not be audited fails the step, with `soft-fail` too: the gate cannot pass what it could not see.',
      ''
    )
    for (const a of bad) lines.push(`- ${code(a.accountId)} (${md(a.roleArn)}): ${md(a.error)}`)
  }
  lines.push(...skippedAccountLines(m.skipped ?? []))
  if (m.policyWarnings.length > 0) {
    lines.push('', `### ⚠️ Policy warnings (${m.policyWarnings.length})`, '')
    for (const w of m.policyWarnings) {
      const where = w.file ? ` (${md(w.file)}${w.line ? ` line ${w.line}` : ''})` : ''
      lines.push(`- ${md(w.message)}${where}`)
    }
  }
  return `${lines.join('\n')}\n`
}

/** At most this many skipped accounts are named one per line; the rest are counted. */
const MAX_SKIPPED_LINES = 50

/** The organization's accounts that were not audited, and why. */
function skippedAccountLines(skipped: readonly SkippedAccountEntry[]): string[] {
  if (skipped.length === 0) return []
  const lines = ['', `### Accounts skipped (${skipped.length})`, '']
  lines.push('Found in the organization and not audited:', '')
  for (const s of skipped.slice(0, MAX_SKIPPED_LINES)) {
    const why =
      s.status === 'EXCLUDED'
        ? 'excluded (`exclude-accounts`)'
        : md(s.status.toLowerCase().replaceAll('_', ' '))
    lines.push(`- ${code(s.id)}${s.name ? ` (${md(s.name)})` : ''}: ${why}`)
  }
  if (skipped.length > MAX_SKIPPED_LINES) {
    lines.push(`- _and ${plural(skipped.length - MAX_SKIPPED_LINES, 'more account')}_`)
  }
  return lines
}

function summaryFooter(m: MultiAccountContext): string {
  return `\n---\n\n<sub>${TOOL_NAME} ${md(m.toolVersion)} · evaluated ${formatTimestamp(m.now)} · full results in the SARIF files (code scanning) and the JSON output · [documentation](${INFORMATION_URI})</sub>\n`
}

function accountDetails(
  a: Extract<AccountEntry, { kind: 'audited' }>,
  maxBytes: number,
  body = asPart(renderSummary(a.ctx, { maxBytes }))
): string {
  const v = a.ctx.evaluation.verdict
  const icon = v.result === 'failed' ? '❌' : '✅'
  return `\n<details><summary>${icon} ${htmlText(a.accountId)}: ${htmlText(v.summary)}</summary>\n\n${body}\n</details>\n`
}

/**
 * The job summary of a multi-account run: the overall verdict first, a
 * table with a row per account, the accounts that could not be audited and
 * why, the policy warnings, then each audited account's own summary in a
 * collapsed `<details>`. Within `maxBytes` overall: each account's summary
 * gets an even share of what the table leaves (and shortens itself to fit,
 * as a single account's summary does).
 */
export function renderMultiAccountSummary(
  m: MultiAccountContext,
  options: MultiAccountSummaryOptions = {}
): string {
  const maxBytes = options.maxBytes ?? DEFAULT_SUMMARY_MAX_BYTES
  const rows = m.accounts.map(accountRow)
  const footer = summaryFooter(m)
  const detailsHeading = '\n### Accounts\n'

  // The head with as many table rows as fit (all of them, unless there are very many accounts).
  let kept = rows.length
  let head = summaryHead(m, rows, 0)
  while (kept > 0 && byteLength(head) + byteLength(footer) > maxBytes) {
    kept = Math.max(0, Math.floor(kept * 0.9))
    head = summaryHead(m, rows.slice(0, kept), rows.length - kept)
  }
  const accounts = audited(m)
  const base = `${head}${footer}`
  const withoutDetails = `${head}${DETAILS_LEFT_OUT}${footer}`
  if (accounts.length === 0) return base
  if (byteLength(withoutDetails) > maxBytes) return base

  const wrappers = accounts.reduce((n, a) => n + byteLength(accountDetails(a, 0, '')), 0)
  let share = Math.floor(
    (maxBytes - byteLength(base) - byteLength(detailsHeading) - wrappers) / accounts.length
  )
  for (let attempt = 0; attempt < 8 && share >= MIN_ACCOUNT_SUMMARY_BYTES; attempt++) {
    const text = `${head}${detailsHeading}${accounts.map(a => accountDetails(a, share)).join('')}${footer}`
    if (byteLength(text) <= maxBytes) return text
    share = Math.floor(share * 0.9)
  }
  return withoutDetails
}

/** Below this share an account's own summary would say little: the details are left out. */
const MIN_ACCOUNT_SUMMARY_BYTES = 4096

const DETAILS_LEFT_OUT =
  "\n_Each account's own summary is left out to keep this summary under GitHub's size limit; the JSON output and the SARIF files have every finding._\n"
