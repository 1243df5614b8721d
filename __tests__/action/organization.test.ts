/**
 * End to end, `organization: true`: the bundle lists the organization's
 * accounts with the first role (the fake's Organizations endpoint, AWS
 * JSON 1.1), audits the active ones through `role-name`, and names the
 * skipped ones in the job summary.
 */
import { describe, expect, it } from '@jest/globals'
import type { FakeAccountOptions, FakeOrganization } from '../support/fake-aws.js'
import { FAKE_STATIC_CREDENTIALS } from '../support/fake-aws.js'
import { reportCsv, rootRow } from '../support/report-csv.js'
import type { ReportRow } from '../support/report-csv.js'
import { consoleUserWithoutMfa, daysAgo, expectCleanStderr, startFake } from './helpers.js'
import { failure, runAction } from './run-action.js'

const HUB_ACCOUNT = '999999999999'
const A = '111111111111'
const B = '222222222222'
const C = '333333333333'
const D = '444444444444'
const HUB = `arn:aws:iam::${HUB_ACCOUNT}:role/org-audit-hub`
const ROLE_NAME = 'iam-credential-gate'
const roleOf = (account: string) => `arn:aws:iam::${account}:role/${ROLE_NAME}`
const PROD = 'ou-ab12-prod0001'

const accountReport = (account: string, rows: readonly ReportRow[]): string =>
  reportCsv(rows).replaceAll(':123456789012:', `:${account}:`)
const cleanRoot = () => rootRow({ password_last_used: daysAgo(200) })
const cleanAccount = (account: string): FakeAccountOptions => ({
  report: accountReport(account, [cleanRoot()])
})
const breachingAccount = (account: string): FakeAccountOptions => ({
  report: accountReport(account, [cleanRoot(), consoleUserWithoutMfa('dana')])
})

/** root: the hub (management), A; prod: B, C (suspended), D (pending closure). */
const ORG: FakeOrganization = {
  managementAccountId: HUB_ACCOUNT,
  pageSize: 2,
  accounts: [
    { id: HUB_ACCOUNT, name: 'management' },
    { id: A, name: 'shared' }
  ],
  units: [
    {
      id: PROD,
      accounts: [
        { id: B, name: 'prod' },
        { id: C, name: 'retired', state: 'SUSPENDED' },
        { id: D, name: 'closing', state: 'PENDING_CLOSURE' }
      ]
    }
  ]
}

describe('organization: true', () => {
  it('lists the accounts with the hub role, audits the active ones by chaining, names the skipped', async () => {
    const fake = await startFake({
      organization: ORG,
      accounts: {
        [HUB_ACCOUNT]: cleanAccount(HUB_ACCOUNT),
        [A]: cleanAccount(A),
        [B]: breachingAccount(B)
      }
    })
    const r = await runAction({
      fake,
      inputs: {
        'role-to-assume': HUB,
        'role-chaining': 'true',
        'role-name': ROLE_NAME,
        organization: 'true',
        'exclude-accounts': HUB_ACCOUNT
      }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    expect(failure(r)).toBe(
      `policy breached: failed: 1 of 2 accounts breaches the policy (${B}) — 1 high finding`
    )

    // Listed by the hub's session, page by page, before any account role was assumed.
    const hub = fake.sessions.find(s => s.roleArn === HUB)!
    const listed = fake.requestsFor('ListAccounts')
    expect(listed.length).toBe(3)
    for (const q of listed) {
      expect({ key: q.accessKeyId, sig: q.signature }).toEqual({
        key: hub.accessKeyId,
        sig: 'valid'
      })
    }
    const firstAssume = fake.requestsFor('AssumeRole')[0]!
    expect(listed.every(q => q.seq < firstAssume.seq)).toBe(true)

    // Only the active, not excluded accounts, each through role-name from the hub.
    expect(
      fake
        .requestsFor('AssumeRole')
        .map(q => q.params.RoleArn)
        .sort()
    ).toEqual([roleOf(A), roleOf(B)])
    expect(fake.requestsOf(C)).toEqual([])
    expect(fake.requestsOf(D)).toEqual([])
    expect(r.outputs).toMatchObject({
      result: 'failed',
      'account-id': `${A},${B}`,
      'accounts-failed': '0'
    })

    expect(r.summary).toContain('- **Accounts:** 2 (2 audited); 3 accounts skipped (see below)')
    expect(r.summary).toContain(
      [
        '### Accounts skipped (3)',
        '',
        'Found in the organization and not audited:',
        '',
        `- \`${HUB_ACCOUNT}\` (management): excluded (\`exclude-accounts\`)`,
        `- \`${C}\` (retired): suspended`,
        `- \`${D}\` (closing): pending closure`
      ].join('\n')
    )
    expect(r.stdout).toContain(
      `Found 2 active accounts in the organization with ${hub.assumedRoleArn}; skipped: ` +
        `${HUB_ACCOUNT} (excluded), ${C} (suspended), ${D} (pending closure)`
    )
  })

  it('with the default credential chain and OIDC in each account, limited to an OU', async () => {
    const fake = await startFake({
      organization: ORG,
      accounts: { [A]: cleanAccount(A), [B]: cleanAccount(B) }
    })
    const r = await runAction({
      fake,
      staticCredentials: true,
      inputs: {
        'role-name': ROLE_NAME,
        organization: 'true',
        'organizational-units': PROD,
        'mask-aws-account-id': 'true'
      }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(0)
    const calls = fake.requests.filter(q => q.service === 'organizations')
    expect(calls.map(q => `${q.action} ${q.params.ParentId}`)).toEqual([
      `ListAccountsForParent ${PROD}`,
      `ListAccountsForParent ${PROD}`,
      `ListOrganizationalUnitsForParent ${PROD}`
    ])
    for (const q of calls) expect(q.accessKeyId).toBe(FAKE_STATIC_CREDENTIALS.accessKeyId)
    expect(fake.requestsFor('AssumeRoleWithWebIdentity').map(q => q.params.RoleArn)).toEqual([
      roleOf(B)
    ])
    expect(r.outputs).toMatchObject({ result: 'passed', 'account-id': B })
    // Every account found is masked, the skipped ones too, before a line names them.
    for (const id of [B, C, D]) expect(r.stdout).toContain(`::add-mask::${id}`)
    expect(r.stdout.indexOf(`::add-mask::${C}`)).toBeLessThan(r.stdout.indexOf('Found 1 active'))
    expect(r.summary).not.toContain(C)
  })

  it('an OU that does not exist fails the step before any account is audited', async () => {
    const fake = await startFake({ organization: ORG, accounts: { [A]: cleanAccount(A) } })
    const r = await runAction({
      fake,
      staticCredentials: true,
      inputs: {
        'role-name': ROLE_NAME,
        organization: 'true',
        'organizational-units': `${PROD}\nou-ab12-missing1`
      }
    })
    expect(r.code).toBe(1)
    expect(failure(r)).toMatch(
      /^error: organizational unit ou-ab12-missing1 does not exist in the organization \(Organizations said ParentNotFoundException/
    )
    expect(r.outputs).toEqual({ result: 'error' })
    expect(fake.count('AssumeRoleWithWebIdentity')).toBe(0)
    expect(fake.requests.filter(q => q.service === 'iam')).toEqual([])
  })
})
