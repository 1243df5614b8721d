/**
 * Plans the annotations of a policy review, on the head policy file's lines.
 * Pure: the action adapter emits them.
 *
 * Levels: validation problems are `error`s at their line and column; a
 * change that weakens the policy is a `warning`; a change that tightens it,
 * or changes nothing enforced, is a `notice`. Live-impact findings are
 * attached to the change on their line ("hides 2 findings: …"), or get an
 * annotation of their own (warning when hidden, notice when revealed).
 * GitHub shows 10 annotations per level per step, so each level is capped
 * and one closing notice says how many more the summary has.
 */

import type { PolicyProblem } from '../errors.js'
import type { Annotation, AnnotationLevel } from '../render/annotations.js'
import { GITHUB_ANNOTATIONS_PER_LEVEL } from '../render/annotations.js'
import { credentialLabel, plural, principalLabel, visible } from '../render/markdown.js'
import { listAndMore } from '../text.js'
import type { ChangeKind } from './diff.js'
import type { ImpactedFinding } from './impact.js'
import { REVIEW_HEADING } from './render.js'
import type { PolicyReview } from './review.js'

export interface ReviewAnnotationOptions {
  /** Repository-relative path of the head policy file; annotations carry no file without it. */
  file?: string
  /** Validation problems of the head policy (each at its own file, line and column). */
  problems?: readonly PolicyProblem[]
  /** Annotations per level; GitHub shows 10. */
  maxPerLevel?: number
}

/** Findings named in one annotation before "and N more". */
const NAMED_FINDINGS = 5

const TITLES: Record<ChangeKind, string> = {
  'rule-disabled': 'Rule disabled',
  'rule-enabled': 'Rule enabled',
  'severity-lowered': 'Severity lowered',
  'severity-raised': 'Severity raised',
  'threshold-loosened': 'Threshold loosened',
  'threshold-tightened': 'Threshold tightened',
  'fail-on-severity-loosened': 'Gate loosened',
  'fail-on-severity-tightened': 'Gate tightened',
  'exemption-added': 'Exemption added',
  'exemption-removed': 'Exemption removed',
  'exemption-widened': 'Exemption widened',
  'exemption-narrowed': 'Exemption narrowed',
  'exemption-changed': 'Exemption changed',
  'exemption-wildcard': 'Wildcard exemption',
  'exemption-too-long': 'Long exemption',
  'account-override-added': 'Account override added',
  'account-override-removed': 'Account override removed',
  'account-override-widened': 'Account override widened',
  'account-override-narrowed': 'Account override narrowed',
  'account-override-changed': 'Account override changed'
}

type Group = {
  kind: 'hides' | 'reveals' | 'ungates' | 'gates'
  line: number
  column: number
  items: ImpactedFinding[]
}

/** The annotations, in the order to emit them. */
export function planReviewAnnotations(
  review: PolicyReview | undefined,
  options: ReviewAnnotationOptions = {}
): Annotation[] {
  const cap = options.maxPerLevel ?? GITHUB_ANNOTATIONS_PER_LEVEL
  const byLevel: Record<AnnotationLevel, Annotation[]> = { error: [], warning: [], notice: [] }

  for (const p of options.problems ?? []) {
    byLevel.error.push({
      level: 'error',
      message: visible(p.message),
      properties: {
        title: 'Invalid policy file',
        file: p.file,
        startLine: p.line,
        endLine: p.line,
        startColumn: p.column
      }
    })
  }

  if (review) {
    const onFile = review.fileChange !== 'deleted' && options.file !== undefined
    const where = (line: number, column: number): Annotation['properties'] =>
      onFile ? { file: options.file, startLine: line, endLine: line, startColumn: column } : {}
    const groups = impactGroups(review)
    const used = new Set<Group>()
    const prefix = review.fileChange === 'deleted' ? `policy file ${review.base} deleted, so ` : ''

    for (const c of review.changes) {
      const level: AnnotationLevel = c.effect === 'weakens' ? 'warning' : 'notice'
      const direction = c.effect === 'weakens' ? ['hides', 'ungates'] : ['reveals', 'gates']
      const extra = groups
        .filter(g => !used.has(g) && g.line === c.line && direction.includes(g.kind))
        .map(g => {
          used.add(g)
          return describeGroup(g)
        })
      byLevel[level].push({
        level,
        message: visible(`${prefix}${c.message}${extra.length > 0 ? `. ${extra.join('. ')}` : ''}`),
        properties: {
          title: `Policy change: ${TITLES[c.kind].toLowerCase()}`,
          ...where(c.line, c.column)
        }
      })
    }
    for (const g of groups) {
      if (used.has(g)) continue
      const level: AnnotationLevel =
        g.kind === 'hides' || g.kind === 'ungates' ? 'warning' : 'notice'
      byLevel[level].push({
        level,
        message: visible(`${prefix}this change ${describeGroup(g)}`),
        properties: {
          title: `Policy change ${g.kind === 'hides' ? 'hides' : g.kind === 'reveals' ? 'reveals' : 'changes the gate for'} ${plural(g.items.length, 'finding')}`,
          ...where(g.line, g.column)
        }
      })
    }
  }

  const errors = byLevel.error.slice(0, cap)
  const warnings = byLevel.warning.slice(0, cap)
  const more = byLevel.error.length - errors.length + (byLevel.warning.length - warnings.length)
  const overflow = byLevel.notice.length > cap || more > 0
  const notices = byLevel.notice.slice(0, overflow ? Math.max(0, cap - 1) : cap)
  const hidden = more + (byLevel.notice.length - notices.length)
  const plan = [...errors, ...warnings, ...notices]
  if (hidden > 0 && cap > 0) {
    plan.push({
      level: 'notice',
      message: `${plural(hidden, 'more policy-change annotation')} not shown: see "${REVIEW_HEADING}" in the job summary.`,
      properties: { title: 'IAM Credential Gate: more policy changes' }
    })
  }
  return plan
}

/** Impact findings grouped by what they do and the line responsible, in order of first appearance. */
function impactGroups(review: PolicyReview): Group[] {
  const impact = review.impact
  if (!impact) return []
  const groups: Group[] = []
  const add = (kind: Group['kind'], list: readonly ImpactedFinding[]): void => {
    for (const item of list) {
      let g = groups.find(x => x.kind === kind && x.line === item.line)
      if (!g) {
        g = { kind, line: item.line, column: item.column, items: [] }
        groups.push(g)
      }
      g.items.push(item)
    }
  }
  add('hides', impact.hidden)
  add('ungates', impact.noLongerFailing)
  add('reveals', impact.revealed)
  add('gates', impact.nowFailing)
  return groups
}

function describeGroup(g: Group): string {
  const verb =
    g.kind === 'hides'
      ? 'hides'
      : g.kind === 'reveals'
        ? 'reveals'
        : g.kind === 'ungates'
          ? 'stops failing the gate on'
          : 'fails the gate on'
  const named = g.items.slice(0, NAMED_FINDINGS).map(({ finding: f }) => {
    const credential = f.credential ? ` ${credentialLabel(f.credential)}` : ''
    return `${principalLabel(f.user)}${credential} (${f.ruleId}, ${f.severity})`
  })
  return `${verb} ${plural(g.items.length, 'finding')}: ${listAndMore(named, g.items.length)}`
}
