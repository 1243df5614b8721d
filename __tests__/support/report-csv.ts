/**
 * Builds credential-report CSV text for tests: the 22 current columns, a
 * root row, and users with sensible defaults that each test overrides.
 */
import { REPORT_COLUMNS } from '../../src/report/types.js'
import type { ReportColumn } from '../../src/report/types.js'

export type ReportRow = Partial<Record<ReportColumn, string>>

const ACCOUNT = '123456789012'

export function rootRow(overrides: ReportRow = {}, accountId = ACCOUNT): ReportRow {
  return {
    user: '<root_account>',
    arn: `arn:aws:iam::${accountId}:root`,
    user_creation_time: '2020-01-01T00:00:00+00:00',
    password_enabled: 'not_supported',
    password_last_used: '2026-01-01T00:00:00+00:00',
    password_last_changed: 'not_supported',
    password_next_rotation: 'not_supported',
    mfa_active: 'true',
    ...overrides
  }
}

export function userRow(user: string, overrides: ReportRow = {}, accountId = ACCOUNT): ReportRow {
  return {
    user,
    arn: `arn:aws:iam::${accountId}:user/${user}`,
    user_creation_time: '2024-01-01T00:00:00+00:00',
    password_enabled: 'false',
    password_last_used: 'N/A',
    password_last_changed: 'N/A',
    password_next_rotation: 'N/A',
    mfa_active: 'false',
    ...overrides
  }
}

/** CSV text; cells not given are `N/A` (booleans `false`). */
export function reportCsv(rows: readonly ReportRow[]): string {
  const cell = (row: ReportRow, c: ReportColumn): string =>
    row[c] ?? (c.endsWith('_active') || c === 'password_enabled' ? 'false' : 'N/A')
  return (
    [
      REPORT_COLUMNS.join(','),
      ...rows.map(r => REPORT_COLUMNS.map(c => cell(r, c)).join(','))
    ].join('\n') + '\n'
  )
}

/** A report with root and `n` users named user-0001…, each with one active key. */
export function reportWithUsers(n: number): string {
  return reportCsv([
    rootRow(),
    ...Array.from({ length: n }, (_, i) =>
      userRow(`user-${String(i + 1).padStart(4, '0')}`, {
        access_key_1_active: 'true',
        access_key_1_last_rotated: '2025-06-01T00:00:00+00:00'
      })
    )
  ])
}
