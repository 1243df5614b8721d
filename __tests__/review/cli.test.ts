import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EXIT } from '../../src/cli.js'
import { REVIEW_USAGE, runReviewCli } from '../../src/review/cli.js'
import { FIXTURES } from './support/github.js'
import { NOW_ISO, REPORT_CSV } from './support/report.js'

const BASE = join(FIXTURES, 'base.yml')
const WEAKENED = join(FIXTURES, 'weakened.yml')
const TIGHTENED = join(FIXTURES, 'tightened.yml')
const LOOSENED = join(FIXTURES, 'loosened-threshold.yml')
const INVALID = join(FIXTURES, 'invalid.yml')

let dir: string
let report: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'icg-review-cli-'))
  report = join(dir, 'report.csv')
  await writeFile(report, REPORT_CSV)
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function review(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runReviewCli(argv, {
    stdout: t => {
      stdout += t
    },
    stderr: t => {
      stderr += t
    },
    now: () => Date.parse(NOW_ISO)
  })
  return { code, stdout, stderr }
}

describe('iam-credential-gate review', () => {
  it('prints the static review as a table and exits 0, even when the change weakens', async () => {
    const r = await review('--base', BASE, '--head', LOOSENED)
    expect(r).toEqual({
      code: EXIT.passed,
      stderr: '',
      stdout: [
        `Policy change ${BASE} -> ${LOOSENED}: weakens the policy`,
        '',
        'EFFECT   LINE  CHANGE',
        'weakens  6:5   rule access-key-rotation max-age-days loosened from 90 to 365: fewer findings',
        ''
      ].join('\n')
    })
  })

  it('--fail-on-weakening exits 1 when the change weakens, 0 when it tightens', async () => {
    const weak = await review('--base', BASE, '--head', WEAKENED, '--fail-on-weakening')
    expect(weak.code).toBe(EXIT.failed)
    expect(weak.stderr).toBe(
      'iam-credential-gate: the change weakens and tightens the policy (--fail-on-weakening)\n'
    )
    const tight = await review('--base', BASE, '--head', TIGHTENED, '--fail-on-weakening')
    expect(tight.code).toBe(EXIT.passed)
    expect(tight.stderr).toBe('')
  })

  it('--report adds the hidden and revealed findings and the verdict', async () => {
    const r = await review('--base', BASE, '--head', WEAKENED, '--report', report, '--now', NOW_ISO)
    expect(r.code).toBe(EXIT.passed)
    expect(r.stdout).toContain('Hidden findings (3):')
    expect(r.stdout).toContain(
      '  medium    access-key-rotation  svc-legacy  access_key_1  6     rule access-key-rotation max-age-days 90 → 365'
    )
    expect(r.stdout).toContain('Revealed findings (0):')
    expect(r.stdout).toContain('No longer failing the gate (1):')
    expect(r.stdout).toContain('Verdict: failed -> passed')
  })

  it('--format json is the review as JSON', async () => {
    const r = await review(
      '--base',
      BASE,
      '--head',
      WEAKENED,
      '--report',
      report,
      '--format',
      'json'
    )
    const json = JSON.parse(r.stdout) as {
      weakens: boolean
      changes: { kind: string; line: number }[]
      impact: { hidden: { user: string }[]; verdict: { changed: boolean } }
    }
    expect(json.weakens).toBe(true)
    expect(json.changes.map(c => `${c.kind}@${c.line}`)).toEqual([
      'fail-on-severity-loosened@3',
      'threshold-loosened@6',
      'threshold-loosened@7',
      'rule-disabled@10',
      'severity-lowered@12',
      'exemption-removed@13',
      'exemption-widened@14',
      'exemption-added@18',
      'exemption-wildcard@18',
      'exemption-too-long@18'
    ])
    expect(json.impact.hidden.map(h => h.user)).toEqual(['svc-legacy', 'alice', 'bob'])
    expect(json.impact.verdict.changed).toBe(true)
  })

  it('--format markdown is the "Policy change impact" section', async () => {
    const r = await review('--base', BASE, '--head', TIGHTENED, '--format', 'markdown')
    expect(
      r.stdout.startsWith('## Policy change impact\n\n🔒 **This change tightens the policy**.')
    ).toBe(true)
    expect(r.stdout).toContain(
      '**Live impact:** not measured. No credential report was given (\\-\\-report FILE).'.replace(
        /\\-/g,
        '-'
      )
    )
  })

  it('without --base the head is compared against the built-in default; without --head the default replaces the base', async () => {
    const added = await review('--head', BASE, '--format', 'json')
    expect(JSON.parse(added.stdout)).toMatchObject({
      fileChange: 'added',
      base: 'built-in default policy'
    })
    const deleted = await review('--base', BASE)
    expect(deleted.stdout.split('\n')[0]).toBe(
      `Policy change ${BASE} -> built-in default policy: weakens and tightens the policy`
    )
    expect(deleted.stdout).toContain('(no head policy: the built-in default policy applies)')
  })

  it('--max-exemption-days changes what is flagged as too long', async () => {
    const strict = await review(
      '--base',
      BASE,
      '--head',
      WEAKENED,
      '--max-exemption-days',
      '3650',
      '--format',
      'json'
    )
    const kinds = (JSON.parse(strict.stdout) as { changes: { kind: string }[] }).changes.map(
      c => c.kind
    )
    expect(kinds).not.toContain('exemption-too-long')
  })

  it('--output writes the result to a file instead of standard output', async () => {
    const out = join(dir, 'out', 'review.md')
    const r = await review(
      '--base',
      BASE,
      '--head',
      LOOSENED,
      '--format',
      'markdown',
      '--output',
      out
    )
    expect(r).toMatchObject({ code: EXIT.passed, stdout: '' })
    expect(await readFile(out, 'utf8')).toContain('## Policy change impact')
  })

  it('a head policy that does not load: exit 2 with file:line:col for each problem', async () => {
    const r = await review('--base', BASE, '--head', INVALID)
    expect(r.code).toBe(EXIT.badInput)
    expect(r.stdout).toBe('')
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines[0]).toMatch(
      new RegExp(`^iam-credential-gate: error: ${INVALID.replace(/[.]/g, '\\.')}:2:19: `)
    )
    expect(lines.slice(1).map(l => l.slice(0, INVALID.length + 6))).toEqual([
      `${INVALID}:4:3: `,
      `${INVALID}:7:5: `,
      `${INVALID}:9:14:`
    ])
  })

  it.each([
    [[], 'review needs --base FILE, --head FILE or both; see review --help'],
    [['--base', BASE, '--hed', 'x.yml'], 'unknown option --hed; did you mean --head?'],
    [
      ['--base', BASE, '--format', 'sarif'],
      "--format must be one of table, json, markdown; got 'sarif'"
    ],
    [
      ['--base', BASE, '--now', 'tomorrow'],
      "--now must be an ISO 8601 date or time with a zone, e.g. 2026-11-22T00:00:00Z; got 'tomorrow'"
    ],
    [
      ['--base', BASE, '--now', '2026-04-31'],
      "--now '2026-04-31' is not a real date and time: April 2026 has 30 days"
    ],
    [
      ['--base', BASE, '--max-exemption-days=90days'],
      "--max-exemption-days must be a whole number of days from 1 to 3650; got '90days'"
    ],
    [
      ['--base', BASE, '--max-exemption-days=0'],
      "--max-exemption-days must be a whole number of days from 1 to 3650; got '0'"
    ],
    [['--base', 'nope.yml'], 'policy file nope.yml not found'],
    [['--base', BASE, '--report', 'nope.csv'], 'credential report nope.csv not found'],
    [
      ['--base', BASE, 'extra'],
      "Unexpected argument 'extra'. This command does not take positional arguments; see review --help"
    ]
  ])('rejects %j with exit 2', async (argv, message) => {
    const r = await review(...argv)
    expect(r).toEqual({
      code: EXIT.badInput,
      stdout: '',
      stderr: `iam-credential-gate: error: ${message}\n`
    })
  })

  it('a report from the future is bad input', async () => {
    const r = await review(
      '--base',
      BASE,
      '--head',
      LOOSENED,
      '--report',
      report,
      '--now',
      '2025-01-01T00:00:00Z'
    )
    expect(r.code).toBe(EXIT.badInput)
    expect(r.stderr).toMatch(/is in the future/)
  })

  it('--help prints the usage', async () => {
    const r = await review('--help')
    expect(r).toEqual({ code: EXIT.passed, stdout: REVIEW_USAGE, stderr: '' })
    expect(REVIEW_USAGE).toContain(
      'Usage: iam-credential-gate review --base OLD.yml --head NEW.yml [options]'
    )
  })
})
