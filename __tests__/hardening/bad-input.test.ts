/**
 * The bad-input corpus, end to end through the CLI.
 *
 * Every malformed report (`__tests__/fixtures/bad/reports/NAME.csv`), every
 * malformed policy (`__tests__/fixtures/bad/policies/NAME.yml`), every report
 * that parses but cannot be evaluated (`__tests__/fixtures/bad/evaluation/`,
 * timestamps in the future at the fixed evaluation time 2026-11-22) and a set
 * of generated inputs too large to commit must make `runCli`, with every
 * output flag set:
 *
 * - exit with 2;
 * - print exactly `iam-credential-gate: error: <message>\n` on stderr, where
 *   <message> is the fixture's `NAME.expected.txt` with the file name replaced
 *   by the path given on the command line (for policies, on every
 *   `file:line:column:` line), and nothing on stdout;
 * - print no stack trace;
 * - leave the output folder empty: no output file, no temporary file, no
 *   folder created for the outputs.
 *
 * A second part lists the cases the hardening issue requires by name and
 * checks that each still exists, so the corpus cannot silently shrink.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RULE_IDS } from '../../src/rules/catalog.js'
import {
  auditWithAllOutputs,
  BAD,
  EXAMPLE_POLICY,
  EXAMPLE_REPORT,
  FIXTURES,
  STACK_LINE
} from './cli-harness.js'
import type { CliRun } from './cli-harness.js'

const REPORTS = join(BAD, 'reports')
const POLICIES = join(BAD, 'policies')
const EVALUATION = join(BAD, 'evaluation')
const VALID_REPORTS = join(FIXTURES, 'reports')

const ruleIds = RULE_IDS.join(', ')

function casesIn(dir: string, ext: string): string[] {
  return readdirSync(dir)
    .filter(f => f.endsWith(ext))
    .map(f => f.slice(0, -ext.length))
    .sort()
}

function expectedText(dir: string, name: string): string {
  return readFileSync(join(dir, `${name}.expected.txt`), 'utf8')
    .trimEnd()
    .split('{{RULE_IDS}}')
    .join(ruleIds)
}

/** A report message names its source first: `NAME.csv line 3, ...` → `<path> line 3, ...`. */
function adaptReportMessage(expected: string, file: string, path: string): string {
  if (!expected.startsWith(file)) {
    throw new Error(`${file}.expected.txt does not start with the file name: ${expected}`)
  }
  return path + expected.slice(file.length)
}

/** Every policy problem line is `NAME.yml:line:column: message`. */
function adaptPolicyMessage(expected: string, file: string, path: string): string {
  return expected
    .split('\n')
    .map(line => {
      if (!line.startsWith(`${file}:`)) {
        throw new Error(`a line of ${file}'s expected text does not start with "${file}:": ${line}`)
      }
      return path + line.slice(file.length)
    })
    .join('\n')
}

function expectRejected(run: CliRun, message: string): void {
  expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
    code: 2,
    stdout: '',
    stderr: `iam-credential-gate: error: ${message}\n`
  })
  expect(run.stderr).not.toMatch(STACK_LINE)
  expect(run.stderr).not.toContain('internal error')
  expect(run.leftBehind).toEqual([])
}

const reportCases = casesIn(REPORTS, '.csv')
const policyCases = casesIn(POLICIES, '.yml')
const evaluationCases = casesIn(EVALUATION, '.csv')

describe('bad reports through the CLI', () => {
  it.each(reportCases)('%s.csv', async name => {
    const path = join(REPORTS, `${name}.csv`)
    const expected = adaptReportMessage(expectedText(REPORTS, name), `${name}.csv`, path)
    expectRejected(await auditWithAllOutputs(path, EXAMPLE_POLICY), expected)
  })
})

describe('bad policies through the CLI', () => {
  it.each(policyCases)('%s.yml', async name => {
    const path = join(POLICIES, `${name}.yml`)
    const expected = adaptPolicyMessage(expectedText(POLICIES, name), `${name}.yml`, path)
    expectRejected(await auditWithAllOutputs(EXAMPLE_REPORT, path), expected)
  })
})

describe('reports that parse but cannot be evaluated (timestamps in the future)', () => {
  it.each(evaluationCases)('%s.csv: exit 2 naming the report file, nothing written', async name => {
    const path = join(EVALUATION, `${name}.csv`)
    const expected = adaptReportMessage(expectedText(EVALUATION, name), `${name}.csv`, path)
    expectRejected(await auditWithAllOutputs(path, EXAMPLE_POLICY), expected)
  })

  it('accepts a timestamp less than a day ahead of the evaluation time (clock skew)', async () => {
    const text = readFileSync(join(EVALUATION, 'future-creation-time.csv'), 'utf8')
    const dir = await mkdtemp(join(tmpdir(), 'icg-skew-'))
    try {
      const skewed = join(dir, 'skewed.csv')
      await writeFile(skewed, text.replace('2030-01-01T00:00:00Z', '2026-11-22T23:00:00Z'))
      const run = await auditWithAllOutputs(skewed, EXAMPLE_POLICY)
      expect(run.stderr).not.toContain('error')
      expect([0, 1]).toContain(run.code)

      const late = join(dir, 'late.csv')
      await writeFile(late, text.replace('2030-01-01T00:00:00Z', '2026-11-23T00:00:01Z'))
      expectRejected(
        await auditWithAllOutputs(late, EXAMPLE_POLICY),
        `${late} line 3, column user_creation_time: 2026-11-23T00:00:01Z is in the future (evaluation time 2026-11-22T00:00:00Z); check the clock, or the --now value`
      )
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

// ---------------------------------------------------------------------------
// Generated inputs: too large to commit, or cheaper to build than to store.

const MiB = 1024 * 1024

function billionLaughs(levels: number): string {
  const lines = [
    'version: 1',
    'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'
  ]
  for (let i = 1; i < levels; i++) {
    lines.push(
      `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(', ')}]`
    )
  }
  return `${lines.join('\n')}\n`
}

interface Generated {
  id: string
  kind: 'report' | 'policy'
  content: () => string | Buffer
  /** The message, given the path the file was written to. */
  message: (path: string) => string
}

const REPORT_HEADER = readFileSync(EXAMPLE_REPORT, 'utf8').split('\n')[0]!

/** The generated cases; the categories below refer to them by id. */
const GENERATED: readonly Generated[] = [
  {
    id: '10-mb-single-line',
    kind: 'report',
    content: () => 'x'.repeat(10 * MiB),
    message: p =>
      `${p} line 1: record longer than 1048576 characters; a credential report row is a few hundred`
  },
  {
    id: '10-mb-line-after-header',
    kind: 'report',
    content: () => `${REPORT_HEADER}\n${'a'.repeat(10 * MiB)}\n`,
    message: p =>
      `${p} line 2: record longer than 1048576 characters; a credential report row is a few hundred`
  },
  {
    id: '10-mb-of-commas',
    kind: 'report',
    content: () => ','.repeat(10 * MiB),
    message: p => `${p} line 1: column 1 of the header has no name`
  },
  {
    id: 'huge-policy',
    kind: 'policy',
    content: () => `version: 1\n${'# padding\n'.repeat((2 * MiB) / 10)}`,
    message: p =>
      `policy file ${p} is 2.0 MiB (${10 + 10 * Math.floor((2 * MiB) / 10) + 1} bytes), more than the 1.0 MiB limit`
  },
  {
    id: 'alias-bomb',
    kind: 'policy',
    content: () => billionLaughs(10),
    message: p =>
      `${p}:3:10: YAML aliases here expand to too much data (a policy may expand at most 100 aliases): write the values out instead of nesting aliases`
  },
  {
    id: 'deep-flow-nesting',
    kind: 'policy',
    content: () => `${'['.repeat(500_000)}${']'.repeat(500_000)}`,
    message: p =>
      `${p}:1:21: the policy nests mappings and lists more than 20 levels deep here (a policy needs at most 5): check the indentation and brackets`
  },
  {
    id: 'deep-block-nesting',
    kind: 'policy',
    content: () => `version: 1\nrules:\n  ${'- '.repeat(50_000)}x\n`,
    message: p =>
      `${p}:3:41: the policy nests mappings and lists more than 20 levels deep here (a policy needs at most 5): check the indentation and brackets`
  }
]

describe('generated bad inputs through the CLI', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'icg-generated-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it.each(GENERATED.map(g => [g.id, g] as const))('%s', async (id, g) => {
    const path = join(dir, g.kind === 'report' ? `${id}.csv` : `${id}.yml`)
    await writeFile(path, g.content())
    const run =
      g.kind === 'report'
        ? await auditWithAllOutputs(path, EXAMPLE_POLICY)
        : await auditWithAllOutputs(EXAMPLE_REPORT, path)
    expectRejected(run, g.message(path))
  })
})

// ---------------------------------------------------------------------------
// Valid edge cases named by the issue: they must audit, not be rejected.

describe('edge cases that are valid', () => {
  it('mixed-case booleans (TRUE, True, fAlSe) are read as booleans', async () => {
    const run = await auditWithAllOutputs(
      join(VALID_REPORTS, 'mixed-case-booleans.csv'),
      EXAMPLE_POLICY
    )
    expect(run.stderr).not.toContain('error')
    expect([0, 1]).toContain(run.code)
    expect(run.leftBehind).toEqual(
      expect.arrayContaining([
        'json/result.json',
        'output/table.txt',
        'remediation/remediation.sh',
        'sarif/result.sarif'
      ])
    )
  })

  it('a header-only report with extra columns is accepted as a report with no rows', async () => {
    // Worth knowing: it audits no principal and so passes the gate.
    const run = await auditWithAllOutputs(
      join(VALID_REPORTS, 'header-only-extra-columns.csv'),
      EXAMPLE_POLICY
    )
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
  })
})

// ---------------------------------------------------------------------------
// The categories the hardening issue requires, each by name.

type Ref =
  | { bad: 'reports' | 'policies' | 'evaluation'; name: string }
  | { valid: string }
  | { generated: string }

const r = (name: string): Ref => ({ bad: 'reports', name })
const p = (name: string): Ref => ({ bad: 'policies', name })
const ev = (name: string): Ref => ({ bad: 'evaluation', name })
const g = (id: string): Ref => ({ generated: id })
const valid = (name: string): Ref => ({ valid: name })

/** Category → the cases that cover it, and what the first committed case's message must say. */
const REQUIRED: readonly [category: string, refs: readonly Ref[], keyword: RegExp | null][] = [
  ['report: empty file', [r('empty'), r('bom-only'), r('blank-lines')], /is empty/],
  [
    'report: binary garbage',
    [r('binary-garbage'), r('sqlite-database'), r('gzip'), r('xlsx')],
    null
  ],
  ['report: truncated CSV (mid-quote)', [r('truncated-mid-quote')], /not closed/],
  ['report: wrong delimiter', [r('semicolons'), r('tabs')], /comma-separated/],
  [
    'report: header only with extra columns',
    [r('header-only-extra-columns-missing-required'), valid('header-only-extra-columns')],
    /missing required columns/
  ],
  [
    'report: missing required columns',
    [r('missing-required-columns'), r('missing-all-required-columns')],
    /missing required columns/
  ],
  ['report: duplicate header names', [r('duplicate-columns')], /duplicate column names/],
  ['report: duplicate users', [r('duplicate-users'), r('duplicate-users-case')], /duplicat/],
  [
    'report: a 10 MB single line',
    [g('10-mb-single-line'), g('10-mb-line-after-header'), g('10-mb-of-commas')],
    null
  ],
  [
    'report: invalid timestamps',
    [r('invalid-timestamp'), r('date-only'), r('no-time-zone'), r('hour-24')],
    /timestamp|time zone|date and time/
  ],
  [
    'report: impossible timestamps (2026-02-30)',
    [r('impossible-date'), r('not-a-leap-year')],
    /is not a valid date/
  ],
  [
    'report: timestamps in the future',
    [ev('future-creation-time'), ev('future-key-last-used'), ev('future-root-password-last-used')],
    /in the future/
  ],
  [
    'report: timestamps before AWS existed (year 0, before 2006)',
    [r('year-zero'), r('before-aws')],
    /is before 2006-01-01/
  ],
  ['report: mixed-case booleans (valid)', [valid('mixed-case-booleans')], null],
  [
    'report: unknown sentinel values',
    [r('unknown-sentinel'), r('unknown-sentinel-boolean'), r('lowercase-sentinel')],
    /not_available|n\/a/
  ],
  [
    'report: non-UTF-8 bytes',
    [r('latin1'), r('truncated-utf8'), r('overlong-utf8'), r('utf8-surrogate')],
    /not valid UTF-8/
  ],
  [
    'report: user names that are not valid IAM names',
    [
      r('invalid-user-name'),
      r('user-name-too-long'),
      r('user-name-non-ascii'),
      r('user-name-glob')
    ],
    /is not a valid IAM user name/
  ],
  [
    'policy: YAML that does not parse',
    [
      p('yaml-bad-indent'),
      p('yaml-unclosed-quote'),
      p('yaml-tab-indent'),
      p('yaml-reserved-character')
    ],
    /invalid YAML/
  ],
  ['policy: YAML alias bomb', [p('alias-bomb'), p('recursive-alias'), g('alias-bomb')], null],
  [
    'policy: very deep nesting',
    [p('deep-nesting'), p('deep-block-nesting'), g('deep-flow-nesting'), g('deep-block-nesting')],
    /levels deep/
  ],
  [
    'policy: not a mapping',
    [p('not-a-mapping-list'), p('not-a-mapping-scalar')],
    /must be a YAML mapping/
  ],
  ['policy: wrong types', [p('wrong-types'), p('exemption-wrong-list-types')], null],
  ['policy: unknown keys', [p('unknown-top-level-keys'), p('exemption-unknown-keys')], /unknown/],
  [
    'policy: unknown rule ids',
    [p('unknown-rule-typo'), p('unknown-rule-no-suggestion'), p('exemption-unknown-rule')],
    /unknown rule/
  ],
  ['policy: bad globs', [p('bad-globs')], /is not a valid glob/],
  [
    'policy: bad dates',
    [p('date-not-real'), p('date-wrong-format'), p('date-as-number'), p('date-as-timestamp')],
    null
  ],
  ['policy: duplicate keys', [p('duplicate-keys')], /duplicate key/],
  [
    'policy: numbers past any sane maximum (99999999999999999999999)',
    [p('threshold-huge'), p('threshold-above-maximum')],
    /must be an integer from \d+ to \d+, got 99999999999999999999999/
  ],
  ['policy: a huge policy file', [g('huge-policy')], null]
]

function describeRef(ref: Ref): string {
  if ('bad' in ref) return `bad/${ref.bad}/${ref.name}`
  if ('valid' in ref) return `reports/${ref.valid}.csv (valid)`
  return `generated:${ref.generated}`
}

describe('the corpus covers every category the issue names', () => {
  it.each(REQUIRED.map(([category, refs, keyword]) => [category, refs, keyword] as const))(
    '%s',
    (_category, refs, keyword) => {
      for (const ref of refs) {
        if ('generated' in ref) {
          expect(GENERATED.map(x => x.id)).toContain(ref.generated)
        } else if ('valid' in ref) {
          expect(existsSync(join(VALID_REPORTS, `${ref.valid}.csv`))).toBe(true)
        } else {
          const dir = join(BAD, ref.bad)
          const ext = ref.bad === 'policies' ? '.yml' : '.csv'
          const file = join(dir, `${ref.name}${ext}`)
          expect({ fixture: describeRef(ref), exists: existsSync(file) }).toEqual({
            fixture: describeRef(ref),
            exists: true
          })
          expect(existsSync(join(dir, `${ref.name}.expected.txt`))).toBe(true)
        }
      }
      // The first committed case of a category must show the category's problem.
      const first = refs.find((x): x is Extract<Ref, { bad: string }> => 'bad' in x)
      if (keyword && first) expect(expectedText(join(BAD, first.bad), first.name)).toMatch(keyword)
    }
  )

  it('has an expected message for every case, and no stray expectations', () => {
    for (const [dir, ext] of [
      [REPORTS, '.csv'],
      [POLICIES, '.yml'],
      [EVALUATION, '.csv']
    ] as const) {
      const inputs = casesIn(dir, ext)
      const expectations = casesIn(dir, '.expected.txt')
      expect(expectations).toEqual(inputs)
    }
  })

  it('has at least 40 cases, and does not shrink below what it holds today', () => {
    const total =
      reportCases.length + policyCases.length + evaluationCases.length + GENERATED.length
    expect(total).toBeGreaterThanOrEqual(40)
    // Floors at the size of the corpus when this test was written; raise them as cases are added.
    expect(reportCases.length).toBeGreaterThanOrEqual(62)
    expect(policyCases.length).toBeGreaterThanOrEqual(58)
    expect(evaluationCases.length).toBeGreaterThanOrEqual(3)
    expect(GENERATED.length).toBeGreaterThanOrEqual(7)
  })
})
