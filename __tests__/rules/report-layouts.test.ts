/**
 * Older report layouts, over the whole catalog: which rules evaluate, which
 * are partly evaluated and which are not evaluated, and why. The same account
 * is written in the current 22-column layout, in the pre-2015 16-column
 * layout (no `*_last_used_*` columns, as in fixtures/reports/old-layout.csv)
 * and in a 20-column layout without the two `*_last_used_service` columns.
 * A rule that says nothing about a layout must find exactly what it finds
 * with every column; a partly evaluated rule only a subset of it.
 */
import { readFileSync } from 'node:fs'
import type { AccountFacts } from '../../src/account/types.js'
import { evaluate } from '../../src/evaluate.js'
import type { Evaluation } from '../../src/evaluation.js'
import { loadPolicy } from '../../src/policy/load.js'
import { parseCredentialReport } from '../../src/report/parse.js'
import { REPORT_COLUMNS } from '../../src/report/types.js'
import { RULES } from '../../src/rules/catalog.js'
import { ACCOUNT_ID, sampleRootRow, sampleRow, toCsv, userArn } from '../helpers/csv.js'

const NOW = Date.parse('2026-11-22T00:00:00Z')

/** Every rule on, with its default parameters. */
const ALL_RULES = loadPolicy(
  `version: 1\nrules:\n${RULES.map(r => `  ${r.id}: { enabled: true }`).join('\n')}\n`,
  'policy.yml'
)

const LAYOUTS = {
  22: REPORT_COLUMNS,
  20: REPORT_COLUMNS.filter(c => !c.endsWith('_last_used_service')),
  16: REPORT_COLUMNS.filter(c => !c.includes('_last_used_'))
} as const

/** Something for every rule to find when every column is there. */
const ROWS = [
  sampleRootRow({
    password_last_used: '2026-11-21T08:00:00Z',
    access_key_1_active: 'true',
    access_key_1_last_rotated: '2024-01-01T00:00:00Z',
    access_key_1_last_used_date: '2026-11-20T00:00:00Z',
    access_key_2_last_rotated: '2024-06-01T00:00:00Z',
    cert_1_active: 'true',
    cert_1_last_rotated: '2020-01-01T00:00:00Z'
  }),
  sampleRow({
    user: 'worst',
    user_creation_time: '2025-01-01T00:00:00Z',
    password_last_used: 'no_information',
    password_last_changed: '2025-01-01T00:00:00Z',
    mfa_active: 'false',
    access_key_1_active: 'true',
    access_key_1_last_rotated: '2025-01-01T00:00:01Z',
    access_key_2_active: 'true',
    access_key_2_last_rotated: '2026-05-01T00:00:00Z',
    access_key_2_last_used_date: '2026-08-01T00:00:00Z',
    access_key_2_last_used_region: 'us-east-1',
    access_key_2_last_used_service: 's3',
    cert_1_active: 'true',
    cert_1_last_rotated: '2026-01-01T00:00:00Z'
  }),
  sampleRow({
    user: 'gone',
    password_enabled: 'false',
    password_last_used: 'N/A',
    password_last_changed: 'N/A',
    access_key_1_last_rotated: '2026-01-01T00:00:00Z'
  }),
  sampleRow({ user: 'phone' })
]

const LIVE: AccountFacts = {
  summary: {
    status: 'known',
    value: {
      mfaEnabled: true,
      accessKeysPresent: true,
      passwordPresent: true,
      signingCertificatesPresent: true
    }
  },
  virtualMfaDevices: {
    status: 'known',
    value: [
      {
        serialNumber: `arn:aws:iam::${ACCOUNT_ID}:mfa/root`,
        userArn: `arn:aws:iam::${ACCOUNT_ID}:root`
      },
      { serialNumber: `arn:aws:iam::${ACCOUNT_ID}:mfa/p1`, userArn: userArn('phone') }
    ]
  },
  passwordPolicy: { status: 'known', value: null }
}

function run(layout: keyof typeof LAYOUTS, account?: AccountFacts): Evaluation {
  const report = parseCredentialReport(toCsv(LAYOUTS[layout], ROWS))
  return evaluate(report, ALL_RULES, NOW, account ? { account } : {})
}

const reasons = (e: Evaluation) => Object.fromEntries(e.notEvaluated.map(n => [n.ruleId, n.reason]))
const keys = (e: Evaluation, ruleId: string) =>
  e.findings
    .filter(f => f.ruleId === ruleId)
    .map(f => `${f.user}:${f.credential}:${f.severity}:${f.fingerprint}`)

const LAST_USED_MISSING =
  'columns access_key_1_last_used_date, access_key_2_last_used_date missing from the credential report'

/** What each layout leaves undecided in a live audit (every fact known). */
const UNDECIDED: Record<keyof typeof LAYOUTS, Record<string, string>> = {
  22: {},
  20: {},
  16: {
    'root-recent-use': `partly evaluated: ${LAST_USED_MISSING}, so root access key use is not checked, only the root password's`,
    'initial-setup-access-key': LAST_USED_MISSING,
    'unused-access-key': LAST_USED_MISSING
  }
}

/** What a report-file audit (no account facts) adds, whatever the layout. */
const NO_FACTS = {
  'root-hardware-mfa':
    'needs a live account (iam:GetAccountSummary); not available when auditing a report file',
  'user-hardware-mfa':
    'needs a live account (iam:ListVirtualMFADevices); not available when auditing a report file',
  'password-policy':
    'needs a live account (iam:GetAccountPasswordPolicy); not available when auditing a report file'
}

describe('older report layouts, over the whole catalog', () => {
  it('the layouts have 22, 20 and 16 columns', () => {
    expect([LAYOUTS[22].length, LAYOUTS[20].length, LAYOUTS[16].length]).toEqual([22, 20, 16])
  })

  it('with every column, every rule evaluates and finds something', () => {
    const e = run(22, LIVE)
    expect(e.notEvaluated).toEqual([])
    expect(new Set(e.findings.map(f => f.ruleId))).toEqual(
      new Set(RULES.filter(r => r.id !== 'root-mfa').map(r => r.id))
    )
  })

  describe.each([22, 20, 16] as const)('%d columns', layout => {
    it('live audit: only what the missing columns leave undecided is not evaluated, with the reason', () => {
      expect(reasons(run(layout, LIVE))).toEqual(UNDECIDED[layout])
    })

    it('report-file audit: the account-fact rules are not evaluated too', () => {
      expect(reasons(run(layout))).toEqual({ ...UNDECIDED[layout], ...NO_FACTS })
    })

    it('a rule that evaluates finds what it finds with every column; a partly evaluated one a subset', () => {
      const full = run(22, LIVE)
      const e = run(layout, LIVE)
      const why = reasons(e)
      for (const rule of RULES) {
        const reason = why[rule.id]
        if (reason === undefined) {
          expect([rule.id, keys(e, rule.id)]).toEqual([rule.id, keys(full, rule.id)])
        } else if (reason.startsWith('partly evaluated')) {
          for (const k of keys(e, rule.id)) expect(keys(full, rule.id)).toContain(k)
        } else {
          expect(keys(e, rule.id)).toEqual([])
        }
      }
    })
  })

  it('16 columns: root-recent-use still fires on the password use, and root-access-keys on the active key', () => {
    const e = run(16, LIVE)
    expect(keys(e, 'root-recent-use')).toHaveLength(1)
    expect(e.findings.find(f => f.ruleId === 'root-recent-use')?.message).toContain(
      'access_key_1 last used: column missing'
    )
    expect(keys(e, 'root-access-keys').map(k => k.split(':').slice(0, 3).join(':'))).toEqual([
      '<root_account>:access_key_1:critical',
      '<root_account>:access_key_2:low'
    ])
  })

  it('without last_rotated, root-access-keys and unused-access-key are partly evaluated', () => {
    const columns = REPORT_COLUMNS.filter(c => !c.endsWith('_last_rotated') || c.startsWith('cert'))
    const e = evaluate(parseCredentialReport(toCsv(columns, ROWS)), ALL_RULES, NOW, {
      account: LIVE
    })
    const why = reasons(e)
    expect(why['root-access-keys']).toBe(
      'partly evaluated: columns access_key_1_last_rotated, access_key_2_last_rotated missing from the credential report, so deactivated root access keys (reported as low) are not found, only active ones'
    )
    expect(why['unused-access-key']).toMatch(/^partly evaluated: .*never used are not checked/)
    // The active root key and the key used 113 days ago are still found.
    expect(keys(e, 'root-access-keys').map(k => k.split(':')[1])).toEqual(['access_key_1'])
    expect(keys(e, 'unused-access-key').map(k => k.split(':').slice(0, 2).join(':'))).toEqual([
      'worst:access_key_2'
    ])
    // Rules that cannot decide anything without the dates say so.
    expect(why['access-key-rotation']).toMatch(/^columns .* missing from the credential report$/)
    expect(why['inactive-access-key']).toMatch(/^columns .* missing from the credential report$/)
  })

  it('an account fact refused (AccessDenied) makes its rules not evaluated with the reason, never a crash', () => {
    const denied: AccountFacts = {
      ...LIVE,
      virtualMfaDevices: {
        status: 'unavailable',
        reason: 'missing permission iam:ListVirtualMFADevices'
      }
    }
    const why = reasons(run(22, denied))
    expect(why).toEqual({
      'root-hardware-mfa': 'missing permission iam:ListVirtualMFADevices',
      'user-hardware-mfa': 'missing permission iam:ListVirtualMFADevices'
    })
  })

  it('the real pre-2015 fixture (16 columns) evaluates the same way', () => {
    const csv = readFileSync('__tests__/fixtures/reports/old-layout.csv', 'utf8')
    const now = Date.parse('2014-12-05T00:00:00Z')
    const e = evaluate(parseCredentialReport(csv), ALL_RULES, now, { account: LIVE })
    expect(reasons(e)).toEqual(UNDECIDED[16])
    // Root signed in 14 days before: found from password_last_used alone.
    expect(e.findings.filter(f => f.ruleId === 'root-recent-use').map(f => f.message)).toEqual([
      expect.stringContaining('Root password was last used 2014-11-20')
    ])
  })
})
