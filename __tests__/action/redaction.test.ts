/**
 * End to end, `redact: users` and `mask-aws-account-id`: what a public
 * repository's readers can see (log, summary, SARIF, JSON, step outputs)
 * names no IAM user, while the remediation script keeps the real names; and
 * the account id is masked before the log first mentions it.
 */
import { describe, expect, it } from '@jest/globals'
import type { FakeAccountOptions } from '../support/fake-aws.js'
import { reportCsv, rootRow, userRow } from '../support/report-csv.js'
import type { ReportRow } from '../support/report-csv.js'
import {
  ACCOUNT,
  consoleUserWithoutMfa,
  daysAgo,
  expectCleanStderr,
  keyUser,
  readSarif,
  ROLE,
  startFake
} from './helpers.js'
import type { ActionResult } from './run-action.js'
import { failure, runAction } from './run-action.js'

/** Distinctive names: none of them is a word the outputs use anyway. */
const DANA = 'dana.fairweather'
const ERIN = 'erin-kowalczyk'
const CLEAN = 'svc-zephyr-batch'
const USERS = [DANA, ERIN, CLEAN]

const rows = (): ReportRow[] => [
  rootRow({ password_last_used: daysAgo(200) }),
  consoleUserWithoutMfa(DANA),
  keyUser(ERIN, 120),
  userRow(CLEAN, { user_creation_time: daysAgo(400) })
]

const ERIN_KEY = 'AKIAERINKOWALCZYK001'
const FILES = {
  'json-file': 'out/r.json',
  'sarif-file': 'out/r.sarif',
  'remediation-file': 'out/fix.sh'
}

/** Every public text the step leaves: log, summary, outputs, JSON and SARIF. */
function publicTexts(r: ActionResult): Record<string, string> {
  const texts: Record<string, string> = {
    stdout: r.stdout,
    stderr: r.stderr,
    summary: r.summary,
    GITHUB_OUTPUT: r.outputFile
  }
  // The remediation script is not public; an input file is the user's own.
  for (const f of r.files) if (f.startsWith('out/') && !f.includes('fix')) texts[f] = r.readFile(f)
  return texts
}

function expectNoUserNames(r: ActionResult, account = ACCOUNT, users = USERS): void {
  const secrets = [...users, ...users.map(u => `arn:aws:iam::${account}:user/${u}`), ERIN_KEY]
  for (const [where, text] of Object.entries(publicTexts(r))) {
    const lower = text.toLowerCase()
    const found = secrets.filter(s => lower.includes(s.toLowerCase()))
    expect({ where, found }).toEqual({ where, found: [] })
  }
}

describe('redact: users', () => {
  it('names no user in the log, summary, SARIF, JSON or outputs; the remediation script does', async () => {
    const fake = await startFake({
      report: reportCsv(rows()),
      accessKeys: { [ERIN]: [{ accessKeyId: ERIN_KEY, createDate: daysAgo(120) }] }
    })
    const r = await runAction({
      fake,
      inputs: {
        'role-to-assume': ROLE,
        redact: 'users',
        'soft-fail': 'true',
        'resolve-key-ids': 'true',
        ...FILES
      }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(0)
    expect(r.files.sort()).toEqual(['out/fix.sh', 'out/r.json', 'out/r.sarif'])
    expectNoUserNames(r)

    // Stable tokens stand in for the names.
    const doc = JSON.parse(r.readFile('out/r.json')) as {
      findings: { user: string; arn: string; keyId: string | null }[]
    }
    expect(doc.findings.map(f => f.user).sort()).toEqual([
      expect.stringMatching(/^user-[0-9a-f]{8}$/),
      expect.stringMatching(/^user-[0-9a-f]{8}$/)
    ])
    for (const f of doc.findings) {
      expect(f.arn).toBe(`arn:aws:iam::${ACCOUNT}:user/${f.user}`)
    }
    expect(doc.findings.map(f => f.keyId)).toContain('AKIA…K001')
    const sarif = readSarif(r, 'out/r.sarif')
    expect(sarif.runs[0]!.automationDetails?.id).toBe(`iam-credential-gate/${ACCOUNT}/`)
    expect(r.summary).toMatch(/user-[0-9a-f]{8}/)

    // The remediation script must run: it names the real users and key.
    const script = r.readFile('out/fix.sh')
    expect(script).toContain(DANA)
    expect(script).toContain(ERIN_KEY)
    // The account id is not redacted.
    expect(r.outputs['account-id']).toBe(ACCOUNT)
  })

  it('the tokens do not depend on the mode of the other outputs, and none is the default', async () => {
    const fake = await startFake({ report: reportCsv(rows()) })
    const plain = await runAction({ fake, inputs: { 'role-to-assume': ROLE, ...FILES } })
    expect(plain.readFile('out/r.json')).toContain(DANA)
    expect(plain.summary).toContain(DANA)
  })

  it('redacts user names in a failure message (a report that does not parse)', async () => {
    const csv = reportCsv([rootRow(), userRow(DANA), userRow(DANA.toUpperCase())])
    const fake = await startFake()
    const r = await runAction({
      fake,
      staticCredentials: true,
      files: { 'report.csv': csv },
      inputs: { 'report-file': 'report.csv', redact: 'users' }
    })
    expect(r.code).toBe(1)
    expect(failure(r)).toMatch(/^error: .*user 'user-[0-9a-f]{8}' duplicates 'user-[0-9a-f]{8}'/)
    expectNoUserNames(r, ACCOUNT, [DANA])
  })

  it('works across accounts: each account’s users are replaced', async () => {
    const A = '111111111111'
    const B = '222222222222'
    const account = (id: string): FakeAccountOptions => ({
      report: reportCsv(rows()).replaceAll(`:${ACCOUNT}:`, `:${id}:`)
    })
    const fake = await startFake({ accounts: { [A]: account(A), [B]: account(B) } })
    const r = await runAction({
      fake,
      inputs: {
        accounts: `${A}\n${B}`,
        'role-name': 'gate',
        redact: 'users',
        'soft-fail': 'true',
        ...FILES
      }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(0)
    expectNoUserNames(r, A)
    expectNoUserNames(r, B)
    expect(r.readFile(`out/fix-${A}.sh`)).toContain(DANA)
    // A user's token is per account: the same name in two accounts is two principals.
    const doc = JSON.parse(r.readFile('out/r.json')) as {
      accounts: { findings: { ruleId: string; user: string }[] }[]
    }
    const danaToken = (i: number) =>
      doc.accounts[i]!.findings.find(f => f.ruleId === 'console-user-mfa')!.user
    expect(danaToken(0)).toMatch(/^user-[0-9a-f]{8}$/)
    expect(danaToken(0)).not.toBe(danaToken(1))
  })

  it('rejects an unknown mode', async () => {
    const r = await runAction({ inputs: { 'report-file': 'x.csv', redact: 'all' } })
    expect(r.code).toBe(1)
    expect(failure(r)).toBe("error: input redact must be one of none, users; got 'all'")
  })
})

describe('mask-aws-account-id', () => {
  /** The `::add-mask::` line of `id` comes before every other stdout line that mentions it. */
  function expectMaskedFirst(r: ActionResult, id: string): void {
    const lines = r.stdout.split('\n')
    const mask = lines.indexOf(`::add-mask::${id}`)
    const first = lines.findIndex(l => l.includes(id))
    expect({ id, mask, first }).toEqual({ id, mask: first, first: expect.any(Number) })
    expect(mask).toBeGreaterThanOrEqual(0)
  }

  it('masks the account before any log line names it; the summary shows ***', async () => {
    const fake = await startFake({ report: reportCsv(rows()) })
    const r = await runAction({
      fake,
      inputs: { 'role-to-assume': ROLE, 'mask-aws-account-id': 'true', ...FILES },
      env: { RUNNER_DEBUG: '1' }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`assumed arn:aws:sts::${ACCOUNT}:assumed-role/`)
    expectMaskedFirst(r, ACCOUNT)
    expect(r.summary).not.toContain(ACCOUNT)
    expect(r.summary).toContain('- **Account:** `***`')
    // SARIF and the account-id output keep it.
    expect(r.outputs['account-id']).toBe(ACCOUNT)
    expect(readSarif(r, 'out/r.sarif').runs[0]!.automationDetails?.id).toBe(
      `iam-credential-gate/${ACCOUNT}/`
    )
  })

  it('masks an account learned only from the report (default credential chain)', async () => {
    const fake = await startFake({ report: reportCsv(rows()) })
    const r = await runAction({
      fake,
      staticCredentials: true,
      inputs: { 'mask-aws-account-id': 'true', 'soft-fail': 'true' }
    })
    expect(r.code).toBe(0)
    expectMaskedFirst(r, ACCOUNT)
    expect(r.summary).not.toContain(ACCOUNT)
  })

  it('masks every account of a multi-account run, and in an error summary', async () => {
    const A = '111111111111'
    const B = '222222222222'
    const fake = await startFake({
      accounts: {
        [A]: { report: reportCsv([rootRow()]).replaceAll(`:${ACCOUNT}:`, `:${A}:`) },
        [B]: {
          faults: {
            AssumeRoleWithWebIdentity: [{ status: 403, code: 'AccessDenied', message: 'no' }]
          }
        }
      }
    })
    const r = await runAction({
      fake,
      inputs: { accounts: `${A}\n${B}`, 'role-name': 'gate', 'mask-aws-account-id': 'true' }
    })
    expect(r.code).toBe(1)
    for (const id of [A, B]) {
      expectMaskedFirst(r, id)
      expect(r.summary).not.toContain(id)
    }
    expect(r.outputs['account-id']).toBe(`${A},${B}`)

    const refused = await startFake({ trust: { sub: 'repo:octo-org/other:*' } })
    const e = await runAction({
      fake: refused,
      inputs: { 'role-to-assume': ROLE, 'mask-aws-account-id': 'true' }
    })
    expect(e.code).toBe(1)
    expectMaskedFirst(e, ACCOUNT)
    expect(e.summary).toContain('could not run')
    expect(e.summary).not.toContain(ACCOUNT)
  })
})
