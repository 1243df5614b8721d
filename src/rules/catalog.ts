import { accessKeyRotation } from './access-key-rotation.js'
import type { Rule } from './types.js'

/**
 * Every rule, in the order the docs list them. The single source for ids,
 * titles, CIS references, default severities, parameters and help: the
 * summary, SARIF `rules[]`, the README table and the policy schema all come
 * from here.
 */
export const RULES: readonly Rule[] = [accessKeyRotation]

const byId = new Map(RULES.map(r => [r.id, r]))

export function findRule(id: string): Rule | undefined {
  return byId.get(id)
}

export const RULE_IDS: readonly string[] = RULES.map(r => r.id)
