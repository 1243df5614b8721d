import { byteLength } from '../../src/render/markdown.js'
import { DEFAULT_SUMMARY_MAX_BYTES, renderSummary } from '../../src/render/summary.js'
import { ROOT_USER } from '../../src/report/types.js'
import {
  context,
  evaluation,
  exemption,
  finding,
  HOSTILE_USERS,
  HOUR,
  manyFindings,
  NOW,
  policy,
  ruleId
} from './builders.js'

const ROTATION = ruleId('access-key-rotation')
const CONSOLE_MFA = ruleId('console-user-mfa', 'access-key-rotation')
const ROOT_MFA = ruleId('root-mfa', 'access-key-rotation')

/** A fixed, failing evaluation that exercises every section. */
function fixedContext() {
  return context({
    evaluation: evaluation({
      findings: [
        finding({
          ruleId: ROOT_MFA,
          user: ROOT_USER,
          credential: null,
          severity: 'critical',
          message: 'The root user has no MFA device (mfa_active is false).'
        }),
        finding({
          ruleId: CONSOLE_MFA,
          user: 'alice',
          credential: 'password',
          severity: 'high',
          message: 'Console password enabled without MFA; password last used 2026-02-20T08:00:00Z.'
        }),
        finding({
          ruleId: CONSOLE_MFA,
          user: 'bob',
          credential: 'password',
          severity: 'high',
          message: 'Console password enabled without MFA; password last used never.'
        }),
        finding({ ruleId: ROTATION, user: 'ci-deploy', keyId: 'AKIAEXAMPLE000000001' }),
        finding({
          ruleId: ROTATION,
          user: 'break-glass',
          credential: 'access_key_2',
          exemption: exemption()
        })
      ],
      warnings: [
        {
          kind: 'expired-exemption',
          message: 'Exemption 2 (legacy-*) expired on 2026-01-31 and no longer applies.',
          file: '.github/iam-policy.yml',
          line: 31,
          column: 5
        },
        {
          kind: 'stale-exemption',
          message: 'Exemption 3 matches no finding; remove it.',
          file: '.github/iam-policy.yml',
          line: 38,
          column: 5
        }
      ],
      notEvaluated: [{ ruleId: ROOT_MFA, reason: 'needs a live account (iam:GetAccountSummary)' }],
      userCount: 4
    }),
    policy: policy({ kind: 'file', path: '.github/iam-policy.yml' })
  })
}

/** A row with every backslash escape (`\\x`) removed: what is left is markdown syntax. */
function syntax(row: string): string {
  return row.replace(/\\[\s\S]/g, '')
}

/** Cells of a markdown table row: split on unescaped `|`. */
function cells(row: string): string[] {
  return syntax(row).split('|').slice(1, -1)
}

describe('renderSummary', () => {
  it('renders a fixed evaluation (snapshot)', () => {
    expect(renderSummary(fixedContext())).toMatchSnapshot()
  })

  it('leads with the verdict and why', () => {
    const text = renderSummary(fixedContext())
    const first = text.split('\n')[0]!
    expect(first).toMatch(/^## ❌ IAM Credential Gate failed: /)
    expect(first).toContain(CONSOLE_MFA)
  })

  it('says passed with a check mark and "No findings." when there are none', () => {
    const text = renderSummary(context({ evaluation: evaluation() }))
    expect(text.split('\n')[0]).toBe(
      '## ✅ IAM Credential Gate passed: no findings at or above high'
    )
    expect(text).toContain('No findings.')
    expect(text).not.toContain('Exempted findings')
    expect(text).not.toContain('Warnings')
  })

  it('gives the account, report age with the 4-hour note, policy file and threshold', () => {
    const text = renderSummary(fixedContext())
    expect(text).toContain('**Account:** `123456789012`')
    expect(text).toContain('generated 2026-03-01T07:00:00Z (5 hours old), fetched from AWS')
    expect(text).toContain('at most every 4 hours')
    expect(text).toContain('**Policy:** .github/iam-policy.yml')
    expect(text).toContain('**Fail on severity:** `high`')
  })

  it('names the built-in policy and a report file without a generation time', () => {
    const e = evaluation({ policy: { kind: 'built-in' } })
    const text = renderSummary(
      context({
        evaluation: e,
        policy: policy({ kind: 'built-in' }),
        reportGeneratedAt: null,
        reportSource: { kind: 'file', path: 'reports/credential-report.csv' }
      })
    )
    expect(text).toContain('**Policy:** built-in default')
    expect(text).toContain('read from reports/credential-report.csv; generation time unknown')
  })

  it('shows ages in days past two days', () => {
    const text = renderSummary(context({ reportGeneratedAt: NOW - 75 * HOUR }))
    expect(text).toContain('(3 days 3 hours old)')
  })

  it('says "root credentials removed" when they are', () => {
    const text = renderSummary(context({ evaluation: evaluation({ rootCredentials: 'removed' }) }))
    expect(text).toContain('root credentials removed')
    expect(renderSummary(context())).not.toContain('root credentials removed')
  })

  it('counts by severity, with exempted, in a table', () => {
    const text = renderSummary(fixedContext())
    expect(text).toContain('| 🟥 critical | 1 | yes |')
    expect(text).toContain('| 🟧 high | 2 | yes |')
    expect(text).toContain('| 🟨 medium | 1 | no |')
    expect(text).toContain('| exempted | 1 | no |')
  })

  it('groups findings by rule, most severe group first, with CIS references', () => {
    const text = renderSummary(fixedContext())
    const rootAt = text.indexOf(`— \`${ROOT_MFA}\``)
    const mfaAt = text.indexOf(`— \`${CONSOLE_MFA}\``)
    const rotationAt = text.indexOf(`— \`${ROTATION}\``)
    expect(rootAt).toBeGreaterThan(0)
    if (ROOT_MFA !== ROTATION) expect(rootAt).toBeLessThan(rotationAt)
    if (CONSOLE_MFA !== ROTATION) expect(mfaAt).toBeLessThan(rotationAt)
    expect(text).toContain('**CIS:** ')
    expect(text).toContain('AKIAEXAMPLE000000001')
  })

  it('lists exempted findings collapsed, with reason and expiry', () => {
    const text = renderSummary(fixedContext())
    expect(text).toContain(
      '<details><summary>1 exempted finding (not counted by the gate)</summary>'
    )
    expect(text).toContain('Break-glass key, reviewed quarterly | 2026-06-30 |')
  })

  it('lists warnings with their policy line and rules not evaluated with why', () => {
    const text = renderSummary(fixedContext())
    expect(text).toContain('### ⚠️ Warnings (2)')
    expect(text).toContain('.github/iam-policy.yml line 31')
    expect(text).toContain('### Rules not evaluated (1)')
    expect(text).toContain('needs a live account (iam:GetAccountSummary)')
  })

  it('collapses long tables in <details>', () => {
    const findings = Array.from({ length: 11 }, (_, i) =>
      finding({ ruleId: ROTATION, user: `user-${i}` })
    )
    const text = renderSummary(context({ evaluation: evaluation({ findings }) }))
    expect(text).toContain('<details><summary>11 findings</summary>')
    const short = renderSummary(
      context({ evaluation: evaluation({ findings: findings.slice(0, 10) }) })
    )
    expect(short).not.toContain('<details><summary>10 findings</summary>')
  })

  it('escapes markdown and HTML in user-controlled strings', () => {
    const findings = HOSTILE_USERS.map(user =>
      finding({
        ruleId: ROTATION,
        user,
        message: `Evidence for ${user} | with *stars* and <b>tags</b>`
      })
    )
    const text = renderSummary(context({ evaluation: evaluation({ findings }) }))
    const rows = text.split('\n').filter(l => l.startsWith('| ') && l.includes('Evidence for'))
    expect(rows).toHaveLength(HOSTILE_USERS.length)
    for (const row of rows) {
      // User, credential, evidence: no user-supplied `|` splits a cell.
      expect(cells(row)).toHaveLength(3)
      expect(syntax(row).replace(/`access_key_1`/, '')).not.toMatch(/[<>*_`[\]$&]/)
    }
    expect(syntax(text)).not.toContain('<script>')
    expect(text).toContain('\\<script\\>')
    expect(text).not.toContain('\u202e')
    expect(text).toContain('rtlU+202Eevil')
    // Line breaks in a name stay inside the row.
    expect(text).toContain('lineU+000AbreakU+000DU+000Ahere')
  })

  describe('size budget', () => {
    it('stays under the default 900 KiB with 5,000 users, leaving out rows it says where to find', () => {
      const findings = manyFindings(5_000, 2)
      const text = renderSummary(context({ evaluation: evaluation({ findings }) }))
      expect(byteLength(text)).toBeLessThanOrEqual(DEFAULT_SUMMARY_MAX_BYTES)
      expect(text).toContain('This summary is shortened')
      expect(text).toMatch(/more rows? of [a-z-]+ findings left out/)
      expect(text).toContain('SARIF file')
      expect(text).toContain('JSON output')
      // Verdict and counts survive at the top.
      expect(text.split('\n')[0]).toMatch(/^## /)
      expect(text).toContain('| Severity | Findings | Fails the gate |')
      // Every finding is either a row or counted as left out.
      const shown = text.split('\n').filter(l => l.startsWith('| service-account-')).length
      const left = [...text.matchAll(/_([\d,]+) more rows? of /g)].reduce(
        (n, m) => n + Number(m[1]!.replace(/,/g, '')),
        0
      )
      expect(shown + left).toBe(findings.length)
      expect(shown).toBeGreaterThan(1000)
    })

    it('says when the SARIF file leaves findings out (over 25,000) and counts rows exactly', () => {
      const findings = manyFindings(13_000, 2).map((f, i) => ({
        ...f,
        severity: i % 26 === 0 ? ('low' as const) : f.severity
      }))
      const text = renderSummary(context({ evaluation: evaluation({ findings }) }))
      expect(byteLength(text)).toBeLessThanOrEqual(DEFAULT_SUMMARY_MAX_BYTES)
      expect(text).toContain(
        '> The SARIF file has the 25,000 most severe findings and leaves out 1,000 less severe findings: GitHub code scanning accepts at most 25,000 results per run. The JSON output has every finding.'
      )
      expect(text).toMatch(
        /left out to keep this summary under GitHub's size limit; every finding is in the JSON output\._/
      )
      expect(text).not.toContain('every finding is in the SARIF file')
      expect(text).toContain('The JSON output has everything.')
      const shown = text.split('\n').filter(l => l.startsWith('| service-account-')).length
      const left = [...text.matchAll(/_([\d,]+) more rows? of /g)].reduce(
        (n, m) => n + Number(m[1]!.replace(/,/g, '')),
        0
      )
      expect(shown + left).toBe(findings.length)
    })

    it('does not mention a SARIF limit at 25,000 findings or fewer', () => {
      const text = renderSummary(
        context({ evaluation: evaluation({ findings: manyFindings(12_500, 2) }) })
      )
      expect(text).not.toContain('most severe findings')
      expect(text).toContain(
        'every finding is in the SARIF file (code scanning alerts) and the JSON output'
      )
    })

    it('keeps everything when it fits', () => {
      const findings = manyFindings(200)
      const text = renderSummary(context({ evaluation: evaluation({ findings }) }))
      expect(text).not.toContain('left out')
      expect(text.split('\n').filter(l => l.startsWith('| service-account-'))).toHaveLength(200)
    })

    it.each([8_000, 20_000, 100_000])('honours a maxBytes of %i, row by row', maxBytes => {
      const findings = manyFindings(2_000)
      const text = renderSummary(context({ evaluation: evaluation({ findings }) }), { maxBytes })
      expect(byteLength(text)).toBeLessThanOrEqual(maxBytes)
      const shown = text.split('\n').filter(l => l.startsWith('| service-account-')).length
      expect(shown).toBeGreaterThan(0)
      // Row by row: the budget is nearly used, not halved.
      expect(byteLength(text)).toBeGreaterThan(maxBytes - 400)
      const left = [...text.matchAll(/_([\d,]+) more rows? of /g)].reduce(
        (n, m) => n + Number(m[1]!.replace(/,/g, '')),
        0
      )
      expect(shown + left).toBe(findings.length)
    })

    it('truncates exempted findings and warnings too', () => {
      const findings = manyFindings(3_000).map(f => ({
        ...f,
        exempted: true,
        exemption: exemption('x'.repeat(200))
      }))
      const warnings = Array.from({ length: 3_000 }, (_, i) => ({
        kind: 'stale-exemption' as const,
        message: `Exemption ${i} matches no finding; remove it. ${'y'.repeat(200)}`,
        file: 'policy.yml',
        line: i + 1
      }))
      const text = renderSummary(context({ evaluation: evaluation({ findings, warnings }) }), {
        maxBytes: 200_000
      })
      expect(byteLength(text)).toBeLessThanOrEqual(200_000)
      expect(text).toContain('left out')
    })

    it('cuts at a line even when the fixed text alone is over budget', () => {
      const text = renderSummary(fixedContext(), { maxBytes: 600 })
      expect(byteLength(text)).toBeLessThanOrEqual(600)
      expect(text).toContain('cut short')
    })
  })
})
