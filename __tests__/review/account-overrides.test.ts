/**
 * The review of edits to `account-overrides`: static changes (diffPolicies)
 * and the attribution of live impact to an override's line.
 */

import { evaluate } from '../../src/evaluate.js'
import { policyForAccount } from '../../src/policy/account.js'
import { defaultPolicy, loadPolicy } from '../../src/policy/load.js'
import type { Policy } from '../../src/policy/types.js'
import { planReviewAnnotations } from '../../src/review/annotations.js'
import type { PolicyChange } from '../../src/review/diff.js'
import { diffPolicies, pairAccountOverrides } from '../../src/review/diff.js'
import { comparePolicyEvaluations } from '../../src/review/impact.js'
import { renderReviewMarkdown } from '../../src/review/render.js'
import { reviewPolicies, reviewVerdict } from '../../src/review/review.js'
import { NOW, reviewReport } from './support/report.js'

const OPTIONS = { now: NOW, maxExemptionDays: 90 }
const policy = (text: string, file = 'policy.yml'): Policy => loadPolicy(text, file)

const TOP = `version: 1
fail-on-severity: high
rules:
  access-key-rotation: { max-age-days: 90 }
`
// line 1 version, 2 fail-on-severity, 3 rules, 4 access-key-rotation.

const BASE = `${TOP}account-overrides:
  - accounts: ["111111111111"]
    reason: Sandbox accounts
    fail-on-severity: critical
    rules:
      access-key-rotation: { max-age-days: 180 }
  - accounts: ["333333333333"]
    reason: Payments, stricter
    rules:
      unused-access-key: { max-unused-days: 30 }
`
// line 5 account-overrides, 6 "- accounts" (column 5), 7 reason, 8 fail-on-severity,
// 9 rules, 10 access-key-rotation, 11 "- accounts", 12 reason, 13 rules, 14 unused-access-key.

const diff = (head: string, base = BASE): PolicyChange[] =>
  diffPolicies(policy(base, 'base.yml'), policy(head), OPTIONS)

const brief = (c: PolicyChange) => [c.kind, c.effect, c.line, c.column]

describe('diffPolicies: account overrides', () => {
  it('a top-level change names the overrides that set the same key, whose accounts it does not reach', () => {
    const head = BASE.replace('fail-on-severity: high', 'fail-on-severity: medium')
      .replace('{ max-age-days: 90 }', '{ max-age-days: 60 }')
      .replace(
        'rules:\n  access-key-rotation',
        'rules:\n  console-user-mfa: { severity: medium }\n  access-key-rotation'
      )
    const changes = diff(head)
    expect(changes.map(c => c.message)).toEqual([
      'fail-on-severity changed from high to medium: more findings fail the gate (not for account override 1 (account 111111111111), which sets its own)',
      'rule console-user-mfa severity lowered from high to medium',
      'rule access-key-rotation max-age-days tightened from 90 to 60: more findings (not for account override 1 (account 111111111111), which sets its own)'
    ])
  })

  it('gives no change for the same overrides, reordered and reformatted', () => {
    expect(diff(BASE)).toEqual([])
    const head = `${TOP}account-overrides:
  - { accounts: ["333333333333"], reason: "Payments, stricter", rules: { unused-access-key: { max-unused-days: 30 } } }
  - accounts: ["111111111111"]
    rules:
      access-key-rotation:
        max-age-days: 180
    fail-on-severity: critical
    reason: Sandbox accounts
`
    expect(diff(head)).toEqual([])
  })

  it('an override added that loosens anything weakens, naming its accounts and settings', () => {
    const changes = diff(BASE, TOP)
    expect(changes.map(brief)).toEqual([
      ['account-override-added', 'weakens', 6, 5],
      ['account-override-added', 'tightens', 11, 5]
    ])
    expect(changes[0]).toMatchObject({
      pointer: '/account-overrides/0',
      accountOverride: 0,
      accounts: ['111111111111']
    })
    expect(changes[0]?.message).toBe(
      'account override 1 (account 111111111111) added: looser than the top level: fail-on-severity high → critical, rule access-key-rotation max-age-days 90 → 180'
    )
    expect(changes[1]?.message).toBe(
      'account override 2 (account 333333333333) added: stricter than the top level: rule unused-access-key max-unused-days 45 → 30'
    )
  })

  it('an added override that loosens one thing and tightens another weakens, and lists both', () => {
    const head = `${TOP}account-overrides:
  - accounts: ["111111111111", "222222222222"]
    reason: Mixed
    fail-on-severity: medium
    rules:
      console-and-access-keys: { enabled: false }
`
    const [c] = diff(head, TOP)
    expect(c && brief(c)).toEqual(['account-override-added', 'weakens', 6, 5])
    expect(c?.message).toBe(
      'account override 1 (accounts 111111111111, 222222222222) added: looser than the top level: rule console-and-access-keys disabled; stricter than the top level: fail-on-severity high → medium'
    )
  })

  it('an added override with the top-level values changes nothing enforced', () => {
    const head = `${TOP}account-overrides:
  - accounts: ["111111111111"]
    reason: Same
    fail-on-severity: high
    rules:
      access-key-rotation: { max-age-days: 90 }
`
    const changes = diff(head, TOP)
    expect(changes.map(brief)).toEqual([['account-override-added', 'neutral', 6, 5]])
    expect(changes[0]?.message).toBe(
      'account override 1 (account 111111111111) added: its settings are the same as the top level'
    )
  })

  it('an override removed tightens when it loosened, weakens when it tightened', () => {
    const head = `${TOP}account-overrides:
  - accounts: ["111111111111"]
    reason: Sandbox accounts
    fail-on-severity: critical
    rules:
      access-key-rotation: { max-age-days: 180 }
`
    const changes = diff(head)
    expect(changes.map(brief)).toEqual([['account-override-removed', 'weakens', 5, 1]])
    expect(changes[0]).toMatchObject({ baseAccountOverride: 1, accounts: ['333333333333'] })
    expect(changes[0]?.message).toBe(
      'account override 2 of the base policy (account 333333333333) removed: the top-level settings apply there again (the override was stricter than the top level: rule unused-access-key max-unused-days 45 → 30)'
    )
    expect(diff(TOP).map(brief)).toEqual([
      ['account-override-removed', 'tightens', 1, 1],
      ['account-override-removed', 'weakens', 1, 1]
    ])
  })

  it('accounts added to a loosening override widen it (weakens); removed ones narrow it', () => {
    const head = BASE.replace('["111111111111"]', '["111111111111", "222222222222"]')
    const changes = diff(head)
    expect(changes.map(brief)).toEqual([['account-override-widened', 'weakens', 6, 5]])
    expect(changes[0]).toMatchObject({
      accounts: ['222222222222'],
      accountOverride: 0,
      baseAccountOverride: 0
    })
    expect(changes[0]?.message).toBe(
      'account override 1 (accounts 111111111111, 222222222222) widened: account 222222222222 added; looser than the top level: fail-on-severity high → critical, rule access-key-rotation max-age-days 90 → 180'
    )

    const narrowed = diff(BASE, head)
    expect(narrowed.map(brief)).toEqual([['account-override-narrowed', 'tightens', 6, 5]])
    expect(narrowed[0]?.message).toMatch(
      /^account override 1 \(account 111111111111\) narrowed: account 222222222222 removed, the top-level settings apply there again/
    )
  })

  it('accounts added to a stricter override tighten', () => {
    const head = BASE.replace('["333333333333"]', '["333333333333", "444444444444"]')
    expect(diff(head).map(brief)).toEqual([['account-override-widened', 'tightens', 11, 5]])
  })

  it('reports each setting loosened or tightened inside an override at its line', () => {
    const head = `${TOP}account-overrides:
  - accounts: ["111111111111"]
    reason: Sandbox accounts
    fail-on-severity: none
    rules:
      access-key-rotation: { max-age-days: 120 }
      root-mfa: { severity: medium }
  - accounts: ["333333333333"]
    reason: Payments, stricter
    rules:
      unused-access-key: { max-unused-days: 30, enabled: false }
`
    const changes = diff(head)
    expect(changes.map(c => [...brief(c), c.pointer])).toEqual([
      ['fail-on-severity-loosened', 'weakens', 8, 5, '/account-overrides/0/fail-on-severity'],
      [
        'threshold-tightened',
        'tightens',
        10,
        30,
        '/account-overrides/0/rules/access-key-rotation/max-age-days'
      ],
      ['severity-lowered', 'weakens', 11, 19, '/account-overrides/0/rules/root-mfa/severity'],
      ['rule-disabled', 'weakens', 15, 49, '/account-overrides/1/rules/unused-access-key/enabled']
    ])
    expect(changes[0]).toMatchObject({ accountOverride: 0, accounts: ['111111111111'] })
    expect(changes[0]?.message).toBe(
      'account override 1 (account 111111111111): fail-on-severity critical → none, looser in account 111111111111'
    )
    expect(changes[2]?.message).toBe(
      'account override 1 (account 111111111111): rule root-mfa severity critical → medium, looser in account 111111111111'
    )
    expect(changes[3]).toMatchObject({ ruleId: 'unused-access-key', accountOverride: 1 })
  })

  it('a key removed from an override falls back to the top level', () => {
    const head = BASE.replace('    fail-on-severity: critical\n', '')
    const changes = diff(head)
    expect(changes.map(brief)).toEqual([['fail-on-severity-tightened', 'tightens', 6, 5]])
    expect(changes[0]).toMatchObject({ usesDefault: true })
    expect(changes[0]?.message).toBe(
      'account override 1 (account 111111111111): fail-on-severity critical → high (the key was removed; the top-level value applies), stricter in account 111111111111'
    )
  })

  it('a top-level change is reported once, not again for overrides that do not write the key', () => {
    const head = BASE.replace('fail-on-severity: high', 'fail-on-severity: medium')
    expect(diff(head).map(brief)).toEqual([['fail-on-severity-tightened', 'tightens', 2, 1]])
  })

  it('a top-level change under a key an override writes changes the override only if its value moves', () => {
    // The override writes max-age-days 180: the top-level 90 → 60 does not reach account 1111.
    const head = BASE.replace('max-age-days: 90', 'max-age-days: 60')
    expect(diff(head).map(c => c.kind)).toEqual(['threshold-tightened'])
  })

  it('a new reason alone is neutral', () => {
    const changes = diff(BASE.replace('reason: Sandbox accounts', 'reason: Sandbox, SEC-200'))
    expect(changes.map(brief)).toEqual([['account-override-changed', 'neutral', 6, 5]])
  })

  it('pairs overrides by accounts, and the one sharing most accounts when they change', () => {
    const base = policy(BASE, 'base.yml')
    const head = policy(
      BASE.replace('["111111111111"]', '["111111111111", "555555555555"]').replace(
        '["333333333333"]',
        '["666666666666"]'
      ),
      'head.yml'
    )
    const { pairs, removed } = pairAccountOverrides(base, head)
    expect(pairs.map(([b, h]) => [b?.index ?? null, h.index])).toEqual([
      [0, 0],
      [null, 1]
    ])
    expect(removed.map(b => b.index)).toEqual([1])
    expect(pairAccountOverrides(defaultPolicy(), defaultPolicy())).toEqual({
      pairs: [],
      removed: []
    })
  })
})

describe('reviewPolicies: account overrides', () => {
  it('a weakening override makes the review weaken, with an annotation on its line', () => {
    const review = reviewPolicies(policy(TOP, 'base.yml'), policy(BASE), OPTIONS)
    expect(review.weakens).toBe(true)
    expect(review.tightens).toBe(true)
    expect(reviewVerdict(review)).toBe('weakens and tightens the policy')
    const md = renderReviewMarkdown(review)
    expect(md).toContain('account override 1 (account 111111111111) added')
    const annotations = planReviewAnnotations(review, { file: 'policy.yml' })
    expect(annotations[0]).toMatchObject({
      level: 'warning',
      properties: {
        title: 'Policy change: account override added',
        file: 'policy.yml',
        startLine: 6,
        startColumn: 5
      }
    })
  })

  it('attributes live impact to the override line that causes it', () => {
    const report = reviewReport() // account 123456789012; svc-legacy's key is 325 days old
    const base = policy(TOP, 'base.yml')
    const head = policy(`${TOP}account-overrides:
  - accounts: ["123456789012"]
    reason: Sandbox accounts
    rules:
      access-key-rotation: { max-age-days: 400 }
`)
    const account = report.accountId
    const impact = comparePolicyEvaluations(
      evaluate(report, policyForAccount(base, account), NOW),
      evaluate(report, policyForAccount(head, account), NOW),
      base,
      head
    )
    expect(
      impact.hidden.map(i => [i.finding.ruleId, i.finding.user, i.cause, i.line, i.pointer])
    ).toEqual([
      [
        'access-key-rotation',
        'svc-legacy',
        'rule access-key-rotation max-age-days 90 → 400',
        9,
        '/account-overrides/0/rules/access-key-rotation/max-age-days'
      ]
    ])
  })
})
