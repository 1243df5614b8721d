import type { Finding, SeverityCounts, Verdict } from './evaluation.js'
import type { FailOnSeverity } from './severity.js'
import { meetsThreshold, SEVERITIES } from './severity.js'

/** Non-exempted findings by severity. */
export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  let critical = 0
  let high = 0
  let medium = 0
  let low = 0
  for (const f of findings) {
    if (f.exempted) continue
    if (f.severity === 'critical') critical++
    else if (f.severity === 'high') high++
    else if (f.severity === 'medium') medium++
    else low++
  }
  return { critical, high, medium, low }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** "console-user-mfa ×2, root-recent-use": rule ids in first-seen order with their counts. */
function ruleTally(findings: readonly Finding[]): string {
  const tally = new Map<string, number>()
  for (const f of findings) tally.set(f.ruleId, (tally.get(f.ruleId) ?? 0) + 1)
  return [...tally].map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(', ')
}

/** Joins severity counts: "1 critical and 3 high findings". */
export function severityPhrase(
  counts: SeverityCounts,
  include: (s: keyof SeverityCounts) => boolean
): string {
  const parts = SEVERITIES.filter(s => include(s) && counts[s] > 0).map(s => `${counts[s]} ${s}`)
  const total = SEVERITIES.filter(include).reduce((n, s) => n + counts[s], 0)
  const joined =
    parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]
  return `${joined} finding${total === 1 ? '' : 's'}`
}

/**
 * The gate: failed when any non-exempted finding is at or above
 * `failOnSeverity`. `findings` must already be sorted most severe first.
 */
export function decideVerdict(
  findings: readonly Finding[],
  failOnSeverity: FailOnSeverity,
  counts: SeverityCounts = countBySeverity(findings)
): Verdict {
  const fails = (s: keyof SeverityCounts) => meetsThreshold(s, failOnSeverity)
  const breaches = SEVERITIES.filter(fails).reduce((n, s) => n + counts[s], 0)
  if (breaches > 0) {
    const breaching = findings.filter(f => !f.exempted && fails(f.severity))
    return {
      result: 'failed',
      failOnSeverity,
      breaches,
      summary: `failed: ${severityPhrase(counts, fails)} — ${ruleTally(breaching)}`
    }
  }
  const open = SEVERITIES.reduce((n, s) => n + counts[s], 0)
  const below = open > 0 ? ` (${severityPhrase(counts, () => true)} below the threshold)` : ''
  const summary =
    failOnSeverity === 'none'
      ? `passed: fail-on-severity is none${open > 0 ? `, ${plural(open, 'finding')} reported` : ''}`
      : `passed: no findings at or above ${failOnSeverity}${below}`
  return { result: 'passed', failOnSeverity, breaches: 0, summary }
}
