import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ReportError } from '../../src/errors.js'
import { parseCredentialReport } from '../../src/report/parse.js'
import { REPORT_COLUMNS } from '../../src/report/types.js'
import type { CredentialReport } from '../../src/report/types.js'

const here = dirname(fileURLToPath(import.meta.url))
const GOOD = join(here, '..', 'fixtures', 'reports')
const BAD = join(here, '..', 'fixtures', 'bad', 'reports')

function load(name: string): CredentialReport {
  return parseCredentialReport(readFileSync(join(GOOD, name)), { source: name })
}

const ts = (iso: string): number => Date.parse(iso)

describe('valid fixtures', () => {
  it.each(readdirSync(GOOD).filter(f => f.endsWith('.csv')))('%s parses', name => {
    expect(() => load(name)).not.toThrow()
  })

  it('aws-22-columns.csv: the current layout with both timestamp suffixes', () => {
    const report = load('aws-22-columns.csv')
    expect(report.accountId).toBe('111122223333')
    expect(report.partition).toBe('aws')
    expect(report.columns).toEqual(REPORT_COLUMNS)
    expect(report.root?.userCreationTime).toBe(ts('2018-05-14T17:21:05Z'))
    expect(report.root?.passwordEnabled).toBe('not_supported')
    expect(report.users.map(u => u.user)).toEqual([
      'alice',
      'bob',
      'ci-deploy',
      'carol',
      'ops,legacy',
      'deploy+ci=1@example.com'
    ])
    const [alice, bob, ci, carol, ops] = report.users
    expect(alice?.passwordNextRotation).toBe(ts('2026-03-29T08:12:00Z'))
    expect(alice?.accessKeys[0].lastRotated).toBe(ts('2026-08-01T10:00:00Z'))
    expect(bob?.passwordLastUsed).toBe('no_information')
    expect(ci?.accessKeys[1]).toEqual({
      slot: 2,
      credential: 'access_key_2',
      active: true,
      lastRotated: ts('2026-10-15T09:00:00Z'),
      lastUsedDate: ts('2026-11-20T23:00:00Z'),
      lastUsedRegion: 'N/A',
      lastUsedService: 's3'
    })
    expect(carol?.arn).toBe('arn:aws:iam::111122223333:user/division_abc/subdivision_xyz/carol')
    expect(carol?.accessKeys[0].active).toBe(false)
    expect(carol?.accessKeys[0].lastRotated).toBe(ts('2024-12-01T10:00:00Z'))
    expect(carol?.certs[0]).toEqual({
      slot: 1,
      credential: 'cert_1',
      active: true,
      lastRotated: ts('2024-02-02T02:02:02Z')
    })
    expect(ops?.arn).toBe('arn:aws:iam::111122223333:user/ops,legacy')
    expect(ops?.line).toBe(7)
  })

  it('old-layout.csv: no last-used columns, so those cells are null', () => {
    const report = load('old-layout.csv')
    expect(report.columns).toHaveLength(16)
    const admin = report.users[0]
    expect(admin?.user).toBe('Administrator')
    expect(
      admin?.accessKeys.map(k => [
        k.active,
        k.lastRotated,
        k.lastUsedDate,
        k.lastUsedRegion,
        k.lastUsedService
      ])
    ).toEqual([
      [true, ts('2014-12-03T18:53:41Z'), null, null, null],
      [true, ts('2014-12-03T21:22:41Z'), null, null, null]
    ])
    expect(report.users[1]?.certs[0].lastRotated).toBe(ts('2014-10-16T16:11:07Z'))
  })

  it('moto.csv: not_supported where AWS writes N/A, and no root row', () => {
    const report = load('moto.csv')
    expect(report.root).toBeNull()
    expect(report.accountId).toBe('123456789012')
    const [alice, svc] = report.users
    expect(alice?.passwordNextRotation).toBe('not_supported')
    expect(alice?.accessKeys[0].lastUsedRegion).toBe('not_supported')
    expect(alice?.accessKeys[0].lastUsedDate).toBe('N/A')
    expect(svc?.passwordLastUsed).toBe('not_supported')
    expect(svc?.accessKeys[0].lastUsedDate).toBe(ts('2026-11-22T01:05:00Z'))
  })

  it('crlf-bom.csv: byte order mark and CRLF line ends', () => {
    const report = load('crlf-bom.csv')
    expect(report.columns[0]).toBe('user')
    expect(report.columns.at(-1)).toBe('cert_2_last_rotated')
    expect(report.root?.line).toBe(2)
    expect(report.users[0]?.certs[1].lastRotated).toBe('N/A')
  })

  it('header-only-extra-columns.csv: no rows, extra columns kept in columns', () => {
    expect(load('header-only-extra-columns.csv')).toEqual({
      source: 'header-only-extra-columns.csv',
      accountId: null,
      partition: null,
      columns: ['user', 'arn', 'user_creation_time', 'team', 'cost_center'],
      root: null,
      users: []
    })
  })

  it('mixed-case-booleans.csv: TRUE, True, fAlSe', () => {
    const alice = load('mixed-case-booleans.csv').users[0]
    expect(alice?.passwordEnabled).toBe(true)
    expect(alice?.mfaActive).toBe(true)
    expect(alice?.accessKeys.map(k => k.active)).toEqual([false, false])
    expect(alice?.certs.map(c => c.active)).toEqual([false, true])
  })

  it('reordered-columns.csv: any order, unknown multi-line column, blank line', () => {
    const report = load('reordered-columns.csv')
    expect(report.users.map(u => [u.user, u.line, u.mfaActive, u.passwordEnabled])).toEqual([
      ['alice', 2, true, true],
      ['bob', 5, false, false]
    ])
    expect(report.users[1]?.userCreationTime).toBe(ts('2024-02-08T09:12:44.250Z'))
    expect(report.users[0]?.passwordLastUsed).toBeNull()
  })

  it('all-quoted.csv: every field quoted, GovCloud partition, fractional seconds', () => {
    const report = load('all-quoted.csv')
    expect(report.partition).toBe('aws-us-gov')
    expect(report.root?.passwordEnabled).toBe('not_supported')
    expect(report.users[0]?.userCreationTime).toBe(ts('2021-01-01T00:00:00.123Z'))
  })

  it('no-trailing-newline.csv: the last row has no line break', () => {
    expect(load('no-trailing-newline.csv').root?.line).toBe(2)
  })
})

describe('malformed fixtures', () => {
  const cases = readdirSync(BAD)
    .filter(f => f.endsWith('.csv'))
    .sort()
    .map(f => [f, readFileSync(join(BAD, f.replace(/\.csv$/, '.expected.txt')), 'utf8').trimEnd()])

  it('has an expected message for every case, and no stray expectations', () => {
    const expectations = readdirSync(BAD).filter(f => f.endsWith('.expected.txt'))
    expect(expectations).toHaveLength(cases.length)
    expect(cases.length).toBeGreaterThanOrEqual(25)
  })

  it.each(cases)('%s', (name, expected) => {
    let error: unknown
    try {
      parseCredentialReport(readFileSync(join(BAD, name as string)), { source: name })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ReportError)
    expect((error as ReportError).message).toBe(expected)
  })
})
