/** Day arithmetic shared by every rule; UTC only, no local clock. */
import { formatReportTimestamp } from './report/timestamp.js'
import { MS_PER_DAY } from './units.js'

export { MS_PER_DAY }

/**
 * Largest day count a policy may set: 100 years, longer than AWS has
 * existed, so a larger value can only be a typo or a rule switched off by
 * stealth (`enabled: false` says that openly).
 */
export const MAX_DAYS = 36_500

/** Whole days from `t` to `now`: floor((now - t) / 86 400 000). Negative for a future `t`. */
export function ageInDays(now: number, t: number): number {
  return Math.floor((now - t) / MS_PER_DAY)
}

/** `2026-03-01T12:00:00Z`: ISO 8601 without milliseconds, as the report writes it. */
export function formatTimestamp(t: number): string {
  return formatReportTimestamp(t)
}

/** `2026-03-01`. */
export function formatDate(t: number): string {
  return new Date(t).toISOString().slice(0, 10)
}

/** "1 day", "45 days". */
export function days(n: number): string {
  return n === 1 || n === -1 ? `${n} day` : `${n} days`
}
