/**
 * The CLI's live audit (no `--report`): the account of the default AWS
 * credential chain (environment, shared config and SSO profiles, container
 * and instance roles), of `--profile`, or of a role assumed from them
 * (`--role-arn`). The same report fetching, polling, account checks and
 * timeouts as the action. Loaded only for a live audit.
 */
import { fromNodeProviderChain } from '@aws-sdk/credential-providers'
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types'
import type { AccountAudit } from './action/audit.js'
import { auditAccount } from './action/audit.js'
import { reportWithCredentials, STS_TIMEOUT_SECONDS } from './action/report-source.js'
import { DEFAULT_CHAIN_PRINCIPAL, resolveCredentials, validateRoleInputs } from './aws/index.js'
import { AccessError, InputError } from './errors.js'
import type { Policy } from './policy/types.js'

export interface LiveAuditOptions {
  profile?: string
  roleArn?: string
  roleSessionName: string
  roleDurationSeconds: number
  region: string
  reportTimeoutSeconds: number
  maxReportAgeHours: number
  now: number
  /** Progress lines (standard error). */
  log: (message: string) => void
}

/** Credentials, then the report and the account facts, then the evaluation. */
export async function auditLiveAccount(
  policy: Policy,
  options: LiveAuditOptions
): Promise<AccountAudit> {
  const principal = options.profile ? `the AWS profile ${options.profile}` : DEFAULT_CHAIN_PRINCIPAL
  const base = await baseCredentials(options.profile, principal)
  let credentials: AwsCredentialIdentityProvider = base
  if (options.roleArn) {
    try {
      validateRoleInputs({
        roleToAssume: options.roleArn,
        roleSessionName: options.roleSessionName,
        roleDurationSeconds: options.roleDurationSeconds,
        audience: 'sts.amazonaws.com'
      })
    } catch (error) {
      // The action's input names, as the CLI's flags.
      if (error instanceof InputError)
        throw new InputError(`--${error.message.replace(/^role-to-assume/, 'role-arn')}`)
      throw error
    }
    const assumed = await resolveCredentials({
      roleToAssume: options.roleArn,
      chainFrom: { credentials: base, principal },
      audience: 'sts.amazonaws.com',
      roleSessionName: options.roleSessionName,
      roleDurationSeconds: options.roleDurationSeconds,
      region: options.region,
      timeoutSeconds: Math.min(STS_TIMEOUT_SECONDS, options.reportTimeoutSeconds),
      log: options.log,
      // A terminal has no log to mask secrets in.
      mask: () => {}
    })
    credentials = assumed.credentials ?? base
  }
  const source = await reportWithCredentials(
    credentials,
    { awsRegion: options.region, reportTimeoutSeconds: options.reportTimeoutSeconds },
    options.log
  )
  try {
    return await auditAccount(source, policy, {
      resolveKeyIds: false,
      maxReportAgeHours: options.maxReportAgeHours,
      now: () => options.now,
      log: options.log
    })
  } finally {
    source.close()
  }
}

/** The chain's credentials, resolved once up front so that "none found" says how to get some. */
async function baseCredentials(
  profile: string | undefined,
  principal: string
): Promise<AwsCredentialIdentityProvider> {
  const provider = fromNodeProviderChain(profile ? { profile } : {})
  try {
    const identity = await provider()
    return async () => identity
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]
    throw new AccessError(
      `no AWS credentials from ${principal}: ${reason}. Sign in first (aws sso login${profile ? ` --profile ${profile}` : ''}), ` +
        'set AWS_PROFILE or --profile, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; ' +
        'or audit a report file with --report FILE',
      { cause: error }
    )
  }
}
