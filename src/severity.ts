/** Severities, most severe first. The gate's threshold adds `none`. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const
export type Severity = (typeof SEVERITIES)[number]

export const FAIL_ON_SEVERITIES = [...SEVERITIES, 'none'] as const
export type FailOnSeverity = (typeof FAIL_ON_SEVERITIES)[number]

/** 0 for critical, 3 for low: sorts most severe first. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s)
}

/** True when `s` is at or above the gate threshold `failOn`. */
export function meetsThreshold(s: Severity, failOn: FailOnSeverity): boolean {
  return failOn !== 'none' && severityRank(s) <= severityRank(failOn)
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)
}

export function isFailOnSeverity(value: unknown): value is FailOnSeverity {
  return typeof value === 'string' && (FAIL_ON_SEVERITIES as readonly string[]).includes(value)
}
