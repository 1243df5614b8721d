import type { Cell } from '../../src/report/types.js'
import { inactiveAccessKey as rule } from '../../src/rules/inactive-access-key.js'
import { formatTimestamp } from '../../src/time.js'
import { ctx, daysAgo, NON_TIMESTAMPS, SENTINELS, SUFFIXES, userRow } from '../helpers/rows.js'

describe('inactive-access-key', () => {
  describe.each(SUFFIXES)('timestamps with suffix %s', suffix => {
    it.each([0, 1])('a deactivated key in slot %d that still exists fires', i => {
      const created = daysAgo(120, suffix)
      const keys = [undefined, undefined] as (
        { active: boolean; lastRotated: number } | undefined
      )[]
      keys[i] = { active: false, lastRotated: created }
      const hits = rule.check(userRow({ keys }), ctx())
      expect(hits).toHaveLength(1)
      expect(hits[0]!.credential).toBe(i === 0 ? 'access_key_1' : 'access_key_2')
      expect(hits[0]!.message).toContain(`created ${formatTimestamp(created)}, 120 days ago`)
    })
  })

  it('an empty slot (the default row) is not a key', () => {
    expect(rule.check(userRow(), ctx())).toEqual([])
  })

  it.each(NON_TIMESTAMPS)('inactive with last_rotated %p: no key, no finding', lastRotated => {
    expect(rule.check(userRow({ keys: [{ active: false, lastRotated }] }), ctx())).toEqual([])
  })

  it.each([true, ...SENTINELS, null] as Cell<boolean>[])('key active %p: no finding', active => {
    expect(rule.check(userRow({ keys: [{ active, lastRotated: daysAgo(9) }] }), ctx())).toEqual([])
  })

  it('reports both slots', () => {
    const k = { active: false, lastRotated: daysAgo(9) }
    expect(rule.check(userRow({ keys: [k, k] }), ctx()).map(h => h.credential)).toEqual([
      'access_key_1',
      'access_key_2'
    ])
  })

  it('remediation is manual: deleting a key cannot be undone', () => {
    const step = rule.remediation({
      user: 'alice',
      arn: 'x',
      credential: 'access_key_1',
      keyId: 'AKIAEXAMPLE'
    })
    expect(step.kind).toBe('manual')
    if (step.kind === 'manual') {
      expect(step.instructions).toContain(
        'aws iam delete-access-key --user-name alice --access-key-id AKIAEXAMPLE'
      )
      expect(step.instructions).toContain('create-access-key')
    }
  })
})
