/**
 * Account-level facts read with cheap IAM calls in a live audit. Each is
 * optional: absent in report-file mode, `unavailable` when the call was
 * refused (a missing permission never fails the run).
 */

export type Fact<T> = { status: 'known'; value: T } | { status: 'unavailable'; reason: string }

/** `GetAccountSummary`: the authoritative state of the root user's credentials. */
export interface AccountSummary {
  mfaEnabled: boolean
  accessKeysPresent: boolean
  passwordPresent: boolean
  signingCertificatesPresent: boolean
}

/** An entry of `ListVirtualMFADevices` (assigned devices). */
export interface VirtualMfaDevice {
  serialNumber: string
  /** ARN of the user the device is assigned to. */
  userArn: string | null
}

/**
 * `GetAccountPasswordPolicy`; `null` when the account has no password policy.
 * The numbers are `null` when the policy does not set them. The other fields
 * are optional for callers that build a policy by hand; a policy read from
 * AWS has them all, and an absent one means the setting is off.
 */
export interface PasswordPolicy {
  minimumPasswordLength: number | null
  passwordReusePrevention: number | null
  requireUppercaseCharacters?: boolean
  requireLowercaseCharacters?: boolean
  requireNumbers?: boolean
  requireSymbols?: boolean
  /** Passwords expire after `maxPasswordAge` days. */
  expirePasswords?: boolean
  maxPasswordAge?: number | null
  /** An expired password can only be reset by an administrator. */
  hardExpiry?: boolean
}

export interface AccountFacts {
  summary?: Fact<AccountSummary>
  virtualMfaDevices?: Fact<readonly VirtualMfaDevice[]>
  passwordPolicy?: Fact<PasswordPolicy | null>
}

export type AccountFactName = keyof AccountFacts

/** The IAM action behind each fact, for "not evaluated" messages. */
export const FACT_ACTIONS: Record<AccountFactName, string> = {
  summary: 'iam:GetAccountSummary',
  virtualMfaDevices: 'iam:ListVirtualMFADevices',
  passwordPolicy: 'iam:GetAccountPasswordPolicy'
}
