/**
 * Shared SDK plumbing: HTTP handler timeouts, retries, and a deadline around
 * each call.
 *
 * Every duration here is nominal. `timeScale` (1 in use) is real
 * milliseconds per nominal millisecond: the tests shrink every wait, deadline
 * and retry back-off by the same factor, so the behaviour and the messages
 * ("within 30 s") stay those of a real run while the test waits milliseconds.
 */
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@aws-sdk/types'

/** Connection and per-attempt limits for every client the action creates. */
export interface HttpTimeouts {
  /** Milliseconds to establish the TCP connection. */
  connectionTimeoutMs?: number
  /** Milliseconds one HTTP attempt may take before the SDK gives up on it (and may retry). */
  requestTimeoutMs?: number
  /** Real time per nominal millisecond (tests only). Default 1. */
  timeScale?: number
}

export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000

/**
 * `requestHandler` options for an SDK client. The handler is created by the
 * client from these (no direct dependency on `@smithy/node-http-handler`).
 * `requestTimeout` only warns unless `throwOnRequestTimeout` is set.
 */
export function requestHandlerOptions(timeouts: HttpTimeouts = {}): {
  connectionTimeout: number
  requestTimeout: number
  throwOnRequestTimeout: boolean
} {
  return {
    connectionTimeout: scaled(
      timeouts.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
      timeouts.timeScale
    ),
    requestTimeout: scaled(
      timeouts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      timeouts.timeScale
    ),
    throwOnRequestTimeout: true
  }
}

/** Real milliseconds for `ms` nominal ones, rounded up: a scaled wait is never shorter. */
export function scaled(ms: number, timeScale = 1): number {
  return ms <= 0 || timeScale === 1 ? Math.max(0, ms) : Math.ceil(ms * timeScale)
}

/** Thrown by `withDeadline` when the time is up. */
export class DeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`)
    this.name = 'DeadlineError'
  }
}

export interface DeadlineOptions {
  /** Abandons the call early (another part of the audit failed); it rejects with the signal's reason. */
  signal?: AbortSignal
  timeScale?: number
}

/**
 * Runs `call` with an AbortSignal that fires after `ms` (or when `signal`
 * fires), and settles no later than that even if the SDK is between retries
 * (it would only notice the signal on its next attempt).
 */
export async function withDeadline<T>(
  ms: number,
  call: (signal: AbortSignal) => Promise<T>,
  options: DeadlineOptions = {}
): Promise<T> {
  const outer = options.signal
  outer?.throwIfAborted()
  if (ms <= 0) throw new DeadlineError(0)
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  let onAbort: (() => void) | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        controller.abort()
        reject(new DeadlineError(ms))
      },
      scaled(ms, options.timeScale)
    )
    onAbort = () => {
      controller.abort(outer?.reason)
      reject(outer?.reason)
    }
    outer?.addEventListener('abort', onAbort, { once: true })
  })
  const pending = call(controller.signal)
  pending.catch(() => undefined)
  try {
    return await Promise.race([pending, expired])
  } finally {
    clearTimeout(timer)
    if (onAbort) outer?.removeEventListener('abort', onAbort)
  }
}

export const defaultSleep = (ms: number): Promise<void> =>
  new Promise(resolve => setTimeout(resolve, Math.max(0, ms)))

/**
 * A nominal clock: `sleep(ms)` waits `ms × timeScale` real milliseconds and
 * `now()` advances by nominal milliseconds, so deadlines computed from it
 * hold at any scale.
 */
export function scaledClock(timeScale = 1): {
  now: () => number
  sleep: (ms: number) => Promise<void>
} {
  if (timeScale === 1) return { now: Date.now, sleep: defaultSleep }
  const origin = Date.now()
  return {
    now: () => origin + (Date.now() - origin) / timeScale,
    sleep: ms => defaultSleep(scaled(ms, timeScale))
  }
}

/** Attempts and back-off of an SDK client. */
export function retryOptions(
  maxAttempts: number,
  timeScale = 1,
  retryMode: 'adaptive' | 'standard' = 'standard'
): { maxAttempts: number; retryMode?: string; retryStrategy?: RetryStrategyV2 } {
  if (timeScale === 1) return { maxAttempts, retryMode }
  return { maxAttempts, retryStrategy: scaledRetryStrategy(maxAttempts, timeScale) }
}

const THROTTLING_DELAY_BASE_MS = 1_000
const RETRY_DELAY_BASE_MS = 50
const MAX_RETRY_DELAY_MS = 20_000

/**
 * The SDK's standard retry (the same errors, attempts and full-jitter
 * back-off: random × min(base × 2^n, 20 s), base 1 s for throttling, else
 * 50 ms), with the delays scaled. Only for `timeScale` ≠ 1: the adaptive
 * mode's client-side rate limiter waits on the real clock, so tests do
 * without it.
 */
function scaledRetryStrategy(maxAttempts: number, timeScale: number): RetryStrategyV2 {
  const token = (retries: number, delay: number): RetryToken => ({
    getRetryCount: () => retries,
    getRetryDelay: () => delay
  })
  return {
    acquireInitialRetryToken: async () => token(0, 0),
    refreshRetryTokenForRetry: async (previous: RetryToken, info: RetryErrorInfo) => {
      const retries = previous.getRetryCount()
      const retryable = info.errorType === 'THROTTLING' || info.errorType === 'TRANSIENT'
      if (!retryable || retries + 1 >= maxAttempts) throw new Error('no retry')
      const base = info.errorType === 'THROTTLING' ? THROTTLING_DELAY_BASE_MS : RETRY_DELAY_BASE_MS
      const ms = Math.random() * Math.min(base * 2 ** retries, MAX_RETRY_DELAY_MS)
      return token(retries + 1, scaled(Math.floor(ms), timeScale))
    },
    recordSuccess: () => undefined
  }
}

/** Runs `worker` over `items` with at most `limit` in flight; results keep input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  worker: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const run = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await worker(items[i] as T, i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, run))
  return results
}
