/**
 * Fetching the IAM credential report: GenerateCredentialReport, poll with
 * backoff until COMPLETE, then GetCredentialReport. Two kinds of API call
 * whatever the number of users, every one of them bounded by the deadline.
 */
import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  IAMClient
} from '@aws-sdk/client-iam'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types'
import { AccessError } from '../errors.js'
import {
  credentialProblem,
  errorCode,
  errorMessage,
  hasCode,
  isAbortOrTimeout,
  isCredentialError,
  isMalformedResponse,
  isPermissionError,
  isTransientError
} from './aws-errors.js'
import {
  DeadlineError,
  requestHandlerOptions,
  retryOptions,
  scaledClock,
  withDeadline
} from './sdk.js'
import type { HttpTimeouts } from './sdk.js'

export interface IamClientOptions extends HttpTimeouts {
  region: string
  /** `undefined`: the SDK's default credential chain. */
  credentials?: AwsCredentialIdentityProvider | AwsCredentialIdentity
  /** Attempts per call, including the first (SDK adaptive retry). Default 5. */
  maxAttempts?: number
}

/**
 * An IAM client with adaptive retry (throttling and 5xx are retried by the
 * SDK) and bounded HTTP attempts. The endpoint is the SDK's own choice, so
 * `AWS_ENDPOINT_URL_IAM` / `AWS_ENDPOINT_URL` are honoured.
 */
export function createIamClient(options: IamClientOptions): IAMClient {
  return new IAMClient({
    region: options.region,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...retryOptions(options.maxAttempts ?? 5, options.timeScale, 'adaptive'),
    requestHandler: requestHandlerOptions(options)
  })
}

export interface FetchCredentialReportOptions {
  /** Overall budget for generation, polling and download. */
  timeoutSeconds: number
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  log?: (message: string) => void
  /** Abandons the fetch (another part of the audit failed): it rejects with the signal's reason. */
  signal?: AbortSignal
  /** Real time per nominal millisecond (tests only; see `sdk.ts`). Default 1. */
  timeScale?: number
}

export interface FetchedCredentialReport {
  /** The CSV bytes (the SDK has already decoded the base64). */
  content: Uint8Array
  /** `GeneratedTime`, epoch milliseconds. */
  generatedAt: number
  /** API calls made (each may have been retried inside the SDK). */
  calls: number
}

export const INITIAL_POLL_DELAY_MS = 1_000
export const MAX_POLL_DELAY_MS = 8_000

const GENERATE = 'GenerateCredentialReport'
const GET = 'GetCredentialReport'

const REPORT_PERMISSIONS = 'iam:GenerateCredentialReport and iam:GetCredentialReport'

export async function fetchCredentialReport(
  client: IAMClient,
  options: FetchCredentialReportOptions
): Promise<FetchedCredentialReport> {
  const clock = scaledClock(options.timeScale)
  const sleep = options.sleep ?? clock.sleep
  const now = options.now ?? clock.now
  const { signal, timeScale } = options
  const log = options.log ?? (() => undefined)
  const timeoutMs = Math.max(0, options.timeoutSeconds * 1000)
  const start = now()
  const deadline = start + timeoutMs

  let calls = 0
  let delay = INITIAL_POLL_DELAY_MS
  let lastState = 'no answer yet'
  let regenerations = 0
  /**
   * The state the last wait was for (throttling, a 5xx, INPROGRESS): what a
   * timeout names, since the deadline can fall on any call after it.
   */
  let waitedFor: string | undefined

  // Thrown at the deadline or just after it (a late timer): the budget is what ran out.
  const timeout = (): AccessError =>
    new AccessError(
      `credential report not ready after ${Math.round(Math.min(now() - start, timeoutMs) / 1000)} s (last state: ${waitedFor ?? lastState}); ` +
        `IAM can take a while for large accounts, raise the timeout or run again later`
    )

  /** Sleeps the current backoff step, never past the deadline. */
  const wait = async (): Promise<void> => {
    waitedFor = lastState
    const remaining = deadline - now()
    if (remaining <= 0) throw timeout()
    const ms = Math.min(delay, remaining)
    log(`credential report: ${lastState}; waiting ${(ms / 1000).toFixed(1)} s`)
    await sleep(ms)
    signal?.throwIfAborted()
    delay = Math.min(delay * 2, MAX_POLL_DELAY_MS)
    // A wait cut at the deadline ends the fetch, whatever a timer's rounding says.
    if (ms === remaining || now() >= deadline) throw timeout()
  }

  const call = async <T>(name: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const remaining = deadline - now()
    if (remaining <= 0) throw timeout()
    calls++
    try {
      return await withDeadline(remaining, run, { signal, timeScale })
    } catch (e) {
      if (e instanceof DeadlineError) {
        // The deadline came during this call: a hang, unless there was a wait
        // before it (what was waited for explains the timeout better).
        lastState = `no answer to ${name}`
        throw timeout()
      }
      throw e
    }
  }

  const fail = (e: unknown, action: string): AccessError => {
    if (isPermissionError(e)) {
      return new AccessError(
        `access denied to iam:${action}: ${errorMessage(e)}. ` +
          `The audit needs ${REPORT_PERMISSIONS} on the credentials it runs with`,
        { cause: e }
      )
    }
    if (isCredentialError(e)) {
      return new AccessError(`${action} failed: ${credentialProblem(e)}`, { cause: e })
    }
    return new AccessError(`${action} failed: ${errorCode(e)}: ${errorMessage(e)}`, { cause: e })
  }

  for (;;) {
    // 1. Ask for a report (or learn the state of the one being generated).
    let state: string
    try {
      const out = await call(GENERATE, abortSignal =>
        client.send(new GenerateCredentialReportCommand({}), { abortSignal })
      )
      state = out.State ?? 'UNKNOWN'
      lastState = `${state} from ${GENERATE}`
    } catch (e) {
      if (e instanceof AccessError || signal?.aborted) throw e
      if (
        hasCode(e, 'LimitExceeded', 'LimitExceededException', 'ReportGenerationLimitExceeded') ||
        isTransientError(e) ||
        isMalformedResponse(e) ||
        isAbortOrTimeout(e)
      ) {
        lastState = stateOf(e, GENERATE)
        await wait()
        continue
      }
      throw fail(e, GENERATE)
    }
    if (state !== 'COMPLETE') {
      await wait()
      continue
    }

    // 2. Download it.
    try {
      const out = await call(GET, abortSignal =>
        client.send(new GetCredentialReportCommand({}), { abortSignal })
      )
      if (out.ReportFormat && out.ReportFormat !== 'text/csv') {
        throw new AccessError(`${GET} returned an unsupported report format ${out.ReportFormat}`)
      }
      const generatedAt = out.GeneratedTime?.getTime()
      if (!out.Content || generatedAt === undefined || Number.isNaN(generatedAt)) {
        // A body cut short: as transient as a 500.
        lastState = `an answer from ${GET} without ${out.Content ? 'GeneratedTime' : 'Content'}`
        await wait()
        continue
      }
      log(`credential report generated at ${new Date(generatedAt).toISOString()} (${calls} calls)`)
      return { content: out.Content, generatedAt, calls }
    } catch (e) {
      if (e instanceof AccessError || signal?.aborted) throw e
      if (
        hasCode(e, 'ReportInProgress', 'CredentialReportNotReadyException') ||
        isTransientError(e) ||
        isMalformedResponse(e) ||
        isAbortOrTimeout(e)
      ) {
        lastState = stateOf(e, GET)
        await wait()
        continue
      }
      if (
        hasCode(
          e,
          'ReportNotPresent',
          'ReportExpired',
          'CredentialReportNotPresentException',
          'CredentialReportExpiredException'
        )
      ) {
        lastState = `${errorCode(e)} from ${GET}`
        // Generate again at once the first time; back off if it keeps happening.
        if (regenerations++ > 0) await wait()
        continue
      }
      throw fail(e, GET)
    }
  }
}

/** The last state a timeout names, for an error worth another try. */
function stateOf(e: unknown, action: string): string {
  return isMalformedResponse(e)
    ? `an unreadable answer from ${action} (${errorMessage(e)})`
    : `${errorCode(e)} from ${action}`
}
