import { describeCell, isTrue } from '../report/cells.js'
import type { RowRule } from './types.js'

/**
 * A user is either a person at the console or a program with keys, not both.
 * Fires when `password_enabled` is `true` and at least one access key is
 * active. Not a CIS item.
 */
export const consoleAndAccessKeys: RowRule = {
  id: 'console-and-access-keys',
  title: 'IAM users have a console password or access keys, not both',
  description: 'An IAM user has a console password and at least one active access key.',
  cis: {},
  defaultSeverity: 'low',
  enabledByDefault: true,
  scope: 'users',
  parameters: [],
  credentialDoc: 'none (the user as a whole; the message names the keys)',
  requiredColumns: ['password_enabled', 'access_key_1_active', 'access_key_2_active'],
  help: {
    rationale:
      "A user with both a console password and access keys mixes a person's identity with a program's. The keys end up in scripts and CI systems under a person's name, outlive the person's role, and carry every permission the person needs at the console. Separate the two: people sign in (better, through IAM Identity Center), programs assume roles or use a dedicated user with narrow permissions.",
    audit:
      'In the credential report, no row may have `password_enabled` = `true` together with `access_key_1_active` or `access_key_2_active` = `true`:\n\n```sh\naws iam generate-credential-report\naws iam get-credential-report --query Content --output text | base64 -d | cut -d, -f1,4,9,14\n```',
    remediation:
      "Decide which the user is. For a person, move the keys' consumers to a role or a separate programmatic user, then deactivate the keys:\n\n```sh\naws iam update-access-key --user-name <user-name> --access-key-id <access-key-id> --status Inactive\n```\n\nFor a program, remove the console password:\n\n```sh\naws iam delete-login-profile --user-name <user-name>\n```",
    backout:
      'Reactivate a key with `aws iam update-access-key --user-name <user-name> --access-key-id <access-key-id> --status Active`. A deleted password cannot be restored: set a new one with `aws iam create-login-profile --user-name <user-name> --password-reset-required --password <new-password>`.'
  },
  check(row) {
    if (row.passwordEnabled !== true) return []
    const active = row.accessKeys.filter(k => isTrue(k.active))
    if (active.length === 0) return []
    const keys = active
      .map(k => `${k.credential}, last used ${describeCell(k.lastUsedDate)}`)
      .join('; ')
    return [
      {
        credential: null,
        message: `A console password is set (last used ${describeCell(row.passwordLastUsed)}) as well as ${active.length === 1 ? 'an active access key' : 'two active access keys'} (${keys}).`
      }
    ]
  },
  remediation(subject) {
    // Which credential goes is a decision about what the user is for.
    return {
      kind: 'manual',
      instructions: `Decide whether ${subject.user} is a person or a program. For a person, move the keys' consumers to a role and deactivate the keys (\`aws iam update-access-key --user-name ${subject.user} --access-key-id <ACCESS_KEY_ID> --status Inactive\`); for a program, remove the console password (\`aws iam delete-login-profile --user-name ${subject.user}\`).`
    }
  }
}
