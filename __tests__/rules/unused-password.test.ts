import type { Cell } from '../../src/report/types.js'
import { unusedPassword as rule } from '../../src/rules/unused-password.js'
import { formatTimestamp, MS_PER_DAY } from '../../src/time.js'
import {
  ctx,
  daysAgo,
  NON_TIMESTAMPS,
  NOW,
  SENTINELS,
  SUFFIXES,
  userRow,
  withDefaults
} from '../helpers/rows.js'

const params = withDefaults(rule)

describe('unused-password', () => {
  describe.each(SUFFIXES)('timestamps with suffix %s', suffix => {
    it.each([
      [44, false],
      [45, true],
      [46, true]
    ])('last used %d days ago (limit 45, fires at >=): finding %p', (age, fires) => {
      const used = daysAgo(age, suffix)
      const hits = rule.check(
        userRow({
          passwordEnabled: true,
          passwordLastUsed: used,
          passwordLastChanged: daysAgo(500)
        }),
        ctx(NOW, params)
      )
      expect(hits).toHaveLength(fires ? 1 : 0)
      if (fires) {
        expect(hits[0]!.credential).toBe('password')
        expect(hits[0]!.message).toContain(`last used ${formatTimestamp(used)}, ${age} days ago`)
        expect(hits[0]!.message).toContain('45-day limit')
      }
    })

    describe.each(SENTINELS)('never used (password_last_used %s)', never => {
      it.each([
        [44, false],
        [45, true],
        [46, true]
      ])('password set %d days ago: finding %p', (age, fires) => {
        const set = daysAgo(age, suffix)
        const hits = rule.check(
          userRow({ passwordEnabled: true, passwordLastUsed: never, passwordLastChanged: set }),
          ctx(NOW, params)
        )
        expect(hits).toHaveLength(fires ? 1 : 0)
        if (fires) {
          expect(hits[0]!.message).toContain(`never used (password_last_used: ${never})`)
          expect(hits[0]!.message).toContain(`set ${formatTimestamp(set)}, ${age} days ago`)
        }
      })

      it.each(SENTINELS)('password_last_changed %p: counted from the user creation', changed => {
        const created = daysAgo(45, suffix)
        const hits = rule.check(
          userRow({
            passwordEnabled: true,
            passwordLastUsed: never,
            passwordLastChanged: changed,
            userCreationTime: created
          }),
          ctx(NOW, params)
        )
        expect(hits).toHaveLength(1)
        expect(hits[0]!.message).toContain(`password_last_changed: ${changed}`)
        expect(hits[0]!.message).toContain(formatTimestamp(created))
        const young = rule.check(
          userRow({
            passwordEnabled: true,
            passwordLastUsed: never,
            passwordLastChanged: changed,
            userCreationTime: daysAgo(44, suffix)
          }),
          ctx(NOW, params)
        )
        expect(young).toEqual([])
      })
    })
  })

  it('a brand-new user who has not signed in yet gets the grace period', () => {
    const row = userRow({
      passwordEnabled: true,
      passwordLastUsed: 'no_information',
      passwordLastChanged: daysAgo(0),
      userCreationTime: daysAgo(0)
    })
    expect(rule.check(row, ctx(NOW, params))).toEqual([])
  })

  it('the boundary is exact to the millisecond', () => {
    const row = (ms: number) =>
      userRow({ passwordEnabled: true, passwordLastUsed: NOW - 45 * MS_PER_DAY + ms })
    expect(rule.check(row(0), ctx(NOW, params))).toHaveLength(1)
    expect(rule.check(row(1), ctx(NOW, params))).toHaveLength(0)
  })

  it.each([
    [90, 89, false],
    [90, 90, true],
    [90, 91, true],
    [1, 0, false],
    [1, 1, true]
  ])('max-unused-days %d, last used %d days ago: finding %p', (max, age, fires) => {
    const row = userRow({ passwordEnabled: true, passwordLastUsed: daysAgo(age) })
    expect(rule.check(row, ctx(NOW, { 'max-unused-days': max }))).toHaveLength(fires ? 1 : 0)
  })

  it('falls back to 45 days when the parameter is absent', () => {
    const row = (age: number) => userRow({ passwordEnabled: true, passwordLastUsed: daysAgo(age) })
    expect(rule.check(row(45), ctx(NOW, {}))).toHaveLength(1)
    expect(rule.check(row(44), ctx(NOW, {}))).toHaveLength(0)
  })

  it.each([false, ...SENTINELS, null] as Cell<boolean>[])(
    'password_enabled %p: no finding, even with an old last use (login profile deleted)',
    passwordEnabled => {
      const row = userRow({ passwordEnabled, passwordLastUsed: daysAgo(400) })
      expect(rule.check(row, ctx(NOW, params))).toEqual([])
    }
  )

  it('a missing password_last_used column (null) is unknown: no finding', () => {
    const row = userRow({
      passwordEnabled: true,
      passwordLastUsed: null,
      passwordLastChanged: daysAgo(400)
    })
    expect(rule.check(row, ctx(NOW, params))).toEqual([])
  })

  it.each(NON_TIMESTAMPS)(
    'never used, no password_last_changed and user_creation_time %p: no finding',
    created => {
      const row = userRow({
        passwordEnabled: true,
        passwordLastUsed: 'no_information',
        passwordLastChanged: 'N/A',
        userCreationTime: created
      })
      expect(rule.check(row, ctx(NOW, params))).toEqual([])
    }
  )

  it('notes the May 2018 gap in password-use tracking', () => {
    const row = userRow({
      passwordEnabled: true,
      passwordLastUsed: Date.parse('2018-05-01T10:00:00+00:00')
    })
    const hits = rule.check(row, ctx(NOW, params))
    expect(hits[0]!.message).toContain('2018-05-03 to 2018-05-23')
    const later = userRow({ passwordEnabled: true, passwordLastUsed: daysAgo(100) })
    expect(rule.check(later, ctx(NOW, params))[0]!.message).not.toContain('2018')
  })

  it('the May 2018 note ends exactly at 2018-05-24T00:00:00Z', () => {
    const message = (iso: string) =>
      rule.check(
        userRow({ passwordEnabled: true, passwordLastUsed: Date.parse(iso) }),
        ctx(NOW, params)
      )[0]!.message
    expect(message('2018-05-23T23:59:59.999Z')).toContain('2018-05-03 to 2018-05-23')
    expect(message('2018-05-24T00:00:00.000Z')).not.toContain('2018-05-03 to 2018-05-23')
  })

  it('remediation deletes the login profile; the old password cannot come back', () => {
    const step = rule.remediation({ user: 'alice', arn: 'x', credential: 'password' })
    expect(step).toMatchObject({
      kind: 'command',
      fix: [['aws', 'iam', 'delete-login-profile', '--user-name', 'alice']],
      backout: []
    })
    expect(step.kind === 'command' && step.note).toContain('create-login-profile')
  })
})
