import type { Cell, Credential, CredentialRow } from '../../src/report/types.js'
import { REPORT_COLUMNS, SENTINELS } from '../../src/report/types.js'
import { KEY_ID_PLACEHOLDER } from '../../src/rules/commands.js'
import { findRule, RULE_IDS, RULES } from '../../src/rules/catalog.js'
import type { Rule } from '../../src/rules/types.js'
import { SEVERITIES } from '../../src/severity.js'
import { MAX_DAYS } from '../../src/time.js'
import type { AccountFacts } from '../../src/account/types.js'
import { ctx, daysAgo, NOW, rootRow, secondsAfter, userRow, withDefaults } from '../helpers/rows.js'

const ORDER = [
  'root-access-keys',
  'root-mfa',
  'root-hardware-mfa',
  'root-recent-use',
  'root-signing-certificates',
  'console-user-mfa',
  'initial-setup-access-key',
  'unused-password',
  'unused-access-key',
  'single-active-access-key',
  'access-key-rotation',
  'signing-certificate-rotation',
  'console-and-access-keys',
  'inactive-access-key',
  'password-rotation',
  'user-mfa',
  'user-hardware-mfa',
  'password-policy'
]

/** The credentials each rule's findings can name. */
const CREDENTIALS: Record<string, readonly Credential[]> = {
  'root-access-keys': ['access_key_1', 'access_key_2'],
  'root-mfa': [null],
  'root-hardware-mfa': [null],
  'root-recent-use': [null],
  'root-signing-certificates': ['cert_1', 'cert_2'],
  'console-user-mfa': [null],
  'initial-setup-access-key': ['access_key_1', 'access_key_2'],
  'unused-password': ['password'],
  'unused-access-key': ['access_key_1', 'access_key_2'],
  'single-active-access-key': [null],
  'access-key-rotation': ['access_key_1', 'access_key_2'],
  'signing-certificate-rotation': ['cert_1', 'cert_2'],
  'console-and-access-keys': [null],
  'inactive-access-key': ['access_key_1', 'access_key_2'],
  'password-rotation': ['password'],
  'user-mfa': [null],
  'user-hardware-mfa': [null],
  'password-policy': [null]
}

const CIS_VERSIONS = ['v1.2', 'v1.4-v3.0', 'v4.0', 'v5.0', 'v6.0', 'v7.0']

/** A row whose every cell holds `value` (booleans and timestamps alike). */
function uniformRow(base: CredentialRow, value: Cell<never>): CredentialRow {
  const k = {
    active: value,
    lastRotated: value,
    lastUsedDate: value,
    lastUsedRegion: value,
    lastUsedService: value
  }
  const c = { active: value, lastRotated: value }
  return {
    ...base,
    userCreationTime: value,
    passwordEnabled: value,
    passwordLastUsed: value,
    passwordLastChanged: value,
    passwordNextRotation: value,
    mfaActive: value,
    accessKeys: [
      { ...base.accessKeys[0], ...k },
      { ...base.accessKeys[1], ...k }
    ],
    certs: [
      { ...base.certs[0], ...c },
      { ...base.certs[1], ...c }
    ]
  }
}

function run(rule: Rule, row: CredentialRow) {
  const c = ctx(NOW, withDefaults(rule))
  return rule.scope === 'account' ? rule.check(c) : rule.check(row, c)
}

describe('rule catalog', () => {
  it('lists the rules in the documented order', () => {
    expect(RULE_IDS).toEqual(ORDER)
  })

  it('has unique kebab-case ids, and findRule finds each', () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length)
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
      expect(findRule(rule.id)).toBe(rule)
    }
    expect(findRule('no-such-rule')).toBeUndefined()
  })

  describe.each(RULES.map(r => [r.id, r] as const))('%s', (_id, rule) => {
    it('has a title, a description and non-empty help sections', () => {
      expect(rule.title.trim()).not.toBe('')
      expect(rule.title).not.toContain('\n')
      expect(rule.description.trim()).not.toBe('')
      expect(rule.credentialDoc.trim()).not.toBe('')
      for (const section of ['rationale', 'audit', 'remediation', 'backout'] as const) {
        expect(rule.help[section].trim().length).toBeGreaterThan(20)
      }
    })

    it('has a valid severity, scope, CIS references and Security Hub ids', () => {
      expect(SEVERITIES).toContain(rule.defaultSeverity)
      expect(['root', 'users', 'account']).toContain(rule.scope)
      for (const [version, item] of Object.entries(rule.cis)) {
        expect(CIS_VERSIONS).toContain(version)
        expect(item).toMatch(/^\d+\.\d+(, \d+\.\d+)*$/)
      }
      for (const id of rule.securityHub ?? []) expect(id).toMatch(/^IAM\.\d+$/)
    })

    it('has kebab-case parameters with defaults within [minimum, maximum]', () => {
      const names = rule.parameters.map(p => p.name)
      expect(new Set(names).size).toBe(names.length)
      for (const p of rule.parameters) {
        expect(p.name).toMatch(/^[a-z]+(-[a-z]+)*$/)
        expect(p.description.trim()).not.toBe('')
        expect(Number.isInteger(p.default)).toBe(true)
        expect(p.default).toBeGreaterThanOrEqual(p.minimum)
        expect(p.maximum).toBeGreaterThanOrEqual(p.minimum)
        expect(p.default).toBeLessThanOrEqual(p.maximum)
        expect(['higher', 'lower']).toContain(p.looserWhen)
      }
    })

    it('bounds every parameter: days at most 100 years, nothing a float cannot hold exactly', () => {
      for (const p of rule.parameters) {
        expect(Number.isSafeInteger(p.maximum)).toBe(true)
        if (p.unit === 'days') expect(p.maximum).toBeLessThanOrEqual(MAX_DAYS)
      }
    })

    it('requires only real report columns, and account rules require facts', () => {
      for (const c of rule.requiredColumns) expect(REPORT_COLUMNS).toContain(c)
      if (rule.scope !== 'account' && rule.optionalColumns) {
        expect(rule.optionalColumns.columns.length).toBeGreaterThan(0)
        for (const c of rule.optionalColumns.columns) {
          expect(REPORT_COLUMNS).toContain(c)
          expect(rule.requiredColumns).not.toContain(c)
        }
        expect(rule.optionalColumns.unchecked).toMatch(/^[a-z].*[^.]$/)
      }
      if (rule.scope === 'account') {
        expect(rule.requiredColumns).toEqual([])
        expect(rule.requiredFacts.length).toBeGreaterThan(0)
      }
    })

    it('names in credentialDoc every credential it can report', () => {
      const credentials = CREDENTIALS[rule.id]
      expect(credentials).toBeDefined()
      for (const c of credentials ?? []) {
        if (c !== null) expect(rule.credentialDoc).toContain(`\`${c}\``)
      }
    })

    it.each(CREDENTIALS[rule.id] ?? [])('has a remediation for credential %p', credential => {
      const user = rule.scope === 'users' ? 'svc+deploy@ci' : '<root_account>'
      for (const keyId of [undefined, 'AKIAIOSFODNN7EXAMPLE']) {
        const step = rule.remediation({
          user,
          arn: 'arn:aws:iam::123456789012:user/svc+deploy@ci',
          credential,
          ...(keyId ? { keyId } : {})
        })
        if (step.kind === 'manual') {
          expect(step.instructions.trim().length).toBeGreaterThan(20)
          continue
        }
        expect(step.fix.length).toBeGreaterThan(0)
        for (const command of [...step.fix, ...step.backout]) {
          expect(command[0]).toBe('aws')
          // argv, never pre-quoted strings: the user name is one element, as is.
          expect(command).toContain(user)
          for (const arg of command) {
            expect(arg).not.toBe('')
            expect(arg).not.toMatch(/^["']|["']$/)
          }
          if (command.includes('--access-key-id')) {
            expect(command).toContain(keyId ?? KEY_ID_PLACEHOLDER)
          }
        }
      }
    })

    if (rule.scope === 'root' || rule.id === 'root-hardware-mfa') {
      it('root remediation is manual', () => {
        const step = rule.remediation({ user: '<root_account>', arn: 'x', credential: null })
        expect(step.kind).toBe('manual')
      })
    }

    it('a row of null cells (missing columns) gives no finding and no exception', () => {
      const base = rule.scope === 'root' ? rootRow() : userRow()
      expect(run(rule, uniformRow(base, null))).toEqual([])
    })

    it.each(SENTINELS)('a row of %p cells does not throw', sentinel => {
      const base = rule.scope === 'root' ? rootRow() : userRow()
      expect(() => run(rule, uniformRow(base, sentinel as never))).not.toThrow()
    })
  })

  it('enables every rule by default except password-rotation, user-mfa and user-hardware-mfa', () => {
    expect(RULES.filter(r => !r.enabledByDefault).map(r => r.id)).toEqual([
      'password-rotation',
      'user-mfa',
      'user-hardware-mfa'
    ])
  })

  it('a default user row and a default root row fire only user-mfa', () => {
    const fired = RULES.filter(rule => {
      if (rule.scope === 'account') return false
      const row = rule.scope === 'root' ? rootRow() : userRow()
      return rule.check(row, ctx(NOW, withDefaults(rule))).length > 0
    }).map(r => r.id)
    expect(fired).toEqual(['user-mfa'])
  })

  it('every rule fires on a worst-case account; messages are one sentence without the user name', () => {
    const created = daysAgo(400)
    const user = 'zed-worst-case'
    const rows = [
      userRow({
        user,
        userCreationTime: created,
        passwordEnabled: true,
        passwordLastUsed: 'no_information',
        passwordLastChanged: created,
        mfaActive: false,
        keys: [
          { active: true, lastRotated: secondsAfter(created, 1), lastUsedDate: 'N/A' },
          { active: true, lastRotated: daysAgo(200), lastUsedDate: daysAgo(100) }
        ],
        certs: [{ active: true, lastRotated: daysAgo(200) }]
      }),
      userRow({ user, keys: [{ active: false, lastRotated: daysAgo(30) }] }),
      userRow({ user, passwordEnabled: true, passwordLastUsed: daysAgo(1), mfaActive: true })
    ]
    const root = rootRow({
      mfaActive: false,
      passwordLastUsed: daysAgo(1),
      keys: [{ active: true, lastRotated: daysAgo(900), lastUsedDate: daysAgo(2) }],
      certs: [{ active: true, lastRotated: daysAgo(900) }]
    })
    const account: AccountFacts = {
      summary: {
        status: 'known',
        value: {
          mfaEnabled: true,
          passwordPresent: true,
          accessKeysPresent: true,
          signingCertificatesPresent: true
        }
      },
      virtualMfaDevices: {
        status: 'known',
        value: [
          { serialNumber: 'arn:aws:iam::123456789012:mfa/root', userArn: root.arn },
          { serialNumber: 'arn:aws:iam::123456789012:mfa/phone-1', userArn: rows[0]!.arn }
        ]
      },
      passwordPolicy: { status: 'known', value: null }
    }
    const fired: string[] = []
    for (const rule of RULES) {
      const c = ctx(NOW, withDefaults(rule), account)
      const hits =
        rule.scope === 'account'
          ? rule.check(c)
          : rule.scope === 'root'
            ? // root-mfa from the report: the summary above says root has MFA.
              rule.check(root, rule.id === 'root-mfa' ? { ...c, account: {} } : c)
            : rows.flatMap(r => rule.check(r, c))
      if (hits.length > 0) fired.push(rule.id)
      for (const h of hits) {
        expect(h.message).toMatch(/^[A-Z].*\.$/)
        expect(h.message).not.toContain('\n')
        expect(h.message).not.toContain(user)
        expect(h.message).not.toContain('<root_account>')
        expect(CREDENTIALS[rule.id]).toContain(h.credential)
      }
    }
    expect(fired).toEqual(ORDER)
  })
})

describe('row builders', () => {
  it('keep whole key cells passed back in, with single-cell overrides on top', () => {
    const row = rootRow({ keys: [{ active: true, lastRotated: daysAgo(5) }] })
    const copy = rootRow({ ...row, mfaActive: false, keys: [undefined, { active: true }] })
    expect(copy.accessKeys[0]).toEqual(row.accessKeys[0])
    expect(copy.accessKeys[1]).toMatchObject({ slot: 2, credential: 'access_key_2', active: true })
    expect(copy.mfaActive).toBe(false)
  })

  it('build the same instant from both timestamp suffixes', () => {
    expect(daysAgo(45, 'Z')).toBe(daysAgo(45, '+00:00'))
    expect(secondsAfter(NOW, 1, '+00:00')).toBe(NOW + 1000)
  })
})
