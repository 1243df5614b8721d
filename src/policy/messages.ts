/**
 * The wording of policy problems: how a path is named, what a value should
 * be, and how to fix a wrong one. Every message says what is wrong and what
 * to write instead.
 */

import { RULE_IDS, RULES, findRule } from '../rules/catalog.js'
import { FAIL_ON_SEVERITIES, SEVERITIES } from '../severity.js'
import { closest } from '../suggest.js'
import {
  ACCOUNT_OVERRIDE_KEYS,
  EXEMPTION_KEYS,
  POLICY_VERSION,
  RULE_SETTING_KEYS,
  TOP_LEVEL_KEYS,
  describeIntegerRange,
  ruleSettingKeys
} from './schema.js'

/** `rules.access-key-rotation.max-age-days`, `exemptions[0].users[1]`; `the policy` for the root. */
export function displayPath(segments: readonly string[]): string {
  if (segments.length === 0) return 'the policy'
  let out = ''
  segments.forEach((s, i) => {
    if (/^[0-9]+$/.test(s) && i > 0 && isListPosition(segments, i)) out += `[${s}]`
    else out += i === 0 ? s : `.${s}`
  })
  return out
}

/** True when `segments[i]` indexes a list in a valid policy's shape. */
function isListPosition(segments: readonly string[], i: number): boolean {
  const parent = segments[i - 1]
  if (i === 1) return parent === 'exemptions' || parent === 'account-overrides'
  if (i !== 3) return false
  return (
    segments[0] === 'exemptions' || (segments[0] === 'account-overrides' && parent === 'accounts')
  )
}

/**
 * The top-level path with the same shape as a path inside an account
 * override: `account-overrides/0/rules/x/y` is `rules/x/y`,
 * `account-overrides/0/fail-on-severity` is `fail-on-severity`. Any other
 * path is returned as it is (the same array).
 */
export function sharedShape(segments: readonly string[]): readonly string[] {
  const [top, , third] = segments
  if (top === 'account-overrides' && (third === 'rules' || third === 'fail-on-severity')) {
    return segments.slice(2)
  }
  return segments
}

const MAX_SHOWN = 60

/** A value as the message shows it: quoted strings, named collections. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value'
  if (typeof value === 'string') {
    const s = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value
    return JSON.stringify(s)
  }
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list'
  if (typeof value === 'object') {
    return Object.keys(value).length === 0 ? 'an empty mapping' : 'a mapping'
  }
  return String(value)
}

export function quoteList(values: readonly string[]): string {
  return values.join(', ')
}

/** What a node at this path must be, e.g. `an integer ≥ 1`; undefined for paths a policy has no node at. */
export function expectation(segments: readonly string[]): string | undefined {
  const [top, second, third, fourth] = segments
  if (segments.length === 0) return `a YAML mapping with "version: ${POLICY_VERSION}"`
  if (segments.length === 1) {
    switch (top) {
      case 'version':
        return String(POLICY_VERSION)
      case 'fail-on-severity':
        return `one of ${quoteList(FAIL_ON_SEVERITIES)}`
      case '$schema':
        return 'a string (the schema URL)'
      case 'rules':
        return 'a mapping of rule ids to their settings'
      case 'exemptions':
        return 'a list of exemptions'
      case 'account-overrides':
        return 'a list of account overrides'
    }
    return undefined
  }
  if (top === 'account-overrides') {
    const shared = sharedShape(segments)
    if (shared !== segments) return expectation(shared)
    if (segments.length === 2) {
      return 'a mapping with accounts, reason, and fail-on-severity or rules'
    }
    if (segments.length === 3 && third === 'accounts') {
      return 'a non-empty list of 12-digit AWS account ids'
    }
    if (segments.length === 3 && third === 'reason') {
      return 'a non-empty text saying why these accounts have different settings'
    }
    if (segments.length === 4 && third === 'accounts') return 'a 12-digit AWS account id (a string)'
    return undefined
  }
  if (top === 'rules' && second !== undefined) {
    const rule = findRule(second)
    if (!rule) return undefined
    if (segments.length === 2) return `a mapping of settings (${quoteList(ruleSettingKeys(rule))})`
    if (segments.length !== 3) return undefined
    if (third === 'enabled') return 'true or false'
    if (third === 'severity') return `one of ${quoteList(SEVERITIES)}`
    const p = rule.parameters.find(x => x.name === third)
    return p ? describeIntegerRange(p) : undefined
  }
  if (top === 'exemptions') {
    if (segments.length === 2) return 'a mapping with rules, users or arns, reason and expires'
    if (segments.length === 3) {
      switch (third) {
        case 'rules':
          return 'a non-empty list of rule ids, or ["*"] for every rule'
        case 'users':
          return 'a non-empty list of globs on user names'
        case 'arns':
          return 'a non-empty list of globs on ARNs'
        case 'accounts':
          return 'a non-empty list of 12-digit AWS account ids'
        case 'reason':
          return 'a non-empty text saying why the findings are acceptable'
        case 'expires':
          return 'a date written YYYY-MM-DD'
      }
      return undefined
    }
    if (segments.length === 4 && fourth !== undefined) {
      switch (third) {
        case 'rules':
          return 'a rule id or "*"'
        case 'users':
          return 'a non-empty glob on user names'
        case 'arns':
          return 'a non-empty glob on ARNs'
        case 'accounts':
          return 'a 12-digit AWS account id (a string)'
      }
    }
  }
  return undefined
}

/** Paths whose value is a string in a valid policy. */
function expectsString(segments: readonly string[]): boolean {
  const [top, , third] = segments
  if (top === 'account-overrides') {
    const shared = sharedShape(segments)
    if (shared !== segments) return expectsString(shared)
    return (segments.length === 3 && third === 'reason') || segments.length === 4
  }
  if (segments.length === 1) return top === '$schema' || top === 'fail-on-severity'
  if (top === 'rules') return segments.length === 3 && third === 'severity'
  if (top === 'exemptions') {
    if (segments.length === 3) return third === 'reason' || third === 'expires'
    return segments.length === 4
  }
  return false
}

function expectsInteger(path: readonly string[]): boolean {
  const segments = sharedShape(path)
  const [top, second, third] = segments
  if (top !== 'rules' || segments.length !== 3 || second === undefined) return false
  return findRule(second)?.parameters.some(p => p.name === third) ?? false
}

/** A value inside a YAML flow list: plain when that is safe, quoted otherwise. */
function listItem(value: string): string {
  return /^[a-z0-9][a-z0-9-]*$/.test(value) ? value : JSON.stringify(value)
}

/** `: did you mean 'x'?` or an empty string. */
function didYouMean(input: string, candidates: readonly string[]): string {
  const best = closest(input, candidates)
  return best === undefined ? '' : `: did you mean '${best}'?`
}

/**
 * `YYYY/MM/DD`, `YYYY-M-D`, or a day-first or month-first date that cannot be
 * read the other way round, rewritten as `YYYY-MM-DD`.
 */
export function suggestDate(value: string): string | undefined {
  const pad = (n: string): string => n.padStart(2, '0')
  const ymd = /^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})$/.exec(value.trim())
  if (ymd) return `${ymd[1]}-${pad(ymd[2] ?? '')}-${pad(ymd[3] ?? '')}`
  const other = /^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})$/.exec(value.trim())
  if (!other) return undefined
  const [a, b, year] = [Number(other[1]), Number(other[2]), other[3] ?? '']
  if (a > 12 && b <= 12) return `${year}-${pad(String(b))}-${pad(String(a))}`
  if (b > 12 && a <= 12) return `${year}-${pad(String(a))}-${pad(String(b))}`
  return undefined
}

/**
 * The message for a node whose value is wrong (type, enum, range, pattern):
 * `<path> must be <expectation>, got <value>` plus a hint when one helps.
 * `source` is the plain scalar's text in the file, when it is one.
 */
export function wrongValueMessage(
  segments: readonly string[],
  value: unknown,
  source: string | null,
  fallback: string
): string {
  const path = displayPath(segments)
  const expected = expectation(segments)
  if (expected === undefined) return `${path} ${fallback}`
  return `${path} must be ${expected}, got ${showNumber(value, source)}${hint(segments, value, source)}`
}

/**
 * A number as written when reading it lost digits (`99999999999999999999999`,
 * not `1e+23`); any other value as `show` gives it.
 */
function showNumber(value: unknown, source: string | null): string {
  if (typeof value === 'number' && Number.isFinite(value) && source !== null) {
    if (!Number.isSafeInteger(value) && Number.isInteger(value)) return source.trim()
  }
  return show(value)
}

function hint(segments: readonly string[], value: unknown, source: string | null): string {
  const [top, second, third] = segments
  const shared = sharedShape(segments)
  if (shared !== segments) return hint(shared, value, source)

  if (segments.length === 1 && top === 'version') {
    if (value === String(POLICY_VERSION)) return `: write version: ${POLICY_VERSION} without quotes`
    return `: this release of IAM Credential Gate reads policy format ${POLICY_VERSION}`
  }
  if (segments.length === 1 && top === 'account-overrides' && isPlainMapping(value)) {
    return ': start each override with "- ", e.g. - accounts: ["123456789012"]'
  }
  if (typeof value === 'string' && segments.length === 1 && top === 'fail-on-severity') {
    return didYouMean(value, FAIL_ON_SEVERITIES)
  }
  if (top === 'rules' && segments.length === 2 && second !== undefined) {
    if (typeof value === 'boolean') {
      return `: to turn the rule ${value ? 'on' : 'off'}, write "enabled: ${value}" under it`
    }
    if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) {
      return `: to set its severity, write "severity: ${value}" under it`
    }
    if (typeof value === 'number') {
      const rule = findRule(second)
      const [only] = rule?.parameters ?? []
      if (rule?.parameters.length === 1 && only) {
        return `: to set ${only.name}, write "${only.name}: ${value}" under it`
      }
    }
    return ''
  }
  if (top === 'rules' && segments.length === 3 && third === 'severity') {
    return typeof value === 'string' ? didYouMean(value, SEVERITIES) : ''
  }
  if (expectsInteger(segments) && typeof value === 'string' && /^\s*-?[0-9]+\s*$/.test(value)) {
    return ': write the number without quotes'
  }
  if (top === 'rules' && segments.length === 3 && typeof value === 'number') {
    const p = findRule(second ?? '')?.parameters.find(x => x.name === third)
    if (p?.looserWhen === 'higher' && value > p.maximum) {
      return ': to switch the rule off, write "enabled: false" instead'
    }
  }
  if (top === 'exemptions' && segments.length === 4 && segments[2] === 'rules') {
    if (typeof value === 'string') {
      const suggestion = didYouMean(value, RULE_IDS)
      return suggestion || `; rule ids: ${quoteList(RULE_IDS)}`
    }
  }
  if (top === 'exemptions' && segments.length === 3 && third === 'expires') {
    if (typeof value === 'string') {
      const date = suggestDate(value)
      if (date && date !== value) return `: did you mean ${date}?`
    }
  }
  if (top === 'exemptions' && segments.length === 3 && third === 'rules') {
    if (typeof value === 'string') return `: write a list, e.g. rules: [${listItem(value)}]`
  }
  if (top === 'exemptions' && segments.length === 3 && (third === 'users' || third === 'arns')) {
    if (typeof value === 'string') return `: write a list, e.g. ${third}: ["${value}"]`
  }
  if (
    (top === 'exemptions' || top === 'account-overrides') &&
    segments.length === 3 &&
    third === 'accounts'
  ) {
    if (typeof value === 'string' || typeof value === 'number') {
      return `: write a list, e.g. accounts: ["${source ?? String(value)}"]`
    }
  }
  if (
    expectsString(segments) &&
    (typeof value === 'number' || typeof value === 'boolean') &&
    source !== null
  ) {
    return `: write it in quotes, "${source}"`
  }
  return ''
}

function isPlainMapping(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** The message for a key that has no place where it is written. */
export function unknownKeyMessage(parent: readonly string[], key: string): string {
  const shared = sharedShape(parent)
  const [top, second] = shared
  if (key === '<<') {
    return `merge keys ("<<") are not supported in a policy file: write the settings out`
  }
  if (parent.length === 0) {
    if (findRule(key)) {
      return `unknown key '${key}' at the top level: rule settings go under "rules:", e.g. rules: ${key}: enabled: false`
    }
    const keys = quoteList(TOP_LEVEL_KEYS)
    const suggestion = didYouMean(key, TOP_LEVEL_KEYS)
    return suggestion
      ? `unknown key '${key}' at the top level${suggestion} Valid keys: ${keys}`
      : `unknown key '${key}' at the top level; valid keys: ${keys}`
  }
  if (shared.length === 1 && top === 'rules') {
    const under = `under ${displayPath(parent)}`
    const suggestion = didYouMean(key, RULE_IDS)
    if (suggestion) return `unknown rule '${key}' ${under}${suggestion}`
    if ((RULE_SETTING_KEYS as readonly string[]).includes(key)) {
      return `unknown rule '${key}' ${under}: '${key}' is a setting of each rule; write it under a rule id, e.g. rules: <rule-id>: ${key}: …`
    }
    const owners = RULES.filter(r => r.parameters.some(p => p.name === key)).map(r => r.id)
    if (owners.length > 0) {
      return `unknown rule '${key}' ${under}: '${key}' is a setting of ${quoteList(owners)}; write it under the rule, e.g. rules: ${owners[0]}: ${key}: …`
    }
    return `unknown rule '${key}' ${under}; rule ids: ${quoteList(RULE_IDS)}`
  }
  if (shared.length === 2 && top === 'rules' && second !== undefined) {
    const rule = findRule(second)
    const keys = rule ? ruleSettingKeys(rule) : [...RULE_SETTING_KEYS]
    const where = `in ${displayPath(parent)}`
    const suggestion = didYouMean(key, keys)
    if (suggestion)
      return `unknown key '${key}' ${where}${suggestion} Valid keys: ${quoteList(keys)}`
    const owners = RULES.filter(r => r.parameters.some(p => p.name === key)).map(r => r.id)
    if (owners.length > 0) {
      return `unknown key '${key}' ${where}: '${key}' is a setting of ${quoteList(owners)}, not of ${second}. Valid keys: ${quoteList(keys)}`
    }
    return `unknown key '${key}' ${where}; valid keys: ${quoteList(keys)}`
  }
  if (parent.length === 2 && top === 'account-overrides') {
    const where = `in ${displayPath(parent)}`
    const keys = quoteList(ACCOUNT_OVERRIDE_KEYS)
    if (findRule(key)) {
      return `unknown key '${key}' ${where}: rule settings go under "rules:", e.g. rules: ${key}: enabled: false`
    }
    if (key === 'expires' || key === 'users' || key === 'arns') {
      return `unknown key '${key}' ${where}: an account override changes settings for whole accounts; to hide some principals' findings until a date, write an exemption with accounts: [...]. Valid keys: ${keys}`
    }
    const suggestion = didYouMean(key, ACCOUNT_OVERRIDE_KEYS)
    if (!suggestion) {
      const owners = RULES.filter(r => r.parameters.some(p => p.name === key)).map(r => r.id)
      if ((RULE_SETTING_KEYS as readonly string[]).includes(key) || owners.length > 0) {
        const of = owners.length > 0 ? `of ${quoteList(owners)}` : 'of each rule'
        return `unknown key '${key}' ${where}: '${key}' is a setting ${of}; write it under rules, e.g. rules: ${owners[0] ?? '<rule-id>'}: ${key}: …`
      }
    }
    return suggestion
      ? `unknown key '${key}' ${where}${suggestion} Valid keys: ${keys}`
      : `unknown key '${key}' ${where}; valid keys: ${keys}`
  }
  if (parent.length === 2 && top === 'exemptions') {
    const where = `in ${displayPath(parent)}`
    const keys = quoteList(EXEMPTION_KEYS)
    const suggestion = didYouMean(key, EXEMPTION_KEYS)
    return suggestion
      ? `unknown key '${key}' ${where}${suggestion} Valid keys: ${keys}`
      : `unknown key '${key}' ${where}; valid keys: ${keys}`
  }
  return `unknown key '${key}' in ${displayPath(parent)}`
}

/** The message for a required key that is missing. */
export function missingKeyMessage(parent: readonly string[], key: string): string {
  if (parent.length === 0 && key === 'version') {
    return `missing "version: ${POLICY_VERSION}": add it as the first line of the policy`
  }
  const where = displayPath(parent)
  if (parent[0] === 'account-overrides') {
    switch (key) {
      case 'accounts':
        return `${where} is missing 'accounts': list the 12-digit account ids it applies to, in quotes, e.g. accounts: ["123456789012"]`
      case 'reason':
        return `${where} is missing 'reason': say why these accounts have different settings, e.g. reason: "Sandbox accounts, no production data"`
    }
  }
  switch (key) {
    case 'rules':
      return `${where} is missing 'rules': list the rule ids it exempts, e.g. rules: [<rule-id>], or rules: ["*"] for every rule`
    case 'reason':
      return `${where} is missing 'reason': say why the findings are acceptable, e.g. reason: "replaced by OIDC federation in SEC-142"`
    case 'expires':
      return `${where} is missing 'expires': give the last day it applies, e.g. expires: 2027-03-31 (exemptions always expire)`
  }
  return `${where} is missing '${key}'`
}

/** The message for an exemption that selects principals by both users and arns, or by neither. */
export function selectorMessage(parent: readonly string[], hasUsers: boolean): string {
  const where = displayPath(parent)
  return hasUsers
    ? `${where} has both 'users' and 'arns': select principals with one of them (write two exemptions to use both)`
    : `${where} selects no principals: add 'users' (globs on user names) or 'arns' (globs on ARNs)`
}
