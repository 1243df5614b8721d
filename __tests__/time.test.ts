import { ageInDays, formatTimestamp, MS_PER_DAY } from '../src/time.js'
import { meetsThreshold, severityRank } from '../src/severity.js'

describe('ageInDays', () => {
  const t = Date.parse('2026-01-01T00:00:00Z')
  it.each([
    [0, 0],
    [MS_PER_DAY - 1, 0],
    [MS_PER_DAY, 1],
    [45 * MS_PER_DAY + 1, 45],
    [-1, -1]
  ])('now = t + %d ms gives %d days', (delta, expected) => {
    expect(ageInDays(t + delta, t)).toBe(expected)
  })
})

describe('formatTimestamp', () => {
  it('drops milliseconds and keeps Z', () => {
    expect(formatTimestamp(Date.parse('2026-03-01T12:00:00+00:00'))).toBe('2026-03-01T12:00:00Z')
  })
})

describe('severity threshold', () => {
  it('orders most severe first', () => {
    expect(severityRank('critical')).toBeLessThan(severityRank('low'))
  })
  it.each([
    ['critical', 'high', true],
    ['high', 'high', true],
    ['medium', 'high', false],
    ['low', 'low', true],
    ['critical', 'none', false]
  ] as const)('%s meets %s: %s', (s, failOn, expected) => {
    expect(meetsThreshold(s, failOn)).toBe(expected)
  })
})
