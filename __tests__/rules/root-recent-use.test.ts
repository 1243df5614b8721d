import type { Cell, Timestamp } from '../../src/report/types.js'
import { rootRecentUse as rule } from '../../src/rules/root-recent-use.js'
import { formatTimestamp, MS_PER_DAY } from '../../src/time.js'
import {
  ctx,
  daysAgo,
  NON_TIMESTAMPS,
  NOW,
  rootRow,
  SUFFIXES,
  userRow,
  withDefaults
} from '../helpers/rows.js'

type Slot = 'password' | 'access_key_1' | 'access_key_2'

function rowWith(uses: Partial<Record<Slot, Cell<Timestamp>>>) {
  return rootRow({
    passwordLastUsed: uses.password ?? 'no_information',
    keys: [
      { active: true, lastRotated: daysAgo(1000), lastUsedDate: uses.access_key_1 ?? 'N/A' },
      { active: true, lastRotated: daysAgo(1000), lastUsedDate: uses.access_key_2 ?? 'N/A' }
    ]
  })
}

describe('root-recent-use', () => {
  describe.each(SUFFIXES)('timestamps with suffix %s', suffix => {
    describe.each<Slot>(['password', 'access_key_1', 'access_key_2'])('used by %s', slot => {
      it.each([
        [89, true],
        [90, false],
        [91, false]
      ])('%d days ago with the default 90-day window: finding %p', (age, fires) => {
        const at = daysAgo(age, suffix)
        const hits = rule.check(rowWith({ [slot]: at }), ctx(NOW, withDefaults(rule)))
        expect(hits).toHaveLength(fires ? 1 : 0)
        if (fires) {
          expect(hits[0]!.credential).toBeNull()
          expect(hits[0]!.message).toContain(`${slot} was last used ${formatTimestamp(at)}`)
          expect(hits[0]!.message).toContain(`${age} days ago`)
          expect(hits[0]!.message).toContain('90-day window')
        }
      })
    })
  })

  it.each([
    [0, true],
    [1, false],
    [2, false]
  ])('window-days 1: used %d days ago, finding %p', (age, fires) => {
    const hits = rule.check(rowWith({ password: daysAgo(age) }), ctx(NOW, { 'window-days': 1 }))
    expect(hits).toHaveLength(fires ? 1 : 0)
  })

  it('the day boundary is exact to the millisecond', () => {
    const row = (ms: number) => rowWith({ password: NOW - 90 * MS_PER_DAY + ms })
    expect(rule.check(row(1), ctx(NOW, { 'window-days': 90 }))).toHaveLength(1)
    expect(rule.check(row(0), ctx(NOW, { 'window-days': 90 }))).toHaveLength(0)
  })

  it('takes the latest use, not the first column (Prowler bug)', () => {
    const hits = rule.check(
      rowWith({ password: daysAgo(300), access_key_1: daysAgo(200), access_key_2: daysAgo(5) }),
      ctx(NOW, { 'window-days': 90 })
    )
    expect(hits).toHaveLength(1)
    expect(hits[0]!.message).toContain('access_key_2 was last used')
    expect(hits[0]!.message).toContain('password last used: ')
  })

  it.each<[Slot, Slot]>([
    ['password', 'access_key_1'],
    ['access_key_1', 'access_key_2'],
    ['access_key_2', 'password']
  ])('%s used recently wins over %s used long ago', (recent, old) => {
    const hits = rule.check(
      rowWith({ [recent]: daysAgo(2), [old]: daysAgo(400) }),
      ctx(NOW, { 'window-days': 90 })
    )
    expect(hits[0]!.message).toContain(`${recent} was last used`)
  })

  it('on a tie, names the first column in report order (password, then key 1, then key 2)', () => {
    const at = daysAgo(3)
    const latest = (uses: Partial<Record<Slot, Cell<Timestamp>>>) =>
      rule.check(rowWith(uses), ctx(NOW, { 'window-days': 90 }))[0]!.message
    expect(latest({ password: at, access_key_1: at, access_key_2: at })).toMatch(
      /^Root password was last used/
    )
    expect(latest({ access_key_1: at, access_key_2: at })).toMatch(
      /^Root access_key_1 was last used/
    )
  })

  it('a key last used long ago is not recent use (Steampipe inverts this)', () => {
    const row = rowWith({ access_key_1: daysAgo(200), access_key_2: daysAgo(365) })
    expect(rule.check(row, ctx(NOW, { 'window-days': 90 }))).toEqual([])
  })

  it.each(NON_TIMESTAMPS)('%p in every column is no use at all', cell => {
    const row = rootRow({
      passwordLastUsed: cell,
      keys: [{ lastUsedDate: cell }, { lastUsedDate: cell }]
    })
    expect(rule.check(row, ctx(NOW, { 'window-days': 90 }))).toEqual([])
  })

  it.each(NON_TIMESTAMPS)('%p in the password column is ignored beside a key use', cell => {
    const row = rootRow({ passwordLastUsed: cell, keys: [{ lastUsedDate: daysAgo(3) }] })
    const hits = rule.check(row, ctx(NOW, { 'window-days': 90 }))
    expect(hits).toHaveLength(1)
    expect(hits[0]!.message).toContain('access_key_1 was last used')
  })

  it('a use in the future (clock skew) counts as recent', () => {
    expect(rule.check(rowWith({ password: NOW + 60_000 }), ctx(NOW, {}))).toHaveLength(1)
  })

  it('falls back to 90 days when the parameter is absent', () => {
    expect(rule.check(rowWith({ password: daysAgo(89) }), ctx(NOW, {}))).toHaveLength(1)
    expect(rule.check(rowWith({ password: daysAgo(90) }), ctx(NOW, {}))).toHaveLength(0)
  })

  it('reads only last-used columns, not other user-like fields', () => {
    // A row shaped like a busy user (password, MFA off, recent changes) but never used.
    const row = userRow({
      passwordEnabled: true,
      passwordLastChanged: daysAgo(1),
      userCreationTime: daysAgo(1),
      passwordLastUsed: 'no_information',
      keys: [{ active: true, lastRotated: daysAgo(1) }]
    })
    expect(rule.check(row, ctx(NOW, withDefaults(rule)))).toEqual([])
  })

  it('remediation is manual', () => {
    expect(rule.remediation({ user: '<root_account>', arn: 'x', credential: null }).kind).toBe(
      'manual'
    )
  })
})
