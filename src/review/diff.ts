/**
 * The static impact of a policy edit: every rule, severity, threshold, gate
 * and exemption change between a base and a head policy, with its effect,
 * each placed on the head file's line that causes it. Pure: needs no
 * credential report, no network and no clock (`now` comes in).
 */

import picomatch from 'picomatch'
import type { Exemption, Policy } from '../policy/types.js'
import { ARN_GLOB_OPTIONS, USER_GLOB_OPTIONS } from '../policy/validate.js'
import { RULES } from '../rules/catalog.js'
import type { FailOnSeverity } from '../severity.js'
import { meetsThreshold, severityRank } from '../severity.js'
import { days, MS_PER_DAY } from '../time.js'
import { exemptionPointer, positionOf } from './position.js'

/** Whether a change lets fewer findings through (weakens), more (tightens), or neither. */
export type ChangeEffect = 'weakens' | 'tightens' | 'neutral'

export const CHANGE_KINDS = [
  'rule-disabled',
  'rule-enabled',
  'severity-lowered',
  'severity-raised',
  'threshold-loosened',
  'threshold-tightened',
  'fail-on-severity-loosened',
  'fail-on-severity-tightened',
  'exemption-added',
  'exemption-removed',
  'exemption-widened',
  'exemption-narrowed',
  'exemption-changed',
  'exemption-wildcard',
  'exemption-too-long'
] as const

export type ChangeKind = (typeof CHANGE_KINDS)[number]

/** One effect of a policy edit, placed on the head file's line that causes it. */
export interface PolicyChange {
  kind: ChangeKind
  effect: ChangeEffect
  /** One sentence, plain text; may contain policy text (globs), so renderers escape it. */
  message: string
  /**
   * 1-based position in the head policy file: the changed key, or the
   * nearest enclosing key that is still there when the key was removed;
   * line 1 when the head has no file (deleted policy).
   */
  line: number
  column: number
  /** JSON pointer of the setting in the policy (`/rules/x/max-age-days`, `/exemptions/2`). */
  pointer: string
  /** True when the head no longer writes the setting and the built-in default applies. */
  usesDefault?: boolean
  ruleId?: string
  /** 0-based index of the head exemption concerned. */
  exemption?: number
  /** 0-based index of the base exemption concerned (edited or removed). */
  baseExemption?: number
}

export interface DiffOptions {
  /** Evaluation time, ms since the epoch: decides which exemptions are live and how long they run. */
  now: number
  /** Exemptions that end more than this many days after `now` are flagged. */
  maxExemptionDays: number
}

/**
 * Every change between `base` and `head` that alters what the policy
 * enforces, in the head file's order (line, then column). A
 * formatting-only edit gives none.
 */
export function diffPolicies(base: Policy, head: Policy, options: DiffOptions): PolicyChange[] {
  const changes: PolicyChange[] = []
  const at = (pointer: string, ...fallbacks: string[]) => ({
    pointer,
    ...positionOf(head, pointer, ...fallbacks)
  })

  if (base.failOnSeverity !== head.failOnSeverity) {
    const loosened = gateStrictness(head.failOnSeverity) < gateStrictness(base.failOnSeverity)
    changes.push({
      kind: loosened ? 'fail-on-severity-loosened' : 'fail-on-severity-tightened',
      effect: loosened ? 'weakens' : 'tightens',
      message: `fail-on-severity changed from ${base.failOnSeverity} to ${head.failOnSeverity}${defaultNote(head, '/fail-on-severity')}: ${gatePhrase(head.failOnSeverity, loosened)}`,
      ...at('/fail-on-severity'),
      ...usesDefault(head, '/fail-on-severity')
    })
  }

  for (const rule of RULES) {
    const b = base.rules[rule.id]
    const h = head.rules[rule.id]
    if (!b || !h) continue
    const rulePointer = `/rules/${rule.id}`
    if (b.enabled !== h.enabled) {
      const pointer = `${rulePointer}/enabled`
      const settings = [
        `severity ${h.severity}`,
        ...rule.parameters.map(p => `${p.name} ${h.params[p.name] ?? p.default}`)
      ].join(', ')
      changes.push({
        kind: h.enabled ? 'rule-enabled' : 'rule-disabled',
        effect: h.enabled ? 'tightens' : 'weakens',
        message: h.enabled
          ? `rule ${rule.id} enabled${defaultNote(head, pointer)} (${settings}): its findings are now reported`
          : `rule ${rule.id} disabled${defaultNote(head, pointer)}: none of its findings are reported any more`,
        ruleId: rule.id,
        ...at(pointer, rulePointer),
        ...usesDefault(head, pointer)
      })
    }
    // A rule off on either side has no severity or thresholds worth comparing.
    if (!b.enabled || !h.enabled) continue

    if (b.severity !== h.severity) {
      const pointer = `${rulePointer}/severity`
      const lowered = severityRank(h.severity) > severityRank(b.severity)
      const failedBefore = meetsThreshold(b.severity, base.failOnSeverity)
      const failsAfter = meetsThreshold(h.severity, head.failOnSeverity)
      const gate =
        failedBefore && !failsAfter
          ? `: its findings no longer fail the gate (fail-on-severity ${head.failOnSeverity})`
          : !failedBefore && failsAfter
            ? `: its findings now fail the gate (fail-on-severity ${head.failOnSeverity})`
            : ''
      changes.push({
        kind: lowered ? 'severity-lowered' : 'severity-raised',
        effect: lowered ? 'weakens' : 'tightens',
        message: `rule ${rule.id} severity ${lowered ? 'lowered' : 'raised'} from ${b.severity} to ${h.severity}${defaultNote(head, pointer)}${gate}`,
        ruleId: rule.id,
        ...at(pointer, rulePointer),
        ...usesDefault(head, pointer)
      })
    }

    for (const p of rule.parameters) {
      const before = b.params[p.name] ?? p.default
      const after = h.params[p.name] ?? p.default
      if (before === after) continue
      const pointer = `${rulePointer}/${p.name}`
      const loosened = p.looserWhen === 'higher' ? after > before : after < before
      changes.push({
        kind: loosened ? 'threshold-loosened' : 'threshold-tightened',
        effect: loosened ? 'weakens' : 'tightens',
        message: `rule ${rule.id} ${p.name} ${loosened ? 'loosened' : 'tightened'} from ${before} to ${after}${defaultNote(head, pointer)}: ${loosened ? 'fewer' : 'more'} findings`,
        ruleId: rule.id,
        ...at(pointer, rulePointer),
        ...usesDefault(head, pointer)
      })
    }
  }

  changes.push(...diffExemptions(base, head, options))
  // File order (a stable sort keeps catalog order for a built-in head, all at line 1).
  return changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.line - b.c.line || a.c.column - b.c.column || a.i - b.i)
    .map(({ c }) => c)
}

/** How many severities fail the gate: 0 for `none`, 1 for `critical`, up to 4 for `low`. */
export function gateStrictness(s: FailOnSeverity): number {
  return s === 'none' ? 0 : severityRank(s) + 1
}

function gatePhrase(failOn: FailOnSeverity, loosened: boolean): string {
  if (failOn === 'none') return 'no finding fails the gate any more'
  return loosened ? 'fewer findings fail the gate' : 'more findings fail the gate'
}

/** Whether the head file writes the key at `pointer`; a built-in head writes nothing. */
function writes(head: Policy, pointer: string): boolean {
  return head.positions.has(pointer)
}

function defaultNote(head: Policy, pointer: string): string {
  if (head.source.kind === 'built-in') return ' (the built-in default)'
  return writes(head, pointer) ? '' : ' (the key was removed; the default applies)'
}

function usesDefault(head: Policy, pointer: string): { usesDefault?: true } {
  return writes(head, pointer) ? {} : { usesDefault: true }
}

// ---------------------------------------------------------------------------
// Exemptions

/** `user:<glob>` or `arn:<glob>`: what an exemption selects principals by. */
function selectorsOf(e: Exemption): string[] {
  return e.users ? e.users.map(u => `user:${u}`) : (e.arns ?? []).map(a => `arn:${a}`)
}

function sameSet(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b
  const set = new Set(a)
  const other = new Set(b)
  return set.size === other.size && [...other].every(x => set.has(x))
}

function sameScope(a: Exemption, b: Exemption): boolean {
  return (
    sameSet(a.rules, b.rules) &&
    sameSet(selectorsOf(a), selectorsOf(b)) &&
    sameSet(a.accounts, b.accounts)
  )
}

/** How much two exemptions share: rules and selectors written the same. 0 when nothing. */
function similarity(a: Exemption, b: Exemption): number {
  const rules = new Set(a.rules)
  const selectors = new Set(selectorsOf(a))
  return (
    b.rules.filter(r => rules.has(r)).length + selectorsOf(b).filter(s => selectors.has(s)).length
  )
}

/** A pairing of head exemptions with the base exemptions they continue. */
export interface ExemptionPairs {
  /** `[base or null (added), head]` for every head exemption, in head order. */
  pairs: [Exemption | null, Exemption][]
  /** Base exemptions the head no longer has. */
  removed: Exemption[]
}

/**
 * Which head exemption continues which base exemption. The same scope
 * (rules, users or ARNs, accounts) is the same exemption, moved or with a
 * new reason or expiry. Otherwise an exemption that shares rules or
 * selectors with one left over is that one, edited; the one sharing most
 * wins, then the one at the same index. Anything else is added or removed.
 */
export function pairExemptions(base: Policy, head: Policy): ExemptionPairs {
  const unmatched = [...base.exemptions]
  const paired = new Map<Exemption, Exemption>()
  const take = (h: Exemption, candidates: Exemption[]): void => {
    const b = candidates.find(x => x.index === h.index) ?? candidates[0]
    if (!b) return
    unmatched.splice(unmatched.indexOf(b), 1)
    paired.set(h, b)
  }
  for (const h of head.exemptions) {
    take(
      h,
      unmatched.filter(b => sameScope(b, h))
    )
  }
  for (const h of head.exemptions) {
    if (paired.has(h)) continue
    const scored = unmatched.map(b => ({ b, score: similarity(b, h) })).filter(x => x.score > 0)
    const best = Math.max(0, ...scored.map(x => x.score))
    take(
      h,
      scored.filter(x => x.score === best).map(x => x.b)
    )
  }
  return {
    pairs: head.exemptions.map(h => [paired.get(h) ?? null, h]),
    removed: unmatched
  }
}

/** True when `glob` consists of stars only (`*`, `**`): every value. */
function allStars(glob: string): boolean {
  return /^\*+$/.test(glob)
}

const GLOB_META = /[*?[\]{}()!@+\\]/

/**
 * Whether the selector `covered` is certainly within `by`: the same text,
 * `by` is all stars, or `covered` is a literal name that `by` matches. Any
 * other glob counts as not covered, so an edit is never under-reported.
 */
function selectorCovers(by: string, covered: string): boolean {
  if (by === covered) return true
  const [byType, byGlob] = splitSelector(by)
  const [type, glob] = splitSelector(covered)
  if (byType !== type) return false
  if (allStars(byGlob)) return true
  if (GLOB_META.test(glob)) return false
  try {
    return picomatch(byGlob, byType === 'user' ? USER_GLOB_OPTIONS : ARN_GLOB_OPTIONS)(glob)
  } catch {
    return false
  }
}

function splitSelector(s: string): [string, string] {
  const i = s.indexOf(':')
  return [s.slice(0, i), s.slice(i + 1)]
}

/** Items of `to` that `from` does not already cover. */
function notCovered(
  from: readonly string[],
  to: readonly string[],
  covers: (by: string, item: string) => boolean
): string[] {
  return to.filter(x => !from.some(f => covers(f, x)))
}

const ruleCovers = (by: string, rule: string): boolean => by === '*' || by === rule

/** User names of every shape: a glob that matches them all matches every user. */
const USER_PROBES = ['a', 'Z9', '.hidden', 'svc+ci=deploy,team@example.com_-', 'x'.repeat(64)]
/** User ARNs of every shape, under one partition and account. */
const ARN_USER_PROBES = ['a', 'path/to/Z9.svc', '.hidden', 'svc+ci=deploy,team@example.com_-']
const PARTITIONS = ['aws', 'aws-us-gov', 'aws-cn']

/** Probe ARN sets, one per partition and account (the glob's own account ids included). */
function arnProbeSets(glob: string): string[][] {
  const accounts = new Set(['123456789012', ...(glob.match(/\d{12}/g) ?? [])])
  const sets: string[][] = []
  for (const partition of PARTITIONS) {
    for (const account of accounts) {
      sets.push(ARN_USER_PROBES.map(n => `arn:${partition}:iam::${account}:user/${n}`))
    }
  }
  return sets
}

/**
 * True when one of the exemption's globs matches every user, of every
 * account or of one account: `*`, `arn:aws:iam::*:user/*`,
 * `arn:aws:iam::123456789012:user/*`, and so on.
 */
export function selectsEveryUser(e: Exemption): boolean {
  const options = e.users ? USER_GLOB_OPTIONS : ARN_GLOB_OPTIONS
  return (e.users ?? e.arns ?? []).some(glob => {
    if (allStars(glob)) return true
    let match: (value: string) => boolean
    try {
      match = picomatch(glob, options)
    } catch {
      return false
    }
    const sets = e.users ? [USER_PROBES] : arnProbeSets(glob)
    return sets.some(probes => probes.every(p => match(p)))
  })
}

/** Whole days from `now`'s day to the exemption's last day (0 when it ends today). */
export function exemptionDaysLeft(e: Exemption, now: number): number {
  return Math.round(e.expiresAt / MS_PER_DAY) - 1 - Math.floor(now / MS_PER_DAY)
}

function isLive(e: Exemption, now: number): boolean {
  return now < e.expiresAt
}

/** `(rules unused-access-key; users svc-*)`. */
export function exemptionScope(e: Exemption): string {
  const who = e.users ? `users ${e.users.join(', ')}` : `arns ${(e.arns ?? []).join(', ')}`
  const where = e.accounts ? `; accounts ${e.accounts.join(', ')}` : ''
  return `(rules ${e.rules.join(', ')}; ${who}${where})`
}

/** `exemption 2 (rules unused-access-key; users svc-*)`: numbered as in its file. */
export function describeExemption(e: Exemption): string {
  return `exemption ${e.index + 1} ${exemptionScope(e)}`
}

function diffExemptions(base: Policy, head: Policy, options: DiffOptions): PolicyChange[] {
  const { now } = options
  const changes: PolicyChange[] = []
  const { pairs, removed } = pairExemptions(base, head)

  for (const [b, h] of pairs) {
    const pointer = exemptionPointer(h.index)
    const where = { pointer, ...positionOf(head, pointer, '/exemptions'), exemption: h.index }
    const label = describeExemption(h)
    const live = isLive(h, now)
    const inert = live ? '' : `; it expired on ${h.expires}, so it has no effect`
    let grows: boolean
    if (!b) {
      grows = live
      changes.push({
        kind: 'exemption-added',
        effect: live ? 'weakens' : 'neutral',
        message: `${label} added until ${h.expires}${live ? ': the findings it matches no longer count toward the gate' : inert}`,
        ...where
      })
    } else {
      const widened: string[] = []
      const narrowed: string[] = []
      for (const r of notCovered(b.rules, h.rules, ruleCovers)) widened.push(`rule ${r} added`)
      for (const r of notCovered(h.rules, b.rules, ruleCovers)) narrowed.push(`rule ${r} removed`)
      const bs = selectorsOf(b)
      const hs = selectorsOf(h)
      for (const s of notCovered(bs, hs, selectorCovers)) widened.push(`${s} added`)
      for (const s of notCovered(hs, bs, selectorCovers)) narrowed.push(`${s} removed`)
      if (b.accounts !== null && h.accounts === null) widened.push('now applies to every account')
      else if (b.accounts === null && h.accounts !== null) {
        narrowed.push(`now limited to accounts ${h.accounts.join(', ')}`)
      } else if (b.accounts && h.accounts) {
        for (const a of notCovered(b.accounts, h.accounts, (x, y) => x === y)) {
          widened.push(`account ${a} added`)
        }
        for (const a of notCovered(h.accounts, b.accounts, (x, y) => x === y)) {
          narrowed.push(`account ${a} removed`)
        }
      }
      if (h.expiresAt > b.expiresAt) {
        widened.push(`expiry extended from ${b.expires} to ${h.expires}`)
      } else if (h.expiresAt < b.expiresAt) {
        narrowed.push(`expiry brought forward from ${b.expires} to ${h.expires}`)
      }
      const baseLabel = b.index === h.index ? '' : ` (was exemption ${b.index + 1})`
      const edited = { ...where, baseExemption: b.index }
      // An exemption that is over on both sides changes nothing that is enforced.
      const matters = live || isLive(b, now)
      grows = widened.length > 0 && live
      if (widened.length > 0) {
        changes.push({
          kind: 'exemption-widened',
          effect: live ? 'weakens' : 'neutral',
          message: `${label}${baseLabel} widened: ${[...widened, ...narrowed].join('; ')}${inert}`,
          ...edited
        })
      } else if (narrowed.length > 0) {
        changes.push({
          kind: 'exemption-narrowed',
          effect: matters ? 'tightens' : 'neutral',
          message: `${label}${baseLabel} narrowed: ${narrowed.join('; ')}${inert}`,
          ...edited
        })
      } else if (b.reason !== h.reason) {
        changes.push({
          kind: 'exemption-changed',
          effect: 'neutral',
          message: `${label}${baseLabel}: reason changed, scope and expiry unchanged`,
          ...edited
        })
      }
    }
    if (!grows) continue

    // Flags on what this change adds or widens.
    const everyRule = h.rules.includes('*')
    const everyUser = selectsEveryUser(h)
    if (everyRule || everyUser) {
      const what =
        everyRule && everyUser
          ? 'every rule for every user'
          : everyRule
            ? 'every rule (rules: "*")'
            : 'every user'
      changes.push({
        kind: 'exemption-wildcard',
        effect: 'weakens',
        message: `${label} exempts ${what}: name the rules and users it is for instead`,
        ...where
      })
    }
    const left = exemptionDaysLeft(h, now)
    if (left > options.maxExemptionDays) {
      changes.push({
        kind: 'exemption-too-long',
        effect: 'weakens',
        message: `${label} runs until ${h.expires}, ${days(left)} from today, longer than max-exemption-days (${options.maxExemptionDays}): set an earlier expiry and renew it if still needed`,
        ...where
      })
    }
  }

  for (const b of removed) {
    const live = isLive(b, now)
    changes.push({
      kind: 'exemption-removed',
      effect: live ? 'tightens' : 'neutral',
      message: `exemption ${b.index + 1} of the base policy ${exemptionScope(b)} removed${live ? ': the findings it matched count toward the gate again' : ` (it had expired on ${b.expires})`}`,
      pointer: '/exemptions',
      ...positionOf(head, '/exemptions'),
      baseExemption: b.index
    })
  }
  return changes
}
