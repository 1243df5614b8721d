import type { Cell } from '../../src/report/types.js'
import { accessKeyRotation as rule } from '../../src/rules/access-key-rotation.js'
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

function row(key: KeyOverrides, slot: 0 | 1 = 0) {
  const keys: (KeyOverrides | undefined)[] = [undefined, undefined]
  keys[slot] = { active: true, ...key }
  return userRow({ keys })
}

describe('access-key-rotation', () => {
  describe.each(SUFFIXES)('timestamps with suffix %s', suffix => {
    describe.each([0, 1] as const)('key slot %d', slot => {
      it.each([
        [89, false],
        [90, false],
        [91, true]
      ])('rotated %d days ago (limit 90, fires at >): finding %p', (age, fires) => {
        const rotated = daysAgo(age, suffix)
        const hits = rule.check(row({ lastRotated: rotated }, slot), ctx(NOW, withDefaults(rule)))
        expect(hits).toHaveLength(fires ? 1 : 0)
        if (fires) {
          expect(hits[0]!.credential).toBe(slot === 0 ? 'access_key_1' : 'access_key_2')
          expect(hits[0]!.message).toContain(`${formatTimestamp(rotated)}, ${age} days ago`)
          expect(hits[0]!.message).toContain('90 days')
        }
      })
    })
  })

  it.each(NON_TIMESTAMPS)('last_used_date %p is only evidence', lastUsedDate => {
    const hits = rule.check(row({ lastRotated: daysAgo(100), lastUsedDate }), ctx(NOW, {}))
    expect(hits).toHaveLength(1)
  })

  it.each([false, ...SENTINELS, null] as Cell<boolean>[])('key active %p: no finding', active => {
    expect(rule.check(row({ active, lastRotated: daysAgo(400) }), ctx(NOW, {}))).toEqual([])
  })

  it.each(NON_TIMESTAMPS)('last_rotated %p: no finding', lastRotated => {
    expect(rule.check(row({ lastRotated }), ctx(NOW, {}))).toEqual([])
  })

  it.each([
    [30, 30, false],
    [30, 31, true]
  ])('max-age-days %d, rotated %d days ago: finding %p', (max, age, fires) => {
    const hits = rule.check(row({ lastRotated: daysAgo(age) }), ctx(NOW, { 'max-age-days': max }))
    expect(hits).toHaveLength(fires ? 1 : 0)
  })
})
