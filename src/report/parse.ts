/**
 * The credential report parser: CSV bytes -> `CredentialReport`.
 *
 * Pure: no clock, no filesystem. Every problem with the input is a
 * `ReportError` whose message names the file, the line where the record
 * starts and the column, e.g.
 * `credential report line 12, column access_key_1_last_rotated: 'yesterday' is not an ISO 8601 timestamp`.
 *
 * Columns are found by header name, so any column order works, unknown columns
 * are ignored and older layouts without some columns (the `*_last_used_*`
 * columns before 2015) give `null` cells.
 *
 * CSV syntax is a library's job, and which library depends on the text. A
 * report has a quote character only when a value needs quoting (a user name
 * or path with a comma), which is rare. Text without one is split by Papa
 * Parse, about ten times faster than csv-parse (see BENCHMARKS.md). Text with
 * quotes goes to csv-parse, whose strict quote rules and error positions
 * (line, column) the messages below are written for. Without quotes the two
 * agree on every input: fields are what lies between commas, records what
 * lies between line feeds, empty lines are skipped, and the only error left
 * is an overlong record, checked here as csv-parse checks it. Each record is
 * converted as soon as the library emits it and then dropped, so the raw
 * string arrays of a large report are never all held at once; a file can be
 * parsed block by block as it is read (`parseReportPieces`), so its text is
 * never whole either.
 */
import { isAscii } from 'node:buffer'
import { CsvError, parse as parseCsv } from 'csv-parse/sync'
import type { InfoRecord } from 'csv-parse/sync'
import Papa from 'papaparse'
import { ReportError } from '../errors.js'
import { flatString, forgetLastMatch } from '../flat-string.js'
import { DEFAULT_MAX_BYTES, decodeReport, firstControl } from './decode.js'
import {
  EARLIEST_CREDENTIAL_TIME,
  parseReportTimestamp,
  TOO_EARLY,
  timestampProblem
} from './timestamp.js'
import { UserNames } from './user-names.js'
import type {
  AccessKeyCells,
  Cell,
  CertCells,
  CredentialReport,
  CredentialRow,
  ReportColumn,
  Sentinel,
  Timestamp
} from './types.js'
import { REQUIRED_COLUMNS, ROOT_USER } from './types.js'

export interface ParseOptions {
  /** Name of the report in messages, e.g. its file name. Default `credential report`. */
  source?: string
  /** Largest accepted content, in bytes (UTF-8 bytes for a string). Default 64 MiB. */
  maxBytes?: number
}

export { DEFAULT_MAX_BYTES }

/** Longest CSV record accepted, in characters. Real rows are a few hundred characters. */
export const MAX_RECORD_CHARS = 1024 * 1024

/** IAM user names: 1-64 characters from `[A-Za-z0-9_+=,.@-]`. */
const IAM_USER_NAME = /^[\w+=,.@-]{1,64}$/
/** `arn:<partition>:iam::<account>:root` or `...:user/<path/><name>`. */
const IAM_ARN = /^arn:(aws(?:-[a-z]+)*):iam::(\d{12}):(root|user\/[\x21-\x7e]+)$/

/**
 * Parses a credential report. Throws `ReportError`, and nothing else, for any
 * input that is not a well-formed credential report.
 */
export function parseCredentialReport(
  content: string | Uint8Array,
  options: ParseOptions = {}
): CredentialReport {
  const source = options.source ?? 'credential report'
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  try {
    const text = decodeReport(content, source, maxBytes)
    return new ReportParser(source, false).parse(text)
  } catch (error) {
    if (error instanceof ReportError) throw error
    // Not expected; kept so that callers only ever see the documented error type.
    const detail = error instanceof Error ? error.message : String(error)
    throw new ReportError(`${source} cannot be parsed: ${detail}`)
  }
}

/**
 * Parses a report that arrives as successive pieces of its bytes (a file read
 * in blocks), so that neither all of its bytes nor all of its text are ever
 * held at once: at 500,000 rows each is about 100 MB. Each piece may be
 * reused by the caller once the next is asked for.
 *
 * Only for the common case: UTF-8 text without a quote character, a byte
 * order mark after the start, or a control character, that parses without
 * an error. For anything else it returns undefined, and the caller parses
 * the whole content with `parseCredentialReport`, which gives the same report
 * for every input accepted here and the exact message for a bad one (errors
 * are then reported in the same order as always: encoding before content).
 */
export function parseReportPieces(
  pieces: Iterable<Uint8Array>,
  options: ParseOptions = {}
): CredentialReport | undefined {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const parser = new ReportParser(options.source ?? 'credential report', true)
  // Strict, as decodeReport. A byte order mark is removed here, at the start
  // only; one anywhere else is kept, and sends the content to the whole-text path.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  // While every piece is ASCII (nearly always), the decoder holds nothing
  // back and a piece is its text byte for byte: Node 20's decoder is five
  // times slower than this check and copy.
  let ascii = true
  let size = 0
  let carry = ''
  /** Whether no text has come out yet (so a byte order mark would be the first character). */
  let atStart = true
  try {
    for (let piece of pieces) {
      size += piece.byteLength
      if (size > maxBytes) return undefined
      if (atStart && piece[0] === 0xef && piece[1] === 0xbb && piece[2] === 0xbf) {
        piece = piece.subarray(3)
        atStart = false
      }
      ascii &&= isAscii(piece)
      let decoded = ascii
        ? Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('latin1')
        : decoder.decode(piece, { stream: true })
      if (atStart && decoded !== '') {
        atStart = false
        // A byte order mark cut between pieces.
        if (decoded.charCodeAt(0) === 0xfeff) decoded = decoded.slice(1)
      }
      const text = carry + decoded
      // Whole lines now; a line feed is never part of a longer UTF-8 sequence.
      const end = text.lastIndexOf('\n') + 1
      if (end > 0 && !parser.parseLines(text.slice(0, end))) return undefined
      carry = text.slice(end)
      // A line this long fails, or is one no report has: not worth copying again per piece.
      if (carry.length > MAX_RECORD_CHARS) return undefined
    }
    const rest = carry + decoder.decode()
    if (rest !== '' && !parser.parseLines(rest)) return undefined
    return parser.finish()
  } catch {
    // A bad report, or one the pieces cannot tell apart from one: the whole-content path says which.
    return undefined
  }
}

/**
 * The sentinel `v` names, as the string constant, or undefined. Rows keep the
 * constant, not the cell's own copy: a large report has millions of `N/A`s.
 */
function sentinel(v: string): Sentinel | undefined {
  if (v === 'N/A') return 'N/A'
  if (v === 'no_information') return 'no_information'
  if (v === 'not_supported') return 'not_supported'
  return undefined
}

/** Most distinct values `Interner` keeps; regions and service names are a few hundred. */
const MAX_INTERNED = 4096

/**
 * One shared string per distinct value of a column with few values (regions,
 * service names), so that rows do not each hold an equal copy.
 */
class Interner {
  private readonly values = new Map<string, string>()

  /** `copy`: keep a copy of `v`, which points into text that must not outlive the parse. */
  get(v: string, copy: boolean): string {
    const known = this.values.get(v)
    if (known !== undefined) return known
    const own = copy ? flatString(v) : v
    if (this.values.size < MAX_INTERNED) this.values.set(own, own)
    return own
  }
}

/** A value as quoted in a message: single quotes, shortened, line breaks visible. */
function quote(v: string): string {
  const short = v.length > 60 ? `${v.slice(0, 57)}...` : v
  return `'${short.replace(/\n/g, '\\n')}'`
}

const SEPARATOR_NAMES: Record<string, string> = {
  ';': 'semicolons',
  '\t': 'tabs',
  '|': 'vertical bars'
}

/** Whether the text starts like a Base64-encoded report (what `aws iam get-credential-report --output text` prints). */
/**
 * `[A-Za-z0-9+/]+={0,2}` as a loop: a regular expression over a line of
 * megabytes can exhaust V8's backtracking stack and throw.
 */
function isBase64Line(line: string): boolean {
  let padding = 0
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c === 0x3d /* = */) {
      if (++padding > 2) return false
      continue
    }
    const alphabet =
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x30 && c <= 0x39) ||
      c === 0x2b ||
      c === 0x2f
    if (!alphabet || padding > 0) return false
  }
  return padding < line.length
}

function looksBase64(text: string): boolean {
  const end = text.indexOf('\n')
  const first = (end === -1 ? text : text.slice(0, end)).trim()
  if (first.length < 16 || !isBase64Line(first)) return false
  // A report decodes to printable CSV text; an ordinary word rarely decodes to that.
  const decoded = Buffer.from(first.slice(0, 64), 'base64')
    .toString('latin1')
    .replace(/^\xef\xbb\xbf/, '')
  return decoded.includes(',') && /^[\x20-\x7e\r\n]+$/.test(decoded)
}

/**
 * Whether csv-parse's `max_record_size` rejects an unquoted record: it checks
 * before taking each byte of a field that the characters of the fields before
 * it plus the bytes of the field so far stay within the limit. A record whose
 * text (`rawLength`, delimiters included) is at most a third of the limit
 * always passes, at 3 UTF-8 bytes per UTF-16 unit at most: that is every real
 * row, and only longer ones are measured.
 */
function exceedsRecordLimit(record: readonly string[], rawLength: number): boolean {
  if (rawLength * 3 <= MAX_RECORD_CHARS) return false
  let before = 0
  for (const field of record) {
    const bytes = Buffer.byteLength(field, 'utf8')
    if (bytes > 0 && before + bytes - 1 > MAX_RECORD_CHARS) return true
    before += field.length
  }
  return false
}

type RowConverter = (record: string[], line: number) => CredentialRow

class ReportParser {
  private header: string[] | undefined
  /** Lines of quote-free text parsed so far (`parseUnquoted`, over one or more calls). */
  private lines = 0
  private convert: RowConverter | undefined
  /** Line on which the previous record ended, and csv-parse's count of skipped blank lines then. */
  private prevEnd = 0
  private prevEmpty = 0
  private root: CredentialRow | null = null
  private readonly users: CredentialRow[] = []
  /** The users' names, in the order of `users`: IAM user names are unique regardless of case. */
  private readonly userNames = new UserNames()
  private accountId: string | null = null
  private partition: string | null = null
  private accountLine = 0
  /** Values of the `*_last_used_region` and `*_last_used_service` columns. */
  private readonly interned = new Interner()
  /** `IAM_ARN` narrowed to user ARNs of the account and partition, once known. */
  private userArn: RegExp | null = null

  /**
   * `ownStrings`: rows keep copies of their user names and ARNs, not
   * substrings of the text, which would keep every block of a report read in
   * pieces alive. Whole content is held by the caller anyway, and is small
   * where it is parsed whole (the action's report, at most a few MB): copies
   * there would cost time for nothing.
   */
  constructor(
    private readonly source: string,
    private readonly ownStrings: boolean
  ) {}

  parse(text: string): CredentialReport {
    if (looksBase64(text)) {
      throw new ReportError(
        `${this.source} is Base64-encoded (as the AWS CLI prints the report's Content); decode it first, e.g. with base64 --decode`
      )
    }
    // Papa Parse also drops a byte order mark; decodeReport has removed the
    // first, so a second one (rare) is left for csv-parse to keep as text.
    if (text.includes('"') || text.charCodeAt(0) === 0xfeff) this.parseQuoted(text)
    else this.parseUnquoted(text)
    return this.finish()
  }

  /**
   * Parses the next whole lines of a report read in pieces (`parseReportPieces`):
   * text ending in a line feed, or the rest of the report. False, with
   * nothing parsed, when the text has anything the whole-text path treats
   * differently: a quote character, a byte order mark, a control character
   * or a lone carriage return.
   */
  parseLines(text: string): boolean {
    if (text.includes('"') || text.includes('\ufeff') || firstControl(text) !== -1) return false
    this.parseUnquoted(text.includes('\r') ? text.replaceAll('\r\n', '\n') : text)
    return true
  }

  /** The report, once every line is parsed. */
  finish(): CredentialReport {
    forgetLastMatch()
    if (this.header === undefined) throw new ReportError(`${this.source} is empty`)
    return {
      source: this.source,
      accountId: this.accountId,
      partition: this.partition,
      columns: this.header,
      root: this.root,
      users: this.users
    }
  }

  /**
   * Text without a quote character: every line is one record (a line feed
   * cannot be inside a field), so Papa Parse's rows are the lines in order.
   */
  private parseUnquoted(text: string): void {
    let line = this.lines
    let end = 0
    Papa.parse(text, {
      delimiter: ',',
      newline: '\n',
      quoteChar: '"',
      header: false,
      dynamicTyping: false,
      skipEmptyLines: false,
      // Its "fast mode" splits the whole text into an array of lines first:
      // no faster here, and 20 MB more at 500,000 rows.
      fastMode: false,
      step: results => {
        line++
        const start = end
        end = results.meta.cursor
        const record = results.data
        // An empty line (csv-parse's skip_empty_lines), including the one after the final line feed.
        if (record.length === 1 && record[0] === '') return
        if (results.errors.length > 0) {
          // Not expected without quotes; kept so that no library error passes unnoticed.
          const detail = results.errors[0]?.message ?? 'unknown error'
          throw new ReportError(`${this.source} line ${line} is not valid CSV: ${detail}`)
        }
        if (exceedsRecordLimit(record, end - start)) throw this.recordTooLong(line)
        this.onRecord(record, line)
      }
    })
    // Papa Parse emits an empty row after a final line feed: not a line.
    this.lines = text.endsWith('\n') ? line - 1 : line
  }

  /** Text with quotes: csv-parse, with its strict quote rules and error positions. */
  private parseQuoted(text: string): void {
    try {
      parseCsv(text, {
        delimiter: ',',
        quote: '"',
        escape: '"',
        record_delimiter: '\n',
        relax_column_count: true,
        skip_empty_lines: true,
        max_record_size: MAX_RECORD_CHARS,
        on_record: (record: string[], info: InfoRecord) => {
          // csv-parse reports the line on which a record ends; it starts after the
          // previous record and any blank lines skipped since.
          const line = this.prevEnd + 1 + (info.empty_lines - this.prevEmpty)
          this.prevEnd = info.lines
          this.prevEmpty = info.empty_lines
          this.onRecord(record, line)
          return null
        }
      })
    } catch (error) {
      if (error instanceof CsvError) throw this.csvError(error)
      throw error
    }
  }

  private recordTooLong(line: number): ReportError {
    return new ReportError(
      `${this.source} line ${line}: record longer than ${MAX_RECORD_CHARS} characters; a credential report row is a few hundred`
    )
  }

  private onRecord(record: string[], line: number): void {
    const header = this.header
    if (header === undefined) {
      this.readHeader(record, line)
      return
    }
    if (record.length !== header.length) {
      throw new ReportError(
        `${this.source} line ${line}: expected ${header.length} fields as in the header, found ${record.length}`
      )
    }
    const row = (this.convert as RowConverter)(record, line)
    this.addRow(row)
  }

  private csvError(error: CsvError): ReportError {
    const emptyLines = typeof error.empty_lines === 'number' ? error.empty_lines : this.prevEmpty
    const start = this.prevEnd + 1 + (emptyLines - this.prevEmpty)
    // Like every other message, name the line where the record starts.
    const index = typeof error.column === 'number' ? error.column : undefined
    const column = index === undefined ? undefined : (this.header?.[index] ?? `${index + 1}`)
    const where = column === undefined ? `line ${start}` : `line ${start}, column ${column}`
    switch (error.code) {
      case 'CSV_QUOTE_NOT_CLOSED':
        return new ReportError(
          `${this.source} line ${start}: a quoted field is not closed before the end of the file (is the report truncated?)`
        )
      case 'CSV_INVALID_CLOSING_QUOTE':
        return new ReportError(
          `${this.source} ${where}: a closing quote is followed by other characters instead of a comma or the end of the line`
        )
      case 'INVALID_OPENING_QUOTE':
        return new ReportError(
          `${this.source} ${where}: a quote character inside an unquoted value (a quoted value must be quoted from its first character)`
        )
      case 'CSV_MAX_RECORD_SIZE':
        return this.recordTooLong(start)
      default:
        return new ReportError(`${this.source} line ${start} is not valid CSV: ${error.message}`)
    }
  }

  private readHeader(record: string[], line: number): void {
    const names = record.map(name => flatString(name.trim()))
    const prefix = `${this.source} line ${line}`
    if (names.length === 1) {
      const only = names[0] as string
      let best = ''
      let bestCount = 0
      for (const sep of Object.keys(SEPARATOR_NAMES)) {
        const count = only.split(sep).length - 1
        if (count > bestCount) {
          best = sep
          bestCount = count
        }
      }
      if (bestCount > 0) {
        throw new ReportError(
          `${this.source} must be comma-separated: the header on line ${line} is separated by ${SEPARATOR_NAMES[best]}`
        )
      }
    }
    const emptyAt = names.indexOf('')
    if (emptyAt !== -1) {
      throw new ReportError(`${prefix}: column ${emptyAt + 1} of the header has no name`)
    }
    if (names[0] === ROOT_USER || names.some(name => name.startsWith('arn:'))) {
      throw new ReportError(
        `${prefix} is a data row, not the header: a credential report starts with the column names (user,arn,user_creation_time,...)`
      )
    }
    const seen = new Set<string>()
    const duplicates: string[] = []
    for (const name of names) {
      if (seen.has(name) && !duplicates.includes(name)) duplicates.push(name)
      seen.add(name)
    }
    if (duplicates.length > 0) {
      throw new ReportError(
        `${prefix}: duplicate column names in the header: ${duplicates.join(', ')}`
      )
    }
    const missing = REQUIRED_COLUMNS.filter(name => !seen.has(name))
    if (missing.length > 0) {
      throw new ReportError(`${this.source}: missing required columns: ${missing.join(', ')}`)
    }
    this.header = names
    this.convert = this.rowConverter(names)
  }

  private addRow(row: CredentialRow): void {
    const first = row.isRoot ? this.root : this.users[this.userNames.add(row.user)]
    if (first) {
      const detail =
        first.user === row.user
          ? `duplicate row for user ${quote(row.user)}, first on line ${first.line}`
          : `user ${quote(row.user)} duplicates ${quote(first.user)} on line ${first.line} (IAM user names are case-insensitive)`
      throw new ReportError(`${this.source} line ${row.line}: ${detail}`)
    }
    if (row.isRoot) this.root = row
    else this.users.push(row)
  }

  private cellError(line: number, column: string, problem: string): ReportError {
    return new ReportError(`${this.source} line ${line}, column ${column}: ${problem}`)
  }

  private emptyError(line: number, column: string, expected: string): ReportError {
    return this.cellError(line, column, `value is empty; expected ${expected}`)
  }

  private bool(record: string[], i: number, column: string, line: number): Cell<boolean> {
    if (i < 0) return null
    const v = record[i] as string
    if (v === 'true') return true
    if (v === 'false') return false
    const s = sentinel(v)
    if (s !== undefined) return s
    if (v.length === 4 || v.length === 5) {
      const lower = v.toLowerCase()
      if (lower === 'true') return true
      if (lower === 'false') return false
    }
    if (v.length === 0) throw this.emptyError(line, column, 'true or false')
    throw this.cellError(line, column, `${quote(v)} is not true or false`)
  }

  private time(record: string[], i: number, column: string, line: number): Cell<Timestamp> {
    if (i < 0) return null
    const v = record[i] as string
    const c = v.charCodeAt(0)
    if (c >= 48 && c <= 57) {
      const t = parseReportTimestamp(v)
      if (t !== undefined) {
        if (t >= EARLIEST_CREDENTIAL_TIME) return t
        throw this.cellError(line, column, `${quote(v)} ${TOO_EARLY}`)
      }
    } else {
      const s = sentinel(v)
      if (s !== undefined) return s
      if (v.length === 0) throw this.emptyError(line, column, 'an ISO 8601 timestamp')
    }
    throw this.cellError(line, column, `${quote(v)} ${timestampProblem(v)}`)
  }

  private text(
    record: string[],
    i: number,
    column: string,
    line: number,
    expected: string
  ): Cell<string> {
    if (i < 0) return null
    const v = record[i] as string
    if (v.length === 0) throw this.emptyError(line, column, expected)
    return sentinel(v) ?? this.interned.get(v, this.ownStrings)
  }

  /** Checks the `user` and `arn` cells of a row and the account they belong to. */
  private identity(user: string, arn: string, line: number): boolean {
    if (user.length === 0) {
      throw this.emptyError(line, 'user', `an IAM user name or ${ROOT_USER}`)
    }
    const isRoot = user === ROOT_USER
    if (!isRoot && !IAM_USER_NAME.test(user)) {
      const problem =
        user.length > 64
          ? `${user.length} characters, at most 64 are allowed`
          : 'only A-Z a-z 0-9 _ + = , . @ - are allowed'
      throw this.cellError(line, 'user', `${quote(user)} is not a valid IAM user name: ${problem}`)
    }
    // Fast path for the rows after the first: the ARN of a user in the account
    // already seen, ending in `/<user>`. Anything else takes the checks below.
    if (
      !isRoot &&
      this.userArn !== null &&
      this.userArn.test(arn) &&
      arn.endsWith(user) &&
      arn.charCodeAt(arn.length - user.length - 1) === 0x2f /* / */
    ) {
      return false
    }
    if (arn.length === 0) throw this.emptyError(line, 'arn', 'an IAM ARN')
    const m = IAM_ARN.exec(arn)
    if (!m) {
      throw this.cellError(line, 'arn', `${quote(arn)} is not the ARN of an IAM user or root user`)
    }
    const partition = m[1] as string
    const account = m[2] as string
    const resource = m[3] as string
    if (isRoot && resource !== 'root') {
      throw this.cellError(
        line,
        'arn',
        `${quote(arn)} is not a root ARN; the ${ROOT_USER} row has arn:${partition}:iam::${account}:root`
      )
    }
    if (!isRoot) {
      if (resource === 'root') {
        throw this.cellError(
          line,
          'arn',
          `${quote(arn)} is the root ARN, but the user is ${quote(user)}`
        )
      }
      if (!resource.endsWith(`/${user}`)) {
        throw this.cellError(line, 'arn', `${quote(arn)} is not the ARN of user ${quote(user)}`)
      }
    }
    if (this.accountId === null) {
      this.accountId = account
      this.partition = partition
      this.accountLine = line
      // The partition is `aws` or `aws-<letters>` and the account digits: nothing to escape.
      this.userArn = new RegExp(`^arn:${partition}:iam::${account}:user/[\\x21-\\x7e]+$`)
    } else if (account !== this.accountId) {
      throw this.cellError(
        line,
        'arn',
        `account ${account} differs from account ${this.accountId} on line ${this.accountLine}; a credential report covers one account`
      )
    } else if (partition !== this.partition) {
      throw this.cellError(
        line,
        'arn',
        `partition ${partition} differs from partition ${this.partition} on line ${this.accountLine}`
      )
    }
    return isRoot
  }

  /** A function that converts one record, with the column positions of this header baked in. */
  private rowConverter(header: readonly string[]): RowConverter {
    const at = (column: ReportColumn): number => header.indexOf(column)
    const iUser = at('user')
    const iArn = at('arn')
    const iCreated = at('user_creation_time')
    const iPwEnabled = at('password_enabled')
    const iPwLastUsed = at('password_last_used')
    const iPwChanged = at('password_last_changed')
    const iPwNext = at('password_next_rotation')
    const iMfa = at('mfa_active')
    const keyColumns = ([1, 2] as const).map(n => ({
      slot: n,
      credential: `access_key_${n}` as const,
      active: [`access_key_${n}_active`, at(`access_key_${n}_active`)] as const,
      rotated: [`access_key_${n}_last_rotated`, at(`access_key_${n}_last_rotated`)] as const,
      usedDate: [`access_key_${n}_last_used_date`, at(`access_key_${n}_last_used_date`)] as const,
      region: [`access_key_${n}_last_used_region`, at(`access_key_${n}_last_used_region`)] as const,
      service: [
        `access_key_${n}_last_used_service`,
        at(`access_key_${n}_last_used_service`)
      ] as const
    }))
    const certColumns = ([1, 2] as const).map(n => ({
      slot: n,
      credential: `cert_${n}` as const,
      active: [`cert_${n}_active`, at(`cert_${n}_active`)] as const,
      rotated: [`cert_${n}_last_rotated`, at(`cert_${n}_last_rotated`)] as const
    }))
    const [k1, k2] = keyColumns as [(typeof keyColumns)[0], (typeof keyColumns)[0]]
    const [c1, c2] = certColumns as [(typeof certColumns)[0], (typeof certColumns)[0]]

    const key = (record: string[], line: number, k: typeof k1): AccessKeyCells => ({
      slot: k.slot,
      credential: k.credential,
      active: this.bool(record, k.active[1], k.active[0], line),
      lastRotated: this.time(record, k.rotated[1], k.rotated[0], line),
      lastUsedDate: this.time(record, k.usedDate[1], k.usedDate[0], line),
      lastUsedRegion: this.text(record, k.region[1], k.region[0], line, 'an AWS region or N/A'),
      lastUsedService: this.text(record, k.service[1], k.service[0], line, 'a service name or N/A')
    })
    const cert = (record: string[], line: number, c: typeof c1): CertCells => ({
      slot: c.slot,
      credential: c.credential,
      active: this.bool(record, c.active[1], c.active[0], line),
      lastRotated: this.time(record, c.rotated[1], c.rotated[0], line)
    })

    // Most users have no second access key and no signing certificate: `false`
    // and `N/A` in every column of it. Such credentials are one frozen object
    // per slot (and pair) shared by every row, instead of an equal copy in
    // each: that is most of the memory of a large report.
    const absentRecord = (active: number): string[] => {
      const record = header.map(() => 'N/A')
      if (active >= 0) record[active] = 'false'
      return record
    }
    const isAbsent = (record: string[], active: number, others: readonly number[]): boolean => {
      if (active >= 0 && record[active] !== 'false') return false
      for (const i of others) if (i >= 0 && record[i] !== 'N/A') return false
      return true
    }
    const keyCells = (k: typeof k1): readonly number[] => [
      k.rotated[1],
      k.usedDate[1],
      k.region[1],
      k.service[1]
    ]
    const k1Cells = keyCells(k1)
    const k2Cells = keyCells(k2)
    const c1Cells = [c1.rotated[1]]
    const c2Cells = [c2.rotated[1]]
    const noKey1 = Object.freeze(key(absentRecord(k1.active[1]), 0, k1))
    const noKey2 = Object.freeze(key(absentRecord(k2.active[1]), 0, k2))
    const noKeys = Object.freeze([noKey1, noKey2] as [AccessKeyCells, AccessKeyCells])
    const noCert1 = Object.freeze(cert(absentRecord(c1.active[1]), 0, c1))
    const noCert2 = Object.freeze(cert(absentRecord(c2.active[1]), 0, c2))
    const noCerts = Object.freeze([noCert1, noCert2] as [CertCells, CertCells])
    const keys = (record: string[], line: number): CredentialRow['accessKeys'] => {
      const a = isAbsent(record, k1.active[1], k1Cells) ? noKey1 : key(record, line, k1)
      const b = isAbsent(record, k2.active[1], k2Cells) ? noKey2 : key(record, line, k2)
      return a === noKey1 && b === noKey2 ? noKeys : [a, b]
    }
    const certs = (record: string[], line: number): CredentialRow['certs'] => {
      const a = isAbsent(record, c1.active[1], c1Cells) ? noCert1 : cert(record, line, c1)
      const b = isAbsent(record, c2.active[1], c2Cells) ? noCert2 : cert(record, line, c2)
      return a === noCert1 && b === noCert2 ? noCerts : [a, b]
    }

    return (record, line) => {
      const cellUser = record[iUser] as string
      const cellArn = record[iArn] as string
      const isRoot = this.identity(cellUser, cellArn, line)
      const arn = this.ownStrings ? flatString(cellArn) : cellArn
      const user = isRoot ? ROOT_USER : this.ownStrings ? flatString(cellUser) : cellUser
      // The cells are converted in this fixed order: it decides which of several bad cells is reported.
      return {
        line,
        user,
        arn,
        isRoot,
        userCreationTime: this.time(record, iCreated, 'user_creation_time', line),
        passwordEnabled: this.bool(record, iPwEnabled, 'password_enabled', line),
        passwordLastUsed: this.time(record, iPwLastUsed, 'password_last_used', line),
        passwordLastChanged: this.time(record, iPwChanged, 'password_last_changed', line),
        passwordNextRotation: this.time(record, iPwNext, 'password_next_rotation', line),
        mfaActive: this.bool(record, iMfa, 'mfa_active', line),
        accessKeys: keys(record, line),
        certs: certs(record, line)
      }
    }
  }
}
