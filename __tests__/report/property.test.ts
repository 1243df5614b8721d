import fc from 'fast-check'
import { ReportError } from '../../src/errors.js'
import { parseCredentialReport, parseReportPieces } from '../../src/report/parse.js'
import type { Cell, CredentialRow, Sentinel } from '../../src/report/types.js'
import { REPORT_COLUMNS, REQUIRED_COLUMNS, ROOT_USER, SENTINELS } from '../../src/report/types.js'
import { sampleReport, sampleRow, toCsv } from '../helpers/csv.js'

/**
 * `bytes` cut at the given offsets, each piece handed out in one buffer that
 * is overwritten by the next, as a file read in blocks is.
 */
function* piecesOf(bytes: Uint8Array, cuts: readonly number[]): Generator<Uint8Array> {
  const ends = [...new Set(cuts.map(c => c % (bytes.length + 1)))].sort((a, b) => a - b)
  const block = new Uint8Array(bytes.length)
  let start = 0
  for (const end of [...ends, bytes.length]) {
    if (end <= start) continue
    block.fill(0x22) // a quote: a piece still read after the next is asked for would show it
    block.set(bytes.subarray(start, end))
    yield block.subarray(0, end - start)
    start = end
  }
}

/** How often each case of `parsesOrReportError` happened in a property run. */
interface Tally {
  parsed: number
  rejected: number
  /** Strings with lone surrogates: not the same text once encoded, so not read in pieces. */
  surrogates: number
  /** Read in pieces and compared with the whole-content parse. */
  piecesCompared: number
}

const tally = (): Tally => ({ parsed: 0, rejected: 0, surrogates: 0, piecesCompared: 0 })

/**
 * Parses, or checks that the failure is a ReportError with a message that
 * names the source. Read in pieces, the content gives the same report, or
 * undefined (for the caller to parse it whole); never anything else. Counts
 * which case happened in `seen`, so a property can show its cases occur.
 */
function parsesOrReportError(
  seen: Tally,
  content: string | Uint8Array,
  cuts: readonly number[] = []
): void {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content
  let whole
  try {
    whole = parseCredentialReport(content, { source: 'fuzz.csv' })
    seen.parsed++
  } catch (error) {
    if (!(error instanceof ReportError)) throw error
    expect(error.message.startsWith('fuzz.csv')).toBe(true)
    seen.rejected++
  }
  if (typeof content === 'string' && bytes.toString() !== content) {
    seen.surrogates++
    return
  }
  const pieces = parseReportPieces(piecesOf(bytes, cuts), { source: 'fuzz.csv' })
  if (pieces !== undefined) {
    seen.piecesCompared++
    expect(pieces).toEqual(whole)
  }
}

const cuts = fc.array(fc.nat(), { maxLength: 8 })

describe('any input either parses or throws ReportError', () => {
  it('arbitrary bytes', () => {
    const seen = tally()
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), cuts, (bytes, at) =>
        parsesOrReportError(seen, bytes, at)
      ),
      { numRuns: 3000 }
    )
    // Random bytes are never a report: the property is about how they are refused.
    expect(seen.rejected).toBe(3000)
  })

  // 'binary' units are whole code points: lone surrogates are added on purpose.
  const anyOrLoneSurrogate = fc.oneof(
    { weight: 20, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map(c => String.fromCharCode(c))
    }
  )

  it('arbitrary strings, lone surrogates included', () => {
    const seen = tally()
    fc.assert(
      fc.property(fc.string({ unit: anyOrLoneSurrogate, maxLength: 512 }), cuts, (text, at) =>
        parsesOrReportError(seen, text, at)
      ),
      { numRuns: 2000 }
    )
    expect(seen.surrogates).toBeGreaterThan(200)
  })

  const csvish = fc.string({
    unit: fc.constantFrom(
      ...',,,"\n\r\r\n ab:-TZ0123456789/_N/A'.split(''),
      'true',
      'N/A',
      '<root_account>'
    ),
    maxLength: 400
  })

  it('CSV-like text after a valid header', () => {
    const header = REPORT_COLUMNS.join(',') + '\n'
    const seen = tally()
    fc.assert(
      fc.property(csvish, cuts, (tail, at) => parsesOrReportError(seen, header + tail, at)),
      { numRuns: 2000 }
    )
    expect(seen.parsed).toBeGreaterThan(100)
    expect(seen.piecesCompared).toBeGreaterThan(100)
  })

  it('a valid report with random byte edits, insertions and truncation', () => {
    const valid = Buffer.from(sampleReport([sampleRow(), sampleRow({ user: 'bob' })]))
    const edit = fc.record({
      at: fc.nat({ max: valid.length - 1 }),
      byte: fc.integer({ min: 0, max: 255 }),
      insert: fc.boolean()
    })
    const seen = tally()
    fc.assert(
      fc.property(
        fc.array(edit, { maxLength: 6 }),
        fc.nat({ max: valid.length }),
        cuts,
        (edits, cut, at) => {
          let bytes = Array.from(valid)
          for (const e of edits) {
            if (e.insert) bytes.splice(e.at, 0, e.byte)
            else bytes[e.at] = e.byte
          }
          bytes = bytes.slice(0, Math.max(cut, 1))
          parsesOrReportError(seen, new Uint8Array(bytes), at)
        }
      ),
      { numRuns: 3000 }
    )
    expect(seen.parsed).toBeGreaterThan(300)
    expect(seen.piecesCompared).toBeGreaterThan(300)
  })
})

// ---------------------------------------------------------------------------
// Round trip: a generated report, written with toCsv, parses to the same values.

interface GenCell<T> {
  text: string
  value: Cell<T>
}

const sentinel: fc.Arbitrary<GenCell<never>> = fc
  .constantFrom<Sentinel>(...SENTINELS)
  .map(s => ({ text: s, value: s }))

const bool: fc.Arbitrary<GenCell<boolean>> = fc.oneof(
  fc
    .tuple(fc.boolean(), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }))
    .map(([b, upper]) => {
      const word = String(b)
        .split('')
        .map((ch, i) => (upper[i] ? ch.toUpperCase() : ch))
        .join('')
      return { text: word, value: b }
    }),
  sentinel
)

// The earliest a report may say: no AWS credential predates 2006.
const MIN_T = Date.UTC(2006, 0, 1)
const MAX_T = Date.UTC(2100, 0, 1)

const timestamp: fc.Arbitrary<GenCell<number>> = fc.oneof(
  fc
    .record({
      t: fc.integer({ min: MIN_T, max: MAX_T }),
      suffix: fc.constantFrom('Z', '+00:00'),
      fraction: fc.constantFrom(0, 1, 3, 6)
    })
    .map(({ t, suffix, fraction }) => {
      const iso = new Date(t).toISOString()
      const ms = t % 1000
      const digits = (String(ms).padStart(3, '0') + '417').slice(0, fraction)
      const kept = fraction === 0 ? 0 : fraction === 1 ? Math.floor(ms / 100) * 100 : ms
      return {
        text: `${iso.slice(0, 19)}${fraction ? `.${digits}` : ''}${suffix}`,
        value: t - ms + kept
      }
    }),
  sentinel
)

const plainText: fc.Arbitrary<GenCell<string>> = fc.oneof(
  fc
    .string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'.split('')),
      minLength: 1,
      maxLength: 16
    })
    .map(s => ({ text: s, value: s })),
  fc
    .string({
      unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\u00e9', '\u{1F600}'),
      minLength: 1,
      maxLength: 8
    })
    .map(s => ({ text: s, value: s })),
  sentinel
)

const NAME_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-'.split('')
const userName = fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 64 })

const rowCells = fc.record({
  user_creation_time: timestamp,
  password_enabled: bool,
  password_last_used: timestamp,
  password_last_changed: timestamp,
  password_next_rotation: timestamp,
  mfa_active: bool,
  access_key_1_active: bool,
  access_key_1_last_rotated: timestamp,
  access_key_1_last_used_date: timestamp,
  access_key_1_last_used_region: plainText,
  access_key_1_last_used_service: plainText,
  access_key_2_active: bool,
  access_key_2_last_rotated: timestamp,
  access_key_2_last_used_date: timestamp,
  access_key_2_last_used_region: plainText,
  access_key_2_last_used_service: plainText,
  cert_1_active: bool,
  cert_1_last_rotated: timestamp,
  cert_2_active: bool,
  cert_2_last_rotated: timestamp
})

type RowCells = Record<string, GenCell<unknown>>

const OPTIONAL = REPORT_COLUMNS.filter(c => !REQUIRED_COLUMNS.includes(c))

const reportModel = fc.record({
  account: fc.stringMatching(/^\d{12}$/),
  partition: fc.constantFrom('aws', 'aws-cn', 'aws-us-gov'),
  withRoot: fc.boolean(),
  rootCells: rowCells,
  users: fc.uniqueArray(fc.tuple(userName, fc.constantFrom('/', '/team/', '/a/b/c/'), rowCells), {
    maxLength: 15,
    selector: ([name]) => name.toLowerCase()
  }),
  optional: fc.subarray(OPTIONAL),
  extra: fc.uniqueArray(fc.stringMatching(/^x_[a-z]{1,6}$/), { maxLength: 3 }),
  order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 30, maxLength: 30 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  bytes: fc.boolean(),
  blankLines: fc.array(fc.nat(), { maxLength: 3 }),
  finalLineFeed: fc.boolean(),
  cuts
})

function expectedRow(
  line: number,
  user: string,
  arn: string,
  cells: RowCells,
  present: ReadonlySet<string>
): CredentialRow {
  const v = <T>(column: string): Cell<T> =>
    present.has(column) ? ((cells[column] as GenCell<T>).value as Cell<T>) : null
  const key = (n: 1 | 2) => ({
    slot: n,
    credential: `access_key_${n}` as const,
    active: v<boolean>(`access_key_${n}_active`),
    lastRotated: v<number>(`access_key_${n}_last_rotated`),
    lastUsedDate: v<number>(`access_key_${n}_last_used_date`),
    lastUsedRegion: v<string>(`access_key_${n}_last_used_region`),
    lastUsedService: v<string>(`access_key_${n}_last_used_service`)
  })
  const cert = (n: 1 | 2) => ({
    slot: n,
    credential: `cert_${n}` as const,
    active: v<boolean>(`cert_${n}_active`),
    lastRotated: v<number>(`cert_${n}_last_rotated`)
  })
  return {
    line,
    user,
    arn,
    isRoot: user === ROOT_USER,
    userCreationTime: v('user_creation_time'),
    passwordEnabled: v('password_enabled'),
    passwordLastUsed: v('password_last_used'),
    passwordLastChanged: v('password_last_changed'),
    passwordNextRotation: v('password_next_rotation'),
    mfaActive: v('mfa_active'),
    accessKeys: [key(1), key(2)],
    certs: [cert(1), cert(2)]
  }
}

describe('round trip', () => {
  it('a generated report survives toCsv -> parse with equal typed values', () => {
    const seen = { quoted: 0, unquoted: 0, blankLines: 0, withRoot: 0, users: 0 }
    fc.assert(
      fc.property(reportModel, m => {
        const columns = [...REQUIRED_COLUMNS, ...m.optional, ...m.extra]
          .map((c, i) => ({ c, k: m.order[i] ?? 0 }))
          .sort((a, b) => a.k - b.k)
          .map(x => x.c)
        const present = new Set(columns)
        const principals = [
          ...(m.withRoot
            ? [[ROOT_USER, `arn:${m.partition}:iam::${m.account}:root`, m.rootCells] as const]
            : []),
          ...m.users.map(
            ([name, path, cells]) =>
              [name, `arn:${m.partition}:iam::${m.account}:user${path}${name}`, cells] as const
          )
        ]
        const rows: Record<string, string>[] = []
        const expected: CredentialRow[] = []
        let line = 2
        for (const [user, arn, cells] of principals) {
          const row: Record<string, string> = { user, arn }
          for (const [column, cell] of Object.entries(cells as RowCells)) row[column] = cell.text
          for (const column of m.extra) row[column] = 'extra, "value"'
          rows.push(row)
          expected.push(expectedRow(line, user, arn, cells as RowCells, present))
          line += 1 + columns.reduce((n, c) => n + ((row[c] ?? '').split('\n').length - 1), 0)
        }
        let text = toCsv(columns, rows)
        if (m.crlf) text = text.replaceAll('\n', '\r\n')
        if (m.bom) text = '\ufeff' + text
        const report = parseCredentialReport(m.bytes ? Buffer.from(text) : text)

        // Read in pieces: the same report, and for text without quotes (nearly
        // every real report) without falling back to the whole-content parser.
        const read = (t: string) => parseReportPieces(piecesOf(Buffer.from(t), m.cuts))
        if (text.includes('"')) {
          seen.quoted++
          expect([undefined, report]).toContainEqual(read(text))
        } else {
          seen.unquoted++
          expect(read(text)).toEqual(report)
        }
        // Blank lines (skipped, but counted) and no final line feed.
        if (!text.includes('"') && !m.crlf) {
          if (m.blankLines.length > 0) seen.blankLines++
          const lines = text.slice(0, -1).split('\n')
          for (const at of m.blankLines) lines.splice(1 + (at % lines.length), 0, '')
          const edited = lines.join('\n') + (m.finalLineFeed ? '\n' : '')
          expect(read(edited)).toEqual(parseCredentialReport(edited))
        }

        expect(report.columns).toEqual(columns)
        expect(report.accountId).toBe(principals.length ? m.account : null)
        expect(report.partition).toBe(principals.length ? m.partition : null)
        expect(report.root).toEqual(m.withRoot ? expected[0] : null)
        expect(report.users).toEqual(m.withRoot ? expected.slice(1) : expected)
        if (report.root) seen.withRoot++
        seen.users += report.users.length
      }),
      { numRuns: 500 }
    )
    // Each branch above ran: quoted and unquoted text, blank lines, root and user rows.
    expect(seen.quoted).toBeGreaterThan(100)
    expect(seen.unquoted).toBeGreaterThan(20)
    expect(seen.blankLines).toBeGreaterThan(5)
    expect(seen.withRoot).toBeGreaterThan(100)
    expect(seen.users).toBeGreaterThan(1000)
  })
})
