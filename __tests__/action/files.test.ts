/**
 * The action's file inputs: a report or policy file it cannot read, and an
 * output file input (sarif-file, json-file, remediation-file) that names an
 * input file or another output. Each stops the run before anything is read
 * or written, with one message naming the file.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unreadableFile } from '../io/unreadable.js'
import {
  breachingReport,
  expectCleanStderr,
  expectNothingWritten,
  POLICY_PATH,
  runFileAudit
} from './helpers.js'
import { cleanUpRuns, failure } from './run-action.js'

const REPORT = 'audits/credential-report.csv'
const unreadable = unreadableFile(mkdtempSync(join(tmpdir(), 'icg-unreadable-')))
const withUnreadable = unreadable === null ? it.skip : it

afterEach(cleanUpRuns)

describe('file inputs', () => {
  withUnreadable('a report-file it may not read: one message naming the file', async () => {
    const r = await runFileAudit({ inputs: { 'report-file': unreadable! } })
    expectCleanStderr(r)
    expect(r.stdout).not.toMatch(/^\s+at .+/m)
    expect(r.code).toBe(1)
    expect(failure(r)).toBe(
      `error: credential report ${unreadable} cannot be read: permission denied`
    )
    expectNothingWritten(r)
  })

  withUnreadable('a policy-file it may not read: one message naming the file', async () => {
    const r = await runFileAudit({
      files: { [REPORT]: breachingReport() },
      inputs: { 'report-file': REPORT, 'policy-file': unreadable! }
    })
    expect(r.stdout).not.toMatch(/^\s+at .+/m)
    expect(r.code).toBe(1)
    expect(failure(r)).toBe(`error: policy file ${unreadable} cannot be read: permission denied`)
    expectNothingWritten(r, [REPORT])
  })

  it.each([
    ['sarif-file', REPORT, 'report-file'],
    ['json-file', POLICY_PATH, 'policy-file'],
    ['remediation-file', `./audits/../${REPORT}`, 'report-file']
  ])('%s onto the %s file is refused, the file kept', async (output, path, input) => {
    const report = breachingReport()
    const policy = 'version: 1\n'
    const r = await runFileAudit({
      files: { [REPORT]: report, [POLICY_PATH]: policy },
      inputs: { 'report-file': REPORT, [output]: path }
    })
    expect(r.code).toBe(1)
    const named = input === 'report-file' ? REPORT : POLICY_PATH
    expect(failure(r)).toBe(
      `error: input ${output} ${path} is the same file as input ${input} ${named}: writing it would overwrite an input; choose another path`
    )
    expect(r.readFile(REPORT)).toBe(report)
    expect(r.readFile(POLICY_PATH)).toBe(policy)
    expectNothingWritten(r, [REPORT, POLICY_PATH])
  })

  it('two output inputs on one file are refused before anything is written', async () => {
    const r = await runFileAudit({
      files: { [REPORT]: breachingReport() },
      inputs: { 'report-file': REPORT, 'json-file': 'out/result', 'sarif-file': 'out/result' }
    })
    expect(r.code).toBe(1)
    expect(failure(r)).toBe(
      'error: input json-file out/result and input sarif-file out/result are the same file: give each output its own path'
    )
    expectNothingWritten(r, [REPORT])
  })
})
