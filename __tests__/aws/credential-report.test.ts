import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createIamClient, fetchCredentialReport, readAccountFacts } from '../../src/aws/index.js'
import { MAX_POLL_DELAY_MS } from '../../src/aws/credential-report.js'
import { AccessError } from '../../src/errors.js'
import { useFakeAwsEnv } from '../support/aws-env.js'
import {
  FAKE_STATIC_CREDENTIALS,
  FAULT,
  reportAnswerWithout,
  startFakeAws
} from '../support/fake-aws.js'
import type { FakeAws, FakeAwsOptions } from '../support/fake-aws.js'
import { reportWithUsers } from '../support/report-csv.js'

/** A clock that only moves when the code under test sleeps. */
function fakeClock(start = Date.parse('2026-03-01T00:00:00Z')) {
  let t = start
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms)
      t += ms
    }
  }
}

const REPORT = reportWithUsers(3)
const GENERATED = '2026-02-28T22:15:00Z'

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

/** Fresh fake state for each test (same server). */
function setup(options: FakeAwsOptions = {}): void {
  fake.configure({
    report: REPORT,
    reportGeneratedAt: GENERATED,
    generateStates: ['COMPLETE'],
    reportPresent: false,
    faults: {},
    ...options
  })
  fake.clearRequests()
}
afterEach(() => fake.configure({ faults: {} }))

/**
 * Real time per nominal millisecond for the waits on real timers (the SDK's
 * retry back-off, deadlines): a 1 s back-off takes 10 ms.
 */
const TIME_SCALE = 0.01

const client = (maxAttempts?: number) =>
  createIamClient({
    region: 'us-east-1',
    timeScale: TIME_SCALE,
    ...(maxAttempts ? { maxAttempts } : {})
  })

const actions = () => fake.requests.map(r => r.action)

describe('fetchCredentialReport against the fake IAM endpoint', () => {
  it('generates, downloads and decodes the report in two calls', async () => {
    setup()
    const clock = fakeClock()
    const out = await fetchCredentialReport(client(), { timeoutSeconds: 120, ...clock })
    expect(new TextDecoder().decode(out.content)).toBe(REPORT)
    expect(out.generatedAt).toBe(Date.parse(GENERATED))
    expect(out.calls).toBe(2)
    expect(actions()).toEqual(['GenerateCredentialReport', 'GetCredentialReport'])
    expect(clock.sleeps).toEqual([])
    // Signed by the default chain's key (AWS_ACCESS_KEY_ID), verified by the fake.
    for (const r of fake.requests) {
      expect(r.accessKeyId).toBe(FAKE_STATIC_CREDENTIALS.accessKeyId)
      expect(r.signature).toBe('valid')
      expect(r.credentialScope).toMatch(/^\d{8}\/us-east-1\/iam\/aws4_request$/)
      expect(r.params.Version).toBe('2010-05-08')
    }
  })

  it('polls STARTED → INPROGRESS → COMPLETE with doubling waits', async () => {
    setup({ generateStates: ['STARTED', 'INPROGRESS', 'INPROGRESS', 'COMPLETE'] })
    const clock = fakeClock()
    const log: string[] = []
    const out = await fetchCredentialReport(client(), {
      timeoutSeconds: 120,
      ...clock,
      log: m => log.push(m)
    })
    expect(out.calls).toBe(5)
    expect(fake.count('GenerateCredentialReport')).toBe(4)
    expect(fake.count('GetCredentialReport')).toBe(1)
    expect(clock.sleeps).toEqual([1000, 2000, 4000])
    expect(log[0]).toContain('STARTED from GenerateCredentialReport')
  })

  it('waits on real timers (scaled) when no clock is injected', async () => {
    setup({ generateStates: ['STARTED', 'COMPLETE'] })
    const log: string[] = []
    const out = await fetchCredentialReport(client(), {
      timeoutSeconds: 30,
      timeScale: TIME_SCALE,
      log: m => log.push(m)
    })
    expect(out.calls).toBe(3)
    expect(actions()).toEqual([
      'GenerateCredentialReport',
      'GenerateCredentialReport',
      'GetCredentialReport'
    ])
    const [first, second] = fake.requestsFor('GenerateCredentialReport')
    // The one-second backoff really happened between the two polls, at the test's scale.
    expect(second!.time - first!.time).toBeGreaterThanOrEqual(1000 * TIME_SCALE - 1)
    expect(log[0]).toBe('credential report: STARTED from GenerateCredentialReport; waiting 1.0 s')
  })

  it('lets the SDK retry throttling', async () => {
    setup({ faults: { GenerateCredentialReport: [FAULT.throttling, FAULT.throttling] } })
    const out = await fetchCredentialReport(client(), { timeoutSeconds: 120, ...fakeClock() })
    expect(out.calls).toBe(2)
    expect(fake.count('GenerateCredentialReport')).toBe(3)
    expect(fake.requestsFor('GenerateCredentialReport').map(r => r.outcome)).toEqual([
      'Throttling',
      'Throttling',
      'ok'
    ])
  })

  it('lets the SDK retry a 500 ServiceFailure', async () => {
    setup({ faults: { GetCredentialReport: [FAULT.serviceFailure] } })
    const out = await fetchCredentialReport(client(), { timeoutSeconds: 120, ...fakeClock() })
    expect(out.calls).toBe(2)
    expect(fake.count('GetCredentialReport')).toBe(2)
    expect(new TextDecoder().decode(out.content)).toBe(REPORT)
  })

  it('keeps polling when throttling outlasts the SDK retries', async () => {
    setup({ faults: { GenerateCredentialReport: [FAULT.throttling] } })
    const clock = fakeClock()
    const out = await fetchCredentialReport(client(1), { timeoutSeconds: 120, ...clock })
    expect(fake.count('GenerateCredentialReport')).toBe(2)
    expect(out.calls).toBe(3)
    expect(clock.sleeps).toEqual([1000])
  })

  it('generates again when GetCredentialReport says ReportExpired', async () => {
    setup({ faults: { GetCredentialReport: [FAULT.reportExpired] } })
    const clock = fakeClock()
    const out = await fetchCredentialReport(client(), { timeoutSeconds: 120, ...clock })
    expect(actions()).toEqual([
      'GenerateCredentialReport',
      'GetCredentialReport',
      'GenerateCredentialReport',
      'GetCredentialReport'
    ])
    expect(out.calls).toBe(4)
    expect(clock.sleeps).toEqual([])
  })

  it('generates again on ReportNotPresent, backing off when it repeats', async () => {
    setup({
      faults: { GetCredentialReport: [FAULT.reportNotPresent, FAULT.reportNotPresent] }
    })
    const clock = fakeClock()
    const out = await fetchCredentialReport(client(), { timeoutSeconds: 120, ...clock })
    expect(fake.count('GenerateCredentialReport')).toBe(3)
    expect(fake.count('GetCredentialReport')).toBe(3)
    expect(out.calls).toBe(6)
    expect(clock.sleeps).toEqual([1000])
  })

  it('waits and polls again on ReportInProgress', async () => {
    setup({ faults: { GetCredentialReport: [FAULT.reportInProgress] } })
    const clock = fakeClock()
    const out = await fetchCredentialReport(client(), { timeoutSeconds: 120, ...clock })
    expect(actions()).toEqual([
      'GenerateCredentialReport',
      'GetCredentialReport',
      'GenerateCredentialReport',
      'GetCredentialReport'
    ])
    expect(out.calls).toBe(4)
    expect(clock.sleeps).toEqual([1000])
  })

  it('retries LimitExceeded (409) after a backoff', async () => {
    setup({ faults: { GenerateCredentialReport: [FAULT.limitExceeded, FAULT.limitExceeded] } })
    const clock = fakeClock()
    const out = await fetchCredentialReport(client(1), { timeoutSeconds: 120, ...clock })
    expect(fake.requestsFor('GenerateCredentialReport').map(r => [r.status, r.outcome])).toEqual([
      [409, 'LimitExceeded'],
      [409, 'LimitExceeded'],
      [200, 'ok']
    ])
    expect(out.calls).toBe(4)
    expect(clock.sleeps).toEqual([1000, 2000])
  })

  it.each([
    ['GenerateCredentialReport' as const, 1],
    ['GetCredentialReport' as const, 2]
  ])('fails with an AccessError naming iam:%s when access is denied', async (action, calls) => {
    setup({ faults: { [action]: [FAULT.accessDenied(`iam:${action}`)] } })
    const err = await fetchCredentialReport(client(), {
      timeoutSeconds: 120,
      ...fakeClock()
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AccessError)
    expect((err as AccessError).exitCode).toBe(3)
    expect((err as Error).message).toMatch(new RegExp(`^access denied to iam:${action}: User: `))
    expect((err as Error).message).toContain(
      'needs iam:GenerateCredentialReport and iam:GetCredentialReport'
    )
    expect(fake.count()).toBe(calls)
  })

  it('bounds a hanging endpoint by the timeout (real timers, scaled)', async () => {
    setup({ faults: { GenerateCredentialReport: [FAULT.hang] } })
    const err = await fetchCredentialReport(client(), {
      timeoutSeconds: 2,
      timeScale: 0.05
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AccessError)
    expect((err as Error).message).toMatch(
      /^credential report not ready after 2 s \(last state: no answer to GenerateCredentialReport\)/
    )
    expect(fake.count('GenerateCredentialReport')).toBe(1)
  }, 10_000)

  it('bounds a hang on GetCredentialReport too', async () => {
    setup({ faults: { GetCredentialReport: [FAULT.hang] } })
    const err = await fetchCredentialReport(client(), {
      timeoutSeconds: 1,
      timeScale: 0.05
    }).catch((e: unknown) => e)
    expect((err as Error).message).toMatch(
      /^credential report not ready after 1 s \(last state: no answer to GetCredentialReport\)/
    )
  }, 10_000)

  it('names what it waited for, not "no answer", when the deadline cuts a late call short', async () => {
    // Each answer takes 6 nominal seconds: the third call starts with 5 of the 20 s left.
    setup({
      faults: { GenerateCredentialReport: () => FAULT.serviceFailure },
      latencyMs: { GenerateCredentialReport: 300 }
    })
    try {
      const iam = createIamClient({ region: 'us-east-1', maxAttempts: 1, timeScale: 0.05 })
      const err = await fetchCredentialReport(iam, { timeoutSeconds: 20, timeScale: 0.05 }).catch(
        (e: unknown) => e
      )
      expect((err as Error).message).toMatch(
        /^credential report not ready after 20 s \(last state: ServiceFailure from GenerateCredentialReport\)/
      )
      // Two answers, then a call dropped unanswered at the deadline.
      expect(fake.requestsFor('GenerateCredentialReport').map(r => r.status)).toEqual([
        500,
        500,
        null
      ])
    } finally {
      fake.configure({ latencyMs: undefined })
    }
  })

  it('times out on a report stuck INPROGRESS, never sleeping past the deadline', async () => {
    setup({ generateStates: ['STARTED', 'INPROGRESS'] })
    const clock = fakeClock()
    const err = await fetchCredentialReport(client(), { timeoutSeconds: 120, ...clock }).catch(
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(AccessError)
    expect((err as Error).message).toMatch(
      /^credential report not ready after 120 s \(last state: INPROGRESS from GenerateCredentialReport\)/
    )
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(120_000)
    expect(Math.max(...clock.sleeps)).toBe(MAX_POLL_DELAY_MS)
    expect(clock.sleeps.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 8000])
    // 1 + 2 + 4 + 8 × 14 = 119 s of full waits, then a last 1 s wait cut at the deadline.
    expect(fake.count('GenerateCredentialReport')).toBe(clock.sleeps.length)
    expect(fake.count('GetCredentialReport')).toBe(0)
  })

  it.each([
    ['XML that does not parse', FAULT.malformed],
    ['an answer without Content', reportAnswerWithout('Content')],
    ['an answer without GeneratedTime', reportAnswerWithout('GeneratedTime')]
  ])('retries %s from GetCredentialReport after a backoff', async (_what, fault) => {
    setup({ faults: { GetCredentialReport: [fault] } })
    const clock = fakeClock()
    const out = await fetchCredentialReport(client(), { timeoutSeconds: 120, ...clock })
    expect(new TextDecoder().decode(out.content)).toBe(REPORT)
    expect(fake.requestsFor('GetCredentialReport').map(r => r.outcome)).toEqual(['malformed', 'ok'])
    expect(clock.sleeps).toEqual([1000])
  })

  it('retries a call whose HTTP attempt timed out once the SDK gave up on it', async () => {
    setup({ faults: { GenerateCredentialReport: [FAULT.hang] } })
    const iam = createIamClient({ region: 'us-east-1', maxAttempts: 1, requestTimeoutMs: 100 })
    const clock = fakeClock()
    const out = await fetchCredentialReport(iam, { timeoutSeconds: 120, ...clock })
    expect(new TextDecoder().decode(out.content)).toBe(REPORT)
    expect(fake.requestsFor('GenerateCredentialReport').map(r => r.outcome)).toEqual(['hang', 'ok'])
    expect(clock.sleeps).toEqual([1000])
  })

  it('retries XML that does not parse from GenerateCredentialReport', async () => {
    setup({ faults: { GenerateCredentialReport: [FAULT.malformed] } })
    const clock = fakeClock()
    const out = await fetchCredentialReport(client(), { timeoutSeconds: 120, ...clock })
    expect(out.calls).toBe(3)
    expect(clock.sleeps).toEqual([1000])
  })

  it.each([
    [
      FAULT.malformed,
      'an unreadable answer from GetCredentialReport (@aws-sdk XML parse error: unexpected end of input.)'
    ],
    [reportAnswerWithout('Content'), 'an answer from GetCredentialReport without Content']
  ])('times out naming a malformed answer that never stops', async (fault, state) => {
    setup({ faults: { GetCredentialReport: () => fault } })
    const clock = fakeClock()
    const err = await fetchCredentialReport(client(), { timeoutSeconds: 20, ...clock }).catch(
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(AccessError)
    expect((err as Error).message).toBe(
      `credential report not ready after 20 s (last state: ${state}); ` +
        'IAM can take a while for large accounts, raise the timeout or run again later'
    )
    expect(fake.count('GetCredentialReport')).toBeGreaterThan(2)
  })

  it('stops at once, making no more calls, when its signal aborts', async () => {
    setup({ generateStates: ['INPROGRESS'] })
    const abandon = new AbortController()
    const clock = fakeClock()
    const sleep = async (ms: number) => {
      await clock.sleep(ms)
      abandon.abort(new Error('another call failed'))
    }
    const err = await fetchCredentialReport(client(), {
      timeoutSeconds: 120,
      ...clock,
      sleep,
      signal: abandon.signal
    }).catch((e: unknown) => e)
    expect((err as Error).message).toBe('another call failed')
    expect(fake.count('GenerateCredentialReport')).toBe(1)
  })

  it('explains rejected credentials', async () => {
    setup()
    const bad = createIamClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' }
    })
    const err = await fetchCredentialReport(bad, { timeoutSeconds: 120, ...fakeClock() }).catch(
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(AccessError)
    expect((err as Error).message).toBe(
      'GenerateCredentialReport failed: AWS rejected the credentials (InvalidClientTokenId: The security token included in the request is invalid.)'
    )
  })

  it('makes the same calls for 1 user as for 500', async () => {
    const run = async (users: number) => {
      setup({ report: reportWithUsers(users), generateStates: ['STARTED', 'COMPLETE'] })
      const iam = client()
      const [report] = await Promise.all([
        fetchCredentialReport(iam, { timeoutSeconds: 120, ...fakeClock() }),
        readAccountFacts(iam)
      ])
      expect(new TextDecoder().decode(report.content).split('\n')).toHaveLength(users + 3)
      return fake.requests.map(r => r.action).sort()
    }
    const one = await run(1)
    const many = await run(500)
    expect(many).toEqual(one)
    expect(one).toHaveLength(6)
  })
})
