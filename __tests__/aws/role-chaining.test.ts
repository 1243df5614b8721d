/**
 * Several accounts' credentials: one OIDC token reused for several roles,
 * role chaining with sts:AssumeRole from a first role's session, and the
 * fake endpoint answering each account from its own data.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { githubIdTokenRequest } from '../../src/action/github-oidc.js'
import {
  createIamClient,
  createOidcTokenSource,
  fetchCredentialReport,
  readAccountFacts,
  resolveCredentials
} from '../../src/aws/index.js'
import type { OidcTokenSourceOptions, ResolveCredentialsInput } from '../../src/aws/index.js'
import { AccessError, InputError } from '../../src/errors.js'
import { useFakeAwsEnv } from '../support/aws-env.js'
import {
  defaultReportCsv,
  FAKE_STATIC_CREDENTIALS,
  FAULT,
  makeJwt,
  startFakeAws
} from '../support/fake-aws.js'
import type { FakeAws, FakeAwsOptions } from '../support/fake-aws.js'

const A = '111111111111'
const B = '222222222222'
const HUB = 'arn:aws:iam::999999999999:role/hub'
const roleOf = (account: string) => `arn:aws:iam::${account}:role/audit`

let fake: FakeAws
let restoreEnv: () => void

/** The job's tokens from the fake's OIDC endpoint; by default a fresh one for every role. */
const tokens = (over: Partial<OidcTokenSourceOptions> = {}) =>
  createOidcTokenSource({
    audience: 'sts.amazonaws.com',
    request: githubIdTokenRequest(),
    mask: () => undefined,
    sleep: async () => undefined,
    ...over
  })

const input = (over: Partial<ResolveCredentialsInput> = {}): ResolveCredentialsInput => ({
  roleToAssume: roleOf(A),
  audience: 'sts.amazonaws.com',
  roleSessionName: 'gate',
  roleDurationSeconds: 900,
  region: 'us-east-1',
  mask: () => undefined,
  idToken: tokens({ minValidityMs: Infinity }),
  ...over
})

beforeAll(async () => {
  fake = await startFakeAws()
  restoreEnv = useFakeAwsEnv(fake, { staticCredentials: false })
})
afterAll(async () => {
  restoreEnv()
  await fake.close()
})

function setup(options: Partial<FakeAwsOptions> = {}): void {
  fake.configure({
    accounts: {
      [A]: { report: defaultReportCsv(A), summary: { AccountMFAEnabled: 1 } },
      [B]: { report: defaultReportCsv(B), passwordPolicy: { minimumPasswordLength: 20 } }
    },
    faults: {},
    roles: undefined,
    sessionLifetimeSeconds: undefined,
    ...options
  })
  fake.clearRequests()
}

describe('createOidcTokenSource', () => {
  it('fetches one token for several roles and shares a request in flight', async () => {
    setup()
    const idToken = tokens()
    const [t1, t2] = await Promise.all([idToken(), idToken()])
    expect(t1).toBe(t2)
    await resolveCredentials(input({ idToken }))
    await resolveCredentials(input({ roleToAssume: roleOf(B), idToken }))
    expect(fake.count('OidcToken')).toBe(1)
    expect(
      fake.requestsFor('AssumeRoleWithWebIdentity').map(q => q.params.WebIdentityToken)
    ).toEqual([t1, t1])
  })

  it('fetches a new token when the cached one is about to expire', async () => {
    setup()
    let now = Date.now()
    const idToken = tokens({ now: () => now })
    const first = await idToken()
    now += 200_000 // the fake's tokens live 300 s: 100 s left, still valid
    expect(await idToken()).toBe(first)
    now += 50_000 // 50 s left: less than the 60 s margin
    const second = await idToken()
    expect(second).not.toBe(first)
    expect(fake.count('OidcToken')).toBe(2)
  })

  it('assumes a lifetime for a token without exp', async () => {
    setup({ claims: { exp: undefined } })
    let now = 0
    const idToken = tokens({
      now: () => now,
      assumedLifetimeMs: 120_000
    })
    await idToken()
    now = 30_000
    await idToken()
    now = 70_000
    await idToken()
    expect(fake.count('OidcToken')).toBe(2)
    fake.configure({ claims: undefined })
  })
})

describe('resolveCredentials with role chaining', () => {
  it('assumes the role with sts:AssumeRole signed by the source session', async () => {
    setup()
    const hub = await resolveCredentials(input({ roleToAssume: HUB }))
    const hubSession = fake.sessions.at(-1)!
    const out = await resolveCredentials(
      input({
        roleDurationSeconds: 7200,
        chainFrom: { credentials: hub.credentials, principal: hub.principal, roleArn: HUB }
      })
    )
    expect(out.principal).toBe(`arn:aws:sts::${A}:assumed-role/audit/gate`)
    const [q] = fake.requestsFor('AssumeRole')
    expect(q).toMatchObject({
      accessKeyId: hubSession.accessKeyId,
      signature: 'valid',
      account: A,
      params: expect.objectContaining({ RoleArn: roleOf(A), DurationSeconds: '3600' })
    })
    expect(q!.headers['x-amz-security-token']).toBe(hubSession.sessionToken)
    expect(fake.sessions.at(-1)).toMatchObject({
      via: 'AssumeRole',
      accountId: A,
      sourceAccessKeyId: hubSession.accessKeyId
    })
    // No OIDC token for the chained role.
    expect(fake.count('OidcToken')).toBe(1)
  })

  it('chains from the default credential chain', async () => {
    setup()
    const restore = useFakeAwsEnv(fake, { staticCredentials: true })
    try {
      await resolveCredentials(
        input({
          chainFrom: { credentials: undefined, principal: 'the default AWS credential chain' }
        })
      )
    } finally {
      restore()
    }
    expect(fake.requestsFor('AssumeRole')[0]?.accessKeyId).toBe(FAKE_STATIC_CREDENTIALS.accessKeyId)
  })

  it('explains AccessDenied: the trust policy must name the source role', async () => {
    setup({ roles: [HUB] })
    const hub = await resolveCredentials(input({ roleToAssume: HUB }))
    const err = await resolveCredentials(
      input({ chainFrom: { credentials: hub.credentials, principal: hub.principal, roleArn: HUB } })
    ).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AccessError)
    expect((err as Error).message).toMatch(
      new RegExp(
        `^not authorized to assume ${roleOf(A)} from arn:aws:sts::999999999999:assumed-role/hub/gate \\(STS said AccessDenied: .*is not authorized to perform: sts:AssumeRole`
      )
    )
    expect((err as Error).message).toContain(
      `The trust policy of ${roleOf(A)} must allow sts:AssumeRole by {"AWS": "${HUB}"}`
    )
  })

  it('maps a per-account fault and a validation error', async () => {
    setup({
      accounts: {
        [A]: {
          faults: { AssumeRole: [FAULT.serviceFailure, FAULT.serviceFailure, FAULT.serviceFailure] }
        },
        [B]: {
          faults: {
            AssumeRole: [{ status: 400, code: 'ValidationError', message: 'bad duration' }]
          }
        }
      }
    })
    const chainFrom = { credentials: undefined, principal: 'the default AWS credential chain' }
    const restore = useFakeAwsEnv(fake, { staticCredentials: true })
    try {
      await expect(resolveCredentials(input({ chainFrom }))).rejects.toThrow(
        `AssumeRole for ${roleOf(A)} kept failing (ServiceFailure:`
      )
      await expect(
        resolveCredentials(input({ roleToAssume: roleOf(B), chainFrom }))
      ).rejects.toBeInstanceOf(InputError)
    } finally {
      restore()
    }
  })
})

describe('the fake as several accounts', () => {
  it('answers IAM calls from the account of the signing session', async () => {
    setup()
    for (const [account, minimumLength] of [
      [A, null],
      [B, 20]
    ] as const) {
      const { credentials } = await resolveCredentials(input({ roleToAssume: roleOf(account) }))
      const iam = createIamClient({ region: 'us-east-1', credentials })
      const report = await fetchCredentialReport(iam, { timeoutSeconds: 10 })
      expect(new TextDecoder().decode(report.content)).toContain(`arn:aws:iam::${account}:root`)
      const facts = await readAccountFacts(iam, { timeoutSeconds: 10 })
      const policy = facts.passwordPolicy
      expect(
        policy?.status === 'known' ? (policy.value?.minimumPasswordLength ?? null) : 'unavailable'
      ).toBe(minimumLength)
      iam.destroy()
    }
    expect(fake.requestsOf(A, 'GenerateCredentialReport')).toHaveLength(1)
    expect(fake.requestsOf(B, 'GetCredentialReport')).toHaveLength(1)
  })

  it('keeps each account’s report state and faults apart, and counts in-flight calls per account', async () => {
    setup({
      latencyMs: { GenerateCredentialReport: 30 },
      accounts: {
        [A]: { generateStates: ['STARTED', 'COMPLETE'] },
        [B]: { faults: { GetCredentialReport: [FAULT.accessDenied('iam:GetCredentialReport')] } }
      }
    })
    const a = await resolveCredentials(input({ roleToAssume: roleOf(A) }))
    const b = await resolveCredentials(input({ roleToAssume: roleOf(B) }))
    const iamA = createIamClient({ region: 'us-east-1', credentials: a.credentials })
    const iamB = createIamClient({ region: 'us-east-1', credentials: b.credentials })
    const [ra, rb] = await Promise.allSettled([
      fetchCredentialReport(iamA, { timeoutSeconds: 10, sleep: async () => undefined }),
      fetchCredentialReport(iamB, { timeoutSeconds: 10 })
    ])
    expect(ra.status).toBe('fulfilled')
    expect(rb).toMatchObject({ status: 'rejected', reason: expect.any(AccessError) })
    expect(fake.requestsOf(A, 'GenerateCredentialReport')).toHaveLength(2)
    expect(fake.requestsOf(B, 'GetCredentialReport').map(q => q.outcome)).toEqual(['AccessDenied'])
    expect(fake.peakInFlight('GenerateCredentialReport', A)).toBe(1)
    expect(fake.peakInFlight('GenerateCredentialReport')).toBe(2)
    iamA.destroy()
    iamB.destroy()
  })

  it('still serves the single-account options to the static key and unlisted roles', async () => {
    setup()
    const { credentials } = await resolveCredentials(
      input({
        roleToAssume: 'arn:aws:iam::123456789012:role/x',
        idToken: async () => makeJwt({ sub: 's', aud: 'sts.amazonaws.com' })
      })
    )
    const iam = createIamClient({ region: 'us-east-1', credentials })
    const report = await fetchCredentialReport(iam, { timeoutSeconds: 10 })
    expect(new TextDecoder().decode(report.content)).toContain('arn:aws:iam::123456789012:root')
    iam.destroy()
  })
})
