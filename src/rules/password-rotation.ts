import { describeCell, isSentinel, isTimestamp } from '../report/cells.js'
import { ageInDays, days, formatTimestamp } from '../time.js'
import { passwordResetCommands } from './commands.js'
import type { RowRule } from './types.js'

/**
 * Console passwords changed within `max-age-days` days (fires at `>`).
 * Disabled by default: current guidance is against periodic rotation. The age
 * is taken from `password_last_changed`; when that is a sentinel, from
 * `user_creation_time`. A missing column (null) never fires.
 */
export const passwordRotation: RowRule = {
  id: 'password-rotation',
  title: 'Console passwords are changed every 90 days (off by default)',
  description:
    'A console password was last changed more than `max-age-days` days ago. Disabled by default.',
  cis: {},
  defaultSeverity: 'low',
  enabledByDefault: false,
  scope: 'users',
  parameters: [
    {
      name: 'max-age-days',
      description: 'Largest age, in whole days since `password_last_changed`, a password may have.',
      default: 90,
      minimum: 1,
      maximum: 1095,
      unit: 'days',
      looserWhen: 'higher'
    }
  ],
  credentialDoc: '`password`',
  requiredColumns: ['password_enabled', 'password_last_changed'],
  help: {
    rationale:
      'This rule is **off by default**, for organisations whose own policy still requires periodic password changes. NIST SP 800-63B §5.1.1.2 says verifiers SHOULD NOT require memorized secrets to be changed arbitrarily (e.g. periodically), only when there is evidence of compromise: forced rotation pushes people to predictable variations of the old password. CIS dropped its password-expiry item (v1.2 1.11) from v1.4 on. Prefer long passwords (`password-policy`), MFA (`console-user-mfa`) and removing unused passwords (`unused-password`).',
    audit:
      'In the credential report, compare `password_last_changed` with today for each row with `password_enabled` = `true`:\n\n```sh\naws iam generate-credential-report\naws iam get-credential-report --query Content --output text | base64 -d | cut -d, -f1,4,6,7\n```',
    remediation:
      'Require the user to choose a new password at the next sign-in:\n\n```sh\naws iam update-login-profile --user-name <user-name> --password-reset-required\n```\n\nFor every user at once, set a maximum password age in the account password policy (`aws iam update-account-password-policy --max-password-age 90 …`; that call replaces the whole policy, so repeat every current setting).',
    backout:
      'Clear the reset requirement (once the user has changed the password there is nothing to undo):\n\n```sh\naws iam update-login-profile --user-name <user-name> --no-password-reset-required\n```'
  },
  check(row, ctx) {
    const max = ctx.params['max-age-days'] ?? 90
    if (row.passwordEnabled !== true) return []
    const changed = row.passwordLastChanged
    let since: number
    let what: string
    if (isTimestamp(changed)) {
      since = changed
      what = 'last changed'
    } else if (isSentinel(changed) && isTimestamp(row.userCreationTime)) {
      since = row.userCreationTime
      what = `set with the user (password_last_changed: ${describeCell(changed)}), created`
    } else {
      return []
    }
    const age = ageInDays(ctx.now, since)
    if (age <= max) return []
    return [
      {
        credential: 'password',
        message: `The console password was ${what} ${formatTimestamp(since)}, ${days(age)} ago, more than the ${days(max)} allowed.`
      }
    ]
  },
  remediation(subject) {
    return {
      kind: 'command',
      note: 'The user must choose a new password at the next console sign-in.',
      ...passwordResetCommands(subject)
    }
  }
}
