import type { Cell, Timestamp } from '../../src/report/types.js'
import { initialSetupAccessKey as rule } from '../../src/rules/initial-setup-access-key.js'
import { formatTimestamp } from '../../src/time.js'
import {
  ctx,
  daysAgo,
  NON_TIMESTAMPS,
  NOW,
  secondsAfter,
  SENTINELS,
  SUFFIXES,
  userRow,
  withDefaults
} from '../helpers/rows.js'
import type { KeyOverrides, RowOverrides } from '../helpers/rows.js'

const CREATED = daysAgo(100)

function row(key: KeyOverrides, slot: 0 | 1 = 0, o: RowOverrides = {}) {
  const keys: (KeyOverrides | undefined)[] = [undefined, undefined]
  keys[slot] = { active: true, lastUsedDate: 'N/A', ...key }
  return userRow({ passwordEnabled: true, userCreationTime: CREATED, keys, ...o })
}

describe('initial-setup-access-key', () => {
  describe.each(SUFFIXES)('timestamps with suffix %s', suffix => {
    describe.each([0, 1] as const)('key slot %d', slot => {
      it.each([
        [-1, false],
        [0, true],
        [1, true],
        [59, true],
        [60, true],
        [61, false],
        [3600, false]
      ])('created %d s after the user, default tolerance 60 s: finding %p', (gap, fires) => {
        const rotated = secondsAfter(CREATED, gap, suffix)
        const hits = rule.check(row({ lastRotated: rotated }, slot), ctx(NOW, withDefaults(rule)))
        expect(hits).toHaveLength(fires ? 1 : 0)
        if (fires) {
          expect(hits[0]!.credential).toBe(slot === 0 ? 'access_key_1' : 'access_key_2')
          expect(hits[0]!.message).toContain(formatTimestamp(rotated))
          expect(hits[0]!.message).toContain(formatTimestamp(CREATED))
          expect(hits[0]!.message).toContain(`${gap} second`)
          expect(hits[0]!.message).toContain('tolerance 60 seconds')
        }
      })
    })
  })

  it.each([
    [10, 9, true],
    [10, 10, true],
    [10, 11, false],
    [0, 0, true],
    [0, 1, false]
  ])('tolerance %d s, gap %d s: finding %p', (tolerance, gap, fires) => {
    const hits = rule.check(
      row({ lastRotated: secondsAfter(CREATED, gap) }),
      ctx(NOW, { 'tolerance-seconds': tolerance })
    )
    expect(hits).toHaveLength(fires ? 1 : 0)
  })

  it('falls back to 60 s when the parameter is absent', () => {
    expect(rule.check(row({ lastRotated: secondsAfter(CREATED, 60) }), ctx(NOW, {}))).toHaveLength(
      1
    )
    expect(rule.check(row({ lastRotated: secondsAfter(CREATED, 61) }), ctx(NOW, {}))).toHaveLength(
      0
    )
  })

  it('reports both slots', () => {
    const k = { active: true, lastRotated: secondsAfter(CREATED, 2), lastUsedDate: 'N/A' as const }
    const hits = rule.check(
      userRow({ passwordEnabled: true, userCreationTime: CREATED, keys: [k, k] }),
      ctx(NOW, withDefaults(rule))
    )
    expect(hits.map(h => h.credential)).toEqual(['access_key_1', 'access_key_2'])
  })

  it.each(SENTINELS)('last_used_date %p means never used: fires', lastUsedDate => {
    const hits = rule.check(
      row({ lastRotated: secondsAfter(CREATED, 1), lastUsedDate }),
      ctx(NOW, withDefaults(rule))
    )
    expect(hits).toHaveLength(1)
    expect(hits[0]!.message).toContain(`last used: ${lastUsedDate}`)
  })

  it('a used key does not fire', () => {
    const hits = rule.check(
      row({ lastRotated: secondsAfter(CREATED, 1), lastUsedDate: daysAgo(2) }),
      ctx(NOW, withDefaults(rule))
    )
    expect(hits).toEqual([])
  })

  it('a missing last_used_date column (null) is unknown: no finding', () => {
    const hits = rule.check(
      row({ lastRotated: secondsAfter(CREATED, 1), lastUsedDate: null }),
      ctx(NOW, withDefaults(rule))
    )
    expect(hits).toEqual([])
  })

  it.each([false, ...SENTINELS, null] as Cell<boolean>[])('key active %p: no finding', active => {
    const hits = rule.check(
      row({ active, lastRotated: secondsAfter(CREATED, 1) }),
      ctx(NOW, withDefaults(rule))
    )
    expect(hits).toEqual([])
  })

  it.each([false, ...SENTINELS, null] as Cell<boolean>[])(
    'password_enabled %p (a programmatic user): no finding',
    passwordEnabled => {
      const hits = rule.check(
        row({ lastRotated: secondsAfter(CREATED, 1) }, 0, { passwordEnabled }),
        ctx(NOW, withDefaults(rule))
      )
      expect(hits).toEqual([])
    }
  )

  it.each(NON_TIMESTAMPS)('last_rotated %p: no finding', lastRotated => {
    expect(rule.check(row({ lastRotated }), ctx(NOW, withDefaults(rule)))).toEqual([])
  })

  it.each(NON_TIMESTAMPS)('user_creation_time %p: no finding', userCreationTime => {
    const hits = rule.check(
      row({ lastRotated: secondsAfter(CREATED, 1) }, 0, {
        userCreationTime: userCreationTime as Cell<Timestamp>
      }),
      ctx(NOW, withDefaults(rule))
    )
    expect(hits).toEqual([])
  })

  it('remediation deactivates the key (reversible), with the key id when known', () => {
    const step = rule.remediation({
      user: 'alice',
      arn: 'x',
      credential: 'access_key_1',
      keyId: 'AKIAEXAMPLE'
    })
    expect(step).toMatchObject({
      kind: 'command',
      fix: [
        [
          'aws',
          'iam',
          'update-access-key',
          '--user-name',
          'alice',
          '--access-key-id',
          'AKIAEXAMPLE',
          '--status',
          'Inactive'
        ]
      ],
      backout: [
        [
          'aws',
          'iam',
          'update-access-key',
          '--user-name',
          'alice',
          '--access-key-id',
          'AKIAEXAMPLE',
          '--status',
          'Active'
        ]
      ]
    })
  })
})
