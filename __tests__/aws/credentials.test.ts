import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { fromWebToken } from '@aws-sdk/credential-providers'
import { githubIdTokenRequest } from '../../src/action/github-oidc.js'
import {
  createIamClient,
  createOidcTokenSource,
  DEFAULT_CHAIN_PRINCIPAL,
  fetchCredentialReport,
  resolveCredentials
} from '../../src/aws/index.js'
import type { OidcTokenSourceOptions, ResolveCredentialsInput } from '../../src/aws/index.js'
import { AccessError, InputError } from '../../src/errors.js'
import { useFakeAwsEnv } from '../support/aws-env.js'
import { decodeJwtPayload, FAULT, makeJwt, startFakeAws } from '../support/fake-aws.js'
import type { FakeAws, FakeAwsOptions } from '../support/fake-aws.js'

const ROLE = 'arn:aws:iam::123456789012:role/iam-audit'
const SUB = 'repo:octo-org/octo-repo:ref:refs/heads/main'

let fake: FakeAws
let restoreEnv: () => void
let secrets: string[]
let sleeps: number[]

/** Tokens from the fake's OIDC endpoint (a fresh one for every assumption), over real HTTP. */
const tokens = (over: Partial<OidcTokenSourceOptions> = {}) =>
  createOidcTokenSource({
    audience: 'sts.amazonaws.com',
    request: githubIdTokenRequest(),
    mask: secret => secrets.push(secret),
    minValidityMs: Infinity,
    sleep: async ms => {
      sleeps.push(ms)
    },
    ...over
  })

const input = (over: Partial<ResolveCredentialsInput> = {}): ResolveCredentialsInput => ({
  roleToAssume: ROLE,
  audience: 'sts.amazonaws.com',
  roleSessionName: 'GitHubActions',
  roleDurationSeconds: 3600,
  region: 'us-east-1',
  mask: secret => secrets.push(secret),
  idToken: tokens(),
  ...over
})

beforeAll(async () => {
  fake = await startFakeAws()
  // No ambient keys: only the assumed role can sign.
  restoreEnv = useFakeAwsEnv(fake, { staticCredentials: false })
})
afterAll(async () => {
  restoreEnv()
  await fake.close()
})

function setup(options: FakeAwsOptions = {}): void {
  fake.configure({
    subject: SUB,
    trust: undefined,
    faults: {},
    sessionLifetimeSeconds: undefined,
    ...options
  })
  fake.clearRequests()
}

beforeEach(() => {
  secrets = []
  sleeps = []
})

const masked = () => secrets

describe('resolveCredentials without a role', () => {
  it('leaves credentials to the SDK default chain and makes no calls', async () => {
    setup()
    const out = await resolveCredentials(input({ roleToAssume: undefined }))
    expect(out).toEqual({ credentials: undefined, principal: DEFAULT_CHAIN_PRINCIPAL })
    expect(fake.count()).toBe(0)
  })

  it('treats a blank role as no role', async () => {
    setup()
    const out = await resolveCredentials(input({ roleToAssume: '  ' }))
    expect(out.credentials).toBeUndefined()
  })
})

describe('resolveCredentials input validation', () => {
  it.each([
    ['iam-audit', /role-to-assume must be an IAM role ARN/],
    ['arn:aws:iam::12345:role/x', /role-to-assume must be an IAM role ARN/],
    ['arn:aws:iam::123456789012:user/x', /role-to-assume must be an IAM role ARN/]
  ])('rejects role %s', async (role, message) => {
    await expect(resolveCredentials(input({ roleToAssume: role }))).rejects.toThrow(message)
    await expect(resolveCredentials(input({ roleToAssume: role }))).rejects.toBeInstanceOf(
      InputError
    )
  })

  it('accepts role paths and other partitions', async () => {
    setup()
    for (const role of [
      'arn:aws:iam::123456789012:role/audit/readers/iam-audit',
      'arn:aws-us-gov:iam::123456789012:role/iam-audit'
    ]) {
      await expect(resolveCredentials(input({ roleToAssume: role }))).resolves.toHaveProperty(
        'principal'
      )
    }
  })

  it.each(['a', 'x'.repeat(65), 'has space', 'semi;colon'])(
    'rejects session name %j',
    async name => {
      const err = await resolveCredentials(input({ roleSessionName: name })).catch(
        (e: unknown) => e
      )
      expect(err).toBeInstanceOf(InputError)
      expect((err as Error).message).toMatch(/role-session-name must be 2 to 64 characters/)
    }
  )

  it.each([899, 43_201, 1.5])('rejects duration %d', async d => {
    await expect(resolveCredentials(input({ roleDurationSeconds: d }))).rejects.toThrow(
      /role-duration-seconds must be a whole number from 900 to 43200/
    )
  })
})

describe('resolveCredentials with GitHub OIDC', () => {
  it('explains a missing id-token permission (and forks) before asking for a token', async () => {
    setup()
    const err = await resolveCredentials(input({ env: {} })).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AccessError)
    const message = (err as Error).message
    expect(message).toContain('ACTIONS_ID_TOKEN_REQUEST_URL is not set')
    expect(message).toContain('`permissions: id-token: write`')
    expect(message).toMatch(/forks never get an OIDC token/)
    expect(message).toContain(ROLE)
    expect(fake.count()).toBe(0)
  })

  it('reads process.env by default', async () => {
    setup()
    const saved = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    try {
      await expect(resolveCredentials(input())).rejects.toThrow(
        /ACTIONS_ID_TOKEN_REQUEST_TOKEN is not set/
      )
    } finally {
      process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = saved
    }
  })

  it('gets a token for the audience, assumes the role and masks the secrets', async () => {
    setup()
    const out = await resolveCredentials(
      input({ roleSessionName: 'nightly-audit', roleDurationSeconds: 900 })
    )
    expect(out.principal).toBe('arn:aws:sts::123456789012:assumed-role/iam-audit/nightly-audit')

    const [tokenRequest] = fake.requestsFor('OidcToken')
    expect(tokenRequest!.params).toEqual({ 'api-version': '2.0', audience: 'sts.amazonaws.com' })
    expect(tokenRequest!.headers.authorization).toBe(`Bearer ${fake.oidcRequestToken}`)

    const token = fake.tokens.at(-1)
    const [assume] = fake.requestsFor('AssumeRoleWithWebIdentity')
    expect(assume!.params).toMatchObject({
      RoleArn: ROLE,
      RoleSessionName: 'nightly-audit',
      DurationSeconds: '900',
      WebIdentityToken: token!.jwt,
      Version: '2011-06-15'
    })
    expect(decodeJwtPayload(assume!.params.WebIdentityToken!)).toMatchObject({
      sub: SUB,
      aud: 'sts.amazonaws.com',
      iss: 'https://token.actions.githubusercontent.com'
    })

    const session = fake.sessions.at(-1)!
    const identity = await out.credentials!()
    expect(identity).toMatchObject({
      accessKeyId: session.accessKeyId,
      secretAccessKey: session.secretAccessKey,
      sessionToken: session.sessionToken
    })
    expect(masked()).toEqual(
      expect.arrayContaining([
        token!.jwt,
        session.accessKeyId,
        session.secretAccessKey,
        session.sessionToken
      ])
    )
    // Eager: the role was assumed once, and asking for credentials again does not repeat it.
    await out.credentials!()
    expect(fake.count('AssumeRoleWithWebIdentity')).toBe(1)
  })

  it('signs later IAM calls with the assumed session', async () => {
    setup()
    const { credentials } = await resolveCredentials(input())
    const session = fake.sessions.at(-1)!
    const iam = createIamClient({ region: 'us-east-1', credentials })
    await fetchCredentialReport(iam, { timeoutSeconds: 30 })
    const iamRequests = fake.requests.filter(r => r.service === 'iam')
    expect(iamRequests.map(r => r.action)).toEqual([
      'GenerateCredentialReport',
      'GetCredentialReport'
    ])
    for (const r of iamRequests) {
      expect(r.headers.authorization).toContain(`Credential=${session.accessKeyId}/`)
      expect(r.credentialScope).toMatch(/\/us-east-1\/iam\/aws4_request$/)
      expect(r.headers['x-amz-security-token']).toBe(session.sessionToken)
      // The fake recomputed the SigV4 signature with the session's secret key.
      expect(r.signature).toBe('valid')
    }
  })

  it('retries the token endpoint with jittered backoff', async () => {
    setup({
      faults: {
        OidcToken: [
          { status: 500, code: 'InternalServerError' },
          { status: 500, code: 'InternalServerError' }
        ]
      }
    })
    const log: string[] = []
    const out = await resolveCredentials(input({ idToken: tokens({ log: m => log.push(m) }) }))
    expect(out.principal).toContain('assumed-role/iam-audit/')
    expect(fake.requestsFor('OidcToken').map(r => r.status)).toEqual([500, 500, 200])
    expect(sleeps).toHaveLength(2)
    expect(sleeps[0]).toBeLessThanOrEqual(1000)
    expect(sleeps[1]).toBeLessThanOrEqual(2000)
    expect(log[0]).toMatch(/GitHub OIDC token request failed \(attempt 1\/4\)/)
  })

  it('gives up on the token endpoint after the attempts, with its error', async () => {
    setup({ faults: { OidcToken: () => ({ status: 500, code: 'InternalServerError' }) } })
    const err = await resolveCredentials(input({ idToken: tokens({ attempts: 3 }) })).catch(
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(AccessError)
    expect((err as Error).message).toBe(
      'could not get a GitHub OIDC token for audience "sts.amazonaws.com" after 3 attempt(s): HTTP 500: InternalServerError'
    )
    expect(fake.count('OidcToken')).toBe(3)
    expect(fake.count('AssumeRoleWithWebIdentity')).toBe(0)
  })

  it('does not retry a token request the endpoint refuses (401)', async () => {
    setup()
    const saved = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'wrong-request-token'
    try {
      await expect(resolveCredentials(input())).rejects.toThrow(
        'could not get a GitHub OIDC token for audience "sts.amazonaws.com" after 1 attempt(s): HTTP 401: Unauthorized'
      )
    } finally {
      process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = saved
    }
    expect(fake.count('OidcToken')).toBe(1)
  })

  it('bounds a token service that accepts the connection and never answers', async () => {
    setup({ faults: { OidcToken: [FAULT.hang] } })
    const idToken = tokens({ timeoutSeconds: 30, timeScale: 0.005 })
    const err = await resolveCredentials(input({ idToken })).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AccessError)
    expect((err as Error).message).toBe('the GitHub OIDC token service did not answer within 30 s')
    expect(fake.requestsFor('OidcToken').map(r => r.outcome)).toEqual(['hang'])
    expect(fake.count('AssumeRoleWithWebIdentity')).toBe(0)
  }, 10_000)

  it('bounds the retries too: a failing, then hanging, service ends within the budget', async () => {
    setup({
      faults: { OidcToken: [{ status: 500, code: 'InternalServerError' }, FAULT.hang] }
    })
    const idToken = tokens({ timeoutSeconds: 30, timeScale: 0.005 })
    const err = await resolveCredentials(input({ idToken })).catch((e: unknown) => e)
    expect((err as Error).message).toBe(
      'the GitHub OIDC token service did not answer within 30 s (earlier attempts: HTTP 500: InternalServerError)'
    )
    expect(fake.requestsFor('OidcToken').map(r => r.outcome)).toEqual([
      'InternalServerError',
      'hang'
    ])
  }, 10_000)

  it('names the role, the token subject and the trust conditions on AccessDenied', async () => {
    setup({ trust: { aud: 'sts.amazonaws.com', sub: 'repo:octo-org/other-repo:*' } })
    const err = await resolveCredentials(input()).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AccessError)
    const message = (err as Error).message
    expect(message).toMatch(
      new RegExp(
        `^not authorized to assume ${ROLE} with the GitHub OIDC token whose sub is "${SUB}"`
      )
    )
    expect(message).toContain(
      'AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity'
    )
    expect(message).toContain(
      'token.actions.githubusercontent.com:aud must allow "sts.amazonaws.com"'
    )
    expect(message).toContain(`token.actions.githubusercontent.com:sub must match "${SUB}"`)
    expect(message).toContain(
      'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'
    )
    expect(message).toContain('repo:OWNER@OWNER-ID/REPO@REPO-ID')
    expect(fake.count('AssumeRoleWithWebIdentity')).toBe(1)
  })

  it('points out the immutable subject format when the token carries it', async () => {
    const immutable = 'repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main'
    setup({ subject: immutable, trust: { sub: 'repo:octo-org/octo-repo:*' } })
    const err = await resolveCredentials(input()).catch((e: unknown) => e)
    const message = (err as Error).message
    expect(message).toContain(`whose sub is "${immutable}"`)
    expect(message).toContain(
      'The token uses the immutable subject format repo:OWNER@OWNER-ID/REPO@REPO-ID:…; a sub condition written as repo:OWNER/REPO:… does not match it.'
    )
  })

  it('explains an InvalidIdentityToken (no OIDC provider in the account)', async () => {
    setup({
      faults: {
        AssumeRoleWithWebIdentity: [
          {
            status: 400,
            code: 'InvalidIdentityToken',
            message:
              'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com'
          }
        ]
      }
    })
    const err = await resolveCredentials(input()).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AccessError)
    expect((err as Error).message).toContain(
      'needs an IAM OIDC identity provider for https://token.actions.githubusercontent.com whose audience list includes "sts.amazonaws.com"'
    )
  })

  it('lets the SDK retry STS throttling', async () => {
    setup({ faults: { AssumeRoleWithWebIdentity: [FAULT.throttling] } })
    await resolveCredentials(input())
    expect(fake.requestsFor('AssumeRoleWithWebIdentity').map(r => r.outcome)).toEqual([
      'Throttling',
      'ok'
    ])
  })

  it('bounds a hanging STS', async () => {
    setup({ faults: { AssumeRoleWithWebIdentity: [FAULT.hang] } })
    await expect(resolveCredentials(input({ timeoutSeconds: 1, timeScale: 0.1 }))).rejects.toThrow(
      `STS did not answer AssumeRoleWithWebIdentity for ${ROLE} within 1 s`
    )
  }, 10_000)

  it('assumes the role again with a fresh token when the session is about to expire', async () => {
    setup({ sessionLifetimeSeconds: 60 })
    const { credentials } = await resolveCredentials(input())
    const first = fake.sessions.at(-1)!
    const identity = await credentials!()
    const second = fake.sessions.at(-1)!
    expect(second).not.toBe(first)
    expect(identity.accessKeyId).toBe(second.accessKeyId)
    expect(fake.count('OidcToken')).toBe(2)
    expect(second.webIdentityToken).not.toBe(first.webIdentityToken)
  })
})

describe('SDK endpoint configuration (3.1169)', () => {
  it('fromWebToken’s inner STS client honours AWS_ENDPOINT_URL_STS', async () => {
    setup()
    const provider = fromWebToken({
      roleArn: ROLE,
      webIdentityToken: makeJwt({ sub: SUB, aud: 'sts.amazonaws.com' }),
      roleSessionName: 'endpoint-check',
      clientConfig: { region: 'us-east-1' }
    })
    const identity = await provider()
    expect(identity.accessKeyId).toBe(fake.sessions.at(-1)!.accessKeyId)
    expect(fake.requestsFor('AssumeRoleWithWebIdentity')[0]!.params.RoleSessionName).toBe(
      'endpoint-check'
    )
  })
})
