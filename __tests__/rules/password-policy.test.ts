import { readFileSync } from 'node:fs'
import type { AccountFacts, PasswordPolicy } from '../../src/account/types.js'
import { loadPolicy } from '../../src/policy/load.js'
import { passwordPolicy as rule } from '../../src/rules/password-policy.js'
import { ctx, NOW, withDefaults } from '../helpers/rows.js'

const params = withDefaults(rule)

function facts(value: PasswordPolicy | null): AccountFacts {
  return { passwordPolicy: { status: 'known', value } }
}

const check = (value: PasswordPolicy | null, p: Record<string, number> = params) =>
  rule.check(ctx(NOW, p, facts(value)))

describe('password-policy', () => {
  it('no password policy at all is a finding', () => {
    const hits = check(null)
    expect(hits).toHaveLength(1)
    expect(hits[0]!.credential).toBeNull()
    expect(hits[0]!.message).toContain('no IAM password policy')
    expect(hits[0]!.message).toContain('14')
    expect(hits[0]!.message).toContain('24')
  })

  it.each([
    [13, true],
    [14, false],
    [15, false]
  ])('minimum length %d (at least 14): finding %p', (length, fires) => {
    const hits = check({ minimumPasswordLength: length, passwordReusePrevention: 24 })
    expect(hits).toHaveLength(fires ? 1 : 0)
    if (fires)
      expect(hits[0]!.message).toBe(
        'The account password policy sets MinimumPasswordLength to 13 (at least 14 required).'
      )
  })

  it.each([
    [23, true],
    [24, false]
  ])('reuse prevention %d (at least 24): finding %p', (reuse, fires) => {
    const hits = check({ minimumPasswordLength: 14, passwordReusePrevention: reuse })
    expect(hits).toHaveLength(fires ? 1 : 0)
    if (fires)
      expect(hits[0]!.message).toBe(
        'The account password policy sets PasswordReusePrevention to 23 (at least 24 required).'
      )
  })

  it('both failing: one finding naming both values and thresholds', () => {
    const hits = check({ minimumPasswordLength: 8, passwordReusePrevention: 5 })
    expect(hits).toHaveLength(1)
    expect(hits[0]!.message).toBe(
      'The account password policy sets MinimumPasswordLength to 8 (at least 14 required); sets PasswordReusePrevention to 5 (at least 24 required).'
    )
  })

  it('unset fields fail', () => {
    const hits = check({ minimumPasswordLength: null, passwordReusePrevention: null })
    expect(hits).toHaveLength(1)
    expect(hits[0]!.message).toBe(
      'The account password policy does not set MinimumPasswordLength (at least 14 required); does not set PasswordReusePrevention, so passwords may be reused (at least 24 required).'
    )
  })

  it.each([
    [{ 'min-length': 8, 'reuse-prevention': 5 }, 8, 5, false],
    [{ 'min-length': 8, 'reuse-prevention': 5 }, 7, 5, true],
    [{ 'min-length': 8, 'reuse-prevention': 5 }, 8, 4, true]
  ])('custom thresholds %p, policy %d / %d: finding %p', (p, length, reuse, fires) => {
    const hits = check({ minimumPasswordLength: length, passwordReusePrevention: reuse }, p)
    expect(hits).toHaveLength(fires ? 1 : 0)
  })

  it('falls back to 14 / 24 when the parameters are absent', () => {
    expect(check({ minimumPasswordLength: 13, passwordReusePrevention: 24 }, {})).toHaveLength(1)
    expect(check({ minimumPasswordLength: 14, passwordReusePrevention: 23 }, {})).toHaveLength(1)
    expect(check({ minimumPasswordLength: 14, passwordReusePrevention: 24 }, {})).toHaveLength(0)
  })

  it('a missing or unavailable fact gives no finding and no exception', () => {
    expect(rule.check(ctx(NOW, params))).toEqual([])
    expect(
      rule.check(
        ctx(NOW, params, { passwordPolicy: { status: 'unavailable', reason: 'AccessDenied' } })
      )
    ).toEqual([])
  })

  it('reuse-prevention cannot exceed the AWS maximum of 24', () => {
    expect(rule.parameters.find(p => p.name === 'reuse-prevention')?.maximum).toBe(24)
  })

  describe('the settings off by default', () => {
    /** A policy that passes the defaults and sets nothing else, as `GetAccountPasswordPolicy` reads it. */
    const CIS_ONLY: PasswordPolicy = {
      minimumPasswordLength: 14,
      passwordReusePrevention: 24,
      requireUppercaseCharacters: false,
      requireLowercaseCharacters: false,
      requireNumbers: false,
      requireSymbols: false,
      expirePasswords: false,
      maxPasswordAge: null,
      hardExpiry: false
    }
    const STRONG: PasswordPolicy = {
      ...CIS_ONLY,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      requireNumbers: true,
      requireSymbols: true,
      expirePasswords: true,
      maxPasswordAge: 90,
      hardExpiry: true
    }
    const ALL_ON = withDefaults(rule, {
      'require-uppercase': 1,
      'require-lowercase': 1,
      'require-numbers': 1,
      'require-symbols': 1,
      'require-expiry': 1,
      'require-hard-expiry': 1
    })

    it('are all off by default: a policy that passes today still passes', () => {
      for (const name of [
        'require-uppercase',
        'require-lowercase',
        'require-numbers',
        'require-symbols',
        'require-expiry',
        'require-hard-expiry'
      ]) {
        expect(rule.parameters.find(p => p.name === name)).toMatchObject({
          default: 0,
          minimum: 0,
          maximum: 1,
          looserWhen: 'lower'
        })
      }
      expect(check(CIS_ONLY)).toEqual([])
      // A policy read before these fields existed (or built by hand) passes too.
      expect(check({ minimumPasswordLength: 14, passwordReusePrevention: 24 })).toEqual([])
    })

    it('a policy with every setting passes them all', () => {
      expect(check(STRONG, ALL_ON)).toEqual([])
    })

    it.each([
      ['require-uppercase', { requireUppercaseCharacters: false }, 'RequireUppercaseCharacters'],
      ['require-lowercase', { requireLowercaseCharacters: false }, 'RequireLowercaseCharacters'],
      ['require-numbers', { requireNumbers: false }, 'RequireNumbers'],
      ['require-symbols', { requireSymbols: false }, 'RequireSymbols'],
      ['require-hard-expiry', { hardExpiry: false }, 'HardExpiry']
    ] as const)('%s: fires when the setting is false, naming it', (param, off, setting) => {
      const policy = { ...STRONG, ...off }
      const on = withDefaults(rule, { [param]: 1 })
      const hits = check(policy, on)
      expect(hits).toHaveLength(1)
      expect(hits[0]!.message).toBe(
        `The account password policy sets ${setting} to false (true required).`
      )
      // Switched off (the default), the same policy passes.
      expect(check(policy)).toEqual([])
      // Absent (a hand-built policy) counts as false.
      const { [Object.keys(off)[0] as keyof PasswordPolicy]: _, ...absent } = policy
      expect(check(absent as PasswordPolicy, on)).toHaveLength(1)
    })

    it.each([
      [89, false],
      [90, false],
      [91, true]
    ])('require-expiry: MaxPasswordAge %d (at most 90): finding %p', (age, fires) => {
      const on = withDefaults(rule, { 'require-expiry': 1 })
      const hits = check({ ...CIS_ONLY, expirePasswords: true, maxPasswordAge: age }, on)
      expect(hits).toHaveLength(fires ? 1 : 0)
      if (fires)
        expect(hits[0]!.message).toBe(
          'The account password policy sets MaxPasswordAge to 91 days (at most 90 required).'
        )
    })

    it('require-expiry: passwords that never expire fire', () => {
      const on = withDefaults(rule, { 'require-expiry': 1 })
      const hits = check(CIS_ONLY, on)
      expect(hits).toHaveLength(1)
      expect(hits[0]!.message).toBe(
        'The account password policy does not set MaxPasswordAge, so passwords never expire (at most 90 days required).'
      )
    })

    it.each([
      [30, 30, false],
      [30, 31, true]
    ])('max-password-age %d, MaxPasswordAge %d: finding %p', (max, age, fires) => {
      const on = withDefaults(rule, { 'require-expiry': 1, 'max-password-age': max })
      expect(check({ ...STRONG, maxPasswordAge: age }, on)).toHaveLength(fires ? 1 : 0)
    })

    it('max-password-age alone checks nothing: require-expiry switches it on', () => {
      expect(check(CIS_ONLY, withDefaults(rule, { 'max-password-age': 30 }))).toEqual([])
    })

    it('every failing setting is named in one finding, in the order of the policy', () => {
      const hits = check(
        { minimumPasswordLength: 8, passwordReusePrevention: null, requireSymbols: true },
        ALL_ON
      )
      expect(hits).toHaveLength(1)
      expect(hits[0]!.message).toBe(
        'The account password policy sets MinimumPasswordLength to 8 (at least 14 required); does not set PasswordReusePrevention, so passwords may be reused (at least 24 required); sets RequireUppercaseCharacters to false (true required); sets RequireLowercaseCharacters to false (true required); sets RequireNumbers to false (true required); does not set MaxPasswordAge, so passwords never expire (at most 90 days required); sets HardExpiry to false (true required).'
      )
    })

    it('no policy at all names every requirement switched on', () => {
      const hits = check(null, ALL_ON)
      expect(hits).toHaveLength(1)
      expect(hits[0]!.message).toBe(
        'The account has no IAM password policy (GetAccountPasswordPolicy: NoSuchEntity), so passwords need only 8 characters and may be reused; MinimumPasswordLength at least 14, PasswordReusePrevention at least 24, RequireUppercaseCharacters true, RequireLowercaseCharacters true, RequireNumbers true, RequireSymbols true, MaxPasswordAge at most 90 days, HardExpiry true required.'
      )
    })
  })

  it("the README's AWS Config snippet is a valid policy that switches every check but hard expiry on", () => {
    const readme = readFileSync('README.md', 'utf8')
    const snippet = /```yaml\n(version: 1\nrules:\n {2}password-policy:\n[\s\S]*?)```/.exec(
      readme
    )?.[1]
    expect(snippet).toBeDefined()
    const settings = loadPolicy(snippet ?? '', 'policy.yml').rules['password-policy']
    expect(settings?.enabled).toBe(true)
    const params = withDefaults(rule, settings?.params)
    expect(params).toMatchObject({
      'min-length': 14,
      'reuse-prevention': 24,
      'require-uppercase': 1,
      'require-lowercase': 1,
      'require-numbers': 1,
      'require-symbols': 1,
      'require-expiry': 1,
      'max-password-age': 90,
      'require-hard-expiry': 0
    })
    expect(check({ minimumPasswordLength: 14, passwordReusePrevention: 24 }, params)).toHaveLength(
      1
    )
  })

  it('a policy file value outside 0 or 1 for a switch is refused', () => {
    expect(() =>
      loadPolicy('version: 1\nrules:\n  password-policy:\n    require-symbols: 2\n', 'policy.yml')
    ).toThrow(/require-symbols/)
  })
})
