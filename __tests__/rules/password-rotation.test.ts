import type { Cell } from '../../src/report/types.js'
import { passwordRotation as rule } from '../../src/rules/password-rotation.js'
import { formatTimestamp } from '../../src/time.js'
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

describe('password-rotation', () => {
  it('is disabled by default', () => {
    expect(rule.enabledByDefault).toBe(false)
    expect(rule.help.rationale).toContain('800-63B')
  })

  describe.each(SUFFIXES)('timestamps with suffix %s', suffix => {
    it.each([
      [89, false],
      [90, false],
      [91, true]
    ])('changed %d days ago (limit 90, fires at >): finding %p', (age, fires) => {
      const changed = daysAgo(age, suffix)
      const hits = rule.check(
        userRow({ passwordEnabled: true, passwordLastChanged: changed }),
        ctx(NOW, params)
      )
      expect(hits).toHaveLength(fires ? 1 : 0)
      if (fires) {
        expect(hits[0]!.credential).toBe('password')
        expect(hits[0]!.message).toContain(
          `last changed ${formatTimestamp(changed)}, ${age} days ago`
        )
        expect(hits[0]!.message).toContain('90 days')
      }
    })

    describe.each(SENTINELS)('password_last_changed %s', changed => {
      it.each([
        [90, false],
        [91, true]
      ])('falls back to the user created %d days ago: finding %p', (age, fires) => {
        const created = daysAgo(age, suffix)
        const hits = rule.check(
          userRow({
            passwordEnabled: true,
            passwordLastChanged: changed,
            userCreationTime: created
          }),
          ctx(NOW, params)
        )
        expect(hits).toHaveLength(fires ? 1 : 0)
        if (fires) {
          expect(hits[0]!.message).toContain(`password_last_changed: ${changed}`)
          expect(hits[0]!.message).toContain(formatTimestamp(created))
        }
      })
    })
  })

  it('a missing password_last_changed column (null) is unknown: no finding', () => {
    const row = userRow({
      passwordEnabled: true,
      passwordLastChanged: null,
      userCreationTime: daysAgo(400)
    })
    expect(rule.check(row, ctx(NOW, params))).toEqual([])
  })

  it.each(NON_TIMESTAMPS)('no change date and user_creation_time %p: no finding', created => {
    const row = userRow({
      passwordEnabled: true,
      passwordLastChanged: 'N/A',
      userCreationTime: created
    })
    expect(rule.check(row, ctx(NOW, params))).toEqual([])
  })

  it.each([false, ...SENTINELS, null] as Cell<boolean>[])(
    'password_enabled %p: no finding',
    passwordEnabled => {
      const row = userRow({ passwordEnabled, passwordLastChanged: daysAgo(400) })
      expect(rule.check(row, ctx(NOW, params))).toEqual([])
    }
  )

  it.each([
    [30, 30, false],
    [30, 31, true]
  ])('max-age-days %d, changed %d days ago: finding %p', (max, age, fires) => {
    const row = userRow({ passwordEnabled: true, passwordLastChanged: daysAgo(age) })
    expect(rule.check(row, ctx(NOW, { 'max-age-days': max }))).toHaveLength(fires ? 1 : 0)
  })

  it('falls back to 90 days when the parameter is absent', () => {
    const row = (age: number) =>
      userRow({ passwordEnabled: true, passwordLastChanged: daysAgo(age) })
    expect(rule.check(row(91), ctx(NOW, {}))).toHaveLength(1)
    expect(rule.check(row(90), ctx(NOW, {}))).toHaveLength(0)
  })

  it('remediation forces a reset at the next sign-in, and can be backed out', () => {
    expect(rule.remediation({ user: 'alice', arn: 'x', credential: 'password' })).toMatchObject({
      kind: 'command',
      fix: [
        ['aws', 'iam', 'update-login-profile', '--user-name', 'alice', '--password-reset-required']
      ],
      backout: [
        [
          'aws',
          'iam',
          'update-login-profile',
          '--user-name',
          'alice',
          '--no-password-reset-required'
        ]
      ]
    })
  })
})
