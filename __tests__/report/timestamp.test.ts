import fc from 'fast-check'
import {
  dateTimeProblem,
  daysInMonth,
  EARLIEST_CREDENTIAL_TIME,
  parseInstant,
  parseReportTimestamp,
  timestampProblem
} from '../../src/report/timestamp.js'

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

describe('parseReportTimestamp', () => {
  it('agrees with Date for every instant, with both suffixes', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0000-01-01T00:00:00.000Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true
        }),
        date => {
          const iso = date.toISOString()
          const t = date.getTime()
          expect(parseReportTimestamp(iso)).toBe(t)
          expect(parseReportTimestamp(iso.replace('Z', '+00:00'))).toBe(t)
          const seconds = iso.slice(0, 19)
          expect(parseReportTimestamp(`${seconds}Z`)).toBe(t - date.getUTCMilliseconds())
          expect(parseReportTimestamp(`${seconds}+00:00`)).toBe(t - date.getUTCMilliseconds())
        }
      ),
      { numRuns: 2000 }
    )
  })

  it('accepts exactly the components that round-trip through a UTC date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (y, mo, d, h, mi, s) => {
          const text = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}Z`
          const date = new Date(0)
          date.setUTCFullYear(y, mo - 1, d)
          date.setUTCHours(h, mi, s, 0)
          const roundTrips =
            date.getUTCFullYear() === y &&
            date.getUTCMonth() === mo - 1 &&
            date.getUTCDate() === d &&
            date.getUTCHours() === h &&
            date.getUTCMinutes() === mi &&
            date.getUTCSeconds() === s
          expect(parseReportTimestamp(text)).toBe(roundTrips ? date.getTime() : undefined)
          if (!roundTrips) expect(timestampProblem(text)).toMatch(/^is not a valid date/)
        }
      ),
      { numRuns: 3000 }
    )
  })

  it('either parses a string or explains why not', () => {
    const chars = fc.constantFrom(...'0123456789-:TZ+.z '.split(''))
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 32 }), text => {
        const t = parseReportTimestamp(text)
        if (t === undefined) {
          expect(timestampProblem(text)).toMatch(
            /^(is not an ISO 8601 timestamp|has no time zone|is not in UTC|is not a valid date)/
          )
        } else {
          expect(Number.isInteger(t)).toBe(true)
          expect(new Date(t).toISOString().slice(0, 19)).toBe(text.slice(0, 19))
        }
      }),
      { numRuns: 3000 }
    )
  })

  it.each([
    ['2026-03-01T12:00:00.9999Z', '2026-03-01T12:00:00.999Z'],
    ['2026-03-01T12:00:00.99999999999999999999Z', '2026-03-01T12:00:00.999Z'],
    ['2026-03-01T12:00:00.05+00:00', '2026-03-01T12:00:00.050Z'],
    ['0000-01-01T00:00:00Z', '0000-01-01T00:00:00.000Z'],
    ['0099-12-31T23:59:59Z', '0099-12-31T23:59:59.000Z']
  ])('truncates fractions and keeps years below 100: %s', (text, iso) => {
    expect(parseReportTimestamp(text)).toBe(Date.parse(iso))
  })

  it('knows the length of every month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(m => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
    ])
    expect([1900, 2000, 2024, 2100].map(y => daysInMonth(y, 2))).toEqual([28, 29, 29, 28])
  })
})

describe('dateTimeProblem', () => {
  it.each([
    [[2026, 11, 31], 'November 2026 has 30 days'],
    [[2026, 2, 29], 'February 2026 has 28 days'],
    [[2026, 13, 1], 'there is no month 13'],
    [[2026, 0, 1], 'there is no month 00'],
    [[2026, 1, 0], 'there is no day 00'],
    [[2026, 1, 1, 24], 'there is no hour 24'],
    [[2026, 1, 1, 23, 60], 'there is no minute 60'],
    [[2026, 1, 1, 23, 59, 60], 'there is no second 60']
  ] as const)('%j: %s', (parts, problem) => {
    expect(dateTimeProblem(...(parts as unknown as [number, number, number]))).toBe(problem)
  })

  it('accepts every day that exists', () => {
    expect(dateTimeProblem(2024, 2, 29, 23, 59, 59)).toBeNull()
    expect(dateTimeProblem(2026, 12, 31)).toBeNull()
  })
})

describe('parseInstant (the --now reader)', () => {
  it.each([
    ['2026-11-22', '2026-11-22T00:00:00.000Z'],
    ['2026-11-22T08:30Z', '2026-11-22T08:30:00.000Z'],
    ['2026-11-22T08:30:15Z', '2026-11-22T08:30:15.000Z'],
    ['2026-11-22T08:30:15.5Z', '2026-11-22T08:30:15.500Z'],
    ['2026-11-22T08:30:15.123456Z', '2026-11-22T08:30:15.123Z'],
    ['2026-11-22T08:30:00+01:00', '2026-11-22T07:30:00.000Z'],
    ['2026-11-22T00:30:00-05:30', '2026-11-22T06:00:00.000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z']
  ])('reads %s as %s', (text, iso) => {
    expect(parseInstant(text)).toEqual({ time: Date.parse(iso) })
  })

  it.each([
    ['2026-11-31T00:00:00Z', 'November 2026 has 30 days'],
    ['2026-02-30', 'February 2026 has 28 days'],
    ['2025-02-29T00:00:00+00:00', 'February 2025 has 28 days'],
    ['2026-13-01', 'there is no month 13'],
    ['2026-11-22T24:00Z', 'there is no hour 24'],
    ['2026-11-22T00:00:00+24:00', '+24:00 is not a time zone offset']
  ])('refuses %s instead of rolling it over: %s', (text, problem) => {
    expect(parseInstant(text)).toEqual({ problem })
  })

  it.each(['yesterday', '2026-11-22T00:00:00', '2026-11-22 00:00:00Z', '22/11/2026', ''])(
    'refuses %j as not a date at all',
    text => {
      expect(parseInstant(text)).toEqual({ problem: null })
    }
  )

  it('agrees with Date.parse on every real date and time, in any zone', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00.000Z'),
          max: new Date('9999-12-30T00:00:00.000Z'),
          noInvalidDate: true
        }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        (date, offsetMinutes) => {
          const sign = offsetMinutes < 0 ? '-' : '+'
          const abs = Math.abs(offsetMinutes)
          const zone = `${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`
          const text = date.toISOString().replace('Z', zone)
          expect(parseInstant(text)).toEqual({ time: Date.parse(text) })
          expect(parseInstant(date.toISOString().slice(0, 10))).toEqual({
            time: Date.parse(date.toISOString().slice(0, 10))
          })
        }
      ),
      { numRuns: 1000 }
    )
  })
})

describe('EARLIEST_CREDENTIAL_TIME', () => {
  it('is 2006-01-01, before which no AWS credential exists', () => {
    expect(EARLIEST_CREDENTIAL_TIME).toBe(Date.parse('2006-01-01T00:00:00Z'))
  })
})
