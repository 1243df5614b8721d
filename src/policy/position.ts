import type { SourcePosition } from '../errors.js'
import type { Policy } from './types.js'

/**
 * Where a setting is in the policy file: the first of `pointers` the file
 * has, each tried from itself up through its parents (a removed key falls
 * back to the mapping that held it); line 1, column 1 when none is there
 * (a built-in policy has no positions at all).
 */
export function positionOf(policy: Policy, ...pointers: string[]): SourcePosition {
  for (const pointer of pointers) {
    for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
      const found = policy.positions.get(p)
      if (found) return { line: found.line, column: found.column }
    }
  }
  return { line: 1, column: 1 }
}

/** `/exemptions/<index>`. */
export function exemptionPointer(index: number): string {
  return `/exemptions/${index}`
}
