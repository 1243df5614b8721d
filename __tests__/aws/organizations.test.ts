/**
 * Listing an organization's accounts: the real SDK over real HTTP to the
 * fake's Organizations endpoint (AWS JSON 1.1), with a configurable tree,
 * small pages and faults.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import type { OrganizationsClient } from '@aws-sdk/client-organizations'
import { createOrganizationsClient, listOrganizationAccounts } from '../../src/aws/organizations.js'
import { AccessError, InputError } from '../../src/errors.js'
import { useFakeAwsEnv } from '../support/aws-env.js'
import {
  FAKE_STATIC_CREDENTIALS,
  FAULT,
  ORGANIZATIONS_FAULT,
  startFakeAws
} from '../support/fake-aws.js'
import type { FakeAws, FakeOrganization } from '../support/fake-aws.js'

const ROOT = 'r-ab12'
const PROD = 'ou-ab12-prod0001'
const PROD_EU = 'ou-ab12-prodeu01'
const SANDBOX = 'ou-ab12-sandbox1'
const MISSING = 'ou-ab12-missing1'

const id = (n: number) => String(n).padStart(12, '0')

/**
 * root: 001 (management), 009 (suspended)
 *   prod: 002, 003 (pending closure)
 *     prod-eu: 004, 005
 *   sandbox: 006, 007 (suspended)
 */
const TREE: FakeOrganization = {
  rootId: ROOT,
  managementAccountId: id(1),
  accounts: [
    { id: id(1), name: 'management' },
    { id: id(9), name: 'old', state: 'SUSPENDED' }
  ],
  units: [
    {
      id: PROD,
      name: 'prod',
      accounts: [
        { id: id(2), name: 'prod-us' },
        { id: id(3), name: 'closing', state: 'PENDING_CLOSURE' }
      ],
      units: [
        {
          id: PROD_EU,
          name: 'prod-eu',
          accounts: [
            { id: id(4), name: 'prod-eu-1' },
            { id: id(5), name: 'prod-eu-2' }
          ]
        }
      ]
    },
    {
      id: SANDBOX,
      name: 'sandbox',
      accounts: [
        { id: id(6), name: 'sandbox-1' },
        { id: id(7), name: 'sandbox-2', state: 'SUSPENDED' }
      ]
    }
  ]
}

let fake: FakeAws
let client: OrganizationsClient
let restoreEnv: () => void

beforeAll(async () => {
  fake = await startFakeAws({ organization: TREE })
  restoreEnv = useFakeAwsEnv(fake)
  client = createOrganizationsClient({ region: 'eu-west-1', maxAttempts: 2 })
})
afterAll(async () => {
  client.destroy()
  restoreEnv()
  await fake.close()
})
beforeEach(() => {
  fake.configure({ organization: TREE, faults: {} })
  fake.clearRequests()
})

const ids = (accounts: readonly { id: string }[]) => accounts.map(a => a.id)

describe('listOrganizationAccounts: the whole organization', () => {
  it('audits the active accounts and names the suspended and pending-closure ones', async () => {
    const out = await listOrganizationAccounts(client)
    expect(ids(out.active)).toEqual([id(1), id(2), id(4), id(5), id(6)])
    expect(out.active[0]).toEqual({ id: id(1), name: 'management' })
    expect(out.skipped).toEqual([
      { id: id(9), name: 'old', status: 'SUSPENDED' },
      { id: id(3), name: 'closing', status: 'PENDING_CLOSURE' },
      { id: id(7), name: 'sandbox-2', status: 'SUSPENDED' }
    ])
    expect(out.unmatchedExclusions).toEqual([])
    // One ListAccounts call, signed by the ambient key, over JSON 1.1.
    const calls = fake.requests.filter(r => r.service === 'organizations')
    expect(calls.map(r => [r.action, r.signature, r.accessKeyId])).toEqual([
      ['ListAccounts', 'valid', FAKE_STATIC_CREDENTIALS.accessKeyId]
    ])
    expect(calls[0]?.headers['x-amz-target']).toBe('AWSOrganizationsV20161128.ListAccounts')
  })

  it('follows NextToken through every page', async () => {
    fake.configure({ organization: { ...TREE, pageSize: 2 } })
    const out = await listOrganizationAccounts(client)
    expect(ids(out.active)).toEqual([id(1), id(2), id(4), id(5), id(6)])
    expect(out.skipped).toHaveLength(3)
    const calls = fake.requestsFor('ListAccounts')
    expect(calls).toHaveLength(4)
    expect(calls.map(c => c.params.NextToken !== undefined)).toEqual([false, true, true, true])
  })

  it('reads Status when the answer has no State (and State when it has no Status)', async () => {
    for (const fields of ['status', 'state'] as const) {
      fake.configure({ organization: { ...TREE, fields } })
      const out = await listOrganizationAccounts(client)
      expect({ fields, active: ids(out.active) }).toEqual({
        fields,
        active: [id(1), id(2), id(4), id(5), id(6)]
      })
      expect(out.skipped.map(s => s.status)).toEqual(['SUSPENDED', 'PENDING_CLOSURE', 'SUSPENDED'])
    }
  })

  it('prefers State over Status: an account being activated is not audited', async () => {
    fake.configure({
      organization: { accounts: [{ id: id(1) }, { id: id(2), state: 'PENDING_ACTIVATION' }] }
    })
    const out = await listOrganizationAccounts(client)
    expect(ids(out.active)).toEqual([id(1)])
    expect(out.skipped).toEqual([
      { id: id(2), name: `account-${id(2)}`, status: 'PENDING_ACTIVATION' }
    ])
  })

  it('leaves out excluded accounts, names them, and reports exclusions that match nothing', async () => {
    const out = await listOrganizationAccounts(client, {
      excludeAccounts: [id(2), id(6), id(8)]
    })
    expect(ids(out.active)).toEqual([id(1), id(4), id(5)])
    expect(out.skipped).toContainEqual({ id: id(2), name: 'prod-us', status: 'EXCLUDED' })
    expect(out.skipped).toContainEqual({ id: id(6), name: 'sandbox-1', status: 'EXCLUDED' })
    expect(out.unmatchedExclusions).toEqual([id(8)])
  })
})

describe('listOrganizationAccounts: organizational units', () => {
  it('walks an OU and its nested OUs', async () => {
    const out = await listOrganizationAccounts(client, { organizationalUnits: [PROD] })
    expect(ids(out.active)).toEqual([id(2), id(4), id(5)])
    expect(out.skipped).toEqual([{ id: id(3), name: 'closing', status: 'PENDING_CLOSURE' }])
    expect(fake.count('ListAccounts')).toBe(0)
    expect(
      fake.requests
        .filter(r => r.service === 'organizations')
        .map(r => `${r.action} ${r.params.ParentId}`)
    ).toEqual([
      `ListAccountsForParent ${PROD}`,
      `ListOrganizationalUnitsForParent ${PROD}`,
      `ListAccountsForParent ${PROD_EU}`,
      `ListOrganizationalUnitsForParent ${PROD_EU}`
    ])
  })

  it('walks the root as the whole tree, paging every list, each account once', async () => {
    fake.configure({ organization: { ...TREE, pageSize: 1 } })
    const out = await listOrganizationAccounts(client, {
      organizationalUnits: [ROOT, PROD_EU, SANDBOX]
    })
    expect(ids(out.active)).toEqual([id(1), id(2), id(4), id(5), id(6)])
    expect(ids(out.skipped)).toEqual([id(9), id(3), id(7)])
    const pagedCalls = fake.requests.filter(r => r.params.NextToken !== undefined)
    expect(pagedCalls.length).toBeGreaterThan(0)
  })

  it('gives several OUs in the order asked', async () => {
    const out = await listOrganizationAccounts(client, {
      organizationalUnits: [SANDBOX, PROD_EU],
      excludeAccounts: [id(5)]
    })
    expect(ids(out.active)).toEqual([id(6), id(4)])
    expect(out.skipped.map(s => `${s.id} ${s.status}`)).toEqual([
      `${id(7)} SUSPENDED`,
      `${id(5)} EXCLUDED`
    ])
  })

  it('names an OU that does not exist (an input error)', async () => {
    const run = listOrganizationAccounts(client, { organizationalUnits: [PROD, MISSING] })
    await expect(run).rejects.toThrow(InputError)
    await expect(
      listOrganizationAccounts(client, { organizationalUnits: [PROD, MISSING] })
    ).rejects.toThrow(
      new RegExp(
        `^organizational unit ${MISSING} does not exist in the organization \\(Organizations said ParentNotFoundException`
      )
    )
  })

  it('refuses an id that is not an OU or root id (an input error)', async () => {
    await expect(
      listOrganizationAccounts(client, { organizationalUnits: ['prod'] })
    ).rejects.toThrow(/AWS Organizations refused the id prod \(InvalidInputException/)
  })
})

describe('listOrganizationAccounts: nothing to audit', () => {
  it('an organization without accounts is an input error', async () => {
    fake.configure({ organization: { accounts: [] } })
    await expect(listOrganizationAccounts(client)).rejects.toThrow(
      new InputError('the organization lists no account: there is nothing to audit')
    )
  })

  it('an OU without accounts is an input error', async () => {
    fake.configure({ organization: { units: [{ id: PROD }] } })
    await expect(listOrganizationAccounts(client, { organizationalUnits: [PROD] })).rejects.toThrow(
      `organizational units ${PROD} list no account`
    )
  })

  it('no active account left (all suspended or excluded) is an input error naming them', async () => {
    await expect(
      listOrganizationAccounts(client, { organizationalUnits: [SANDBOX], excludeAccounts: [id(6)] })
    ).rejects.toThrow(
      new InputError(
        `no active account to audit in organizational units ${SANDBOX}: ${id(6)} (excluded), ${id(7)} (suspended)`
      )
    )
  })
})

describe('listOrganizationAccounts: access', () => {
  it('access denied names the principal, the permission and where it must run', async () => {
    fake.setFaults('ListAccounts', () => ORGANIZATIONS_FAULT.accessDenied)
    const run = listOrganizationAccounts(client, {
      principal: 'arn:aws:sts::000000000001:assumed-role/lister/gha'
    })
    await expect(run).rejects.toThrow(AccessError)
    await expect(
      listOrganizationAccounts(client, {
        principal: 'arn:aws:sts::000000000001:assumed-role/lister/gha'
      })
    ).rejects.toThrow(
      "not authorized to list the organization's accounts (Organizations said AccessDeniedException: You don't have permissions to access this resource.): " +
        'arn:aws:sts::000000000001:assumed-role/lister/gha needs organizations:ListAccounts, and must belong to the ' +
        "organization's management account or to an account registered as its delegated administrator"
    )
  })

  it('access denied on an OU walk names the OU permissions', async () => {
    fake.setFaults('ListOrganizationalUnitsForParent', () => ORGANIZATIONS_FAULT.accessDenied)
    await expect(listOrganizationAccounts(client, { organizationalUnits: [PROD] })).rejects.toThrow(
      /the caller needs organizations:ListAccountsForParent and organizations:ListOrganizationalUnitsForParent/
    )
  })

  it('an account outside any organization is an access error', async () => {
    fake.configure({ organization: undefined })
    const run = listOrganizationAccounts(client)
    await expect(run).rejects.toThrow(AccessError)
    await expect(run).rejects.toThrow(
      'the account of the caller is not in an AWS organization (Organizations said AWSOrganizationsNotInUseException: ' +
        'Your account is not a member of an organization.); to discover the accounts, the caller needs ' +
        "organizations:ListAccounts, and must belong to the organization's management account or to an account " +
        'registered as its delegated administrator'
    )
  })

  it('throttling is retried by the SDK', async () => {
    fake.setFaults('ListAccounts', [ORGANIZATIONS_FAULT.tooManyRequests])
    const out = await listOrganizationAccounts(client)
    expect(out.active).toHaveLength(5)
    expect(fake.count('ListAccounts')).toBe(2)
  })

  it('a hanging endpoint is bounded by the deadline', async () => {
    fake.setFaults('ListAccounts', [FAULT.hang])
    await expect(listOrganizationAccounts(client, { timeoutSeconds: 1 })).rejects.toThrow(
      new AccessError('AWS Organizations did not list the accounts within 1 s')
    )
  })
})
