/**
 * Memory and speed of strings kept for long, by what V8 makes of them (a
 * property of the engine, not of the language: the result is always equal to
 * the input).
 *
 * - A template literal or `+` builds a tree of its pieces: a rule message
 *   with two formatted timestamps is about 40 nodes, 700 bytes, against 170
 *   for the same text in one piece.
 * - A substring of 13 characters or more points into the string it was cut
 *   from and keeps all of it alive: one user's ARN from the parser holds the
 *   whole decoded text it was cut from.
 * - Either kind is slower to read than a plain string: `JSON.stringify`
 *   takes 60 % longer over findings whose strings are substrings.
 *
 * `flatString` returns the text as one plain string of its own. Joining the
 * first character to the rest makes a new tree, and `trim` flattens it into
 * a fresh string before looking for spaces (there are none to remove at the
 * ends of anything this is used on; when there are, a slower copy is made).
 * About 0.1 µs for a rule message.
 */
export function flatString(s: string): string {
  const copy = (s.slice(0, 1) + s.slice(1)).trim()
  return copy.length === s.length ? copy : ` ${s}`.slice(1)
}

const EMPTY_MATCH = /^/

/**
 * Makes V8 forget the subject of the last successful regular expression
 * match (what the legacy `RegExp.input` returns). It is held globally, so a
 * match on one cell of the report keeps the whole decoded text alive after
 * the parse.
 */
export function forgetLastMatch(): void {
  EMPTY_MATCH.test('')
}
