/**
 * End to end, an endpoint that misbehaves: calls that hang, a report that
 * never completes, bodies that are not XML. The step ends within
 * report-timeout-seconds (plus process start-up and the role assumption) with
 * a message that names the call and the last state; optional checks that
 * fail or hang do not stop the audit. The bundle runs at a test-only time
 * scale (`IAM_CREDENTIAL_GATE_TEST_TIME_SCALE`): budgets and messages in
 * seconds, waits in milliseconds.
 */
import { describe, expect, it } from '@jest/globals'
import { FAULT } from '../support/fake-aws.js'
import type { FakeAction } from '../support/fake-aws.js'
import {
  cleanReport,
  expectCleanStderr,
  expectNothingWritten,
  OIDC_AUDIT_CALLS,
  readJson,
  ROLE,
  startFake,
  tally
} from './helpers.js'
import { failure, runAction } from './run-action.js'

const TIMEOUT_S = 20
/**
 * The bundle runs every wait at this scale (a test-only variable): the 20 s
 * budget lasts one real second, the messages still say 20 s.
 */
const SCALE = 0.05
const env = { IAM_CREDENTIAL_GATE_TEST_TIME_SCALE: String(SCALE) }
/** The real length of the budget. */
const BUDGET_MS = TIMEOUT_S * 1000 * SCALE
/** Start-up, OIDC and STS on top of the report's own budget. Generous for a loaded CI machine. */
const MARGIN_MS = 5_000
const inputs = {
  'role-to-assume': ROLE,
  'report-timeout-seconds': String(TIMEOUT_S),
  'json-file': 'r.json'
}

describe('calls that never answer', () => {
  it.each([
    ['GenerateCredentialReport', 'no answer to GenerateCredentialReport'],
    ['GetCredentialReport', 'no answer to GetCredentialReport']
  ] as const)('%s hangs: the step ends after report-timeout-seconds', async (action, state) => {
    const fake = await startFake({ report: cleanReport(), faults: { [action]: () => FAULT.hang } })
    const r = await runAction({ fake, inputs, env, killAfterMs: 30_000 })
    expectCleanStderr(r)
    expect(r.timedOut).toBe(false)
    expect(r.code).toBe(1)
    expect(r.durationMs).toBeLessThan(BUDGET_MS + MARGIN_MS)
    expect(failure(r)).toBe(
      `error: credential report not ready after ${TIMEOUT_S} s (last state: ${state}); ` +
        'IAM can take a while for large accounts, raise the timeout or run again later'
    )
    expect(fake.requestsFor(action).map(q => q.outcome)).toEqual(['hang'])
    expectNothingWritten(r)
  })

  it.each([
    ['GenerateCredentialReport', 'throttles', () => FAULT.throttling],
    ['GenerateCredentialReport', 'fails with 500', () => FAULT.serviceFailure],
    ['GetCredentialReport', 'throttles', () => FAULT.throttling],
    ['GetCredentialReport', 'fails with 500', () => FAULT.serviceFailure]
  ] as const)(
    '%s %s on every call: the step ends after report-timeout-seconds, naming the call',
    async (action, _what, fault) => {
      const fake = await startFake({ report: cleanReport(), faults: { [action]: fault } })
      const r = await runAction({ fake, inputs, env, killAfterMs: 30_000 })
      expectCleanStderr(r)
      expect(r.timedOut).toBe(false)
      expect(r.code).toBe(1)
      expect(r.durationMs).toBeLessThan(BUDGET_MS + MARGIN_MS)
      expect(failure(r)).toMatch(
        new RegExp(
          `^error: credential report not ready after ${TIMEOUT_S} s \\(last state: .*${action}`
        )
      )
      expect(fake.requestsFor(action).length).toBeGreaterThan(1)
      expectNothingWritten(r)
    }
  )

  it('a report stuck INPROGRESS: the timeout names the last state', async () => {
    const fake = await startFake({ report: cleanReport(), generateStates: ['INPROGRESS'] })
    const r = await runAction({ fake, inputs, env, killAfterMs: 30_000 })
    expect(r.code).toBe(1)
    expect(r.durationMs).toBeLessThan(BUDGET_MS + MARGIN_MS)
    expect(failure(r)).toMatch(
      new RegExp(
        `^error: credential report not ready after ${TIMEOUT_S} s \\(last state: INPROGRESS from GenerateCredentialReport\\)`
      )
    )
    // Backoff 1, 2, 4, 8 s, then the rest of the budget: at most five polls fit in 20 s, never a tight loop.
    expect(fake.count('GenerateCredentialReport')).toBeGreaterThanOrEqual(3)
    expect(fake.count('GenerateCredentialReport')).toBeLessThanOrEqual(5)
    expect(fake.count('GetCredentialReport')).toBe(0)
    expectNothingWritten(r)
  })

  it('STS hangs on AssumeRoleWithWebIdentity: the step still ends', async () => {
    const fake = await startFake({
      report: cleanReport(),
      faults: { AssumeRoleWithWebIdentity: () => FAULT.hang }
    })
    const r = await runAction({ fake, inputs, env, killAfterMs: 30_000 })
    expect(r.timedOut).toBe(false)
    expect(r.code).toBe(1)
    expect(r.durationMs).toBeLessThan(BUDGET_MS + MARGIN_MS)
    expect(failure(r)).toBe(
      `error: STS did not answer AssumeRoleWithWebIdentity for ${ROLE} within ${TIMEOUT_S} s`
    )
    expect(fake.count('GenerateCredentialReport')).toBe(0)
    expectNothingWritten(r)
  })

  it('the GitHub OIDC token service hangs: the step ends, naming it', async () => {
    const fake = await startFake({ report: cleanReport(), faults: { OidcToken: () => FAULT.hang } })
    const r = await runAction({ fake, inputs, env, killAfterMs: 30_000 })
    expectCleanStderr(r)
    expect(r.timedOut).toBe(false)
    expect(r.code).toBe(1)
    expect(r.durationMs).toBeLessThan(BUDGET_MS + MARGIN_MS)
    expect(failure(r)).toBe(
      `error: the GitHub OIDC token service did not answer within ${TIMEOUT_S} s`
    )
    expect(fake.requestsFor('OidcToken').map(q => q.outcome)).toEqual(['hang'])
    expect(fake.count('AssumeRoleWithWebIdentity')).toBe(0)
    expectNothingWritten(r)
  })
})

describe('malformed answers', () => {
  it.each(['GenerateCredentialReport', 'GetCredentialReport'] as const)(
    '%s answers a truncated body every time: retried until the timeout, which names it',
    async action => {
      const fake = await startFake({
        report: cleanReport(),
        faults: { [action]: () => FAULT.malformed }
      })
      const r = await runAction({ fake, inputs, env, killAfterMs: 30_000 })
      expectCleanStderr(r)
      expect(r.code).toBe(1)
      expect(failure(r)).toBe(
        `error: credential report not ready after ${TIMEOUT_S} s (last state: an unreadable answer from ${action} ` +
          '(@aws-sdk XML parse error: unexpected end of input.)); ' +
          'IAM can take a while for large accounts, raise the timeout or run again later'
      )
      expect(fake.count(action)).toBeGreaterThan(1)
      expectNothingWritten(r)
    }
  )

  it('GetCredentialReport answers a truncated body once: retried, the audit passes', async () => {
    const fake = await startFake({
      report: cleanReport(),
      faults: { GetCredentialReport: [FAULT.malformed] }
    })
    const r = await runAction({ fake, inputs, env })
    expectCleanStderr(r)
    expect(r.code).toBe(0)
    expect(fake.requestsFor('GetCredentialReport').map(q => q.outcome)).toEqual(['malformed', 'ok'])
  })

  it('the OIDC endpoint answers a body that is not JSON: a clear error', async () => {
    const fake = await startFake({
      report: cleanReport(),
      faults: { OidcToken: () => FAULT.malformed }
    })
    const r = await runAction({ fake, inputs, env })
    expect(r.code).toBe(1)
    expect(failure(r)).toMatch(
      /^error: could not get a GitHub OIDC token for audience "sts.amazonaws.com"/
    )
    expect(fake.count('AssumeRoleWithWebIdentity')).toBe(0)
  })

  it('a report that is not CSV: a clear error naming the report', async () => {
    const fake = await startFake({ report: '<html>Service Unavailable</html>\n' })
    const r = await runAction({ fake, inputs, env })
    expect(r.code).toBe(1)
    expect(failure(r)).toMatch(/^error: credential report/)
    expect(tally(fake)).toEqual(OIDC_AUDIT_CALLS)
    expectNothingWritten(r)
  })
})

describe('optional account checks that fail', () => {
  const cases: [string, FakeAction, 'serviceFailure' | 'hang', string][] = [
    [
      'GetAccountSummary answers 500',
      'GetAccountSummary',
      'serviceFailure',
      'iam:GetAccountSummary failed: ServiceFailure'
    ],
    [
      'ListVirtualMFADevices answers 500',
      'ListVirtualMFADevices',
      'serviceFailure',
      'iam:ListVirtualMFADevices failed: ServiceFailure'
    ],
    [
      'GetAccountPasswordPolicy answers 500',
      'GetAccountPasswordPolicy',
      'serviceFailure',
      'iam:GetAccountPasswordPolicy failed: ServiceFailure'
    ],
    [
      'GetAccountSummary hangs',
      'GetAccountSummary',
      'hang',
      'iam:GetAccountSummary did not answer in time'
    ],
    [
      'GetAccountPasswordPolicy hangs',
      'GetAccountPasswordPolicy',
      'hang',
      'iam:GetAccountPasswordPolicy did not answer in time'
    ]
  ]

  it.each(cases)(
    '%s: the audit goes on, the rule is not evaluated',
    async (_name, action, fault, reason) => {
      const fake = await startFake({
        report: cleanReport(),
        faults: { [action]: () => FAULT[fault] }
      })
      const r = await runAction({ fake, inputs, env, killAfterMs: 30_000 })
      expectCleanStderr(r)
      expect(r.code).toBe(0)
      expect(r.durationMs).toBeLessThan(BUDGET_MS + MARGIN_MS)
      expect(r.outputs.result).toBe('passed')
      const doc = readJson(r, 'r.json')
      expect(doc.notEvaluated).toHaveLength(1)
      expect(doc.notEvaluated[0]?.reason).toMatch(new RegExp(`^${reason}`))
      expect(r.summary).toContain(reason)
      // The SDK retries a 500 a few times; a hang is one call.
      const calls = fake.count(action)
      if (fault === 'hang') expect(calls).toBe(1)
      else expect(calls).toBeGreaterThan(1)
    }
  )

  it('ListAccessKeys hangs: key ids unknown with a warning, the audit ends', async () => {
    const { reportCsv, rootRow } = await import('../support/report-csv.js')
    const { keyUser, daysAgo } = await import('./helpers.js')
    const fake = await startFake({
      report: reportCsv([rootRow({ password_last_used: daysAgo(200) }), keyUser('erin', 120)]),
      faults: { ListAccessKeys: () => FAULT.hang }
    })
    const r = await runAction({
      fake,
      inputs: { ...inputs, 'resolve-key-ids': 'true' },
      env,
      killAfterMs: 30_000
    })
    expect(r.code).toBe(0)
    expect(r.durationMs).toBeLessThan(BUDGET_MS + MARGIN_MS)
    // Per user and in all, the lookup may take report-timeout-seconds: which of the two
    // ran out first depends on a millisecond of real time, multiplied by the scale.
    expect(readJson(r, 'r.json').warnings).toEqual([
      {
        kind: 'report',
        message: expect.stringMatching(
          /^iam:ListAccessKeys (failed: access key ids unknown for erin \(no answer in time\)|took longer than the lookup's 20 s in all: access key ids unknown for erin)$/
        )
      }
    ])
  })
})
