import type { Cell } from '../../src/report/types.js'
import { consoleUserMfa as rule } from '../../src/rules/console-user-mfa.js'
import { formatTimestamp } from '../../src/time.js'
import { ctx, daysAgo, NON_TIMESTAMPS, SUFFIXES, userRow } from '../helpers/rows.js'

describe('console-user-mfa', () => {
  it.each<[Cell<boolean>, Cell<boolean>, boolean]>([
    [true, false, true],
    [true, true, false],
    [true, 'N/A', true],
    [true, 'no_information', true],
    [true, 'not_supported', true],
    [true, null, false],
    [false, false, false],
    ['N/A', false, false],
    ['no_information', false, false],
    ['not_supported', false, false],
    [null, false, false],
    [null, null, false]
  ])('password_enabled %p, mfa_active %p: finding %p', (passwordEnabled, mfaActive, fires) => {
    const hits = rule.check(userRow({ passwordEnabled, mfaActive }), ctx())
    expect(hits).toHaveLength(fires ? 1 : 0)
    if (fires) {
      expect(hits[0]!.credential).toBeNull()
      expect(hits[0]!.message).toContain(`mfa_active: ${String(mfaActive)}`)
    }
  })

  it.each(SUFFIXES)('shows when the password was last used (%s)', suffix => {
    const used = daysAgo(3, suffix)
    const hits = rule.check(userRow({ passwordEnabled: true, passwordLastUsed: used }), ctx())
    expect(hits[0]!.message).toContain(formatTimestamp(used))
  })

  it.each(NON_TIMESTAMPS)('password_last_used %p is only evidence, never a condition', cell => {
    expect(
      rule.check(userRow({ passwordEnabled: true, passwordLastUsed: cell }), ctx())
    ).toHaveLength(1)
  })

  it('access keys do not matter', () => {
    const row = userRow({ keys: [{ active: true, lastRotated: daysAgo(1) }] })
    expect(rule.check(row, ctx())).toEqual([])
  })

  it('remediation is manual (a device is needed)', () => {
    const step = rule.remediation({ user: 'alice', arn: 'x', credential: null })
    expect(step.kind).toBe('manual')
  })
})
