/**
 * Exemption expiry at the day boundary, a fixed point: an exemption that
 * `expires: D` applies through the whole of day D (UTC) and not one
 * millisecond after; from then on it warns as expired, and never as stale.
 */
import { evaluate } from '../src/evaluate.js'
import { loadPolicy } from '../src/policy/load.js'
import { endOfDay } from '../src/policy/validate.js'
import { parseCredentialReport } from '../src/report/parse.js'
import { sampleReport, sampleRow } from './helpers/csv.js'

/** A console user without MFA: one high finding (console-user-mfa), and low user-mfa is off. */
const REPORT = parseCredentialReport(
  sampleReport([
    sampleRow({ user: 'bob', mfa_active: 'false', password_last_used: '2026-11-01T00:00:00Z' })
  ])
)

const policy = (expires: string) =>
  loadPolicy(
    `version: 1
exemptions:
  - rules: [console-user-mfa]
    users: [bob]
    reason: hardware token on order
    expires: ${expires}
`,
    'p.yml'
  )

const at = (iso: string) => Date.parse(iso)

function state(expires: string, now: number) {
  const e = evaluate(REPORT, policy(expires), now)
  const finding = e.findings.find(f => f.ruleId === 'console-user-mfa')
  return {
    exempted: finding?.exempted,
    exemptedCount: e.exemptedCount,
    result: e.verdict.result,
    warnings: e.warnings.map(w => w.kind)
  }
}

const LIVE = { exempted: true, exemptedCount: 1, result: 'passed', warnings: [] }
const EXPIRED = {
  exempted: false,
  exemptedCount: 0,
  result: 'failed',
  warnings: ['expired-exemption']
}

describe('exemption expiry', () => {
  it('ends at 00:00 UTC of the day after `expires`', () => {
    expect(endOfDay('2026-11-22')).toBe(at('2026-11-23T00:00:00.000Z'))
    expect(endOfDay('2026-12-31')).toBe(at('2027-01-01T00:00:00.000Z'))
    expect(endOfDay('2028-02-28')).toBe(at('2028-02-29T00:00:00.000Z'))
  })

  it.each([
    ['the day before', '2026-11-21T12:00:00.000Z', LIVE],
    ['the first moment of the day', '2026-11-22T00:00:00.000Z', LIVE],
    ['the last moment of the day', '2026-11-22T23:59:59.999Z', LIVE],
    ['the first moment of the next day', '2026-11-23T00:00:00.000Z', EXPIRED],
    ['one millisecond later', '2026-11-23T00:00:00.001Z', EXPIRED],
    ['a year later', '2027-11-23T00:00:00.000Z', EXPIRED]
  ])('expires 2026-11-22, evaluated %s (%s)', (_when, now, expected) => {
    expect(state('2026-11-22', at(now))).toEqual(expected)
  })

  it('crosses a month and a year end the same way', () => {
    expect(state('2026-12-31', at('2026-12-31T23:59:59.999Z'))).toEqual(LIVE)
    expect(state('2026-12-31', at('2027-01-01T00:00:00.000Z'))).toEqual(EXPIRED)
  })

  it('names the expiry date in the expired warning', () => {
    const e = evaluate(REPORT, policy('2026-11-22'), at('2026-11-23T00:00:00.000Z'))
    expect(e.warnings).toEqual([
      {
        kind: 'expired-exemption',
        message:
          'exemption 1 (rules console-user-mfa; users bob) expired on 2026-11-22 and no longer applies: remove it, or renew it with a new reason and expiry',
        file: 'p.yml',
        line: 3,
        column: 5
      }
    ])
  })
})
