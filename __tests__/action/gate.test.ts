/**
 * End to end, the gate comes last: every output exists when the step fails,
 * soft-fail passes the step, fail-on-severity overrides the policy, and an
 * output that cannot be written fails the step without losing the others.
 */
import { describe, expect, it } from '@jest/globals'
import {
  breachingReport,
  expectCleanStderr,
  expectEveryDeclaredOutput,
  expectOutputsMatchJson,
  mediumOnlyReport,
  OIDC_AUDIT_CALLS,
  readJson,
  readSarif,
  runFileAudit,
  ROLE,
  ROOT_KEYS_PRESENT_SUMMARY,
  startFake,
  summaryHeading,
  tally
} from './helpers.js'
import { failure, messages, runAction } from './run-action.js'

const REPORT = 'report.csv'
const ALL_FILES = {
  'json-file': 'out/result.json',
  'sarif-file': 'out/result.sarif',
  'remediation-file': 'out/remediate.sh'
}
const BREACH = 'failed: 1 critical and 1 high findings — root-access-keys, console-user-mfa'

describe('gate order: outputs first, then the failure', () => {
  it('a breached live audit leaves SARIF, JSON, remediation, summary and outputs, then fails', async () => {
    const fake = await startFake({
      report: breachingReport(),
      summary: ROOT_KEYS_PRESENT_SUMMARY,
      accessKeys: { erin: [] }
    })
    const r = await runAction({ fake, inputs: { 'role-to-assume': ROLE, ...ALL_FILES } })
    expectCleanStderr(r)
    expect(tally(fake)).toEqual(OIDC_AUDIT_CALLS)
    expect(r.files.sort()).toEqual(['out/remediate.sh', 'out/result.json', 'out/result.sarif'])
    const doc = readJson(r, 'out/result.json')
    expect(readSarif(r, 'out/result.sarif').runs[0]?.results).toHaveLength(3)
    expect(r.readFile('out/remediate.sh')).toMatch(/^#!/)
    expectEveryDeclaredOutput(r)
    expectOutputsMatchJson(r, doc)
    expect(r.outputs).toMatchObject({ result: 'failed', ...ALL_FILES })
    expect(summaryHeading(r)).toBe(`## ❌ IAM Credential Gate ${BREACH}`)

    expect(r.code).toBe(1)
    expect(failure(r)).toBe(`policy breached: ${BREACH}`)
    // The failure is the last thing the step says, after every annotation.
    expect(r.commands.filter(c => c.command !== 'debug').at(-1)?.message).toBe(
      `policy breached: ${BREACH}`
    )
  })

  it('soft-fail: the same breach passes the step with a warning', async () => {
    const r = await runFileAudit({
      files: { [REPORT]: breachingReport() },
      inputs: { 'report-file': REPORT, 'soft-fail': 'true', ...ALL_FILES }
    })
    expect(r.code).toBe(0)
    expect(failure(r)).toBeUndefined()
    expect(r.outputs.result).toBe('failed')
    expect(messages(r, 'warning')).toContain(
      `policy breached (soft-fail, the step passes): ${BREACH}`
    )
    // The findings are still annotated as errors: they are why the gate would fail.
    expect(r.annotations.filter(a => a.level === 'error').length).toBe(2)
    expect(r.files.length).toBe(4)
  })

  it.each([
    ['none', breachingReport, 0, 'passed'],
    ['critical', breachingReport, 1, 'failed'],
    ['medium', mediumOnlyReport, 1, 'failed'],
    ['', mediumOnlyReport, 0, 'passed']
  ] as const)('fail-on-severity %p overrides the policy', async (failOn, report, code, result) => {
    const r = await runFileAudit({
      files: {
        [REPORT]: report(),
        '.github/iam-credential-policy.yml': 'version: 1\nfail-on-severity: high\n'
      },
      inputs: { 'report-file': REPORT, 'fail-on-severity': failOn, 'json-file': 'r.json' }
    })
    expect(r.code).toBe(code)
    const doc = readJson(r, 'r.json')
    expect(doc.policy.failOnSeverity).toBe(failOn || 'high')
    expect(r.outputs.result).toBe(result)
    expect(r.summary).toContain(`- **Fail on severity:** \`${failOn || 'high'}\``)
  })
})

describe('outputs that cannot be written', () => {
  it('an unwritable sarif-file: an error names it, the JSON and summary are still written', async () => {
    const r = await runFileAudit({
      files: { [REPORT]: mediumOnlyReport(), blocker: 'a file, not a folder' },
      inputs: {
        'report-file': REPORT,
        'sarif-file': 'blocker/result.sarif',
        'json-file': 'result.json'
      }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    expect(failure(r)).toBe(
      'error: cannot write sarif file blocker/result.sarif: a parent of the path is not a folder'
    )
    const doc = readJson(r, 'result.json')
    expect(doc.verdict.result).toBe('passed')
    expectEveryDeclaredOutput(r)
    expect(r.outputs).toMatchObject({
      result: 'passed',
      'sarif-file': '',
      'json-file': 'result.json'
    })
    expect(summaryHeading(r)).toMatch(/^## ✅ IAM Credential Gate passed/)
    // No temporary file left behind.
    expect(r.files.sort()).toEqual(['blocker', REPORT, 'result.json'].sort())
  })

  it('an unwritable file and a breach: both are said, the failure is the error', async () => {
    const r = await runFileAudit({
      files: { [REPORT]: breachingReport(), blocker: '' },
      inputs: { 'report-file': REPORT, 'sarif-file': 'blocker/x.sarif' }
    })
    expect(r.code).toBe(1)
    expect(messages(r, 'error')).toContain(`policy breached: ${BREACH}`)
    expect(failure(r)).toMatch(/^error: cannot write sarif file blocker\/x\.sarif/)
    expect(r.outputs.result).toBe('failed')
  })

  it('a job summary that cannot be written: files and outputs are still written, the step fails', async () => {
    const r = await runFileAudit({
      files: { [REPORT]: mediumOnlyReport() },
      inputs: { 'report-file': REPORT, 'json-file': 'result.json' },
      env: { GITHUB_STEP_SUMMARY: '/nonexistent/step_summary' }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    expect(failure(r)).toMatch(
      /^error: cannot write the job summary: Unable to access summary file: '\/nonexistent\/step_summary'/
    )
    expectEveryDeclaredOutput(r)
    expect(r.outputs).toMatchObject({
      result: 'passed',
      'json-file': 'result.json',
      'sarif-file': 'iam-credential-gate.sarif'
    })
    expect(r.exists('result.json')).toBe(true)
    expect(r.exists('iam-credential-gate.sarif')).toBe(true)
    expect(r.stdout).not.toMatch(/internal error/)
  })

  it('step outputs that cannot be written: the files and summary still are, the step fails', async () => {
    const r = await runFileAudit({
      files: { [REPORT]: mediumOnlyReport() },
      inputs: { 'report-file': REPORT, 'json-file': 'result.json' },
      env: { GITHUB_OUTPUT: '/nonexistent/github_output' }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    expect(failure(r)).toMatch(
      /^error: cannot write the step outputs: .*\/nonexistent\/github_output/
    )
    expect(r.files.sort()).toEqual(['iam-credential-gate.sarif', REPORT, 'result.json'].sort())
    expect(summaryHeading(r)).toMatch(/^## ✅ IAM Credential Gate passed/)
  })

  it('without GITHUB_STEP_SUMMARY (not a runner that offers one): no summary, no error', async () => {
    const r = await runFileAudit({
      files: { [REPORT]: mediumOnlyReport() },
      inputs: { 'report-file': REPORT },
      env: { GITHUB_STEP_SUMMARY: undefined }
    })
    expect(r.code).toBe(0)
    expect(r.outputs.result).toBe('passed')
  })
})
