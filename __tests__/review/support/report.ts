/**
 * The credential report the review tests measure the live impact on.
 *
 * - alice: console user with MFA; password last changed 2025-01-15 (password-rotation when enabled)
 * - bob: console user without MFA (console-user-mfa, high)
 * - svc-legacy: a key rotated 2026-01-01, 325 days before NOW, used recently (access-key-rotation, medium)
 * - ci-bot: a key last used 2026-09-01, 82 days before NOW (unused-access-key, medium)
 */
import { parseCredentialReport } from '../../../src/report/parse.js'
import type { CredentialReport } from '../../../src/report/types.js'
import { sampleReport, sampleRow } from '../../helpers/csv.js'

export const NOW_ISO = '2026-11-22T00:00:00Z'
export const NOW = Date.parse(NOW_ISO)

const keyUser = (user: string, rotated: string, used: string) =>
  sampleRow({
    user,
    password_enabled: 'false',
    password_last_used: 'N/A',
    password_last_changed: 'N/A',
    mfa_active: 'false',
    access_key_1_active: 'true',
    access_key_1_last_rotated: rotated,
    access_key_1_last_used_date: used,
    access_key_1_last_used_region: 'us-east-1',
    access_key_1_last_used_service: 's3'
  })

export const REPORT_CSV = sampleReport([
  sampleRow({ user: 'alice' }),
  sampleRow({ user: 'bob', mfa_active: 'false' }),
  keyUser('svc-legacy', '2026-01-01T00:00:00+00:00', '2026-11-20T00:00:00+00:00'),
  keyUser('ci-bot', '2026-10-01T00:00:00+00:00', '2026-09-01T00:00:00+00:00')
])

export function reviewReport(): CredentialReport {
  return parseCredentialReport(REPORT_CSV, { source: 'report.csv' })
}
