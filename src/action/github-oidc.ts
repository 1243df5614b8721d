/**
 * The runner's OIDC token service, asked the way `core.getIDToken` asks it
 * (same endpoint, bearer token, user agent and proxy handling through
 * `@actions/http-client`), but abandoned when the caller's deadline passes:
 * `core.getIDToken` takes no timeout, and a service that accepts the
 * connection and never answers held it for three minutes per attempt.
 */
import { HttpClient, HttpClientError } from '@actions/http-client'
import type { IdTokenRequest } from '../aws/index.js'

/** An answer from the token service that is not a token; `status` when it said one. */
export class IdTokenRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
    this.name = 'IdTokenRequestError'
  }
}

/** Requests tokens from `ACTIONS_ID_TOKEN_REQUEST_URL` with `ACTIONS_ID_TOKEN_REQUEST_TOKEN`. */
export function githubIdTokenRequest(env: NodeJS.ProcessEnv = process.env): IdTokenRequest {
  return async (audience, { signal, timeoutMs }) => {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL
    const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    if (!url || !bearer) {
      throw new IdTokenRequestError('ACTIONS_ID_TOKEN_REQUEST_URL or _TOKEN is not set')
    }
    signal.throwIfAborted()
    const client = new HttpClient('actions/oidc-client', [], {
      socketTimeout: Math.max(1, timeoutMs)
    })
    // Destroys the socket of a request under way.
    const abandon = () => client.dispose()
    signal.addEventListener('abort', abandon, { once: true })
    try {
      const res = await client.getJson<{ value?: unknown }>(
        `${url}&audience=${encodeURIComponent(audience)}`,
        { authorization: `Bearer ${bearer}` }
      )
      const token = res.result?.value
      if (typeof token !== 'string' || token === '') {
        throw new IdTokenRequestError(
          `the answer (HTTP ${res.statusCode}) carries no token`,
          res.statusCode === 404 ? 404 : undefined
        )
      }
      return token
    } catch (e) {
      signal.throwIfAborted()
      if (e instanceof HttpClientError) {
        throw new IdTokenRequestError(`HTTP ${e.statusCode}: ${e.message}`, e.statusCode)
      }
      throw e
    } finally {
      signal.removeEventListener('abort', abandon)
      client.dispose()
    }
  }
}
