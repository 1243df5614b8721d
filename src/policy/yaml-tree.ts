/**
 * The YAML side of policy loading: a nesting check that runs before the
 * recursive composer, positions of every node by JSON pointer, and finding
 * the node a validation error concerns.
 */

import type { Document, LineCounter, Node, Pair, Scalar } from 'yaml'
import { Lexer, Parser, isAlias, isCollection, isMap, isScalar, isSeq } from 'yaml'
import type { SourcePosition } from '../errors.js'

/** Deepest nesting of mappings and lists a policy may have; a valid policy needs 5. */
export const MAX_POLICY_DEPTH = 20

/** A problem found in the YAML tree, at a character offset in the text. */
export interface TreeProblem {
  offset: number
  message: string
}

type Token = { type?: string; offset?: number; [key: string]: unknown }

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection'])

function tooDeep(offset: number, maxDepth: number): TreeProblem {
  return {
    offset,
    message: `the policy nests mappings and lists more than ${maxDepth} levels deep here (a policy needs at most 5): check the indentation and brackets`
  }
}

/** yaml's lexer marks documents, flow ends and scalars with C0 characters that are not in the text. */
export const LEXER_MARKERS: ReadonlySet<string> = new Set(['\x02', '\x18', '\x1f'])

/**
 * The first flow collection (`[`, `{`) nested deeper than `maxDepth`, found
 * with yaml's lazy lexer: it stops at the first offending bracket, so a file
 * of a million `[` costs microseconds.
 */
function findDeepFlow(text: string, maxDepth: number): TreeProblem | null {
  let depth = 0
  let offset = 0
  for (const token of new Lexer().lex(text)) {
    if (LEXER_MARKERS.has(token)) continue
    if (token === '[' || token === '{') {
      depth += 1
      if (depth > maxDepth) return tooDeep(offset, maxDepth)
    } else if ((token === ']' || token === '}') && depth > 0) {
      depth -= 1
    }
    offset += token.length
  }
  return null
}

/**
 * The first collection nested deeper than `maxDepth`. Runs before yaml's
 * composer, which recurses once per level and would overflow the stack on
 * deep input. Both passes here are iterative: the lexer for deep flow
 * brackets, then a walk of yaml's concrete syntax tree for everything else
 * (block mappings and lists, `- - - x`).
 */
export function findExcessiveNesting(text: string, maxDepth: number): TreeProblem | null {
  const flow = findDeepFlow(text, maxDepth)
  if (flow) return flow
  for (const top of new Parser().parse(text)) {
    const stack: [unknown, number][] = [[top, 0]]
    while (stack.length > 0) {
      const [value, depth] = stack.pop() as [unknown, number]
      if (value === null || typeof value !== 'object') continue
      const token = value as Token
      let d = depth
      if (token.type !== undefined && COLLECTIONS.has(token.type)) {
        d += 1
        if (d > maxDepth) return tooDeep(token.offset ?? 0, maxDepth)
      }
      if (token.type === 'document') stack.push([token.value, d])
      const items = token.items
      if (Array.isArray(items)) {
        // Reverse so that the walk meets the earliest node first.
        for (let i = items.length - 1; i >= 0; i--) {
          const item = items[i] as { key?: unknown; value?: unknown } | undefined
          if (!item) continue
          stack.push([item.value, d])
          stack.push([item.key, d])
        }
      }
    }
  }
  return null
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}

export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map(s => `/${escapePointer(String(s))}`).join('')
}

/** The segments of a JSON pointer as Ajv writes `instancePath`. */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** The property name yaml's `toJS` gives a scalar key. */
export function keyName(key: unknown): string | null {
  if (isScalar(key)) return key.value === null ? '' : String(key.value)
  return null
}

export function positionAt(lc: LineCounter, offset: number): SourcePosition {
  const { line, col } = lc.linePos(offset)
  return { line, column: col }
}

function nodeOffset(node: unknown): number | null {
  const range = (node as Node | null)?.range
  return range ? range[0] : null
}

export interface TreeScan {
  /** Positions by JSON pointer: the key of a mapping entry, the node of a list item. */
  positions: Map<string, SourcePosition>
  /** Aliases that name no earlier anchor, aliases inside their own anchor, non-scalar keys. */
  problems: TreeProblem[]
  /** Offset of the first alias, for the alias-expansion limit's error. */
  firstAliasOffset: number | null
}

/**
 * Walks the composed document once (the nesting check bounds the recursion)
 * and records where every node is. Aliases are not followed.
 */
export function scanTree(doc: Document, lc: LineCounter): TreeScan {
  const positions = new Map<string, SourcePosition>()
  const problems: TreeProblem[] = []
  const anchors = new Map<string, Node>()
  const open = new Set<Node>()
  let firstAliasOffset: number | null = null

  const record = (pointer: string, node: unknown): void => {
    const offset = nodeOffset(node)
    if (offset !== null && !positions.has(pointer)) positions.set(pointer, positionAt(lc, offset))
  }

  const visit = (node: unknown, pointer: string): void => {
    if (node === null || typeof node !== 'object') return
    if (isAlias(node)) {
      const offset = nodeOffset(node) ?? 0
      if (firstAliasOffset === null) firstAliasOffset = offset
      const target = anchors.get(node.source)
      if (target === undefined) {
        problems.push({
          offset,
          message: `"*${node.source}" is a YAML alias, and no anchor "&${node.source}" comes before it: a value that starts with "*" (like a glob) must be in quotes, e.g. "*${node.source}"`
        })
      } else if (open.has(target)) {
        problems.push({
          offset,
          message: `the alias "*${node.source}" is inside the anchor "&${node.source}" it refers to, which makes an endless value: refer to a value outside it`
        })
      }
      return
    }
    const anchored = node as Node
    if (anchored.anchor) anchors.set(anchored.anchor, anchored)
    if (!isCollection(node)) return
    open.add(anchored)
    if (isMap(node)) {
      for (const pair of node.items as Pair[]) {
        const name = keyName(pair.key)
        if (name === null) {
          problems.push({
            offset: nodeOffset(pair.key) ?? nodeOffset(node) ?? 0,
            message:
              'a key must be a plain name, not a list, a mapping or an alias: write the name, e.g. "max-age-days:"'
          })
          continue
        }
        const child = `${pointer}/${escapePointer(name)}`
        record(child, pair.key)
        visit(pair.value, child)
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const child = `${pointer}/${i}`
        record(child, item)
        visit(item, child)
      })
    }
    open.delete(anchored)
  }

  record('', doc.contents)
  visit(doc.contents, '')
  return { positions, problems, firstAliasOffset }
}

export interface Located {
  /** The node at the path, or undefined when the path leaves the tree. */
  node: unknown
  /** The key of the last mapping entry on the path, when the last step was a key. */
  key: Scalar | undefined
  /** The deepest node found on the way, for paths that leave the tree. */
  nearest: unknown
}

/** The YAML node at a data path, following aliases. */
export function locate(doc: Document, segments: readonly string[]): Located {
  let node: unknown = doc.contents
  let key: Scalar | undefined
  let nearest: unknown = node
  for (const segment of segments) {
    if (isAlias(node)) node = node.resolve(doc)
    key = undefined
    if (isMap(node)) {
      const pair = (node.items as Pair[]).find(p => keyName(p.key) === segment)
      if (!pair) return { node: undefined, key: undefined, nearest }
      key = isScalar(pair.key) ? pair.key : undefined
      node = pair.value
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)]
      if (item === undefined) return { node: undefined, key: undefined, nearest }
      node = item
    } else {
      return { node: undefined, key: undefined, nearest }
    }
    if (nodeOffset(node) !== null) nearest = node
    else if (key) nearest = key
  }
  return { node, key, nearest }
}

/**
 * Where to point for a problem with a value: at the value, unless it is
 * empty (`key:` with nothing after it), then at its key.
 */
export function valueOffset(found: Located): number {
  const { node, key } = found
  const empty =
    node === null ||
    node === undefined ||
    (isScalar(node) && node.value === null && (!node.range || node.range[0] === node.range[1])) ||
    nodeOffset(node) === null
  if (empty && key) return nodeOffset(key) ?? 0
  return nodeOffset(node) ?? nodeOffset(found.nearest) ?? 0
}

/** Where to point for a problem with a key. */
export function keyOffset(found: Located): number {
  return nodeOffset(found.key) ?? valueOffset(found)
}

/** The offset of a node, or of its key when the node itself has none. */
export function nodeStart(found: Located): number {
  return nodeOffset(found.node) ?? keyOffset(found)
}

/** The source text of a plain scalar, e.g. `012345678901` for a number yaml read as 12345678901. */
export function plainSource(node: unknown, text: string): string | null {
  if (!isScalar(node) || node.type !== 'PLAIN' || !node.range) return null
  return text.slice(node.range[0], node.range[1])
}
