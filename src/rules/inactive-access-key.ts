import { describeCell, isTimestamp } from '../report/cells.js'
import { ageInDays, days, formatTimestamp } from '../time.js'
import { KEY_ID_PLACEHOLDER } from './commands.js'
import type { RowRule, RuleHit } from './types.js'

/**
 * A deactivated access key still exists: delete it. Fires per key slot when
 * `active` is `false` and `last_rotated` is a timestamp (an inactive key keeps
 * its date; an empty slot has `N/A`).
 */
export const inactiveAccessKey: RowRule = {
  id: 'inactive-access-key',
  title: 'Deactivated access keys are deleted',
  description: 'A deactivated access key still exists.',
  cis: {},
  defaultSeverity: 'low',
  enabledByDefault: true,
  scope: 'users',
  parameters: [],
  credentialDoc: '`access_key_1` / `access_key_2`',
  requiredColumns: [
    'access_key_1_active',
    'access_key_1_last_rotated',
    'access_key_2_active',
    'access_key_2_last_rotated'
  ],
  help: {
    rationale:
      'A deactivated key cannot sign requests, but anyone allowed to call `iam:UpdateAccessKey` can switch it back on, and its secret may still be stored somewhere. It also occupies one of the two key slots. Deactivation is the safe first step of removing a key; deleting it finishes the job.',
    audit:
      'In the credential report, a key with `access_key_N_active` = `false` whose `access_key_N_last_rotated` is a date still exists (an empty slot shows `N/A`). For one user:\n\n```sh\naws iam list-access-keys --user-name <user-name>\n```\n\nlists keys with `Status` `Inactive`.',
    remediation:
      'Check that nothing needed the key since it was deactivated (failed calls with that key id in CloudTrail), then delete it:\n\n```sh\naws iam delete-access-key --user-name <user-name> --access-key-id <access-key-id>\n```',
    backout:
      'A deleted key cannot be restored. Create a new key and give it to the consumers that need one:\n\n```sh\naws iam create-access-key --user-name <user-name>\n```'
  },
  check(row, ctx) {
    const hits: RuleHit[] = []
    for (const key of row.accessKeys) {
      if (key.active !== false || !isTimestamp(key.lastRotated)) continue
      hits.push({
        credential: key.credential,
        message: `Deactivated ${key.credential} still exists (created ${formatTimestamp(key.lastRotated)}, ${days(ageInDays(ctx.now, key.lastRotated))} ago; last used: ${describeCell(key.lastUsedDate)}).`
      })
    }
    return hits
  },
  remediation(subject) {
    // Deleting a key cannot be undone: the secret is gone, and "backout" would
    // mean creating a new key with a new id and secret and redistributing it.
    // A command step would present that as a backout it is not, and anything
    // that applies command steps would destroy the key irreversibly; so this
    // one is manual, with the exact command spelled out.
    const key = subject.keyId ?? KEY_ID_PLACEHOLDER
    return {
      kind: 'manual',
      instructions: `Check in CloudTrail that nothing tried to use the key since it was deactivated, then delete it: \`aws iam delete-access-key --user-name ${subject.user} --access-key-id ${key}\`. This cannot be undone; the only backout is a new key (\`aws iam create-access-key --user-name ${subject.user}\`) handed to its consumers.`
    }
  }
}
