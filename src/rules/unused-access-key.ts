import { describeCell, isSentinel, isTimestamp, isTrue } from '../report/cells.js'
import { ageInDays, days, formatTimestamp, MAX_DAYS } from '../time.js'
import { accessKeyCommands } from './commands.js'
import { UNUSED_CREDENTIALS_CIS, UNUSED_CREDENTIALS_SECURITY_HUB } from './unused-credentials.js'
import type { RowRule, RuleHit } from './types.js'

/**
 * CIS: access keys unused for `max-unused-days` days or more are disabled
 * (fires at `>=`, "45 days or more"). Active keys only, one finding per key.
 * The age is taken from `last_used_date`; when the key was never used (a
 * sentinel, `N/A`), from `last_rotated`, so a new key gets the same grace
 * period. A missing `last_used_date` column (null) is unknown and never fires.
 */
export const unusedAccessKey: RowRule = {
  id: 'unused-access-key',
  title: 'Access keys unused for 45 days or more are deactivated',
  description:
    'An active access key has not been used for `max-unused-days` days or more (never used: counted from its creation).',
  cis: UNUSED_CREDENTIALS_CIS,
  securityHub: UNUSED_CREDENTIALS_SECURITY_HUB,
  defaultSeverity: 'medium',
  enabledByDefault: true,
  scope: 'users',
  parameters: [
    {
      name: 'max-unused-days',
      description:
        'A finding when an active key was last used (or, never used, created) this many whole days ago or more. CIS and Security Hub IAM.22 use 45; IAM.8 and AWS Config use 90.',
      default: 45,
      minimum: 1,
      maximum: MAX_DAYS,
      unit: 'days',
      looserWhen: 'higher'
    }
  ],
  credentialDoc: '`access_key_1` / `access_key_2`',
  requiredColumns: [
    'access_key_1_active',
    'access_key_1_last_used_date',
    'access_key_2_active',
    'access_key_2_last_used_date'
  ],
  // A key's last use is enough; only a never-used key's age needs `last_rotated`.
  optionalColumns: {
    columns: ['access_key_1_last_rotated', 'access_key_2_last_rotated'],
    unchecked:
      'active keys that were never used are not checked (their age comes from last_rotated)'
  },
  help: {
    rationale:
      'An access key nothing uses has no reason to exist, but whoever finds it in an old laptop, a repository or a CI secret can still use it. Deactivating unused keys removes that risk at no cost.\n\nThe age is counted from `access_key_N_last_used_date`; a key that was never used (`N/A`) is counted from `access_key_N_last_rotated`, so a new key gets the same grace period instead of an immediate finding (Prowler passes never-used keys of any age). `N/A` also covers keys last used before 2015-04-22. Inactive keys are reported by `inactive-access-key`.',
    audit:
      'In the credential report, for each active key compare `access_key_N_last_used_date` (or, when it is `N/A`, `access_key_N_last_rotated`) with today:\n\n```sh\naws iam generate-credential-report\naws iam get-credential-report --query Content --output text | base64 -d | cut -d, -f1,9,10,11,14,15,16\n```\n\nFor one key: `aws iam get-access-key-last-used --access-key-id <access-key-id>`.',
    remediation:
      'Deactivate the key; delete it once nothing has broken:\n\n```sh\naws iam update-access-key --user-name <user-name> --access-key-id <access-key-id> --status Inactive\naws iam delete-access-key --user-name <user-name> --access-key-id <access-key-id>\n```',
    backout:
      'Reactivate the key (until it is deleted):\n\n```sh\naws iam update-access-key --user-name <user-name> --access-key-id <access-key-id> --status Active\n```'
  },
  check(row, ctx) {
    const max = ctx.params['max-unused-days'] ?? 45
    const hits: RuleHit[] = []
    for (const key of row.accessKeys) {
      if (!isTrue(key.active)) continue
      if (isTimestamp(key.lastUsedDate)) {
        const age = ageInDays(ctx.now, key.lastUsedDate)
        if (age < max) continue
        hits.push({
          credential: key.credential,
          message: `Active ${key.credential} was last used ${formatTimestamp(key.lastUsedDate)}, ${days(age)} ago, at or over the ${max}-day limit (service: ${describeCell(key.lastUsedService)}).`
        })
      } else if (isSentinel(key.lastUsedDate) && isTimestamp(key.lastRotated)) {
        const age = ageInDays(ctx.now, key.lastRotated)
        if (age < max) continue
        hits.push({
          credential: key.credential,
          message: `Active ${key.credential} was never used (last used: ${key.lastUsedDate}) and was created ${formatTimestamp(key.lastRotated)}, ${days(age)} ago, at or over the ${max}-day limit.`
        })
      }
    }
    return hits
  },
  remediation(subject) {
    return {
      kind: 'command',
      note: 'Deactivating can be undone; delete the key once nothing has broken.',
      ...accessKeyCommands(subject, 'Inactive')
    }
  }
}
