import type { Cell } from '../../src/report/types.js'
import { rootSigningCertificates as rule } from '../../src/rules/root-signing-certificates.js'
import { formatTimestamp } from '../../src/time.js'
import { ctx, daysAgo, NON_TIMESTAMPS, rootRow, SENTINELS, SUFFIXES } from '../helpers/rows.js'

describe('root-signing-certificates', () => {
  it('reports nothing for a root without certificates', () => {
    expect(rule.check(rootRow(), ctx())).toEqual([])
  })

  describe.each(SUFFIXES)('timestamps with suffix %s', suffix => {
    it.each([0, 1])('an active certificate in slot %d fires', i => {
      const t = daysAgo(30, suffix)
      const certs = [undefined, undefined] as (
        { active: boolean; lastRotated: number } | undefined
      )[]
      certs[i] = { active: true, lastRotated: t }
      const hits = rule.check(rootRow({ certs }), ctx())
      expect(hits).toHaveLength(1)
      expect(hits[0]!.credential).toBe(i === 0 ? 'cert_1' : 'cert_2')
      expect(hits[0]!.message).toContain(`${formatTimestamp(t)}, 30 days ago`)
    })
  })

  it('reports both certificates', () => {
    const c = { active: true, lastRotated: daysAgo(1) }
    expect(rule.check(rootRow({ certs: [c, c] }), ctx()).map(h => h.credential)).toEqual([
      'cert_1',
      'cert_2'
    ])
  })

  it.each([false, ...SENTINELS, null] as Cell<boolean>[])(
    'cert_N_active %p does not fire',
    active => {
      const c = { active, lastRotated: daysAgo(1) }
      expect(rule.check(rootRow({ certs: [c, c] }), ctx())).toEqual([])
    }
  )

  it.each(NON_TIMESTAMPS)('an active certificate with last_rotated %p still fires', lastRotated => {
    const hits = rule.check(rootRow({ certs: [{ active: true, lastRotated }] }), ctx())
    expect(hits).toHaveLength(1)
  })

  it('the account summary saying no certificates wins over a stale report', () => {
    const row = rootRow({ certs: [{ active: true, lastRotated: daysAgo(1) }] })
    const account = (present: boolean) => ({
      summary: {
        status: 'known' as const,
        value: {
          mfaEnabled: true,
          accessKeysPresent: false,
          passwordPresent: true,
          signingCertificatesPresent: present
        }
      }
    })
    expect(rule.check(row, ctx(undefined, {}, account(false)))).toEqual([])
    expect(rule.check(row, ctx(undefined, {}, account(true)))).toHaveLength(1)
  })

  it('ignores access keys', () => {
    const row = rootRow({ keys: [{ active: true, lastRotated: daysAgo(1) }] })
    expect(rule.check(row, ctx())).toEqual([])
  })
})
