import { planAnnotations } from '../../src/render/annotations.js'
import { ROOT_USER } from '../../src/report/types.js'
import type { EvaluationWarning } from '../../src/evaluation.js'
import { context, evaluation, exemption, finding, policy, ruleId } from './builders.js'

const ROTATION = ruleId('access-key-rotation')
const CONSOLE_MFA = ruleId('console-user-mfa', 'access-key-rotation')
const ROOT_MFA = ruleId('root-mfa', 'access-key-rotation')
const POLICY_PATH = '.github/iam-policy.yml'

const positions = { '/rules': 5, [`/rules/${CONSOLE_MFA}`]: 12, [`/rules/${ROOT_MFA}`]: 8 }

function warning(
  i: number,
  kind: EvaluationWarning['kind'] = 'stale-exemption'
): EvaluationWarning {
  return {
    kind,
    message: `Exemption ${i} matches no finding; remove it.`,
    file: POLICY_PATH,
    line: 30 + i,
    column: 5
  }
}

function fixedContext() {
  return context({
    evaluation: evaluation({
      findings: [
        finding({ ruleId: ROTATION, user: 'ci-deploy', severity: 'medium' }),
        finding({
          ruleId: CONSOLE_MFA,
          user: 'alice',
          credential: 'password',
          severity: 'high',
          message: 'Console password enabled without MFA.'
        }),
        finding({
          ruleId: ROOT_MFA,
          user: ROOT_USER,
          credential: null,
          severity: 'critical',
          message: 'The root user has no MFA device.'
        }),
        finding({
          ruleId: CONSOLE_MFA,
          user: 'exempt',
          credential: 'password',
          severity: 'high',
          exemption: exemption()
        })
      ],
      warnings: [
        warning(1, 'expired-exemption'),
        { kind: 'report', message: 'The report has 3 rows with an unknown column.' }
      ],
      failOnSeverity: 'high'
    }),
    policy: policy({ kind: 'file', path: POLICY_PATH }, positions)
  })
}

describe('planAnnotations', () => {
  it('plans a fixed evaluation (snapshot)', () => {
    expect(planAnnotations(fixedContext(), { policyFile: POLICY_PATH })).toMatchSnapshot()
  })

  it('annotates failing findings as errors, most severe first, at their rule line', () => {
    const plan = planAnnotations(fixedContext(), { policyFile: POLICY_PATH })
    const errors = plan.filter(a => a.level === 'error')
    expect(errors.map(a => a.properties.title?.split(' ')[0])).toEqual(['critical', 'high'])
    expect(errors[0]!.message).toBe('root account: The root user has no MFA device.')
    expect(errors[0]!.properties).toMatchObject({ file: POLICY_PATH, startLine: 8, endLine: 8 })
    expect(errors[1]!.message).toBe('alice password: Console password enabled without MFA.')
    expect(errors[1]!.properties).toMatchObject({ file: POLICY_PATH, startLine: 12 })
    // Exempted and below-threshold findings are not annotated.
    expect(plan.some(a => a.message.includes('exempt'))).toBe(false)
    expect(plan.some(a => a.message.includes('ci-deploy'))).toBe(false)
  })

  it('falls back to the /rules line, then line 1, and omits the file without a policy path', () => {
    const ctx = context({
      evaluation: evaluation({ findings: [finding({ severity: 'high' })] }),
      policy: policy({ kind: 'file', path: POLICY_PATH }, { '/rules': 5 })
    })
    expect(planAnnotations(ctx, { policyFile: POLICY_PATH })[0]!.properties.startLine).toBe(5)
    const bare = context({
      evaluation: evaluation({ findings: [finding({ severity: 'high' })] }),
      policy: policy({ kind: 'file', path: POLICY_PATH })
    })
    expect(planAnnotations(bare, { policyFile: POLICY_PATH })[0]!.properties.startLine).toBe(1)
    const none = planAnnotations(bare)[0]!
    expect(none.properties.file).toBeUndefined()
    expect(none.properties.startLine).toBeUndefined()
  })

  it('annotates policy warnings at their file and line', () => {
    const plan = planAnnotations(fixedContext(), { policyFile: POLICY_PATH })
    const warnings = plan.filter(a => a.level === 'warning')
    expect(warnings).toEqual([
      {
        level: 'warning',
        message: 'Exemption 1 matches no finding; remove it.',
        properties: {
          title: 'Expired exemption',
          file: POLICY_PATH,
          startLine: 31,
          endLine: 31,
          startColumn: 5
        }
      },
      {
        level: 'warning',
        message: 'The report has 3 rows with an unknown column.',
        properties: { title: 'Credential report' }
      }
    ])
  })

  it('maps an absolute policy path in warnings to the repo-relative path it is given', () => {
    const abs = '/home/runner/work/r/r/.github/iam-policy.yml'
    const ctx = context({
      evaluation: evaluation({ warnings: [{ ...warning(1), file: abs }] }),
      policy: policy({ kind: 'file', path: abs })
    })
    expect(planAnnotations(ctx, { policyFile: POLICY_PATH })[0]!.properties.file).toBe(POLICY_PATH)
    // Without one, an absolute path is not a repository file: no file property.
    expect(planAnnotations(ctx)[0]!.properties.file).toBeUndefined()
  })

  it('caps each level at 10 and ends with one notice that counts the rest', () => {
    const findings = Array.from({ length: 25 }, (_, i) =>
      finding({ user: `user-${String(i).padStart(2, '0')}`, severity: i < 3 ? 'critical' : 'high' })
    )
    findings.push(finding({ user: 'low-one', severity: 'low' }))
    const warnings = Array.from({ length: 12 }, (_, i) => warning(i))
    const plan = planAnnotations(
      context({ evaluation: evaluation({ findings, warnings, failOnSeverity: 'high' }) }),
      { policyFile: POLICY_PATH }
    )
    const count = (level: string) => plan.filter(a => a.level === level).length
    expect(count('error')).toBe(10)
    expect(count('warning')).toBe(10)
    expect(count('notice')).toBe(1)
    // Most severe first: the three critical findings lead.
    expect(plan.slice(0, 3).every(a => a.properties.title!.startsWith('critical'))).toBe(true)
    const notice = plan.at(-1)!
    expect(notice.level).toBe('notice')
    expect(notice.message).toBe(
      '15 more findings that fail the gate, 1 finding below fail-on-severity (high) that is not annotated and 2 more warnings: see the job summary and code scanning (SARIF).'
    )
  })

  it('adds no notice when everything fits', () => {
    const plan = planAnnotations(
      context({ evaluation: evaluation({ findings: [finding({ severity: 'high' })] }) })
    )
    expect(plan.map(a => a.level)).toEqual(['error'])
    expect(planAnnotations(context())).toEqual([])
  })

  it('annotates no finding when fail-on-severity is none, and says so', () => {
    const plan = planAnnotations(
      context({
        evaluation: evaluation({
          findings: [finding({ severity: 'critical' }), finding({ user: 'b', severity: 'low' })],
          failOnSeverity: 'none'
        })
      })
    )
    expect(plan).toHaveLength(1)
    expect(plan[0]!.level).toBe('notice')
    expect(plan[0]!.message).toMatch(/^2 findings below fail-on-severity \(none\)/)
  })

  it('keeps annotation text on one line', () => {
    const plan = planAnnotations(
      context({
        evaluation: evaluation({
          findings: [finding({ user: 'evil\nname', severity: 'high', message: 'a\r\nb' })]
        })
      })
    )
    expect(plan[0]!.message).toBe('evilU+000Aname access_key_1: aU+000DU+000Ab')
  })

  it('honours a smaller cap', () => {
    const findings = Array.from({ length: 5 }, (_, i) =>
      finding({ user: `u${i}`, severity: 'high' })
    )
    const plan = planAnnotations(context({ evaluation: evaluation({ findings }) }), {
      maxPerLevel: 2
    })
    expect(plan.map(a => a.level)).toEqual(['error', 'error', 'notice'])
  })
})
