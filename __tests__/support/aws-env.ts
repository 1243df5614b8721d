/**
 * Process environment for tests that run the real AWS SDK against the fake:
 * endpoints pointed at it, nothing from the developer's machine leaking in
 * (profiles, config files, IMDS, ambient keys or OIDC variables).
 */
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import type { FakeAws } from './fake-aws.js'

const CLEARED = /^(AWS_|ACTIONS_ID_TOKEN_REQUEST_)/

export interface FakeAwsEnvOptions {
  /** Put `FAKE_STATIC_CREDENTIALS` in `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`. Default true. */
  staticCredentials?: boolean
  /** Set the OIDC request variables. Default true. */
  oidc?: boolean
  /** More variables (a value of `undefined` deletes). */
  extra?: Record<string, string | undefined>
}

/** An environment (for a child process or `resolveCredentials({ env })`). */
export function fakeAwsEnv(
  fake: FakeAws,
  options: FakeAwsEnvOptions = {},
  base: NodeJS.ProcessEnv = process.env
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(base)) if (!CLEARED.test(k)) env[k] = v
  const nowhere = join(tmpdir(), 'iam-credential-gate-no-aws-config')
  Object.assign(env, {
    AWS_CONFIG_FILE: nowhere,
    AWS_SHARED_CREDENTIALS_FILE: nowhere,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_IAM: fake.env.AWS_ENDPOINT_URL_IAM,
    AWS_ENDPOINT_URL_STS: fake.env.AWS_ENDPOINT_URL_STS,
    AWS_ENDPOINT_URL_ORGANIZATIONS: fake.env.AWS_ENDPOINT_URL_ORGANIZATIONS
  })
  if (options.staticCredentials ?? true) Object.assign(env, fake.staticCredentialsEnv)
  if (options.oidc ?? true) {
    env.ACTIONS_ID_TOKEN_REQUEST_URL = fake.env.ACTIONS_ID_TOKEN_REQUEST_URL
    env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = fake.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  }
  for (const [k, v] of Object.entries(options.extra ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }
  return env
}

/**
 * Replaces `process.env` contents with `fakeAwsEnv(...)` (the SDK and
 * `@actions/core` read `process.env` directly). Returns a restore function.
 */
export function useFakeAwsEnv(fake: FakeAws, options: FakeAwsEnvOptions = {}): () => void {
  const saved = { ...process.env }
  const next = fakeAwsEnv(fake, options, saved)
  for (const k of Object.keys(process.env)) if (!(k in next)) delete process.env[k]
  Object.assign(process.env, next)
  return () => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
    Object.assign(process.env, saved)
  }
}
