import type { VirtualMfaDevice } from '../account/types.js'
import { ROOT_SIGN_IN } from './commands.js'
import type { AccountRule } from './types.js'

/**
 * The exact shape of a root user's ARN. Used instead of a substring test:
 * Prowler's `"root" in arn` also matches `arn:aws:iam::…:user/rootadmin`.
 */
export const ROOT_ARN = /^arn:[^:]+:iam::\d{12}:root$/

export function isRootArn(arn: string | null): boolean {
  return arn !== null && ROOT_ARN.test(arn)
}

/**
 * CIS (Level 2): the root user's MFA is a hardware device. Fires when the
 * account summary says root has MFA and `ListVirtualMFADevices` shows a
 * virtual device assigned to the root ARN. Needs both facts; the report has
 * no device type.
 */
export const rootHardwareMfa: AccountRule = {
  id: 'root-hardware-mfa',
  title: "The root user's MFA is a hardware device",
  description:
    'The root user has MFA enabled and a virtual MFA device is assigned to it (a phone app, not a hardware device).',
  cis: {
    'v1.2': '1.14',
    'v1.4-v3.0': '1.6',
    'v4.0': '1.6',
    'v5.0': '1.5',
    'v6.0': '2.5',
    'v7.0': '2.6'
  },
  securityHub: ['IAM.6'],
  defaultSeverity: 'high',
  enabledByDefault: true,
  scope: 'account',
  parameters: [],
  credentialDoc: 'none (the root user as a whole)',
  requiredColumns: [],
  requiredFacts: ['summary', 'virtualMfaDevices'],
  help: {
    rationale:
      'A virtual MFA device is an app on a phone or laptop: the device is a general-purpose computer that is backed up, synced, lost and replaced, and the TOTP seed can be copied. A hardware device (a FIDO security key or a hardware TOTP token) keeps the secret in dedicated hardware that can be locked in a safe under dual control, which suits a break-glass credential. CIS marks this item Level 2.\n\nThe rule needs `iam:GetAccountSummary` and `iam:ListVirtualMFADevices`, so it only runs in a live audit. It matches a device to root by its exact ARN (`arn:<partition>:iam::<account>:root`), not by a substring, so a user named `rootadmin` is not mistaken for root. A root that has a virtual device **and** a hardware device still fails: anyone holding the virtual device can sign in. No finding when root has no MFA (`root-mfa` reports that) or no password and no access keys (root credentials removed).',
    audit:
      'From the console: sign in as root, Security credentials, Multi-factor authentication (MFA): every device must be of type Security key or Hardware TOTP token. From the CLI:\n\n```sh\naws iam get-account-summary --query "SummaryMap.AccountMFAEnabled"\naws iam list-virtual-mfa-devices --assignment-status Assigned --query "VirtualMFADevices[?User.Arn==\'arn:aws:iam::<account-id>:root\'].SerialNumber"\n```\n\nThe first must print `1`, the second an empty list.',
    remediation: `${ROOT_SIGN_IN} Under Multi-factor authentication (MFA), assign a FIDO security key or a hardware TOTP token (and a spare), sign out and back in with it, then remove the virtual device.`,
    backout:
      'The root user can assign a virtual MFA device again under Security credentials, Multi-factor authentication (MFA), Assign MFA device, Authenticator app.'
  },
  check(ctx) {
    const { summary, virtualMfaDevices } = ctx.account
    if (summary?.status !== 'known' || virtualMfaDevices?.status !== 'known') return []
    const { mfaEnabled, passwordPresent, accessKeysPresent } = summary.value
    // No MFA at all is `root-mfa`'s finding; no root credentials means nothing to protect.
    if (!mfaEnabled || (!passwordPresent && !accessKeysPresent)) return []
    const rootDevices = virtualMfaDevices.value.filter((d: VirtualMfaDevice) =>
      isRootArn(d.userArn)
    )
    if (rootDevices.length === 0) return []
    const serials = rootDevices.map(d => d.serialNumber).join(', ')
    return [
      {
        credential: null,
        message: `The root user's MFA includes ${rootDevices.length === 1 ? 'a virtual MFA device' : `${rootDevices.length} virtual MFA devices`} (${serials}) rather than only hardware devices.`
      }
    ]
  },
  remediation() {
    return {
      kind: 'manual',
      instructions: `${ROOT_SIGN_IN} Assign a FIDO security key or a hardware TOTP token (and a spare), then remove the virtual MFA device.`
    }
  }
}
