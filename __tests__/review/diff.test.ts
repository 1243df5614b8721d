import { defaultPolicy, loadPolicy } from '../../src/policy/load.js'
import type { Policy } from '../../src/policy/types.js'
import type { PolicyChange } from '../../src/review/diff.js'
import {
  CHANGE_KINDS,
  diffPolicies,
  exemptionDaysLeft,
  gateStrictness,
  pairExemptions,
  selectsEveryUser
} from '../../src/review/diff.js'
import { positionOf } from '../../src/policy/position.js'

const NOW = Date.parse('2026-11-22T09:30:00Z')
const OPTIONS = { now: NOW, maxExemptionDays: 90 }

const policy = (text: string, file = 'policy.yml'): Policy => loadPolicy(text, file)

/** The base every test edits. Line numbers matter: see the comments. */
const BASE = `version: 1
fail-on-severity: high
rules:
  access-key-rotation:
    max-age-days: 90
    severity: medium
  unused-access-key:
    max-unused-days: 30
  password-rotation:
    enabled: true
  console-user-mfa:
    severity: high
exemptions:
  - rules: [access-key-rotation]
    users: [svc-legacy]
    reason: Batch user, replaced in SEC-142
    expires: 2026-12-31
`
// line 1 version, 2 fail-on-severity, 3 rules, 4 access-key-rotation, 5 max-age-days,
// 6 severity, 7 unused-access-key, 8 max-unused-days, 9 password-rotation, 10 enabled,
// 11 console-user-mfa, 12 severity, 13 exemptions, 14 "- rules" (column 5), 15-17.

const diff = (head: string, base = BASE, options = OPTIONS): PolicyChange[] =>
  diffPolicies(policy(base, 'base.yml'), policy(head), options)

/** The fields a reviewer sees, without the message. */
const brief = (c: PolicyChange) => ({
  kind: c.kind,
  effect: c.effect,
  line: c.line,
  column: c.column
})

describe('diffPolicies: nothing enforced changed', () => {
  it('gives no change for the same policy', () => {
    expect(diff(BASE)).toEqual([])
  })

  it('gives no change for comments, formatting, flow style and key order', () => {
    const head = `# Reformatted.
version: 1
rules:
  console-user-mfa: { severity: high }
  password-rotation: {enabled: true}
  unused-access-key:
    max-unused-days: 30   # CIS says 45; we are stricter
  access-key-rotation:
    severity: medium
    max-age-days: 90
fail-on-severity: high
exemptions:
  - expires: "2026-12-31"
    reason: Batch user, replaced in SEC-142
    users: ["svc-legacy"]
    rules: [access-key-rotation]
`
    expect(diff(head)).toEqual([])
  })

  it('gives no change for exemptions that only moved', () => {
    const two = `version: 1
exemptions:
  - rules: [access-key-rotation]
    users: [a]
    reason: r
    expires: 2026-12-31
  - rules: [unused-access-key]
    users: [b]
    reason: r
    expires: 2026-12-31
`
    const swapped = `version: 1
exemptions:
  - rules: [unused-access-key]
    users: [b]
    reason: r
    expires: 2026-12-31
  - rules: [access-key-rotation]
    users: [a]
    reason: r
    expires: 2026-12-31
`
    expect(diff(swapped, two)).toEqual([])
  })

  it('writing a default out explicitly changes nothing', () => {
    expect(
      diff(
        'version: 1\nfail-on-severity: high\nrules:\n  user-mfa:\n    enabled: false\n',
        'version: 1\n'
      )
    ).toEqual([])
  })

  it('ignores severity and thresholds of a rule that stays disabled', () => {
    const base = 'version: 1\nrules:\n  user-mfa:\n    enabled: false\n    severity: high\n'
    const head = 'version: 1\nrules:\n  user-mfa:\n    enabled: false\n    severity: low\n'
    expect(diff(head, base)).toEqual([])
  })
})

describe('diffPolicies: rules', () => {
  it('rule disabled: a warning-level change on the enabled line', () => {
    const head = BASE.replace(
      '    max-unused-days: 30\n',
      '    max-unused-days: 30\n    enabled: false\n'
    )
    const changes = diff(head)
    expect(changes.map(brief)).toEqual([
      { kind: 'rule-disabled', effect: 'weakens', line: 9, column: 5 }
    ])
    expect(changes[0]).toMatchObject({
      ruleId: 'unused-access-key',
      pointer: '/rules/unused-access-key/enabled',
      message: 'rule unused-access-key disabled: none of its findings are reported any more'
    })
    expect(changes[0]?.usesDefault).toBeUndefined()
  })

  it('rule enabled: tightens, with the settings it runs with', () => {
    const head = BASE.replace(
      '  console-user-mfa:\n',
      '  user-mfa:\n    enabled: true\n  console-user-mfa:\n'
    )
    const changes = diff(head)
    expect(changes.map(brief)).toEqual([
      { kind: 'rule-enabled', effect: 'tightens', line: 12, column: 5 }
    ])
    expect(changes[0]?.message).toBe(
      'rule user-mfa enabled (severity medium): its findings are now reported'
    )
  })

  it('rule disabled by removing the block that enabled an opt-in rule: at the parent, default noted', () => {
    const head = BASE.replace('  password-rotation:\n    enabled: true\n', '')
    const changes = diff(head)
    expect(changes.map(brief)).toEqual([
      // /rules/password-rotation is gone; /rules (line 3) holds it.
      { kind: 'rule-disabled', effect: 'weakens', line: 3, column: 1 }
    ])
    expect(changes[0]).toMatchObject({
      usesDefault: true,
      message:
        'rule password-rotation disabled (the key was removed; the default applies): none of its findings are reported any more'
    })
  })

  it('severity lowered: weakens, at the severity line', () => {
    const head = BASE.replace('    severity: medium\n', '    severity: low\n')
    const changes = diff(head)
    expect(changes.map(brief)).toEqual([
      { kind: 'severity-lowered', effect: 'weakens', line: 6, column: 5 }
    ])
    expect(changes[0]?.message).toBe('rule access-key-rotation severity lowered from medium to low')
  })

  it('severity lowered below fail-on-severity says the findings no longer fail the gate', () => {
    const head = BASE.replace(
      '  console-user-mfa:\n    severity: high\n',
      '  console-user-mfa:\n    severity: medium\n'
    )
    expect(diff(head)).toEqual([
      expect.objectContaining({
        kind: 'severity-lowered',
        effect: 'weakens',
        line: 12,
        message:
          'rule console-user-mfa severity lowered from high to medium: its findings no longer fail the gate (fail-on-severity high)'
      })
    ])
  })

  it('severity raised: tightens; crossing the gate says so', () => {
    const head = BASE.replace('    severity: medium\n', '    severity: critical\n')
    expect(diff(head)).toEqual([
      expect.objectContaining({
        kind: 'severity-raised',
        effect: 'tightens',
        line: 6,
        column: 5,
        message:
          'rule access-key-rotation severity raised from medium to critical: its findings now fail the gate (fail-on-severity high)'
      })
    ])
  })

  it('severity reset to the default by removing the key: at the rule, default noted', () => {
    const head = BASE.replace('  console-user-mfa:\n    severity: high\n', '')
    // console-user-mfa defaults to high: nothing changes.
    expect(diff(head)).toEqual([])
    const lowered = BASE.replace('    severity: medium\n', '')
    // access-key-rotation defaults to medium: nothing changes either.
    expect(diff(lowered)).toEqual([])
    const base = BASE.replace('    severity: medium\n', '    severity: high\n')
    const changes = diff(BASE.replace('    severity: medium\n', ''), base)
    expect(changes.map(brief)).toEqual([
      { kind: 'severity-lowered', effect: 'weakens', line: 4, column: 3 }
    ])
    expect(changes[0]).toMatchObject({
      usesDefault: true,
      message:
        'rule access-key-rotation severity lowered from high to medium (the key was removed; the default applies): its findings no longer fail the gate (fail-on-severity high)'
    })
  })
})

describe('diffPolicies: thresholds', () => {
  it('max-age-days 90 → 365 is loosened (higher is looser), at its line', () => {
    const changes = diff(BASE.replace('max-age-days: 90', 'max-age-days: 365'))
    expect(changes.map(brief)).toEqual([
      { kind: 'threshold-loosened', effect: 'weakens', line: 5, column: 5 }
    ])
    expect(changes[0]).toMatchObject({
      ruleId: 'access-key-rotation',
      pointer: '/rules/access-key-rotation/max-age-days',
      message: 'rule access-key-rotation max-age-days loosened from 90 to 365: fewer findings'
    })
  })

  it('max-age-days 90 → 30 is tightened', () => {
    expect(diff(BASE.replace('max-age-days: 90', 'max-age-days: 30')).map(brief)).toEqual([
      { kind: 'threshold-tightened', effect: 'tightens', line: 5, column: 5 }
    ])
  })

  it('removing a key falls back to the default: 30 → 45 is loosened, at the rule key', () => {
    const changes = diff(BASE.replace('    max-unused-days: 30\n', ''))
    expect(changes.map(brief)).toEqual([
      { kind: 'threshold-loosened', effect: 'weakens', line: 7, column: 3 }
    ])
    expect(changes[0]).toMatchObject({
      usesDefault: true,
      pointer: '/rules/unused-access-key/max-unused-days',
      message:
        'rule unused-access-key max-unused-days loosened from 30 to 45 (the key was removed; the default applies): fewer findings'
    })
  })

  it('removing the whole rules section falls back to line 1 for every reset', () => {
    const head =
      'version: 1\nfail-on-severity: high\nexemptions:\n  - rules: [access-key-rotation]\n    users: [svc-legacy]\n    reason: Batch user, replaced in SEC-142\n    expires: 2026-12-31\n'
    const changes = diff(head)
    expect(changes.map(c => [c.kind, c.line, c.ruleId])).toEqual([
      ['threshold-loosened', 1, 'unused-access-key'],
      ['rule-disabled', 1, 'password-rotation']
    ])
  })

  it.each([
    ['password-policy', 'min-length', 14, 8, 'threshold-loosened'],
    ['password-policy', 'min-length', 14, 20, 'threshold-tightened'],
    ['password-policy', 'reuse-prevention', 24, 5, 'threshold-loosened'],
    ['root-recent-use', 'window-days', 30, 7, 'threshold-loosened'],
    ['initial-setup-access-key', 'tolerance-seconds', 10, 2, 'threshold-loosened'],
    ['single-active-access-key', 'grace-days', 1, 30, 'threshold-loosened'],
    ['unused-password', 'max-unused-days', 45, 90, 'threshold-loosened']
  ])('%s %s %i → %i: %s (looserWhen from the catalog)', (rule, param, from, to, kind) => {
    const text = (n: number) => `version: 1\nrules:\n  ${rule}:\n    ${param}: ${n}\n`
    expect(diff(text(to), text(from)).map(brief)).toEqual([
      {
        kind,
        effect: kind === 'threshold-loosened' ? 'weakens' : 'tightens',
        line: 4,
        column: 5
      }
    ])
  })

  it('a newly enabled rule reports its thresholds in the enable change, not as threshold changes', () => {
    const base = 'version: 1\n'
    const head =
      'version: 1\nrules:\n  password-rotation:\n    enabled: true\n    max-age-days: 365\n'
    expect(diff(head, base)).toEqual([
      expect.objectContaining({
        kind: 'rule-enabled',
        line: 4,
        message:
          'rule password-rotation enabled (severity low, max-age-days 365): its findings are now reported'
      })
    ])
  })
})

describe('diffPolicies: fail-on-severity', () => {
  it('strictness: none < critical < high < medium < low', () => {
    expect(
      ['none', 'critical', 'high', 'medium', 'low'].map(s => gateStrictness(s as never))
    ).toEqual([0, 1, 2, 3, 4])
  })

  it.each([
    ['critical', 'fail-on-severity-loosened', 'weakens', 'fewer findings fail the gate'],
    ['none', 'fail-on-severity-loosened', 'weakens', 'no finding fails the gate any more'],
    ['medium', 'fail-on-severity-tightened', 'tightens', 'more findings fail the gate'],
    ['low', 'fail-on-severity-tightened', 'tightens', 'more findings fail the gate']
  ])('high → %s: %s', (to, kind, effect, phrase) => {
    const changes = diff(BASE.replace('fail-on-severity: high', `fail-on-severity: ${to}`))
    expect(changes.map(brief)).toEqual([{ kind, effect, line: 2, column: 1 }])
    expect(changes[0]?.message).toBe(`fail-on-severity changed from high to ${to}: ${phrase}`)
  })

  it('removing fail-on-severity: medium falls back to high (loosened), at line 1', () => {
    const base = BASE.replace('fail-on-severity: high', 'fail-on-severity: medium')
    const changes = diff(BASE.replace('fail-on-severity: high\n', ''), base)
    expect(changes.map(brief)).toEqual([
      { kind: 'fail-on-severity-loosened', effect: 'weakens', line: 1, column: 1 }
    ])
    expect(changes[0]).toMatchObject({
      usesDefault: true,
      message:
        'fail-on-severity changed from medium to high (the key was removed; the default applies): fewer findings fail the gate'
    })
  })
})

describe('diffPolicies: exemptions', () => {
  const EXEMPTION = `  - rules: [access-key-rotation]
    users: [svc-legacy]
    reason: Batch user, replaced in SEC-142
    expires: 2026-12-31
`
  const withExemptions = (...items: string[]) =>
    BASE.slice(0, BASE.indexOf('exemptions:\n') + 'exemptions:\n'.length) + items.join('')

  it('exemption added: weakens, at its list item (line and column of its first key)', () => {
    const added = `  - rules: [unused-access-key]
    users: [ci-bot]
    reason: Rotating in SEC-200
    expires: 2027-01-15
`
    const changes = diff(withExemptions(EXEMPTION, added))
    expect(changes.map(brief)).toEqual([
      { kind: 'exemption-added', effect: 'weakens', line: 18, column: 5 }
    ])
    expect(changes[0]).toMatchObject({
      exemption: 1,
      pointer: '/exemptions/1',
      message:
        'exemption 2 (rules unused-access-key; users ci-bot) added until 2027-01-15: the findings it matches no longer count toward the gate'
    })
  })

  it('an exemption added already expired has no effect: neutral', () => {
    const added = `  - rules: [unused-access-key]
    users: [ci-bot]
    reason: r
    expires: 2026-11-21
`
    const changes = diff(withExemptions(EXEMPTION, added))
    expect(changes.map(brief)).toEqual([
      { kind: 'exemption-added', effect: 'neutral', line: 18, column: 5 }
    ])
    expect(changes[0]?.message).toContain('it expired on 2026-11-21, so it has no effect')
  })

  it('an exemption that ends today is still live (its last day)', () => {
    const added = `  - rules: [unused-access-key]\n    users: [x]\n    reason: r\n    expires: 2026-11-22\n`
    expect(diff(withExemptions(EXEMPTION, added))[0]?.effect).toBe('weakens')
  })

  it('exemption removed: tightens, at the exemptions key', () => {
    const base = withExemptions(
      EXEMPTION,
      `  - rules: [unused-access-key]\n    users: [ci-bot]\n    reason: r\n    expires: 2027-01-15\n`
    )
    const changes = diff(withExemptions(EXEMPTION), base)
    expect(changes.map(brief)).toEqual([
      { kind: 'exemption-removed', effect: 'tightens', line: 13, column: 1 }
    ])
    expect(changes[0]).toMatchObject({
      baseExemption: 1,
      message:
        'exemption 2 of the base policy (rules unused-access-key; users ci-bot) removed: the findings it matched count toward the gate again'
    })
    expect(changes[0]?.exemption).toBeUndefined()
  })

  it('removing every exemption (and the key) points at line 1; an expired one is neutral', () => {
    const base = withExemptions(
      EXEMPTION,
      `  - rules: [unused-access-key]\n    users: [old]\n    reason: r\n    expires: 2026-01-01\n`
    )
    const head = BASE.slice(0, BASE.indexOf('exemptions:\n'))
    expect(diff(head, base).map(brief)).toEqual([
      { kind: 'exemption-removed', effect: 'tightens', line: 1, column: 1 },
      { kind: 'exemption-removed', effect: 'neutral', line: 1, column: 1 }
    ])
  })

  it.each([
    [
      'a user added',
      EXEMPTION.replace('[svc-legacy]', '[svc-legacy, svc-batch]'),
      'users svc-legacy, svc-batch) widened: user:svc-batch added'
    ],
    [
      'a rule added',
      EXEMPTION.replace('[access-key-rotation]', '[access-key-rotation, unused-access-key]'),
      'widened: rule unused-access-key added'
    ],
    [
      'the expiry extended',
      EXEMPTION.replace('2026-12-31', '2027-01-31'),
      'widened: expiry extended from 2026-12-31 to 2027-01-31'
    ],
    [
      'rules: ["*"] instead of one rule',
      EXEMPTION.replace('[access-key-rotation]', '["*"]'),
      // "*" covers the rule it replaces: nothing is narrowed.
      'widened: rule * added'
    ],
    [
      'a glob instead of a name',
      EXEMPTION.replace('[svc-legacy]', '["svc-*"]'),
      'widened: user:svc-* added'
    ],
    [
      'the account limit dropped',
      EXEMPTION.replace('    reason:', '    reason:'),
      'widened: now applies to every account'
    ]
  ])('exemption widened (%s): weakens, at the exemption', (_, edited, message) => {
    const base =
      message === 'widened: now applies to every account'
        ? withExemptions(EXEMPTION + '    accounts: ["123456789012"]\n')
        : BASE
    const changes = diff(withExemptions(edited), base)
    expect(changes.map(brief)[0]).toEqual({
      kind: 'exemption-widened',
      effect: 'weakens',
      line: 14,
      column: 5
    })
    expect(changes[0]?.message).toContain(message)
    expect(changes[0]).toMatchObject({ exemption: 0, baseExemption: 0 })
  })

  it.each([
    [
      'a user removed',
      EXEMPTION.replace('[svc-legacy]', '[svc-legacy, svc-old]'),
      EXEMPTION,
      'narrowed: user:svc-old removed'
    ],
    [
      'the expiry brought forward',
      EXEMPTION,
      EXEMPTION.replace('2026-12-31', '2026-12-01'),
      'narrowed: expiry brought forward from 2026-12-31 to 2026-12-01'
    ],
    [
      'every rule replaced by one',
      EXEMPTION.replace('[access-key-rotation]', '["*"]'),
      EXEMPTION,
      'narrowed: rule * removed'
    ],
    [
      'a glob replaced by a name it matches',
      EXEMPTION.replace('[svc-legacy]', '["svc-*"]'),
      EXEMPTION,
      'narrowed: user:svc-* removed'
    ],
    [
      'limited to an account',
      EXEMPTION,
      EXEMPTION + '    accounts: ["123456789012"]\n',
      'narrowed: now limited to accounts 123456789012'
    ]
  ])('exemption narrowed (%s): tightens', (_, before, after, message) => {
    const changes = diff(withExemptions(after), withExemptions(before))
    expect(changes.map(brief)).toEqual([
      { kind: 'exemption-narrowed', effect: 'tightens', line: 14, column: 5 }
    ])
    expect(changes[0]?.message).toContain(message)
  })

  it('widened and narrowed at once counts as widened and lists both', () => {
    const changes = diff(
      withExemptions(
        EXEMPTION.replace('[svc-legacy]', '[svc-new]').replace('2026-12-31', '2026-12-01')
      )
    )
    expect(changes.map(brief)).toEqual([
      { kind: 'exemption-widened', effect: 'weakens', line: 14, column: 5 }
    ])
    expect(changes[0]?.message).toBe(
      'exemption 1 (rules access-key-rotation; users svc-new) widened: user:svc-new added; user:svc-legacy removed; expiry brought forward from 2026-12-31 to 2026-12-01'
    )
  })

  it('only the reason changed: neutral exemption-changed', () => {
    const changes = diff(
      withExemptions(EXEMPTION.replace('replaced in SEC-142', 'replaced in SEC-150'))
    )
    expect(changes.map(brief)).toEqual([
      { kind: 'exemption-changed', effect: 'neutral', line: 14, column: 5 }
    ])
  })

  it('an exemption moved and widened names its base number', () => {
    const first = `  - rules: [root-mfa]\n    users: ["<root_account>"]\n    reason: r\n    expires: 2026-12-01\n`
    const changes = diff(
      withExemptions(first, EXEMPTION.replace('2026-12-31', '2027-01-10')),
      withExemptions(EXEMPTION, first)
    )
    expect(changes.map(c => [c.kind, c.line, c.exemption, c.baseExemption])).toEqual([
      ['exemption-widened', 18, 1, 0]
    ])
    expect(changes[0]?.message).toContain(
      'exemption 2 (rules access-key-rotation; users svc-legacy) (was exemption 1) widened'
    )
  })

  it('pairs an edited exemption with the base one it shares most with', () => {
    const base = withExemptions(
      `  - rules: [unused-access-key]\n    users: [a]\n    reason: r\n    expires: 2026-12-31\n`,
      `  - rules: [unused-access-key, access-key-rotation]\n    users: [b, c]\n    reason: r\n    expires: 2026-12-31\n`
    )
    const head = withExemptions(
      `  - rules: [unused-access-key, access-key-rotation]\n    users: [b, c, d]\n    reason: r\n    expires: 2026-12-31\n`
    )
    const { pairs, removed } = pairExemptions(policy(base), policy(head))
    expect(pairs.map(([b, h]) => [b?.index, h.index])).toEqual([[1, 0]])
    expect(removed.map(e => e.index)).toEqual([0])
  })

  describe('flags on exemptions a change adds or widens', () => {
    const added = (selector: string, rules = '[unused-access-key]', expires = '2026-12-31') =>
      withExemptions(
        EXEMPTION,
        `  - rules: ${rules}\n    ${selector}\n    reason: r\n    expires: ${expires}\n`
      )

    it.each([
      ['users: ["*"]', '[unused-access-key]', 'every user'],
      ['users: ["**"]', '[unused-access-key]', 'every user'],
      ['arns: ["arn:aws:iam::*:user/*"]', '[unused-access-key]', 'every user'],
      ['arns: ["arn:*"]', '[unused-access-key]', 'every user'],
      ['users: [ci-bot]', '["*"]', 'every rule (rules: "*")'],
      ['users: ["*"]', '["*"]', 'every rule for every user']
    ])('%s with rules %s exempts %s', (selector, rules, what) => {
      const changes = diff(added(selector, rules))
      expect(changes.map(brief)).toEqual([
        { kind: 'exemption-added', effect: 'weakens', line: 18, column: 5 },
        { kind: 'exemption-wildcard', effect: 'weakens', line: 18, column: 5 }
      ])
      expect(changes[1]?.message).toMatch(
        new RegExp(`exempts ${what.replace(/[()*"]/g, '\\$&')}: name the rules`)
      )
    })

    it.each(['users: ["svc-*"]', 'arns: ["arn:aws:iam::*:user/ci/*"]', 'users: ["?"]'])(
      '%s is not a wildcard for every user',
      selector => {
        expect(diff(added(selector)).map(c => c.kind)).toEqual(['exemption-added'])
      }
    )

    it('an unchanged wildcard exemption is not flagged again', () => {
      const base = added('users: ["*"]', '["*"]')
      expect(diff(base, base)).toEqual([])
    })

    it('an expired wildcard exemption added is not flagged', () => {
      expect(
        diff(added('users: ["*"]', '[unused-access-key]', '2026-01-01')).map(c => c.kind)
      ).toEqual(['exemption-added'])
    })

    it('too long: 90 days from today is allowed, 91 is flagged', () => {
      // NOW is 2026-11-22; 2027-02-20 is 90 days later.
      expect(
        diff(added('users: [x]', '[unused-access-key]', '2027-02-20')).map(c => c.kind)
      ).toEqual(['exemption-added'])
      const changes = diff(added('users: [x]', '[unused-access-key]', '2027-02-21'))
      expect(changes.map(brief)).toEqual([
        { kind: 'exemption-added', effect: 'weakens', line: 18, column: 5 },
        { kind: 'exemption-too-long', effect: 'weakens', line: 18, column: 5 }
      ])
      expect(changes[1]?.message).toBe(
        'exemption 2 (rules unused-access-key; users x) runs until 2027-02-21, 91 days from today, longer than max-exemption-days (90): set an earlier expiry and renew it if still needed'
      )
    })

    it('too long follows max-exemption-days', () => {
      const head = added('users: [x]', '[unused-access-key]', '2026-12-31')
      expect(
        diffPolicies(policy(BASE), policy(head), { now: NOW, maxExemptionDays: 30 }).map(
          c => c.kind
        )
      ).toEqual(['exemption-added', 'exemption-too-long'])
    })

    it('an expiry extended past the limit is flagged on the widened exemption', () => {
      const changes = diff(withExemptions(EXEMPTION.replace('2026-12-31', '2028-01-01')))
      expect(changes.map(c => c.kind)).toEqual(['exemption-widened', 'exemption-too-long'])
    })

    it('a narrowed exemption is not flagged even if long or wild', () => {
      const base = withExemptions(
        EXEMPTION.replace('[svc-legacy]', '["*"]').replace('2026-12-31', '2029-01-01')
      )
      const head = withExemptions(
        EXEMPTION.replace('[svc-legacy]', '["*"]').replace('2026-12-31', '2028-01-01')
      )
      expect(diff(head, base).map(c => c.kind)).toEqual(['exemption-narrowed'])
    })
  })

  it('exemptionDaysLeft counts whole days from today to the last day', () => {
    const p = policy(withExemptions(EXEMPTION))
    const e = p.exemptions[0]!
    expect(exemptionDaysLeft(e, Date.parse('2026-12-31T23:59:59Z'))).toBe(0)
    expect(exemptionDaysLeft(e, Date.parse('2026-12-30T00:00:00Z'))).toBe(1)
    expect(exemptionDaysLeft(e, NOW)).toBe(39)
  })

  it('selectsEveryUser tries user names and ARNs of several shapes', () => {
    const ex = (text: string) =>
      policy(
        `version: 1\nexemptions:\n  - rules: [user-mfa]\n    ${text}\n    reason: r\n    expires: 2027-01-01\n`
      ).exemptions[0]!
    expect(selectsEveryUser(ex('users: ["*"]'))).toBe(true)
    expect(selectsEveryUser(ex('users: ["[a-z]*", "*"]'))).toBe(true)
    expect(selectsEveryUser(ex('users: ["[a-z]*"]'))).toBe(false)
    expect(selectsEveryUser(ex('arns: ["arn:aws*:iam::*"]'))).toBe(true)
    expect(selectsEveryUser(ex('arns: ["arn:aws:iam::*:user/*"]'))).toBe(true)
    expect(selectsEveryUser(ex('arns: ["arn:aws:iam::123456789012:user/*"]'))).toBe(true)
    expect(selectsEveryUser(ex('arns: ["arn:aws:iam::123456789012:user/ci/*"]'))).toBe(false)
    expect(selectsEveryUser(ex('arns: ["arn:aws:iam::123456789012:user/?*"]'))).toBe(true)
  })
})

describe('diffPolicies: against the built-in default', () => {
  it('a new policy file compares against the default', () => {
    const changes = diffPolicies(defaultPolicy(), policy(BASE), OPTIONS)
    expect(changes.map(c => [c.kind, c.effect, c.line])).toEqual([
      ['threshold-tightened', 'tightens', 8],
      ['rule-enabled', 'tightens', 10],
      ['exemption-added', 'weakens', 14]
    ])
  })

  it('a deleted policy file: the default applies, every change at line 1, no file positions', () => {
    const changes = diffPolicies(policy(BASE), defaultPolicy(), OPTIONS)
    expect(changes.map(c => [c.kind, c.effect, c.line, c.column])).toEqual([
      ['threshold-loosened', 'weakens', 1, 1],
      ['rule-disabled', 'weakens', 1, 1],
      ['exemption-removed', 'tightens', 1, 1]
    ])
    expect(changes[1]?.message).toBe(
      'rule password-rotation disabled (the built-in default): none of its findings are reported any more'
    )
  })

  it('covers every change kind somewhere in this file', () => {
    // A guard: a new kind needs a test above (account-override-* in account-overrides.test.ts).
    expect(CHANGE_KINDS).toHaveLength(20)
  })
})

describe('positionOf', () => {
  it('walks up to the nearest key the file has, and line 1 without any', () => {
    const p = policy(BASE)
    expect(positionOf(p, '/rules/access-key-rotation/max-age-days')).toEqual({ line: 5, column: 5 })
    expect(positionOf(p, '/rules/access-key-rotation/nope')).toEqual({ line: 4, column: 3 })
    expect(positionOf(p, '/rules/user-mfa/enabled')).toEqual({ line: 3, column: 1 })
    expect(positionOf(p, '/nope', '/fail-on-severity')).toEqual({ line: 2, column: 1 })
    expect(positionOf(defaultPolicy(), '/rules')).toEqual({ line: 1, column: 1 })
  })
})
