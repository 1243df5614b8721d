/**
 * Shared SDK plumbing: HTTP handler timeouts and a deadline around each call.
 */

/** Connection and per-attempt limits for every client the action creates. */
export interface HttpTimeouts {
  /** Milliseconds to establish the TCP connection. */
  connectionTimeoutMs?: number
  /** Milliseconds one HTTP attempt may take before the SDK gives up on it (and may retry). */
  requestTimeoutMs?: number
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
    connectionTimeout: timeouts.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
    requestTimeout: timeouts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    throwOnRequestTimeout: true
  }
}

/** Thrown by `withDeadline` when the time is up. */
export class DeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`)
    this.name = 'DeadlineError'
  }
}

/**
 * Runs `call` with an AbortSignal that fires after `ms`, and settles no later
 * than that even if the SDK is between retries (it would only notice the
 * signal on its next attempt).
 */
export async function withDeadline<T>(
  ms: number,
  call: (signal: AbortSignal) => Promise<T>
): Promise<T> {
  if (ms <= 0) throw new DeadlineError(0)
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(new DeadlineError(ms))
    }, ms)
  })
  const pending = call(controller.signal)
  pending.catch(() => undefined)
  try {
    return await Promise.race([pending, expired])
  } finally {
    clearTimeout(timer)
  }
}

export const defaultSleep = (ms: number): Promise<void> =>
  new Promise(resolve => setTimeout(resolve, Math.max(0, ms)))

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
