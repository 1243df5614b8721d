import type { AccountSummary } from '../../src/account/types.js'
import type { Cell } from '../../src/report/types.js'
import { rootMfa as rule } from '../../src/rules/root-mfa.js'
import { ctx, daysAgo, rootRow } from '../helpers/rows.js'

const known = (o: Partial<AccountSummary>) => ({
  summary: {
    status: 'known' as const,
    value: {
      mfaEnabled: false,
      accessKeysPresent: false,
      passwordPresent: true,
      signingCertificatesPresent: false,
      ...o
    }
  }
})

describe('root-mfa', () => {
  describe('from the report', () => {
    it.each<[Cell<boolean>, Cell<boolean>, boolean]>([
      ['not_supported', false, true],
      [true, false, true],
      [false, false, false],
      ['N/A', false, false],
      ['no_information', false, false],
      [null, false, false],
      ['not_supported', true, false],
      [true, true, false],
      ['not_supported', 'N/A', false],
      ['not_supported', 'no_information', false],
      ['not_supported', 'not_supported', false],
      ['not_supported', null, false]
    ])('password_enabled %p, mfa_active %p: finding %p', (passwordEnabled, mfaActive, fires) => {
      const hits = rule.check(rootRow({ passwordEnabled, mfaActive }), ctx())
      expect(hits).toHaveLength(fires ? 1 : 0)
      if (fires) expect(hits[0]!.credential).toBeNull()
    })

    it('a password-only root with not_supported is not skipped (Prowler bug)', () => {
      const hits = rule.check(
        rootRow({
          passwordEnabled: 'not_supported',
          mfaActive: false,
          passwordLastUsed: daysAgo(3)
        }),
        ctx()
      )
      expect(hits).toHaveLength(1)
      expect(hits[0]!.message).toContain('password_enabled: not_supported')
      expect(hits[0]!.message).toContain('mfa_active: false')
    })

    it('a member account with root credentials removed (password_enabled false) passes', () => {
      expect(rule.check(rootRow({ passwordEnabled: false, mfaActive: false }), ctx())).toEqual([])
    })

    it('an unavailable summary falls back to the report', () => {
      const account = { summary: { status: 'unavailable' as const, reason: 'AccessDenied' } }
      expect(rule.check(rootRow({ mfaActive: false }), ctx(undefined, {}, account))).toHaveLength(1)
    })
  })

  describe('from the account summary (authoritative)', () => {
    it.each([
      [true, false, true],
      [true, true, false],
      [false, false, false],
      [false, true, false]
    ])(
      'AccountPasswordPresent %p, AccountMFAEnabled %p: finding %p',
      (passwordPresent, mfaEnabled, fires) => {
        // The report says the opposite on purpose: the summary decides.
        const row = rootRow({ passwordEnabled: 'not_supported', mfaActive: fires ? true : false })
        const hits = rule.check(row, ctx(undefined, {}, known({ passwordPresent, mfaEnabled })))
        expect(hits).toHaveLength(fires ? 1 : 0)
        if (fires) expect(hits[0]!.message).toContain('AccountMFAEnabled 0')
      }
    )

    it('no password and no keys (removed centrally) gives no finding', () => {
      const account = known({ passwordPresent: false, accessKeysPresent: false, mfaEnabled: false })
      expect(rule.check(rootRow({ mfaActive: false }), ctx(undefined, {}, account))).toEqual([])
    })

    it('keys only, no password, no MFA: no finding (CIS 7.0 wording)', () => {
      const account = known({ passwordPresent: false, accessKeysPresent: true, mfaEnabled: false })
      expect(rule.check(rootRow({ mfaActive: false }), ctx(undefined, {}, account))).toEqual([])
    })
  })

  it('null cells everywhere give no finding and no exception', () => {
    const row = rootRow({ passwordEnabled: null, mfaActive: null, passwordLastUsed: null })
    expect(rule.check(row, ctx())).toEqual([])
  })

  it('ignores the key columns', () => {
    const row = rootRow({ keys: [{ active: true, lastRotated: daysAgo(1) }] })
    expect(rule.check(row, ctx())).toEqual([])
  })

  it('remediation is manual', () => {
    expect(rule.remediation({ user: '<root_account>', arn: 'x', credential: null }).kind).toBe(
      'manual'
    )
  })
})
