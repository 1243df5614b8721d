/**
 * Credentials for the audit: GitHub OIDC → AssumeRoleWithWebIdentity when a
 * role is given, else the SDK's default chain. With `chainFrom`, the role is
 * assumed with `sts:AssumeRole` signed by other credentials (role chaining:
 * a first role assumed with OIDC, or the default chain). The role is assumed
 * eagerly so that a trust-policy mismatch fails here, with a message that
 * names the role, the token's subject (or the source principal) and the
 * conditions to check.
 *
 * Endpoints are the SDK's choice: `AWS_ENDPOINT_URL_STS` (and
 * `AWS_ENDPOINT_URL`) are honoured by the STS client as they are by IAM.
 * The OIDC token comes from a token source (`oidc-token.ts`) the caller
 * passes in, and secrets are masked through the caller's `mask`: this
 * module does not use the runner's API.
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types'
import { AccessError, InputError } from '../errors.js'
import {
  credentialProblem,
  errorCode,
  errorMessage,
  hasCode,
  isCredentialError,
  isTransientError
} from './aws-errors.js'
import { decodeTokenClaims, requireOidcEnvironment } from './oidc-token.js'
import type { OidcTokenSource } from './oidc-token.js'
import { DeadlineError, requestHandlerOptions, retryOptions, withDeadline } from './sdk.js'

export interface ResolveCredentialsInput {
  /** Role ARN; when absent the SDK default credential chain is used. */
  roleToAssume?: string
  /** OIDC audience, `sts.amazonaws.com` (`sts.amazonaws.com.cn` in China). */
  audience: string
  roleSessionName: string
  roleDurationSeconds: number
  region: string
  /**
   * Where to look for `ACTIONS_ID_TOKEN_REQUEST_URL` / `_TOKEN` before asking
   * for a token. Default `process.env`.
   */
  env?: NodeJS.ProcessEnv
  /** Attempts per STS call inside the SDK. Default 3. */
  maxAttempts?: number
  /** Budget for one AssumeRoleWithWebIdentity (SDK retries included). Default 60 s. */
  timeoutSeconds?: number
  log?: (message: string) => void
  /** Registers a secret (the session's keys), so the runner masks it in the log. */
  mask: (secret: string) => void
  /**
   * Where OIDC tokens come from (`createOidcTokenSource`); needed to assume
   * a role with OIDC, that is without `chainFrom`.
   */
  idToken?: OidcTokenSource
  /** Real time per nominal millisecond (tests only; see `sdk.ts`). Default 1. */
  timeScale?: number
  /**
   * Role chaining: assume the role with `sts:AssumeRole`, signed by these
   * credentials, instead of with an OIDC token. The session lasts at most
   * one hour (AWS's limit for a chained role session).
   */
  chainFrom?: ChainSource
}

/** The credentials a chained role is assumed from. */
export interface ChainSource {
  /** `undefined`: the SDK's default credential chain. */
  credentials: AwsCredentialIdentityProvider | undefined
  /** Who they are, for messages: the first role's session ARN, or the default chain. */
  principal: string
  /** The first role's ARN, when there is one: what the chained role's trust policy names. */
  roleArn?: string
}

/** AWS caps a session of a role assumed from another role's session at one hour. */
export const MAX_CHAINED_SESSION_SECONDS = 3600

export interface ResolvedCredentials {
  /** `undefined`: let the SDK use its default credential chain. */
  credentials: AwsCredentialIdentityProvider | undefined
  /** Who the audit runs as: the assumed-role session ARN, or the default chain. */
  principal: string
}

export const DEFAULT_CHAIN_PRINCIPAL = 'the default AWS credential chain'

/** `arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME` */
const ROLE_ARN = /^arn:(aws(?:-[a-z]+)*):iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/
const OIDC_ISSUER_HOST = 'token.actions.githubusercontent.com'
/** Refresh the session this long before it expires. */
const REFRESH_MARGIN_MS = 5 * 60_000

export function validateRoleInputs(input: {
  roleToAssume: string
  roleSessionName: string
  roleDurationSeconds: number
  audience: string
}): { partition: string; accountId: string } {
  const m = ROLE_ARN.exec(input.roleToAssume)
  if (!m) {
    throw new InputError(
      `role-to-assume must be an IAM role ARN like arn:aws:iam::123456789012:role/NAME, got "${input.roleToAssume}"`
    )
  }
  if (!SESSION_NAME.test(input.roleSessionName)) {
    throw new InputError(
      `role-session-name must be 2 to 64 characters of letters, digits and _+=,.@-, got "${input.roleSessionName}"`
    )
  }
  const d = input.roleDurationSeconds
  if (!Number.isInteger(d) || d < 900 || d > 43_200) {
    throw new InputError(
      `role-duration-seconds must be a whole number from 900 to 43200, got ${String(d)}`
    )
  }
  if (input.audience.trim() === '') {
    throw new InputError('audience must not be empty (use sts.amazonaws.com)')
  }
  return { partition: m[1] as string, accountId: m[2] as string }
}

const IMMUTABLE_SUBJECT = /^repo:[^/:@]+@\d+\/[^/:@]+@\d+:/

function trustPolicyHint(
  roleArn: string,
  partition: string,
  accountId: string,
  claims: Record<string, unknown> | null,
  audience: string
): string {
  const sub = typeof claims?.sub === 'string' ? claims.sub : null
  const aud = typeof claims?.aud === 'string' ? claims.aud : audience
  const lines = [
    `Check the trust policy of ${roleArn}:`,
    `its Principal must be {"Federated": "arn:${partition}:iam::${accountId}:oidc-provider/${OIDC_ISSUER_HOST}"}`,
    `and its conditions must hold for this token: ${OIDC_ISSUER_HOST}:aud must allow "${aud}", ` +
      `${OIDC_ISSUER_HOST}:sub must match ${sub ? `"${sub}"` : 'the token subject'}.`
  ]
  if (sub && IMMUTABLE_SUBJECT.test(sub)) {
    lines.push(
      'The token uses the immutable subject format repo:OWNER@OWNER-ID/REPO@REPO-ID:…; ' +
        'a sub condition written as repo:OWNER/REPO:… does not match it.'
    )
  } else {
    lines.push(
      'Repositories created, renamed or transferred after 2026-07-15 (and those that opted in) get the ' +
        'immutable subject format repo:OWNER@OWNER-ID/REPO@REPO-ID:…; the sub condition must use the ' +
        'format the token carries.'
    )
  }
  return lines.join(' ')
}

export async function resolveCredentials(
  input: ResolveCredentialsInput
): Promise<ResolvedCredentials> {
  const roleArn = input.roleToAssume?.trim()
  if (!roleArn) return { credentials: undefined, principal: DEFAULT_CHAIN_PRINCIPAL }

  const { partition, accountId } = validateRoleInputs({ ...input, roleToAssume: roleArn })
  const env = input.env ?? process.env
  const log = input.log ?? (() => undefined)
  const { mask, timeScale } = input
  const chain = input.chainFrom
  const idToken = input.idToken

  if (!chain) requireOidcEnvironment(env, roleArn)
  if (!chain && !idToken) throw new Error(`no OIDC token source to assume ${roleArn} with`)

  // Imported only when a role is assumed: a run on static credentials never
  // needs the STS client, and loading it is part of every action's start.
  const { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, STSClient } =
    await import('@aws-sdk/client-sts')
  const sts = new STSClient({
    region: input.region,
    ...retryOptions(input.maxAttempts ?? 3, timeScale),
    requestHandler: requestHandlerOptions({ timeScale }),
    ...(chain?.credentials ? { credentials: chain.credentials } : {})
  })
  const budgetMs = (input.timeoutSeconds ?? 60) * 1000

  /** AssumeRoleWithWebIdentity with a job token, or AssumeRole from the chain source. */
  const call = async () => {
    if (chain) {
      try {
        return await withDeadline(
          budgetMs,
          signal =>
            sts.send(
              new AssumeRoleCommand({
                RoleArn: roleArn,
                RoleSessionName: input.roleSessionName,
                DurationSeconds: Math.min(input.roleDurationSeconds, MAX_CHAINED_SESSION_SECONDS)
              }),
              { abortSignal: signal }
            ),
          { timeScale }
        )
      } catch (e) {
        throw chainedAssumeRoleError(e, roleArn, chain, accountId, budgetMs)
      }
    }
    const token = await (idToken as OidcTokenSource)()
    try {
      return await withDeadline(
        budgetMs,
        signal =>
          sts.send(
            new AssumeRoleWithWebIdentityCommand({
              RoleArn: roleArn,
              RoleSessionName: input.roleSessionName,
              WebIdentityToken: token,
              DurationSeconds: input.roleDurationSeconds
            }),
            { abortSignal: signal }
          ),
        { timeScale }
      )
    } catch (e) {
      throw assumeRoleError(e, roleArn, partition, accountId, token, input.audience, budgetMs)
    }
  }
  const operation = chain ? 'AssumeRole' : 'AssumeRoleWithWebIdentity'

  const assume = async (): Promise<{ identity: AwsCredentialIdentity; principal: string }> => {
    const out = await call()
    const c = out.Credentials
    if (!c?.AccessKeyId || !c.SecretAccessKey) {
      throw new AccessError(`${operation} for ${roleArn} returned no credentials`)
    }
    mask(c.AccessKeyId)
    mask(c.SecretAccessKey)
    if (c.SessionToken) mask(c.SessionToken)
    const principal = out.AssumedRoleUser?.Arn ?? `${roleArn} (session ${input.roleSessionName})`
    return {
      identity: {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        expiration: c.Expiration,
        accountId
      },
      principal
    }
  }

  const first = await assume()
  log(`assumed ${first.principal}`)
  let current = first.identity
  let refreshing: Promise<AwsCredentialIdentity> | null = null
  const credentials: AwsCredentialIdentityProvider = async () => {
    const expires = current.expiration?.getTime()
    if (expires !== undefined && expires - Date.now() < REFRESH_MARGIN_MS) {
      refreshing ??= assume()
        .then(r => (current = r.identity))
        .finally(() => (refreshing = null))
      return refreshing
    }
    return current
  }
  return { credentials, principal: first.principal }
}

function chainedAssumeRoleError(
  e: unknown,
  roleArn: string,
  chain: ChainSource,
  accountId: string,
  budgetMs: number
): Error {
  const said = `${errorCode(e)}: ${errorMessage(e)}`
  if (e instanceof DeadlineError) {
    return new AccessError(
      `STS did not answer AssumeRole for ${roleArn} within ${Math.round(budgetMs / 1000)} s`
    )
  }
  if (hasCode(e, 'AccessDenied', 'AccessDeniedException')) {
    const source = chain.roleArn ?? chain.principal
    return new AccessError(
      `not authorized to assume ${roleArn} from ${chain.principal} (STS said ${said}). ` +
        `The trust policy of ${roleArn} must allow sts:AssumeRole by ${chain.roleArn ? `{"AWS": "${chain.roleArn}"}` : 'the source principal'}, ` +
        `and the permissions of ${source} must allow sts:AssumeRole on it.`,
      { cause: e }
    )
  }
  if (isCredentialError(e)) {
    return new AccessError(
      `AssumeRole for ${roleArn} failed: ${credentialProblem(e)} (role chaining from ${chain.principal})`,
      { cause: e }
    )
  }
  if (hasCode(e, 'ValidationError')) {
    return new InputError(`AssumeRole refused the role inputs for ${roleArn} (${said})`)
  }
  if (hasCode(e, 'RegionDisabledException')) {
    return new AccessError(
      `STS is not activated in this region for account ${accountId} (${said})`,
      { cause: e }
    )
  }
  const kind = isTransientError(e) ? 'kept failing' : 'failed'
  return new AccessError(`AssumeRole for ${roleArn} ${kind} (${said})`, { cause: e })
}

function assumeRoleError(
  e: unknown,
  roleArn: string,
  partition: string,
  accountId: string,
  token: string,
  audience: string,
  budgetMs: number
): Error {
  const claims = decodeTokenClaims(token)
  const sub = typeof claims?.sub === 'string' ? claims.sub : 'unknown (token payload not readable)'
  const said = `${errorCode(e)}: ${errorMessage(e)}`
  if (e instanceof DeadlineError) {
    return new AccessError(
      `STS did not answer AssumeRoleWithWebIdentity for ${roleArn} within ${Math.round(budgetMs / 1000)} s`
    )
  }
  if (hasCode(e, 'AccessDenied', 'AccessDeniedException')) {
    return new AccessError(
      `not authorized to assume ${roleArn} with the GitHub OIDC token whose sub is "${sub}" ` +
        `(STS said ${said}). ${trustPolicyHint(roleArn, partition, accountId, claims, audience)}`,
      { cause: e }
    )
  }
  if (
    hasCode(
      e,
      'InvalidIdentityToken',
      'InvalidIdentityTokenException',
      'IDPRejectedClaim',
      'IDPRejectedClaimException'
    )
  ) {
    return new AccessError(
      `STS rejected the GitHub OIDC token (sub "${sub}") for ${roleArn} (${said}). ` +
        `Account ${accountId} needs an IAM OIDC identity provider for https://${OIDC_ISSUER_HOST} ` +
        `whose audience list includes "${audience}".`,
      { cause: e }
    )
  }
  if (hasCode(e, 'ValidationError')) {
    return new InputError(
      `AssumeRoleWithWebIdentity refused the role inputs for ${roleArn} (${said})`
    )
  }
  if (hasCode(e, 'RegionDisabledException')) {
    return new AccessError(
      `STS is not activated in this region for account ${accountId} (${said})`,
      {
        cause: e
      }
    )
  }
  const kind = isTransientError(e) ? 'kept failing' : 'failed'
  return new AccessError(`AssumeRoleWithWebIdentity for ${roleArn} ${kind} (${said})`, { cause: e })
}
