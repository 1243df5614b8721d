/**
 * GitHub OIDC tokens for role assumption. The request itself is passed in
 * (the action's `githubIdTokenRequest`: this module does not reach for the
 * runner's environment or API); here are the retries, the deadline that
 * bounds them, and the cache that lets several roles share one token.
 */
import { AccessError } from '../errors.js'
import { scaled, scaledClock, withDeadline, DeadlineError } from './sdk.js'

/** Gives an OIDC token for the audience it was made for. */
export type OidcTokenSource = () => Promise<string>

/**
 * One request for a token. `signal` abandons it; `timeoutMs` (real
 * milliseconds) is what is left of the budget, for the socket's own
 * timeout. A failure may carry the HTTP `status` the service answered.
 */
export type IdTokenRequest = (
  audience: string,
  options: { signal: AbortSignal; timeoutMs: number }
) => Promise<string>

export interface OidcTokenSourceOptions {
  audience: string
  /** Asks GitHub for one token. */
  request: IdTokenRequest
  /** Registers a token as a secret, so the runner masks it in the log. */
  mask: (secret: string) => void
  /** Budget for one token, attempts and back-off included. Default 60 s. */
  timeoutSeconds?: number
  /** Attempts per token. Default 4. */
  attempts?: number
  /** A cached token is used while it stays valid this much longer. Default 60 s. */
  minValidityMs?: number
  /** Lifetime assumed for a token without a readable `exp` claim. Default 5 minutes. */
  assumedLifetimeMs?: number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  log?: (message: string) => void
  /** Real time per nominal millisecond (tests only; see `sdk.ts`). Default 1. */
  timeScale?: number
}

export const OIDC_SERVICE = 'the GitHub OIDC token service'
const TOKEN_BACKOFF_BASE_MS = 500
const TOKEN_BACKOFF_CAP_MS = 5_000

/** A 4xx other than 408 and 429: a refusal that retrying will not change. */
function isPermanentTokenError(e: unknown): boolean {
  const status = (e as { status?: unknown } | null)?.status
  return (
    typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429
  )
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim()

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

/** Real milliseconds the socket timeout of a token request runs past the deadline. */
const SOCKET_TIMEOUT_AFTER_DEADLINE_MS = 1_000

/** A token, with retries (full jitter) inside one deadline. */
async function getIdToken(options: OidcTokenSourceOptions): Promise<string> {
  const attempts = options.attempts ?? 4
  const budgetS = options.timeoutSeconds ?? 60
  const clock = scaledClock(options.timeScale)
  const sleep = options.sleep ?? clock.sleep
  const log = options.log ?? (() => undefined)
  const start = clock.now()
  let last = ''
  let made = 0
  try {
    return await withDeadline(
      budgetS * 1000,
      async signal => {
        for (let attempt = 1; ; attempt++) {
          made = attempt
          try {
            // The socket's own timeout is a backstop for what the abort cannot reach (a
            // proxy's socket): a second later than the deadline, so that a service that
            // never answers always ends at the deadline, not at a racing socket timer.
            const timeoutMs =
              scaled(budgetS * 1000 - (clock.now() - start), options.timeScale) +
              SOCKET_TIMEOUT_AFTER_DEADLINE_MS
            const token = await options.request(options.audience, { signal, timeoutMs })
            options.mask(token)
            return token
          } catch (e) {
            signal.throwIfAborted()
            last = oneLine(e instanceof Error ? e.message : String(e))
            if (isPermanentTokenError(e) || attempt >= attempts) throw e
            // Full jitter: random() × min(cap, base × 2^n).
            const ms =
              Math.random() * Math.min(TOKEN_BACKOFF_CAP_MS, TOKEN_BACKOFF_BASE_MS * 2 ** attempt)
            log(
              `GitHub OIDC token request failed (attempt ${attempt}/${attempts}): ${last}; retrying`
            )
            await sleep(ms)
            signal.throwIfAborted()
          }
        }
      },
      { timeScale: options.timeScale }
    )
  } catch (e) {
    if (e instanceof DeadlineError) {
      throw new AccessError(
        `${OIDC_SERVICE} did not answer within ${budgetS} s` +
          (last ? ` (earlier attempts: ${last})` : '')
      )
    }
    throw new AccessError(
      `could not get a GitHub OIDC token for audience "${options.audience}" after ${made} attempt(s): ${last}`,
      { cause: e }
    )
  }
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
    pending ??= getIdToken(options)
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
