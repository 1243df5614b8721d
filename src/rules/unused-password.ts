import { describeCell, isSentinel, isTimestamp } from '../report/cells.js'
import { ageInDays, days, formatTimestamp, MAX_DAYS } from '../time.js'
import { deleteLoginProfileCommand } from './commands.js'
import { UNUSED_CREDENTIALS_CIS, UNUSED_CREDENTIALS_SECURITY_HUB } from './unused-credentials.js'
import type { RowRule } from './types.js'

/** AWS recorded no password use from 2018-05-03 to 2018-05-23 (a service issue). */
export const PASSWORD_USE_GAP_END = Date.parse('2018-05-24T00:00:00Z')

/**
 * CIS: console passwords unused for `max-unused-days` days or more are
 * disabled (fires at `>=`, "45 days or more"). The age is taken from
 * `password_last_used`; when the password was never used (a sentinel such as
 * `no_information`), from `password_last_changed`, else `user_creation_time`,
 * which gives a new user the same grace period. A missing
 * `password_last_used` column (null) is unknown and never fires.
 */
export const unusedPassword: RowRule = {
  id: 'unused-password',
  title: 'Console passwords unused for 45 days or more are removed',
  description:
    'A console password has not been used for `max-unused-days` days or more (never used: counted from when it was set).',
  cis: UNUSED_CREDENTIALS_CIS,
  securityHub: UNUSED_CREDENTIALS_SECURITY_HUB,
  defaultSeverity: 'medium',
  enabledByDefault: true,
  scope: 'users',
  parameters: [
    {
      name: 'max-unused-days',
      description:
        'A finding when the password was last used (or, never used, set) this many whole days ago or more. CIS and Security Hub IAM.22 use 45; IAM.8 and AWS Config use 90.',
      default: 45,
      minimum: 1,
      maximum: MAX_DAYS,
      unit: 'days',
      looserWhen: 'higher'
    }
  ],
  credentialDoc: '`password`',
  requiredColumns: ['password_enabled', 'password_last_used'],
  help: {
    rationale:
      'A password nobody uses protects nothing, but it can still be guessed, phished or reused from another breach, and a departed person\'s password is a standing invitation. Removing unused console access shrinks the attack surface.\n\nThe age is counted from `password_last_used`; a password that was never used (`no_information`) is counted from `password_last_changed` (or the user\'s creation), so new users get the same grace period instead of an immediate finding. `no_information` also means "not used since tracking began on 2014-10-20", and AWS recorded no password use from 2018-05-03 to 2018-05-23. The rule reads `password_enabled`, which reflects the current login profile, so a removed password no longer fires.',
    audit:
      'In the credential report, for each row with `password_enabled` = `true`, compare `password_last_used` (or, when it is `no_information`, `password_last_changed`) with today:\n\n```sh\naws iam generate-credential-report\naws iam get-credential-report --query Content --output text | base64 -d | cut -d, -f1,3,4,5,6\n```\n\nIn the console: IAM, Users, the Console last sign-in column.',
    remediation:
      "Confirm with the user's owner that the console access is not needed, then remove the password (the user and its other credentials stay):\n\n```sh\naws iam delete-login-profile --user-name <user-name>\n```\n\nIn the console: IAM, Users, the user, Security credentials, Console sign-in, Disable console access.",
    backout:
      'A deleted password cannot be restored. To give console access back, set a new one and have the user change it at first sign-in:\n\n```sh\naws iam create-login-profile --user-name <user-name> --password-reset-required --password <new-password>\n```\n\n(or in the console: Security credentials, Enable console access, which generates a password without putting it on a command line).'
  },
  check(row, ctx) {
    const max = ctx.params['max-unused-days'] ?? 45
    if (row.passwordEnabled !== true) return []
    const used = row.passwordLastUsed
    if (isTimestamp(used)) {
      const age = ageInDays(ctx.now, used)
      if (age < max) return []
      const gap =
        used < PASSWORD_USE_GAP_END
          ? ' (AWS recorded no password use from 2018-05-03 to 2018-05-23, so a use then would be missing)'
          : ''
      return [
        {
          credential: 'password',
          message: `The console password was last used ${formatTimestamp(used)}, ${days(age)} ago, at or over the ${max}-day limit${gap}.`
        }
      ]
    }
    if (!isSentinel(used)) return []
    const changed = row.passwordLastChanged
    const [since, what] = isTimestamp(changed)
      ? [changed, 'set']
      : isTimestamp(row.userCreationTime)
        ? [
            row.userCreationTime,
            `set (password_last_changed: ${describeCell(changed)}) with the user, created`
          ]
        : [null, '']
    if (since === null) return []
    const age = ageInDays(ctx.now, since)
    if (age < max) return []
    return [
      {
        credential: 'password',
        message: `The console password was never used (password_last_used: ${used}) and was ${what} ${formatTimestamp(since)}, ${days(age)} ago, at or over the ${max}-day limit.`
      }
    ]
  },
  remediation(subject) {
    // Removing the login profile keeps the user and its keys. It cannot be
    // undone as such: the old password is gone, and restoring console access
    // means `create-login-profile` with a new password. That backout is left
    // as a note, not a command, so that no plan puts a password in argv.
    return {
      kind: 'command',
      fix: [deleteLoginProfileCommand(subject)],
      backout: [],
      note: `Backout: the old password cannot be restored; give console access back with a new password (\`aws iam create-login-profile --user-name ${subject.user} --password-reset-required --password …\`, or Enable console access in the IAM console).`
    }
  }
}
