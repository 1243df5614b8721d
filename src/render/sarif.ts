/**
 * SARIF 2.1.0 for GitHub code scanning. One run per account; every finding
 * that is not exempted becomes a result located at a stable, colon-free
 * virtual path per principal (`aws-iam/<account>/user/<name>`), carrying the
 * finding's fingerprint as `primaryLocationLineHash` and linking the policy
 * line that configures its rule through `relatedLocations`.
 *
 * Exempted findings are left out: GitHub code scanning does not honour the
 * SARIF `suppressions` property (it is not in the documented subset of
 * supported properties, and github/codeql-action#1230 is the open request),
 * so a suppressed result would be shown as an open alert. Leaving an exempted
 * finding out closes its alert as fixed on the next upload.
 */

import type { Finding } from '../evaluation.js'
import { policyForAccount } from '../policy/account.js'
import { ROOT_USER } from '../report/types.js'
import { RULES } from '../rules/catalog.js'
import type { CisReferences, Rule } from '../rules/types.js'
import { SEVERITIES } from '../severity.js'
import type { Severity } from '../severity.js'
import { formatTimestamp } from '../time.js'
import { INFORMATION_URI, policyFilePath, ruleLine, TOOL_NAME } from './context.js'
import type { RenderContext } from './context.js'
import { jsonDocumentPieces } from './json-pieces.js'
import { truncateText, visible } from './markdown.js'

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json'
export const SARIF_VERSION = '2.1.0'

/** GitHub's documented limits (SARIF support for code scanning, "File compatibility"). */
export const GITHUB_SARIF_LIMITS = {
  runsPerFile: 20,
  resultsPerRun: 25_000,
  rulesPerRun: 25_000,
  tagsPerRule: 20,
  locationsPerResult: 1_000,
  descriptionChars: 1024,
  ruleNameChars: 255
} as const

export type SarifLevel = 'error' | 'warning' | 'note'

export interface SarifMessage {
  text: string
  markdown?: string
}

export interface SarifPhysicalLocation {
  artifactLocation: { uri: string }
  region: { startLine: number; startColumn?: number; endLine?: number; endColumn?: number }
}

export interface SarifLocation {
  id?: number
  physicalLocation: SarifPhysicalLocation
  message?: SarifMessage
}

export interface SarifRule {
  id: string
  name: string
  shortDescription: SarifMessage
  fullDescription: SarifMessage
  helpUri: string
  help: { text: string; markdown: string }
  defaultConfiguration: { level: SarifLevel }
  properties: {
    tags: string[]
    precision: 'very-high' | 'high' | 'medium' | 'low'
    'security-severity': string
  }
}

export interface SarifResult {
  ruleId: string
  ruleIndex?: number
  level: SarifLevel
  message: SarifMessage
  locations: SarifLocation[]
  partialFingerprints: { primaryLocationLineHash: string }
  relatedLocations?: SarifLocation[]
  properties: {
    user: string
    arn: string
    credential: string | null
    keyId?: string
    severity: Severity
  }
}

export interface SarifRun {
  tool: {
    driver: {
      name: string
      version: string
      semanticVersion?: string
      informationUri: string
      rules: SarifRule[]
    }
  }
  automationDetails: { id: string }
  results: SarifResult[]
  properties?: Record<string, unknown>
}

export interface SarifLog {
  $schema: string
  version: '2.1.0'
  runs: SarifRun[]
}

export const SEVERITY_LEVEL: Record<Severity, SarifLevel> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note'
}

/** Code scanning's score bands: > 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low. */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0'
}

/** Benchmark-version key of `CisReferences` as it appears in a tag: `v1.4-v3.0` is tagged `v1.4`. */
const CIS_TAG_VERSION: Record<keyof CisReferences, string> = {
  'v1.2': 'v1.2',
  'v1.4-v3.0': 'v1.4',
  'v4.0': 'v4.0',
  'v5.0': 'v5.0',
  'v6.0': 'v6.0',
  'v7.0': 'v7.0'
}

/** `access-key-rotation` → `AccessKeyRotation`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(w => w[0]!.toUpperCase() + w.slice(1))
    .join('')
}

/** `security`, `aws`, `iam`, then `CIS-v1.4-1.14`-style ids and Security Hub controls; at most 20. */
export function ruleTags(rule: Rule): string[] {
  const tags = ['security', 'aws', 'iam']
  for (const [version, item] of Object.entries(rule.cis) as [keyof CisReferences, string][]) {
    if (item) tags.push(`CIS-${CIS_TAG_VERSION[version] ?? version}-${item}`)
  }
  for (const control of rule.securityHub ?? []) tags.push(`SecurityHub-${control}`)
  return [...new Set(tags)].slice(0, GITHUB_SARIF_LIMITS.tagsPerRule)
}

function nonEmpty(text: string, fallback: string): string {
  return text.trim() === '' ? fallback : text
}

function ruleHelp(rule: Rule): { text: string; markdown: string } {
  const cis = Object.entries(rule.cis)
    .filter(([, item]) => item)
    .map(([version, item]) => `${version} ${item as string}`)
  const refs = [
    ...(cis.length ? [`CIS AWS Foundations Benchmark: ${cis.join(', ')}`] : []),
    ...(rule.securityHub?.length ? [`AWS Security Hub: ${rule.securityHub.join(', ')}`] : [])
  ]
  const params = rule.parameters.map(
    p => `\`${p.name}\` (default ${p.default} ${p.unit}): ${p.description}`
  )
  const sections: [string, string][] = [
    ['Rationale', rule.help.rationale],
    ['Audit', rule.help.audit],
    ['Remediation', rule.help.remediation],
    ['Backout', rule.help.backout]
  ]
  const markdown = [
    `# ${rule.title}`,
    '',
    rule.description,
    ...sections.flatMap(([h, body]) => ['', `## ${h}`, '', body]),
    ...(params.length ? ['', '## Parameters', '', ...params.map(p => `- ${p}`)] : []),
    ...(refs.length ? ['', '## References', '', ...refs.map(r => `- ${r}`)] : [])
  ].join('\n')
  const text = [
    rule.title,
    '',
    rule.description,
    ...sections.flatMap(([h, body]) => ['', `${h}:`, body]),
    ...(params.length ? ['', 'Parameters:', ...params.map(p => `- ${p}`)] : []),
    ...(refs.length ? ['', 'References:', ...refs.map(r => `- ${r}`)] : [])
  ].join('\n')
  return { text, markdown }
}

function sarifRule(rule: Rule, severity: Severity): SarifRule {
  const max = GITHUB_SARIF_LIMITS.descriptionChars
  return {
    id: rule.id,
    name: truncateText(pascalCase(rule.id), GITHUB_SARIF_LIMITS.ruleNameChars),
    shortDescription: { text: truncateText(nonEmpty(rule.title, rule.id), max) },
    fullDescription: { text: truncateText(nonEmpty(rule.description, rule.title || rule.id), max) },
    helpUri: `${INFORMATION_URI}#${rule.id}`,
    help: ruleHelp(rule),
    defaultConfiguration: { level: SEVERITY_LEVEL[severity] },
    properties: {
      tags: ruleTags(rule),
      precision: 'very-high',
      'security-severity': SECURITY_SEVERITY[severity]
    }
  }
}

/**
 * `rules[]` for the driver: every rule in the catalog, in catalog order.
 * `severityOf` gives each rule's severity as the policy sets it (GitHub shows
 * an alert's severity from its rule's `security-severity`); the catalog
 * default otherwise.
 */
export function sarifRulesFromCatalog(
  rules: readonly Rule[] = RULES,
  severityOf: (rule: Rule) => Severity = rule => rule.defaultSeverity
): SarifRule[] {
  return rules.map(rule => sarifRule(rule, severityOf(rule)))
}

/**
 * One path segment, percent-encoded so that the URI has no colon, no
 * character RFC 3986 reserves (`encodeURIComponent` leaves `!'()*` as they
 * are), and no segment that is `.` or `..` (which a URI resolver would
 * collapse).
 */
export function uriSegment(text: string): string {
  const encoded = encodeURIComponent(text).replace(
    /[!'()*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
  if (encoded === '') return '_'
  return /^\.+$/.test(encoded) ? encoded.replace(/\./g, '%2E') : encoded
}

/** The account segment of paths and categories: the account id, or `unknown-account`. */
export function accountSegment(accountId: string | null): string {
  return accountId === null || accountId === '' ? 'unknown-account' : uriSegment(accountId)
}

/** `aws-iam/<account>/user/<name>` or `aws-iam/<account>/root`: the virtual file of a principal. */
export function principalUri(accountId: string | null, user: string): string {
  const account = accountSegment(accountId)
  return user === ROOT_USER
    ? `aws-iam/${account}/root`
    : `aws-iam/${account}/user/${uriSegment(user)}`
}

/** A repository-relative path as a URI reference: each segment percent-encoded. */
function pathUri(path: string): string {
  return path.split('/').map(uriSegment).join('/')
}

/**
 * Escapes text for a SARIF plain-text message, in which `[text](id)` is an
 * embedded link: literal brackets (and the backslash that escapes them) get a
 * backslash. Invisible characters are made visible.
 */
export function sarifText(text: string): string {
  return visible(text).replace(/[\\[\]]/g, c => `\\${c}`)
}

function resultMessage(f: Finding, linked: boolean): string {
  const who = f.user === ROOT_USER ? 'Root account' : `User ${f.user}`
  const what = f.credential ? ` (${f.credential})` : ''
  const text = `${sarifText(`${who}${what}: ${f.message}`)}`
  return linked ? `${text} Configured by the [policy rule](1).` : text
}

/**
 * The open findings that go into the run, at most `limit` of them: when there
 * are more, the most severe are kept (by severity only, in their order, which
 * the evaluation sorts most severe first) and `omitted` counts the rest.
 */
export function sarifFindings(
  findings: readonly Finding[],
  limit: number = GITHUB_SARIF_LIMITS.resultsPerRun
): { kept: Finding[]; omitted: number } {
  const open: Finding[] = []
  for (const f of findings) if (!f.exempted) open.push(f)
  if (open.length <= limit) return { kept: open, omitted: 0 }
  // How many findings of each severity fit, most severe first.
  const room = new Map<Severity, number>()
  let left = limit
  for (const s of SEVERITIES) {
    const n = open.reduce((c, f) => (f.severity === s ? c + 1 : c), 0)
    room.set(s, Math.min(n, left))
    left -= Math.min(n, left)
  }
  const kept: Finding[] = []
  for (const f of open) {
    const r = room.get(f.severity) ?? 0
    if (r > 0) {
      kept.push(f)
      room.set(f.severity, r - 1)
    }
  }
  return { kept, omitted: open.length - kept.length }
}

/** The log with an empty results list, the open findings that go in it, and how each becomes a result. */
interface SarifParts {
  shell: SarifLog
  kept: Finding[]
  toResult: (f: Finding) => SarifResult
}

function sarifParts(ctx: RenderContext, options: { policyFile?: string }): SarifParts {
  // The account's own settings: severities the policy (or an account override) sets.
  const effective = policyForAccount(ctx.policy, ctx.evaluation.account.id)
  const rules = sarifRulesFromCatalog(
    RULES,
    rule => effective.rules[rule.id]?.severity ?? rule.defaultSeverity
  )
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]))
  const e = ctx.evaluation
  const policyFile = policyFilePath(ctx.policy, options.policyFile)
  const { kept, omitted } = sarifFindings(e.findings)

  const toResult = (f: Finding): SarifResult => {
    const index = ruleIndex.get(f.ruleId)
    const related: SarifLocation[] | undefined =
      policyFile === null
        ? undefined
        : [
            {
              id: 1,
              physicalLocation: {
                artifactLocation: { uri: pathUri(policyFile) },
                region: { startLine: ruleLine(ctx.policy, f.ruleId) }
              },
              message: { text: `policy setting for ${f.ruleId}` }
            }
          ]
    return {
      ruleId: f.ruleId,
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: SEVERITY_LEVEL[f.severity],
      message: { text: resultMessage(f, related !== undefined) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: principalUri(e.account.id, f.user) },
            region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }
          }
        }
      ],
      partialFingerprints: { primaryLocationLineHash: f.fingerprint },
      ...(related ? { relatedLocations: related } : {}),
      properties: {
        user: f.user,
        arn: f.arn,
        credential: f.credential,
        ...(f.keyId ? { keyId: f.keyId } : {}),
        severity: f.severity
      }
    }
  }

  const limit = GITHUB_SARIF_LIMITS.resultsPerRun.toLocaleString('en-US')
  const run: SarifRun = {
    tool: {
      driver: {
        name: TOOL_NAME,
        version: ctx.toolVersion,
        ...(isSemver(ctx.toolVersion) ? { semanticVersion: ctx.toolVersion } : {}),
        informationUri: INFORMATION_URI,
        rules
      }
    },
    automationDetails: { id: `${TOOL_NAME}/${accountSegment(e.account.id)}/` },
    results: [],
    properties: {
      account: e.account.id,
      verdict: e.verdict.result,
      failOnSeverity: e.verdict.failOnSeverity,
      evaluatedAt: formatTimestamp(e.evaluatedAt),
      reportGeneratedAt:
        ctx.reportGeneratedAt === null ? null : formatTimestamp(ctx.reportGeneratedAt),
      exemptedFindings: e.exemptedCount,
      ...(omitted > 0
        ? {
            resultsOmitted: omitted,
            resultsOmittedReason: `GitHub code scanning accepts at most ${limit} results per run: this run has the ${limit} most severe open findings and leaves out ${omitted.toLocaleString('en-US')} less severe ones. The JSON output has every finding.`
          }
        : {})
    }
  }
  return {
    shell: { $schema: SARIF_SCHEMA_URI, version: SARIF_VERSION, runs: [run] },
    kept,
    toResult
  }
}

/**
 * Renders the SARIF log for one evaluation (one run). Pure. GitHub rejects a
 * run with more than 25,000 results, so at most that many are written, the
 * most severe first; `run.properties.resultsOmitted` counts the rest and
 * `resultsOmittedReason` says why (both absent when every open finding is
 * in the run).
 */
export function renderSarif(ctx: RenderContext, options: { policyFile?: string } = {}): SarifLog {
  const { shell, kept, toResult } = sarifParts(ctx, options)
  shell.runs[0]!.results = kept.map(toResult)
  return shell
}

/**
 * `JSON.stringify(renderSarif(ctx), null, 2)` and a line feed, in pieces of
 * a thousand results, each built when it is asked for.
 */
export function renderSarifPieces(
  ctx: RenderContext,
  options: { policyFile?: string } = {}
): Iterable<string> {
  const { shell, kept, toResult } = sarifParts(ctx, options)
  return jsonDocumentPieces(shell, { wrap: results => ({ runs: [{ results }] }) }, kept, toResult)
}

function isSemver(v: string): boolean {
  return /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(
    v
  )
}

/** Splits runs into logs of at most `maxRunsPerFile` runs each (GitHub rejects a file with more than 20). */
export function splitSarifRuns(
  runs: readonly SarifRun[],
  maxRunsPerFile: number = GITHUB_SARIF_LIMITS.runsPerFile
): SarifLog[] {
  if (!Number.isInteger(maxRunsPerFile) || maxRunsPerFile < 1) {
    throw new RangeError(`maxRunsPerFile must be a positive integer, got ${maxRunsPerFile}`)
  }
  const logs: SarifLog[] = []
  for (let i = 0; i < runs.length; i += maxRunsPerFile) {
    logs.push({
      $schema: SARIF_SCHEMA_URI,
      version: SARIF_VERSION,
      runs: runs.slice(i, i + maxRunsPerFile)
    })
  }
  return logs
}
