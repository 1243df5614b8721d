/**
 * End to end, auditing a report file: no AWS call at all, the policy file
 * found (or not) in the workspace, and bad input that stops the run.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  breachingReport,
  expectCleanStderr,
  expectEveryDeclaredOutput,
  expectNothingWritten,
  expectOutputsMatchJson,
  exampleFiles,
  POLICY_PATH,
  readJson,
  readSarif,
  runFileAudit,
  ROLE,
  startFake,
  summaryHeading
} from './helpers.js'
import { EXAMPLE_POLICY, failure, messages, runAction } from './run-action.js'

const REPORT = 'audits/credential-report.csv'

describe('report-file', () => {
  it('audits the example report with the example policy and calls nothing', async () => {
    const fake = await startFake()
    const r = await runAction({
      fake,
      files: exampleFiles(),
      // role-to-assume is ignored when a report file is given.
      inputs: {
        'report-file': REPORT,
        'role-to-assume': ROLE,
        'json-file': 'result.json',
        'remediation-file': 'fix.sh'
      }
    })
    expectCleanStderr(r)
    expect(fake.count()).toBe(0)
    expect(fake.requests).toEqual([])

    const doc = readJson(r, 'result.json')
    expect(doc.report).toEqual({ source: 'file', file: REPORT, generatedAt: null, userCount: 12 })
    expect(doc.policy).toMatchObject({ source: 'file', file: POLICY_PATH, failOnSeverity: 'high' })
    expectEveryDeclaredOutput(r)
    expectOutputsMatchJson(r, doc)
    expect(r.outputs).toMatchObject({
      'account-id': '123456789012',
      'report-generated-at': '',
      'json-file': 'result.json',
      'sarif-file': 'iam-credential-gate.sarif',
      'remediation-file': 'fix.sh'
    })
    // The example report breaches its policy (its dates are fixed, and so is the run's time).
    expect(doc.verdict.result).toBe('failed')
    expect(doc.counts).toMatchObject({ critical: 5, high: 5, medium: 9, low: 8, exempted: 3 })
    expect(r.outputs['critical-count']).toBe('5')
    expect(r.code).toBe(1)
    expect(failure(r)).toBe(`policy breached: ${doc.verdict.summary}`)

    // Live-only rules are listed as not evaluated, in the summary and the JSON.
    expect(doc.notEvaluated.map(n => n.ruleId).sort()).toEqual([
      'password-policy',
      'root-hardware-mfa'
    ])
    expect(r.summary).toContain('### Rules not evaluated (2)')
    expect(r.summary).toContain('read from audits/credential-report.csv')
    expect(summaryHeading(r)).toBe(`## ❌ IAM Credential Gate ${doc.verdict.summary}`)

    // Annotations point at the policy file's rule lines: one error per critical or high
    // finding, 10 here, which is also the most GitHub shows.
    const errors = r.annotations.filter(a => a.level === 'error' && a.file)
    expect(errors).toHaveLength(10)
    for (const a of errors) expect(a).toMatchObject({ file: POLICY_PATH, line: expect.any(Number) })

    const sarif = readSarif(r, 'iam-credential-gate.sarif')
    expect(sarif.runs[0]?.results).toHaveLength(doc.findings.filter(f => !f.exempted).length)
  })

  it('applies the built-in policy with a notice when the default policy path is absent', async () => {
    const fake = await startFake()
    const r = await runAction({
      fake,
      files: { [REPORT]: breachingReport() },
      inputs: { 'report-file': REPORT, 'json-file': 'r.json' }
    })
    expect(fake.count()).toBe(0)
    const notices = messages(r, 'notice')
    expect(notices[0]).toMatch(
      /^No policy file at \.github\/iam-credential-policy\.yml: the built-in default policy applies/
    )
    expect(readJson(r, 'r.json').policy).toMatchObject({ source: 'built-in', file: null })
    expect(r.summary).toContain('- **Policy:** built-in default')
    expect(r.code).toBe(1)
    expect(failure(r)).toMatch(/^policy breached: failed: 1 critical and 1 high findings/)
  })

  it('uses the policy file at the default path when it exists', async () => {
    const r = await runFileAudit({
      files: {
        [REPORT]: breachingReport(),
        [POLICY_PATH]: 'version: 1\nfail-on-severity: critical\n'
      },
      inputs: { 'report-file': REPORT, 'json-file': 'r.json' }
    })
    expect(messages(r, 'notice').join('\n')).not.toContain('built-in')
    expect(readJson(r, 'r.json').policy).toMatchObject({
      source: 'file',
      file: POLICY_PATH,
      failOnSeverity: 'critical'
    })
    expect(r.code).toBe(1)
  })

  it('fails when a policy-file that was named does not exist', async () => {
    const fake = await startFake()
    const r = await runAction({
      fake,
      files: { [REPORT]: breachingReport() },
      inputs: {
        'report-file': REPORT,
        'policy-file': 'policies/missing.yml',
        'json-file': 'r.json'
      }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    expect(failure(r)).toBe('error: policy file policies/missing.yml not found')
    expect(fake.count()).toBe(0)
    expectNothingWritten(r, [REPORT])
  })

  it('fails when the policy-file named is the default path and absent', async () => {
    const r = await runFileAudit({
      files: { [REPORT]: breachingReport() },
      inputs: { 'report-file': REPORT, 'policy-file': POLICY_PATH }
    })
    expect(r.code).toBe(1)
    expect(failure(r)).toBe(`error: policy file ${POLICY_PATH} not found`)
  })

  it('fails when the report file does not exist', async () => {
    const r = await runFileAudit({ inputs: { 'report-file': 'nope.csv' } })
    expect(r.code).toBe(1)
    expect(failure(r)).toBe('error: credential report nope.csv not found')
    expectNothingWritten(r)
  })

  it('an invalid policy file: every problem annotated at its line, the step fails', async () => {
    const policy = readFileSync(EXAMPLE_POLICY, 'utf8')
      .replace('access-key-rotation:\n', 'access-key-rotaton:\n')
      .replace('fail-on-severity: high', 'fail-on-severity: hihg')
    const r = await runFileAudit({
      files: { [REPORT]: breachingReport(), 'policy.yml': policy },
      inputs: { 'report-file': REPORT, 'policy-file': 'policy.yml' }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    const located = r.annotations.filter(a => a.level === 'error' && a.file === 'policy.yml')
    expect(located.length).toBe(2)
    expect(located.map(a => a.message).join('\n')).toMatch(/did you mean 'access-key-rotation'/)
    for (const a of located)
      expect(a).toMatchObject({ line: expect.any(Number), col: expect.any(Number) })
    expect(failure(r)).toMatch(/^error: policy\.yml:\d+:\d+: /)
    expectNothingWritten(r, [REPORT, 'policy.yml'])
  })

  it('a malformed report names the file and line', async () => {
    const r = await runFileAudit({
      files: { [REPORT]: breachingReport().replace(/,true,/, ',maybe,') },
      inputs: { 'report-file': REPORT }
    })
    expect(r.code).toBe(1)
    expect(failure(r)).toMatch(/^error: audits\/credential-report\.csv line \d+/)
    expectNothingWritten(r, [REPORT])
  })
})

describe('inputs', () => {
  it.each([
    [
      'fail-on-severity',
      'hihg',
      /^error: input fail-on-severity must be one of critical, high, medium, low, none; got 'hihg'$/
    ],
    ['soft-fail', 'yes', /^error: input soft-fail must be true or false; got 'yes'$/],
    [
      'report-timeout-seconds',
      '0',
      /^error: input report-timeout-seconds must be a whole number from 1 to 3600; got '0'$/
    ],
    [
      'role-duration-seconds',
      '60',
      /^error: input role-duration-seconds must be a whole number from 900 to 43200/
    ]
  ])('%s: %s is refused before anything runs', async (name, value, expected) => {
    const fake = await startFake()
    const r = await runAction({
      fake,
      files: { [REPORT]: breachingReport() },
      inputs: { 'report-file': REPORT, 'role-to-assume': ROLE, [name]: value }
    })
    expect(r.code).toBe(1)
    expect(failure(r)).toMatch(expected)
    expect(fake.count()).toBe(0)
    expectNothingWritten(r, [REPORT])
  })

  it("sarif-file: '' writes no SARIF and sets the output empty", async () => {
    const r = await runFileAudit({
      files: { [REPORT]: breachingReport() },
      inputs: { 'report-file': REPORT, 'sarif-file': '', 'soft-fail': 'true' }
    })
    expect(r.code).toBe(0)
    expect(r.files).toEqual([REPORT])
    expect(r.outputs['sarif-file']).toBe('')
  })
})
