import type { AccountFacts, PasswordPolicy } from '../../src/account/types.js'
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
        'The account password policy requires only 13 characters (at least 14 required).'
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
        'The account password policy prevents reuse of only 23 previous passwords (at least 24 required).'
      )
  })

  it('both failing: one finding naming both values and thresholds', () => {
    const hits = check({ minimumPasswordLength: 8, passwordReusePrevention: 5 })
    expect(hits).toHaveLength(1)
    expect(hits[0]!.message).toBe(
      'The account password policy requires only 8 characters (at least 14 required) and prevents reuse of only 5 previous passwords (at least 24 required).'
    )
  })

  it('unset fields fail', () => {
    const hits = check({ minimumPasswordLength: null, passwordReusePrevention: null })
    expect(hits).toHaveLength(1)
    expect(hits[0]!.message).toContain('no minimum length')
    expect(hits[0]!.message).toContain('does not prevent password reuse')
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
})
