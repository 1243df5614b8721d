/**
 * Validation of a parsed policy: the JSON Schema (Ajv), its errors mapped to
 * the YAML nodes they concern and reworded, then the checks a schema cannot
 * express (real calendar dates, globs that compile).
 */

import type { ErrorObject, ValidateFunction } from 'ajv'
import { Ajv } from 'ajv'
import picomatch from 'picomatch'
import type { Document } from 'yaml'
import {
  missingKeyMessage,
  selectorMessage,
  show,
  unknownKeyMessage,
  wrongValueMessage
} from './messages.js'
import { dateTimeProblem, utcTime } from '../report/timestamp.js'
import { closest } from '../suggest.js'
import { MS_PER_DAY } from '../units.js'
import {
  ACCOUNT_OVERRIDE_KEYS,
  ACCOUNT_PATTERN,
  buildPolicySchema,
  DATE_PATTERN,
  EXEMPTION_KEYS,
  TOP_LEVEL_KEYS
} from './schema.js'
import type { TreeProblem } from './yaml-tree.js'
import { fromPointer, keyOffset, locate, nodeStart, plainSource, valueOffset } from './yaml-tree.js'

let compiled: ValidateFunction | undefined

/**
 * The compiled schema; compiled once, on first use. It is compiled as it
 * is: checking it against the JSON Schema meta-schema (a test does) and
 * optimising the generated code would more than double the time, about
 * 70 ms of every run with a policy file.
 */
function validator(): ValidateFunction {
  compiled ??= new Ajv({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    validateSchema: false,
    code: { optimize: false }
  }).compile(buildPolicySchema())
  return compiled
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let v = data
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<string, unknown>)[s]
  }
  return v
}

/**
 * Ajv's errors, one problem per node: unknown keys at the key, missing keys
 * at the mapping, every other error (type, enum, range, pattern) as one
 * "must be …, got …" at the value. `oneOf` noise about users/arns becomes
 * one sentence.
 */
export function schemaProblems(data: unknown, doc: Document, text: string): TreeProblem[] {
  const validate = validator()
  if (validate(data)) return []
  const errors: ErrorObject[] = validate.errors ?? []
  const problems: TreeProblem[] = []
  const valueErrors = new Map<string, ErrorObject>()
  const selectorPaths = new Set<string>()
  // Keys the unknown keys of each mapping look like a typo of: a missing
  // 'rules' next to an unknown 'rule' is one mistake, reported once.
  const meant = new Map<string, Set<string>>()
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue
    const key = String((e.params as { additionalProperty: string }).additionalProperty)
    const candidates = validKeys(fromPointer(e.instancePath))
    const guess = candidates && closest(key, candidates)
    if (!guess) continue
    const set = meant.get(e.instancePath) ?? new Set<string>()
    set.add(guess)
    meant.set(e.instancePath, set)
  }

  for (const e of errors) {
    if (e.schemaPath.includes('/oneOf')) {
      selectorPaths.add(e.instancePath)
    } else if (e.keyword === 'additionalProperties') {
      const parent = fromPointer(e.instancePath)
      const key = String((e.params as { additionalProperty: string }).additionalProperty)
      problems.push({
        offset: keyOffset(locate(doc, [...parent, key])),
        message: unknownKeyMessage(parent, key)
      })
    } else if (e.keyword === 'required') {
      const parent = fromPointer(e.instancePath)
      const key = String((e.params as { missingProperty: string }).missingProperty)
      if (meant.get(e.instancePath)?.has(key)) continue
      problems.push({
        offset: nodeStart(locate(doc, parent)),
        message: missingKeyMessage(parent, key)
      })
    } else if (!valueErrors.has(e.instancePath)) {
      valueErrors.set(e.instancePath, e)
    }
  }

  for (const [pointer, e] of valueErrors) {
    const segments = fromPointer(pointer)
    const found = locate(doc, segments)
    problems.push({
      offset: valueOffset(found),
      message: wrongValueMessage(
        segments,
        valueAt(data, segments),
        plainSource(found.node, text),
        e.message ?? 'is not valid'
      )
    })
  }

  for (const pointer of selectorPaths) {
    if (valueErrors.has(pointer)) continue
    const guesses = meant.get(pointer)
    if (guesses?.has('users') || guesses?.has('arns')) continue
    const segments = fromPointer(pointer)
    const value = valueAt(data, segments)
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue
    const hasUsers = Object.hasOwn(value, 'users')
    const hasArns = Object.hasOwn(value, 'arns')
    const found = hasUsers && hasArns ? locate(doc, [...segments, 'arns']) : locate(doc, segments)
    problems.push({
      offset: hasUsers && hasArns ? keyOffset(found) : nodeStart(found),
      message: selectorMessage(segments, hasUsers)
    })
  }
  return problems
}

/** The valid keys of the mapping at a path, for the mappings a policy has fixed keys in. */
function validKeys(segments: readonly string[]): readonly string[] | undefined {
  if (segments.length === 0) return TOP_LEVEL_KEYS
  if (segments.length === 2 && segments[0] === 'exemptions') return EXEMPTION_KEYS
  if (segments.length === 2 && segments[0] === 'account-overrides') return ACCOUNT_OVERRIDE_KEYS
  return undefined
}

/** Why `YYYY-MM-DD` is not a calendar day, or null when it is one. */
export function calendarDateProblem(date: string): string | null {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return dateTimeProblem(year, month, day)
}

/** The first instant after the day `YYYY-MM-DD` (UTC midnight of the next day). */
export function endOfDay(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return utcTime(year, month, day) + MS_PER_DAY
}

/** picomatch options for globs on user names (`.svc` names match `*`). */
export const USER_GLOB_OPTIONS: picomatch.PicomatchOptions = { dot: true, strictBrackets: true }
/** picomatch options for globs on ARNs: `*` also matches `/`, as in IAM policies. */
export const ARN_GLOB_OPTIONS: picomatch.PicomatchOptions = {
  dot: true,
  bash: true,
  strictBrackets: true
}

/** Why a glob does not compile, or null when it does. */
export function globProblem(glob: string, options: picomatch.PicomatchOptions): string | null {
  if (/(^|[^\\])(\\\\)*\\$/.test(glob)) return 'it ends with a "\\", which escapes nothing'
  try {
    picomatch.makeRe(glob, { ...options, debug: true })
    return null
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    const missing = /^Missing (closing|opening): "(.)"/.exec(message)
    if (missing) {
      const [, side, char] = missing as unknown as [string, string, string]
      const literal = side === 'closing' ? (OPENERS[char] ?? char) : char
      return `missing ${side} "${char}"; to match a "${literal}" itself, put a backslash before it (and the glob in single quotes)`
    }
    const regexError = /^Invalid regular expression: \/.*\/[a-z]*: (.*)$/s.exec(message)
    return regexError ? (regexError[1] ?? message) : message
  }
}

const OPENERS: Record<string, string> = { ']': '[', ')': '(', '}': '{' }

const GLOB_START = /^[*?[{!(@+]/

/**
 * The checks a schema cannot express: dates and globs of exemptions, and
 * account overrides that set nothing or list an account twice.
 */
export function semanticProblems(data: unknown, doc: Document): TreeProblem[] {
  return [...exemptionProblems(data, doc), ...accountOverrideProblems(data, doc)]
}

/**
 * Account overrides that set nothing, and accounts listed more than once
 * (in one override, or in two: which settings win would be a trap).
 */
function accountOverrideProblems(data: unknown, doc: Document): TreeProblem[] {
  const problems: TreeProblem[] = []
  const overrides = (data as { 'account-overrides'?: unknown })['account-overrides']
  if (!Array.isArray(overrides)) return problems
  const accountPattern = new RegExp(ACCOUNT_PATTERN)
  const firstIn = new Map<string, number>()
  const known = new Set<string>(ACCOUNT_OVERRIDE_KEYS)

  overrides.forEach((item: unknown, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return
    const o = item as Record<string, unknown>
    const where = `account-overrides[${i}]`
    const rules = o.rules
    const setsRules = rules !== null && typeof rules === 'object' && Object.keys(rules).length > 0
    const unknownKeys = Object.keys(o).some(k => !known.has(k))
    if (!Object.hasOwn(o, 'fail-on-severity') && !setsRules && !unknownKeys) {
      problems.push({
        offset: nodeStart(locate(doc, ['account-overrides', String(i)])),
        message: `${where} sets nothing: add fail-on-severity or rules with the settings for these accounts, or remove it`
      })
    }
    if (!Array.isArray(o.accounts)) return
    o.accounts.forEach((account: unknown, j) => {
      if (typeof account !== 'string' || !accountPattern.test(account)) return
      const first = firstIn.get(account)
      if (first === undefined) {
        firstIn.set(account, i)
        return
      }
      const at = valueOffset(locate(doc, ['account-overrides', String(i), 'accounts', String(j)]))
      problems.push({
        offset: at,
        message:
          first === i
            ? `${where}.accounts[${j}]: account ${show(account)} is listed twice in this override: remove one`
            : `${where}.accounts[${j}]: account ${show(account)} is already in account-overrides[${first}]: an account may be in one override only, so move the settings it needs into one of them`
      })
    })
  })
  return problems
}

/** Date and glob checks on every exemption whose fields have the right types. */
function exemptionProblems(data: unknown, doc: Document): TreeProblem[] {
  const problems: TreeProblem[] = []
  const exemptions = (data as { exemptions?: unknown }).exemptions
  if (!Array.isArray(exemptions)) return problems
  const datePattern = new RegExp(DATE_PATTERN)

  exemptions.forEach((ex: unknown, i) => {
    if (ex === null || typeof ex !== 'object' || Array.isArray(ex)) return
    const e = ex as Record<string, unknown>
    const at = (...path: (string | number)[]): number =>
      valueOffset(locate(doc, ['exemptions', String(i), ...path.map(String)]))

    if (typeof e.expires === 'string' && datePattern.test(e.expires)) {
      const why = calendarDateProblem(e.expires)
      if (why) {
        problems.push({
          offset: at('expires'),
          message: `exemptions[${i}].expires is not a real date: ${e.expires} (${why})`
        })
      }
    }

    for (const field of ['users', 'arns'] as const) {
      const globs = e[field]
      if (!Array.isArray(globs)) continue
      globs.forEach((glob: unknown, j) => {
        if (typeof glob !== 'string' || glob.trim() === '') return
        const where = `exemptions[${i}].${field}[${j}]`
        const options = field === 'users' ? USER_GLOB_OPTIONS : ARN_GLOB_OPTIONS
        const broken = globProblem(glob, options)
        let message: string | null = null
        if (broken) {
          message = `${where}: ${show(glob)} is not a valid glob: ${broken}`
        } else if (field === 'users' && glob.startsWith('arn:')) {
          message = `${where}: ${show(glob)} is an ARN, and user globs match user names: move it to 'arns'`
        } else if (field === 'users' && glob.includes('/')) {
          message = `${where}: ${show(glob)} can never match because user names have no "/"; to match by path, use arns, e.g. "arn:aws:iam::*:user${glob.startsWith('/') ? '' : '/'}${glob}"`
        } else if (field === 'arns' && !glob.startsWith('arn:') && !GLOB_START.test(glob)) {
          message = `${where}: ${show(glob)} can never match because ARNs start with "arn:" (e.g. "arn:aws:iam::*:user/${glob}"); to match user names, use users`
        }
        if (message) problems.push({ offset: at(field, j), message })
      })
    }
  })
  return problems
}
