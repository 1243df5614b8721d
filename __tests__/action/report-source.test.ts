/**
 * One account's live report source against the fake IAM endpoint: the
 * report and the account checks run together, and a failure of the report
 * leaves nothing running behind it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { reportWithCredentials, testTimeScale } from '../../src/action/report-source.js'
import { AccessError } from '../../src/errors.js'
import { useFakeAwsEnv } from '../support/aws-env.js'
import { FAULT, startFakeAws } from '../support/fake-aws.js'
import type { FakeAws } from '../support/fake-aws.js'

const FACT_CALLS = [
  'GetAccountSummary',
  'ListVirtualMFADevices',
  'GetAccountPasswordPolicy'
] as const

let fake: FakeAws
let restoreEnv: () => void

beforeAll(async () => {
  fake = await startFakeAws()
  restoreEnv = useFakeAwsEnv(fake)
})
afterAll(async () => {
  restoreEnv()
  await fake.close()
})

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/**
 * Resolves once the fake has answered or dropped every request it received,
 * and no new one came in a grace period longer than the SDK's first retry
 * back-off (at most 50 ms for a dropped connection).
 */
async function settled(): Promise<void> {
  for (let seen = -1; seen !== fake.count();) {
    seen = fake.count()
    while (fake.inFlightNow() > 0) await pause(5)
    await pause(200)
  }
}

describe('reportWithCredentials', () => {
  it('a report that fails abandons the account checks under way: no retry, none left in flight', async () => {
    fake.configure({
      faults: { GenerateCredentialReport: [FAULT.accessDenied('iam:GenerateCredentialReport')] },
      // The checks are still under way when the report fails.
      latencyMs: {
        GetAccountSummary: 300,
        ListVirtualMFADevices: 300,
        GetAccountPasswordPolicy: 300
      }
    })
    fake.clearRequests()
    const err = await reportWithCredentials(
      undefined,
      { awsRegion: 'us-east-1', reportTimeoutSeconds: 30 },
      () => undefined,
      {}
    ).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AccessError)
    expect((err as Error).message).toMatch(/^access denied to iam:GenerateCredentialReport/)
    await settled()
    // Each check was asked once and dropped unanswered; closing the client did not make the SDK ask again.
    for (const action of FACT_CALLS) {
      expect({ action, outcomes: fake.requestsFor(action).map(r => r.status) }).toEqual({
        action,
        outcomes: [null]
      })
    }
  })
})

describe('testTimeScale', () => {
  it('is 1 unless the test variable holds a number in (0, 1]', () => {
    const scale = (value?: string) =>
      testTimeScale(value === undefined ? {} : { IAM_CREDENTIAL_GATE_TEST_TIME_SCALE: value })
    expect(scale()).toBe(1)
    expect(scale('0.05')).toBe(0.05)
    expect(scale('1')).toBe(1)
    for (const ignored of ['', '0', '-1', '2', 'fast']) expect(scale(ignored)).toBe(1)
  })
})
