import type { Cell } from '../../src/report/types.js'
import { unusedAccessKey as rule } from '../../src/rules/unused-access-key.js'
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
import type { KeyOverrides } from '../helpers/rows.js'

const params = withDefaults(rule)

function row(key: KeyOverrides, slot: 0 | 1 = 0) {
  const keys: (KeyOverrides | undefined)[] = [undefined, undefined]
  keys[slot] = { active: true, ...key }
  return userRow({ keys })
}

describe('unused-access-key', () => {
  describe.each(SUFFIXES)('timestamps with suffix %s', suffix => {
    describe.each([0, 1] as const)('key slot %d', slot => {
      const credential = slot === 0 ? 'access_key_1' : 'access_key_2'

      it.each([
        [44, false],
        [45, true],
        [46, true]
      ])('last used %d days ago (limit 45, fires at >=): finding %p', (age, fires) => {
        const used = daysAgo(age, suffix)
        const hits = rule.check(
          row({ lastRotated: daysAgo(300), lastUsedDate: used, lastUsedService: 's3' }, slot),
          ctx(NOW, params)
        )
        expect(hits).toHaveLength(fires ? 1 : 0)
        if (fires) {
          expect(hits[0]!.credential).toBe(credential)
          expect(hits[0]!.message).toContain(`last used ${formatTimestamp(used)}, ${age} days ago`)
          expect(hits[0]!.message).toContain('45-day limit')
          expect(hits[0]!.message).toContain('s3')
        }
      })

      it.each(
        SENTINELS.flatMap(s =>
          [
            [44, false],
            [45, true],
            [46, true]
          ].map(([age, fires]) => [s, age, fires] as const)
        )
      )('never used (%s), created %d days ago: finding %p', (never, age, fires) => {
        const created = daysAgo(age as number, suffix)
        const hits = rule.check(
          row({ lastRotated: created, lastUsedDate: never }, slot),
          ctx(NOW, params)
        )
        expect(hits).toHaveLength(fires ? 1 : 0)
        if (fires) {
          expect(hits[0]!.message).toContain(`never used (last used: ${never})`)
          expect(hits[0]!.message).toContain(`created ${formatTimestamp(created)}, ${age} days ago`)
        }
      })
    })
  })

  it('reports each key on its own', () => {
    const k = { active: true, lastRotated: daysAgo(100), lastUsedDate: daysAgo(60) }
    const hits = rule.check(
      userRow({ keys: [k, { ...k, lastUsedDate: daysAgo(1) }] }),
      ctx(NOW, params)
    )
    expect(hits.map(h => h.credential)).toEqual(['access_key_1'])
  })

  it.each([false, ...SENTINELS, null] as Cell<boolean>[])('key active %p: no finding', active => {
    const hits = rule.check(
      row({ active, lastRotated: daysAgo(400), lastUsedDate: daysAgo(300) }),
      ctx(NOW, params)
    )
    expect(hits).toEqual([])
  })

  it('a missing last_used_date column (null) is unknown: no finding', () => {
    expect(
      rule.check(row({ lastRotated: daysAgo(400), lastUsedDate: null }), ctx(NOW, params))
    ).toEqual([])
  })

  it.each(NON_TIMESTAMPS)('never used and last_rotated %p: no finding', lastRotated => {
    expect(rule.check(row({ lastRotated, lastUsedDate: 'N/A' }), ctx(NOW, params))).toEqual([])
  })

  it.each([
    [90, 89, false],
    [90, 90, true],
    [1, 0, false],
    [1, 1, true]
  ])('max-unused-days %d, last used %d days ago: finding %p', (max, age, fires) => {
    const hits = rule.check(
      row({ lastRotated: daysAgo(400), lastUsedDate: daysAgo(age) }),
      ctx(NOW, { 'max-unused-days': max })
    )
    expect(hits).toHaveLength(fires ? 1 : 0)
  })

  it('falls back to 45 days when the parameter is absent', () => {
    const r = (age: number) => row({ lastRotated: daysAgo(400), lastUsedDate: daysAgo(age) })
    expect(rule.check(r(45), ctx(NOW, {}))).toHaveLength(1)
    expect(rule.check(r(44), ctx(NOW, {}))).toHaveLength(0)
  })

  it('ignores the password columns', () => {
    const r = userRow({ passwordEnabled: true, passwordLastUsed: daysAgo(400) })
    expect(rule.check(r, ctx(NOW, params))).toEqual([])
  })

  it('remediation deactivates the key, with a placeholder when the id is unknown', () => {
    const step = rule.remediation({ user: 'alice', arn: 'x', credential: 'access_key_2' })
    expect(step.kind).toBe('command')
    if (step.kind !== 'command') return
    expect(step.fix[0]).toContain('<ACCESS_KEY_ID>')
    expect(step.fix[0]).toContain('Inactive')
    expect(step.backout[0]).toContain('Active')
  })
})
