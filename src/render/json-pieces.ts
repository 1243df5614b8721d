/**
 * A JSON document, exactly as `JSON.stringify(document, null, 2)` and a line
 * feed write it, in pieces: the document's one long list is stringified a
 * chunk of items at a time, so the whole text is never one string (V8 caps a
 * string at about 512 MiB, and a document written whole is held twice, as
 * the string and as its UTF-8 bytes).
 */

/** Items per piece. */
const ITEMS_PER_PIECE = 1_000

export interface ListPlace {
  /**
   * The document around a list as it nests it, e.g. `items => ({ runs: [{ results: items }] })`:
   * stringified, its list is indented exactly as in the whole document.
   */
  wrap: (items: unknown[]) => unknown
}

/**
 * `shell` is the document with an empty list in the place `wrap` describes;
 * `items` are rendered by `toItem` a chunk at a time, as the pieces are asked for.
 */
export function* jsonDocumentPieces<T>(
  shell: unknown,
  place: ListPlace,
  items: readonly T[],
  toItem: (item: T) => unknown
): Generator<string> {
  const shellText = `${JSON.stringify(shell, null, 2)}\n`
  // The wrapper with one `null` item: the text before its line is the head
  // up to the list's opening bracket, the text after it the tail.
  const probe = JSON.stringify(place.wrap([null]), null, 2)
  const at = probe.indexOf('null')
  const head = probe.slice(0, probe.lastIndexOf('\n', at))
  const tail = probe.slice(at + 'null'.length)
  // The list's key line with an empty list, as the shell has it. It cannot
  // occur elsewhere at this indentation: quotes inside strings are escaped
  // and other keys at this depth have other names.
  const marker = `${head.slice(head.lastIndexOf('\n'))}]`
  if (items.length === 0) {
    yield shellText
    return
  }
  const start = shellText.indexOf(marker)
  if (start < 0 || shellText.indexOf(marker, start + 1) >= 0) {
    throw new Error(`the list ${marker.trim()} is not once in the document`)
  }
  yield shellText.slice(0, start + marker.length - 1)
  for (let i = 0; i < items.length; i += ITEMS_PER_PIECE) {
    const chunk = items.slice(i, i + ITEMS_PER_PIECE).map(toItem)
    const text = JSON.stringify(place.wrap(chunk), null, 2)
    const list = text.slice(head.length, text.length - tail.length)
    yield i === 0 ? list : `,${list}`
  }
  // The closing bracket on its own line, at the key's indentation.
  yield `${tail.slice(0, tail.indexOf(']') + 1)}${shellText.slice(start + marker.length)}`
}

/**
 * A document whose top-level list `key` holds long entries, in pieces:
 * `shell` is the document with that list empty, and each entry comes as the
 * pieces of a whole document that has the entry alone in its own top-level
 * `key` list (as `JSON.stringify(…, null, 2)` and a line feed, or
 * `jsonDocumentPieces`, write it). That document's lines around the entry are
 * cut off, so the entry keeps its indentation.
 */
export function* documentWithEntries(
  shell: unknown,
  key: string,
  entries: Iterable<Iterable<string>>
): Generator<string> {
  const shellText = `${JSON.stringify(shell, null, 2)}\n`
  const marker = `\n  ${JSON.stringify(key)}: []`
  const at = shellText.indexOf(marker)
  if (at < 0) throw new Error(`the list ${key} is not at the top of the document`)
  const opening = `\n  ${JSON.stringify(key)}: [\n`
  const closing = '\n  ]\n}\n'
  let count = 0
  for (const entry of entries) {
    yield count++ === 0 ? `${shellText.slice(0, at + marker.length - 1)}\n` : ',\n'
    // Holds each piece back until the next arrives: the last loses the closing lines.
    let previous: string | undefined
    let first = true
    for (const piece of entry) {
      if (previous !== undefined) {
        yield first ? previous.slice(previous.indexOf(opening) + opening.length) : previous
        first = false
      }
      previous = piece
    }
    if (previous === undefined) throw new Error(`an entry of ${key} has no text`)
    const last = first ? previous.slice(previous.indexOf(opening) + opening.length) : previous
    yield last.slice(0, last.length - closing.length)
  }
  yield count === 0 ? shellText : `\n  ]${shellText.slice(at + marker.length)}`
}
