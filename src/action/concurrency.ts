/**
 * Runs `worker` over `items` with at most `limit` calls in flight at any
 * time, and resolves to the results in the order of `items` (not the order
 * they finished). A new call starts as soon as one finishes.
 *
 * A worker that rejects stops new calls from starting; the promise rejects
 * with the first error once the calls already running have settled. Workers
 * that must not stop the others (one account's audit) catch their own errors.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  worker: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`limit must be a positive integer, got ${limit}`)
  }
  const results = new Array<R>(items.length)
  let next = 0
  let failed = false
  let firstError: unknown
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++
      try {
        results[i] = await worker(items[i] as T, i)
      } catch (error) {
        if (!failed) firstError = error
        failed = true
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
  if (failed) throw firstError
  return results
}
