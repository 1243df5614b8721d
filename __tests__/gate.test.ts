import type { Finding } from '../src/evaluation.js'
import { countBySeverity, decideVerdict } from '../src/gate.js'
import type { Severity } from '../src/severity.js'

function finding(ruleId: string, severity: Severity, exempted = false): Finding {
  return {
    ruleId,
    severity,
    user: 'alice',
    arn: 'arn:aws:iam::123456789012:user/alice',
    credential: null,
    message: 'm',
    fingerprint: `${ruleId}-${severity}`,
    reportLine: 2,
    exempted
  }
}

describe('decideVerdict', () => {
  it('fails on findings at the threshold and names the rules with counts', () => {
    const v = decideVerdict(
      [
        finding('console-user-mfa', 'high'),
        finding('console-user-mfa', 'high'),
        finding('root-recent-use', 'high'),
        finding('unused-access-key', 'medium')
      ],
      'high'
    )
    expect(v).toEqual({
      result: 'failed',
      failOnSeverity: 'high',
      breaches: 3,
      summary: 'failed: 3 high findings — console-user-mfa ×2, root-recent-use'
    })
  })

  it('joins several severities above the threshold', () => {
    const v = decideVerdict(
      [finding('root-mfa', 'critical'), finding('console-user-mfa', 'high')],
      'high'
    )
    expect(v.summary).toBe('failed: 1 critical and 1 high findings — root-mfa, console-user-mfa')
  })

  it('passes when only findings below the threshold remain and says so', () => {
    const v = decideVerdict([finding('unused-access-key', 'medium')], 'high')
    expect(v).toMatchObject({ result: 'passed', breaches: 0 })
    expect(v.summary).toBe(
      'passed: no findings at or above high (1 medium finding below the threshold)'
    )
  })

  it('ignores exempted findings', () => {
    const v = decideVerdict([finding('root-mfa', 'critical', true)], 'low')
    expect(v.result).toBe('passed')
    expect(v.summary).toBe('passed: no findings at or above low')
  })

  it('never fails with fail-on-severity none', () => {
    const v = decideVerdict([finding('root-mfa', 'critical')], 'none')
    expect(v).toMatchObject({
      result: 'passed',
      summary: 'passed: fail-on-severity is none, 1 finding reported'
    })
  })

  // Every severity against every threshold, written out: at or above the threshold fails.
  it.each([
    ['critical', 'critical', 'failed'],
    ['critical', 'high', 'failed'],
    ['critical', 'medium', 'failed'],
    ['critical', 'low', 'failed'],
    ['critical', 'none', 'passed'],
    ['high', 'critical', 'passed'],
    ['high', 'high', 'failed'],
    ['high', 'medium', 'failed'],
    ['high', 'low', 'failed'],
    ['high', 'none', 'passed'],
    ['medium', 'critical', 'passed'],
    ['medium', 'high', 'passed'],
    ['medium', 'medium', 'failed'],
    ['medium', 'low', 'failed'],
    ['medium', 'none', 'passed'],
    ['low', 'critical', 'passed'],
    ['low', 'high', 'passed'],
    ['low', 'medium', 'passed'],
    ['low', 'low', 'failed'],
    ['low', 'none', 'passed']
  ] as const)('a %s finding with fail-on-severity %s: %s', (severity, failOn, result) => {
    const v = decideVerdict([finding('r', severity)], failOn)
    expect(v.result).toBe(result)
    expect(v.breaches).toBe(result === 'failed' ? 1 : 0)
    // The same finding exempted never fails the gate.
    expect(decideVerdict([finding('r', severity, true)], failOn)).toMatchObject({
      result: 'passed',
      breaches: 0
    })
  })

  it('counts breaches over every severity at or above the threshold, exempted ones left out', () => {
    const findings = [
      finding('root-mfa', 'critical'),
      finding('console-user-mfa', 'high'),
      finding('console-user-mfa', 'high', true),
      finding('unused-access-key', 'medium'),
      finding('user-mfa', 'low')
    ]
    expect(decideVerdict(findings, 'critical').breaches).toBe(1)
    expect(decideVerdict(findings, 'high').breaches).toBe(2)
    expect(decideVerdict(findings, 'medium').breaches).toBe(3)
    expect(decideVerdict(findings, 'low')).toEqual({
      result: 'failed',
      failOnSeverity: 'low',
      breaches: 4,
      summary:
        'failed: 1 critical, 1 high, 1 medium and 1 low findings — root-mfa, console-user-mfa, unused-access-key, user-mfa'
    })
  })

  it('with no findings passes and says there are none', () => {
    expect(decideVerdict([], 'low')).toEqual({
      result: 'passed',
      failOnSeverity: 'low',
      breaches: 0,
      summary: 'passed: no findings at or above low'
    })
    expect(decideVerdict([], 'none').summary).toBe('passed: fail-on-severity is none')
    expect(decideVerdict([finding('a', 'low'), finding('b', 'low')], 'none').summary).toBe(
      'passed: fail-on-severity is none, 2 findings reported'
    )
    expect(decideVerdict([finding('a', 'low'), finding('b', 'medium')], 'high').summary).toBe(
      'passed: no findings at or above high (1 medium and 1 low findings below the threshold)'
    )
  })
})

describe('countBySeverity', () => {
  it('counts only findings that are not exempted', () => {
    expect(
      countBySeverity([finding('a', 'high'), finding('b', 'high', true), finding('c', 'low')])
    ).toEqual({ critical: 0, high: 1, medium: 0, low: 1 })
    expect(
      countBySeverity([
        finding('a', 'critical'),
        finding('b', 'critical'),
        finding('c', 'medium'),
        finding('d', 'medium'),
        finding('e', 'medium')
      ])
    ).toEqual({ critical: 2, high: 0, medium: 3, low: 0 })
  })
})
