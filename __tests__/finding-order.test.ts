import fc from 'fast-check'
import type { Finding } from '../src/evaluation.js'
import { compareFindings, sortFindings } from '../src/finding-order.js'
import { SEVERITIES } from '../src/severity.js'

const finding = fc.record({
  severity: fc.constantFrom(...SEVERITIES),
  ruleId: fc.constantFrom('root-mfa', 'root-mfa-x', 'user-mfa', 'access-key-rotation', 'a'),
  user: fc.string({ unit: fc.constantFrom('a', 'B', 'b', '-', '.', 'é'), maxLength: 4 }),
  credential: fc.constantFrom(null, 'password', 'access_key_1', 'access_key_2', 'cert_1'),
  message: fc.nat().map(n => `#${n}`)
})

describe('sortFindings', () => {
  it('orders as a stable sort by compareFindings does', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 200 }), list => {
        const findings = list as unknown as Finding[]
        const expected = [...findings].sort(compareFindings)
        const input = [...findings]
        expect(sortFindings(input)).toBe(input)
        expect(input.map(f => f.message)).toEqual(expected.map(f => f.message))
      }),
      { numRuns: 1000 }
    )
  })

  it('puts the most severe first, then rule ids and users in code-unit order', () => {
    const f = (severity: string, ruleId: string, user: string, credential: string | null) =>
      ({ severity, ruleId, user, credential }) as Finding
    const sorted = sortFindings([
      f('low', 'a', 'x', null),
      f('critical', 'z', 'b', 'access_key_2'),
      f('critical', 'z', 'b', 'access_key_1'),
      f('critical', 'z', 'B', null),
      f('high', 'root-mfa-x', 'a', null),
      f('high', 'root-mfa', 'b', null)
    ])
    expect(sorted.map(x => `${x.severity} ${x.ruleId} ${x.user} ${x.credential}`)).toEqual([
      'critical z B null',
      'critical z b access_key_1',
      'critical z b access_key_2',
      'high root-mfa b null',
      'high root-mfa-x a null',
      'low a x null'
    ])
  })
})
