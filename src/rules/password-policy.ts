import type { AccountRule } from './types.js'

/**
 * CIS: the account password policy requires at least `min-length`
 * characters and prevents reuse of the last `reuse-prevention` passwords.
 * One finding for the account that lists every failing setting (one finding,
 * not one per setting, because findings of the same rule, principal and
 * credential share a fingerprint). No policy at all is a finding.
 */
export const passwordPolicy: AccountRule = {
  id: 'password-policy',
  title: 'The password policy requires 14 characters and prevents reuse of 24 passwords',
  description:
    'The account has no password policy, or it requires fewer than `min-length` characters or prevents reuse of fewer than `reuse-prevention` passwords.',
  cis: {
    'v1.2': '1.9, 1.10',
    'v1.4-v3.0': '1.8, 1.9',
    'v4.0': '1.8, 1.9',
    'v5.0': '1.7, 1.8',
    'v6.0': '2.7, 2.8',
    'v7.0': '2.8, 2.9'
  },
  securityHub: ['IAM.15', 'IAM.16'],
  defaultSeverity: 'medium',
  enabledByDefault: true,
  scope: 'account',
  parameters: [
    {
      name: 'min-length',
      description: 'Smallest `MinimumPasswordLength` the policy may set.',
      default: 14,
      minimum: 6,
      maximum: 128,
      unit: 'characters',
      looserWhen: 'lower'
    },
    {
      name: 'reuse-prevention',
      description:
        'Smallest `PasswordReusePrevention` (previous passwords that cannot be reused) the policy may set; 24 is the AWS maximum.',
      default: 24,
      minimum: 1,
      maximum: 24,
      unit: 'passwords',
      looserWhen: 'lower'
    }
  ],
  credentialDoc: 'none (the account as a whole)',
  requiredColumns: [],
  requiredFacts: ['passwordPolicy'],
  help: {
    rationale:
      "The account password policy applies to every IAM user's console password. Length is what makes a password hard to guess; preventing reuse stops users cycling back to an old, possibly leaked password. Without a policy, IAM only requires 8 characters and allows reuse. The rule needs `iam:GetAccountPasswordPolicy`, so it only runs in a live audit. It reports even when no IAM user has a password: the policy still applies to the next one.",
    audit:
      '```sh\naws iam get-account-password-policy\n```\n\n`MinimumPasswordLength` must be at least 14 and `PasswordReusePrevention` 24. `NoSuchEntity` means no policy is set. In the console: IAM, Account settings, Password policy.',
    remediation:
      '`update-account-password-policy` replaces the whole policy: settings you leave out return to their defaults. Read the current policy first and repeat every setting you keep:\n\n```sh\naws iam get-account-password-policy\naws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 <other current settings>\n```',
    backout:
      'Apply the previous settings again with `aws iam update-account-password-policy` (save the output of `get-account-password-policy` before the change), or remove the policy with `aws iam delete-account-password-policy` if there was none.'
  },
  check(ctx) {
    const fact = ctx.account.passwordPolicy
    if (fact?.status !== 'known') return []
    const minLength = ctx.params['min-length'] ?? 14
    const minReuse = ctx.params['reuse-prevention'] ?? 24
    const policy = fact.value
    if (policy === null) {
      return [
        {
          credential: null,
          message: `The account has no IAM password policy (GetAccountPasswordPolicy: NoSuchEntity), so passwords need only 8 characters and may be reused; at least ${minLength} characters and ${minReuse} remembered passwords are required.`
        }
      ]
    }
    const problems: string[] = []
    const length = policy.minimumPasswordLength
    if (length === null || length < minLength) {
      problems.push(
        `requires ${length === null ? 'no minimum length' : `only ${length} characters`} (at least ${minLength} required)`
      )
    }
    const reuse = policy.passwordReusePrevention
    if (reuse === null || reuse < minReuse) {
      problems.push(
        `${reuse === null ? 'does not prevent password reuse' : `prevents reuse of only ${reuse} previous passwords`} (at least ${minReuse} required)`
      )
    }
    if (problems.length === 0) return []
    return [{ credential: null, message: `The account password policy ${problems.join(' and ')}.` }]
  },
  remediation() {
    // update-account-password-policy replaces the whole policy, and its
    // backout needs the previous settings: a person has to merge them.
    return {
      kind: 'manual',
      instructions:
        'Read the current policy (`aws iam get-account-password-policy`) and save it, then apply it again with the failing settings raised: `aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24` plus every current setting you keep (settings left out return to their defaults).'
    }
  }
}
