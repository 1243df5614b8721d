/**
 * The credential report as typed data. Produced by `parseCredentialReport`,
 * read by the rules. Every cell keeps the distinction the report makes
 * between a value, a sentinel string and a column this report does not have.
 */

/** Placeholder strings the report writes instead of a value. Valid in any column. */
export type Sentinel = 'N/A' | 'no_information' | 'not_supported'

export const SENTINELS: readonly Sentinel[] = ['N/A', 'no_information', 'not_supported']

/**
 * One cell of the report: a parsed value, a sentinel, or `null` when the
 * report's layout has no such column (older reports lack the `*_last_used_*`
 * columns).
 */
export type Cell<T> = T | Sentinel | null

/** Timestamps are milliseconds since the epoch, UTC. */
export type Timestamp = number

export type KeySlot = 1 | 2
export type AccessKeyCredential = 'access_key_1' | 'access_key_2'
export type CertCredential = 'cert_1' | 'cert_2'
/** Which credential of a principal a finding names; `null` for the principal as a whole. */
export type Credential = 'password' | AccessKeyCredential | CertCredential | null

export interface AccessKeyCells {
  slot: KeySlot
  credential: AccessKeyCredential
  active: Cell<boolean>
  lastRotated: Cell<Timestamp>
  lastUsedDate: Cell<Timestamp>
  lastUsedRegion: Cell<string>
  lastUsedService: Cell<string>
}

export interface CertCells {
  slot: KeySlot
  credential: CertCredential
  active: Cell<boolean>
  lastRotated: Cell<Timestamp>
}

/**
 * One row of the report. Rows are read-only: the parser shares one frozen
 * `AccessKeyCells` / `CertCells` (and pair) between all rows whose credential
 * is absent (`false` and `N/A` throughout), which is most of them.
 */
export interface CredentialRow {
  /** 1-based line of the CSV file on which this row starts (the header is line 1). */
  line: number
  /** The `user` column exactly as written; `<root_account>` for root. */
  user: string
  arn: string
  isRoot: boolean
  userCreationTime: Cell<Timestamp>
  passwordEnabled: Cell<boolean>
  passwordLastUsed: Cell<Timestamp>
  passwordLastChanged: Cell<Timestamp>
  passwordNextRotation: Cell<Timestamp>
  mfaActive: Cell<boolean>
  accessKeys: readonly [AccessKeyCells, AccessKeyCells]
  certs: readonly [CertCells, CertCells]
}

export interface CredentialReport {
  /** How messages name the report: its file path, or "credential report". */
  source?: string
  /** 12-digit account id from the ARNs; null for a report with no rows. */
  accountId: string | null
  /** ARN partition (`aws`, `aws-us-gov`, `aws-cn`); null for a report with no rows. */
  partition: string | null
  /** Column names present in the header, in file order. */
  columns: readonly string[]
  /** The `<root_account>` row, when present. */
  root: CredentialRow | null
  /** Every IAM user row, in file order; never the root row. */
  users: readonly CredentialRow[]
}

export const ROOT_USER = '<root_account>'

/** The 22 columns of the current report layout, in AWS's order. */
export const REPORT_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated'
] as const

export type ReportColumn = (typeof REPORT_COLUMNS)[number]

export const REQUIRED_COLUMNS: readonly ReportColumn[] = ['user', 'arn', 'user_creation_time']
