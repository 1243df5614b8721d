/**
 * Turns the bytes of a credential report into text, or explains in one
 * sentence why they are not a credential report: too large, empty, compressed,
 * UTF-16, not UTF-8, binary. Only the success path has to be fast; the
 * explanations (line numbers, offsets) are computed after a failure.
 */
import { isAscii } from 'node:buffer'
import { ReportError } from '../errors.js'
import { formatBytes } from '../units.js'

export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024

function tooLarge(source: string, size: number, maxBytes: number): ReportError {
  return new ReportError(
    `${source} is too large: ${formatBytes(size)}, more than the limit of ${formatBytes(maxBytes)}`
  )
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`
}

/** 1-based line of the byte at `offset`: one more than the line feeds before it. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++
  return line
}

/** 1-based line of the character at `index`. */
export function lineOfIndex(text: string, index: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++
  return line
}

/** Whether a fresh streaming decoder rejects the first `length` bytes. */
function prefixIsInvalid(bytes: Uint8Array, length: number): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true })
    return false
  } catch {
    return true
  }
}

/**
 * Where the first invalid UTF-8 sequence starts, or -1 when the bytes are only
 * cut off inside a multi-byte character at the end. A streaming decoder
 * accepts an incomplete sequence at the end of its input, so the shortest
 * rejected prefix ends at the byte that proves the sequence invalid.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length
  if (!prefixIsInvalid(bytes, n)) return -1
  let bad = 1
  while (bad < n && !prefixIsInvalid(bytes, bad)) bad = Math.min(n, bad * 2)
  let good = Math.floor(bad / 2)
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2)
    if (prefixIsInvalid(bytes, mid)) bad = mid
    else good = mid
  }
  // bytes[bad - 1] is the byte that made the sequence invalid. When it is not
  // itself a stray byte, the sequence started at an earlier lead byte.
  let at = bad - 1
  for (let j = at - 1; j >= 0 && j >= at - 3; j--) {
    const b = bytes[j] as number
    if ((b & 0xc0) === 0x80) continue
    if (b >= 0xc0) at = j
    break
  }
  return at
}

function notUtf8(source: string, bytes: Uint8Array): ReportError {
  const at = firstInvalidUtf8(bytes)
  if (at < 0) {
    return new ReportError(
      `${source} is not valid UTF-8: it ends in the middle of a character (is the file truncated?)`
    )
  }
  return new ReportError(
    `${source} is not valid UTF-8: invalid byte ${hex(bytes[at] as number)} on line ${lineOfByte(bytes, at)} (byte offset ${at}); save the report as UTF-8`
  )
}

/** Recognises file types a report is commonly confused with, by their first bytes. */
function wrongFileType(source: string, bytes: Uint8Array): ReportError | undefined {
  const b0 = bytes[0]
  const b1 = bytes[1]
  if (b0 === 0x1f && b1 === 0x8b) {
    return new ReportError(`${source} is gzip-compressed; decompress it first`)
  }
  if (b0 === 0x50 && b1 === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return new ReportError(
      `${source} is a ZIP archive (an Excel workbook?), not CSV text; export or extract the CSV first`
    )
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return new ReportError(`${source} is UTF-16 text; the credential report must be UTF-8`)
  }
  if (bytes.length >= 4 && b0 !== 0 && b1 === 0 && bytes[2] !== 0 && bytes[3] === 0) {
    return new ReportError(`${source} looks like UTF-16 text; the credential report must be UTF-8`)
  }
  return undefined
}

/**
 * Control characters a CSV credential report never contains, and CR, which
 * is allowed only before LF. One character class, without the lookahead a
 * lone-CR alternative needs, is what lets the regular expression engine scan
 * a large report quickly; the CR of each CRLF is stepped over by hand.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_OR_CR = /[\0-\x08\x0B-\x1F\x7F-\x9F]/g

/** Index of the first control character or lone CR (old Mac line ends), or -1. */
export function firstControl(text: string): number {
  CONTROL_OR_CR.lastIndex = 0
  for (let m = CONTROL_OR_CR.exec(text); m !== null; m = CONTROL_OR_CR.exec(text)) {
    if (text.charCodeAt(m.index) !== 0x0d || text.charCodeAt(m.index + 1) !== 0x0a) {
      return m.index
    }
  }
  return -1
}

/**
 * The report's text, with a leading byte order mark removed and CRLF line ends
 * turned into LF, after checking size, encoding and content.
 */
export function decodeReport(
  content: string | Uint8Array,
  source: string,
  maxBytes: number
): string {
  let text: string
  if (typeof content === 'string') {
    // The limit is on UTF-8 bytes, which a string's length only equals for ASCII.
    const size = Buffer.byteLength(content, 'utf8')
    if (size > maxBytes) throw tooLarge(source, size, maxBytes)
    text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content
  } else {
    // ArrayBuffer.isView, not instanceof: a Buffer made in another realm (a test
    // runner's sandbox) is not an instance of this realm's Uint8Array.
    if (!ArrayBuffer.isView(content)) throw new ReportError(`${source} must be text or bytes`)
    const bytes = new Uint8Array(content.buffer, content.byteOffset, content.byteLength)
    if (bytes.byteLength > maxBytes) throw tooLarge(source, bytes.byteLength, maxBytes)
    if (bytes.byteLength === 0) throw new ReportError(`${source} is empty`)
    const wrong = wrongFileType(source, bytes)
    if (wrong) throw wrong
    if (isAscii(bytes)) {
      // Nearly every report: its text is its bytes (Node 20's decoder is five times slower).
      text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
    } else {
      try {
        // fatal: reject invalid UTF-8 instead of substituting U+FFFD; the BOM is removed.
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      } catch {
        throw notUtf8(source, bytes)
      }
    }
  }
  if (text.trim().length === 0) throw new ReportError(`${source} is empty`)
  const at = firstControl(text)
  if (at !== -1) {
    const line = lineOfIndex(text, at)
    const code = text.charCodeAt(at)
    if (code === 0) {
      throw new ReportError(
        `${source} line ${line} contains a NUL byte: this is binary data, not a CSV credential report`
      )
    }
    const name =
      code === 0x0d
        ? 'a carriage return (U+000D) that does not end a line'
        : `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    throw new ReportError(
      `${source} line ${line} contains ${name}; a credential report is plain CSV text`
    )
  }
  return text.includes('\r') ? text.replaceAll('\r\n', '\n') : text
}
