import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { evaluate } from '../src/evaluate.js'
import { defaultPolicy, loadPolicy } from '../src/policy/load.js'
import { parseCredentialReport } from '../src/report/parse.js'
import { diffPolicies } from '../src/review/diff.js'
import { DEFAULT_MAX_EXEMPTION_DAYS } from '../src/review/review.js'
import { TEST_NOW } from './support/clock.js'

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples')
const report = parseCredentialReport(readFileSync(join(examples, 'credential-report.csv')), {
  source: 'examples/credential-report.csv'
})
const policy = loadPolicy(
  readFileSync(join(examples, 'iam-credential-policy.yml'), 'utf8'),
  'examples/iam-credential-policy.yml'
)

// The example report is a snapshot (generated 2026-11-21); its policy's dates are relative to it.
describe('the example policy on the example report', () => {
  const evaluation = evaluate(report, policy, TEST_NOW)

  it('uses every exemption: no stale or expired exemption warning', () => {
    expect(evaluation.warnings).toEqual([])
    const used = new Set(evaluation.findings.map(f => f.exemption?.index))
    expect(policy.exemptions.map((_, i) => used.has(i))).toEqual(policy.exemptions.map(() => true))
  })

  it("passes the policy review's own max-exemption-days default when added to a policy", () => {
    const changes = diffPolicies(defaultPolicy(), policy, {
      now: TEST_NOW,
      maxExemptionDays: DEFAULT_MAX_EXEMPTION_DAYS
    })
    expect(changes.filter(c => c.kind === 'exemption-too-long')).toEqual([])
    expect(changes.some(c => c.kind === 'exemption-added')).toBe(true)
  })
})
