/**
 * Plans the workflow annotations for one evaluation. Pure: `main.ts` calls
 * `core.error|warning|notice(message, properties)` for each.
 *
 * GitHub shows at most 10 annotations per level per step and drops the rest
 * silently, so the plan holds at most 10 per level, most severe first, and
 * one closing notice that says how much more the summary and code scanning
 * have.
 *
 * Level mapping: only findings that fail the gate (not exempted, at or above
 * `fail-on-severity`) are annotated, and every one of them is an `error`,
 * whatever its severity: red means "this is why the job failed". The
 * severity is in the title. Policy warnings (expired or stale exemptions,
 * report warnings) are `warning`s, at their policy file line when they have
 * one. The `notice` level carries the closing count.
 */

import type { Finding } from '../evaluation.js'
import { findRule } from '../rules/catalog.js'
import { meetsThreshold, severityRank } from '../severity.js'
import { policyFilePath, repoRelativePath, ruleLine } from './context.js'
import type { RenderContext } from './context.js'
import { credentialLabel, plural, principalLabel, visible } from './markdown.js'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface Annotation {
  level: AnnotationLevel
  message: string
  properties: {
    title?: string
    file?: string
    startLine?: number
    startColumn?: number
    endLine?: number
  }
}

export interface AnnotationOptions {
  /** Repository-relative path of the policy file: findings are annotated at their rule's line in it. */
  policyFile?: string
  /** Annotations per level; GitHub shows 10. */
  maxPerLevel?: number
}

export const GITHUB_ANNOTATIONS_PER_LEVEL = 10

/** Plans the annotations, in the order they should be emitted. */
export function planAnnotations(ctx: RenderContext, options: AnnotationOptions = {}): Annotation[] {
  const cap = options.maxPerLevel ?? GITHUB_ANNOTATIONS_PER_LEVEL
  const e = ctx.evaluation
  const failOn = e.verdict.failOnSeverity
  const policyFile =
    options.policyFile === undefined ? null : policyFilePath(ctx.policy, options.policyFile)

  const open = e.findings.filter(f => !f.exempted)
  const failing = open
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => meetsThreshold(f.severity, failOn))
    .sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity) || a.i - b.i)
    .map(({ f }) => f)

  const errors = failing.slice(0, cap).map(f => findingAnnotation(ctx, f, policyFile))
  const warnings = e.warnings.slice(0, cap).map((w): Annotation => {
    const file = w.file === undefined ? undefined : warningFile(ctx, w.file, policyFile)
    return {
      level: 'warning',
      message: oneLine(w.message),
      properties: {
        title: warningTitle(w.kind),
        ...(file ? { file } : {}),
        ...(file && w.line ? { startLine: w.line, endLine: w.line } : {}),
        ...(file && w.line && w.column ? { startColumn: w.column } : {})
      }
    }
  })

  const plan: Annotation[] = [...errors, ...warnings]
  const moreFailing = failing.length - errors.length
  const belowThreshold = open.length - failing.length
  const moreWarnings = e.warnings.length - warnings.length
  const parts: string[] = []
  if (moreFailing > 0) parts.push(`${plural(moreFailing, 'more finding')} that fail the gate`)
  if (belowThreshold > 0) {
    parts.push(
      `${plural(belowThreshold, 'finding')} below fail-on-severity (${failOn}) that ${belowThreshold === 1 ? 'is' : 'are'} not annotated`
    )
  }
  if (moreWarnings > 0) parts.push(plural(moreWarnings, 'more warning'))
  if (parts.length > 0 && cap > 0) {
    plan.push({
      level: 'notice',
      message: `${joinParts(parts)}: see the job summary and code scanning (SARIF).`,
      properties: { title: 'IAM Credential Gate: more results' }
    })
  }
  return plan
}

function findingAnnotation(ctx: RenderContext, f: Finding, policyFile: string | null): Annotation {
  const rule = findRule(f.ruleId)
  const who = principalLabel(f.user)
  const credential = f.credential ? ` ${credentialLabel(f.credential)}` : ''
  const line = policyFile === null ? null : ruleLine(ctx.policy, f.ruleId)
  return {
    level: 'error',
    message: oneLine(`${who}${credential}: ${f.message}`),
    properties: {
      title: oneLine(`${f.severity} ${f.ruleId}${rule ? `: ${rule.title}` : ''}`),
      ...(policyFile !== null && line !== null
        ? { file: policyFile, startLine: line, endLine: line }
        : {})
    }
  }
}

/** A warning's file as a repo-relative path: the caller's policy path when it names the policy file. */
function warningFile(
  ctx: RenderContext,
  file: string,
  policyFile: string | null
): string | undefined {
  if (policyFile !== null && ctx.policy.source.kind === 'file' && file === ctx.policy.source.path) {
    return policyFile
  }
  return repoRelativePath(file) ?? undefined
}

function warningTitle(kind: string): string {
  switch (kind) {
    case 'expired-exemption':
      return 'Expired exemption'
    case 'stale-exemption':
      return 'Exemption matches nothing'
    default:
      return 'Credential report'
  }
}

/** Annotation text on one line, nothing invisible. `@actions/core` escapes the rest. */
function oneLine(text: string): string {
  return visible(text)
}

function joinParts(parts: string[]): string {
  const text =
    parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}` : parts[0]!
  return text[0]!.toUpperCase() + text.slice(1)
}
