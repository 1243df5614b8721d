/**
 * A finding's fingerprint is its identity across runs (SARIF
 * `primaryLocationLineHash`, so code-scanning alert identity, and the policy
 * review's diff): a fixed function of account, rule, principal and
 * credential, and of nothing else.
 */
import { evaluate } from '../src/evaluate.js'
import { findingFingerprint } from '../src/fingerprint.js'
import { defaultPolicy } from '../src/policy/load.js'
import type { CredentialReport } from '../src/report/types.js'
import { REPORT_COLUMNS } from '../src/report/types.js'
import { ACCOUNT, NOW, daysAgo, rootRow, userRow } from './helpers/rows.js'
import { MS_PER_DAY } from '../src/time.js'

describe('findingFingerprint', () => {
  it('keeps its published values: changing them would reopen every code-scanning alert', () => {
    expect(findingFingerprint(ACCOUNT, 'unused-access-key', 'alice', 'access_key_1')).toBe(
      '509137c764363e2a15ae0ebe6589de48'
    )
    expect(findingFingerprint(null, 'root-mfa', '<root_account>', null)).toBe(
      '68bb8a802213af7998490083c0b0990e'
    )
  })

  it('changes with each of its four inputs', () => {
    const base = ['123456789012', 'unused-access-key', 'alice', 'access_key_1'] as const
    const prints = [
      findingFingerprint(...base),
      findingFingerprint('210987654321', base[1], base[2], base[3]),
      findingFingerprint(null, base[1], base[2], base[3]),
      findingFingerprint(base[0], 'access-key-rotation', base[2], base[3]),
      findingFingerprint(base[0], base[1], 'bob', base[3]),
      findingFingerprint(base[0], base[1], base[2], 'access_key_2'),
      findingFingerprint(base[0], base[1], base[2], null)
    ]
    expect(new Set(prints).size).toBe(prints.length)
    for (const p of prints) expect(p).toMatch(/^[0-9a-f]{32}$/)
  })

  it('keeps the inputs apart: moving a character from one input to the next changes it', () => {
    expect(findingFingerprint(ACCOUNT, 'rule-a', 'bc', null)).not.toBe(
      findingFingerprint(ACCOUNT, 'rule-ab', 'c', null)
    )
  })
})

describe('fingerprints of evaluated findings', () => {
  const report = (accountId: string): CredentialReport => ({
    accountId,
    partition: 'aws',
    columns: REPORT_COLUMNS,
    root: rootRow({ mfaActive: false }),
    users: [
      userRow({
        user: 'alice',
        passwordEnabled: true,
        keys: [{ active: true, lastRotated: daysAgo(200), lastUsedDate: daysAgo(100) }]
      })
    ]
  })

  const prints = (accountId: string, now: number) =>
    evaluate(report(accountId), defaultPolicy(), now).findings.map(f => [
      f.ruleId,
      f.user,
      f.credential,
      f.fingerprint
    ])

  it('are the function of account, rule, user and credential', () => {
    const found = prints(ACCOUNT, NOW)
    expect(found.length).toBeGreaterThanOrEqual(4)
    for (const [ruleId, user, credential, fingerprint] of found) {
      expect(fingerprint).toBe(
        findingFingerprint(ACCOUNT, ruleId!, user!, credential as 'password' | null)
      )
    }
  })

  it('stay the same on a later run, when ages and messages have changed', () => {
    const later = NOW + 30 * MS_PER_DAY
    const messages = (now: number) =>
      evaluate(report(ACCOUNT), defaultPolicy(), now).findings.map(f => f.message)
    expect(messages(later)).not.toEqual(messages(NOW))
    expect(prints(ACCOUNT, later)).toEqual(prints(ACCOUNT, NOW))
  })

  it('differ between accounts for the same rule, user and credential', () => {
    const a = prints(ACCOUNT, NOW).map(x => x[3])
    const b = prints('210987654321', NOW).map(x => x[3])
    expect(a.length).toBe(b.length)
    for (const p of a) expect(b).not.toContain(p)
  })
})
