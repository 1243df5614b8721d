import { describeCell } from '../report/cells.js'
import type { RowRule } from './types.js'

/**
 * CIS: every IAM user with a console password has MFA. Fires when
 * `password_enabled` is `true` and `mfa_active` is anything but `true`. A
 * missing `mfa_active` column (null cell) is unknown, not "no MFA", and never
 * fires; the evaluator reports the rule as not evaluated in that case anyway.
 */
export const consoleUserMfa: RowRule = {
  id: 'console-user-mfa',
  title: 'IAM users with a console password have MFA',
  description: 'An IAM user has a console password (`password_enabled`) and no MFA device.',
  cis: {
    'v1.2': '1.2',
    'v1.4-v3.0': '1.10',
    'v4.0': '1.10',
    'v5.0': '1.9',
    'v6.0': '2.9',
    'v7.0': '2.10'
  },
  securityHub: ['IAM.5'],
  defaultSeverity: 'high',
  enabledByDefault: true,
  scope: 'users',
  parameters: [],
  credentialDoc: 'none (the user as a whole)',
  requiredColumns: ['password_enabled', 'mfa_active'],
  help: {
    rationale:
      'A password alone can be phished, guessed or reused from another breach. With MFA, a stolen password is not enough to sign in to the console. Users without a console password are not checked here (see `user-mfa` for the stricter Security Hub IAM.19 variant). `password_enabled` reflects the current login profile, so a user whose console access was removed no longer fires, even though `password_last_used` keeps its date.',
    audit:
      'In the credential report, every row with `password_enabled` = `true` must have `mfa_active` = `true`:\n\n```sh\naws iam generate-credential-report\naws iam get-credential-report --query Content --output text | base64 -d | cut -d, -f1,4,8\n```\n\nIn the console: IAM, Users, the MFA column.',
    remediation:
      'Ask the user to register an MFA device (IAM, Users, the user, Security credentials, Assign MFA device; a FIDO security key is best). Users can manage their own devices when a policy allows it (the AWS example policy "Allows MFA-authenticated IAM users to manage their own MFA device"). An administrator can register a virtual device for them:\n\n```sh\naws iam create-virtual-mfa-device --virtual-mfa-device-name <user-name> --outfile qr.png --bootstrap-method QRCodePNG\naws iam enable-mfa-device --user-name <user-name> --serial-number <serial-number> --authentication-code1 <code> --authentication-code2 <next-code>\n```\n\nIf the user does not need the console, remove the password instead: `aws iam delete-login-profile --user-name <user-name>`.',
    backout:
      'Remove the device with `aws iam deactivate-mfa-device --user-name <user-name> --serial-number <serial-number>` (and `aws iam delete-virtual-mfa-device --serial-number <serial-number>` for a virtual one). A deleted login profile comes back with `aws iam create-login-profile`, which needs a new password.'
  },
  check(row) {
    if (row.passwordEnabled !== true || row.mfaActive === true || row.mfaActive === null) return []
    return [
      {
        credential: null,
        message: `A console password is set (last used: ${describeCell(row.passwordLastUsed)}) but no MFA device is active (mfa_active: ${describeCell(row.mfaActive)}).`
      }
    ]
  },
  remediation(subject) {
    // Registering an MFA device needs codes from the physical device: a person has to do it.
    return {
      kind: 'manual',
      instructions: `Have ${subject.user} register an MFA device (IAM console: Users, ${subject.user}, Security credentials, Assign MFA device; a FIDO security key is best), or, if ${subject.user} does not need the console, remove the password with \`aws iam delete-login-profile --user-name ${subject.user}\`.`
    }
  }
}
