import { describeCell, isSentinel, isTimestamp, isTrue } from '../report/cells.js'
import { formatTimestamp } from '../time.js'
import { accessKeyCommands } from './commands.js'
import type { RowRule, RuleHit } from './types.js'

function seconds(n: number): string {
  return n === 1 ? '1 second' : `${n} seconds`
}

/**
 * CIS: do not create access keys during initial setup for users with a
 * console password. Fires per key slot when all of these hold: the user has
 * a password, the key is active, the key was never used (`last_used_date` is
 * a sentinel), and `0 <= last_rotated - user_creation_time <= tolerance-seconds`.
 * A never-used key created later is `unused-access-key`'s business. A missing
 * `last_used_date` column (null) is unknown, not "never used", and never fires.
 */
export const initialSetupAccessKey: RowRule = {
  id: 'initial-setup-access-key',
  title: 'No access keys created at initial setup of console users',
  description:
    'A console user has an active, never-used access key created within `tolerance-seconds` of the user.',
  cis: {
    'v1.2': '1.21',
    'v1.4-v3.0': '1.11',
    'v4.0': '1.11',
    'v5.0': '1.10',
    'v6.0': '2.10'
  },
  defaultSeverity: 'medium',
  enabledByDefault: true,
  scope: 'users',
  parameters: [
    {
      name: 'tolerance-seconds',
      description:
        'Largest gap, in seconds, between the user\'s creation and the key\'s `last_rotated` for the key to count as created "at setup".',
      default: 60,
      minimum: 0,
      maximum: 86_400,
      unit: 'seconds',
      looserWhen: 'lower'
    }
  ],
  credentialDoc: '`access_key_1` / `access_key_2`',
  requiredColumns: [
    'password_enabled',
    'access_key_1_active',
    'access_key_1_last_rotated',
    'access_key_1_last_used_date',
    'access_key_2_active',
    'access_key_2_last_rotated',
    'access_key_2_last_used_date'
  ],
  help: {
    rationale:
      "The old console wizard offered to create an access key together with the user. Keys created that way are often never needed, yet they sit unused in the user's name, ready to leak. Making programmatic access a separate, later step shows intent.\n\nThe rule fires only when every part holds: the user has a console password, the key is active, it has never been used (`access_key_N_last_used_date` = `N/A`), and its `last_rotated` is 0 to `tolerance-seconds` (default 60) seconds after `user_creation_time`. Both key slots are checked. Once a key is rotated the rule no longer sees it; never-used keys created later are reported by `unused-access-key`. CIS removed this item in v7.0.",
    audit:
      "In the console: IAM, Users, the user, Security credentials: compare the user's creation time with the key's Created date, and check the key's Last used. From the CLI:\n\n```sh\naws iam generate-credential-report\naws iam get-credential-report --query Content --output text | base64 -d | cut -d, -f1,3,4,9,10,11,14,15,16\n```",
    remediation:
      'Deactivate the key, and delete it once nothing has broken (CIS):\n\n```sh\naws iam update-access-key --user-name <user-name> --access-key-id <access-key-id> --status Inactive\naws iam delete-access-key --user-name <user-name> --access-key-id <access-key-id>\n```\n\nFind the key id with `aws iam list-access-keys --user-name <user-name>`.',
    backout:
      'Reactivate a deactivated key with `aws iam update-access-key --user-name <user-name> --access-key-id <access-key-id> --status Active`. A deleted key cannot be restored; create a new one with `aws iam create-access-key --user-name <user-name>`.'
  },
  check(row, ctx) {
    const tolerance = ctx.params['tolerance-seconds'] ?? 60
    if (row.passwordEnabled !== true || !isTimestamp(row.userCreationTime)) return []
    const created = row.userCreationTime
    const hits: RuleHit[] = []
    for (const key of row.accessKeys) {
      if (!isTrue(key.active) || !isSentinel(key.lastUsedDate) || !isTimestamp(key.lastRotated))
        continue
      const gap = (key.lastRotated - created) / 1000
      if (gap < 0 || gap > tolerance) continue
      hits.push({
        credential: key.credential,
        message: `Active ${key.credential} was created ${formatTimestamp(key.lastRotated)}, ${seconds(gap)} after the user (${formatTimestamp(created)}, tolerance ${seconds(tolerance)}), and has never been used (last used: ${describeCell(key.lastUsedDate)}).`
      })
    }
    return hits
  },
  remediation(subject) {
    // Deactivating is the reversible first step; deleting the now inactive key
    // is left to `inactive-access-key`, whose remediation explains why that
    // step cannot be undone.
    return {
      kind: 'command',
      note: 'The key has never been used; deactivating it can be undone. Delete it once nothing has broken.',
      ...accessKeyCommands(subject, 'Inactive')
    }
  }
}
