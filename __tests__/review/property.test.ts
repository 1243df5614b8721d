/**
 * Properties of the review on random policies: no change from a policy to
 * itself; every static change reverses with the opposite effect; what a
 * change hides is exactly what its reverse reveals.
 */
import fc from 'fast-check'
import { evaluate } from '../../src/evaluate.js'
import { loadPolicy } from '../../src/policy/load.js'
import type { Policy } from '../../src/policy/types.js'
import { diffPolicies } from '../../src/review/diff.js'
import { comparePolicyEvaluations } from '../../src/review/impact.js'
import { RULES } from '../../src/rules/catalog.js'
import { FAIL_ON_SEVERITIES, SEVERITIES } from '../../src/severity.js'
import { NOW, reviewReport } from './support/report.js'

const REPORT = reviewReport()
const USERS = ['alice', 'bob', 'svc-legacy', 'ci-bot', 'svc-*', '*']
const RULE_IDS = [
  'console-user-mfa',
  'access-key-rotation',
  'unused-access-key',
  'password-rotation',
  '*'
]
const EXPIRIES = ['2026-01-01', '2026-11-22', '2026-12-31', '2027-06-30']

const ruleArb = fc.constantFrom(...RULES).chain(rule =>
  fc.record(
    {
      id: fc.constant(rule.id),
      enabled: fc.option(fc.boolean(), { nil: undefined }),
      severity: fc.option(fc.constantFrom(...SEVERITIES), { nil: undefined }),
      params: fc.tuple(
        ...rule.parameters.map(p =>
          fc.option(fc.integer({ min: p.minimum, max: p.maximum ?? p.minimum + 400 }), {
            nil: undefined
          })
        )
      )
    },
    { requiredKeys: ['id', 'params'] }
  )
)

const exemptionArb = fc.record({
  rules: fc.uniqueArray(fc.constantFrom(...RULE_IDS), { minLength: 1, maxLength: 2 }),
  users: fc.uniqueArray(fc.constantFrom(...USERS), { minLength: 1, maxLength: 2 }),
  expires: fc.constantFrom(...EXPIRIES)
})

const policyArb = fc
  .record({
    failOn: fc.option(fc.constantFrom(...FAIL_ON_SEVERITIES), { nil: undefined }),
    rules: fc.uniqueArray(ruleArb, { selector: r => r.id, maxLength: 6 }),
    exemptions: fc.array(exemptionArb, { maxLength: 3 })
  })
  .map(({ failOn, rules, exemptions }) => {
    const lines = ['version: 1']
    if (failOn) lines.push(`fail-on-severity: ${failOn}`)
    if (rules.length > 0) lines.push('rules:')
    for (const r of rules) {
      const rule = RULES.find(x => x.id === r.id)!
      const settings: string[] = []
      if (r.enabled !== undefined) settings.push(`enabled: ${r.enabled}`)
      if (r.severity !== undefined) settings.push(`severity: ${r.severity}`)
      rule.parameters.forEach((p, i) => {
        const v = r.params[i]
        if (v !== undefined) settings.push(`${p.name}: ${v}`)
      })
      lines.push(settings.length > 0 ? `  ${r.id}:` : `  ${r.id}: {}`)
      for (const s of settings) lines.push(`    ${s}`)
    }
    if (exemptions.length > 0) lines.push('exemptions:')
    for (const e of exemptions) {
      lines.push(
        `  - rules: [${e.rules.map(r => JSON.stringify(r)).join(', ')}]`,
        `    users: [${e.users.map(u => JSON.stringify(u)).join(', ')}]`,
        '    reason: r',
        `    expires: ${e.expires}`
      )
    }
    return `${lines.join('\n')}\n`
  })

const load = (text: string): Policy => loadPolicy(text, 'p.yml')
const OPTIONS = { now: NOW, maxExemptionDays: 90 }
const OPPOSITE = { weakens: 'tightens', tightens: 'weakens', neutral: 'neutral' } as const

/** "threshold-loosened" → "threshold", "rule-enabled" → "rule". */
const family = (kind: string) =>
  kind.replace(/-(loosened|tightened|lowered|raised|enabled|disabled)$/, '')

describe('review properties', () => {
  it('a policy compared with itself has no change and no impact', () => {
    // Two loads and two evaluations of the same text: equal, not the same objects.
    let withFindings = 0
    let withExemptions = 0
    fc.assert(
      fc.property(policyArb, text => {
        const base = load(text)
        const head = load(text)
        expect(diffPolicies(base, head, OPTIONS)).toEqual([])
        const eb = evaluate(REPORT, base, NOW)
        const eh = evaluate(REPORT, head, NOW)
        if (eb.findings.length > 0) withFindings++
        if (eb.exemptedCount > 0) withExemptions++
        const impact = comparePolicyEvaluations(eb, eh, base, head)
        expect([impact.hidden, impact.revealed, impact.noLongerFailing, impact.nowFailing]).toEqual(
          [[], [], [], []]
        )
      }),
      { numRuns: 150 }
    )
    // The property is about policies that find and exempt something.
    expect(withFindings).toBeGreaterThan(100)
    expect(withExemptions).toBeGreaterThan(20)
  })

  it('every rule, severity, threshold and gate change reverses with the opposite effect', () => {
    let changing = 0
    fc.assert(
      fc.property(policyArb, policyArb, (a, b) => {
        const pa = load(a)
        const pb = load(b)
        const settings = (from: Policy, to: Policy) =>
          diffPolicies(from, to, OPTIONS)
            .filter(c => !c.kind.startsWith('exemption'))
            .map(c => `${family(c.kind)} ${c.ruleId ?? ''} ${c.pointer} ${c.effect}`)
            .sort()
        const forward = settings(pa, pb)
        const backward = settings(pb, pa).map(s =>
          s.replace(/(weakens|tightens|neutral)$/, e => OPPOSITE[e as keyof typeof OPPOSITE])
        )
        expect(backward.sort()).toEqual(forward)
        if (forward.length > 0) changing++
      }),
      { numRuns: 200 }
    )
    expect(changing).toBeGreaterThan(100)
  })

  it('what a change hides, its reverse reveals (and the gate moves back)', () => {
    let hiding = 0
    let gateMoves = 0
    fc.assert(
      fc.property(policyArb, policyArb, (a, b) => {
        const pa = load(a)
        const pb = load(b)
        const ea = evaluate(REPORT, pa, NOW)
        const eb = evaluate(REPORT, pb, NOW)
        const forward = comparePolicyEvaluations(ea, eb, pa, pb)
        const backward = comparePolicyEvaluations(eb, ea, pb, pa)
        const fps = (list: readonly { finding: { fingerprint: string } }[]) =>
          list.map(x => x.finding.fingerprint).sort()
        expect(fps(forward.hidden)).toEqual(fps(backward.revealed))
        expect(fps(forward.revealed)).toEqual(fps(backward.hidden))
        expect(fps(forward.noLongerFailing)).toEqual(fps(backward.nowFailing))
        expect(forward.verdict.changed).toBe(backward.verdict.changed)
        if (forward.hidden.length > 0) hiding++
        if (forward.verdict.changed) gateMoves++
        // Every difference points at a real line of the head file.
        const lines = b.split('\n').length
        for (const x of [
          ...forward.hidden,
          ...forward.revealed,
          ...forward.noLongerFailing,
          ...forward.nowFailing
        ]) {
          expect(x.line).toBeGreaterThanOrEqual(1)
          expect(x.line).toBeLessThanOrEqual(lines)
        }
      }),
      { numRuns: 200 }
    )
    expect(hiding).toBeGreaterThan(50)
    expect(gateMoves).toBeGreaterThan(30)
  })

  it('a change that hides findings is reported as weakening', () => {
    let hiding = 0
    fc.assert(
      fc.property(policyArb, policyArb, (a, b) => {
        const pa = load(a)
        const pb = load(b)
        const impact = comparePolicyEvaluations(
          evaluate(REPORT, pa, NOW),
          evaluate(REPORT, pb, NOW),
          pa,
          pb
        )
        if (impact.hidden.length > 0) {
          hiding++
          expect(diffPolicies(pa, pb, OPTIONS).some(c => c.effect === 'weakens')).toBe(true)
        }
      }),
      { numRuns: 200 }
    )
    // Not true by default: enough pairs of policies do hide findings.
    expect(hiding).toBeGreaterThan(50)
  })
})
