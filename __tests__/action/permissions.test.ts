/**
 * End to end, the optional permissions: without them the affected rules are
 * "not evaluated: missing permission iam:X" and key ids are unknown, and the
 * run passes or fails on its findings alone.
 */
import { describe, expect, it } from '@jest/globals'
import { FAULT } from '../support/fake-aws.js'
import type { FakeAction, FaultMap } from '../support/fake-aws.js'
import { reportCsv, rootRow } from '../support/report-csv.js'
import {
  cleanReport,
  consoleUserWithoutMfa,
  daysAgo,
  expectCleanStderr,
  keyUser,
  OIDC_AUDIT_CALLS,
  readJson,
  ROLE,
  startFake,
  tally
} from './helpers.js'
import { failure, messages, runAction } from './run-action.js'

const denied = (...actions: FakeAction[]): FaultMap =>
  Object.fromEntries(actions.map(a => [a, () => FAULT.accessDenied(`iam:${a}`)]))

const OPTIONAL = ['GetAccountSummary', 'ListVirtualMFADevices', 'GetAccountPasswordPolicy'] as const

describe('missing optional permissions', () => {
  it.each([
    ['GetAccountSummary', { 'root-hardware-mfa': 'missing permission iam:GetAccountSummary' }],
    [
      'ListVirtualMFADevices',
      { 'root-hardware-mfa': 'missing permission iam:ListVirtualMFADevices' }
    ],
    [
      'GetAccountPasswordPolicy',
      { 'password-policy': 'missing permission iam:GetAccountPasswordPolicy' }
    ]
  ] as const)(
    'without iam:%s the run passes, the rule is listed as not evaluated',
    async (action, expected) => {
      const fake = await startFake({ report: cleanReport(), faults: denied(action) })
      const r = await runAction({ fake, inputs: { 'role-to-assume': ROLE, 'json-file': 'r.json' } })
      expectCleanStderr(r)
      expect(r.code).toBe(0)
      expect(tally(fake)).toEqual(OIDC_AUDIT_CALLS)
      expect(fake.requestsFor(action)[0]?.outcome).toBe('AccessDenied')
      const doc = readJson(r, 'r.json')
      expect(doc.notEvaluated).toEqual(
        Object.entries(expected).map(([ruleId, reason]) => ({ ruleId, reason }))
      )
      const [[ruleId, reason]] = Object.entries(expected) as [[string, string]]
      expect(r.summary).toContain('### Rules not evaluated (1)')
      expect(r.summary).toMatch(new RegExp(`- \`${ruleId}\` \\([^)]*\\): ${reason}`))
      expect(r.outputs.result).toBe('passed')
      expect(failure(r)).toBeUndefined()
    }
  )

  it('without every optional permission: fails only on the findings, key ids absent with a warning', async () => {
    const fake = await startFake({
      report: reportCsv([
        rootRow({ password_last_used: daysAgo(200) }),
        keyUser('erin', 120),
        consoleUserWithoutMfa('dana')
      ]),
      faults: denied(...OPTIONAL, 'ListAccessKeys')
    })
    const r = await runAction({
      fake,
      inputs: { 'role-to-assume': ROLE, 'json-file': 'r.json', 'resolve-key-ids': 'true' }
    })
    expectCleanStderr(r)
    expect(tally(fake)).toEqual({ ...OIDC_AUDIT_CALLS, ListAccessKeys: 1 })
    expect(fake.requestsFor('ListAccessKeys')[0]?.params.UserName).toBe('erin')

    const doc = readJson(r, 'r.json')
    expect(doc.notEvaluated).toEqual([
      { ruleId: 'root-hardware-mfa', reason: 'missing permission iam:GetAccountSummary' },
      { ruleId: 'password-policy', reason: 'missing permission iam:GetAccountPasswordPolicy' }
    ])
    expect(r.summary).toContain('missing permission iam:GetAccountSummary')
    expect(r.summary).toContain('missing permission iam:GetAccountPasswordPolicy')
    // The failure is the findings' (dana has no MFA), not the permissions'.
    expect(r.code).toBe(1)
    expect(failure(r)).toBe('policy breached: failed: 1 high finding — console-user-mfa')
    expect(r.outputs).toMatchObject({ result: 'failed', 'high-count': '1', 'medium-count': '1' })

    // Key ids: unknown, and a warning that says why, in the annotations, summary and JSON.
    expect(doc.findings.find(f => f.user === 'erin')).toMatchObject({
      credential: 'access_key_1',
      keyId: null
    })
    const keyWarning = 'missing permission iam:ListAccessKeys: access key ids unknown for erin'
    expect(messages(r, 'warning')).toContain(keyWarning)
    expect(doc.warnings).toContainEqual({ kind: 'report', message: keyWarning })
    expect(r.summary).toContain(keyWarning)
  })
})
