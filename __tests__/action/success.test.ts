/**
 * End to end, a live audit that works: OIDC role, report, account facts, key
 * ids, every output; the request count does not grow with the account.
 */
import { describe, expect, it } from '@jest/globals'
import { TEST_NOW } from '../support/clock.js'
import { FAKE_STATIC_CREDENTIALS } from '../support/fake-aws.js'
import { reportCsv, reportWithUsers, rootRow } from '../support/report-csv.js'
import {
  ACCOUNT,
  cleanReport,
  consoleUserWithoutMfa,
  daysAgo,
  expectCleanStderr,
  expectEveryDeclaredOutput,
  expectOutputsMatchJson,
  keyUser,
  OIDC_AUDIT_CALLS,
  readJson,
  readSarif,
  ROLE,
  startFake,
  SUB,
  summaryHeading,
  tally
} from './helpers.js'
import { messages, runAction } from './run-action.js'

describe('a live audit through GitHub OIDC', () => {
  it('assumes the role with the OIDC token and writes every output', async () => {
    const fake = await startFake({
      report: reportCsv([
        rootRow({ password_last_used: daysAgo(200) }),
        keyUser('erin', 120),
        consoleUserWithoutMfa('dana')
      ]),
      accessKeys: { erin: [{ accessKeyId: 'AKIAERIN000000000001', createDate: daysAgo(120) }] }
    })
    const r = await runAction({
      fake,
      inputs: {
        'role-to-assume': ROLE,
        'json-file': 'out/result.json',
        'soft-fail': 'true',
        'resolve-key-ids': 'true'
      }
    })

    expectCleanStderr(r)
    expect(r.code).toBe(0)
    // The OIDC token was asked for with the audience, and handed to STS.
    expect(tally(fake)).toEqual({ ...OIDC_AUDIT_CALLS, ListAccessKeys: 1 })
    expect(fake.count()).toBe(8)
    const [tokenRequest] = fake.requestsFor('OidcToken')
    expect(tokenRequest?.params).toMatchObject({
      'api-version': '2.0',
      audience: 'sts.amazonaws.com'
    })
    expect(tokenRequest?.headers.authorization).toBe(`Bearer ${fake.oidcRequestToken}`)
    const [token] = fake.tokens
    const [assume] = fake.requestsFor('AssumeRoleWithWebIdentity')
    expect(assume?.params).toMatchObject({
      RoleArn: ROLE,
      RoleSessionName: 'iam-credential-gate',
      DurationSeconds: '900',
      WebIdentityToken: token?.jwt
    })
    expect(token?.claims.sub).toBe(SUB)
    // Every IAM call was signed by the assumed role's session key.
    const [session] = fake.sessions
    const iam = fake.requests.filter(q => q.service === 'iam')
    expect(iam).toHaveLength(6)
    for (const q of iam) {
      expect({ action: q.action, key: q.accessKeyId, signature: q.signature }).toEqual({
        action: q.action,
        key: session?.accessKeyId,
        signature: 'valid'
      })
      expect(q.credentialScope).toMatch(/\/us-east-1\/iam\/aws4_request$/)
    }

    // Outputs, from the GITHUB_OUTPUT file.
    expectEveryDeclaredOutput(r)
    expect(r.outputs).toMatchObject({
      result: 'failed',
      'findings-count': '2',
      'critical-count': '0',
      'high-count': '1',
      'medium-count': '1',
      'low-count': '0',
      'exempted-count': '0',
      'account-id': ACCOUNT,
      'json-file': 'out/result.json',
      'sarif-file': 'iam-credential-gate.sarif',
      'remediation-file': ''
    })
    expect(r.outputs['report-generated-at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    const doc = readJson(r, 'out/result.json')
    expectOutputsMatchJson(r, doc)
    expect(doc.report).toMatchObject({ source: 'aws', file: null, userCount: 2 })
    expect(doc.policy).toMatchObject({ source: 'built-in', failOnSeverity: 'high' })
    expect(doc.notEvaluated).toEqual([])

    // SARIF: valid, one run for the account, a result per finding.
    const sarif = readSarif(r, 'iam-credential-gate.sarif')
    expect(sarif.runs).toHaveLength(1)
    expect(sarif.runs[0]?.automationDetails?.id).toBe(`iam-credential-gate/${ACCOUNT}/`)
    expect(sarif.runs[0]?.results.map(x => x.ruleId).sort()).toEqual([
      'access-key-rotation',
      'console-user-mfa'
    ])

    // The summary leads with the verdict; annotations, then the soft-fail warning.
    expect(summaryHeading(r)).toBe(
      '## ❌ IAM Credential Gate failed: 1 high finding — console-user-mfa'
    )
    expect(r.summary).toContain('fetched from AWS')
    expect(r.summary).toContain('AKIAERIN000000000001')
    expect(r.annotations.filter(a => a.level === 'error')).toEqual([
      expect.objectContaining({ title: expect.stringContaining('high console-user-mfa') })
    ])
    expect(messages(r, 'warning')).toEqual([
      'policy breached (soft-fail, the step passes): failed: 1 high finding — console-user-mfa'
    ])
    expect(messages(r, 'notice')).toEqual([
      expect.stringContaining('No policy file at .github/iam-credential-policy.yml'),
      '1 finding below fail-on-severity (high) that is not annotated: see the job summary and code scanning (SARIF).'
    ])
  })

  it('passes a clean account: result passed, exit 0, no error annotation', async () => {
    const fake = await startFake({ report: cleanReport() })
    const r = await runAction({ fake, inputs: { 'role-to-assume': ROLE } })
    expect(r.code).toBe(0)
    expect(tally(fake)).toEqual(OIDC_AUDIT_CALLS)
    expect(r.outputs).toMatchObject({ result: 'passed', 'findings-count': '0' })
    expect(summaryHeading(r)).toBe('## ✅ IAM Credential Gate passed: no findings at or above high')
    expect(r.annotations.filter(a => a.level !== 'notice')).toEqual([])
    expect(r.stdout).toContain('passed: no findings at or above high')
  })

  it('passes audience, role-session-name, role-duration-seconds and aws-region through', async () => {
    const fake = await startFake({ report: cleanReport() })
    const r = await runAction({
      fake,
      inputs: {
        'role-to-assume': ROLE,
        audience: 'https://github.com/octo-org',
        'role-session-name': 'nightly-audit',
        'role-duration-seconds': '3600',
        'aws-region': 'eu-west-1'
      }
    })
    expect(r.code).toBe(0)
    expect(tally(fake)).toEqual(OIDC_AUDIT_CALLS)
    expect(fake.requestsFor('OidcToken')[0]?.params.audience).toBe('https://github.com/octo-org')
    expect(fake.requestsFor('AssumeRoleWithWebIdentity')[0]?.params).toMatchObject({
      RoleSessionName: 'nightly-audit',
      DurationSeconds: '3600'
    })
    for (const q of fake.requests.filter(x => x.service === 'iam')) {
      expect(q.credentialScope).toMatch(/\/eu-west-1\/iam\/aws4_request$/)
    }
  })

  it('uses the default credential chain (ambient keys) without role-to-assume', async () => {
    const fake = await startFake({ report: cleanReport() })
    const r = await runAction({ fake, staticCredentials: true, oidc: false })
    expect(r.code).toBe(0)
    const { OidcToken: _o, AssumeRoleWithWebIdentity: _a, ...iamOnly } = OIDC_AUDIT_CALLS
    expect(tally(fake)).toEqual(iamOnly)
    for (const q of fake.requests) {
      expect([q.accessKeyId, q.signature]).toEqual([FAKE_STATIC_CREDENTIALS.accessKeyId, 'valid'])
    }
    expect(r.outputs.result).toBe('passed')
  })
})

describe('access key ids', () => {
  it('resolves key ids only for users with access-key findings, into JSON and the remediation script', async () => {
    // One timestamp for the report slot and the listed key, so they pair by creation date.
    const [erinKey, frankKey1, frankKey2] = [daysAgo(120), daysAgo(100), daysAgo(60)]
    const fake = await startFake({
      report: reportCsv([
        rootRow({ password_last_used: daysAgo(200) }),
        // access-key-rotation on key 1 (paired by creation date, though listed second).
        keyUser('erin', 120, { access_key_1_last_rotated: erinKey }),
        // Both slots: rotation on key 1, unused key 2 (never used, created 60 days ago).
        keyUser('frank', 100, {
          access_key_1_last_rotated: frankKey1,
          access_key_2_active: 'true',
          access_key_2_last_rotated: frankKey2
        }),
        // A finding, but not on an access key: no lookup.
        consoleUserWithoutMfa('dana'),
        // A key without a finding: no lookup.
        keyUser('gina', 10)
      ]),
      accessKeys: {
        erin: [
          { accessKeyId: 'AKIAERINNEW000000002', createDate: daysAgo(5), status: 'Inactive' },
          { accessKeyId: 'AKIAERIN000000000001', createDate: erinKey }
        ],
        frank: [
          { accessKeyId: 'AKIAFRANK00000000002', createDate: frankKey2 },
          { accessKeyId: 'AKIAFRANK00000000001', createDate: frankKey1 }
        ],
        dana: [],
        gina: [{ accessKeyId: 'AKIAGINA000000000001', createDate: daysAgo(10) }]
      }
    })
    const r = await runAction({
      fake,
      inputs: {
        'role-to-assume': ROLE,
        'json-file': 'result.json',
        'remediation-file': 'remediate.sh',
        'fail-on-severity': 'none',
        'resolve-key-ids': 'true'
      }
    })
    expect(r.code).toBe(0)
    expect(
      fake
        .requestsFor('ListAccessKeys')
        .map(q => q.params.UserName)
        .sort()
    ).toEqual(['erin', 'frank'])
    expect(fake.count()).toBe(9)

    const doc = readJson(r, 'result.json')
    const keyed = doc.findings
      .filter(f => f.credential?.startsWith('access_key'))
      .map(f => [f.ruleId, f.user, f.credential, f.keyId])
      .sort()
    expect(keyed).toEqual([
      ['access-key-rotation', 'erin', 'access_key_1', 'AKIAERIN000000000001'],
      ['access-key-rotation', 'frank', 'access_key_1', 'AKIAFRANK00000000001'],
      ['unused-access-key', 'frank', 'access_key_2', 'AKIAFRANK00000000002']
    ])
    expect(doc.warnings).toEqual([])
    const script = r.readFile('remediate.sh')
    expect(script).toContain('AKIAERIN000000000001')
    expect(script).toContain('AKIAFRANK00000000002')
    expect(script).not.toContain('AKIAGINA000000000001')
    expect(r.outputs['remediation-file']).toBe('remediate.sh')
  })

  it('skips the lookup when resolve-key-ids is false', async () => {
    const fake = await startFake({
      report: reportCsv([rootRow({ password_last_used: daysAgo(200) }), keyUser('erin', 120)]),
      accessKeys: { erin: [{ accessKeyId: 'AKIAERIN000000000001', createDate: daysAgo(120) }] }
    })
    const r = await runAction({
      fake,
      inputs: { 'role-to-assume': ROLE, 'json-file': 'r.json', 'resolve-key-ids': 'false' }
    })
    expect(r.code).toBe(0)
    expect(tally(fake)).toEqual(OIDC_AUDIT_CALLS)
    expect(readJson(r, 'r.json').findings.map(f => f.keyId)).toEqual([null])
  })
})

describe('request count', () => {
  it('is the same for 5 users and for 5,000 users with access-key findings, by default', async () => {
    const counts: Record<string, number>[] = []
    for (const users of [5, 5000]) {
      const fake = await startFake({ report: reportWithUsers(users) })
      const r = await runAction({
        fake,
        inputs: {
          'role-to-assume': ROLE,
          'json-file': 'r.json',
          'remediation-file': 'fix.sh',
          'soft-fail': 'true'
        }
      })
      expect(r.code).toBe(0)
      const doc = readJson(r, 'r.json')
      expect(doc.report.userCount).toBe(users)
      const keyFindings = doc.findings.filter(f => f.credential === 'access_key_1')
      expect(keyFindings.length).toBeGreaterThanOrEqual(users)
      // The script looks every key's id up itself when it runs.
      const lookups = r.readFile('fix.sh').match(/^key_id=\$\(access_key_id /gm) ?? []
      expect(lookups).toHaveLength(users)
      counts.push(tally(fake))
    }
    expect(counts[0]).toEqual(OIDC_AUDIT_CALLS)
    expect(counts[1]).toEqual(counts[0])
  })
})

describe('report age', () => {
  it('warns when the report is older than max-report-age-hours', async () => {
    const generated = new Date(TEST_NOW - 30 * 3_600_000)
    const fake = await startFake({ report: cleanReport(), reportGeneratedAt: generated })
    const r = await runAction({
      fake,
      inputs: { 'role-to-assume': ROLE, 'max-report-age-hours': '24', 'json-file': 'r.json' }
    })
    expect(r.code).toBe(0)
    expect(tally(fake)).toEqual(OIDC_AUDIT_CALLS)
    expect(r.outputs['report-generated-at']).toBe(generated.toISOString().replace(/\.\d{3}Z$/, 'Z'))
    const warning = r.annotations.find(a => a.level === 'warning')
    expect(warning).toMatchObject({ title: 'Credential report' })
    expect(warning?.message).toMatch(/30 hours ago, more than max-report-age-hours \(24\)/)
    expect(readJson(r, 'r.json').warnings).toEqual([{ kind: 'report', message: warning?.message }])
    expect(r.summary).toContain('more than max-report-age-hours (24)')
    expect(r.outputs.result).toBe('passed')
  })

  it('does not warn about a report younger than the limit', async () => {
    const fake = await startFake({
      report: cleanReport(),
      reportGeneratedAt: new Date(TEST_NOW - 2 * 3_600_000)
    })
    const r = await runAction({ fake, inputs: { 'role-to-assume': ROLE } })
    expect(r.code).toBe(0)
    expect(messages(r, 'warning')).toEqual([])
  })
})
