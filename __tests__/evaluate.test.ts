import fc from 'fast-check'
import type { AccountFacts } from '../src/account/types.js'
import { ReportError } from '../src/errors.js'
import { evaluate } from '../src/evaluate.js'
import { defaultPolicy, loadPolicy } from '../src/policy/load.js'
import type { Policy } from '../src/policy/types.js'
import { parseCredentialReport } from '../src/report/parse.js'
import type { CredentialReport, CredentialRow } from '../src/report/types.js'
import { REPORT_COLUMNS } from '../src/report/types.js'
import { RULES } from '../src/rules/catalog.js'
import { MS_PER_DAY } from '../src/time.js'
import { sampleReport, sampleRootRow, sampleRow, toCsv } from './helpers/csv.js'
import type { RowOverrides } from './helpers/rows.js'
import { ACCOUNT, NOW as ROWS_NOW, rootRow, userRow } from './helpers/rows.js'

const NOW = Date.parse('2026-11-22T00:00:00Z')

/** A console user without MFA whose only key is 200 days old and unused for 60 days. */
const RISKY = sampleRow({
  user: 'svc-legacy-batch',
  mfa_active: 'false',
  access_key_1_active: 'true',
  access_key_1_last_rotated: '2026-05-06T00:00:00Z',
  access_key_1_last_used_date: '2026-09-23T00:00:00Z'
})

function report(csv = sampleReport([sampleRow(), RISKY])) {
  return parseCredentialReport(csv)
}

function policy(yaml: string) {
  return loadPolicy(yaml, '.github/iam-credential-policy.yml')
}

const ids = (e: ReturnType<typeof evaluate>) =>
  e.findings.map(f => `${f.ruleId}:${f.user}:${f.credential}`)

describe('evaluate', () => {
  it('finds what the default policy asks for, sorted by severity, rule, user, credential', () => {
    const e = evaluate(report(), defaultPolicy(), NOW)
    expect(ids(e)).toEqual([
      'console-user-mfa:svc-legacy-batch:null',
      'access-key-rotation:svc-legacy-batch:access_key_1',
      'unused-access-key:svc-legacy-batch:access_key_1',
      'console-and-access-keys:svc-legacy-batch:null'
    ])
    expect(e.counts).toEqual({ critical: 0, high: 1, medium: 2, low: 1 })
    expect(e.verdict.summary).toBe('failed: 1 high finding — console-user-mfa')
    expect(e.account).toEqual({ id: '123456789012', partition: 'aws', rootCredentials: 'present' })
    expect(e.userCount).toBe(2)
    expect(e.policy).toEqual({ kind: 'built-in' })
  })

  it('keeps the root row out of user rules and user rows out of root rules', () => {
    const csv = toCsv(REPORT_COLUMNS, [
      sampleRootRow({ mfa_active: 'false' }),
      sampleRow({ user: 'carol', mfa_active: 'false' })
    ])
    const e = evaluate(parseCredentialReport(csv), defaultPolicy(), NOW)
    const byUser = (u: string) => e.findings.filter(f => f.user === u).map(f => f.ruleId)
    expect(byUser('<root_account>')).toEqual(['root-mfa'])
    expect(byUser('carol')).toEqual(['console-user-mfa'])
    expect(e.findings.find(f => f.ruleId === 'root-mfa')?.arn).toBe(
      'arn:aws:iam::123456789012:root'
    )
  })

  it('applies rule settings: disabled, enabled, severity and parameters', () => {
    const e = evaluate(
      report(),
      policy(`version: 1
rules:
  console-user-mfa: { enabled: false }
  user-mfa: { enabled: true, severity: low }
  access-key-rotation: { max-age-days: 365 }
  console-and-access-keys: { severity: critical }
`),
      NOW
    )
    expect(ids(e)).toEqual([
      'console-and-access-keys:svc-legacy-batch:null',
      'unused-access-key:svc-legacy-batch:access_key_1',
      'user-mfa:svc-legacy-batch:null'
    ])
    expect(e.findings[0]?.severity).toBe('critical')
    expect(e.findings[2]?.severity).toBe('low')
  })

  describe('exemptions', () => {
    const withExemptions = (exemptions: string) =>
      policy(`version: 1\nfail-on-severity: medium\nexemptions:\n${exemptions}`)

    it('marks matched findings exempted with the reason, and leaves them out of the gate', () => {
      const e = evaluate(
        report(),
        withExemptions(`  - rules: [unused-access-key, access-key-rotation]
    users: ["svc-legacy-*"]
    reason: Batch user, replaced by OIDC in SEC-142
    expires: 2027-03-31
`),
        NOW
      )
      const exempted = e.findings.filter(f => f.exempted)
      expect(exempted.map(f => f.ruleId).sort()).toEqual([
        'access-key-rotation',
        'unused-access-key'
      ])
      expect(exempted[0]?.exemption).toEqual({
        reason: 'Batch user, replaced by OIDC in SEC-142',
        expires: '2027-03-31',
        index: 0,
        line: 4
      })
      expect(e.exemptedCount).toBe(2)
      expect(e.counts).toEqual({ critical: 0, high: 1, medium: 0, low: 1 })
      expect(e.warnings).toEqual([])
    })

    it('applies through the whole expiry day (UTC) and not after', () => {
      const p = withExemptions(`  - rules: ["*"]
    users: ["*"]
    reason: migration
    expires: 2026-11-22
`)
      const lastMoment = Date.parse('2026-11-22T23:59:59.999Z')
      expect(evaluate(report(), p, lastMoment).findings.every(f => f.exempted)).toBe(true)
      const after = evaluate(report(), p, lastMoment + 1)
      expect(after.findings.some(f => f.exempted)).toBe(false)
      expect(after.warnings).toEqual([
        {
          kind: 'expired-exemption',
          message:
            'exemption 1 (rules *; users *) expired on 2026-11-22 and no longer applies: remove it, or renew it with a new reason and expiry',
          file: '.github/iam-credential-policy.yml',
          line: 4,
          column: 5
        }
      ])
    })

    it('warns about a live exemption that matches no finding', () => {
      const e = evaluate(
        report(),
        withExemptions(`  - rules: [root-mfa]
    users: ["nobody"]
    reason: none
    expires: 2027-01-01
`),
        NOW
      )
      expect(e.warnings.map(w => [w.kind, w.line])).toEqual([['stale-exemption', 4]])
      expect(e.warnings[0]?.message).toBe(
        'stale exemption 1 (rules root-mfa; users nobody) matches no finding: remove it'
      )
    })

    it('lets the first matching exemption in file order win', () => {
      const e = evaluate(
        report(),
        withExemptions(`  - rules: [console-user-mfa]
    users: ["svc-*"]
    reason: first
    expires: 2027-01-01
  - rules: ["*"]
    arns: ["arn:aws:iam::123456789012:user/svc-legacy-batch"]
    reason: second
    expires: 2027-01-01
`),
        NOW
      )
      expect(e.findings.find(f => f.ruleId === 'console-user-mfa')?.exemption?.reason).toBe('first')
      expect(e.findings.find(f => f.ruleId === 'unused-access-key')?.exemption?.reason).toBe(
        'second'
      )
    })

    it('limits an exemption to the accounts it names', () => {
      const scoped = (account: string) =>
        withExemptions(`  - rules: ["*"]
    users: ["*"]
    accounts: ["${account}"]
    reason: scoped
    expires: 2027-01-01
`)
      expect(evaluate(report(), scoped('123456789012'), NOW).exemptedCount).toBe(4)
      const other = evaluate(report(), scoped('999999999999'), NOW)
      expect(other.exemptedCount).toBe(0)
      expect(other.warnings.map(w => w.kind)).toEqual(['stale-exemption'])
    })
  })

  describe('rules that cannot run', () => {
    it('says which columns an older report lacks', () => {
      const columns = REPORT_COLUMNS.filter(c => !c.includes('_last_used_'))
      const csv = toCsv(columns, [sampleRootRow(), RISKY])
      const e = evaluate(parseCredentialReport(csv), defaultPolicy(), NOW)
      const reasons = Object.fromEntries(e.notEvaluated.map(n => [n.ruleId, n.reason]))
      expect(reasons['unused-access-key']).toMatch(
        /^columns? .*access_key_1_last_used_date.* missing from the credential report$/
      )
      expect(reasons['access-key-rotation']).toBeUndefined()
      expect(e.findings.some(f => f.ruleId === 'access-key-rotation')).toBe(true)
    })

    it('names the missing permission for account facts', () => {
      const account: AccountFacts = {
        summary: { status: 'unavailable', reason: 'missing permission iam:GetAccountSummary' },
        virtualMfaDevices: { status: 'known', value: [] },
        passwordPolicy: { status: 'known', value: null }
      }
      const e = evaluate(report(), defaultPolicy(), NOW, { account })
      expect(e.notEvaluated).toEqual([
        { ruleId: 'root-hardware-mfa', reason: 'missing permission iam:GetAccountSummary' }
      ])
      expect(
        e.findings.some(f => f.ruleId === 'password-policy' && f.user === '<root_account>')
      ).toBe(true)
    })

    it('says account rules need a live account in report-file mode', () => {
      const e = evaluate(report(), defaultPolicy(), NOW)
      expect(e.notEvaluated.map(n => n.ruleId)).toEqual(['root-hardware-mfa', 'password-policy'])
      expect(e.notEvaluated[1]?.reason).toBe(
        'needs a live account (iam:GetAccountPasswordPolicy); not available when auditing a report file'
      )
    })
  })

  describe('root credentials', () => {
    const removedRoot = sampleRootRow({
      password_enabled: 'false',
      password_last_used: 'N/A',
      password_last_changed: 'N/A',
      mfa_active: 'false'
    })

    it('are removed when the account summary shows no password and no keys: no root-mfa finding', () => {
      const account: AccountFacts = {
        summary: {
          status: 'known',
          value: {
            mfaEnabled: false,
            accessKeysPresent: false,
            passwordPresent: false,
            signingCertificatesPresent: false
          }
        }
      }
      const e = evaluate(
        parseCredentialReport(toCsv(REPORT_COLUMNS, [removedRoot])),
        defaultPolicy(),
        NOW,
        { account }
      )
      expect(e.account.rootCredentials).toBe('removed')
      expect(e.findings).toEqual([])
    })

    it('are read as removed from the report alone when password_enabled is false and no key exists', () => {
      const e = evaluate(
        parseCredentialReport(toCsv(REPORT_COLUMNS, [removedRoot])),
        defaultPolicy(),
        NOW
      )
      expect(e.account.rootCredentials).toBe('removed')
    })

    it('are unknown without a root row', () => {
      const e = evaluate(
        parseCredentialReport(toCsv(REPORT_COLUMNS, [sampleRow()])),
        defaultPolicy(),
        NOW
      )
      expect(e.account.rootCredentials).toBe('unknown')
    })
  })

  it('gives each finding a fingerprint stable across runs and distinct per credential', () => {
    const twoKeys = sampleRow({
      user: 'kim',
      access_key_1_active: 'true',
      access_key_1_last_rotated: '2025-01-01T00:00:00Z',
      access_key_1_last_used_date: '2026-11-20T00:00:00Z',
      access_key_2_active: 'true',
      access_key_2_last_rotated: '2025-01-02T00:00:00Z',
      access_key_2_last_used_date: '2026-11-20T00:00:00Z'
    })
    const a = evaluate(report(sampleReport([twoKeys])), defaultPolicy(), NOW)
    const b = evaluate(report(sampleReport([twoKeys])), defaultPolicy(), NOW + 86_400_000)
    const rotation = a.findings.filter(f => f.ruleId === 'access-key-rotation')
    expect(rotation).toHaveLength(2)
    expect(rotation[0]?.fingerprint).not.toBe(rotation[1]?.fingerprint)
    expect(a.findings.map(f => f.fingerprint)).toEqual(b.findings.map(f => f.fingerprint))
    expect(new Set(a.findings.map(f => f.fingerprint)).size).toBe(a.findings.length)
  })

  it('rejects a report with timestamps after the evaluation time', () => {
    const future = sampleReport([
      sampleRow({ user: 'zed', user_creation_time: '2026-12-25T00:00:00Z' })
    ])
    expect(() => evaluate(report(future), defaultPolicy(), NOW)).toThrow(
      new ReportError(
        'credential report line 3, column user_creation_time: 2026-12-25T00:00:00Z is in the future (evaluation time 2026-11-22T00:00:00Z); check the clock, or the --now value'
      )
    )
  })
})

describe('evaluate properties', () => {
  const timestamp = fc
    .integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: NOW })
    .map(t => new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z'))
  const keyColumns = (n: 1 | 2) =>
    fc.record({
      [`access_key_${n}_active`]: fc.constantFrom('true', 'false'),
      [`access_key_${n}_last_rotated`]: fc.oneof(timestamp, fc.constant('N/A')),
      [`access_key_${n}_last_used_date`]: fc.oneof(timestamp, fc.constant('N/A'))
    })
  const user = fc
    .tuple(
      fc.record({
        password_enabled: fc.constantFrom('true', 'false'),
        mfa_active: fc.constantFrom('true', 'false'),
        password_last_used: fc.oneof(timestamp, fc.constantFrom('N/A', 'no_information')),
        user_creation_time: timestamp
      }),
      keyColumns(1),
      keyColumns(2)
    )
    .map(([a, b, c]) => ({ ...a, ...b, ...c }))
  const users = fc
    .array(user, { minLength: 1, maxLength: 12 })
    .map(list =>
      list.map((u, i) =>
        sampleRow({ ...u, user: `user-${i}`, password_last_changed: u.user_creation_time })
      )
    )

  it('is deterministic', () => {
    fc.assert(
      fc.property(users, rows => {
        const r = report(sampleReport(rows))
        expect(evaluate(r, defaultPolicy(), NOW)).toEqual(evaluate(r, defaultPolicy(), NOW))
      }),
      { numRuns: 50 }
    )
  })

  it('never adds a finding when an exemption is added', () => {
    fc.assert(
      fc.property(
        users,
        fc.constantFrom('"*"', 'unused-access-key', 'console-user-mfa'),
        fc.constantFrom('"*"', 'user-1', '"user-[0-4]"'),
        (rows, rule, glob) => {
          const r = report(sampleReport(rows))
          const before = evaluate(r, defaultPolicy(), NOW)
          const after = evaluate(
            r,
            policy(
              `version: 1\nexemptions:\n  - rules: [${rule}]\n    users: [${glob}]\n    reason: r\n    expires: 2027-01-01\n`
            ),
            NOW
          )
          const open = (e: typeof before) =>
            new Set(e.findings.filter(f => !f.exempted).map(f => f.fingerprint))
          const openAfter = open(after)
          for (const fp of openAfter) expect(open(before).has(fp)).toBe(true)
          expect(after.findings.length).toBe(before.findings.length)
        }
      ),
      { numRuns: 50 }
    )
  })

  it('never adds a finding when a threshold is loosened', () => {
    fc.assert(
      fc.property(
        users,
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        (rows, limit, extra) => {
          const r = report(sampleReport(rows))
          const at = (n: number) =>
            evaluate(
              r,
              policy(
                `version: 1\nrules:\n  access-key-rotation: { max-age-days: ${n} }\n  unused-access-key: { max-unused-days: ${n} }\n  unused-password: { max-unused-days: ${n} }\n`
              ),
              NOW
            )
          const strict = new Set(at(limit).findings.map(f => f.fingerprint))
          for (const f of at(limit + extra).findings) expect(strict.has(f.fingerprint)).toBe(true)
        }
      ),
      { numRuns: 50 }
    )
  })
})

describe('a report without the root row', () => {
  it('reports root rules as not evaluated and warns that the report looks incomplete', () => {
    const e = evaluate(
      parseCredentialReport(toCsv(REPORT_COLUMNS, [sampleRow()])),
      defaultPolicy(),
      NOW
    )
    expect(
      e.notEvaluated.filter(n => n.ruleId.startsWith('root-') && n.ruleId !== 'root-hardware-mfa')
    ).toEqual([
      { ruleId: 'root-access-keys', reason: 'no <root_account> row in the credential report' },
      { ruleId: 'root-mfa', reason: 'no <root_account> row in the credential report' },
      { ruleId: 'root-recent-use', reason: 'no <root_account> row in the credential report' },
      {
        ruleId: 'root-signing-certificates',
        reason: 'no <root_account> row in the credential report'
      }
    ])
    expect(e.warnings[0]).toEqual({
      kind: 'report',
      message:
        'the credential report has no <root_account> row (AWS always includes it): root rules were not evaluated; check that the report is complete'
    })
  })

  it('a header-only report passes the gate but says so loudly', () => {
    const e = evaluate(parseCredentialReport(toCsv(REPORT_COLUMNS, [])), defaultPolicy(), NOW)
    expect(e.verdict.result).toBe('passed')
    expect(e.userCount).toBe(0)
    expect(e.warnings.map(w => w.kind)).toEqual(['report'])
  })
})

describe('account overrides', () => {
  const overridden = (account: string) =>
    policy(`version: 1
account-overrides:
  - accounts: ["${account}"]
    reason: sandbox
    fail-on-severity: critical
    rules:
      access-key-rotation: { max-age-days: 365 }
`)

  it("apply to the listed account's report", () => {
    const e = evaluate(report(), overridden('123456789012'), NOW)
    expect(e.findings.some(f => f.ruleId === 'access-key-rotation')).toBe(false)
    expect(e.verdict).toMatchObject({ result: 'passed', failOnSeverity: 'critical' })
  })

  it('leave other accounts on the top-level settings', () => {
    const e = evaluate(report(), overridden('999999999999'), NOW)
    expect(e.findings.some(f => f.ruleId === 'access-key-rotation')).toBe(true)
    expect(e.verdict.failOnSeverity).toBe('high')
  })
})

describe('timestamps in the future', () => {
  // Typed rows (no CSV): each timestamp column the evaluator checks, on root and on a user.
  const base = (root: CredentialRow, users: CredentialRow[]): CredentialReport => ({
    accountId: ACCOUNT,
    partition: 'aws',
    columns: REPORT_COLUMNS,
    root,
    users
  })
  const LIMIT = ROWS_NOW + MS_PER_DAY
  const columns: [string, (t: number) => RowOverrides][] = [
    ['user_creation_time', t => ({ userCreationTime: t })],
    ['password_last_used', t => ({ passwordLastUsed: t })],
    ['password_last_changed', t => ({ passwordLastChanged: t })],
    ['access_key_1_last_rotated', t => ({ keys: [{ lastRotated: t }] })],
    ['access_key_1_last_used_date', t => ({ keys: [{ lastUsedDate: t }] })],
    ['access_key_2_last_rotated', t => ({ keys: [undefined, { lastRotated: t }] })],
    ['access_key_2_last_used_date', t => ({ keys: [undefined, { lastUsedDate: t }] })],
    ['cert_1_last_rotated', t => ({ certs: [{ lastRotated: t }] })],
    ['cert_2_last_rotated', t => ({ certs: [undefined, { lastRotated: t }] })]
  ]

  it.each(columns)(
    '%s: up to a day ahead is clock skew, a millisecond more is refused',
    (column, cells) => {
      const onUser = (t: number) => base(rootRow(), [userRow({ ...cells(t), line: 7 })])
      const onRoot = (t: number) => base(rootRow({ ...cells(t), line: 2 }), [])
      for (const at of [onUser, onRoot]) {
        expect(() => evaluate(at(LIMIT), defaultPolicy(), ROWS_NOW)).not.toThrow()
      }
      expect(() => evaluate(onUser(LIMIT + 1), defaultPolicy(), ROWS_NOW)).toThrow(
        new ReportError(
          `credential report line 7, column ${column}: 2026-06-16T12:00:00.001Z is in the future (evaluation time 2026-06-15T12:00:00Z); check the clock, or the --now value`
        )
      )
      expect(() => evaluate(onRoot(LIMIT + 1), defaultPolicy(), ROWS_NOW)).toThrow(
        `credential report line 2, column ${column}: `
      )
    }
  )
})

describe('what a finding carries', () => {
  const NO_PASSWORD_POLICY: AccountFacts = {
    summary: { status: 'unavailable', reason: 'not asked' },
    virtualMfaDevices: { status: 'unavailable', reason: 'not asked' },
    passwordPolicy: { status: 'known', value: null }
  }
  const only = (id: string) => RULES.filter(r => r.id === id)
  const reportOf = (o: Partial<CredentialReport>): CredentialReport => ({
    accountId: ACCOUNT,
    partition: 'aws',
    columns: REPORT_COLUMNS,
    root: null,
    users: [],
    ...o
  })

  it('an account rule is attributed to root: its row and ARN, or the account root ARN without a row', () => {
    const run = (o: Partial<CredentialReport>) =>
      evaluate(reportOf(o), defaultPolicy(), ROWS_NOW, {
        account: NO_PASSWORD_POLICY,
        rules: only('password-policy')
      }).findings.map(f => [f.user, f.arn, f.reportLine])
    expect(run({ root: rootRow({ line: 5 }) })).toEqual([
      ['<root_account>', 'arn:aws:iam::123456789012:root', 5]
    ])
    expect(run({ partition: 'aws-us-gov' })).toEqual([
      ['<root_account>', 'arn:aws-us-gov:iam::123456789012:root', null]
    ])
    expect(run({ accountId: null, partition: null })).toEqual([
      ['<root_account>', 'arn:aws:iam::000000000000:root', null]
    ])
  })

  it("takes a hit's own severity over the rule's configured one", () => {
    const e = evaluate(
      reportOf({
        root: rootRow({
          keys: [
            { active: true, lastRotated: ROWS_NOW - 10 * MS_PER_DAY },
            { active: false, lastRotated: ROWS_NOW - 10 * MS_PER_DAY }
          ]
        })
      }),
      policy('version: 1\nrules:\n  root-access-keys: { severity: high }\n'),
      ROWS_NOW,
      { rules: only('root-access-keys') }
    )
    expect(e.findings.map(f => [f.credential, f.severity])).toEqual([
      ['access_key_1', 'high'],
      ['access_key_2', 'low']
    ])
  })

  it('names one missing column, or several', () => {
    const reasons = (missing: string[]) =>
      evaluate(
        reportOf({ columns: REPORT_COLUMNS.filter(c => !missing.includes(c)) }),
        defaultPolicy(),
        ROWS_NOW,
        { rules: only('unused-access-key') }
      ).notEvaluated.map(n => n.reason)
    expect(reasons(['access_key_2_last_used_date'])).toEqual([
      'column access_key_2_last_used_date missing from the credential report'
    ])
    expect(reasons(['access_key_1_last_used_date', 'access_key_2_last_used_date'])).toEqual([
      'columns access_key_1_last_used_date, access_key_2_last_used_date missing from the credential report'
    ])
  })

  it('an exemption without a file line (built in code) warns without a line or column', () => {
    const p = defaultPolicy()
    const built: Policy = {
      ...p,
      exemptions: [
        {
          index: 0,
          rules: ['root-mfa'],
          users: ['nobody'],
          arns: null,
          accounts: null,
          reason: 'r',
          expires: '2027-01-01',
          expiresAt: Date.parse('2027-01-02T00:00:00Z'),
          line: 0
        }
      ]
    }
    expect(evaluate(reportOf({ root: rootRow() }), built, ROWS_NOW).warnings).toEqual([
      {
        kind: 'stale-exemption',
        message: 'stale exemption 1 (rules root-mfa; users nobody) matches no finding: remove it',
        file: undefined,
        line: undefined,
        column: undefined
      }
    ])
  })
})

describe('root credential state', () => {
  const stateOf = (root: CredentialRow | null, summary?: AccountFacts['summary']) =>
    evaluate(
      { accountId: ACCOUNT, partition: 'aws', columns: REPORT_COLUMNS, root, users: [] },
      defaultPolicy(),
      ROWS_NOW,
      { account: summary ? { summary } : {}, rules: [] }
    ).account.rootCredentials
  const known = (
    passwordPresent: boolean,
    accessKeysPresent: boolean
  ): AccountFacts['summary'] => ({
    status: 'known',
    value: {
      mfaEnabled: false,
      passwordPresent,
      accessKeysPresent,
      signingCertificatesPresent: false
    }
  })
  const bare = (o: RowOverrides = {}) => rootRow({ passwordEnabled: false, ...o })
  const earlier = ROWS_NOW - 10 * MS_PER_DAY

  it.each([
    ['no password, no key', 'removed', bare()],
    ['password not_supported (a management account)', 'present', rootRow()],
    ['an active key', 'present', bare({ keys: [{ active: true }] })],
    [
      'an inactive key that exists',
      'present',
      bare({ keys: [undefined, { lastRotated: earlier }] })
    ],
    ['no root row', 'unknown', null]
  ] as const)('from the report: %s is %s', (_what, state, root) => {
    expect(stateOf(root)).toBe(state)
  })

  it.each([
    [false, false, 'removed'],
    [true, false, 'present'],
    [false, true, 'present']
  ])(
    'from the account summary (password %p, keys %p): %s, whatever the report says',
    (pw, keys, state) => {
      expect(stateOf(rootRow(), known(pw, keys))).toBe(state)
      expect(stateOf(null, known(pw, keys))).toBe(state)
    }
  )
})
