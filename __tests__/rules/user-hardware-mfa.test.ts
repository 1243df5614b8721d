import type { AccountFacts, VirtualMfaDevice } from '../../src/account/types.js'
import type { Cell } from '../../src/report/types.js'
import { userHardwareMfa as rule } from '../../src/rules/user-hardware-mfa.js'
import { ACCOUNT, ctx, NOW, rootRow, SENTINELS, userRow } from '../helpers/rows.js'

const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`

function facts(devices: VirtualMfaDevice[]): AccountFacts {
  return { virtualMfaDevices: { status: 'known', value: devices } }
}

const phone = (userArn: string | null, name = 'phone'): VirtualMfaDevice => ({
  serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/${name}`,
  userArn
})

const consoleUser = userRow({ passwordEnabled: true, mfaActive: true })

describe('user-hardware-mfa', () => {
  it('a console user with MFA and a virtual device assigned fires', () => {
    const hits = rule.check(consoleUser, ctx(NOW, {}, facts([phone(ALICE)])))
    expect(hits).toHaveLength(1)
    expect(hits[0]!.credential).toBeNull()
    expect(hits[0]!.message).toContain(`a virtual MFA device (arn:aws:iam::${ACCOUNT}:mfa/phone)`)
  })

  it('a console user with MFA and no virtual device (hardware only) passes', () => {
    const others = [phone(`arn:aws:iam::${ACCOUNT}:user/bob`), phone(null, 'unassigned')]
    expect(rule.check(consoleUser, ctx(NOW, {}, facts(others)))).toEqual([])
  })

  it('matches the user ARN exactly, not a prefix or another path', () => {
    const near = [
      phone(`arn:aws:iam::${ACCOUNT}:user/alice2`),
      phone(`arn:aws:iam::${ACCOUNT}:user/team/alice`),
      phone(`arn:aws:iam::${ACCOUNT}:root`)
    ]
    expect(rule.check(consoleUser, ctx(NOW, {}, facts(near)))).toEqual([])
  })

  it('lists every virtual device of the user', () => {
    const hits = rule.check(
      consoleUser,
      ctx(NOW, {}, facts([phone(ALICE, 'a'), phone(ALICE, 'b')]))
    )
    expect(hits).toHaveLength(1)
    expect(hits[0]!.message).toContain('2 virtual MFA devices')
  })

  it.each([false, ...SENTINELS, null] as Cell<boolean>[])(
    'password_enabled %p: no finding (only console users are checked)',
    passwordEnabled => {
      const r = userRow({ passwordEnabled, mfaActive: true })
      expect(rule.check(r, ctx(NOW, {}, facts([phone(ALICE)])))).toEqual([])
    }
  )

  it.each([false, ...SENTINELS, null] as Cell<boolean>[])(
    'mfa_active %p: no finding (no MFA at all is console-user-mfa)',
    mfaActive => {
      const r = userRow({ passwordEnabled: true, mfaActive })
      expect(rule.check(r, ctx(NOW, {}, facts([phone(ALICE)])))).toEqual([])
    }
  )

  it('a missing or unavailable fact gives no finding and no exception', () => {
    expect(rule.check(consoleUser, ctx(NOW, {}))).toEqual([])
    const denied: AccountFacts = {
      virtualMfaDevices: { status: 'unavailable', reason: 'missing permission x' }
    }
    expect(rule.check(consoleUser, ctx(NOW, {}, denied))).toEqual([])
  })

  it('needs the virtual MFA device fact, so the evaluator reports it as not evaluated without it', () => {
    expect(rule.requiredFacts).toEqual(['virtualMfaDevices'])
    expect(rule.enabledByDefault).toBe(false)
  })

  it('is a user rule: root with a virtual device is root-hardware-mfa', () => {
    expect(rule.scope).toBe('users')
    const root = rootRow({ passwordEnabled: true })
    expect(rule.check(root, ctx(NOW, {}, facts([phone(ALICE)])))).toEqual([])
  })

  it('the remediation is manual (a person registers the hardware device)', () => {
    const step = rule.remediation({ user: 'alice', arn: ALICE, credential: null })
    expect(step.kind).toBe('manual')
  })
})
