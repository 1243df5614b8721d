/**
 * The static impact of a policy edit: every rule, severity, threshold, gate,
 * exemption and account override change between a base and a head policy, with its effect,
 * each placed on the head file's line that causes it. Pure: needs no
 * credential report, no network and no clock (`now` comes in).
 */

import picomatch from 'picomatch'
import type {
  AccountOverride,
  Exemption,
  Policy,
  RuleSettings,
  RuleSettingsOverride
} from '../policy/types.js'
import { ARN_GLOB_OPTIONS, USER_GLOB_OPTIONS } from '../policy/validate.js'
import { RULES } from '../rules/catalog.js'
import type { Rule } from '../rules/types.js'
import type { FailOnSeverity } from '../severity.js'
import { meetsThreshold, severityRank } from '../severity.js'
import { days, MS_PER_DAY } from '../time.js'
import { exemptionPointer, positionOf } from '../policy/position.js'
import { describeExemption, exemptionScope } from '../policy/describe.js'

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
  'exemption-too-long',
  'account-override-added',
  'account-override-removed',
  'account-override-widened',
  'account-override-narrowed',
  'account-override-changed'
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
  /** 0-based index of the head account override concerned (its settings are what changed). */
  accountOverride?: number
  /** 0-based index of the base account override concerned (edited or removed). */
  baseAccountOverride?: number
  /** The accounts the change applies to, when it is limited to some accounts. */
  accounts?: string[]
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
      message: `fail-on-severity changed from ${base.failOnSeverity} to ${head.failOnSeverity}${defaultNote(head, '/fail-on-severity')}: ${gatePhrase(head.failOnSeverity, loosened)}${shieldNote(head, o => o.failOnSeverity !== undefined)}`,
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
        message:
          (h.enabled
            ? `rule ${rule.id} enabled${defaultNote(head, pointer)} (${settings}): its findings are now reported`
            : `rule ${rule.id} disabled${defaultNote(head, pointer)}: none of its findings are reported any more`) +
          shieldNote(head, o => o.rules[rule.id]?.enabled !== undefined),
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
        message: `rule ${rule.id} severity ${lowered ? 'lowered' : 'raised'} from ${b.severity} to ${h.severity}${defaultNote(head, pointer)}${gate}${shieldNote(head, o => o.rules[rule.id]?.severity !== undefined)}`,
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
        message: `rule ${rule.id} ${p.name} ${loosened ? 'loosened' : 'tightened'} from ${before} to ${after}${defaultNote(head, pointer)}: ${loosened ? 'fewer' : 'more'} findings${shieldNote(head, o => o.rules[rule.id]?.params[p.name] !== undefined)}`,
        ruleId: rule.id,
        ...at(pointer, rulePointer),
        ...usesDefault(head, pointer)
      })
    }
  }

  changes.push(...diffExemptions(base, head, options))
  changes.push(...diffAccountOverrides(base, head))
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

/**
 * For a top-level change: the head's account overrides that set the same
 * key themselves, whose accounts the change does not reach.
 */
function shieldNote(head: Policy, setsItsOwn: (o: AccountOverride) => boolean): string {
  const shielding = overridesOf(head).filter(setsItsOwn)
  if (shielding.length === 0) return ''
  const which = shielding.map(describeAccountOverride).join(', ')
  return ` (not for ${which}, which ${shielding.length === 1 ? 'sets its own' : 'set their own'})`
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

// ---------------------------------------------------------------------------
// Account overrides

/** One setting whose value differs between two sides, with which way it moves. */
interface SettingChange {
  kind: Exclude<ChangeKind, `exemption-${string}` | `account-override-${string}`>
  loosened: boolean
  /** Path below the override (`/fail-on-severity`, `/rules/x/max-age-days`). */
  path: string
  ruleId?: string
  /** `fail-on-severity high → critical`, `rule x max-age-days 90 → 180`, `rule x disabled`. */
  text: string
}

function overridesOf(policy: Policy): readonly AccountOverride[] {
  return policy.accountOverrides ?? []
}

/** `account override 1 (accounts 111111111111, 222222222222)`: numbered as in its file. */
export function describeAccountOverride(o: AccountOverride): string {
  return `account override ${o.index + 1} (${accountsPhrase(o.accounts)})`
}

function accountsPhrase(accounts: readonly string[]): string {
  return `${accounts.length === 1 ? 'account' : 'accounts'} ${accounts.join(', ')}`
}

/** A rule's settings with an override's written keys laid over them. */
function overlay(top: RuleSettings, written: RuleSettingsOverride | undefined): RuleSettings {
  if (!written) return top
  return {
    enabled: written.enabled ?? top.enabled,
    severity: written.severity ?? top.severity,
    params: { ...top.params, ...written.params }
  }
}

/**
 * The differences between two settings of one rule, each with its
 * direction. `only` limits them to these keys (`enabled`, `severity`, a
 * parameter name). A rule off on either side has no severity or thresholds
 * worth comparing.
 */
function ruleSettingChanges(
  rule: Rule,
  before: RuleSettings,
  after: RuleSettings,
  only: ReadonlySet<string> | null
): SettingChange[] {
  const out: SettingChange[] = []
  const path = `/rules/${rule.id}`
  const wanted = (key: string): boolean => only === null || only.has(key)
  if (before.enabled !== after.enabled) {
    if (wanted('enabled')) {
      out.push({
        kind: after.enabled ? 'rule-enabled' : 'rule-disabled',
        loosened: !after.enabled,
        path: `${path}/enabled`,
        ruleId: rule.id,
        text: `rule ${rule.id} ${after.enabled ? 'enabled' : 'disabled'}`
      })
    }
    return out
  }
  if (!after.enabled) return out
  if (before.severity !== after.severity && wanted('severity')) {
    const lowered = severityRank(after.severity) > severityRank(before.severity)
    out.push({
      kind: lowered ? 'severity-lowered' : 'severity-raised',
      loosened: lowered,
      path: `${path}/severity`,
      ruleId: rule.id,
      text: `rule ${rule.id} severity ${before.severity} → ${after.severity}`
    })
  }
  for (const p of rule.parameters) {
    const b = before.params[p.name] ?? p.default
    const a = after.params[p.name] ?? p.default
    if (a === b || !wanted(p.name)) continue
    const loosened = p.looserWhen === 'higher' ? a > b : a < b
    out.push({
      kind: loosened ? 'threshold-loosened' : 'threshold-tightened',
      loosened,
      path: `${path}/${p.name}`,
      ruleId: rule.id,
      text: `rule ${rule.id} ${p.name} ${b} → ${a}`
    })
  }
  return out
}

function gateChange(before: FailOnSeverity, after: FailOnSeverity): SettingChange | null {
  if (before === after) return null
  const loosened = gateStrictness(after) < gateStrictness(before)
  return {
    kind: loosened ? 'fail-on-severity-loosened' : 'fail-on-severity-tightened',
    loosened,
    path: '/fail-on-severity',
    text: `fail-on-severity ${before} → ${after}`
  }
}

/**
 * How the override's accounts are treated differently from the policy's
 * top level: every setting it writes that differs from the top-level value.
 */
function overrideVersusTop(o: AccountOverride, top: Policy): SettingChange[] {
  const out: SettingChange[] = []
  if (o.failOnSeverity !== undefined) {
    const gate = gateChange(top.failOnSeverity, o.failOnSeverity)
    if (gate) out.push(gate)
  }
  for (const rule of RULES) {
    const written = o.rules[rule.id]
    const t = top.rules[rule.id]
    if (!written || !t) continue
    out.push(...ruleSettingChanges(rule, t, overlay(t, written), null))
  }
  return out
}

function effectOf(changes: readonly SettingChange[]): ChangeEffect {
  if (changes.some(c => c.loosened)) return 'weakens'
  return changes.length > 0 ? 'tightens' : 'neutral'
}

/**
 * The effect of accounts leaving an override for the top-level settings:
 * what it made stricter is loosened (weakens, reported first), what it
 * loosened is tightened.
 */
function removalEffect(versusTop: readonly SettingChange[]): ChangeEffect {
  if (versusTop.some(c => !c.loosened)) return 'weakens'
  return versusTop.length > 0 ? 'tightens' : 'neutral'
}

/** `looser: a, b; stricter: c`, or `the same as the top level`. */
function differencesPhrase(changes: readonly SettingChange[]): string {
  const looser = changes.filter(c => c.loosened).map(c => c.text)
  const stricter = changes.filter(c => !c.loosened).map(c => c.text)
  const parts = [
    ...(looser.length > 0 ? [`looser than the top level: ${looser.join(', ')}`] : []),
    ...(stricter.length > 0 ? [`stricter than the top level: ${stricter.join(', ')}`] : [])
  ]
  return parts.length > 0 ? parts.join('; ') : 'its settings are the same as the top level'
}

function overlap(a: readonly string[], b: readonly string[]): number {
  const set = new Set(a)
  return b.filter(x => set.has(x)).length
}

/** A pairing of head account overrides with the base ones they continue. */
export interface AccountOverridePairs {
  pairs: [AccountOverride | null, AccountOverride][]
  removed: AccountOverride[]
}

/**
 * Which head override continues which base override: the same accounts
 * first, then the one sharing most accounts (the same index breaks ties).
 * An override that shares no account with any left over is added; a base
 * one left over is removed.
 */
export function pairAccountOverrides(base: Policy, head: Policy): AccountOverridePairs {
  const unmatched = [...overridesOf(base)]
  const paired = new Map<AccountOverride, AccountOverride>()
  const take = (h: AccountOverride, candidates: AccountOverride[]): void => {
    const b = candidates.find(x => x.index === h.index) ?? candidates[0]
    if (!b) return
    unmatched.splice(unmatched.indexOf(b), 1)
    paired.set(h, b)
  }
  const heads = overridesOf(head)
  for (const h of heads)
    take(
      h,
      unmatched.filter(b => sameSet(b.accounts, h.accounts))
    )
  for (const h of heads) {
    if (paired.has(h)) continue
    const scored = unmatched
      .map(b => ({ b, score: overlap(b.accounts, h.accounts) }))
      .filter(x => x.score > 0)
    const best = Math.max(0, ...scored.map(x => x.score))
    take(
      h,
      scored.filter(x => x.score === best).map(x => x.b)
    )
  }
  return { pairs: heads.map(h => [paired.get(h) ?? null, h]), removed: unmatched }
}

function diffAccountOverrides(base: Policy, head: Policy): PolicyChange[] {
  const changes: PolicyChange[] = []
  const { pairs, removed } = pairAccountOverrides(base, head)

  for (const [b, h] of pairs) {
    const pointer = `/account-overrides/${h.index}`
    const where = {
      pointer,
      ...positionOf(head, pointer, '/account-overrides'),
      accountOverride: h.index
    }
    const label = describeAccountOverride(h)
    const versusTop = overrideVersusTop(h, head)
    if (!b) {
      changes.push({
        kind: 'account-override-added',
        effect: effectOf(versusTop),
        message: `${label} added: ${differencesPhrase(versusTop)}`,
        accounts: [...h.accounts],
        ...where
      })
      continue
    }
    const edited = { baseAccountOverride: b.index }
    const baseLabel = b.index === h.index ? '' : ` (was account override ${b.index + 1})`

    // Accounts that join the override get all of its settings instead of the top level's.
    const added = h.accounts.filter(a => !b.accounts.includes(a))
    if (added.length > 0) {
      changes.push({
        kind: 'account-override-widened',
        effect: effectOf(versusTop),
        message: `${label}${baseLabel} widened: ${accountsPhrase(added)} added; ${differencesPhrase(versusTop)}`,
        accounts: added,
        ...where,
        ...positionOf(head, `${pointer}/accounts`, pointer),
        ...edited
      })
    }
    // Accounts that leave it go back to the top level (of the head policy).
    const left = b.accounts.filter(a => !h.accounts.includes(a))
    if (left.length > 0) {
      const baseVersusTop = overrideVersusTop(b, head)
      changes.push({
        kind: 'account-override-narrowed',
        effect: removalEffect(baseVersusTop),
        message: `${label}${baseLabel} narrowed: ${accountsPhrase(left)} removed, the top-level settings apply there again${baseVersusTop.length > 0 ? ` (the override is ${differencesPhrase(baseVersusTop)})` : ''}`,
        accounts: left,
        ...where,
        ...positionOf(head, `${pointer}/accounts`, pointer),
        ...edited
      })
    }

    // Settings the override writes on either side, for the accounts that stay in it.
    const stay = h.accounts.filter(a => b.accounts.includes(a))
    const settings: SettingChange[] = []
    if (b.failOnSeverity !== undefined || h.failOnSeverity !== undefined) {
      const gate = gateChange(
        b.failOnSeverity ?? base.failOnSeverity,
        h.failOnSeverity ?? head.failOnSeverity
      )
      if (gate) settings.push(gate)
    }
    for (const rule of RULES) {
      const bw = b.rules[rule.id]
      const hw = h.rules[rule.id]
      const bt = base.rules[rule.id]
      const ht = head.rules[rule.id]
      if ((!bw && !hw) || !bt || !ht) continue
      const keys = new Set<string>()
      for (const w of [bw, hw]) {
        if (!w) continue
        if (w.enabled !== undefined) keys.add('enabled')
        if (w.severity !== undefined) keys.add('severity')
        for (const k of Object.keys(w.params)) keys.add(k)
      }
      settings.push(...ruleSettingChanges(rule, overlay(bt, bw), overlay(ht, hw), keys))
    }
    for (const c of settings) {
      const at = `${pointer}${c.path}`
      const removedKey = !writes(head, at)
      changes.push({
        kind: c.kind,
        effect: c.loosened ? 'weakens' : 'tightens',
        message: `${label}${baseLabel}: ${c.text}${removedKey ? ' (the key was removed; the top-level value applies)' : ''}, ${c.loosened ? 'looser' : 'stricter'} in ${accountsPhrase(stay)}`,
        pointer: at,
        ...positionOf(head, at, pointer),
        ...(removedKey ? { usesDefault: true } : {}),
        ...(c.ruleId ? { ruleId: c.ruleId } : {}),
        accountOverride: h.index,
        accounts: stay,
        ...edited
      })
    }
    if (added.length === 0 && left.length === 0 && settings.length === 0 && b.reason !== h.reason) {
      changes.push({
        kind: 'account-override-changed',
        effect: 'neutral',
        message: `${label}${baseLabel}: reason changed, accounts and settings unchanged`,
        accounts: [...h.accounts],
        ...where,
        ...edited
      })
    }
  }

  for (const b of removed) {
    const baseVersusTop = overrideVersusTop(b, head)
    changes.push({
      kind: 'account-override-removed',
      effect: removalEffect(baseVersusTop),
      message: `account override ${b.index + 1} of the base policy (${accountsPhrase(b.accounts)}) removed: the top-level settings apply there again${baseVersusTop.length > 0 ? ` (the override was ${differencesPhrase(baseVersusTop)})` : ''}`,
      pointer: '/account-overrides',
      ...positionOf(head, '/account-overrides'),
      accounts: [...b.accounts],
      baseAccountOverride: b.index
    })
  }
  return changes
}
