import { describeCell } from '../report/cells.js'
import { ROOT_CENTRAL_NOTE, ROOT_SIGN_IN } from './commands.js'
import type { RowRule } from './types.js'

/**
 * CIS: the root user has MFA. Fires when root can sign in with a password and
 * has no MFA device.
 *
 * The report writes `password_enabled` = `not_supported` for root whether or
 * not a password is set, so `not_supported` counts as "has a password"
 * (Prowler only tests `== "true"` and so silently skips a password-only
 * root). When `GetAccountSummary` is known it decides instead:
 * `AccountPasswordPresent && !AccountMFAEnabled`; a root whose credentials
 * were removed centrally (AWS Organizations) then has no finding.
 */
export const rootMfa: RowRule = {
  id: 'root-mfa',
  title: 'The root user has MFA enabled',
  description: 'The root user can sign in with a password and has no MFA device.',
  cis: {
    'v1.2': '1.13',
    'v1.4-v3.0': '1.5',
    'v4.0': '1.5',
    'v5.0': '1.4',
    'v6.0': '2.4',
    'v7.0': '2.5'
  },
  securityHub: ['IAM.9'],
  defaultSeverity: 'critical',
  enabledByDefault: true,
  scope: 'root',
  parameters: [],
  credentialDoc: 'none (the root user as a whole)',
  requiredColumns: ['password_enabled', 'mfa_active'],
  help: {
    rationale:
      'Anyone who learns the root password, or takes over the account email address and resets it, gets unrestricted access to the account. An MFA device makes the password alone useless.\n\nThe credential report writes `password_enabled` = `not_supported` for root, so from the report alone the rule treats root as having a password. With `iam:GetAccountSummary` (live audit) the rule uses `AccountPasswordPresent` and `AccountMFAEnabled`, which are authoritative: a member account whose root credentials were removed through AWS Organizations centralized root access has no password and gets no finding.',
    audit:
      'In the credential report, the `<root_account>` row must have `mfa_active` = `true`. Or:\n\n```sh\naws iam get-account-summary --query "SummaryMap.[AccountMFAEnabled,AccountPasswordPresent]"\n```\n\nPasses when `AccountMFAEnabled` is `1` or `AccountPasswordPresent` is `0`.',
    remediation: `${ROOT_SIGN_IN} Under Multi-factor authentication (MFA), choose Assign MFA device and register a FIDO security key or a hardware TOTP token (see \`root-hardware-mfa\`); register a second device as a spare. Keep the devices under dual control.\n\nIf the account does not need a root password at all (an AWS Organizations member account), remove the root credentials centrally instead. ${ROOT_CENTRAL_NOTE}`,
    backout:
      'The root user can remove an MFA device under Security credentials, Multi-factor authentication (MFA). Do not do this without registering another device first.'
  },
  check(row, ctx) {
    const summary = ctx.account.summary
    if (summary?.status === 'known') {
      const { passwordPresent, mfaEnabled } = summary.value
      if (!passwordPresent || mfaEnabled) return []
      return [
        {
          credential: null,
          message: `The root user has a password and no MFA device (GetAccountSummary: AccountPasswordPresent 1, AccountMFAEnabled 0; password last used: ${describeCell(row.passwordLastUsed)}).`
        }
      ]
    }
    const password = row.passwordEnabled === true || row.passwordEnabled === 'not_supported'
    if (!password || row.mfaActive !== false) return []
    return [
      {
        credential: null,
        message: `The root user has no MFA device (mfa_active: false) and can sign in with a password (password_enabled: ${describeCell(row.passwordEnabled)}; last used: ${describeCell(row.passwordLastUsed)}).`
      }
    ]
  },
  remediation() {
    return {
      kind: 'manual',
      instructions: `${ROOT_SIGN_IN} Under Multi-factor authentication (MFA), choose Assign MFA device and register a FIDO security key or hardware TOTP token, plus a spare.`
    }
  }
}
