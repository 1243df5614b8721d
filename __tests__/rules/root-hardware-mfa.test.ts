import type { AccountFacts, AccountSummary, VirtualMfaDevice } from '../../src/account/types.js'
import { isRootArn, rootHardwareMfa as rule } from '../../src/rules/root-hardware-mfa.js'
import { ctx } from '../helpers/rows.js'

const ROOT = 'arn:aws:iam::123456789012:root'

function facts(devices: VirtualMfaDevice[], s: Partial<AccountSummary> = {}): AccountFacts {
  return {
    summary: {
      status: 'known',
      value: {
        mfaEnabled: true,
        accessKeysPresent: false,
        passwordPresent: true,
        signingCertificatesPresent: false,
        ...s
      }
    },
    virtualMfaDevices: { status: 'known', value: devices }
  }
}

const device = (userArn: string | null, serial = 'arn:aws:iam::123456789012:mfa/dev') => ({
  serialNumber: serial,
  userArn
})

describe('root-hardware-mfa', () => {
  it.each([
    [ROOT, true],
    ['arn:aws-us-gov:iam::123456789012:root', true],
    ['arn:aws-cn:iam::123456789012:root', true],
    ['arn:aws:iam::123456789012:user/rootadmin', false],
    ['arn:aws:iam::123456789012:user/root', false],
    ['arn:aws:iam::123456789012:rootadmin', false],
    ['arn:aws:iam::123456789012:root/x', false],
    ['xarn:aws:iam::123456789012:root', false],
    ['arn:aws:iam::12345678901:root', false],
    ['arn:aws:sts::123456789012:root', false],
    ['arn:aws:iam::123456789012:user/admin', false]
  ])('a virtual device assigned to %s: finding %p', (arn, fires) => {
    expect(isRootArn(arn)).toBe(fires)
    const hits = rule.check(ctx(undefined, {}, facts([device(arn)])))
    expect(hits).toHaveLength(fires ? 1 : 0)
  })

  it('an unassigned device (null user) is not root', () => {
    expect(isRootArn(null)).toBe(false)
    expect(rule.check(ctx(undefined, {}, facts([device(null)])))).toEqual([])
  })

  it('no virtual devices: hardware MFA, no finding', () => {
    expect(rule.check(ctx(undefined, {}, facts([])))).toEqual([])
  })

  it('lists every virtual device assigned to root', () => {
    const devices = [
      device(ROOT, 'arn:aws:iam::123456789012:mfa/root-account-mfa-device'),
      device('arn:aws:iam::123456789012:user/rootadmin', 'arn:aws:iam::123456789012:mfa/rootadmin'),
      device(ROOT, 'arn:aws:iam::123456789012:mfa/spare')
    ]
    const hits = rule.check(ctx(undefined, {}, facts(devices)))
    expect(hits).toHaveLength(1)
    expect(hits[0]!.credential).toBeNull()
    expect(hits[0]!.message).toContain('2 virtual MFA devices')
    expect(hits[0]!.message).toContain('mfa/root-account-mfa-device')
    expect(hits[0]!.message).toContain('mfa/spare')
    expect(hits[0]!.message).not.toContain('mfa/rootadmin')
  })

  it('no MFA at all is root-mfa’s finding, not this one', () => {
    expect(rule.check(ctx(undefined, {}, facts([device(ROOT)], { mfaEnabled: false })))).toEqual([])
  })

  it.each([
    [false, false, false],
    [true, false, true],
    [false, true, true],
    [true, true, true]
  ])('password %p, access keys %p: finding %p', (passwordPresent, accessKeysPresent, fires) => {
    const hits = rule.check(
      ctx(undefined, {}, facts([device(ROOT)], { passwordPresent, accessKeysPresent }))
    )
    expect(hits).toHaveLength(fires ? 1 : 0)
  })

  it('missing or unavailable facts give no finding and no exception', () => {
    const full = facts([device(ROOT)])
    expect(rule.check(ctx())).toEqual([])
    expect(rule.check(ctx(undefined, {}, { summary: full.summary }))).toEqual([])
    expect(rule.check(ctx(undefined, {}, { virtualMfaDevices: full.virtualMfaDevices }))).toEqual(
      []
    )
    expect(
      rule.check(
        ctx(undefined, {}, { ...full, summary: { status: 'unavailable', reason: 'AccessDenied' } })
      )
    ).toEqual([])
    expect(
      rule.check(
        ctx(
          undefined,
          {},
          {
            ...full,
            virtualMfaDevices: { status: 'unavailable', reason: 'AccessDenied' }
          }
        )
      )
    ).toEqual([])
  })

  it('declares the facts it needs and no report columns', () => {
    expect(rule.requiredFacts).toEqual(['summary', 'virtualMfaDevices'])
    expect(rule.requiredColumns).toEqual([])
  })
})
