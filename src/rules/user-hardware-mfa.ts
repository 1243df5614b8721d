import type { VirtualMfaDevice } from '../account/types.js'
import { describeCell } from '../report/cells.js'
import type { RowRule } from './types.js'

/**
 * Off by default (Prowler `iam_user_hardware_mfa_enabled`, not CIS): an IAM
 * user with a console password and MFA has a virtual MFA device assigned.
 * The report only says `mfa_active`; `ListVirtualMFADevices` (a live-audit
 * fact) lists the virtual devices by user ARN. A user whose MFA includes a
 * virtual device fires even if it also has a hardware one, as in
 * `root-hardware-mfa`: whoever holds the virtual device can sign in. No MFA
 * at all is `console-user-mfa`'s finding.
 */
export const userHardwareMfa: RowRule = {
  id: 'user-hardware-mfa',
  title: 'IAM users with a console password use hardware MFA (off by default)',
  description:
    'An IAM user with a console password has MFA, and a virtual MFA device (an authenticator app) is assigned to it. Disabled by default.',
  cis: {},
  defaultSeverity: 'medium',
  enabledByDefault: false,
  scope: 'users',
  parameters: [],
  credentialDoc: 'none (the user as a whole)',
  requiredColumns: ['password_enabled', 'mfa_active'],
  requiredFacts: ['virtualMfaDevices'],
  help: {
    rationale:
      "This rule is **off by default**; no CIS item or Security Hub control asks for it (Prowler and Steampipe have it). A virtual MFA device is an app on a phone or laptop whose secret can be copied, backed up and synced; a FIDO security key or a hardware TOTP token keeps it in dedicated hardware, and a FIDO key also resists phishing. Turn it on where console users hold powerful permissions.\n\nThe rule needs `iam:ListVirtualMFADevices`, so it only runs in a live audit (it is reported as not evaluated otherwise, or when the permission is missing). It matches a device to a user by the exact user ARN. It checks users with `password_enabled` and `mfa_active` = `true`: a user with MFA and no virtual device uses hardware and passes; a user with a virtual **and** a hardware device still fires, since whoever holds the virtual device can sign in. Users without MFA are `console-user-mfa`'s finding.",
    audit:
      'List the virtual devices assigned to users; none may belong to a user with a console password:\n\n```sh\naws iam list-virtual-mfa-devices --assignment-status Assigned --query "VirtualMFADevices[].[User.UserName,SerialNumber]"\naws iam list-mfa-devices --user-name <user-name>\n```\n\nIn the console: IAM, Users, the user, Security credentials, Multi-factor authentication (MFA): every device must be of type Security key or Hardware TOTP token.',
    remediation:
      'Have the user register a FIDO security key or a hardware TOTP token (IAM console: Users, the user, Security credentials, Assign MFA device), sign in with it once, then remove the virtual device:\n\n```sh\naws iam deactivate-mfa-device --user-name <user-name> --serial-number <virtual-serial-number>\naws iam delete-virtual-mfa-device --serial-number <virtual-serial-number>\n```',
    backout:
      'A removed virtual device cannot be restored: register a new one (IAM console: Assign MFA device, Authenticator app, or `aws iam create-virtual-mfa-device` and `aws iam enable-mfa-device` with two codes from the app).'
  },
  check(row, ctx) {
    const devices = ctx.account.virtualMfaDevices
    if (devices?.status !== 'known') return []
    if (row.passwordEnabled !== true || row.mfaActive !== true) return []
    const virtual = devices.value.filter((d: VirtualMfaDevice) => d.userArn === row.arn)
    if (virtual.length === 0) return []
    const serials = virtual.map(d => d.serialNumber).join(', ')
    return [
      {
        credential: null,
        message: `A console password is set (last used: ${describeCell(row.passwordLastUsed)}) and the MFA includes ${virtual.length === 1 ? 'a virtual MFA device' : `${virtual.length} virtual MFA devices`} (${serials}) rather than only hardware devices.`
      }
    ]
  },
  remediation(subject) {
    // Registering a hardware device needs the device in hand: a person has to do it.
    return {
      kind: 'manual',
      instructions: `Have ${subject.user} register a FIDO security key or a hardware TOTP token (IAM console: Users, ${subject.user}, Security credentials, Assign MFA device) and sign in with it once, then remove the virtual device: \`aws iam deactivate-mfa-device --user-name ${subject.user} --serial-number <virtual-serial-number>\` and \`aws iam delete-virtual-mfa-device --serial-number <virtual-serial-number>\`.`
    }
  }
}
