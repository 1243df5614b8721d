import type { Cell } from '../../src/report/types.js'
import { consoleAndAccessKeys as rule } from '../../src/rules/console-and-access-keys.js'
import { formatTimestamp } from '../../src/time.js'
import { ctx, daysAgo, SENTINELS, SUFFIXES, userRow } from '../helpers/rows.js'

describe('console-and-access-keys', () => {
  it.each<[boolean, boolean, string | null]>([
    [true, false, 'an active access key'],
    [false, true, 'an active access key'],
    [true, true, 'two active access keys'],
    [false, false, null]
  ])('password, key 1 active %p, key 2 active %p', (a1, a2, expected) => {
    const row = userRow({
      passwordEnabled: true,
      keys: [
        { active: a1, lastRotated: daysAgo(10) },
        { active: a2, lastRotated: daysAgo(10) }
      ]
    })
    const hits = rule.check(row, ctx())
    expect(hits).toHaveLength(expected ? 1 : 0)
    if (expected) {
      expect(hits[0]!.credential).toBeNull()
      expect(hits[0]!.message).toContain(expected)
    }
  })

  it.each(SUFFIXES)('shows when each credential was last used (%s)', suffix => {
    const pw = daysAgo(2, suffix)
    const key = daysAgo(5, suffix)
    const hits = rule.check(
      userRow({
        passwordEnabled: true,
        passwordLastUsed: pw,
        keys: [{ active: true, lastRotated: daysAgo(9), lastUsedDate: key }]
      }),
      ctx()
    )
    expect(hits[0]!.message).toContain(formatTimestamp(pw))
    expect(hits[0]!.message).toContain(formatTimestamp(key))
  })

  it.each([false, ...SENTINELS, null] as Cell<boolean>[])(
    'password_enabled %p: no finding',
    passwordEnabled => {
      const row = userRow({ passwordEnabled, keys: [{ active: true, lastRotated: daysAgo(1) }] })
      expect(rule.check(row, ctx())).toEqual([])
    }
  )

  it.each([...SENTINELS, null] as Cell<boolean>[])('key active %p is not active', active => {
    const row = userRow({ passwordEnabled: true, keys: [{ active }, { active }] })
    expect(rule.check(row, ctx())).toEqual([])
  })

  it('remediation is a decision: manual', () => {
    expect(rule.remediation({ user: 'alice', arn: 'x', credential: null }).kind).toBe('manual')
  })
})
