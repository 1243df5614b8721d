/**
 * Text helpers shared by the renderers. Everything that comes from the
 * credential report or the policy file (user names, ARNs, messages, reasons)
 * is untrusted: a hostile report file can carry any character.
 */

import { ROOT_USER } from '../report/types.js'
import type { Credential } from '../report/types.js'
import { MS_PER_DAY } from '../time.js'

/** Control and invisible formatting characters (line breaks, ESC, bidi overrides, zero-width). */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g

/** `INVISIBLE` without the global flag, for a stateless test. */
const HAS_INVISIBLE = new RegExp(INVISIBLE.source)

/** Replaces invisible characters with a visible `U+XXXX`, so text stays on one line and cannot hide anything. */
export function visible(text: string): string {
  // Nearly all text has none: skip the replacement and its callback (renderers call this per finding).
  if (!HAS_INVISIBLE.test(text)) return text
  return text.replace(
    INVISIBLE,
    c => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
  )
}

/**
 * ASCII punctuation that means something to GitHub-flavoured markdown
 * (emphasis, links, code, tables, math `$`), to HTML (`<`, `&`), written with
 * a backslash escape, which CommonMark defines for every ASCII punctuation
 * character. An escaped `|` never splits a table cell.
 */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]<>#!|~$&]/g

/** Inline markdown text that renders literally, in a paragraph, list item or table cell, on one line. */
export function md(text: string): string {
  return (
    visible(text)
      // `$&` is the match: a pattern, not a callback, so the engine does it natively.
      .replace(MARKDOWN_SPECIAL, '\\$&')
      // A list marker at the start would nest a list inside a list item.
      .replace(/^([+-])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  )
}

/** Inline code for trusted identifiers (rule ids, severities); untrusted text goes through `md`. */
export function code(text: string): string {
  return /^[\w.,=+@/ -]*$/.test(text) ? `\`${text}\`` : md(text)
}

/** How a principal is shown: the root user's report name is not a user name. */
export function principalLabel(user: string): string {
  return user === ROOT_USER ? 'root account' : user
}

export function credentialLabel(credential: Credential): string {
  return credential ?? 'principal'
}

/** "3 hours", "2 days 5 hours", "less than an hour", "in the future" for a negative span. */
export function formatAge(ms: number): string {
  if (ms < 0) return 'in the future (check the clock)'
  const hours = Math.floor(ms / 3_600_000)
  if (hours < 1) return 'less than an hour'
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`
  const d = Math.floor(ms / MS_PER_DAY)
  const h = Math.floor((ms - d * MS_PER_DAY) / 3_600_000)
  return `${d} days${h > 0 ? ` ${h} hour${h === 1 ? '' : 's'}` : ''}`
}

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : pluralWord}`
}

/** Truncates to at most `max` characters (code points kept whole), ending with `…` when cut. */
export function truncateText(text: string, max: number): string {
  const chars = [...text]
  if (chars.length <= max) return text
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`
}

/** UTF-8 size of a string. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}
