import type { Cell } from '../../src/report/types.js'
import { userMfa as rule } from '../../src/rules/user-mfa.js'
import { ctx, daysAgo, userRow } from '../helpers/rows.js'

describe('user-mfa', () => {
  it('is disabled by default and maps to Security Hub IAM.19', () => {
    expect(rule.enabledByDefault).toBe(false)
    expect(rule.securityHub).toEqual(['IAM.19'])
  })

  it.each<[Cell<boolean>, Cell<boolean>, boolean]>([
    [false, false, true],
    [true, false, true],
    [false, true, false],
    [true, true, false],
    [false, 'N/A', true],
    [false, 'no_information', true],
    [false, 'not_supported', true],
    [false, null, false],
    ['N/A', false, true],
    [null, false, true]
  ])('password_enabled %p, mfa_active %p: finding %p', (passwordEnabled, mfaActive, fires) => {
    const hits = rule.check(userRow({ passwordEnabled, mfaActive }), ctx())
    expect(hits).toHaveLength(fires ? 1 : 0)
    if (fires) {
      expect(hits[0]!.credential).toBeNull()
      expect(hits[0]!.message).toContain(`mfa_active: ${String(mfaActive)}`)
    }
  })

  it('a programmatic-only user without MFA fires', () => {
    const row = userRow({ keys: [{ active: true, lastRotated: daysAgo(3) }] })
    expect(rule.check(row, ctx())).toHaveLength(1)
  })

  it('remediation is manual', () => {
    expect(rule.remediation({ user: 'alice', arn: 'x', credential: null }).kind).toBe('manual')
  })
})
