/**
 * The root-row exclusion, a fixed point of the design: the `<root_account>`
 * row only feeds `root-*` rules, and user rules never see it. For every rule
 * in the catalog, a row that trips it is put once in a user's place and once
 * in root's place; the finding must appear only where the rule's scope says.
 */
import type { AccountFacts } from '../src/account/types.js'
import { evaluate } from '../src/evaluate.js'
import { loadPolicy } from '../src/policy/load.js'
import type { CredentialReport, CredentialRow } from '../src/report/types.js'
import { REPORT_COLUMNS, ROOT_USER } from '../src/report/types.js'
import { RULES } from '../src/rules/catalog.js'
import type { Rule } from '../src/rules/types.js'
import type { RowOverrides } from './helpers/rows.js'
import { ACCOUNT, NOW, daysAgo, rootRow, secondsAfter, userRow } from './helpers/rows.js'

const CREATED = daysAgo(400)

/** Cells that trip each row rule, whichever row they are put in. */
const TRIPS: Record<string, RowOverrides> = {
  'access-key-rotation': { keys: [{ active: true, lastRotated: daysAgo(400) }] },
  'console-and-access-keys': { passwordEnabled: true, keys: [{ active: true }] },
  'console-user-mfa': { passwordEnabled: true, mfaActive: false },
  'inactive-access-key': { keys: [{ active: false, lastRotated: daysAgo(10) }] },
  'initial-setup-access-key': {
    userCreationTime: CREATED,
    passwordEnabled: true,
    keys: [{ active: true, lastRotated: secondsAfter(CREATED, 10), lastUsedDate: 'N/A' }]
  },
  'password-rotation': { passwordEnabled: true, passwordLastChanged: daysAgo(400) },
  'single-active-access-key': { keys: [{ active: true }, { active: true }] },
  'unused-access-key': {
    keys: [{ active: true, lastRotated: daysAgo(200), lastUsedDate: daysAgo(100) }]
  },
  'unused-password': { passwordEnabled: true, passwordLastUsed: daysAgo(100) },
  'user-mfa': { mfaActive: false },
  'root-access-keys': { keys: [{ active: true, lastRotated: daysAgo(10) }] },
  'root-mfa': { mfaActive: false },
  'root-recent-use': { passwordLastUsed: daysAgo(1) },
  'root-signing-certificates': { certs: [{ active: true, lastRotated: daysAgo(10) }] },
  'signing-certificate-rotation': { certs: [{ active: true, lastRotated: daysAgo(400) }] },
  'user-hardware-mfa': { passwordEnabled: true, mfaActive: true }
}

/** Account facts the rules read: a virtual MFA device on every principal the tests use, root included. */
const FACTS: AccountFacts = {
  virtualMfaDevices: {
    status: 'known',
    value: [`user/bob`, 'root', `user/${ROOT_USER}`].map(who => ({
      serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/${who.replace(/\W/g, '-')}`,
      userArn: `arn:aws:iam::${ACCOUNT}:${who}`
    }))
  }
}

const ROW_RULES = RULES.filter(r => r.scope !== 'account')
const USER_RULES = ROW_RULES.filter(r => r.scope === 'users')
const ROOT_RULES = ROW_RULES.filter(r => r.scope === 'root')

function reportOf(root: CredentialRow, users: CredentialRow[]): CredentialReport {
  return { accountId: ACCOUNT, partition: 'aws', columns: REPORT_COLUMNS, root, users }
}

/** Evaluates `rule` alone, enabled (opt-in rules too), over the report. */
function findingsOf(rule: Rule, report: CredentialReport) {
  const policy = loadPolicy(`version: 1\nrules:\n  ${rule.id}: { enabled: true }\n`, 'p.yml')
  return evaluate(report, policy, NOW, { rules: [rule], account: FACTS }).findings.map(f => f.user)
}

function trip(rule: Rule): RowOverrides {
  const cells = TRIPS[rule.id]
  if (!cells) throw new Error(`no tripping row for ${rule.id}: add one to TRIPS`)
  return cells
}

describe('the root row and rule scopes', () => {
  it('has a tripping row for every row rule of the catalog, and the catalog has both scopes', () => {
    expect(ROW_RULES.map(r => r.id).sort()).toEqual(Object.keys(TRIPS).sort())
    expect(USER_RULES.length).toBeGreaterThanOrEqual(10)
    expect(ROOT_RULES.map(r => r.id)).toEqual(
      expect.arrayContaining(['root-access-keys', 'root-mfa', 'root-recent-use'])
    )
  })

  describe.each(USER_RULES.map(r => [r.id, r] as const))('user rule %s', (_id, rule) => {
    it('fires on a user row with the tripping cells', () => {
      expect(
        findingsOf(rule, reportOf(rootRow(), [userRow({ ...trip(rule), user: 'bob' })]))
      ).toContain('bob')
    })

    it('never sees a root row with the same cells', () => {
      expect(
        findingsOf(rule, reportOf(rootRow(trip(rule)), [userRow({ user: 'bob' })]))
      ).not.toContain(ROOT_USER)
    })

    it('reports nothing when the root row is the only row that would trip it', () => {
      expect(findingsOf(rule, reportOf(rootRow(trip(rule)), []))).toEqual([])
    })
  })

  describe.each(ROOT_RULES.map(r => [r.id, r] as const))('root rule %s', (_id, rule) => {
    it('fires on the root row with the tripping cells', () => {
      expect(findingsOf(rule, reportOf(rootRow(trip(rule)), [userRow()]))).toContain(ROOT_USER)
    })

    it('sees only root: a user row with the same cells gives no finding', () => {
      const users = [
        userRow({ ...trip(rule), user: 'bob' }),
        userRow({ ...trip(rule), user: 'carol' })
      ]
      expect(findingsOf(rule, reportOf(rootRow(), users))).toEqual([])
    })
  })
})
