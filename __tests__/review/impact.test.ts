import { evaluate } from '../../src/evaluate.js'
import { defaultPolicy, loadPolicy } from '../../src/policy/load.js'
import type { Policy } from '../../src/policy/types.js'
import { parseCredentialReport } from '../../src/report/parse.js'
import type { ImpactedFinding, PolicyImpact } from '../../src/review/impact.js'
import { comparePolicyEvaluations } from '../../src/review/impact.js'
import { reviewPolicies, reviewVerdict } from '../../src/review/review.js'
import { sampleReport, sampleRow } from '../helpers/csv.js'

const NOW = Date.parse('2026-11-22T00:00:00Z')

/**
 * alice: console user with MFA, password last changed 2025-01-15 (password-rotation when enabled)
 * bob: console user without MFA (console-user-mfa, high)
 * svc-legacy: a key rotated 2026-01-01, 325 days ago, used recently (access-key-rotation, medium)
 * ci-bot: a key used last on 2026-09-01, 82 days ago (unused-access-key, medium)
 */
export const REPORT = parseCredentialReport(
  sampleReport([
    sampleRow({ user: 'alice' }),
    sampleRow({ user: 'bob', mfa_active: 'false' }),
    sampleRow({
      user: 'svc-legacy',
      password_enabled: 'false',
      password_last_used: 'N/A',
      password_last_changed: 'N/A',
      mfa_active: 'false',
      access_key_1_active: 'true',
      access_key_1_last_rotated: '2026-01-01T00:00:00+00:00',
      access_key_1_last_used_date: '2026-11-20T00:00:00+00:00',
      access_key_1_last_used_region: 'us-east-1',
      access_key_1_last_used_service: 's3'
    }),
    sampleRow({
      user: 'ci-bot',
      password_enabled: 'false',
      password_last_used: 'N/A',
      password_last_changed: 'N/A',
      mfa_active: 'false',
      access_key_1_active: 'true',
      access_key_1_last_rotated: '2026-10-01T00:00:00+00:00',
      access_key_1_last_used_date: '2026-09-01T00:00:00+00:00',
      access_key_1_last_used_region: 'us-east-1',
      access_key_1_last_used_service: 'sts'
    })
  ]),
  { source: 'report.csv' }
)

const BASE = `version: 1
fail-on-severity: high
rules:
  access-key-rotation:
    max-age-days: 90
exemptions:
  - rules: [console-and-access-keys]
    users: [nobody]
    reason: placeholder
    expires: 2027-01-31
`

const load = (text: string, file = 'policy.yml'): Policy => loadPolicy(text, file)

function compare(base: Policy, head: Policy): PolicyImpact {
  return comparePolicyEvaluations(
    evaluate(REPORT, base, NOW),
    evaluate(REPORT, head, NOW),
    base,
    head
  )
}

const row = (i: ImpactedFinding) => ({
  rule: i.finding.ruleId,
  user: i.finding.user,
  credential: i.finding.credential,
  severity: i.finding.severity,
  cause: i.cause,
  line: i.line,
  column: i.column,
  failsGate: i.failsGate
})

describe('the report fixture', () => {
  it('gives exactly these findings under the base policy', () => {
    const e = evaluate(REPORT, load(BASE), NOW)
    expect(e.findings.map(f => [f.ruleId, f.user, f.credential, f.severity, f.exempted])).toEqual([
      ['console-user-mfa', 'bob', null, 'high', false],
      ['access-key-rotation', 'svc-legacy', 'access_key_1', 'medium', false],
      ['unused-access-key', 'ci-bot', 'access_key_1', 'medium', false]
    ])
    expect(e.verdict.result).toBe('failed')
  })
})

describe('comparePolicyEvaluations', () => {
  it('the same policy: nothing hidden or revealed, verdict unchanged', () => {
    const impact = compare(load(BASE), load(BASE))
    expect(impact).toMatchObject({ hidden: [], revealed: [], noLongerFailing: [], nowFailing: [] })
    expect(impact.verdict).toMatchObject({ changed: false, base: { result: 'failed' } })
  })

  it('lists exactly the hidden and revealed findings, each with its cause and head line', () => {
    const head = `version: 1
fail-on-severity: high
rules:
  access-key-rotation:
    max-age-days: 90
  unused-access-key:
    enabled: false
  console-user-mfa:
    severity: medium
  password-rotation:
    enabled: true
exemptions:
  - rules: [console-and-access-keys]
    users: [nobody]
    reason: placeholder
    expires: 2027-01-31
  - rules: [access-key-rotation]
    users: ["svc-*"]
    reason: Moves to OIDC in SEC-142
    expires: 2027-01-31
`
    const impact = compare(load(BASE), load(head))
    expect(impact.hidden.map(row)).toEqual([
      {
        rule: 'access-key-rotation',
        user: 'svc-legacy',
        credential: 'access_key_1',
        severity: 'medium',
        cause: 'exempted by exemption 2 (added; until 2027-01-31)',
        line: 17,
        column: 5,
        failsGate: false
      },
      {
        rule: 'unused-access-key',
        user: 'ci-bot',
        credential: 'access_key_1',
        severity: 'medium',
        cause: 'rule unused-access-key disabled',
        line: 7,
        column: 5,
        failsGate: false
      }
    ])
    expect(impact.revealed.map(row)).toEqual([
      {
        rule: 'password-rotation',
        user: 'alice',
        credential: 'password',
        severity: 'low',
        cause: 'rule password-rotation enabled',
        line: 11,
        column: 5,
        failsGate: false
      },
      {
        rule: 'password-rotation',
        user: 'bob',
        credential: 'password',
        severity: 'low',
        cause: 'rule password-rotation enabled',
        line: 11,
        column: 5,
        failsGate: false
      }
    ])
    expect(impact.noLongerFailing.map(row)).toEqual([
      {
        rule: 'console-user-mfa',
        user: 'bob',
        credential: null,
        severity: 'medium',
        cause: 'severity high → medium',
        line: 9,
        column: 5,
        failsGate: false
      }
    ])
    expect(impact.nowFailing).toEqual([])
    expect(impact.verdict.changed).toBe(true)
    expect(impact.verdict.base.result).toBe('failed')
    expect(impact.verdict.head.result).toBe('passed')
  })

  it('a loosened threshold hides the finding, at the threshold line', () => {
    const impact = compare(load(BASE), load(BASE.replace('max-age-days: 90', 'max-age-days: 365')))
    expect(impact.hidden.map(row)).toEqual([
      expect.objectContaining({
        rule: 'access-key-rotation',
        user: 'svc-legacy',
        cause: 'rule access-key-rotation max-age-days 90 → 365',
        line: 5,
        column: 5
      })
    ])
    expect(impact.revealed).toEqual([])
    expect(impact.verdict.changed).toBe(false)
  })

  it('a threshold removed (default) is attributed to the rule key', () => {
    const base = BASE.replace('max-age-days: 90', 'max-age-days: 400')
    const head = BASE.replace('    max-age-days: 90\n', '')
    const impact = compare(load(base), load(head))
    expect(impact.revealed.map(row)).toEqual([
      expect.objectContaining({
        rule: 'access-key-rotation',
        cause: 'rule access-key-rotation max-age-days 400 → 90',
        line: 4,
        column: 3
      })
    ])
  })

  it('an exemption removed reveals its findings at the exemptions key', () => {
    const base = `${BASE}  - rules: [unused-access-key]\n    users: [ci-bot]\n    reason: r\n    expires: 2027-01-31\n`
    const impact = compare(load(base), load(BASE))
    expect(impact.hidden).toEqual([])
    expect(impact.revealed.map(row)).toEqual([
      expect.objectContaining({
        rule: 'unused-access-key',
        user: 'ci-bot',
        cause: 'no longer exempted: exemption 2 of the base removed',
        line: 6,
        column: 1
      })
    ])
  })

  it('an exemption cut short reveals its findings at that exemption', () => {
    const exemption = (expires: string) =>
      `${BASE}  - rules: [console-user-mfa]\n    users: [bob]\n    reason: r\n    expires: ${expires}\n`
    const impact = compare(load(exemption('2027-01-31')), load(exemption('2026-11-01')))
    expect(impact.revealed.map(row)).toEqual([
      {
        rule: 'console-user-mfa',
        user: 'bob',
        credential: null,
        severity: 'high',
        cause: 'no longer exempted: exemption 2 (exemption 2 of the base) expiry brought forward',
        line: 11,
        column: 5,
        failsGate: true
      }
    ])
    expect(impact.verdict).toMatchObject({
      changed: true,
      base: { result: 'passed' },
      head: { result: 'failed' }
    })
  })

  it('an expiry extended hides findings the expired exemption no longer covered', () => {
    const exemption = (expires: string) =>
      `${BASE}  - rules: [console-user-mfa]\n    users: [bob]\n    reason: r\n    expires: ${expires}\n`
    const impact = compare(load(exemption('2026-11-01')), load(exemption('2027-01-31')))
    expect(impact.hidden.map(row)).toEqual([
      expect.objectContaining({
        user: 'bob',
        cause: 'exempted by exemption 2 (expiry extended; until 2027-01-31)',
        line: 11,
        failsGate: true
      })
    ])
  })

  it('fail-on-severity changes move findings across the gate, attributed to its line', () => {
    const tighter = compare(
      load(BASE),
      load(BASE.replace('fail-on-severity: high', 'fail-on-severity: medium'))
    )
    expect(tighter.hidden).toEqual([])
    expect(tighter.revealed).toEqual([])
    expect(tighter.nowFailing.map(r => [r.finding.user, r.cause, r.line, r.failsGate])).toEqual([
      ['svc-legacy', 'fail-on-severity high → medium', 2, true],
      ['ci-bot', 'fail-on-severity high → medium', 2, true]
    ])
    const off = compare(
      load(BASE),
      load(BASE.replace('fail-on-severity: high', 'fail-on-severity: none'))
    )
    expect(off.noLongerFailing.map(r => [r.finding.user, r.cause])).toEqual([
      ['bob', 'fail-on-severity high → none']
    ])
    expect(off.verdict).toMatchObject({ changed: true, head: { result: 'passed' } })
  })

  it('against the built-in default (deleted head): line 1', () => {
    const base = BASE.replace('max-age-days: 90', 'max-age-days: 400')
    const impact = compare(load(base), defaultPolicy())
    expect(impact.revealed.map(r => [r.finding.ruleId, r.line, r.column])).toEqual([
      ['access-key-rotation', 1, 1]
    ])
  })
})

describe('reviewPolicies', () => {
  it('adds the live impact when a report is given, and says whether it weakens', () => {
    const head = BASE.replace('max-age-days: 90', 'max-age-days: 365')
    const review = reviewPolicies(load(BASE, 'a.yml'), load(head, 'b.yml'), {
      now: NOW,
      maxExemptionDays: 90,
      report: REPORT
    })
    expect(review).toMatchObject({
      fileChange: 'modified',
      base: 'a.yml',
      head: 'b.yml',
      weakens: true,
      tightens: false
    })
    expect(review.impact?.hidden).toHaveLength(1)
    expect(reviewVerdict(review)).toBe('weakens the policy')
  })

  it('without a report there is no impact', () => {
    const head = BASE.replace('max-age-days: 90', 'max-age-days: 60')
    const review = reviewPolicies(defaultPolicy(), load(head), { now: NOW, maxExemptionDays: 90 })
    expect(review.impact).toBeUndefined()
    expect(review).toMatchObject({
      fileChange: 'added',
      base: 'built-in default policy',
      weakens: true,
      tightens: true
    })
    expect(reviewVerdict(review)).toBe('weakens and tightens the policy')
  })

  it('a deleted policy file compares against the default', () => {
    const review = reviewPolicies(load(BASE), defaultPolicy(), {
      now: NOW,
      maxExemptionDays: 90,
      report: REPORT
    })
    expect(review.fileChange).toBe('deleted')
    expect(review.head).toBe('built-in default policy')
  })

  it('no change at all: does not change what the policy enforces', () => {
    const review = reviewPolicies(load(BASE), load(`# comment\n${BASE}`), {
      now: NOW,
      maxExemptionDays: 90,
      report: REPORT
    })
    expect(review).toMatchObject({ changes: [], weakens: false, tightens: false })
    expect(reviewVerdict(review)).toBe('does not change what the policy enforces')
  })

  it('a report with timestamps in the future is refused (ReportError)', () => {
    expect(() =>
      reviewPolicies(load(BASE), load(BASE), {
        now: Date.parse('2025-01-01T00:00:00Z'),
        maxExemptionDays: 90,
        report: REPORT
      })
    ).toThrow(/in the future/)
  })
})
