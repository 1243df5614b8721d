/**
 * Loads a policy file: YAML with positions, checked against the JSON Schema
 * and the rules a schema cannot express, then resolved against the catalog
 * defaults. Pure: the caller reads the file.
 */

import type { Document, YAMLError } from 'yaml'
import { Lexer, LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml'
import type { PolicyProblem, SourcePosition } from '../errors.js'
import { PolicyError } from '../errors.js'
import { RULES } from '../rules/catalog.js'
import type { FailOnSeverity, Severity } from '../severity.js'
import { show } from './messages.js'
import { formatBytes } from '../units.js'
import { DATE_PATTERN, DEFAULT_FAIL_ON_SEVERITY, POLICY_VERSION } from './schema.js'
import type {
  AccountOverride,
  Exemption,
  Policy,
  RuleSettings,
  RuleSettingsOverride
} from './types.js'
import { endOfDay, schemaProblems, semanticProblems } from './validate.js'
import type { TreeProblem } from './yaml-tree.js'
import {
  LEXER_MARKERS,
  MAX_POLICY_DEPTH,
  findExcessiveNesting,
  locate,
  plainSource,
  positionAt,
  scanTree
} from './yaml-tree.js'

/** Largest policy file accepted, in bytes (1 MiB); a real policy is a few kilobytes. */
export const DEFAULT_MAX_POLICY_BYTES = 1024 * 1024

/** How many nodes YAML aliases may expand to; stops "billion laughs" files. */
export const MAX_ALIAS_COUNT = 100

export interface LoadPolicyOptions {
  /** Reject larger files; default 1 MiB. */
  maxBytes?: number
}

/** The file as written, after the schema: the shape `buildPolicySchema()` accepts. */
interface PolicyFile {
  version: 1
  'fail-on-severity'?: FailOnSeverity
  rules?: Record<string, RuleFile | null> | null
  exemptions?: ExemptionFile[] | null
  'account-overrides'?: AccountOverrideFile[] | null
}

interface AccountOverrideFile {
  accounts: string[]
  reason: string
  'fail-on-severity'?: FailOnSeverity
  rules?: Record<string, RuleFile | null> | null
}

type RuleFile = { enabled?: boolean; severity?: Severity } & Record<string, unknown>

interface ExemptionFile {
  rules: string[]
  users?: string[]
  arns?: string[]
  accounts?: string[]
  reason: string
  expires: string
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1)
}

/** Where the quoted scalar that runs up to `end` (yaml's "missing closing quote" offset) opens. */
function unclosedQuoteStart(text: string, end: number): number | null {
  let offset = 0
  let start: number | null = null
  for (const token of new Lexer().lex(text)) {
    if (LEXER_MARKERS.has(token)) continue
    if (offset >= end) break
    if (token.startsWith('"') || token.startsWith("'")) start = offset
    offset += token.length
  }
  return start
}

/** The key written at `offset`: a quoted key with its quotes, or a plain key up to its colon. */
function keyText(text: string, offset: number): string {
  const m = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\n]*?)[ \t]*:(?=[\s,]|$)/.exec(
    text.slice(offset)
  )
  const key = m?.[1]?.trim()
  if (key?.startsWith('"')) {
    try {
      return String(JSON.parse(key))
    } catch {
      return key
    }
  }
  if (key?.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'")
  if (key !== undefined) return key
  const end = text.indexOf('\n', offset)
  return text.slice(offset, end === -1 ? undefined : end).trim()
}

/** yaml's error, reworded with how to fix it. */
function yamlErrorMessage(e: YAMLError, text: string): string {
  const message = lowerFirst(e.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').trim())
  switch (e.code) {
    case 'DUPLICATE_KEY': {
      const key = keyText(text, e.pos[0])
      return `duplicate key '${key}': a key may appear only once in a mapping; keep one of them`
    }
    case 'MISSING_CHAR':
      if (/quote/.test(e.message)) {
        return `invalid YAML: the quoted value that starts here has no closing quote; add it where the value ends`
      }
      return `invalid YAML: ${message}; check the indentation, quotes, colons and brackets here`
    case 'TAB_AS_INDENT':
      return 'invalid YAML: tabs are not allowed as indentation; indent with spaces'
    case 'MULTIPLE_DOCS':
      return 'invalid YAML: the file holds more than one YAML document; a policy is one document, so remove this "---" and merge what follows'
    case 'BAD_ALIAS':
      if (/empty string/.test(e.message)) {
        return 'invalid YAML: a "*" alone starts a YAML alias; to mean every rule or every user, write "*" in quotes, e.g. rules: ["*"]'
      }
      return `invalid YAML: ${message}; a value that starts with "*" must be in quotes`
    case 'BAD_SCALAR_START':
      return `invalid YAML: ${message}; put the value in quotes`
    case 'BLOCK_AS_IMPLICIT_KEY':
      return `invalid YAML: ${message}; put a value that contains ": " in quotes, and write nested settings on their own indented lines`
    case 'MULTILINE_IMPLICIT_KEY':
      return `invalid YAML: ${message}; check this line's indentation, or put a value that spans lines in quotes`
    default:
      return `invalid YAML: ${message}; check the indentation, quotes, colons and brackets here`
  }
}

function fail(file: string, lc: LineCounter | null, problems: TreeProblem[]): never {
  const seen = new Set<string>()
  const out: PolicyProblem[] = []
  for (const p of problems) {
    const at: SourcePosition = lc ? positionAt(lc, p.offset) : { line: 1, column: 1 }
    const key = `${at.line}:${at.column}:${p.message}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ file, line: at.line, column: at.column, message: p.message })
  }
  out.sort((a, b) => a.line - b.line || a.column - b.column)
  throw new PolicyError(out)
}

function lineCounterFor(text: string): LineCounter {
  const lc = new LineCounter()
  lc.addNewLine(0)
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1)
  return lc
}

/**
 * Parses and validates a policy file. Throws `PolicyError` with every problem
 * found, each at its file, line and column and saying how to fix it.
 */
export function loadPolicy(written: string, file: string, options: LoadPolicyOptions = {}): Policy {
  const text = withLineFeeds(written)
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_POLICY_BYTES
  const size = Buffer.byteLength(text, 'utf8')
  if (size > maxBytes) {
    fail(file, null, [
      {
        offset: 0,
        message: `policy file is ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)}: a policy is a few kilobytes, so check that this is the policy file`
      }
    ])
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    fail(file, null, [
      { offset: 0, message: `policy file is empty: write at least "version: ${POLICY_VERSION}"` }
    ])
  }

  const lc = lineCounterFor(text)
  const deep = findExcessiveNesting(text, MAX_POLICY_DEPTH)
  if (deep) fail(file, lc, [deep])

  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    // yaml often reports one mistake several times on the same line; keep the first.
    const lines = new Set<number>()
    const problems: TreeProblem[] = []
    for (const e of doc.errors) {
      const line = lc.linePos(e.pos[0]).line
      if (lines.has(line)) continue
      lines.add(line)
      const offset =
        e.code === 'MISSING_CHAR' && /quote/.test(e.message)
          ? (unclosedQuoteStart(text, e.pos[0]) ?? e.pos[0])
          : e.pos[0]
      problems.push({ offset, message: yamlErrorMessage(e, text) })
    }
    fail(file, lc, problems)
  }

  const root = doc.contents
  const rootIsEmpty = root === null || (isScalar(root) && root.value === null)
  if (rootIsEmpty) {
    fail(file, lc, [
      {
        offset: 0,
        message: `policy file is empty: write at least "version: ${POLICY_VERSION}"`
      }
    ])
  }
  if (!isMap(root)) {
    const what = isSeq(root) ? 'a list' : show(isScalar(root) ? root.value : null)
    fail(file, lc, [
      {
        offset: root?.range?.[0] ?? 0,
        message: `policy must be a YAML mapping with "version: ${POLICY_VERSION}", got ${what}`
      }
    ])
  }

  const tree = scanTree(doc, lc)
  if (tree.problems.length > 0) fail(file, lc, tree.problems)

  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    fail(file, lc, [
      {
        offset: tree.firstAliasOffset ?? 0,
        message: /alias count/i.test(message)
          ? `YAML aliases here expand to too much data (a policy may expand at most ${MAX_ALIAS_COUNT} aliases): write the values out instead of nesting aliases`
          : `invalid YAML: ${lowerFirst(message)}`
      }
    ])
  }
  normalizeDates(data, doc, text)

  const problems = [...schemaProblems(data, doc, text), ...semanticProblems(data, doc)]
  if (problems.length > 0) fail(file, lc, problems)

  return resolve(data as PolicyFile, file, tree.positions)
}

/**
 * Old Mac line endings: a lone CR ends a line in YAML, but the yaml package
 * reads a CR-only file as one line (a file that starts with a comment is
 * then "empty"). Each lone CR becomes a LF, one character for one, so every
 * offset, line and column stays where it was.
 */
function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text
}

/**
 * YAML 1.1 documents (`%YAML 1.1`) read `2027-03-31` as a timestamp; the
 * policy means the day as written, so it becomes that text again (yaml
 * would roll `2027-02-30` over to March 2, and the calendar check must see
 * the day written). Any other timestamp becomes its ISO text, which the
 * schema rejects.
 */
function normalizeDates(data: unknown, doc: Document, text: string): void {
  const exemptions = (data as { exemptions?: unknown }).exemptions
  if (!Array.isArray(exemptions)) return
  exemptions.forEach((ex: unknown, i) => {
    if (ex === null || typeof ex !== 'object') return
    const e = ex as Record<string, unknown>
    if (e.expires instanceof Date) {
      const source = plainSource(locate(doc, ['exemptions', String(i), 'expires']).node, text)
      if (source !== null && DAY.test(source)) {
        e.expires = source
        return
      }
      const iso = Number.isNaN(e.expires.getTime()) ? String(e.expires) : e.expires.toISOString()
      e.expires = iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
    }
  })
}

const DAY = new RegExp(DATE_PATTERN)

function ruleDefaults(): Record<string, RuleSettings> {
  const rules: Record<string, RuleSettings> = {}
  for (const rule of RULES) {
    rules[rule.id] = {
      enabled: rule.enabledByDefault,
      severity: rule.defaultSeverity,
      params: Object.fromEntries(rule.parameters.map(p => [p.name, p.default]))
    }
  }
  return rules
}

function resolve(
  file: PolicyFile,
  path: string,
  positions: ReadonlyMap<string, SourcePosition>
): Policy {
  const rules = ruleDefaults()
  for (const [id, written] of Object.entries(writtenSettings(file.rules))) {
    const base = rules[id] as RuleSettings
    rules[id] = {
      enabled: written.enabled ?? base.enabled,
      severity: written.severity ?? base.severity,
      params: { ...base.params, ...written.params }
    }
  }

  const exemptions: Exemption[] = (file.exemptions ?? []).map((e, index) => ({
    index,
    rules: [...e.rules],
    users: e.users ? [...e.users] : null,
    arns: e.arns ? [...e.arns] : null,
    accounts: e.accounts ? [...e.accounts] : null,
    reason: e.reason.trim(),
    expires: e.expires,
    expiresAt: endOfDay(e.expires),
    line: positions.get(`/exemptions/${index}`)?.line ?? 0
  }))

  const accountOverrides: AccountOverride[] = (file['account-overrides'] ?? []).map((o, index) => ({
    index,
    accounts: [...o.accounts],
    reason: o.reason.trim(),
    ...(o['fail-on-severity'] === undefined ? {} : { failOnSeverity: o['fail-on-severity'] }),
    rules: writtenSettings(o.rules),
    line: positions.get(`/account-overrides/${index}`)?.line ?? 0
  }))

  return {
    source: { kind: 'file', path },
    version: POLICY_VERSION,
    failOnSeverity: file['fail-on-severity'] ?? DEFAULT_FAIL_ON_SEVERITY,
    rules,
    exemptions,
    accountOverrides,
    positions
  }
}

/**
 * The settings a `rules` mapping writes, by rule id in catalog order: only
 * the keys written, and only for rules that write at least one.
 */
function writtenSettings(
  written: Record<string, RuleFile | null> | null | undefined
): Record<string, RuleSettingsOverride> {
  const out: Record<string, RuleSettingsOverride> = {}
  if (!written) return out
  for (const rule of RULES) {
    if (!Object.hasOwn(written, rule.id)) continue
    const settings = written[rule.id] ?? {}
    const params: Record<string, number> = {}
    for (const p of rule.parameters) {
      const v = settings[p.name]
      if (typeof v === 'number') params[p.name] = v
    }
    const entry: RuleSettingsOverride = { params }
    if (settings.enabled !== undefined) entry.enabled = settings.enabled
    if (settings.severity !== undefined) entry.severity = settings.severity
    if (
      entry.enabled === undefined &&
      entry.severity === undefined &&
      Object.keys(params).length === 0
    )
      continue
    out[rule.id] = entry
  }
  return out
}

/** The built-in policy: catalog defaults, fail on high, no exemptions, no account overrides. */
export function defaultPolicy(): Policy {
  return {
    source: { kind: 'built-in' },
    version: POLICY_VERSION,
    failOnSeverity: DEFAULT_FAIL_ON_SEVERITY,
    rules: ruleDefaults(),
    exemptions: [],
    accountOverrides: [],
    positions: new Map()
  }
}
