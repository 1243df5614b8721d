import type { AccountSummary } from '../../src/account/types.js'
import type { Cell, Timestamp } from '../../src/report/types.js'
import { rootAccessKeys as rule } from '../../src/rules/root-access-keys.js'
import { formatTimestamp } from '../../src/time.js'
import { ctx, daysAgo, NON_TIMESTAMPS, rootRow, SENTINELS, SUFFIXES } from '../helpers/rows.js'

const summary = (o: Partial<AccountSummary>) => ({
  summary: {
    status: 'known' as const,
    value: {
      mfaEnabled: true,
      accessKeysPresent: true,
      passwordPresent: true,
      signingCertificatesPresent: false,
      ...o
    }
  }
})

describe('root-access-keys', () => {
  it('reports nothing for a root with no keys', () => {
    expect(rule.check(rootRow(), ctx())).toEqual([])
  })

  describe.each(SUFFIXES)('timestamps with suffix %s', suffix => {
    it.each([0, 1] as const)('an active key in slot %d is a critical finding', i => {
      const created = daysAgo(400, suffix)
      const keys = [undefined, undefined] as (
        { active: boolean; lastRotated: Timestamp } | undefined
      )[]
      keys[i] = { active: true, lastRotated: created }
      const hits = rule.check(rootRow({ keys }), ctx())
      expect(hits).toHaveLength(1)
      expect(hits[0]!.credential).toBe(i === 0 ? 'access_key_1' : 'access_key_2')
      expect(hits[0]!.severity).toBeUndefined()
      expect(hits[0]!.message).toContain(formatTimestamp(created))
      expect(hits[0]!.message).toContain('400 days ago')
    })

    it('an inactive key that still exists is a low finding', () => {
      const created = daysAgo(10, suffix)
      const hits = rule.check(rootRow({ keys: [{ active: false, lastRotated: created }] }), ctx())
      expect(hits).toEqual([
        expect.objectContaining({ credential: 'access_key_1', severity: 'low' })
      ])
      expect(hits[0]!.message).toContain(formatTimestamp(created))
    })
  })

  it('reports each active key', () => {
    const t = daysAgo(5)
    const hits = rule.check(
      rootRow({
        keys: [
          { active: true, lastRotated: t, lastUsedDate: daysAgo(1) },
          { active: true, lastRotated: t }
        ]
      }),
      ctx()
    )
    expect(hits.map(h => h.credential)).toEqual(['access_key_1', 'access_key_2'])
  })

  it('mixes an active (critical) and an inactive (low) key', () => {
    const t = daysAgo(5)
    const hits = rule.check(
      rootRow({
        keys: [
          { active: false, lastRotated: t },
          { active: true, lastRotated: t }
        ]
      }),
      ctx()
    )
    expect(hits.map(h => [h.credential, h.severity])).toEqual([
      ['access_key_1', 'low'],
      ['access_key_2', undefined]
    ])
  })

  it.each(NON_TIMESTAMPS)('an inactive slot with last_rotated %p has no key', lastRotated => {
    expect(rule.check(rootRow({ keys: [{ active: false, lastRotated }] }), ctx())).toEqual([])
  })

  it.each([...SENTINELS, null] as Cell<boolean>[])(
    'access_key_N_active %p is neither active nor inactive',
    active => {
      const keys = [
        { active, lastRotated: daysAgo(5) },
        { active, lastRotated: daysAgo(5) }
      ]
      expect(rule.check(rootRow({ keys }), ctx())).toEqual([])
    }
  )

  it('an active key with a sentinel last_rotated still fires', () => {
    const hits = rule.check(rootRow({ keys: [{ active: true, lastRotated: 'N/A' }] }), ctx())
    expect(hits).toHaveLength(1)
    expect(hits[0]!.message).toContain('created N/A')
  })

  it('null cells everywhere give no finding and no exception', () => {
    const keys = [
      { active: null, lastRotated: null, lastUsedDate: null },
      { active: null, lastRotated: null, lastUsedDate: null }
    ]
    expect(rule.check(rootRow({ keys }), ctx())).toEqual([])
  })

  it('the account summary saying no keys wins over a stale report', () => {
    const row = rootRow({ keys: [{ active: true, lastRotated: daysAgo(5) }] })
    expect(rule.check(row, ctx(undefined, {}, summary({ accessKeysPresent: false })))).toEqual([])
    expect(rule.check(row, ctx(undefined, {}, summary({ accessKeysPresent: true })))).toHaveLength(
      1
    )
  })

  it('an unavailable summary falls back to the report', () => {
    const row = rootRow({ keys: [{ active: true, lastRotated: daysAgo(5) }] })
    const account = { summary: { status: 'unavailable' as const, reason: 'AccessDenied' } }
    expect(rule.check(row, ctx(undefined, {}, account))).toHaveLength(1)
  })

  it('ignores the password and MFA columns', () => {
    const row = rootRow({ passwordEnabled: true, mfaActive: false, passwordLastUsed: daysAgo(0) })
    expect(rule.check(row, ctx())).toEqual([])
  })

  it('remediation is manual (root only)', () => {
    const step = rule.remediation({ user: '<root_account>', arn: 'x', credential: 'access_key_1' })
    expect(step.kind).toBe('manual')
  })
})
