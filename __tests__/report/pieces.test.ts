import { ReportError } from '../../src/errors.js'
import {
  MAX_RECORD_CHARS,
  parseCredentialReport,
  parseReportPieces
} from '../../src/report/parse.js'
import { UserNames } from '../../src/report/user-names.js'
import { REPORT_COLUMNS, sampleRow, toCsv } from '../helpers/csv.js'

const REPORT = toCsv(REPORT_COLUMNS, [
  sampleRow({ user: '<root_account>', arn: 'arn:aws:iam::123456789012:root' }),
  sampleRow({ access_key_1_last_used_region: 'eu-west-1', access_key_1_active: 'true' }),
  sampleRow({ user: 'bob' })
])

/** The text's UTF-8 bytes in pieces of `size` bytes. */
function* pieces(text: string | Uint8Array, size: number): Generator<Uint8Array> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

describe('parseReportPieces', () => {
  it('gives the same report as the whole-content parser, whatever the size of the pieces', () => {
    const whole = parseCredentialReport(REPORT)
    for (const size of [1, 2, 3, 7, 64, 1 << 20]) {
      expect(parseReportPieces(pieces(REPORT, size))).toEqual(whole)
    }
  })

  it('counts lines across pieces: blank lines, CRLF, a byte order mark, no final line feed', () => {
    const text = '\ufeff' + REPORT.replace('\n', '\n\n\n').replaceAll('\n', '\r\n').slice(0, -2)
    const whole = parseCredentialReport(text)
    expect(whole.users.map(u => u.line)).toEqual([5, 6])
    for (const size of [1, 5, 100]) expect(parseReportPieces(pieces(text, size))).toEqual(whole)
  })

  it('decodes a character cut between pieces', () => {
    const text = REPORT.replace('eu-west-1', 'région-€-😀')
    expect(parseReportPieces(pieces(text, 1))).toEqual(parseCredentialReport(text))
  })

  it('removes one byte order mark at the start, also when it is cut between pieces', () => {
    const whole = parseCredentialReport('\ufeff' + REPORT)
    for (const size of [1, 2, 3, 4, 100]) {
      expect(parseReportPieces(pieces('\ufeff' + REPORT, size))).toEqual(whole)
      expect(parseReportPieces(pieces('\ufeff\ufeff' + REPORT, size))).toBeUndefined()
    }
  })

  it.each([
    ['a quote character', REPORT.replace('eu-west-1', '"eu-west-1"')],
    ['a byte order mark after the start', REPORT.replace('\nbob', '\n\ufeffbob')],
    ['a second byte order mark at the start', '\ufeff\ufeff' + REPORT],
    ['a control character', REPORT.replace('eu-west-1', 'eu-west-1\u0007')],
    ['a lone carriage return', REPORT.replace('\nbob', '\rbob')],
    ['a bad cell', REPORT.replace('2025-01-15T10:00:00Z', 'yesterday')],
    ['no rows at all', ''],
    ['only blank lines', '\n\n\n']
  ])('leaves the content to the whole-content parser when it has %s', (_, text) => {
    expect(parseReportPieces(pieces(text, 16))).toBeUndefined()
  })

  it('leaves invalid or cut-off UTF-8 to the whole-content parser', () => {
    const bytes = Buffer.from(REPORT.replace('eu-west-1', 'eu-€'))
    const euro = bytes.indexOf(Buffer.from('€'))
    const invalid = Buffer.from(bytes)
    invalid[euro + 1] = 0x41
    expect(parseReportPieces(pieces(invalid, 4))).toBeUndefined()
    expect(parseReportPieces(pieces(bytes.subarray(0, euro + 2), 4))).toBeUndefined()
    expect(() => parseCredentialReport(invalid)).toThrow(/not valid UTF-8/)
  })

  it('stops at the size limit and at a line longer than any record', () => {
    const size = Buffer.byteLength(REPORT)
    expect(parseReportPieces(pieces(REPORT, 10), { maxBytes: size - 1 })).toBeUndefined()
    expect(parseReportPieces(pieces(REPORT, 10), { maxBytes: size })).toEqual(
      parseCredentialReport(REPORT)
    )
    let read = 0
    const endless = function* (): Generator<Uint8Array> {
      for (;;) {
        read++
        yield Buffer.alloc(64 * 1024, 'a')
      }
    }
    expect(parseReportPieces(endless())).toBeUndefined()
    expect(read * 64 * 1024).toBeLessThan(MAX_RECORD_CHARS + 128 * 1024)
  })

  it('does not leave the report text as the subject of the last regular expression match', () => {
    // V8 keeps that subject globally (RegExp.input): a cell would keep the whole text alive.
    const report = parseReportPieces(pieces(REPORT, 50))
    expect(report?.users).toHaveLength(2)
    expect(RegExp.input).toBe('')
    parseCredentialReport(REPORT)
    expect(RegExp.input).toBe('')
  })
})

describe('UserNames', () => {
  it('finds the earlier name equal ignoring ASCII case, and adds only new names', () => {
    const names = new UserNames()
    expect(names.add('alice')).toBe(-1)
    expect(names.add('Bob')).toBe(-1)
    expect(names.add('ALICE')).toBe(0)
    expect(names.add('bob')).toBe(1)
    expect(names.add('alice2')).toBe(-1)
    expect(names.size).toBe(3)
  })

  it('agrees with a set of lower-cased names over many names (the table grows)', () => {
    const names = new UserNames()
    const reference = new Map<string, number>()
    const chars = 'abcXYZ019_+=,.@-'
    let seed = 7
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0)
    for (let i = 0; i < 20_000; i++) {
      let name = ''
      for (let n = 1 + (next() % 4); n > 0; n--) name += chars[next() % chars.length]
      const key = name.toLowerCase()
      const expected = reference.get(key) ?? -1
      expect(names.add(name)).toBe(expected)
      if (expected === -1) reference.set(key, reference.size)
    }
    expect(names.size).toBe(reference.size)
  })

  it('tells apart names with the same hash', () => {
    // FNV-1a: "costarring" and "liquid" collide in 32 bits.
    const names = new UserNames()
    expect(names.add('costarring')).toBe(-1)
    expect(names.add('liquid')).toBe(-1)
    expect(names.add('LIQUID')).toBe(1)
  })
})

it('the parser reports duplicates found through UserNames with both lines', () => {
  const text = toCsv(REPORT_COLUMNS, [
    sampleRow({ user: 'Alice' }),
    sampleRow({ user: 'bob' }),
    sampleRow({ user: 'alice' })
  ])
  expect(() => parseCredentialReport(text)).toThrow(ReportError)
  expect(() => parseCredentialReport(text)).toThrow(
    "credential report line 4: user 'alice' duplicates 'Alice' on line 2 (IAM user names are case-insensitive)"
  )
})
