import type { Cell } from '../../src/report/types.js'
import { singleActiveAccessKey as rule } from '../../src/rules/single-active-access-key.js'
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

const both = (r1: Cell<number>, r2: Cell<number>) =>
  userRow({
    keys: [
      { active: true, lastRotated: r1 },
      { active: true, lastRotated: r2 }
    ]
  })

describe('single-active-access-key', () => {
  it.each(SUFFIXES)('two active keys fire with the default grace 0 (%s)', suffix => {
    const r1 = daysAgo(200, suffix)
    const r2 = daysAgo(0, suffix)
    const hits = rule.check(both(r1, r2), ctx(NOW, withDefaults(rule)))
    expect(hits).toHaveLength(1)
    expect(hits[0]!.credential).toBeNull()
    expect(hits[0]!.message).toContain(formatTimestamp(r1))
    expect(hits[0]!.message).toContain(formatTimestamp(r2))
    expect(hits[0]!.message).toContain('access_key_1')
    expect(hits[0]!.message).toContain('access_key_2')
  })

  it('with grace 0, the message is only about the keys (no grace period to be past)', () => {
    const r1 = daysAgo(200)
    const r2 = daysAgo(3)
    const hits = rule.check(both(r1, r2), ctx(NOW, withDefaults(rule)))
    expect(hits).toHaveLength(1)
    expect(hits[0]!.message).not.toContain('grace')
    expect(hits[0]!.message).toMatch(/^Both access keys are active \(.*\)\.$/)
  })

  it.each([
    [true, false],
    [false, true],
    [false, false]
  ])('key 1 active %p, key 2 active %p: no finding', (a1, a2) => {
    const row = userRow({
      keys: [
        { active: a1, lastRotated: daysAgo(10) },
        { active: a2, lastRotated: daysAgo(10) }
      ]
    })
    expect(rule.check(row, ctx(NOW, withDefaults(rule)))).toEqual([])
  })

  it.each([...SENTINELS, null] as Cell<boolean>[])('an active flag of %p is not active', active => {
    const row = userRow({
      keys: [
        { active: true, lastRotated: daysAgo(10) },
        { active, lastRotated: daysAgo(10) }
      ]
    })
    expect(rule.check(row, ctx(NOW, withDefaults(rule)))).toEqual([])
  })

  describe.each(SUFFIXES)('grace-days 7 (%s)', suffix => {
    it.each([
      [6, false],
      [7, true],
      [8, true]
    ])('newer key created %d days ago: finding %p', (age, fires) => {
      const hits = rule.check(
        both(daysAgo(300, suffix), daysAgo(age, suffix)),
        ctx(NOW, { 'grace-days': 7 })
      )
      expect(hits).toHaveLength(fires ? 1 : 0)
      if (fires) expect(hits[0]!.message).toContain('7-day grace period')
    })

    it('the newer key is the larger last_rotated, in either slot', () => {
      expect(
        rule.check(both(daysAgo(3, suffix), daysAgo(300, suffix)), ctx(NOW, { 'grace-days': 7 }))
      ).toEqual([])
      expect(
        rule.check(both(daysAgo(300, suffix), daysAgo(3, suffix)), ctx(NOW, { 'grace-days': 7 }))
      ).toEqual([])
    })
  })

  it.each(NON_TIMESTAMPS)(
    'with a grace period, last_rotated %p cannot prove a rotation: fires',
    cell => {
      expect(rule.check(both(daysAgo(1), cell), ctx(NOW, { 'grace-days': 7 }))).toHaveLength(1)
    }
  )

  it('grace 0 fires even for a key created today', () => {
    expect(rule.check(both(daysAgo(0), daysAgo(0)), ctx(NOW, { 'grace-days': 0 }))).toHaveLength(1)
  })

  it('falls back to grace 0 when the parameter is absent', () => {
    expect(rule.check(both(daysAgo(0), daysAgo(1)), ctx(NOW, {}))).toHaveLength(1)
  })

  it('null cells everywhere give no finding and no exception', () => {
    const row = userRow({
      keys: [
        { active: null, lastRotated: null, lastUsedDate: null },
        { active: null, lastRotated: null, lastUsedDate: null }
      ]
    })
    expect(rule.check(row, ctx(NOW, { 'grace-days': 7 }))).toEqual([])
  })

  it('remediation deactivates a key chosen by a person (placeholder id)', () => {
    const step = rule.remediation({ user: 'alice', arn: 'x', credential: null })
    expect(step.kind).toBe('command')
    if (step.kind === 'command') expect(step.fix[0]).toContain('<ACCESS_KEY_ID>')
  })
})
