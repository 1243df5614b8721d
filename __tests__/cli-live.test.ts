/**
 * The CLI without --report audits a live account: the bundled CLI as a
 * child process, the real AWS SDK talking HTTP to the local fake IAM/STS.
 */
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cleanReport, keyUser, startFake, tally } from './action/helpers.js'
import { ACTION_NODE, REPO_ROOT, shiftedClock } from './action/run-action.js'
import { fakeAwsEnv, useFakeAwsEnv } from './support/aws-env.js'
import { TEST_NOW_ISO } from './support/clock.js'
import type { FakeAws } from './support/fake-aws.js'
import { FAKE_STATIC_CREDENTIALS, FAULT } from './support/fake-aws.js'
import { reportCsv, rootRow } from './support/report-csv.js'

const CLI = join(REPO_ROOT, 'dist', 'cli', 'index.js')
const LIVE_CALLS = {
  GenerateCredentialReport: 1,
  GetCredentialReport: 1,
  GetAccountSummary: 1,
  ListVirtualMFADevices: 1,
  GetAccountPasswordPolicy: 1
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

async function cli(
  fake: FakeAws,
  args: string[],
  options: { staticCredentials?: boolean; extra?: Record<string, string | undefined> } = {}
): Promise<Run> {
  const env = fakeAwsEnv(
    fake,
    { staticCredentials: options.staticCredentials ?? true, oidc: false, extra: options.extra },
    { PATH: process.env.PATH, HOME: tmpdir(), ...shiftedClock(process.env) }
  )
  const child = spawn(ACTION_NODE, [CLI, '--now', TEST_NOW_ISO, ...args], { env, stdio: 'pipe' })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  return { code, stdout, stderr }
}

const breachingReport = () => reportCsv([rootRow(), keyUser('old-key', 200)])

describe('the CLI audits a live account without --report', () => {
  it('the default credential chain: the same calls as the action, JSON on stdout, progress on stderr', async () => {
    const fake = await startFake({ report: breachingReport() })
    const r = await cli(fake, ['--format', 'json', '--fail-on-severity', 'medium'])
    expect(r.code).toBe(1)
    expect(tally(fake)).toEqual(LIVE_CALLS)
    expect(fake.requests.every(q => q.accessKeyId === FAKE_STATIC_CREDENTIALS.accessKeyId)).toBe(
      true
    )
    const doc = JSON.parse(r.stdout) as {
      report: { source: string; generatedAt: string | null }
      findings: { ruleId: string; user: string }[]
      notEvaluated: unknown[]
    }
    expect(doc.report.source).toBe('aws')
    expect(doc.report.generatedAt).toBe(TEST_NOW_ISO)
    expect(doc.findings.map(f => [f.ruleId, f.user])).toContainEqual([
      'access-key-rotation',
      'old-key'
    ])
    // The account checks ran: nothing is "not evaluated" for want of a live account.
    expect(doc.notEvaluated).toEqual([])
    expect(r.stderr).toContain('iam-credential-gate: credential report generated at')
    expect(r.stderr).toContain('iam-credential-gate: policy breached: failed:')
  })

  it('--profile reads the shared credentials file', async () => {
    const fake = await startFake({ report: cleanReport() })
    const dir = await mkdtemp(join(tmpdir(), 'icg-profile-'))
    try {
      const credentials = join(dir, 'credentials')
      await writeFile(
        credentials,
        `[auditor]\naws_access_key_id = ${FAKE_STATIC_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${FAKE_STATIC_CREDENTIALS.secretAccessKey}\n`
      )
      const r = await cli(fake, ['--profile', 'auditor'], {
        staticCredentials: false,
        extra: { AWS_SHARED_CREDENTIALS_FILE: credentials }
      })
      expect(r.stderr).not.toContain('error')
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(/^Verdict: passed/m)
      expect(tally(fake)).toEqual(LIVE_CALLS)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('--role-arn assumes a role in another account from the chain and audits that account', async () => {
    const other = '210987654321'
    const fake = await startFake({
      accounts: { [other]: { report: breachingReport().replace(/123456789012/g, other) } }
    })
    const r = await cli(fake, [
      '--role-arn',
      `arn:aws:iam::${other}:role/auditor`,
      '--format',
      'json',
      '--soft-fail'
    ])
    expect(r.stderr).not.toContain('error')
    expect(r.code).toBe(0)
    expect(tally(fake)).toEqual({ AssumeRole: 1, ...LIVE_CALLS })
    const doc = JSON.parse(r.stdout) as { account: { id: string } }
    expect(doc.account.id).toBe(other)
  })

  it('an access failure exits 3 with one message and no stack', async () => {
    const fake = await startFake({
      faults: { GenerateCredentialReport: [FAULT.accessDenied('iam:GenerateCredentialReport')] }
    })
    const r = await cli(fake, [])
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(
      /^iam-credential-gate: error: access denied to iam:GenerateCredentialReport: /m
    )
    expect(r.stderr).not.toMatch(/^\s+at /m)
    expect(r.stdout).toBe('')
  })

  it('no credentials anywhere: exit 3, saying how to sign in', async () => {
    const fake = await startFake()
    const r = await cli(fake, [], { staticCredentials: false })
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(
      /^iam-credential-gate: error: no AWS credentials from the default AWS credential chain: .*Sign in first \(aws sso login\)/m
    )
    expect(fake.requests).toEqual([])
  })

  it('live-audit flags with --report, and bad values, are bad input (exit 2) before any call', async () => {
    const fake = await startFake()
    const withReport = await cli(fake, ['--report', 'x.csv', '--profile', 'p'])
    expect(withReport.code).toBe(2)
    expect(withReport.stderr).toBe(
      'iam-credential-gate: error: --profile is for a live audit, without --report; a report file is audited as it is\n'
    )
    const badArn = await cli(fake, ['--role-arn', 'auditor'])
    expect(badArn.code).toBe(2)
    expect(badArn.stderr).toMatch(/error: --role-arn must be an IAM role ARN/)
    const badTimeout = await cli(fake, ['--report-timeout-seconds', '0'])
    expect(badTimeout.code).toBe(2)
    expect(badTimeout.stderr).toContain(
      "--report-timeout-seconds must be a whole number from 1 to 3600; got '0'"
    )
    expect(fake.requests).toEqual([])
  })
})

describe('the live audit in-process (the same code as the bundle, measured by coverage)', () => {
  async function inProcess(fake: FakeAws, argv: string[]) {
    const { runCli } = await import('../src/cli.js')
    const restore = useFakeAwsEnv(fake, { oidc: false })
    let stdout = ''
    let stderr = ''
    try {
      const code = await runCli(['--now', TEST_NOW_ISO, ...argv], {
        stdout: t => {
          stdout += t
        },
        stderr: t => {
          stderr += t
        },
        now: () => Date.parse(TEST_NOW_ISO)
      })
      return { code, stdout, stderr }
    } finally {
      restore()
    }
  }

  it('audits the account of the credential chain and of a role assumed from it', async () => {
    const other = '210987654321'
    const fake = await startFake({
      report: breachingReport(),
      accounts: { [other]: { report: cleanReport().replace(/123456789012/g, other) } }
    })
    const own = await inProcess(fake, ['--format', 'json', '--fail-on-severity', 'medium'])
    expect(own.code).toBe(1)
    expect((JSON.parse(own.stdout) as { account: { id: string } }).account.id).toBe('123456789012')
    const assumed = await inProcess(fake, [
      '--role-arn',
      `arn:aws:iam::${other}:role/auditor`,
      '--role-duration-seconds',
      '900',
      '--max-report-age-hours',
      '48'
    ])
    expect(assumed.stderr).toContain(`iam-credential-gate: assumed arn:aws:sts::${other}:`)
    expect(assumed.code).toBe(0)
    expect(tally(fake)).toEqual({
      AssumeRole: 1,
      ...Object.fromEntries(Object.entries(LIVE_CALLS).map(([k, n]) => [k, n * 2]))
    })
  })

  it('names the flag of a bad role session value', async () => {
    const fake = await startFake()
    const r = await inProcess(fake, [
      '--role-arn',
      'arn:aws:iam::210987654321:role/auditor',
      '--role-session-name',
      'x'
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^iam-credential-gate: error: --role-session-name must be/m)
  })
})
