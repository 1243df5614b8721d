import { InputError } from './errors.js'

/** What the CLI commands read and write; tests pass buffers. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** The clock, when `--now` is not given. */
  now: () => number
}

/** Exit codes: see the README. */
export const EXIT = { passed: 0, failed: 1, badInput: 2, accessFailure: 3, internal: 4 } as const

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/

/** `--now`: a date, or a date and time with Z or an offset. */
export function parseNow(value: string): number {
  const t = Date.parse(value)
  if (!ISO_WITH_ZONE.test(value) || Number.isNaN(t)) {
    throw new InputError(
      `--now must be an ISO 8601 date or time with a zone, e.g. 2026-11-22T00:00:00Z; got '${value}'`
    )
  }
  return t
}
