import { loadPolicy } from '../../src/policy/load.js'
import { exemptionMatches } from '../../src/policy/match.js'
import type { Exemption } from '../../src/policy/types.js'

function exemption(over: Partial<Exemption>): Exemption {
  return {
    index: 0,
    rules: ['*'],
    users: null,
    arns: null,
    accounts: null,
    reason: 'r',
    expires: '2027-03-31',
    expiresAt: Date.parse('2027-04-01T00:00:00Z'),
    line: 1,
    ...over
  }
}

const ACCOUNT = '123456789012'
const finding = (user: string, ruleId = 'access-key-rotation', path = '/') => ({
  ruleId,
  user,
  arn: `arn:aws:iam::${ACCOUNT}:user${path}${user}`
})

describe('exemptionMatches', () => {
  it('matches the listed rules, or every rule with "*"', () => {
    const some = exemption({ rules: ['unused-access-key', 'access-key-rotation'], users: ['*'] })
    expect(exemptionMatches(some, finding('alice', 'access-key-rotation'), ACCOUNT)).toBe(true)
    expect(exemptionMatches(some, finding('alice', 'unused-access-key'), ACCOUNT)).toBe(true)
    expect(exemptionMatches(some, finding('alice', 'console-user-mfa'), ACCOUNT)).toBe(false)
    const all = exemption({ rules: ['*'], users: ['alice'] })
    expect(exemptionMatches(all, finding('alice', 'console-user-mfa'), ACCOUNT)).toBe(true)
  })

  it.each([
    [['svc-legacy-*'], 'svc-legacy-etl', true],
    [['svc-legacy-*'], 'svc-legacy-', true],
    [['svc-legacy-*'], 'svc-legacy', false],
    [['svc-legacy-*'], 'SVC-LEGACY-ETL', false],
    [['*'], '.hidden', true],
    [['.x*'], '.xy', true],
    [['alice', 'bob'], 'bob', true],
    [['alice', 'bob'], 'carol', false],
    [['ci-?'], 'ci-1', true],
    [['ci-?'], 'ci-12', false],
    [['ci-[0-9]'], 'ci-7', true],
    [['{alice,bob}'], 'bob', true],
    [['<root_account>'], '<root_account>', true],
    [['user+tag@example.com'], 'user+tag@example.com', true],
    [['a,b=c'], 'a,b=c', true]
  ])('user globs %j on %s: %s', (users, user, expected) => {
    expect(exemptionMatches(exemption({ users }), finding(user), ACCOUNT)).toBe(expected)
  })

  it.each([
    [['arn:aws:iam::*:user/break-glass/*'], 'arn:aws:iam::123456789012:user/break-glass/ops', true],
    [['arn:aws:iam::*:user/break-glass/*'], 'arn:aws:iam::123456789012:user/ops', false],
    [['arn:aws:iam::*:user/*'], 'arn:aws:iam::123456789012:user/a/b/c', true],
    [['arn:aws:iam::123456789012:*'], 'arn:aws:iam::123456789012:root', true],
    [['arn:aws:iam::999999999999:*'], 'arn:aws:iam::123456789012:root', false],
    [['arn:*:iam::*:user/svc-*'], 'arn:aws-us-gov:iam::123456789012:user/svc-a', true],
    [['*:root'], 'arn:aws:iam::123456789012:root', true]
  ])('ARN globs %j on %s: %s', (arns, arn, expected) => {
    const f = { ruleId: 'x', user: 'whoever', arn }
    expect(exemptionMatches(exemption({ arns }), f, ACCOUNT)).toBe(expected)
  })

  it('user globs look at the user, ARN globs at the ARN', () => {
    const byArn = exemption({ arns: ['*'] })
    expect(
      exemptionMatches(byArn, { ruleId: 'x', user: '', arn: 'arn:aws:iam::1:root' }, null)
    ).toBe(true)
    const byUser = exemption({ users: ['arn*'] })
    expect(exemptionMatches(byUser, finding('alice'), ACCOUNT)).toBe(false)
  })

  it('limits to the listed accounts, and never applies them when the account is unknown', () => {
    const limited = exemption({ users: ['*'], accounts: [ACCOUNT, '012345678901'] })
    expect(exemptionMatches(limited, finding('alice'), ACCOUNT)).toBe(true)
    expect(exemptionMatches(limited, finding('alice'), '012345678901')).toBe(true)
    expect(exemptionMatches(limited, finding('alice'), '999999999999')).toBe(false)
    expect(exemptionMatches(limited, finding('alice'), null)).toBe(false)
    const everywhere = exemption({ users: ['*'] })
    expect(exemptionMatches(everywhere, finding('alice'), null)).toBe(true)
  })

  it('gives the same answers on repeated calls (matchers are cached per exemption)', () => {
    const e = exemption({ users: ['svc-*'] })
    for (let i = 0; i < 3; i++) {
      expect(exemptionMatches(e, finding('svc-a'), ACCOUNT)).toBe(true)
      expect(exemptionMatches(e, finding('bob'), ACCOUNT)).toBe(false)
    }
    // A different exemption object gets its own matcher.
    const other = { ...e, users: ['bob'] }
    expect(exemptionMatches(other, finding('bob'), ACCOUNT)).toBe(true)
    expect(exemptionMatches(e, finding('bob'), ACCOUNT)).toBe(false)
  })

  it('never matches with a glob that does not compile (built by hand, not loaded)', () => {
    expect(exemptionMatches(exemption({ users: ['svc-[x'] }), finding('svc-[x'), ACCOUNT)).toBe(
      false
    )
    expect(exemptionMatches(exemption({ users: ['svc-[x', 'bob'] }), finding('bob'), ACCOUNT)).toBe(
      true
    )
  })

  it('works on exemptions from a loaded policy', () => {
    const p = loadPolicy(
      [
        'version: 1',
        'exemptions:',
        '  - rules: [unused-access-key]',
        '    users: ["svc-legacy-*"]',
        '    reason: "Batch user, replaced by OIDC federation in SEC-142"',
        '    expires: 2027-03-31',
        '    accounts: ["123456789012"]',
        ''
      ].join('\n'),
      'p.yml'
    )
    const [e] = p.exemptions
    if (!e) throw new Error('no exemption')
    expect(exemptionMatches(e, finding('svc-legacy-etl', 'unused-access-key'), ACCOUNT)).toBe(true)
    expect(exemptionMatches(e, finding('svc-legacy-etl', 'access-key-rotation'), ACCOUNT)).toBe(
      false
    )
  })
})
