import type { Cell } from '../../src/report/types.js'
import { signingCertificateRotation as rule } from '../../src/rules/signing-certificate-rotation.js'
import { formatTimestamp } from '../../src/time.js'
import {
  ctx,
  daysAgo,
  NON_TIMESTAMPS,
  NOW,
  rootRow,
  SENTINELS,
  SUFFIXES,
  userRow,
  withDefaults
} from '../helpers/rows.js'
import type { CertOverrides } from '../helpers/rows.js'

function row(cert: CertOverrides, slot: 0 | 1 = 0) {
  const certs: (CertOverrides | undefined)[] = [undefined, undefined]
  certs[slot] = { active: true, ...cert }
  return userRow({ certs })
}

const defaults = () => ctx(NOW, withDefaults(rule))

describe('signing-certificate-rotation', () => {
  it('reports nothing for a user without certificates', () => {
    expect(rule.check(userRow(), defaults())).toEqual([])
  })

  describe.each(SUFFIXES)('timestamps with suffix %s', suffix => {
    describe.each([0, 1] as const)('certificate slot %d', slot => {
      it.each([
        [89, false],
        [90, false],
        [91, true]
      ])('uploaded %d days ago (limit 90, fires at >): finding %p', (age, fires) => {
        const uploaded = daysAgo(age, suffix)
        const hits = rule.check(row({ lastRotated: uploaded }, slot), defaults())
        expect(hits).toHaveLength(fires ? 1 : 0)
        if (fires) {
          expect(hits[0]!.credential).toBe(slot === 0 ? 'cert_1' : 'cert_2')
          expect(hits[0]!.message).toBe(
            `Active X.509 signing certificate ${slot === 0 ? 'cert_1' : 'cert_2'} was uploaded ${formatTimestamp(uploaded)}, ${age} days ago, more than the 90 days allowed.`
          )
        }
      })
    })
  })

  it('one finding per old certificate', () => {
    const c = { active: true, lastRotated: daysAgo(200) }
    const hits = rule.check(userRow({ certs: [c, c] }), defaults())
    expect(hits.map(h => h.credential)).toEqual(['cert_1', 'cert_2'])
  })

  it.each([false, ...SENTINELS, null] as Cell<boolean>[])(
    'cert_N_active %p (inactive, no certificate or column missing): no finding',
    active => {
      expect(rule.check(row({ active, lastRotated: daysAgo(400) }), defaults())).toEqual([])
    }
  )

  it.each(NON_TIMESTAMPS)('cert_N_last_rotated %p: no finding', lastRotated => {
    expect(rule.check(row({ lastRotated }), defaults())).toEqual([])
  })

  it.each([
    [30, 30, false],
    [30, 31, true],
    [365, 366, true]
  ])('max-age-days %d, uploaded %d days ago: finding %p', (max, age, fires) => {
    const hits = rule.check(row({ lastRotated: daysAgo(age) }), ctx(NOW, { 'max-age-days': max }))
    expect(hits).toHaveLength(fires ? 1 : 0)
    if (fires) expect(hits[0]!.message).toContain(`the ${max} days allowed`)
  })

  it('falls back to 90 days when the parameter is absent', () => {
    expect(rule.check(row({ lastRotated: daysAgo(91) }), ctx(NOW, {}))).toHaveLength(1)
    expect(rule.check(row({ lastRotated: daysAgo(90) }), ctx(NOW, {}))).toEqual([])
  })

  it('ignores access keys', () => {
    const r = userRow({ keys: [{ active: true, lastRotated: daysAgo(400) }] })
    expect(rule.check(r, defaults())).toEqual([])
  })

  it('is a user rule: the evaluator never gives it the root row (root-signing-certificates has it)', () => {
    expect(rule.scope).toBe('users')
    // Even if handed the root row, the check reads only the certificate cells.
    const root = rootRow({ certs: [{ active: true, lastRotated: daysAgo(10) }] })
    expect(rule.check(root, defaults())).toEqual([])
  })

  it('the remediation is manual: it looks the certificate id up and never runs a command with a placeholder', () => {
    const step = rule.remediation({
      user: 'svc-legacy',
      arn: 'arn:aws:iam::123456789012:user/svc-legacy',
      credential: 'cert_2'
    })
    expect(step.kind).toBe('manual')
    if (step.kind !== 'manual') return
    expect(step.instructions).toContain('aws iam list-signing-certificates --user-name svc-legacy')
    expect(step.instructions).toContain(
      'aws iam update-signing-certificate --user-name svc-legacy --certificate-id <certificate-id> --status Inactive'
    )
    expect(step.instructions).toContain('--status Active')
    expect(step.instructions).toContain('cert_2_last_rotated')
  })
})
