import { accessKeyRotation } from './access-key-rotation.js'
import { consoleAndAccessKeys } from './console-and-access-keys.js'
import { consoleUserMfa } from './console-user-mfa.js'
import { inactiveAccessKey } from './inactive-access-key.js'
import { initialSetupAccessKey } from './initial-setup-access-key.js'
import { passwordPolicy } from './password-policy.js'
import { passwordRotation } from './password-rotation.js'
import { rootAccessKeys } from './root-access-keys.js'
import { rootHardwareMfa } from './root-hardware-mfa.js'
import { rootMfa } from './root-mfa.js'
import { rootRecentUse } from './root-recent-use.js'
import { rootSigningCertificates } from './root-signing-certificates.js'
import { signingCertificateRotation } from './signing-certificate-rotation.js'
import { singleActiveAccessKey } from './single-active-access-key.js'
import type { Rule } from './types.js'
import { unusedAccessKey } from './unused-access-key.js'
import { unusedPassword } from './unused-password.js'
import { userHardwareMfa } from './user-hardware-mfa.js'
import { userMfa } from './user-mfa.js'

/**
 * Every rule, in the order the docs list them: root rules first, then user
 * rules from most to least severe by default, the opt-in rules, and the
 * account-wide password policy. The single source for ids, titles, CIS
 * references, default severities, parameters and help: the summary, SARIF
 * `rules[]`, the README table and the policy schema all come from here.
 */
export const RULES: readonly Rule[] = [
  rootAccessKeys,
  rootMfa,
  rootHardwareMfa,
  rootRecentUse,
  rootSigningCertificates,
  consoleUserMfa,
  initialSetupAccessKey,
  unusedPassword,
  unusedAccessKey,
  singleActiveAccessKey,
  accessKeyRotation,
  signingCertificateRotation,
  consoleAndAccessKeys,
  inactiveAccessKey,
  passwordRotation,
  userMfa,
  userHardwareMfa,
  passwordPolicy
]

const byId = new Map(RULES.map(r => [r.id, r]))

export function findRule(id: string): Rule | undefined {
  return byId.get(id)
}

export const RULE_IDS: readonly string[] = RULES.map(r => r.id)
