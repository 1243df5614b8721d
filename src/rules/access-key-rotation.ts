import { describeCell, isTimestamp, isTrue } from '../report/cells.js'
import { ageInDays, days, formatTimestamp, MAX_DAYS } from '../time.js'
import { accessKeyCommands } from './commands.js'
import type { RowRule, RuleHit } from './types.js'

/** CIS: active access keys are rotated every `max-age-days` days or less (fires at `>`). */
export const accessKeyRotation: RowRule = {
  id: 'access-key-rotation',
  title: 'Access keys are rotated every 90 days or less',
  description: 'An active access key is older than `max-age-days` days (by `last_rotated`).',
  cis: {
    'v1.2': '1.4',
    'v1.4-v3.0': '1.14',
    'v4.0': '1.14',
    'v5.0': '1.13',
    'v6.0': '2.13',
    'v7.0': '2.12'
  },
  securityHub: ['IAM.3'],
  defaultSeverity: 'medium',
  enabledByDefault: true,
  scope: 'users',
  parameters: [
    {
      name: 'max-age-days',
      description: 'Largest age, in whole days since `last_rotated`, an active key may have.',
      default: 90,
      minimum: 1,
      maximum: MAX_DAYS,
      unit: 'days',
      looserWhen: 'higher'
    }
  ],
  credentialDoc: '`access_key_1` / `access_key_2`',
  requiredColumns: [
    'access_key_1_active',
    'access_key_1_last_rotated',
    'access_key_2_active',
    'access_key_2_last_rotated'
  ],
  help: {
    rationale:
      'An access key is a long-term credential. The longer it lives, the more places it is copied to and the longer a leaked key stays useful. Rotating keys limits that window. Inactive keys never fire this rule: they cannot sign requests (see `inactive-access-key`).',
    audit:
      'In the credential report, for each user with `access_key_N_active` = `true`, compare `access_key_N_last_rotated` with today. Or list keys with their creation dates:\n\n```sh\naws iam list-access-keys --user-name <user-name>\n```',
    remediation:
      'Create a new key, move every consumer to it, then deactivate the old key, and delete it once nothing broke:\n\n```sh\naws iam create-access-key --user-name <user-name>\naws iam update-access-key --user-name <user-name> --access-key-id <old-key-id> --status Inactive\naws iam delete-access-key --user-name <user-name> --access-key-id <old-key-id>\n```\n\nBetter still, replace the key with a role assumed through OIDC federation or IAM Roles Anywhere.',
    backout:
      'Until the old key is deleted, reactivate it:\n\n```sh\naws iam update-access-key --user-name <user-name> --access-key-id <old-key-id> --status Active\n```'
  },
  check(row, ctx) {
    const maxAge = ctx.params['max-age-days'] ?? 90
    const hits: RuleHit[] = []
    for (const key of row.accessKeys) {
      if (!isTrue(key.active) || !isTimestamp(key.lastRotated)) continue
      const age = ageInDays(ctx.now, key.lastRotated)
      if (age > maxAge) {
        hits.push({
          credential: key.credential,
          message: `Active ${key.credential} was last rotated ${formatTimestamp(key.lastRotated)}, ${days(age)} ago, more than the ${days(maxAge)} allowed (last used: ${describeCell(key.lastUsedDate)}).`
        })
      }
    }
    return hits
  },
  remediation(subject) {
    return {
      kind: 'command',
      note: 'Create and roll out a replacement key first; this deactivates the old one.',
      ...accessKeyCommands(subject, 'Inactive')
    }
  }
}
