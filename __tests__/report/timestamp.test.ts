import fc from 'fast-check'
import { daysInMonth, parseReportTimestamp, timestampProblem } from '../../src/report/timestamp.js'

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
