/**
 * The pieces of a multi-account run, without AWS: the concurrency bound,
 * the account plan from the inputs, and the aggregated renderers (verdict,
 * summary budget, annotation cap, SARIF split, file names).
 */
import { describe, expect, it } from '@jest/globals'
import { mapWithConcurrency } from '../../src/action/concurrency.js'
import { readInputs } from '../../src/action/inputs.js'
import { accountIdsInInputs, planAccounts } from '../../src/action/multi-account.js'
import { InputError } from '../../src/errors.js'
import type { Exemption } from '../../src/policy/types.js'
import { byteLength } from '../../src/render/markdown.js'
import type { AccountEntry, MultiAccountContext } from '../../src/render/multi-account.js'
import {
  multiAccountVerdict,
  renderMultiAccountJson,
  renderMultiAccountJsonPieces,
  renderMultiAccountSarifPieces,
  numberedPaths,
  planMultiAccountAnnotations,
  renderMultiAccountSarif,
  renderMultiAccountSummary,
  splitPolicyWarnings,
  toMultiAccountJson,
  withSuffix
} from '../../src/render/multi-account.js'
import { validateGithubConstraints } from '../support/sarif-constraints.js'
import {
  context,
  evaluation,
  finding,
  manyFindings,
  NOW,
  policy,
  ruleId
} from '../render/builders.js'

describe('mapWithConcurrency', () => {
  it('keeps at most `limit` calls in flight and returns results in input order', async () => {
    let inFlight = 0
    let peak = 0
    const delays = Array.from({ length: 30 }, (_, i) => (i * 7) % 11)
    const out = await mapWithConcurrency(delays, 4, async (ms, i) => {
      inFlight++
      peak = Math.max(peak, inFlight)
      await new Promise(r => setTimeout(r, ms))
      inFlight--
      return i * 2
    })
    expect(out).toEqual(delays.map((_, i) => i * 2))
    expect(peak).toBe(4)
  })

  it('starts the next item as soon as one finishes', async () => {
    const started: number[] = []
    await mapWithConcurrency([30, 1, 1, 1], 2, async (ms, i) => {
      started.push(i)
      await new Promise(r => setTimeout(r, ms))
    })
    expect(started).toEqual([0, 1, 2, 3])
  })

  it('keeps starting items while a slow one runs (no batches)', async () => {
    let release = (): void => undefined
    const slow = new Promise<void>(resolve => (release = resolve))
    const started: number[] = []
    const finished: number[] = []
    const run = mapWithConcurrency([0, 1, 2, 3, 4, 5], 2, async i => {
      started.push(i)
      await (i === 0 ? slow : Promise.resolve())
      finished.push(i)
    })
    // Only promise callbacks run before setImmediate fires: no timer, no waiting on the clock.
    await new Promise(resolve => setImmediate(resolve))
    // Item 0 still holds its lane; the other lane went through every fast item meanwhile.
    expect(started).toEqual([0, 1, 2, 3, 4, 5])
    expect(finished).toEqual([1, 2, 3, 4, 5])
    release()
    await run
    expect(finished).toEqual([1, 2, 3, 4, 5, 0])
  })

  it('handles fewer items than the limit, and none', async () => {
    expect(await mapWithConcurrency([1, 2], 8, async x => x + 1)).toEqual([2, 3])
    expect(await mapWithConcurrency([], 8, async x => x)).toEqual([])
  })

  it('stops starting new items after a rejection and rejects with the first error', async () => {
    const started: number[] = []
    const run = mapWithConcurrency([0, 1, 2, 3, 4, 5], 2, async i => {
      started.push(i)
      await new Promise(r => setTimeout(r, 5))
      if (i === 1) throw new Error('boom 1')
      return i
    })
    await expect(run).rejects.toThrow('boom 1')
    expect(started.length).toBeLessThan(6)
  })

  it('refuses a limit below 1', async () => {
    await expect(mapWithConcurrency([1], 0, async x => x)).rejects.toThrow(RangeError)
  })
})

const inputsOf = (values: Record<string, string>) => readInputs(name => values[name] ?? '')

describe('readInputs: accounts, redaction, masking', () => {
  it('defaults keep the single-account behaviour', () => {
    const i = inputsOf({ 'role-to-assume': 'arn:aws:iam::123456789012:role/x' })
    expect(i).toMatchObject({
      roleToAssume: 'arn:aws:iam::123456789012:role/x',
      rolesToAssume: ['arn:aws:iam::123456789012:role/x'],
      accounts: [],
      roleChaining: false,
      maxConcurrency: 8,
      redact: 'none',
      maskAwsAccountId: false
    })
    expect(planAccounts(i)).toBeNull()
    expect(planAccounts(inputsOf({}))).toBeNull()
  })

  it('reads account ids one per line (commas and spaces too)', () => {
    const i = inputsOf({
      accounts: '111111111111\n 222222222222 ,333333333333\r\n\n',
      'role-name': 'audit/gate',
      'max-concurrency': '3',
      redact: 'users',
      'mask-aws-account-id': 'true'
    })
    expect(i).toMatchObject({
      accounts: ['111111111111', '222222222222', '333333333333'],
      roleName: 'audit/gate',
      maxConcurrency: 3,
      redact: 'users',
      maskAwsAccountId: true
    })
  })

  it.each([
    [{ redact: 'names' }, "input redact must be one of none, users; got 'names'"],
    [
      { accounts: '1234', 'role-name': 'x' },
      "input accounts must list 12-digit AWS account ids, one per line; got '1234'"
    ],
    [
      { accounts: '111111111111' },
      'input accounts needs role-name: the name of the role to assume in each account'
    ],
    [
      { 'role-name': 'x' },
      'input role-name is used only with accounts or organization; set one of them too'
    ],
    [
      { accounts: '111111111111', 'role-name': 'bad name' },
      /input role-name must be an IAM role name/
    ],
    [
      { 'max-concurrency': '65' },
      "input max-concurrency must be a whole number from 1 to 64; got '65'"
    ],
    [{ 'role-chaining': 'yes' }, "input role-chaining must be true or false; got 'yes'"]
  ])('rejects %j', (values, message) => {
    expect(() => inputsOf(values as Record<string, string>)).toThrow(message)
  })
})

describe('planAccounts', () => {
  const A = '111111111111'
  const B = '222222222222'

  it('accounts with role-name: one target each, partition aws', () => {
    const plan = planAccounts(inputsOf({ accounts: `${A}\n${B}`, 'role-name': 'audit/gate' }))
    expect(plan).toEqual({
      targets: [
        { accountId: A, roleArn: `arn:aws:iam::${A}:role/audit/gate` },
        { accountId: B, roleArn: `arn:aws:iam::${B}:role/audit/gate` }
      ],
      chain: null
    })
  })

  it('role-to-assume lines first, then accounts; the partition of the first ARN', () => {
    const plan = planAccounts(
      inputsOf({
        'role-to-assume': `arn:aws-us-gov:iam::${A}:role/r`,
        accounts: B,
        'role-name': 'gate'
      })
    )
    expect(plan?.targets).toEqual([
      { accountId: A, roleArn: `arn:aws-us-gov:iam::${A}:role/r` },
      { accountId: B, roleArn: `arn:aws-us-gov:iam::${B}:role/gate` }
    ])
  })

  it('role chaining: the first line is the source, not a target; even one account is a multi-account run', () => {
    const hub = 'arn:aws:iam::999999999999:role/hub'
    expect(
      planAccounts(
        inputsOf({ 'role-to-assume': hub, 'role-chaining': 'true', accounts: A, 'role-name': 'g' })
      )
    ).toEqual({
      targets: [{ accountId: A, roleArn: `arn:aws:iam::${A}:role/g` }],
      chain: { roleArn: hub }
    })
    expect(
      planAccounts(inputsOf({ 'role-chaining': 'true', accounts: A, 'role-name': 'g' }))?.chain
    ).toEqual({ roleArn: undefined })
    expect(planAccounts(inputsOf({ accounts: A, 'role-name': 'g' }))?.targets).toHaveLength(1)
  })

  it('refuses a bad ARN line, a repeated account, and chaining with nothing to chain to', () => {
    expect(() =>
      planAccounts(inputsOf({ 'role-to-assume': `arn:aws:iam::${A}:role/a\nnot-an-arn` }))
    ).toThrow(/role-to-assume must be an IAM role ARN .*got "not-an-arn"/)
    expect(() =>
      planAccounts(
        inputsOf({ 'role-to-assume': `arn:aws:iam::${A}:role/a`, accounts: A, 'role-name': 'b' })
      )
    ).toThrow(`account ${A} is listed twice`)
    expect(() =>
      planAccounts(
        inputsOf({ 'role-to-assume': `arn:aws:iam::${A}:role/a`, 'role-chaining': 'true' })
      )
    ).toThrow(InputError)
  })

  it('names every account id of the inputs, for masking', () => {
    expect(
      accountIdsInInputs(
        inputsOf({
          'role-to-assume': `arn:aws:iam::999999999999:role/hub\narn:aws:iam::${A}:role/x`,
          accounts: `${A}\n${B}`,
          'role-name': 'x'
        })
      )
    ).toEqual(['999999999999', A, B])
  })
})

describe('file names', () => {
  it('numbers split SARIF files after the first', () => {
    expect(numberedPaths('iam-credential-gate.sarif', 3)).toEqual([
      'iam-credential-gate.sarif',
      'iam-credential-gate-2.sarif',
      'iam-credential-gate-3.sarif'
    ])
    expect(numberedPaths('out.d/results', 2)).toEqual(['out.d/results', 'out.d/results-2'])
    expect(numberedPaths('x.sarif', 0)).toEqual([])
  })

  it('puts a suffix before the extension', () => {
    expect(withSuffix('out/fix.sh', '-1')).toBe('out/fix-1.sh')
    expect(withSuffix('fix', '-1')).toBe('fix-1')
    expect(withSuffix('.hidden', '-1')).toBe('.hidden-1')
  })
})

// ---------------------------------------------------------------------------
// Renderers

const CONSOLE_MFA = ruleId('console-user-mfa')
const ROTATION = ruleId('access-key-rotation')

function audited(accountId: string, findings = [finding({ ruleId: ROTATION })]): AccountEntry {
  return {
    kind: 'audited',
    accountId,
    roleArn: `arn:aws:iam::${accountId}:role/gate`,
    ctx: context({ evaluation: evaluation({ accountId, findings }) })
  }
}

function failedEntry(
  accountId: string,
  error = 'access denied to iam:GetCredentialReport'
): AccountEntry {
  return { kind: 'error', accountId, roleArn: `arn:aws:iam::${accountId}:role/gate`, error }
}

function multi(accounts: AccountEntry[]): MultiAccountContext {
  return { accounts, policy: policy(), toolVersion: '0.1.0', now: NOW, policyWarnings: [] }
}

const breaching = (user: string) =>
  finding({ ruleId: CONSOLE_MFA, user, credential: null, severity: 'high' })

describe('multiAccountVerdict', () => {
  it('failed beats error beats passed', () => {
    const pass = multi([audited('111111111111'), audited('222222222222')])
    expect(multiAccountVerdict(pass)).toMatchObject({
      result: 'passed',
      summary: 'passed: no findings at or above high in 2 accounts'
    })
    const error = multi([audited('111111111111'), failedEntry('222222222222')])
    expect(multiAccountVerdict(error)).toMatchObject({ result: 'error', accountsFailed: 1 })
    const failed = multi([
      audited('111111111111', [breaching('a'), breaching('b')]),
      failedEntry('222222222222')
    ])
    expect(multiAccountVerdict(failed)).toMatchObject({
      result: 'failed',
      breaches: 2,
      accountsBreached: 1,
      accountsFailed: 1,
      summary:
        'failed: 1 of 2 accounts breaches the policy (111111111111) — 2 high findings; 1 account could not be audited (222222222222)'
    })
  })

  it('judges each account at its own fail-on-severity (account overrides) and says so', () => {
    const medium = finding({ ruleId: ROTATION, severity: 'medium' })
    const own = (accountId: string, failOnSeverity: 'high' | 'medium' | 'critical') => ({
      ...audited(accountId),
      ctx: context({ evaluation: evaluation({ accountId, findings: [medium], failOnSeverity }) })
    })
    const failed = multi([own('111111111111', 'high'), own('222222222222', 'medium')])
    expect(multiAccountVerdict(failed)).toMatchObject({
      result: 'failed',
      failOnSeverity: 'high',
      summary: 'failed: 1 of 2 accounts breaches the policy (222222222222) — 1 medium finding'
    })
    const passed = multi([
      own('111111111111', 'high'),
      own('222222222222', 'critical'),
      own('333333333333', 'critical')
    ])
    expect(multiAccountVerdict(passed).summary).toBe(
      'passed: no findings at or above high; critical for 222222222222, 333333333333 in 3 accounts'
    )
    const head = renderMultiAccountSummary(passed).split('\n')
    expect(head).toContain(
      '- **Fail on severity:** `high` (account overrides: `222222222222` `critical`, `333333333333` `critical`)'
    )
    const notice = planMultiAccountAnnotations(passed).find(a => a.level === 'notice')
    expect(notice?.message).toBe(
      '3 findings below fail-on-severity (high; critical for 222222222222, 333333333333) that are not annotated: see the job summary and code scanning (SARIF).'
    )
  })

  it('lists at most five accounts by id', () => {
    const ids = Array.from({ length: 8 }, (_, i) => String(100000000000 + i))
    const v = multiAccountVerdict(multi(ids.map(id => failedEntry(id))))
    expect(v.summary).toBe(
      `error: 8 of 8 accounts could not be audited (${ids.slice(0, 5).join(', ')} and 3 more)`
    )
  })
})

describe('the multi-account JSON document', () => {
  it('has the overall verdict, then each account in the single-account shape or its error', () => {
    const doc = toMultiAccountJson(multi([audited('111111111111'), failedEntry('222222222222')]))
    expect(Object.keys(doc)).toEqual([
      'schemaVersion',
      'tool',
      'evaluatedAt',
      'policy',
      'verdict',
      'counts',
      'warnings',
      'accounts'
    ])
    expect(Object.keys(doc.accounts[0]!)).toEqual([
      'accountId',
      'roleArn',
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
    expect(doc.accounts[1]).toEqual({
      accountId: '222222222222',
      roleArn: 'arn:aws:iam::222222222222:role/gate',
      error: 'access denied to iam:GetCredentialReport'
    })
  })
})

describe('renderMultiAccountSummary', () => {
  it('stays within the budget with many large accounts, every account in the table', () => {
    const ids = Array.from({ length: 40 }, (_, i) => String(100000000000 + i))
    const entries = ids.map(id => ({
      ...(audited(id) as Extract<AccountEntry, { kind: 'audited' }>),
      ctx: context({ evaluation: evaluation({ accountId: id, findings: manyFindings(400) }) })
    }))
    const maxBytes = 200 * 1024
    const text = renderMultiAccountSummary(multi(entries), { maxBytes })
    expect(byteLength(text)).toBeLessThanOrEqual(maxBytes)
    expect(text.split('\n')[0]).toMatch(
      /^## ❌ IAM Credential Gate failed: 40 of 40 accounts breach/
    )
    for (const id of ids) expect(text).toContain(`| \`${id}\` |`)
    expect(text.match(/<details><summary>❌ \d{12}: /g)).toHaveLength(40)
    // Every account's section was shortened to its share, and says so.
    expect(text).toContain('left out to keep this summary under')
    expect(text.match(/<\/details>/g)!.length).toBeGreaterThanOrEqual(40)
  })

  it('keeps the head when the budget cannot hold the accounts’ details', () => {
    const text = renderMultiAccountSummary(
      multi([audited('111111111111'), failedEntry('222222222222')]),
      { maxBytes: 2000 }
    )
    expect(byteLength(text)).toBeLessThanOrEqual(2000)
    expect(text).toContain('| `222222222222` | ⚠️ not audited |')
    expect(text).not.toContain('<details>')
    expect(text).toContain("Each account's own summary is left out")
  })

  it('escapes an error message', () => {
    const text = renderMultiAccountSummary(
      multi([failedEntry('222222222222', 'denied <script>alert(1)</script> | `x`')])
    )
    expect(text).toContain('denied \\<script\\>alert(1)\\</script\\> \\| \\`x\\`')
  })
})

describe('planMultiAccountAnnotations', () => {
  it('caps each level over every account: accounts not audited, then the most severe findings', () => {
    const entries: AccountEntry[] = [
      failedEntry('999999999999'),
      ...Array.from({ length: 6 }, (_, i) =>
        audited(String(100000000000 + i), [
          breaching(`u${i}a`),
          breaching(`u${i}b`),
          finding({
            ruleId: ruleId('root-access-keys'),
            user: '<root_account>',
            severity: 'critical'
          })
        ])
      )
    ]
    const plan = planMultiAccountAnnotations(multi(entries))
    const errors = plan.filter(a => a.level === 'error')
    expect(errors).toHaveLength(10)
    expect(errors[0]!.message).toBe(
      'account 999999999999 could not be audited: access denied to iam:GetCredentialReport'
    )
    // The six critical findings come before any high one, whatever their account.
    expect(errors.slice(1, 7).map(a => a.properties.title?.split(' ')[0])).toEqual(
      Array(6).fill('critical')
    )
    expect(errors[1]!.message).toMatch(/^\[100000000000\] root account/)
    expect(plan.at(-1)).toMatchObject({
      level: 'notice',
      message:
        '9 more errors (findings that fail the gate, or accounts not audited): see the job summary and code scanning (SARIF).'
    })
  })
})

describe('splitPolicyWarnings', () => {
  const stale = (line: number) => ({
    kind: 'stale-exemption' as const,
    message: `stale exemption at ${line} matches no finding: remove it`,
    file: '.github/iam-policy.yml',
    line
  })
  const ex = (line: number, accounts: string[] | null): Exemption => ({
    index: line,
    rules: ['*'],
    users: ['x'],
    arns: null,
    accounts,
    reason: 'r',
    expires: '2099-01-01',
    expiresAt: Date.UTC(2099, 0, 2),
    line
  })

  it('warns once, and only about exemptions stale in every account they apply to', () => {
    const p = { ...policy(), exemptions: [ex(10, null), ex(20, null), ex(30, ['555555555555'])] }
    const ctx = (accountId: string, warnings: ReturnType<typeof stale>[]) =>
      context({
        evaluation: evaluation({
          accountId,
          warnings: [...warnings, { kind: 'report', message: 'old report' }]
        })
      })
    const { contexts, policyWarnings } = splitPolicyWarnings(
      [
        ctx('111111111111', [stale(10), stale(20), stale(30)]),
        ctx('222222222222', [stale(10), stale(30)])
      ],
      p
    )
    // 10: stale everywhere; 20: used in account 2; 30: for an account not in this run.
    expect(policyWarnings.map(w => w.line)).toEqual([10])
    for (const c of contexts)
      expect(c.evaluation.warnings).toEqual([{ kind: 'report', message: 'old report' }])
  })
})

describe('renderMultiAccountSarif', () => {
  it('one run per audited account, 20 per file, and nothing when no account was audited', () => {
    const entries = Array.from({ length: 41 }, (_, i) => audited(String(100000000000 + i)))
    const logs = renderMultiAccountSarif(multi([...entries, failedEntry('999999999999')]))
    expect(logs.map(l => l.runs.length)).toEqual([20, 20, 1])
    for (const log of logs) expect(validateGithubConstraints(log)).toEqual([])
    expect(renderMultiAccountSarif(multi([failedEntry('999999999999')]))).toEqual([])
  })
})

describe('renderMultiAccountJsonPieces', () => {
  const many = (n: number, account: string) =>
    Array.from({ length: n }, (_, i) =>
      finding({ ruleId: ROTATION, user: `user-${account}-${String(i).padStart(5, '0')}` })
    )

  it.each([
    ['no account findings', () => multi([audited('111111111111', [])])],
    ['an account that failed alone', () => multi([failedEntry('222222222222')])],
    [
      'accounts with thousands of findings and a failed one',
      () =>
        multi([
          audited('111111111111', many(2_500, 'a')),
          failedEntry('222222222222'),
          audited('333333333333', many(1_001, 'c')),
          audited('444444444444', [])
        ])
    ]
  ])('joins to the whole document: %s', (_what, make) => {
    const m = make()
    const pieces = [...renderMultiAccountJsonPieces(m)]
    expect(pieces.join('')).toBe(renderMultiAccountJson(m))
    // No piece holds more than one chunk of an account's findings.
    const longest = Math.max(...pieces.map(p => p.length))
    const findings = m.accounts.reduce(
      (n, a) => n + (a.kind === 'audited' ? a.ctx.evaluation.findings.length : 0),
      0
    )
    if (findings > 2_000) expect(longest).toBeLessThan(renderMultiAccountJson(m).length / 2)
  })
})

describe('renderMultiAccountSarifPieces', () => {
  it('gives each file as renderMultiAccountSarif does, in pieces, 20 runs a file', () => {
    const accounts: AccountEntry[] = Array.from({ length: 42 }, (_, i) => {
      const id = String(100000000000 + i)
      if (i === 3) return failedEntry(id)
      const n = i === 0 ? 2_100 : i % 5
      return audited(
        id,
        Array.from({ length: n }, (_, k) =>
          finding({ ruleId: ROTATION, user: `user-${i}-${String(k).padStart(5, '0')}` })
        )
      )
    })
    const m = multi(accounts)
    const whole = renderMultiAccountSarif(m).map(log => `${JSON.stringify(log, null, 2)}\n`)
    const files = renderMultiAccountSarifPieces(m)
    expect(files).toHaveLength(whole.length)
    expect(whole).toHaveLength(3)
    files.forEach((file, i) => expect([...file()].join('')).toBe(whole[i]))
    // The first account's 2,100 results are not one piece.
    expect(Math.max(...[...files[0]!()].map(p => p.length))).toBeLessThan(whole[0]!.length / 2)
  })

  it('writes no file when no account was audited', () => {
    expect(renderMultiAccountSarifPieces(multi([failedEntry('222222222222')]))).toEqual([])
  })
})
