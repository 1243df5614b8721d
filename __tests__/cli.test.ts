import { mkdtemp, readdir, readFile, writeFile, mkdir, chmod } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { EXIT, runCli } from '../src/cli.js'
import { readFileBlocks } from '../src/io/read-input.js'
import { loadPolicy } from '../src/policy/load.js'
import { parseReportPieces } from '../src/report/parse.js'
import { VERSION } from '../src/version.js'

const EXAMPLE_REPORT = 'examples/credential-report.csv'
const NOW = '2026-11-22T00:00:00Z'

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, {
    stdout: t => {
      stdout += t
    },
    stderr: t => {
      stderr += t
    },
    now: () => Date.parse(NOW)
  })
  return { code, stdout, stderr }
}

async function scratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'icg-cli-'))
}

describe('CLI basics', () => {
  it('prints help', async () => {
    const r = await cli('--help')
    expect(r.code).toBe(EXIT.passed)
    expect(r.stdout).toContain('Usage: iam-credential-gate [--report FILE] [options]')
  })

  it('prints the version from package.json', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { version: string }
    const r = await cli('--version')
    expect(r.stdout).toBe(`${pkg.version}\n`)
    expect(VERSION).toBe(pkg.version)
  })

  it('prints a default policy that loads back', async () => {
    const r = await cli('--print-default-policy')
    expect(r.code).toBe(EXIT.passed)
    const policy = loadPolicy(r.stdout, 'default.yml')
    expect(policy.failOnSeverity).toBe('high')
    expect(parseYaml(r.stdout)).toHaveProperty('version', 1)
  })

  it.each([
    [['--report'], "Option '--report <value>' argument missing; see --help"],
    [['--reprot', 'x.csv'], 'unknown option --reprot; did you mean --report?'],
    [
      ['--report', 'x.csv', '--format', 'xml'],
      "--format must be one of table, json, markdown, sarif; got 'xml'"
    ],
    [
      ['--report', 'x.csv', '--fail-on-severity', 'severe'],
      "--fail-on-severity must be one of critical, high, medium, low, none; got 'severe'"
    ],
    [
      ['--report', 'x.csv', '--now', 'yesterday'],
      "--now must be an ISO 8601 date or time with a zone, e.g. 2026-11-22T00:00:00Z; got 'yesterday'"
    ],
    [
      ['--report', 'x.csv', '--now', '2026-11-22T00:00:00'],
      "--now must be an ISO 8601 date or time with a zone, e.g. 2026-11-22T00:00:00Z; got '2026-11-22T00:00:00'"
    ],
    [
      ['--report', 'x.csv', '--now', '2026-11-31T00:00:00Z'],
      "--now '2026-11-31T00:00:00Z' is not a real date and time: November 2026 has 30 days"
    ],
    [
      ['--report', 'x.csv', '--now', '2026-02-30'],
      "--now '2026-02-30' is not a real date and time: February 2026 has 28 days"
    ],
    [
      ['--report', 'x.csv', '--now', '2026-11-22T24:00Z'],
      "--now '2026-11-22T24:00Z' is not a real date and time: there is no hour 24"
    ],
    [['--report', 'does-not-exist.csv'], 'credential report does-not-exist.csv not found'],
    [['--report', EXAMPLE_REPORT, '--policy', 'nope.yml'], 'policy file nope.yml not found']
  ])('rejects %j with exit 2: %s', async (argv, message) => {
    const r = await cli(...argv)
    expect(r.code).toBe(EXIT.badInput)
    expect(r.stderr).toBe(`iam-credential-gate: error: ${message}\n`)
    expect(r.stdout).toBe('')
  })
})

describe('CLI audit of the example report', () => {
  it('prints a table and fails the gate with the default policy', async () => {
    const r = await cli('--report', EXAMPLE_REPORT, '--now', NOW)
    expect(r.code).toBe(EXIT.failed)
    expect(r.stdout).toMatch(/^SEVERITY +RULE +USER +CREDENTIAL +MESSAGE$/m)
    expect(r.stdout).toMatch(/^Verdict: failed: /m)
    expect(r.stderr).toMatch(/^iam-credential-gate: policy breached: failed: /)
  })

  it('exits 0 with --soft-fail and still reports the breach', async () => {
    const r = await cli('--report', EXAMPLE_REPORT, '--now', NOW, '--soft-fail')
    expect(r.code).toBe(EXIT.passed)
    expect(r.stdout).toMatch(/^Verdict: failed: /m)
    expect(r.stderr).toContain('soft-fail, exit 0')
  })

  it('passes with --fail-on-severity none', async () => {
    const r = await cli('--report', EXAMPLE_REPORT, '--now', NOW, '--fail-on-severity', 'none')
    expect(r.code).toBe(EXIT.passed)
    expect(r.stdout).toMatch(/^Verdict: passed: fail-on-severity is none/m)
  })

  it('prints the documented JSON document', async () => {
    const r = await cli('--report', EXAMPLE_REPORT, '--now', NOW, '--format', 'json')
    const doc = JSON.parse(r.stdout)
    expect(Object.keys(doc)).toEqual([
      'schemaVersion',
      'tool',
      'account',
      'report',
      'evaluatedAt',
      'policy',
      'findings',
      'counts',
      'verdict',
      'warnings',
      'notEvaluated'
    ])
    expect(doc.tool).toEqual({ name: 'iam-credential-gate', version: VERSION })
    expect(doc.account.id).toBe('123456789012')
    expect(doc.report).toMatchObject({ source: 'file', file: EXAMPLE_REPORT, generatedAt: null })
    expect(doc.evaluatedAt).toBe('2026-11-22T00:00:00Z')
    expect(doc.policy).toEqual({ source: 'built-in', file: null, failOnSeverity: 'high' })
    expect(doc.findings.length).toBeGreaterThan(5)
    const root = doc.findings.find((f: { user: string }) => f.user === '<root_account>')
    expect(root).toMatchObject({ arn: 'arn:aws:iam::123456789012:root', exempted: false })
    for (const f of doc.findings) {
      expect(Object.keys(f)).toEqual([
        'ruleId',
        'severity',
        'user',
        'arn',
        'credential',
        'keyId',
        'message',
        'fingerprint',
        'exempted',
        'exemption'
      ])
    }
    expect(doc.counts.total).toBe(doc.findings.length)
    expect(doc.verdict.result).toBe('failed')
    expect(doc.notEvaluated.map((n: { ruleId: string }) => n.ruleId)).toEqual(
      expect.arrayContaining(['root-hardware-mfa', 'password-policy'])
    )
  })

  it('is deterministic for a fixed --now', async () => {
    const a = await cli('--report', EXAMPLE_REPORT, '--now', NOW, '--format', 'json')
    const b = await cli('--report', EXAMPLE_REPORT, '--now', NOW, '--format', 'json')
    expect(a.stdout).toBe(b.stdout)
  })

  it('writes --output, --json, --sarif and --remediation files and nothing else', async () => {
    const dir = await scratch()
    const r = await cli(
      '--report',
      EXAMPLE_REPORT,
      '--now',
      NOW,
      '--format',
      'markdown',
      '--output',
      join(dir, 'summary.md'),
      '--json',
      join(dir, 'out/result.json'),
      '--sarif',
      join(dir, 'out/result.sarif'),
      '--remediation',
      join(dir, 'fix.sh'),
      '--soft-fail'
    )
    expect(r.code).toBe(EXIT.passed)
    expect(r.stdout).toBe('')
    expect((await readdir(dir)).sort()).toEqual(['fix.sh', 'out', 'summary.md'])
    expect((await readdir(join(dir, 'out'))).sort()).toEqual(['result.json', 'result.sarif'])
    expect(JSON.parse(await readFile(join(dir, 'out/result.sarif'), 'utf8')).version).toBe('2.1.0')
    expect(await readFile(join(dir, 'fix.sh'), 'utf8')).toMatch(/^#!\/usr\/bin\/env bash/)
    expect(await readFile(join(dir, 'summary.md'), 'utf8')).toContain('IAM Credential Gate')
  })

  it('reports an unwritable output, still writes the others, and exits 2', async () => {
    const dir = await scratch()
    await mkdir(join(dir, 'locked'))
    await chmod(join(dir, 'locked'), 0o500)
    await writeFile(join(dir, 'file'), 'not a folder')
    const r = await cli(
      '--report',
      EXAMPLE_REPORT,
      '--now',
      NOW,
      '--json',
      join(dir, 'file/result.json'),
      '--sarif',
      join(dir, 'result.sarif')
    )
    expect(r.code).toBe(EXIT.badInput)
    expect(r.stderr).toContain(
      `iam-credential-gate: error: cannot write json file ${join(dir, 'file/result.json')}: a parent of the path is not a folder`
    )
    expect(JSON.parse(await readFile(join(dir, 'result.sarif'), 'utf8')).version).toBe('2.1.0')
    expect((await readdir(dir)).filter(n => n.endsWith('.tmp'))).toEqual([])
  })

  it('names file, line and column for a bad policy', async () => {
    const dir = await scratch()
    const policy = join(dir, 'policy.yml')
    await writeFile(policy, 'version: 1\nrules:\n  access-key-rotaton: { max-age-days: 60 }\n')
    const r = await cli('--report', EXAMPLE_REPORT, '--now', NOW, '--policy', policy)
    expect(r.code).toBe(EXIT.badInput)
    expect(r.stderr).toContain(`${policy}:3:3: `)
    expect(r.stderr).toContain("did you mean 'access-key-rotation'?")
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('names line and column for a bad report value', async () => {
    const dir = await scratch()
    const report = join(dir, 'report.csv')
    const csv = await readFile(EXAMPLE_REPORT, 'utf8')
    const lines = csv.split('\n')
    lines[2] = (lines[2] ?? '').replace(/,\d{4}-\d\d-\d\dT[^,]+/, ',yesterday')
    await writeFile(report, lines.join('\n'))
    const r = await cli('--report', report, '--now', NOW)
    expect(r.code).toBe(EXIT.badInput)
    expect(r.stderr).toMatch(
      new RegExp(
        `^iam-credential-gate: error: ${report} line 3, column user_creation_time: 'yesterday' is not an ISO 8601 timestamp`
      )
    )
  })
})

describe('CLI: large reports, read in blocks', () => {
  /**
   * The example's users repeated under new names until the file spans many
   * of the 64 KiB blocks the CLI reads, with blank lines and CRLF line ends.
   */
  async function largeReport(): Promise<string> {
    const [header, root, ...users] = (await readFile(EXAMPLE_REPORT, 'utf8')).trimEnd().split('\n')
    const lines = [header, root]
    for (let copy = 0; copy < 300; copy++) {
      for (const line of users) {
        const name = line.slice(0, line.indexOf(','))
        lines.push(
          line.replaceAll(`/${name},`, `/${name}-${copy},`).replace(`${name},`, `${name}-${copy},`)
        )
      }
      if (copy % 50 === 0) lines.push('')
    }
    return lines.join('\r\n') + '\r\n'
  }

  it('gives the same result as the same report read whole (a quoted field forces that path)', async () => {
    const dir = await scratch()
    const text = await largeReport()
    expect(text.length).toBeGreaterThan(10 * 64 * 1024)
    expect(text).not.toContain('"')
    const [blocks, whole] = [join(dir, 'blocks.csv'), join(dir, 'whole.csv')]
    await writeFile(blocks, text)
    // csv-parse reads "eu-west-1" as eu-west-1: the same report, parsed whole.
    await writeFile(whole, text.replace(',eu-west-1,', ',"eu-west-1",'))
    // The first file takes the block path, the second cannot.
    expect(parseReportPieces(readFileBlocks(blocks))?.users).toHaveLength(300 * 12)
    expect(parseReportPieces(readFileBlocks(whole))).toBeUndefined()
    const a = await cli('--report', blocks, '--now', NOW, '--format', 'json', '--soft-fail')
    const b = await cli('--report', whole, '--now', NOW, '--format', 'json', '--soft-fail')
    expect(a.code).toBe(EXIT.passed)
    const docA = JSON.parse(a.stdout) as {
      report: { file: string; userCount: number }
      findings: unknown[]
    }
    const docB = JSON.parse(b.stdout) as typeof docA
    expect(docA.report.userCount).toBe(300 * 12)
    expect(docA.findings.length).toBeGreaterThan(1000)
    expect({ ...docA, report: { ...docA.report, file: '' } }).toEqual({
      ...docB,
      report: { ...docB.report, file: '' }
    })
  })

  it('names the right line for a bad value in a later block', async () => {
    const dir = await scratch()
    const lines = (await largeReport()).split('\r\n')
    const at = 3000
    lines[at] = (lines[at] ?? '').replace(/,(\d{4}-\d\d-\d\dT[^,]+),/, ',2026-02-30T00:00:00Z,')
    const report = join(dir, 'report.csv')
    await writeFile(report, lines.join('\r\n'))
    const r = await cli('--report', report, '--now', NOW)
    expect(r.code).toBe(EXIT.badInput)
    expect(r.stderr).toMatch(
      new RegExp(
        `^iam-credential-gate: error: ${report} line ${at + 1}, column user_creation_time: '2026-02-30T00:00:00Z' is not a valid date: February 2026 has 28 days`
      )
    )
  })
})

describe('CLI --redact', () => {
  it('hides user names and ARNs in the output and keeps them in the remediation script', async () => {
    const dir = await scratch()
    const r = await cli(
      '--report',
      EXAMPLE_REPORT,
      '--now',
      NOW,
      '--format',
      'json',
      '--redact',
      'users',
      '--sarif',
      join(dir, 'r.sarif'),
      '--remediation',
      join(dir, 'fix.sh'),
      '--soft-fail'
    )
    expect(r.code).toBe(EXIT.passed)
    const names = ['dana', 'erik', 'frank', 'grace', 'svc-reporting', 'mallory.old']
    const sarifLog = JSON.parse(await readFile(join(dir, 'r.sarif'), 'utf8'))
    // The rule catalog's help mentions words like "grace"; only the results name principals.
    const sarif = JSON.stringify(sarifLog.runs[0].results)
    for (const name of names) {
      expect(r.stdout).not.toContain(name)
      expect(sarif).not.toContain(name)
    }
    expect(JSON.parse(r.stdout).findings.map((f: { user: string }) => f.user)).toContain(
      '<root_account>'
    )
    expect(await readFile(join(dir, 'fix.sh'), 'utf8')).toContain('frank')
  })

  it('rejects an unknown mode', async () => {
    const r = await cli('--report', EXAMPLE_REPORT, '--redact', 'all')
    expect(r.code).toBe(EXIT.badInput)
    expect(r.stderr).toBe(
      "iam-credential-gate: error: --redact must be one of none, users; got 'all'\n"
    )
  })
})

describe('CLI review', () => {
  it('dispatches `review` and reports a loosened threshold as weakening', async () => {
    const dir = await scratch()
    await writeFile(
      join(dir, 'base.yml'),
      'version: 1\nrules:\n  access-key-rotation: { max-age-days: 90 }\n'
    )
    await writeFile(
      join(dir, 'head.yml'),
      'version: 1\nrules:\n  access-key-rotation: { max-age-days: 365 }\n'
    )
    const r = await cli(
      'review',
      '--base',
      join(dir, 'base.yml'),
      '--head',
      join(dir, 'head.yml'),
      '--format',
      'json',
      '--fail-on-weakening'
    )
    expect(r.code).toBe(EXIT.failed)
    const doc = JSON.parse(r.stdout)
    expect(JSON.stringify(doc)).toContain('threshold-loosened')
  })

  it('lists review in the main help', async () => {
    expect((await cli('--help')).stdout).toContain('review --base OLD.yml --head NEW.yml')
  })
})

describe('CLI --fail-on-severity and account overrides', () => {
  it('the flag wins over an account override', async () => {
    const dir = await scratch()
    const policy = join(dir, 'p.yml')
    await writeFile(
      policy,
      'version: 1\naccount-overrides:\n  - accounts: ["123456789012"]\n    reason: sandbox\n    fail-on-severity: none\n'
    )
    expect((await cli('--report', EXAMPLE_REPORT, '--now', NOW, '--policy', policy)).code).toBe(
      EXIT.passed
    )
    const r = await cli(
      '--report',
      EXAMPLE_REPORT,
      '--now',
      NOW,
      '--policy',
      policy,
      '--fail-on-severity',
      'critical'
    )
    expect(r.code).toBe(EXIT.failed)
  })
})
