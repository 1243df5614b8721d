import type { AccountFactName, AccountFacts } from '../account/types.js'
import type { Credential, CredentialRow, ReportColumn } from '../report/types.js'
import type { Severity } from '../severity.js'

/** A numeric parameter of a rule, settable in the policy file. */
export interface RuleParameter {
  /** kebab-case key in the policy file, e.g. `max-age-days`. */
  name: string
  description: string
  default: number
  minimum: number
  /** Every parameter has one: no value beyond it (nor an unsafe integer) reaches a rule. */
  maximum: number
  /** `switch`: 1 turns a check on, 0 turns it off. */
  unit: 'days' | 'seconds' | 'characters' | 'passwords' | 'switch'
  /** Which direction of change makes the rule report fewer findings. */
  looserWhen: 'higher' | 'lower'
}

/**
 * CIS AWS Foundations Benchmark item numbers by benchmark version. The
 * numbering changed twice: v1.4 to v3.0 (and v4.0) share one, v5.0 renumbered,
 * v6.0 moved IAM to section 2.
 */
export interface CisReferences {
  'v1.2'?: string
  'v1.4-v3.0'?: string
  'v4.0'?: string
  'v5.0'?: string
  'v6.0'?: string
  'v7.0'?: string
}

/** Help text in markdown; rendered into SARIF rule help and the job summary. */
export interface RuleHelp {
  /** Why the rule exists. */
  rationale: string
  /** How to check by hand (console or AWS CLI). */
  audit: string
  /** How to fix, with AWS CLI commands. */
  remediation: string
  /** How to undo the fix. */
  backout: string
}

/** What a rule's check returns for one principal's credential. */
export interface RuleHit {
  credential: Credential
  /** One sentence with the evidence: dates, age in days, the threshold. */
  message: string
  /** Overrides the rule's configured severity for this hit (e.g. an inactive root key is low). */
  severity?: Severity
}

export interface RuleContext {
  /** Evaluation time, ms since the epoch (UTC). */
  now: number
  /** Effective parameters: defaults overlaid with the policy's values. */
  params: Readonly<Record<string, number>>
  /** Live-account facts; empty in report-file mode. */
  account: AccountFacts
}

/** A shell command as argv, quoted by the renderer. */
export type Command = readonly string[]

/** What fixes one finding: commands with their backout, or what a person must do. */
export type RemediationStep =
  | { kind: 'command'; fix: readonly Command[]; backout: readonly Command[]; note?: string }
  | { kind: 'manual'; instructions: string }

/** What a remediation needs to know about one finding. */
export interface RemediationSubject {
  user: string
  arn: string
  credential: Credential
  /** Access key id when it was resolved (live audit with `resolve-key-ids`). */
  keyId?: string
}

interface RuleBase {
  /** Stable id used in policy files, SARIF and JSON; kebab-case. */
  id: string
  /** Short title, one line. */
  title: string
  /** One-sentence description of what fires a finding. */
  description: string
  cis: CisReferences
  /** Security Hub control ids with the same intent, e.g. `IAM.3`. */
  securityHub?: readonly string[]
  defaultSeverity: Severity
  enabledByDefault: boolean
  parameters: readonly RuleParameter[]
  /** What the findings' `credential` names, for docs, e.g. "access_key_1 / access_key_2". */
  credentialDoc: string
  help: RuleHelp
  remediation(subject: RemediationSubject): RemediationStep
}

/** A rule evaluated once per report row. */
export interface RowRule extends RuleBase {
  /** `root` sees only the `<root_account>` row; `users` never sees it. */
  scope: 'root' | 'users'
  /**
   * Columns the check cannot decide anything without; when one is missing
   * the rule is "not evaluated: column X missing".
   */
  requiredColumns: readonly ReportColumn[]
  /**
   * Columns the check reads when the report has them but can do without
   * (older layouts lack some): the rule still fires on what the present
   * columns prove, and the evaluation lists the rule as partly evaluated,
   * saying what went `unchecked`.
   */
  optionalColumns?: { columns: readonly ReportColumn[]; unchecked: string }
  /** Account facts the rule cannot run without. */
  requiredFacts?: readonly AccountFactName[]
  check(row: CredentialRow, ctx: RuleContext): RuleHit[]
}

/** A rule about the account as a whole, read from account facts only. */
export interface AccountRule extends RuleBase {
  scope: 'account'
  requiredColumns: readonly ReportColumn[]
  requiredFacts: readonly AccountFactName[]
  /** Hits are attributed to the root principal (ARN `arn:<partition>:iam::<account>:root`). */
  check(ctx: RuleContext): RuleHit[]
}

export type Rule = RowRule | AccountRule
