import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { FACT_ACTIONS } from '../../src/account/types.js'
import type { AccountFactName } from '../../src/account/types.js'
import { createIamClient, readAccountFacts } from '../../src/aws/index.js'
import { useFakeAwsEnv } from '../support/aws-env.js'
import { FAULT, startFakeAws } from '../support/fake-aws.js'
import type { FakeAws, FakeAwsOptions, IamAction } from '../support/fake-aws.js'

const ROOT = 'arn:aws:iam::123456789012:root'

let fake: FakeAws
let restoreEnv: () => void

beforeAll(async () => {
  fake = await startFakeAws()
  restoreEnv = useFakeAwsEnv(fake)
})
afterAll(async () => {
  restoreEnv()
  await fake.close()
})

const DEVICES = [
  { serialNumber: 'arn:aws:iam::123456789012:mfa/root-account-mfa-device', userArn: ROOT },
  {
    serialNumber: 'arn:aws:iam::123456789012:mfa/alice',
    userArn: 'arn:aws:iam::123456789012:user/alice'
  },
  { serialNumber: 'arn:aws:iam::123456789012:mfa/spare' },
  {
    serialNumber: 'arn:aws:iam::123456789012:mfa/bob',
    userArn: 'arn:aws:iam::123456789012:user/bob'
  },
  {
    serialNumber: 'arn:aws:iam::123456789012:mfa/carol',
    userArn: 'arn:aws:iam::123456789012:user/carol'
  },
  {
    serialNumber: 'arn:aws:iam::123456789012:mfa/dave',
    userArn: 'arn:aws:iam::123456789012:user/dave'
  }
]

function setup(options: FakeAwsOptions = {}): void {
  fake.configure({
    summary: {
      Users: 4,
      AccountMFAEnabled: 1,
      AccountAccessKeysPresent: 0,
      AccountPasswordPresent: 1,
      AccountSigningCertificatesPresent: 0
    },
    virtualMfaDevices: DEVICES,
    pageSize: 2,
    passwordPolicy: { minimumPasswordLength: 14, passwordReusePrevention: 24 },
    faults: {},
    ...options
  })
  fake.clearRequests()
}

const client = (maxAttempts?: number) =>
  createIamClient({ region: 'us-east-1', ...(maxAttempts ? { maxAttempts } : {}) })

describe('readAccountFacts', () => {
  it('reads the summary, every assigned virtual MFA device (paginated) and the password policy', async () => {
    setup()
    const facts = await readAccountFacts(client())
    expect(facts).toEqual({
      summary: {
        status: 'known',
        value: {
          mfaEnabled: true,
          accessKeysPresent: false,
          passwordPresent: true,
          signingCertificatesPresent: false
        }
      },
      virtualMfaDevices: {
        status: 'known',
        value: DEVICES.filter(d => d.userArn).map(d => ({
          serialNumber: d.serialNumber,
          userArn: d.userArn
        }))
      },
      passwordPolicy: {
        status: 'known',
        value: {
          minimumPasswordLength: 14,
          passwordReusePrevention: 24,
          requireUppercaseCharacters: false,
          requireLowercaseCharacters: false,
          requireNumbers: false,
          requireSymbols: false,
          expirePasswords: false,
          maxPasswordAge: null,
          hardExpiry: false
        }
      }
    })
    const pages = fake.requestsFor('ListVirtualMFADevices')
    expect(pages).toHaveLength(3)
    for (const p of pages) expect(p.params.AssignmentStatus).toBe('Assigned')
    expect(pages[0]!.params.Marker).toBeUndefined()
    // Each page asks from the marker the previous page returned (the fake's: the next index).
    expect(pages.slice(1).map(p => p.params.Marker)).toEqual(
      ['2', '4'].map(next => Buffer.from(next).toString('base64url'))
    )
    expect(fake.count('GetAccountSummary')).toBe(1)
    expect(fake.count('GetAccountPasswordPolicy')).toBe(1)
  })

  it('makes the three calls concurrently', async () => {
    setup({ pageSize: 100, latencyMs: 150 })
    try {
      await readAccountFacts(client())
      expect(fake.peakInFlight()).toBe(3)
    } finally {
      fake.configure({ latencyMs: undefined })
    }
  })

  it('reads "no password policy" (NoSuchEntity) as a known null', async () => {
    setup({ passwordPolicy: null })
    const facts = await readAccountFacts(client())
    expect(facts.passwordPolicy).toEqual({ status: 'known', value: null })
    expect(fake.requestsFor('GetAccountPasswordPolicy')[0]!.status).toBe(404)
  })

  it('keeps null for policy fields the account does not set', async () => {
    setup({ passwordPolicy: { requireSymbols: true } })
    const facts = await readAccountFacts(client())
    expect(facts.passwordPolicy).toEqual({
      status: 'known',
      value: {
        minimumPasswordLength: null,
        passwordReusePrevention: null,
        requireUppercaseCharacters: false,
        requireLowercaseCharacters: false,
        requireNumbers: false,
        requireSymbols: true,
        expirePasswords: false,
        maxPasswordAge: null,
        hardExpiry: false
      }
    })
  })

  it('reads every setting of the password policy', async () => {
    setup({
      passwordPolicy: {
        minimumPasswordLength: 16,
        passwordReusePrevention: 12,
        requireUppercaseCharacters: true,
        requireLowercaseCharacters: true,
        requireNumbers: true,
        requireSymbols: true,
        maxPasswordAge: 60,
        hardExpiry: true
      }
    })
    const facts = await readAccountFacts(client())
    expect(facts.passwordPolicy).toEqual({
      status: 'known',
      value: {
        minimumPasswordLength: 16,
        passwordReusePrevention: 12,
        requireUppercaseCharacters: true,
        requireLowercaseCharacters: true,
        requireNumbers: true,
        requireSymbols: true,
        expirePasswords: true,
        maxPasswordAge: 60,
        hardExpiry: true
      }
    })
  })

  it('models an account without root credentials', async () => {
    setup({
      summary: {
        AccountMFAEnabled: 0,
        AccountAccessKeysPresent: 0,
        AccountPasswordPresent: 0,
        AccountSigningCertificatesPresent: 0
      },
      virtualMfaDevices: []
    })
    const facts = await readAccountFacts(client())
    expect(facts.summary).toEqual({
      status: 'known',
      value: {
        mfaEnabled: false,
        accessKeysPresent: false,
        passwordPresent: false,
        signingCertificatesPresent: false
      }
    })
    expect(facts.virtualMfaDevices).toEqual({ status: 'known', value: [] })
  })

  const CASES: [AccountFactName, IamAction][] = [
    ['summary', 'GetAccountSummary'],
    ['virtualMfaDevices', 'ListVirtualMFADevices'],
    ['passwordPolicy', 'GetAccountPasswordPolicy']
  ]

  it.each(CASES)(
    'marks %s unavailable when iam:%s is denied, and reads the rest',
    async (name, action) => {
      setup({ faults: { [action]: [FAULT.accessDenied(`iam:${action}`)] } })
      const facts = await readAccountFacts(client())
      expect(facts[name]).toEqual({
        status: 'unavailable',
        reason: `missing permission ${FACT_ACTIONS[name]}`
      })
      for (const [other] of CASES.filter(([n]) => n !== name)) {
        expect(facts[other]?.status).toBe('known')
      }
    }
  )

  it('never throws, even when every call is denied', async () => {
    setup({
      faults: Object.fromEntries(
        CASES.map(([, action]) => [action, () => FAULT.accessDenied(`iam:${action}`)])
      )
    })
    const facts = await readAccountFacts(client())
    expect(Object.values(facts).map(f => f.status)).toEqual([
      'unavailable',
      'unavailable',
      'unavailable'
    ])
  })

  it('gives the error text for failures that are not permissions', async () => {
    setup({ faults: { GetAccountSummary: () => FAULT.serviceFailure } })
    const facts = await readAccountFacts(client(1))
    expect(facts.summary).toEqual({
      status: 'unavailable',
      reason:
        'iam:GetAccountSummary failed: ServiceFailure: The request processing has failed because of an unknown error.'
    })
  })

  it('fails one fact on a denied second page', async () => {
    setup({
      faults: { ListVirtualMFADevices: [null, FAULT.accessDenied('iam:ListVirtualMFADevices')] }
    })
    const facts = await readAccountFacts(client())
    expect(facts.virtualMfaDevices).toEqual({
      status: 'unavailable',
      reason: 'missing permission iam:ListVirtualMFADevices'
    })
  })

  it('treats a SummaryMap without the account keys as unavailable', async () => {
    setup({ summary: { Users: 3 } })
    const facts = await readAccountFacts(client())
    expect(facts.summary).toEqual({
      status: 'unavailable',
      reason: expect.stringMatching(
        /^iam:GetAccountSummary failed: .*SummaryMap lacks AccountMFAEnabled/
      )
    })
  })

  it('bounds a hanging call', async () => {
    setup({ faults: { GetAccountPasswordPolicy: [FAULT.hang] } })
    const facts = await readAccountFacts(client(), { timeoutSeconds: 1, timeScale: 0.1 })
    expect(facts.passwordPolicy).toEqual({
      status: 'unavailable',
      reason: 'iam:GetAccountPasswordPolicy did not answer in time'
    })
    expect(facts.summary?.status).toBe('known')
  }, 10_000)
})
