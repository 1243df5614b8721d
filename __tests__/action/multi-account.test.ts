/**
 * End to end, several accounts in one step: one fake endpoint stands for
 * every account (each its own report, facts and faults); the bundle assumes
 * each account's role, audits them concurrently, and writes one set of
 * outputs with an entry per account.
 */
import { describe, expect, it } from '@jest/globals'
import { validateGithubConstraints } from '../support/sarif-constraints.js'
import { FAKE_STATIC_CREDENTIALS, FAULT } from '../support/fake-aws.js'
import type { FakeAccountOptions, FakeAws } from '../support/fake-aws.js'
import { reportCsv, rootRow } from '../support/report-csv.js'
import type { ReportRow } from '../support/report-csv.js'
import {
  consoleUserWithoutMfa,
  daysAgo,
  expectCleanStderr,
  expectEveryDeclaredOutput,
  keyUser,
  readSarif,
  startFake,
  summaryHeading
} from './helpers.js'
import type { ActionResult } from './run-action.js'
import { failure, messages, runAction } from './run-action.js'

const A = '111111111111'
const B = '222222222222'
const C = '333333333333'
const D = '444444444444'
const ROLE_NAME = 'iam-credential-gate'
const roleOf = (account: string, name = ROLE_NAME) => `arn:aws:iam::${account}:role/${name}`

/** A report of `account`: the rows are written for 123456789012 and moved to it. */
function accountReport(account: string, rows: readonly ReportRow[]): string {
  return reportCsv(rows).replaceAll(':123456789012:', `:${account}:`)
}

const cleanRoot = () => rootRow({ password_last_used: daysAgo(200) })

/** Clean: root with MFA, no keys, nobody without MFA. */
const cleanAccount = (account: string): FakeAccountOptions => ({
  report: accountReport(account, [cleanRoot()])
})

/** Breaches the default policy: dana has a console password and no MFA (high). */
const breachingAccount = (account: string): FakeAccountOptions => ({
  report: accountReport(account, [cleanRoot(), consoleUserWithoutMfa('dana')])
})

/** Below the threshold only: erin's key is due for rotation (medium). */
const mediumAccount = (account: string): FakeAccountOptions => ({
  report: accountReport(account, [cleanRoot(), keyUser('erin', 120)]),
  accessKeys: { erin: [{ accessKeyId: 'AKIAERIN000000000001', createDate: daysAgo(120) }] }
})

interface MultiJson {
  schemaVersion: number
  tool: { name: string; version: string }
  evaluatedAt: string
  verdict: {
    result: string
    accounts: number
    accountsAudited: number
    accountsBreached: number
    accountsFailed: number
    summary: string
  }
  counts: Record<string, number>
  warnings: { kind: string; message: string; line?: number }[]
  accounts: (
    | {
        accountId: string
        roleArn: string
        account: { id: string }
        report: { source: string; userCount: number }
        findings: { ruleId: string; user: string; exempted: boolean; severity: string }[]
        verdict: { result: string }
        counts: Record<string, number>
        warnings: { kind: string }[]
      }
    | { accountId: string; roleArn: string; error: string }
  )[]
}

const readMultiJson = (r: ActionResult, path: string): MultiJson =>
  JSON.parse(r.readFile(path)) as MultiJson

/** Every SARIF file the step wrote: valid SARIF 2.1.0 that GitHub accepts. */
function readSarifFiles(r: ActionResult) {
  const paths = (r.outputs['sarif-files'] ?? '').split('\n').filter(p => p !== '')
  return paths.map(path => {
    const doc = readSarif(r, path)
    expect({ path, problems: validateGithubConstraints(doc) }).toEqual({ path, problems: [] })
    return { path, doc }
  })
}

/** Each IAM call of an account was signed by a session of that account's role. */
function expectSignedByOwnSession(fake: FakeAws, account: string): void {
  const own = new Set(fake.sessions.filter(s => s.accountId === account).map(s => s.accessKeyId))
  expect(own.size).toBeGreaterThan(0)
  const iam = fake.requestsOf(account).filter(q => q.service === 'iam')
  expect(iam.length).toBeGreaterThanOrEqual(5)
  for (const q of iam) {
    expect({
      account,
      action: q.action,
      own: own.has(q.accessKeyId ?? ''),
      sig: q.signature
    }).toEqual({ account, action: q.action, own: true, sig: 'valid' })
  }
}

describe('several accounts in one step', () => {
  it('audits three accounts: a SARIF run, a JSON entry and a summary row each', async () => {
    const fake = await startFake({
      accounts: { [A]: cleanAccount(A), [B]: breachingAccount(B), [C]: mediumAccount(C) }
    })
    const r = await runAction({
      fake,
      inputs: {
        accounts: `${A}\n${B}\n${C}\n`,
        'role-name': ROLE_NAME,
        'json-file': 'out/result.json',
        'remediation-file': 'out/fix.sh',
        'resolve-key-ids': 'true'
      }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    expect(failure(r)).toBe(
      `policy breached: failed: 1 of 3 accounts breaches the policy (${B}) — 1 high finding`
    )

    // One OIDC token for every role; each role in its own account.
    expect(fake.count('OidcToken')).toBe(1)
    const assumed = fake.requestsFor('AssumeRoleWithWebIdentity')
    expect(assumed.map(q => q.params.RoleArn).sort()).toEqual([roleOf(A), roleOf(B), roleOf(C)])
    for (const q of assumed) expect(q.params.WebIdentityToken).toBe(fake.tokens[0]!.jwt)
    for (const account of [A, B, C]) expectSignedByOwnSession(fake, account)
    expect(fake.requestsOf(C, 'ListAccessKeys')).toHaveLength(1)

    // Step outputs: the overall verdict and the sums.
    expectEveryDeclaredOutput(r)
    expect(r.outputs).toMatchObject({
      result: 'failed',
      'findings-count': '2',
      'critical-count': '0',
      'high-count': '1',
      'medium-count': '1',
      'low-count': '0',
      'exempted-count': '0',
      'account-id': `${A},${B},${C}`,
      'accounts-failed': '0',
      'json-file': 'out/result.json',
      'sarif-file': 'iam-credential-gate.sarif',
      'sarif-files': 'iam-credential-gate.sarif',
      'remediation-file': `out/fix-${A}.sh\nout/fix-${B}.sh\nout/fix-${C}.sh`
    })
    expect(r.outputs['report-generated-at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)

    // SARIF: one file, one run per account, each with its own category.
    const [sarif, ...more] = readSarifFiles(r)
    expect(more).toEqual([])
    const runs = sarif!.doc.runs
    expect(runs.map(run => run.automationDetails?.id)).toEqual([
      `iam-credential-gate/${A}/`,
      `iam-credential-gate/${B}/`,
      `iam-credential-gate/${C}/`
    ])
    expect(runs.map(run => run.results.map(x => x.ruleId))).toEqual([
      [],
      ['console-user-mfa'],
      ['access-key-rotation']
    ])
    expect(JSON.stringify(runs[1])).toContain(`aws-iam/${B}/user/dana`)

    // JSON: the overall verdict, then an entry per account in the single-account shape.
    const doc = readMultiJson(r, 'out/result.json')
    expect(doc).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'iam-credential-gate' },
      verdict: {
        result: 'failed',
        accounts: 3,
        accountsAudited: 3,
        accountsBreached: 1,
        accountsFailed: 0
      },
      counts: { critical: 0, high: 1, medium: 1, low: 0, exempted: 0, total: 2 },
      warnings: []
    })
    expect(doc.accounts.map(a => [a.accountId, a.roleArn])).toEqual([
      [A, roleOf(A)],
      [B, roleOf(B)],
      [C, roleOf(C)]
    ])
    for (const entry of doc.accounts) {
      expect(entry).not.toHaveProperty('error')
      expect(entry).not.toHaveProperty('schemaVersion')
      expect(entry).not.toHaveProperty('tool')
      if ('error' in entry) continue
      expect(entry.account.id).toBe(entry.accountId)
      expect(entry.report.source).toBe('aws')
    }
    const b = doc.accounts[1]!
    expect('error' in b ? null : b.findings.map(f => [f.ruleId, f.user])).toEqual([
      ['console-user-mfa', 'dana']
    ])

    // Summary: the overall verdict first, a row per account, each account collapsed.
    expect(summaryHeading(r)).toBe(
      `## ❌ IAM Credential Gate failed: 1 of 3 accounts breaches the policy (${B}) — 1 high finding`
    )
    expect(r.summary).toContain(`| \`${A}\` | ✅ passed | 0 | 0 | 0 | 0 | 0 |`)
    expect(r.summary).toContain(`| \`${B}\` | ❌ failed | 0 | 1 | 0 | 0 | 0 |`)
    expect(r.summary).toContain(`| \`${C}\` | ✅ passed | 0 | 0 | 1 | 0 | 0 |`)
    expect(r.summary.match(/<details><summary>[✅❌] \d{12}: /g)).toHaveLength(3)
    expect(r.summary).toContain(
      `<details><summary>❌ ${B}: failed: 1 high finding — console-user-mfa</summary>`
    )
    // Each account's own summary, one heading level down.
    expect(r.summary).toContain('### ❌ IAM Credential Gate failed: 1 high finding')

    // Annotations name their account; remediation scripts are per account.
    expect(r.annotations.filter(a => a.level === 'error' && a.title)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(new RegExp(`^\\[${B}\\] dana`)) })
    ])
    expect(r.readFile(`out/fix-${B}.sh`)).toContain(`AWS account ${B}`)
    expect(r.stdout).toContain(`[${C}] passed: no findings at or above high`)
  })

  it('reports an account that could not be audited and still audits the others', async () => {
    const fake = await startFake({
      accounts: {
        [A]: cleanAccount(A),
        [B]: {
          ...cleanAccount(B),
          faults: {
            AssumeRoleWithWebIdentity: [
              {
                status: 403,
                code: 'AccessDenied',
                message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity'
              }
            ]
          }
        },
        [C]: {
          ...cleanAccount(C),
          faults: { GenerateCredentialReport: [FAULT.accessDenied('iam:GenerateCredentialReport')] }
        },
        [D]: breachingAccount(D)
      }
    })
    const r = await runAction({
      fake,
      inputs: {
        accounts: [A, B, C, D].join('\n'),
        'role-name': ROLE_NAME,
        'json-file': 'r.json',
        // soft-fail covers breaches only: accounts that could not be audited still fail the step.
        'soft-fail': 'true'
      }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    expect(failure(r)).toBe(
      `error: 2 of 4 accounts could not be audited (${B}, ${C}); an account that could not be audited fails the step, also with soft-fail`
    )
    // One error annotation per account not audited, naming it and why.
    const notAudited = r.annotations.filter(a => a.title?.endsWith('not audited'))
    expect(notAudited.map(a => a.title)).toEqual([
      `Account ${B} not audited`,
      `Account ${C} not audited`
    ])
    expect(notAudited[0]!.message).toMatch(
      new RegExp(`^account ${B} could not be audited: not authorized to assume ${roleOf(B)} `)
    )
    expect(notAudited[1]!.message).toMatch(
      new RegExp(
        `^account ${C} could not be audited: access denied to iam:GenerateCredentialReport`
      )
    )
    expect(messages(r, 'warning')).toContain(
      `policy breached (soft-fail, the step passes on findings): failed: 1 of 4 accounts breaches the policy (${D}) — 1 high finding; 2 accounts could not be audited (${B}, ${C})`
    )

    // The others were audited and reported.
    expect(fake.requestsOf(B).filter(q => q.service === 'iam')).toEqual([])
    expectSignedByOwnSession(fake, A)
    expectSignedByOwnSession(fake, D)
    expect(r.outputs).toMatchObject({
      result: 'failed',
      'accounts-failed': '2',
      'high-count': '1',
      'account-id': `${A},${B},${C},${D}`
    })
    const doc = readMultiJson(r, 'r.json')
    expect(doc.verdict).toMatchObject({ result: 'failed', accountsAudited: 2, accountsFailed: 2 })
    expect(doc.accounts[1]).toEqual({
      accountId: B,
      roleArn: roleOf(B),
      error: expect.stringMatching(/^not authorized to assume .*AccessDenied/)
    })
    expect(doc.accounts[2]).toEqual({
      accountId: C,
      roleArn: roleOf(C),
      error: expect.stringMatching(/^access denied to iam:GenerateCredentialReport/)
    })
    for (const entry of doc.accounts) {
      if ('error' in entry) expect(entry.error).not.toMatch(/\n\s+at /)
    }
    const [sarif] = readSarifFiles(r)
    expect(sarif!.doc.runs.map(run => run.automationDetails?.id)).toEqual([
      `iam-credential-gate/${A}/`,
      `iam-credential-gate/${D}/`
    ])
    expect(r.summary).toContain(`| \`${B}\` | ⚠️ not audited | — |`)
    expect(r.summary).toContain(`### ⚠️ Accounts that could not be audited (2)`)
    expect(r.summary).toMatch(
      new RegExp(`- \`${C}\` \\(.*\\): access denied to iam:GenerateCredentialReport`)
    )
  })

  it('result is error, not passed, when the audited accounts pass but one could not be audited', async () => {
    const fake = await startFake({
      accounts: {
        [A]: cleanAccount(A),
        [B]: {
          ...cleanAccount(B),
          faults: { GetCredentialReport: [FAULT.accessDenied('iam:GetCredentialReport')] }
        }
      }
    })
    const r = await runAction({ fake, inputs: { accounts: `${A}\n${B}`, 'role-name': ROLE_NAME } })
    expect(r.code).toBe(1)
    expect(r.outputs).toMatchObject({ result: 'error', 'accounts-failed': '1' })
    expect(summaryHeading(r)).toBe(
      `## ⚠️ IAM Credential Gate error: 1 of 2 accounts could not be audited (${B}); no findings at or above high in the 1 other`
    )
  })

  it('a timeout in one account fails that account only', async () => {
    const fake = await startFake({
      accounts: {
        [A]: cleanAccount(A),
        [B]: { ...cleanAccount(B), faults: { GenerateCredentialReport: [FAULT.hang] } },
        [C]: mediumAccount(C)
      }
    })
    const r = await runAction({
      fake,
      inputs: {
        accounts: `${A}\n${B}\n${C}`,
        'role-name': ROLE_NAME,
        'report-timeout-seconds': '2',
        'json-file': 'r.json'
      }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    expect(r.durationMs).toBeLessThan(30_000)
    const doc = readMultiJson(r, 'r.json')
    expect(doc.accounts.map(a => ('error' in a ? 'error' : a.verdict.result))).toEqual([
      'passed',
      'error',
      'passed'
    ])
    expect(doc.accounts[1]).toMatchObject({
      accountId: B,
      error: expect.stringMatching(
        /^credential report not ready after 2 s \(last state: no answer to GenerateCredentialReport\)/
      )
    })
    expect(failure(r)).toContain(`could not be audited (${B})`)
    expect(r.outputs).toMatchObject({
      result: 'error',
      'accounts-failed': '1',
      'medium-count': '1'
    })
  })

  it('role chaining: the account roles are assumed from the first role’s session', async () => {
    const SOURCE = '999999999999'
    const sourceRole = roleOf(SOURCE, 'org-audit-hub')
    const fake = await startFake({
      accounts: { [SOURCE]: cleanAccount(SOURCE), [A]: breachingAccount(A), [B]: cleanAccount(B) }
    })
    const r = await runAction({
      fake,
      inputs: {
        'role-to-assume': sourceRole,
        'role-chaining': 'true',
        accounts: `${A}\n${B}`,
        'role-name': ROLE_NAME,
        'role-duration-seconds': '7200',
        'json-file': 'r.json'
      }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    expect(fake.count('OidcToken')).toBe(1)
    const web = fake.requestsFor('AssumeRoleWithWebIdentity')
    expect(web.map(q => q.params.RoleArn)).toEqual([sourceRole])
    const hub = fake.sessions.find(s => s.roleArn === sourceRole)!
    const chained = fake.requestsFor('AssumeRole')
    expect(chained.map(q => q.params.RoleArn).sort()).toEqual([roleOf(A), roleOf(B)])
    for (const q of chained) {
      // Signed with the first role's session key, and capped at AWS's one hour for chained sessions.
      expect({
        key: q.accessKeyId,
        signature: q.signature,
        token: q.headers['x-amz-security-token']
      }).toEqual({
        key: hub.accessKeyId,
        signature: 'valid',
        token: hub.sessionToken
      })
      expect(q.params.DurationSeconds).toBe('3600')
    }
    for (const account of [A, B]) {
      const session = fake.sessions.find(s => s.accountId === account)!
      expect(session).toMatchObject({ via: 'AssumeRole', sourceAccessKeyId: hub.accessKeyId })
      expectSignedByOwnSession(fake, account)
    }
    // The hub account itself is not audited.
    expect(fake.requestsOf(SOURCE).filter(q => q.service === 'iam')).toEqual([])
    const doc = readMultiJson(r, 'r.json')
    expect(doc.accounts.map(a => a.accountId)).toEqual([A, B])
    expect(r.outputs['account-id']).toBe(`${A},${B}`)
    expect(r.stdout).toContain('role chaining')
  })

  it('role chaining from the default credential chain (keys already in the environment)', async () => {
    const fake = await startFake({ accounts: { [A]: cleanAccount(A), [B]: cleanAccount(B) } })
    const r = await runAction({
      fake,
      staticCredentials: true,
      oidc: false,
      inputs: { 'role-chaining': 'true', accounts: `${A}\n${B}`, 'role-name': ROLE_NAME }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(0)
    expect(fake.count('OidcToken')).toBe(0)
    const chained = fake.requestsFor('AssumeRole')
    expect(chained).toHaveLength(2)
    for (const q of chained) {
      expect({ key: q.accessKeyId, signature: q.signature }).toEqual({
        key: FAKE_STATIC_CREDENTIALS.accessKeyId,
        signature: 'valid'
      })
    }
    expect(r.outputs).toMatchObject({ result: 'passed', 'accounts-failed': '0' })
  })

  it('several role ARNs in role-to-assume, each assumed with the OIDC token', async () => {
    const fake = await startFake({ accounts: { [A]: cleanAccount(A), [B]: cleanAccount(B) } })
    const r = await runAction({
      fake,
      inputs: { 'role-to-assume': `${roleOf(A, 'audit/reader')}\n\n${roleOf(B, 'reader')}\n` }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(0)
    expect(fake.count('OidcToken')).toBe(1)
    expect(
      fake
        .requestsFor('AssumeRoleWithWebIdentity')
        .map(q => q.params.RoleArn)
        .sort()
    ).toEqual([roleOf(A, 'audit/reader'), roleOf(B, 'reader')])
    expect(r.outputs).toMatchObject({ result: 'passed', 'account-id': `${A},${B}` })
    expect(summaryHeading(r)).toBe(
      '## ✅ IAM Credential Gate passed: no findings at or above high in 2 accounts'
    )
  })

  it('50 accounts, max-concurrency 4: never more than 4 at a time, every account reported', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => String(100000000001 + i))
    const accounts: Record<string, FakeAccountOptions> = {}
    ids.forEach((id, i) => (accounts[id] = i % 10 === 3 ? breachingAccount(id) : cleanAccount(id)))
    const fake = await startFake({
      accounts,
      // Slow enough that the audits overlap.
      latencyMs: { GenerateCredentialReport: 40, AssumeRoleWithWebIdentity: 20 }
    })
    const r = await runAction({
      fake,
      killAfterMs: 120_000,
      inputs: {
        accounts: ids.join('\n'),
        'role-name': ROLE_NAME,
        'max-concurrency': '4',
        'json-file': 'r.json',
        'sarif-file': 'sarif/iam.sarif'
      }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    for (const action of ['GenerateCredentialReport', 'AssumeRoleWithWebIdentity'] as const) {
      expect({ action, peak: fake.peakInFlight(action) <= 4 }).toEqual({ action, peak: true })
    }
    expect(fake.peakInFlight('GenerateCredentialReport')).toBeGreaterThanOrEqual(2)
    expect(fake.count('GenerateCredentialReport')).toBe(50)
    expect(fake.count('OidcToken')).toBe(1)

    const doc = readMultiJson(r, 'r.json')
    expect(doc.accounts.map(a => a.accountId)).toEqual(ids)
    expect(doc.accounts.filter(a => 'error' in a)).toEqual([])
    expect(doc.verdict).toMatchObject({ accounts: 50, accountsAudited: 50, accountsBreached: 5 })
    expect(r.outputs['account-id']!.split(',')).toEqual(ids)
    for (const id of ids) expect(r.summary).toContain(`| \`${id}\` |`)
    expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(900 * 1024)

    // SARIF split at GitHub's 20 runs per file.
    const files = readSarifFiles(r)
    expect(files.map(f => f.path)).toEqual([
      'sarif/iam.sarif',
      'sarif/iam-2.sarif',
      'sarif/iam-3.sarif'
    ])
    expect(files.map(f => f.doc.runs.length)).toEqual([20, 20, 10])
    const categories = files.flatMap(f => f.doc.runs.map(run => run.automationDetails?.id))
    expect(categories).toEqual(ids.map(id => `iam-credential-gate/${id}/`))
    expect(r.outputs['sarif-file']).toBe('sarif/iam.sarif')
    // At most 10 error annotations for the 5 breaching accounts and the failure itself.
    expect(r.annotations.filter(a => a.level === 'error' && a.title)).toHaveLength(5)
  }, 120_000)

  it('accounts that fail leave no call behind: max-concurrency bounds the requests in flight', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => String(200000000001 + i))
    const failing = ids.filter((_, i) => i % 2 === 0)
    const accounts: Record<string, FakeAccountOptions> = {}
    for (const id of ids) {
      accounts[id] = failing.includes(id)
        ? {
            ...cleanAccount(id),
            faults: {
              GenerateCredentialReport: [FAULT.accessDenied('iam:GenerateCredentialReport')]
            }
          }
        : cleanAccount(id)
    }
    const FACTS = [
      'GetAccountSummary',
      'ListVirtualMFADevices',
      'GetAccountPasswordPolicy'
    ] as const
    const fake = await startFake({
      accounts,
      // The account checks are still under way when the report is refused.
      latencyMs: {
        GetAccountSummary: 150,
        ListVirtualMFADevices: 150,
        GetAccountPasswordPolicy: 150
      }
    })
    const r = await runAction({
      fake,
      killAfterMs: 60_000,
      inputs: {
        accounts: ids.join('\n'),
        'role-name': ROLE_NAME,
        'max-concurrency': '3',
        'json-file': 'r.json'
      }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    expect(r.outputs['accounts-failed']).toBe(String(failing.length))
    for (const action of [...FACTS, 'GenerateCredentialReport'] as const) {
      expect({ action, peak: fake.peakInFlight(action) <= 3 }).toEqual({ action, peak: true })
    }
    // Each check asked once per account: an abandoned call is not sent again.
    for (const id of ids) {
      for (const action of FACTS) {
        expect({ id, action, calls: fake.requestsOf(id, action).length }).toEqual({
          id,
          action,
          calls: 1
        })
      }
    }
  }, 60_000)

  it('an exemption limited to one account applies in that account only', async () => {
    const policy = [
      'version: 1',
      'exemptions:',
      '  - rules: [console-user-mfa]',
      '    users: [dana]',
      "    reason: 'Break-glass user in the sandbox, SEC-7'",
      '    expires: 2099-12-31',
      `    accounts: ['${A}']`,
      '  - rules: [console-user-mfa]',
      '    users: [nobody]',
      "    reason: 'Matches nothing anywhere'",
      '    expires: 2099-12-31',
      `    accounts: ['${B}']`,
      '  - rules: [console-user-mfa]',
      '    users: [dana]',
      "    reason: 'For an account another job audits'",
      '    expires: 2099-12-31',
      "    accounts: ['555555555555']",
      ''
    ].join('\n')
    const fake = await startFake({
      accounts: { [A]: breachingAccount(A), [B]: breachingAccount(B) }
    })
    const r = await runAction({
      fake,
      files: { '.github/iam-credential-policy.yml': policy },
      inputs: { accounts: `${A}\n${B}`, 'role-name': ROLE_NAME, 'json-file': 'r.json' }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    const doc = readMultiJson(r, 'r.json')
    const findings = doc.accounts.map(a =>
      'error' in a ? null : a.findings.map(f => [f.ruleId, f.user, f.exempted])
    )
    expect(findings).toEqual([
      [['console-user-mfa', 'dana', true]],
      [['console-user-mfa', 'dana', false]]
    ])
    expect(r.outputs).toMatchObject({ 'exempted-count': '1', 'high-count': '1', result: 'failed' })
    expect(failure(r)).toBe(
      `policy breached: failed: 1 of 2 accounts breaches the policy (${B}) — 1 high finding`
    )
    // The exemption for B that matches nothing is stale once for the run; the one for an
    // account this run did not audit is not judged; the per-account entries carry no policy warning.
    expect(doc.warnings.map(w => [w.kind, w.line])).toEqual([['stale-exemption', 8]])
    for (const entry of doc.accounts) {
      if (!('error' in entry)) expect(entry.warnings).toEqual([])
    }
    const staleAnnotations = r.annotations.filter(a => a.title === 'Exemption matches nothing')
    expect(staleAnnotations).toEqual([
      expect.objectContaining({ file: '.github/iam-credential-policy.yml', line: 8 })
    ])
    expect(r.summary).toContain('### ⚠️ Policy warnings (1)')
  })

  it('rejects inconsistent account inputs before any call', async () => {
    const fake = await startFake()
    const cases: [Record<string, string>, RegExp][] = [
      [{ accounts: A }, /^error: input accounts needs role-name/],
      [{ 'role-name': ROLE_NAME }, /^error: input role-name is used only with accounts/],
      [
        { accounts: `${A}\n12345`, 'role-name': ROLE_NAME },
        /12-digit AWS account ids.*got '12345'/
      ],
      [
        { accounts: `${A}\n${A}`, 'role-name': ROLE_NAME },
        new RegExp(`account ${A} is listed twice`)
      ],
      [
        { 'role-to-assume': roleOf(A), 'role-chaining': 'true' },
        /role-chaining needs the roles to assume/
      ],
      [
        { accounts: A, 'role-name': ROLE_NAME, 'max-concurrency': '0' },
        /max-concurrency must be a whole number from 1 to 64/
      ]
    ]
    for (const [inputs, message] of cases) {
      const r = await runAction({ fake, inputs })
      expect({ inputs, code: r.code, failure: failure(r) }).toEqual({
        inputs,
        code: 1,
        failure: expect.stringMatching(message)
      })
      expect(r.outputs).toEqual({ result: 'error' })
    }
    expect(fake.requests).toEqual([])
  })
})
