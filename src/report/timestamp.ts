/**
 * The calendar, in one place: every date the gate reads (report cells,
 * `--now`, exemption expiry days) is checked here, and a day that does not
 * exist (2026-02-30, 2026-11-31) is an error, never rolled over to the next
 * month as `Date.parse` and `Date.UTC` do.
 *
 * Timestamps of the credential report: ISO 8601 in UTC, written
 * `2026-03-01T12:00:00Z` (since 2024) or `2026-03-01T12:00:00+00:00` (before),
 * optionally with fractional seconds. Parsed by hand on character codes: the
 * parser calls this for about ten cells per row, so it avoids regular
 * expressions and `Date` objects on the success path.
 */

import { MS_PER_DAY } from '../units.js'

/** Days from 1970-01-01 to the given proleptic Gregorian date (any year, month 1-12). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Number of days of a month (1-12) in a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`)

/**
 * Why a date and time (month 1-12) does not exist, e.g. "November 2026 has
 * 30 days" or "there is no hour 24", or null when it does.
 */
export function dateTimeProblem(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0
): string | null {
  if (month < 1 || month > 12) return `there is no month ${pad2(month)}`
  if (day < 1) return `there is no day ${pad2(day)}`
  const last = daysInMonth(year, month)
  if (day > last) return `${MONTHS[month - 1]} ${year} has ${last} days`
  if (hour > 23) return `there is no hour ${pad2(hour)}`
  if (minute > 59) return `there is no minute ${pad2(minute)}`
  if (second > 59) return `there is no second ${pad2(second)}`
  return null
}

/** Milliseconds since the epoch of a UTC date and time that exists (see `dateTimeProblem`). */
export function utcTime(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0
): number {
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    hour * 3_600_000 +
    minute * 60_000 +
    second * 1000 +
    ms
  )
}

/** Value of the decimal digit at `i`, or -1 when it is not a digit. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : -1
}

function twoDigits(s: string, i: number): number {
  const a = digit(s, i)
  const b = digit(s, i + 1)
  return a < 0 || b < 0 ? -1 : a * 10 + b
}

/**
 * Milliseconds since the epoch for a report timestamp, or `undefined` when the
 * text is not `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+00:00)` naming a real UTC
 * date and time. Fractions finer than a millisecond are truncated.
 */
export function parseReportTimestamp(s: string): number | undefined {
  const len = s.length
  if (len < 20) return undefined
  // YYYY-MM-DDTHH:MM:SS
  const y1 = twoDigits(s, 0)
  const y2 = twoDigits(s, 2)
  if (y1 < 0 || y2 < 0) return undefined
  if (
    s.charCodeAt(4) !== 45 /* - */ ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 /* T */ ||
    s.charCodeAt(13) !== 58 /* : */ ||
    s.charCodeAt(16) !== 58
  ) {
    return undefined
  }
  const year = y1 * 100 + y2
  const month = twoDigits(s, 5)
  const day = twoDigits(s, 8)
  const hour = twoDigits(s, 11)
  const minute = twoDigits(s, 14)
  const second = twoDigits(s, 17)
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return undefined
  }
  let i = 19
  let ms = 0
  if (s.charCodeAt(i) === 46 /* . */) {
    i++
    const start = i
    let scale = 100
    for (let d = digit(s, i); d >= 0; d = digit(s, ++i)) {
      ms += d * scale
      scale = scale === 1 ? 0 : scale / 10
    }
    if (i === start) return undefined
  }
  // Suffix: `Z` or `+00:00`, and nothing after it.
  const rest = len - i
  if (rest === 1) {
    if (s.charCodeAt(i) !== 90 /* Z */) return undefined
  } else if (rest === 6) {
    if (
      s.charCodeAt(i) !== 43 /* + */ ||
      s.charCodeAt(i + 1) !== 48 ||
      s.charCodeAt(i + 2) !== 48 ||
      s.charCodeAt(i + 3) !== 58 ||
      s.charCodeAt(i + 4) !== 48 ||
      s.charCodeAt(i + 5) !== 48
    ) {
      return undefined
    }
  } else {
    return undefined
  }
  return utcTime(year, month, day, hour, minute, second, ms)
}

/**
 * 2006-01-01: no AWS credential is older (AWS opened in 2006, IAM in 2010),
 * so a report timestamp before it is as impossible as one in the future.
 */
export const EARLIEST_CREDENTIAL_TIME = utcTime(2006, 1, 1)

/** Why a timestamp before `EARLIEST_CREDENTIAL_TIME` is refused, after the quoted value. */
export const TOO_EARLY =
  'is before 2006-01-01, when AWS began: no IAM credential is that old; check that the report was not edited'

const INSTANT =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?(Z|([+-])([0-9]{2}):([0-9]{2})))?$/

/** What `parseInstant` read: the time, or why the text is not one (null: not the shape at all). */
export type InstantReading = { time: number } | { problem: string | null }

/**
 * A date (`2026-11-22`, midnight UTC) or a date and time with a zone
 * (`2026-11-22T08:30Z`, `2026-11-22T08:30:00.5+01:00`), as given on the command
 * line. Off the hot path: a regular expression, then the shared calendar check.
 */
export function parseInstant(text: string): InstantReading {
  const m = INSTANT.exec(text)
  if (!m) return { problem: null }
  const [year, month, day] = [m[1], m[2], m[3]].map(Number) as [number, number, number]
  const [hour, minute, second] = [m[4], m[5], m[6]].map(v => Number(v ?? 0)) as [
    number,
    number,
    number
  ]
  const why = dateTimeProblem(year, month, day, hour, minute, second)
  if (why !== null) return { problem: why }
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'))
  let offset = 0
  if (m[9] !== undefined) {
    const oh = Number(m[10])
    const om = Number(m[11])
    if (oh > 23 || om > 59) return { problem: `${m[8]} is not a time zone offset` }
    offset = (m[9] === '-' ? -1 : 1) * (oh * 3_600_000 + om * 60_000)
  }
  return { time: utcTime(year, month, day, hour, minute, second, ms) - offset }
}

/** Earliest and latest+1 times with a four-digit year, 0000-01-01 and 10000-01-01. */
const YEAR_0 = daysFromCivil(0, 1, 1) * MS_PER_DAY
const YEAR_10000 = daysFromCivil(10_000, 1, 1) * MS_PER_DAY

/**
 * `2026-03-01T12:00:00Z`: a timestamp as the report writes it, in UTC, with
 * milliseconds only when there are some. The same text as
 * `new Date(t).toISOString()` without a `.000` fraction, about three times
 * faster: rule messages format one or two timestamps per finding.
 */
export function formatReportTimestamp(t: number): string {
  if (!Number.isInteger(t) || t < YEAR_0 || t >= YEAR_10000) {
    const iso = new Date(t).toISOString()
    return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso
  }
  const days = Math.floor(t / MS_PER_DAY)
  let ms = t - days * MS_PER_DAY
  // Civil date from days since 1970-01-01 (the inverse of daysFromCivil).
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  const hour = Math.floor(ms / 3_600_000)
  ms -= hour * 3_600_000
  const minute = Math.floor(ms / 60_000)
  ms -= minute * 60_000
  const second = Math.floor(ms / 1000)
  ms -= second * 1000
  const y = year < 1000 ? `${year}`.padStart(4, '0') : `${year}`
  const fraction = ms === 0 ? '' : `.${`${ms}`.padStart(3, '0')}`
  return `${y}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}${fraction}Z`
}

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/

/**
 * Why `s` is not a report timestamp, as the end of a sentence that starts with
 * the quoted value: "is not an ISO 8601 timestamp", "is not in UTC; ...". Only
 * called on the error path.
 */
export function timestampProblem(s: string): string {
  const m = SHAPE.exec(s)
  if (!m) return 'is not an ISO 8601 timestamp'
  const zone = m[7]
  if (zone === undefined) {
    return "has no time zone; the report's timestamps are UTC, ending in Z or +00:00"
  }
  if (zone !== 'Z' && zone !== '+00:00') {
    return `is not in UTC (offset ${zone}); the report's timestamps are UTC, ending in Z or +00:00`
  }
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as number[]
  const badDay = dateTimeProblem(year!, month!, day!)
  if (badDay !== null) return `is not a valid date: ${badDay}`
  const badTime = dateTimeProblem(year!, month!, day!, hour, minute, second)
  return badTime === null
    ? 'is not a valid date and time'
    : `is not a valid date and time: ${badTime}`
}
