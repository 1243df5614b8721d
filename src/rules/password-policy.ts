import type { PasswordPolicy } from '../account/types.js'
import type { AccountRule, RuleParameter } from './types.js'

/** A 0/1 parameter that turns one setting's check on; 0, the default, keeps today's behaviour. */
function requireSwitch(
  name: string,
  setting: string,
  what: string,
  sources: string
): RuleParameter {
  return {
    name,
    description: `1 requires \`${setting}\` (${what}); 0 does not check it. ${sources}`,
    default: 0,
    minimum: 0,
    maximum: 1,
    unit: 'switch',
    looserWhen: 'lower'
  }
}

const COMPLEXITY_SOURCES =
  'CIS v1.2 (1.5 to 1.8), Security Hub IAM.7 and AWS Config `iam-password-policy` require it by default; CIS v1.4 and later do not.'

/** One setting of the policy: what is required, and how the policy falls short of it. */
interface Requirement {
  /** e.g. `MinimumPasswordLength at least 14`. */
  required: string
  /** Null when the policy meets the requirement, else the clause naming the setting, its value and the requirement. */
  shortfall(policy: PasswordPolicy): string | null
}

function flag(setting: string, value: boolean | undefined): string | null {
  return value === true ? null : `sets ${setting} to false (true required)`
}

/** The requirements the effective parameters switch on, in the order the policy lists its settings. */
function requirementsFrom(params: Readonly<Record<string, number>>): Requirement[] {
  const minLength = params['min-length'] ?? 14
  const minReuse = params['reuse-prevention'] ?? 24
  const out: Requirement[] = [
    {
      required: `MinimumPasswordLength at least ${minLength}`,
      shortfall: p =>
        p.minimumPasswordLength === null
          ? `does not set MinimumPasswordLength (at least ${minLength} required)`
          : p.minimumPasswordLength < minLength
            ? `sets MinimumPasswordLength to ${p.minimumPasswordLength} (at least ${minLength} required)`
            : null
    },
    {
      required: `PasswordReusePrevention at least ${minReuse}`,
      shortfall: p =>
        p.passwordReusePrevention === null
          ? `does not set PasswordReusePrevention, so passwords may be reused (at least ${minReuse} required)`
          : p.passwordReusePrevention < minReuse
            ? `sets PasswordReusePrevention to ${p.passwordReusePrevention} (at least ${minReuse} required)`
            : null
    }
  ]
  const flags: [string, string, (p: PasswordPolicy) => boolean | undefined][] = [
    ['require-uppercase', 'RequireUppercaseCharacters', p => p.requireUppercaseCharacters],
    ['require-lowercase', 'RequireLowercaseCharacters', p => p.requireLowercaseCharacters],
    ['require-numbers', 'RequireNumbers', p => p.requireNumbers],
    ['require-symbols', 'RequireSymbols', p => p.requireSymbols]
  ]
  for (const [param, setting, read] of flags) {
    if (params[param] === 1) {
      out.push({ required: `${setting} true`, shortfall: p => flag(setting, read(p)) })
    }
  }
  if (params['require-expiry'] === 1) {
    const maxAge = params['max-password-age'] ?? 90
    out.push({
      required: `MaxPasswordAge at most ${maxAge} days`,
      shortfall: p => {
        const age = p.expirePasswords === false ? null : (p.maxPasswordAge ?? null)
        if (age === null) {
          return `does not set MaxPasswordAge, so passwords never expire (at most ${maxAge} days required)`
        }
        return age > maxAge
          ? `sets MaxPasswordAge to ${age} days (at most ${maxAge} required)`
          : null
      }
    })
  }
  if (params['require-hard-expiry'] === 1) {
    out.push({ required: 'HardExpiry true', shortfall: p => flag('HardExpiry', p.hardExpiry) })
  }
  return out
}

/**
 * The account password policy meets every requirement the parameters switch
 * on: at least `min-length` characters and `reuse-prevention` remembered
 * passwords (CIS, on by default), and, each off by default, upper case, lower
 * case, numbers, symbols, a maximum age and hard expiry. One finding for the
 * account that names every setting that falls short, its value and the
 * requirement (one finding, not one per setting, because findings of the
 * same rule, principal and credential share a fingerprint). No policy at all
 * is a finding.
 */
export const passwordPolicy: AccountRule = {
  id: 'password-policy',
  title: 'The password policy requires 14 characters and prevents reuse of 24 passwords',
  description:
    'The account has no password policy, or it requires fewer than `min-length` characters, prevents reuse of fewer than `reuse-prevention` passwords, or misses a setting switched on by another parameter (character classes, maximum age, hard expiry).',
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
    },
    requireSwitch(
      'require-uppercase',
      'RequireUppercaseCharacters',
      'at least one upper-case letter',
      COMPLEXITY_SOURCES
    ),
    requireSwitch(
      'require-lowercase',
      'RequireLowercaseCharacters',
      'at least one lower-case letter',
      COMPLEXITY_SOURCES
    ),
    requireSwitch('require-numbers', 'RequireNumbers', 'at least one digit', COMPLEXITY_SOURCES),
    requireSwitch(
      'require-symbols',
      'RequireSymbols',
      'at least one non-alphanumeric character',
      COMPLEXITY_SOURCES
    ),
    requireSwitch(
      'require-expiry',
      'MaxPasswordAge',
      'passwords expire after at most `max-password-age` days',
      'CIS v1.2 1.11 and AWS Config `iam-password-policy` require 90 days by default; CIS v1.4 and later and NIST SP 800-63B advise against periodic expiry.'
    ),
    {
      name: 'max-password-age',
      description:
        'Largest `MaxPasswordAge` the policy may set, when `require-expiry` is 1 (ignored otherwise).',
      default: 90,
      minimum: 1,
      maximum: 1095,
      unit: 'days',
      looserWhen: 'higher'
    },
    requireSwitch(
      'require-hard-expiry',
      'HardExpiry',
      'an expired password can only be reset by an administrator',
      'No benchmark requires it.'
    )
  ],
  credentialDoc: 'none (the account as a whole)',
  requiredColumns: [],
  requiredFacts: ['passwordPolicy'],
  help: {
    rationale:
      "The account password policy applies to every IAM user's console password. Length is what makes a password hard to guess; preventing reuse stops users cycling back to an old, possibly leaked password. Without a policy, IAM only requires 8 characters and allows reuse. The rule needs `iam:GetAccountPasswordPolicy`, so it only runs in a live audit. It reports even when no IAM user has a password: the policy still applies to the next one.\n\nBy default the rule checks what current CIS requires (v1.4 on: at least 14 characters, Security Hub IAM.15; 24 remembered passwords, IAM.16). The other settings are off by default, so an account that passes today keeps passing; switch each on with its parameter set to 1:\n\n| parameter | setting | who requires it by default |\n|---|---|---|\n| `require-uppercase`, `require-lowercase`, `require-numbers`, `require-symbols` | `RequireUppercaseCharacters`, `RequireLowercaseCharacters`, `RequireNumbers`, `RequireSymbols` | CIS v1.2 1.5 to 1.8; Security Hub IAM.7; AWS Config `iam-password-policy` |\n| `require-expiry` with `max-password-age` (90) | `MaxPasswordAge` at most 90 days | CIS v1.2 1.11; AWS Config `iam-password-policy` (`MaxPasswordAge` 90) |\n| `require-hard-expiry` | `HardExpiry` | nobody |\n\nCIS dropped the character classes and the expiry from v1.4 on, following NIST SP 800-63B: composition rules and forced periodic changes push people to predictable passwords (see also `password-rotation`). Hard expiry locks out a user whose password expired until an administrator resets it. AWS Config's `iam-password-policy` defaults are 14 characters, 24 passwords, every character class and a 90-day maximum age; set all the parameters above to 1 to match it.",
    audit:
      '```sh\naws iam get-account-password-policy\n```\n\n`MinimumPasswordLength` must be at least 14 and `PasswordReusePrevention` 24; with the other parameters on, `RequireUppercaseCharacters`, `RequireLowercaseCharacters`, `RequireNumbers`, `RequireSymbols` and `HardExpiry` must be `true` and `MaxPasswordAge` at most `max-password-age`. `NoSuchEntity` means no policy is set. In the console: IAM, Account settings, Password policy.',
    remediation:
      '`update-account-password-policy` replaces the whole policy: settings you leave out return to their defaults. Read the current policy first and repeat every setting you keep:\n\n```sh\naws iam get-account-password-policy\naws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 <other current settings>\n```\n\nThe other settings are `--require-uppercase-characters`, `--require-lowercase-characters`, `--require-numbers`, `--require-symbols`, `--max-password-age 90` and `--hard-expiry`.',
    backout:
      'Apply the previous settings again with `aws iam update-account-password-policy` (save the output of `get-account-password-policy` before the change), or remove the policy with `aws iam delete-account-password-policy` if there was none.'
  },
  check(ctx) {
    const fact = ctx.account.passwordPolicy
    if (fact?.status !== 'known') return []
    const requirements = requirementsFrom(ctx.params)
    const policy = fact.value
    if (policy === null) {
      return [
        {
          credential: null,
          message: `The account has no IAM password policy (GetAccountPasswordPolicy: NoSuchEntity), so passwords need only 8 characters and may be reused; ${requirements.map(r => r.required).join(', ')} required.`
        }
      ]
    }
    const shortfalls = requirements.flatMap(r => {
      const s = r.shortfall(policy)
      return s === null ? [] : [s]
    })
    if (shortfalls.length === 0) return []
    return [
      {
        credential: null,
        message: `The account password policy ${shortfalls.join('; ')}.`
      }
    ]
  },
  remediation() {
    // update-account-password-policy replaces the whole policy, and its
    // backout needs the previous settings: a person has to merge them.
    return {
      kind: 'manual',
      instructions:
        'Read the current policy (`aws iam get-account-password-policy`) and save it, then apply it again with the settings the finding names raised: `aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24` (and `--require-uppercase-characters`, `--require-lowercase-characters`, `--require-numbers`, `--require-symbols`, `--max-password-age 90` or `--hard-expiry` when the finding names them) plus every current setting you keep (settings left out return to their defaults).'
    }
  }
}
