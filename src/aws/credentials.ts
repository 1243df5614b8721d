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
 */
import * as core from '@actions/core'
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
import { DeadlineError, defaultSleep, requestHandlerOptions, withDeadline } from './sdk.js'

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
   * for a token. Default `process.env`. (`core.getIDToken` itself always reads
   * `process.env`.)
   */
  env?: NodeJS.ProcessEnv
  /** Attempts at getting the OIDC token. Default 4. */
  tokenAttempts?: number
  /** Attempts per STS call inside the SDK. Default 3. */
  maxAttempts?: number
  /** Budget for one AssumeRoleWithWebIdentity (SDK retries included). Default 60 s. */
  timeoutSeconds?: number
  sleep?: (ms: number) => Promise<void>
  log?: (message: string) => void
  /**
   * Where OIDC tokens come from. Default: a fresh `core.getIDToken` (with
   * retries) for every assumption. Several roles assumed with one job token
   * share a `createOidcTokenSource`, which reuses a token while it is valid.
   */
  idToken?: OidcTokenSource
  /**
   * Role chaining: assume the role with `sts:AssumeRole`, signed by these
   * credentials, instead of with an OIDC token. The session lasts at most
   * one hour (AWS's limit for a chained role session).
   */
  chainFrom?: ChainSource
}

/** Gives an OIDC token for the audience it was made for. */
export type OidcTokenSource = () => Promise<string>

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
const TOKEN_BACKOFF_BASE_MS = 500
const TOKEN_BACKOFF_CAP_MS = 5_000

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

/** The JWT payload, decoded and NOT verified (for messages only). */
export function decodeTokenClaims(jwt: string): Record<string, unknown> | null {
  const payload = jwt.split('.')[1]
  if (!payload) return null
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    return claims !== null && typeof claims === 'object'
      ? (claims as Record<string, unknown>)
      : null
  } catch {
    return null
  }
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

/** `Error Code : 401` in `core.getIDToken`'s message: a client error retrying will not fix. */
function isPermanentTokenError(message: string): boolean {
  const status = /Error Code\s*:\s*(\d{3})/.exec(message)?.[1]
  return status !== undefined && status.startsWith('4') && status !== '408' && status !== '429'
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim()

async function getIdToken(
  audience: string,
  attempts: number,
  sleep: (ms: number) => Promise<void>,
  log: (message: string) => void
): Promise<string> {
  let last = ''
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const token = await core.getIDToken(audience)
      core.setSecret(token)
      return token
    } catch (e) {
      last = oneLine(e instanceof Error ? e.message : String(e))
      if (isPermanentTokenError(last) || attempt === attempts) break
      // Full jitter: random() × min(cap, base × 2^n).
      const ms =
        Math.random() * Math.min(TOKEN_BACKOFF_CAP_MS, TOKEN_BACKOFF_BASE_MS * 2 ** attempt)
      log(`GitHub OIDC token request failed (attempt ${attempt}/${attempts}): ${last}; retrying`)
      await sleep(ms)
    }
  }
  throw new AccessError(
    `could not get a GitHub OIDC token for audience "${audience}" after ${attempts} attempt(s): ${last}`
  )
}

/**
 * Throws the explanation of a job without an OIDC token (no `id-token:
 * write` permission, or a pull request from a fork). `what` names what the
 * token was for: a role ARN, or "the account roles".
 */
export function requireOidcEnvironment(env: NodeJS.ProcessEnv, what: string): void {
  if (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) return
  throw new AccessError(
    `no GitHub OIDC token is available to assume ${what} ` +
      `(ACTIONS_ID_TOKEN_REQUEST_${env.ACTIONS_ID_TOKEN_REQUEST_URL ? 'TOKEN' : 'URL'} is not set). ` +
      'Add `permissions: id-token: write` to the workflow or job. ' +
      'Pull requests from forks never get an OIDC token (their id-token permission is read-only); ' +
      'run the AWS audit on push or schedule instead, or without role-to-assume using other credentials.'
  )
}

export interface OidcTokenSourceOptions {
  audience: string
  /** Attempts per token request. Default 4. */
  attempts?: number
  /** A cached token is used while it stays valid this much longer. Default 60 s. */
  minValidityMs?: number
  /** Lifetime assumed for a token without a readable `exp` claim. Default 5 minutes. */
  assumedLifetimeMs?: number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  log?: (message: string) => void
}

/**
 * One GitHub OIDC token for many role assumptions: fetched on first use,
 * reused while its `exp` is at least `minValidityMs` away, fetched again
 * after that. Concurrent callers share one request.
 */
export function createOidcTokenSource(options: OidcTokenSourceOptions): OidcTokenSource {
  const now = options.now ?? Date.now
  const minValidity = options.minValidityMs ?? 60_000
  let cached: { token: string; expiresAt: number } | null = null
  let pending: Promise<string> | null = null
  return () => {
    if (cached && cached.expiresAt - now() >= minValidity) return Promise.resolve(cached.token)
    pending ??= getIdToken(
      options.audience,
      options.attempts ?? 4,
      options.sleep ?? defaultSleep,
      options.log ?? (() => undefined)
    )
      .then(token => {
        const exp = decodeTokenClaims(token)?.exp
        const expiresAt =
          typeof exp === 'number' && Number.isFinite(exp)
            ? exp * 1000
            : now() + (options.assumedLifetimeMs ?? 5 * 60_000)
        cached = { token, expiresAt }
        return token
      })
      .finally(() => (pending = null))
    return pending
  }
}

export async function resolveCredentials(
  input: ResolveCredentialsInput
): Promise<ResolvedCredentials> {
  const roleArn = input.roleToAssume?.trim()
  if (!roleArn) return { credentials: undefined, principal: DEFAULT_CHAIN_PRINCIPAL }

  const { partition, accountId } = validateRoleInputs({ ...input, roleToAssume: roleArn })
  const env = input.env ?? process.env
  const sleep = input.sleep ?? defaultSleep
  const log = input.log ?? (() => undefined)
  const chain = input.chainFrom

  if (!chain) requireOidcEnvironment(env, roleArn)

  // Imported only when a role is assumed: a run on static credentials never
  // needs the STS client, and loading it is part of every action's start.
  const { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, STSClient } =
    await import('@aws-sdk/client-sts')
  const sts = new STSClient({
    region: input.region,
    maxAttempts: input.maxAttempts ?? 3,
    requestHandler: requestHandlerOptions(),
    ...(chain?.credentials ? { credentials: chain.credentials } : {})
  })
  const budgetMs = (input.timeoutSeconds ?? 60) * 1000
  const idToken =
    input.idToken ?? (() => getIdToken(input.audience, input.tokenAttempts ?? 4, sleep, log))

  /** AssumeRoleWithWebIdentity with a job token, or AssumeRole from the chain source. */
  const call = async () => {
    if (chain) {
      try {
        return await withDeadline(budgetMs, signal =>
          sts.send(
            new AssumeRoleCommand({
              RoleArn: roleArn,
              RoleSessionName: input.roleSessionName,
              DurationSeconds: Math.min(input.roleDurationSeconds, MAX_CHAINED_SESSION_SECONDS)
            }),
            { abortSignal: signal }
          )
        )
      } catch (e) {
        throw chainedAssumeRoleError(e, roleArn, chain, accountId, budgetMs)
      }
    }
    const token = await idToken()
    try {
      return await withDeadline(budgetMs, signal =>
        sts.send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: roleArn,
            RoleSessionName: input.roleSessionName,
            WebIdentityToken: token,
            DurationSeconds: input.roleDurationSeconds
          }),
          { abortSignal: signal }
        )
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
    core.setSecret(c.AccessKeyId)
    core.setSecret(c.SecretAccessKey)
    if (c.SessionToken) core.setSecret(c.SessionToken)
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
