import type { PolicySource } from './policy/types.js'
import type { Credential } from './report/types.js'
import type { FailOnSeverity, Severity } from './severity.js'

export interface Finding {
  ruleId: string
  severity: Severity
  /** The report's `user` column exactly; `<root_account>` for root. */
  user: string
  arn: string
  credential: Credential
  /** One sentence with the evidence. */
  message: string
  /** Stable across runs for the same account, rule, principal and credential. */
  fingerprint: string
  /** 1-based line of the principal's row in the credential report; null for account rules. */
  reportLine: number | null
  /** Access key id, when resolved in a live audit. */
  keyId?: string
  exempted: boolean
  exemption?: AppliedExemption
}

export interface AppliedExemption {
  reason: string
  expires: string
  /** Index in the policy's exemptions list. */
  index: number
  line: number
}

export type WarningKind = 'expired-exemption' | 'stale-exemption' | 'report'

/** Something the user should know that does not by itself fail the gate. */
export interface EvaluationWarning {
  kind: WarningKind
  message: string
  /** Policy file and line, for annotations; absent for report warnings. */
  file?: string
  line?: number
  column?: number
}

export interface NotEvaluated {
  ruleId: string
  /** e.g. "column access_key_1_last_used_date missing" or "missing permission iam:GetAccountSummary". */
  reason: string
}

export interface SeverityCounts {
  critical: number
  high: number
  medium: number
  low: number
}

export interface Verdict {
  result: 'passed' | 'failed'
  failOnSeverity: FailOnSeverity
  /** Non-exempted findings at or above the threshold. */
  breaches: number
  /** "failed: 3 high findings — console-user-mfa ×2, root-recent-use" / "passed: no findings at or above high". */
  summary: string
}

export interface Evaluation {
  evaluatedAt: number
  account: {
    id: string | null
    partition: string | null
    /** `removed` when the account summary shows no root password and no root keys. */
    rootCredentials: 'present' | 'removed' | 'unknown'
  }
  userCount: number
  policy: PolicySource
  /** Sorted by severity, rule, user, credential. Exempted findings included, marked. */
  findings: readonly Finding[]
  /** Non-exempted findings by severity. */
  counts: SeverityCounts
  exemptedCount: number
  verdict: Verdict
  warnings: readonly EvaluationWarning[]
  notEvaluated: readonly NotEvaluated[]
}
