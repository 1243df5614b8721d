/**
 * End to end, the report's life cycle and AWS's transient answers: the
 * action polls, retries and regenerates, and the run still succeeds.
 */
import { describe, expect, it } from '@jest/globals'
import { FAULT } from '../support/fake-aws.js'
import type { FakeAction, Fault } from '../support/fake-aws.js'
import {
  cleanReport,
  expectCleanStderr,
  OIDC_AUDIT_CALLS,
  ROLE,
  startFake,
  tally
} from './helpers.js'
import { runAction } from './run-action.js'

/**
 * Every wait of the bundle at 2 % of its length (a test-only variable): the
 * 1 s and 2 s polls take 20 and 40 ms, the log still says 1.0 s and 2.0 s;
 * the 60 s STS budget lasts 1.2 s, ample for a call that succeeds.
 */
const env = { IAM_CREDENTIAL_GATE_TEST_TIME_SCALE: '0.02' }

describe('report generation states', () => {
  it('polls STARTED → INPROGRESS → COMPLETE, then downloads the report once', async () => {
    const fake = await startFake({
      report: cleanReport(),
      generateStates: ['STARTED', 'INPROGRESS', 'COMPLETE']
    })
    const r = await runAction({ fake, inputs: { 'role-to-assume': ROLE }, env })
    expectCleanStderr(r)
    expect(r.code).toBe(0)
    expect(tally(fake)).toEqual({ ...OIDC_AUDIT_CALLS, GenerateCredentialReport: 3 })
    expect(fake.requestsFor('GetCredentialReport').map(q => q.outcome)).toEqual(['ok'])
    // The log says what it waited for.
    expect(r.stdout).toMatch(
      /credential report: STARTED from GenerateCredentialReport; waiting 1\.0 s/
    )
    expect(r.stdout).toMatch(
      /credential report: INPROGRESS from GenerateCredentialReport; waiting 2\.0 s/
    )
    expect(r.outputs.result).toBe('passed')
  })
})

describe('transient failures, then success', () => {
  const cases: [string, FakeAction, Fault, Partial<typeof OIDC_AUDIT_CALLS>][] = [
    [
      'throttling on GenerateCredentialReport',
      'GenerateCredentialReport',
      FAULT.throttling,
      { GenerateCredentialReport: 2 }
    ],
    [
      'throttling on GetCredentialReport',
      'GetCredentialReport',
      FAULT.throttling,
      { GetCredentialReport: 2 }
    ],
    [
      'a 500 on GenerateCredentialReport',
      'GenerateCredentialReport',
      FAULT.serviceFailure,
      { GenerateCredentialReport: 2 }
    ],
    [
      'a 500 on GetCredentialReport',
      'GetCredentialReport',
      FAULT.serviceFailure,
      { GetCredentialReport: 2 }
    ],
    [
      'LimitExceeded on GenerateCredentialReport',
      'GenerateCredentialReport',
      FAULT.limitExceeded,
      { GenerateCredentialReport: 2 }
    ],
    [
      'ReportExpired on GetCredentialReport (generates again)',
      'GetCredentialReport',
      FAULT.reportExpired,
      { GenerateCredentialReport: 2, GetCredentialReport: 2 }
    ],
    [
      'ReportNotPresent on GetCredentialReport (generates again)',
      'GetCredentialReport',
      FAULT.reportNotPresent,
      { GenerateCredentialReport: 2, GetCredentialReport: 2 }
    ],
    [
      'ReportInProgress on GetCredentialReport (polls)',
      'GetCredentialReport',
      FAULT.reportInProgress,
      { GenerateCredentialReport: 2, GetCredentialReport: 2 }
    ],
    [
      'throttling on AssumeRoleWithWebIdentity',
      'AssumeRoleWithWebIdentity',
      FAULT.throttling,
      { AssumeRoleWithWebIdentity: 2 }
    ],
    [
      'a 500 from the OIDC token endpoint',
      'OidcToken',
      { status: 500, code: 'InternalServerError' },
      { OidcToken: 2 }
    ]
  ]

  it.each(cases)('%s', async (_name, action, fault, extra) => {
    const fake = await startFake({ report: cleanReport(), faults: { [action]: [fault] } })
    const r = await runAction({ fake, inputs: { 'role-to-assume': ROLE }, env })
    expectCleanStderr(r)
    expect(r.code).toBe(0)
    expect(tally(fake)).toEqual({ ...OIDC_AUDIT_CALLS, ...extra })
    expect(fake.count()).toBe(
      Object.values({ ...OIDC_AUDIT_CALLS, ...extra }).reduce((a, b) => a + b, 0)
    )
    const faulted = fake.requestsFor(action)
    expect(faulted[0]?.outcome).toBe(
      'code' in (fault ?? {}) ? (fault as { code: string }).code : 'ok'
    )
    expect(faulted.at(-1)?.outcome).toBe('ok')
    expect(r.outputs.result).toBe('passed')
    expect(r.annotations.filter(a => a.level === 'error')).toEqual([])
  })
})
