/**
 * `account-overrides`: loading, validation, and the effective policy of one
 * account (`policyForAccount`).
 */

import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { PolicyError } from '../../src/errors.js'
import {
  overridesForAccount,
  policyForAccount,
  withFailOnSeverity
} from '../../src/policy/account.js'
import { defaultPolicy, loadPolicy } from '../../src/policy/load.js'
import type { AccountOverride, Policy } from '../../src/policy/types.js'
import { RULE_IDS } from '../../src/rules/catalog.js'
import { FAIL_ON_SEVERITIES, SEVERITIES } from '../../src/severity.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const FIXTURE = 'account-overrides.yml'
const fixtureText = readFileSync(join(root, '__tests__/fixtures/policies', FIXTURE), 'utf8')
const fixture = (): Policy => loadPolicy(fixtureText, FIXTURE)

const SANDBOX = '111111111111'
const SANDBOX_2 = '222222222222'
const PAYMENTS = '333333333333'
const OTHER = '444444444444'

function problemsOf(text: string): string[] {
  try {
    loadPolicy(text, 'p.yml')
  } catch (e) {
    if (e instanceof PolicyError) return e.problems.map(p => `${p.line}:${p.column}: ${p.message}`)
    throw e
  }
  return []
}

describe('loadPolicy: account-overrides', () => {
  it('resolves each override with only the settings it writes, its reason and its line', () => {
    const p = fixture()
    expect(p.accountOverrides).toEqual([
      {
        index: 0,
        accounts: [SANDBOX, SANDBOX_2],
        reason: 'Sandbox accounts',
        failOnSeverity: 'critical',
        rules: {
          'access-key-rotation': { params: { 'max-age-days': 180 } },
          'console-and-access-keys': { enabled: false, params: {} }
        },
        line: 9
      },
      {
        index: 1,
        accounts: [PAYMENTS],
        reason: 'Payments: stricter.',
        // Empty rule entries (`password-rotation:`, `root-recent-use: {}`) set nothing.
        rules: { 'unused-access-key': { severity: 'high', params: { 'max-unused-days': 30 } } },
        line: 15
      }
    ])
    expect(p.accountOverrides?.[1]).not.toHaveProperty('failOnSeverity')
  })

  it('leaves the top-level settings as they are', () => {
    const p = fixture()
    const withoutOverrides = loadPolicy(
      fixtureText.slice(0, fixtureText.indexOf('account-overrides:')),
      FIXTURE
    )
    expect(p.failOnSeverity).toBe('high')
    expect(p.rules).toEqual(withoutOverrides.rules)
    expect(p.exemptions).toEqual([])
  })

  it('records the position of every node of an override', () => {
    const p = fixture()
    const at = (pointer: string) => p.positions.get(pointer)
    expect(at('/account-overrides')).toEqual({ line: 8, column: 1 })
    expect(at('/account-overrides/0')).toEqual({ line: 9, column: 5 })
    expect(at('/account-overrides/0/accounts')).toEqual({ line: 9, column: 5 })
    expect(at('/account-overrides/0/accounts/1')).toEqual({ line: 9, column: 32 })
    expect(at('/account-overrides/0/reason')).toEqual({ line: 10, column: 5 })
    expect(at('/account-overrides/0/fail-on-severity')).toEqual({ line: 11, column: 5 })
    expect(at('/account-overrides/0/rules/access-key-rotation')).toEqual({ line: 13, column: 7 })
    expect(at('/account-overrides/0/rules/access-key-rotation/max-age-days')).toEqual({
      line: 13,
      column: 30
    })
    expect(at('/account-overrides/0/rules/console-and-access-keys/enabled')).toEqual({
      line: 14,
      column: 34
    })
    expect(at('/account-overrides/1')).toEqual({ line: 15, column: 5 })
    expect(at('/account-overrides/1/rules/unused-access-key/max-unused-days')).toEqual({
      line: 21,
      column: 9
    })
  })

  it('treats an empty account-overrides as none', () => {
    expect(loadPolicy('version: 1\naccount-overrides:\n', 'p.yml').accountOverrides).toEqual([])
    expect(loadPolicy('version: 1\naccount-overrides: []\n', 'p.yml').accountOverrides).toEqual([])
  })

  it('accepts every fail-on-severity and a rule setting of every kind', () => {
    for (const s of FAIL_ON_SEVERITIES) {
      const text = `version: 1\naccount-overrides:\n  - accounts: ["${SANDBOX}"]\n    reason: x\n    fail-on-severity: ${s}\n`
      expect(loadPolicy(text, 'p.yml').accountOverrides?.[0]?.failOnSeverity).toBe(s)
    }
    const text = `version: 1
account-overrides:
  - accounts: ["${SANDBOX}"]
    reason: x
    rules:
      password-policy: { enabled: true, severity: low, min-length: 20, reuse-prevention: 5 }
`
    expect(loadPolicy(text, 'p.yml').accountOverrides?.[0]?.rules).toEqual({
      'password-policy': {
        enabled: true,
        severity: 'low',
        params: { 'min-length': 20, 'reuse-prevention': 5 }
      }
    })
  })

  it('points at the offending node of an override, with a did-you-mean', () => {
    expect(
      problemsOf(`version: 1
account-overrides:
  - accounts: ["${SANDBOX}"]
    reasn: x
    rules:
      acess-key-rotation: { max-age-days: 180 }
      unused-access-key: { max-unused-day: 10 }
`)
    ).toEqual([
      "4:5: unknown key 'reasn' in account-overrides[0]: did you mean 'reason'? Valid keys: accounts, reason, fail-on-severity, rules",
      "6:7: unknown rule 'acess-key-rotation' under account-overrides[0].rules: did you mean 'access-key-rotation'?",
      "7:28: unknown key 'max-unused-day' in account-overrides[0].rules.unused-access-key: did you mean 'max-unused-days'? Valid keys: enabled, severity, max-unused-days"
    ])
  })

  it('rejects an account written as a number, with the quoted form to write', () => {
    expect(
      problemsOf(
        'version: 1\naccount-overrides:\n  - accounts: [012345678901]\n    reason: x\n    fail-on-severity: low\n'
      )
    ).toEqual([
      '3:16: account-overrides[0].accounts[0] must be a 12-digit AWS account id (a string), got 12345678901: write it in quotes, "012345678901"'
    ])
  })

  it('rejects an account listed in two overrides, at the second one', () => {
    expect(
      problemsOf(`version: 1
account-overrides:
  - accounts: ["${SANDBOX}"]
    reason: a
    fail-on-severity: critical
  - accounts: ["${PAYMENTS}", "${SANDBOX}"]
    reason: b
    fail-on-severity: low
`)
    ).toEqual([
      `6:32: account-overrides[1].accounts[1]: account "${SANDBOX}" is already in account-overrides[0]: an account may be in one override only, so move the settings it needs into one of them`
    ])
  })

  it('requires accounts and a reason', () => {
    expect(problemsOf('version: 1\naccount-overrides:\n  - fail-on-severity: low\n')).toEqual([
      `3:5: account-overrides[0] is missing 'accounts': list the 12-digit account ids it applies to, in quotes, e.g. accounts: ["123456789012"]`,
      `3:5: account-overrides[0] is missing 'reason': say why these accounts have different settings, e.g. reason: "Sandbox accounts, no production data"`
    ])
  })
})

describe('policyForAccount', () => {
  it('returns the policy itself for an account in no override, for null, and without overrides', () => {
    const p = fixture()
    expect(policyForAccount(p, OTHER)).toBe(p)
    expect(policyForAccount(p, null)).toBe(p)
    const d = defaultPolicy()
    expect(policyForAccount(d, SANDBOX)).toBe(d)
    const { accountOverrides: _none, ...handMade } = d
    expect(policyForAccount(handMade, SANDBOX)).toBe(handMade)
  })

  it("lays the override's settings over the top-level ones, key by key", () => {
    const p = fixture()
    const sandbox = policyForAccount(p, SANDBOX)
    expect(sandbox.failOnSeverity).toBe('critical')
    expect(sandbox.rules['access-key-rotation']).toEqual({
      ...p.rules['access-key-rotation'],
      params: { 'max-age-days': 180 }
    })
    // Disabled; keeps the top-level severity medium.
    expect(sandbox.rules['console-and-access-keys']).toEqual({
      ...p.rules['console-and-access-keys'],
      enabled: false
    })
    expect(p.rules['console-and-access-keys']?.severity).toBe('medium')
    expect(sandbox.rules['console-and-access-keys']?.severity).toBe('medium')
    for (const id of RULE_IDS) {
      if (id === 'access-key-rotation' || id === 'console-and-access-keys') continue
      // Rules the override does not write are the very same objects.
      expect(sandbox.rules[id]).toBe(p.rules[id])
    }
    expect(policyForAccount(p, SANDBOX_2)).toEqual(sandbox)
  })

  it('keeps the top-level fail-on-severity when the override does not set it', () => {
    const p = fixture()
    const payments = policyForAccount(p, PAYMENTS)
    expect(payments.failOnSeverity).toBe('high')
    expect(payments.rules['unused-access-key']).toEqual({
      enabled: p.rules['unused-access-key']?.enabled,
      severity: 'high',
      params: { 'max-unused-days': 30 }
    })
    expect(payments.rules['access-key-rotation']).toBe(p.rules['access-key-rotation'])
  })

  it('keeps source, exemptions, positions and the overrides, and does not change the policy', () => {
    const p = fixture()
    const before = JSON.stringify({ ...p, positions: [...p.positions] })
    const sandbox = policyForAccount(p, SANDBOX)
    expect(sandbox.source).toBe(p.source)
    expect(sandbox.exemptions).toBe(p.exemptions)
    expect(sandbox.positions).toBe(p.positions)
    expect(sandbox.accountOverrides).toBe(p.accountOverrides)
    expect(sandbox.version).toBe(1)
    expect(JSON.stringify({ ...p, positions: [...p.positions] })).toBe(before)
  })

  it('applies overrides of a hand-built policy in order, the later winning, and ignores unknown rules', () => {
    const p = defaultPolicy()
    const o = (index: number, rest: Partial<AccountOverride>): AccountOverride => ({
      index,
      accounts: [SANDBOX],
      reason: 'x',
      rules: {},
      line: 0,
      ...rest
    })
    const handMade: Policy = {
      ...p,
      accountOverrides: [
        o(0, {
          failOnSeverity: 'low',
          rules: { 'access-key-rotation': { severity: 'low', params: { 'max-age-days': 10 } } }
        }),
        o(1, {
          failOnSeverity: 'none',
          rules: {
            'access-key-rotation': { params: { 'max-age-days': 20 } },
            'no-such-rule': { enabled: true, params: {} }
          }
        })
      ]
    }
    const e = policyForAccount(handMade, SANDBOX)
    expect(e.failOnSeverity).toBe('none')
    expect(e.rules['access-key-rotation']).toEqual({
      enabled: true,
      severity: 'low',
      params: { 'max-age-days': 20 }
    })
    expect(e.rules).not.toHaveProperty('no-such-rule')
    expect(overridesForAccount(handMade, SANDBOX).map(x => x.index)).toEqual([0, 1])
    expect(overridesForAccount(handMade, OTHER)).toEqual([])
  })

  it('is what loading a policy with the override folded into the top level gives', () => {
    // Property: for any override, the effective policy equals the top level rewritten.
    const setting = fc.record(
      {
        enabled: fc.boolean(),
        severity: fc.constantFrom(...SEVERITIES),
        'max-age-days': fc.integer({ min: 1, max: 400 })
      },
      { requiredKeys: [] }
    )
    fc.assert(
      fc.property(
        setting,
        setting,
        fc.option(fc.constantFrom(...FAIL_ON_SEVERITIES), { nil: undefined }),
        (top, over, failOn) => {
          const override = {
            accounts: [SANDBOX],
            reason: 'x',
            ...(failOn ? { 'fail-on-severity': failOn } : {}),
            rules: { 'access-key-rotation': over }
          }
          const sets = failOn !== undefined || Object.keys(over).length > 0
          const text = JSON.stringify({
            version: 1,
            rules: { 'access-key-rotation': top },
            ...(sets ? { 'account-overrides': [override] } : {})
          })
          const folded = JSON.stringify({
            version: 1,
            ...(failOn ? { 'fail-on-severity': failOn } : {}),
            rules: { 'access-key-rotation': { ...top, ...over } }
          })
          const effective = policyForAccount(loadPolicy(text, 'p.yml'), SANDBOX)
          const expected = loadPolicy(folded, 'p.yml')
          expect(effective.rules).toEqual(expected.rules)
          expect(effective.failOnSeverity).toBe(expected.failOnSeverity)
        }
      ),
      { numRuns: 200 }
    )
  })

  // How fast this is belongs in the benchmarks, not here: tests assert no wall-clock time.
  it('finds each of 10,000 accounts its override among 100, or none', () => {
    const accounts = Array.from({ length: 10_000 }, (_, i) => String(100000000000 + i))
    const overrides: AccountOverride[] = Array.from({ length: 100 }, (_, i) => ({
      index: i,
      accounts: accounts.slice(i * 50, i * 50 + 50),
      reason: 'x',
      failOnSeverity: 'critical',
      rules: { 'access-key-rotation': { params: { 'max-age-days': 180 } } },
      line: 0
    }))
    const p: Policy = { ...defaultPolicy(), accountOverrides: overrides }
    let overridden = 0
    accounts.forEach((a, i) => {
      const effective = policyForAccount(p, a)
      if (effective === p) return
      overridden++
      // Accounts 0-4,999 are in override floor(i / 50), 50 to each.
      expect(effective.failOnSeverity).toBe('critical')
      expect(effective.rules['access-key-rotation']?.params).toEqual({ 'max-age-days': 180 })
      expect(i).toBeLessThan(5000)
    })
    expect(overridden).toBe(5000)
  })
})

describe('withFailOnSeverity', () => {
  it('sets the threshold at the top level and in every override', () => {
    const p = fixture()
    const q = withFailOnSeverity(p, 'low')
    expect(q.failOnSeverity).toBe('low')
    expect(policyForAccount(q, SANDBOX).failOnSeverity).toBe('low')
    expect(policyForAccount(q, PAYMENTS).failOnSeverity).toBe('low')
    // Rule settings of the overrides still apply.
    expect(policyForAccount(q, SANDBOX).rules['access-key-rotation']?.params).toEqual({
      'max-age-days': 180
    })
    expect(q.accountOverrides?.[1]).toBe(p.accountOverrides?.[1])
    expect(p.accountOverrides?.[0]?.failOnSeverity).toBe('critical')
    const d = defaultPolicy()
    expect(withFailOnSeverity(d, 'none')).toEqual({ ...d, failOnSeverity: 'none' })
  })
})
