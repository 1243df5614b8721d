/**
 * Builders for typed credential-report rows (no CSV) and rule contexts, with
 * defaults that fire no rule except `user-mfa`: a user with no password, no
 * MFA, no keys and no certificates; a root with MFA and no keys.
 */
import type { AccountFacts } from '../../src/account/types.js'
import type {
  AccessKeyCells,
  Cell,
  CertCells,
  CredentialRow,
  Sentinel,
  Timestamp
} from '../../src/report/types.js'
import { ROOT_USER, SENTINELS } from '../../src/report/types.js'
import type { Rule, RuleContext } from '../../src/rules/types.js'
import { MS_PER_DAY } from '../../src/time.js'

export const ACCOUNT = '123456789012'

/** The evaluation time used throughout the rule tests. */
export const NOW = Date.parse('2026-06-15T12:00:00Z')

export { SENTINELS }
export type { Sentinel }

export type KeyOverrides = Partial<Omit<AccessKeyCells, 'slot' | 'credential'>>
export type CertOverrides = Partial<Omit<CertCells, 'slot' | 'credential'>>

/**
 * Any row field. `accessKeys` (whole cells, e.g. from another built row) is
 * the base for each slot and `keys` overrides single cells on top of it;
 * `certs` takes per-slot overrides (whole cells work too).
 */
export type RowOverrides = Partial<Omit<CredentialRow, 'certs'>> & {
  /** Overrides per key slot: `[slot1, slot2]`; a missing entry keeps the slot as it was. */
  keys?: readonly (KeyOverrides | undefined)[]
  certs?: readonly (CertOverrides | undefined)[]
}

function key(slot: 1 | 2, o: KeyOverrides = {}): AccessKeyCells {
  return {
    active: false,
    lastRotated: 'N/A',
    lastUsedDate: 'N/A',
    lastUsedRegion: 'N/A',
    lastUsedService: 'N/A',
    ...o,
    // Last, so cells copied from another slot cannot relabel this one.
    slot,
    credential: slot === 1 ? 'access_key_1' : 'access_key_2'
  }
}

function cert(slot: 1 | 2, o: CertOverrides = {}): CertCells {
  return {
    active: false,
    lastRotated: 'N/A',
    ...o,
    slot,
    credential: slot === 1 ? 'cert_1' : 'cert_2'
  }
}

function build(base: Omit<CredentialRow, 'accessKeys' | 'certs'>, o: RowOverrides): CredentialRow {
  const { keys, certs, accessKeys, ...rest } = o
  return {
    ...base,
    ...rest,
    accessKeys: [
      key(1, { ...accessKeys?.[0], ...keys?.[0] }),
      key(2, { ...accessKeys?.[1], ...keys?.[1] })
    ],
    certs: [cert(1, certs?.[0]), cert(2, certs?.[1])]
  }
}

/** An IAM user `alice` created 2024-01-01 with no credentials at all. */
export function userRow(o: RowOverrides = {}): CredentialRow {
  const user = o.user ?? 'alice'
  return build(
    {
      line: 3,
      user,
      arn: `arn:aws:iam::${ACCOUNT}:user/${user}`,
      isRoot: false,
      userCreationTime: Date.parse('2024-01-01T00:00:00Z'),
      passwordEnabled: false,
      passwordLastUsed: 'N/A',
      passwordLastChanged: 'N/A',
      passwordNextRotation: 'N/A',
      mfaActive: false
    },
    o
  )
}

/** The `<root_account>` row as AWS writes it: `not_supported` password columns, MFA on, no keys. */
export function rootRow(o: RowOverrides = {}): CredentialRow {
  return build(
    {
      line: 2,
      user: ROOT_USER,
      arn: `arn:aws:iam::${ACCOUNT}:root`,
      isRoot: true,
      userCreationTime: Date.parse('2020-01-01T00:00:00Z'),
      passwordEnabled: 'not_supported',
      passwordLastUsed: 'no_information',
      passwordLastChanged: 'not_supported',
      passwordNextRotation: 'not_supported',
      mfaActive: true
    },
    o
  )
}

/** A rule context; `params` as given (the evaluator would fill defaults: see `withDefaults`). */
export function ctx(
  now: number = NOW,
  params: Record<string, number> = {},
  account: AccountFacts = {}
): RuleContext {
  return { now, params, account }
}

/** The rule's parameter defaults overlaid with `params`, as the evaluator builds them. */
export function withDefaults(
  rule: Rule,
  params: Record<string, number> = {}
): Record<string, number> {
  const out: Record<string, number> = {}
  for (const p of rule.parameters) out[p.name] = params[p.name] ?? p.default
  return out
}

export type Suffix = 'Z' | '+00:00'
export const SUFFIXES: readonly Suffix[] = ['Z', '+00:00']

/**
 * The report's text for the instant `n` whole days (plus `extraMs`) before
 * `now`, with the given suffix, parsed back with `Date.parse` the way the
 * report parser does: both suffixes give the same instant.
 */
export function daysAgo(
  n: number,
  suffix: Suffix = 'Z',
  now: number = NOW,
  extraMs = 0
): Timestamp {
  return parseIso(isoAt(now - n * MS_PER_DAY - extraMs, suffix))
}

/** The instant `s` seconds after `t`, written with `suffix` and parsed back. */
export function secondsAfter(t: Timestamp, s: number, suffix: Suffix = 'Z'): Timestamp {
  return parseIso(isoAt(t + s * 1000, suffix))
}

/**
 * `2026-06-15T12:00:00Z` or `2026-06-15T12:00:00+00:00`, as the report writes
 * them (milliseconds kept only when not zero).
 */
export function isoAt(t: number, suffix: Suffix): string {
  return new Date(t)
    .toISOString()
    .replace(/\.000Z$/, 'Z')
    .replace(/Z$/, suffix)
}

function parseIso(s: string): Timestamp {
  const t = Date.parse(s)
  if (Number.isNaN(t)) throw new Error(`bad timestamp ${s}`)
  return t
}

/** Every value a timestamp cell can hold that is not a timestamp. */
export const NON_TIMESTAMPS: readonly Cell<Timestamp>[] = [...SENTINELS, null]
