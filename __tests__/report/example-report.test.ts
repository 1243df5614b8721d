import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseCredentialReport } from '../../src/report/parse.js'
import { REPORT_COLUMNS } from '../../src/report/types.js'
import type { CredentialRow } from '../../src/report/types.js'
import { ageInDays } from '../../src/time.js'

const path = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'examples',
  'credential-report.csv'
)
const report = parseCredentialReport(readFileSync(path), {
  source: 'examples/credential-report.csv'
})
const NOW = Date.parse('2026-11-22T12:00:00Z')

function user(name: string): CredentialRow {
  const row = report.users.find(u => u.user === name)
  if (!row) throw new Error(`no user ${name} in the example report`)
  return row
}

const age = (t: unknown): number => ageInDays(NOW, t as number)

describe('examples/credential-report.csv', () => {
  it('is a current-layout report of account 123456789012 with root and 12 users', () => {
    expect(report.columns).toEqual(REPORT_COLUMNS)
    expect(report.accountId).toBe('123456789012')
    expect(report.root).not.toBeNull()
    expect(report.users).toHaveLength(12)
  })

  it('root: password (not_supported), no MFA, one active access key used recently', () => {
    const root = report.root as CredentialRow
    expect(root.passwordEnabled).toBe('not_supported')
    expect(root.mfaActive).toBe(false)
    expect(root.accessKeys.map(k => k.active)).toEqual([true, false])
    expect(age(root.accessKeys[0].lastUsedDate)).toBeLessThanOrEqual(1)
  })

  it('console users without MFA', () => {
    const noMfa = report.users.filter(u => u.passwordEnabled === true && u.mfaActive === false)
    expect(noMfa.map(u => u.user)).toEqual(['dana', 'erik', 'mallory.old'])
  })

  it('an active key about 200 days old', () => {
    expect(user('frank').accessKeys[0].active).toBe(true)
    expect(age(user('frank').accessKeys[0].lastRotated)).toBe(200)
  })

  it('a never-used key created with the user, who has a password (initial setup)', () => {
    const grace = user('grace')
    expect(grace.passwordEnabled).toBe(true)
    expect(grace.accessKeys[0].active).toBe(true)
    expect(grace.accessKeys[0].lastUsedDate).toBe('N/A')
    expect(grace.accessKeys[0].lastRotated).toBe(grace.userCreationTime)
  })

  it('two active keys, an inactive key, an unused password and an idle service key', () => {
    expect(user('hank').accessKeys.map(k => k.active)).toEqual([true, true])
    expect(user('ivy').accessKeys[0].active).toBe(false)
    expect(typeof user('ivy').accessKeys[0].lastRotated).toBe('number')
    expect(age(user('judy').passwordLastUsed)).toBe(100)
    const svc = user('svc-reporting')
    expect(svc.passwordEnabled).toBe(false)
    expect(age(svc.accessKeys[0].lastUsedDate)).toBe(60)
  })

  it('uses both timestamp suffixes', () => {
    const text = readFileSync(path, 'utf8')
    expect(text).toMatch(/\d{2}Z,/)
    expect(text).toMatch(/\+00:00,/)
  })
})
