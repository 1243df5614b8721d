/**
 * Builders for credential report CSV text in tests.
 *
 *   toCsv(REPORT_COLUMNS, [sampleRootRow(), sampleRow({ user: 'bob', mfa_active: 'false' })])
 */
import { REPORT_COLUMNS, ROOT_USER } from '../../src/report/types.js'

export { REPORT_COLUMNS }

export const ACCOUNT_ID = '123456789012'

/** Quotes a field only when CSV needs it (comma, quote, line break, outer spaces). */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/**
 * CSV text: a header of `columns`, then one line per row with each row's value
 * for each column (an absent key writes an empty field). LF line ends, with a
 * final line feed, as AWS writes the report.
 */
export function toCsv(columns: readonly string[], rows: readonly Record<string, string>[]): string {
  const lines = [columns.map(csvField).join(',')]
  for (const row of rows) lines.push(columns.map(c => csvField(row[c] ?? '')).join(','))
  return lines.join('\n') + '\n'
}

/** `arn:aws:iam::123456789012:user/<name>`. */
export function userArn(name: string, account = ACCOUNT_ID): string {
  return `arn:aws:iam::${account}:user/${name}`
}

/**
 * A full 22-column row of strings for an IAM user: a console user with MFA,
 * password used recently, no access keys and no certificates. `overrides`
 * replace any column; when `user` is overridden and `arn` is not, the ARN
 * follows the user name.
 */
export function sampleRow(overrides: Record<string, string> = {}): Record<string, string> {
  const user = overrides.user ?? 'alice'
  return {
    user,
    arn: userArn(user),
    user_creation_time: '2025-01-15T10:00:00Z',
    password_enabled: 'true',
    password_last_used: '2026-11-20T08:30:00Z',
    password_last_changed: '2025-01-15T10:05:00Z',
    password_next_rotation: 'N/A',
    mfa_active: 'true',
    access_key_1_active: 'false',
    access_key_1_last_rotated: 'N/A',
    access_key_1_last_used_date: 'N/A',
    access_key_1_last_used_region: 'N/A',
    access_key_1_last_used_service: 'N/A',
    access_key_2_active: 'false',
    access_key_2_last_rotated: 'N/A',
    access_key_2_last_used_date: 'N/A',
    access_key_2_last_used_region: 'N/A',
    access_key_2_last_used_service: 'N/A',
    cert_1_active: 'false',
    cert_1_last_rotated: 'N/A',
    cert_2_active: 'false',
    cert_2_last_rotated: 'N/A',
    ...overrides
  }
}

/**
 * The `<root_account>` row as AWS writes it: `not_supported` password columns,
 * MFA on, no access keys.
 */
export function sampleRootRow(overrides: Record<string, string> = {}): Record<string, string> {
  return sampleRow({
    user: ROOT_USER,
    arn: `arn:aws:iam::${ACCOUNT_ID}:root`,
    user_creation_time: '2019-03-04T09:00:00Z',
    password_enabled: 'not_supported',
    password_last_used: '2026-06-01T12:00:00Z',
    password_last_changed: 'not_supported',
    password_next_rotation: 'not_supported',
    ...overrides
  })
}

/** A complete report in the current layout: header, root row, then the given user rows. */
export function sampleReport(users: readonly Record<string, string>[] = [sampleRow()]): string {
  return toCsv(REPORT_COLUMNS, [sampleRootRow(), ...users])
}
