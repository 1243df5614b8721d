import { describeCell } from '../report/cells.js'
import type { RowRule } from './types.js'

/**
 * Security Hub IAM.19: every IAM user has MFA, with or without a console
 * password. Disabled by default (`console-user-mfa` is the CIS rule). Fires
 * when `mfa_active` is anything but `true`; a missing column (null) never fires.
 */
export const userMfa: RowRule = {
  id: 'user-mfa',
  title: 'Every IAM user has MFA (off by default)',
  description:
    'An IAM user, with or without a console password, has no MFA device. Disabled by default.',
  cis: {},
  securityHub: ['IAM.19'],
  defaultSeverity: 'medium',
  enabledByDefault: false,
  scope: 'users',
  parameters: [],
  credentialDoc: 'none (the user as a whole)',
  requiredColumns: ['mfa_active'],
  help: {
    rationale:
      'This rule is **off by default**. It follows Security Hub IAM.19 (AWS Config `iam-user-mfa-enabled`): every IAM user has an MFA device, even one with access keys only. MFA then protects what the user can do through policies with `aws:MultiFactorAuthPresent` conditions (e.g. `sts:GetSessionToken` with MFA before sensitive calls), and the user is ready if a password is added later. Most accounts want `console-user-mfa` (CIS) instead, which only checks users with a console password.',
    audit:
      'In the credential report, every user row must have `mfa_active` = `true`:\n\n```sh\naws iam generate-credential-report\naws iam get-credential-report --query Content --output text | base64 -d | cut -d, -f1,4,8\n```',
    remediation:
      'Register an MFA device for the user (IAM console: Users, the user, Security credentials, Assign MFA device), or from the CLI for a virtual device:\n\n```sh\naws iam create-virtual-mfa-device --virtual-mfa-device-name <user-name> --outfile qr.png --bootstrap-method QRCodePNG\naws iam enable-mfa-device --user-name <user-name> --serial-number <serial-number> --authentication-code1 <code> --authentication-code2 <next-code>\n```',
    backout:
      'Remove the device:\n\n```sh\naws iam deactivate-mfa-device --user-name <user-name> --serial-number <serial-number>\n```'
  },
  check(row) {
    if (row.mfaActive === true || row.mfaActive === null) return []
    return [
      {
        credential: null,
        message: `No MFA device is active (mfa_active: ${describeCell(row.mfaActive)}; password_enabled: ${describeCell(row.passwordEnabled)}).`
      }
    ]
  },
  remediation(subject) {
    // Needs codes from the device itself.
    return {
      kind: 'manual',
      instructions: `Register an MFA device for ${subject.user} (IAM console: Users, ${subject.user}, Security credentials, Assign MFA device); it needs two consecutive codes from the device.`
    }
  }
}
