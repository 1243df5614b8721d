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

  it.each([
    ['critical', 'critical', 'failed'],
    ['high', 'critical', 'passed'],
    ['low', 'low', 'failed'],
    ['low', 'medium', 'passed']
  ] as const)('a %s finding with fail-on-severity %s: %s', (severity, failOn, result) => {
    expect(decideVerdict([finding('r', severity)], failOn).result).toBe(result)
  })
})

describe('countBySeverity', () => {
  it('counts only findings that are not exempted', () => {
    expect(
      countBySeverity([finding('a', 'high'), finding('b', 'high', true), finding('c', 'low')])
    ).toEqual({ critical: 0, high: 1, medium: 0, low: 1 })
  })
})
