import { formatReportTimestamp } from './timestamp.js'
import type { Cell, Sentinel, Timestamp } from './types.js'
import { SENTINELS } from './types.js'

export function isSentinel(value: unknown): value is Sentinel {
  return typeof value === 'string' && (SENTINELS as readonly string[]).includes(value)
}

/** A real timestamp, not a sentinel and not a missing column. */
export function isTimestamp(cell: Cell<Timestamp>): cell is Timestamp {
  return typeof cell === 'number'
}

/** True only for a real `true`; sentinels and missing columns are not true. */
export function isTrue(cell: Cell<boolean>): boolean {
  return cell === true
}

/** How a cell reads in a message: the date, the sentinel, or "column missing". */
export function describeCell(cell: Cell<Timestamp | boolean | string>): string {
  if (cell === null) return 'column missing'
  if (typeof cell === 'number') return formatReportTimestamp(cell)
  return String(cell)
}
