import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { parse } from 'yaml'
import { PolicyError } from '../../src/errors.js'
import { defaultPolicy, loadPolicy } from '../../src/policy/load.js'
import type { Policy } from '../../src/policy/types.js'
import { RULE_IDS, RULES } from '../../src/rules/catalog.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const fixture = (name: string): string =>
  readFileSync(join(root, '__tests__/fixtures/policies', name), 'utf8')
const load = (name: string): Policy => loadPolicy(fixture(name), name)

function problemsOf(text: string): string[] {
  try {
    loadPolicy(text, 'p.yml')
  } catch (e) {
    if (e instanceof PolicyError) return e.problems.map(p => `${p.line}:${p.column}: ${p.message}`)
    throw e
  }
  return []
}

describe('defaultPolicy', () => {
  it('holds the catalog defaults, fails on high, and has no exemptions', () => {
    const p = defaultPolicy()
    expect(p.source).toEqual({ kind: 'built-in' })
    expect(p.version).toBe(1)
    expect(p.failOnSeverity).toBe('high')
    expect(p.exemptions).toEqual([])
    expect(p.accountOverrides).toEqual([])
    expect(p.positions.size).toBe(0)
    expect(Object.keys(p.rules)).toEqual(RULE_IDS)
    for (const rule of RULES) {
      expect(p.rules[rule.id]).toEqual({
        enabled: rule.enabledByDefault,
        severity: rule.defaultSeverity,
        params: Object.fromEntries(rule.parameters.map(x => [x.name, x.default]))
      })
    }
  })

  it('returns a fresh policy each time', () => {
    const a = defaultPolicy()
    const b = defaultPolicy()
    expect(a).toEqual(b)
    expect(a.rules).not.toBe(b.rules)
  })
})

describe('loadPolicy: valid files', () => {
  it('a minimal file gives the default settings', () => {
    const p = load('minimal.yml')
    const d = defaultPolicy()
    expect(p.source).toEqual({ kind: 'file', path: 'minimal.yml' })
    expect(p.rules).toEqual(d.rules)
    expect(p.failOnSeverity).toBe('high')
    expect(p.exemptions).toEqual([])
    expect(p.positions.get('/version')).toEqual({ line: 1, column: 1 })
  })

  it('overlays the file on the catalog defaults', () => {
    const p = load('full.yml')
    const d = defaultPolicy()
    expect(p.failOnSeverity).toBe('medium')
    expect(Object.keys(p.rules)).toEqual(RULE_IDS)
    expect(p.rules['access-key-rotation']).toEqual({
      ...d.rules['access-key-rotation'],
      params: { 'max-age-days': 60 }
    })
    expect(p.rules['password-rotation']).toEqual({ ...d.rules['password-rotation'], enabled: true })
    expect(p.rules['console-and-access-keys']?.severity).toBe('medium')
    expect(p.rules['unused-access-key']).toEqual({
      enabled: false,
      severity: 'low',
      params: { 'max-unused-days': 90 }
    })
    for (const id of RULE_IDS) {
      if (
        ![
          'access-key-rotation',
          'password-rotation',
          'console-and-access-keys',
          'unused-access-key'
        ].includes(id)
      ) {
        expect(p.rules[id]).toEqual(d.rules[id])
      }
    }
  })

  it('resolves exemptions with their line and the end of their last day', () => {
    const [first, second] = load('full.yml').exemptions
    expect(first).toEqual({
      index: 0,
      rules: ['unused-access-key'],
      users: ['svc-legacy-*', '.hidden'],
      arns: null,
      accounts: ['123456789012', '012345678901'],
      reason: 'Batch user, replaced by OIDC federation in SEC-142',
      expires: '2027-03-31',
      expiresAt: Date.parse('2027-04-01T00:00:00Z'),
      line: 19
    })
    expect(second).toEqual({
      index: 1,
      rules: ['*'],
      users: null,
      arns: ['arn:aws:iam::*:user/break-glass/*'],
      accounts: null,
      reason: 'Break-glass users are audited by hand every quarter.',
      expires: '2026-12-31',
      expiresAt: Date.parse('2027-01-01T00:00:00Z'),
      line: 24
    })
  })

  it('records the position of every node by JSON pointer', () => {
    const { positions } = load('full.yml')
    expect(Object.fromEntries(positions)).toMatchObject({
      '': { line: 2, column: 1 },
      '/$schema': { line: 2, column: 1 },
      '/version': { line: 3, column: 1 },
      '/fail-on-severity': { line: 4, column: 1 },
      '/rules': { line: 6, column: 1 },
      '/rules/access-key-rotation': { line: 7, column: 3 },
      '/rules/access-key-rotation/max-age-days': { line: 8, column: 5 },
      '/rules/unused-access-key/max-unused-days': { line: 16, column: 5 },
      '/exemptions': { line: 18, column: 1 },
      '/exemptions/0': { line: 19, column: 5 },
      '/exemptions/0/rules': { line: 19, column: 5 },
      '/exemptions/0/rules/0': { line: 19, column: 13 },
      '/exemptions/0/users/1': { line: 20, column: 29 },
      '/exemptions/0/expires': { line: 22, column: 5 },
      '/exemptions/1': { line: 24, column: 5 },
      '/exemptions/1/arns/0': { line: 26, column: 9 },
      '/exemptions/1/expires': { line: 29, column: 5 }
    })
  })

  it('escapes "/" and "~" in pointers', () => {
    const p = loadPolicy('version: 1\n$schema: x\n', 'p.yml')
    expect(p.positions.get('/$schema')).toEqual({ line: 2, column: 1 })
    // Only reachable through an error, but the pointer form is the same.
    expect(problemsOf('version: 1\nrules:\n  a/b~c: {}\n')[0]).toMatch(
      /^3:3: unknown rule 'a\/b~c'/
    )
  })

  it('treats empty rules, exemptions and rule settings as the defaults', () => {
    const p = load('empty-sections.yml')
    expect(p.rules).toEqual(defaultPolicy().rules)
    expect(p.exemptions).toEqual([])
  })

  it('reads flow style (JSON) policies', () => {
    const p = load('flow-style.yml')
    expect(p.failOnSeverity).toBe('none')
    expect(p.rules['access-key-rotation']?.params['max-age-days']).toBe(30)
    expect(p.exemptions[0]).toMatchObject({ users: ['ci-*'], line: 1, expires: '2030-01-01' })
  })

  it('follows aliases', () => {
    const [a, b] = load('anchors.yml').exemptions
    expect(a?.users).toEqual(['batch-*', 'etl-*'])
    expect(b?.users).toEqual(['batch-*', 'etl-*'])
  })

  it('reads an unquoted date as a string (YAML 1.2 core schema)', () => {
    expect(parse('expires: 2027-03-31')).toEqual({ expires: '2027-03-31' })
  })

  it('accepts a date that YAML 1.1 reads as a timestamp', () => {
    expect(parse('%YAML 1.1\n---\nexpires: 2027-03-31').expires).toBeInstanceOf(Date)
    const p = load('yaml-1.1.yml')
    expect(p.rules['password-rotation']?.enabled).toBe(true)
    expect(p.exemptions[0]).toMatchObject({
      expires: '2027-03-31',
      expiresAt: Date.parse('2027-04-01T00:00:00Z'),
      line: 8
    })
  })

  it.each([
    ['2027-12-31', '2028-01-01'],
    ['2028-02-28', '2028-02-29'],
    ['2028-02-29', '2028-03-01'],
    ['2027-02-28', '2027-03-01']
  ])('an exemption expiring %s ends at %sT00:00:00Z', (expires, next) => {
    const text = `version: 1\nexemptions:\n  - rules: ["*"]\n    users: [a]\n    reason: r\n    expires: ${expires}\n`
    expect(loadPolicy(text, 'p.yml').exemptions[0]?.expiresAt).toBe(Date.parse(`${next}T00:00:00Z`))
  })

  it('counts lines the same with CRLF line endings and a BOM', () => {
    const text = '\uFEFFversion: 1\r\nrules:\r\n  access-key-rotation:\r\n    max-age-days: 30\r\n'
    const p = loadPolicy(text, 'crlf.yml')
    expect(p.rules['access-key-rotation']?.params['max-age-days']).toBe(30)
    expect(p.positions.get('/rules/access-key-rotation/max-age-days')).toEqual({
      line: 4,
      column: 5
    })
    expect(problemsOf(text.replace('30', '0'))).toEqual([
      '4:19: rules.access-key-rotation.max-age-days must be an integer from 1 to 36500, got 0'
    ])
  })

  it('reads old-Mac (CR-only) line endings as lines, not as an empty file', () => {
    const lf =
      '# yaml-language-server: $schema=policy.schema.json\nversion: 1\nrules:\n  access-key-rotation:\n    max-age-days: 30\n'
    const cr = lf.replace(/\n/g, '\r')
    const p = loadPolicy(cr, 'cr.yml')
    expect(p.rules['access-key-rotation']?.params['max-age-days']).toBe(30)
    expect(p.positions.get('/rules/access-key-rotation/max-age-days')).toEqual(
      loadPolicy(lf, 'lf.yml').positions.get('/rules/access-key-rotation/max-age-days')
    )
    expect(problemsOf(cr.replace('30', '0'))).toEqual([
      '5:19: rules.access-key-rotation.max-age-days must be an integer from 1 to 36500, got 0'
    ])
    expect(problemsOf('# comment only\r\r')).toEqual([
      '1:1: policy file is empty: write at least "version: 1"'
    ])
  })

  it('rejects a day YAML 1.1 would roll over to the next month', () => {
    const text =
      '%YAML 1.1\n---\nversion: 1\nexemptions:\n  - rules: [access-key-rotation]\n    users: [alice]\n    reason: r\n    expires: 2027-02-30\n'
    expect(problemsOf(text)).toEqual([
      '8:14: exemptions[0].expires is not a real date: 2027-02-30 (February 2027 has 28 days)'
    ])
  })

  it.each([
    ['99999999999999999999999', '99999999999999999999999'],
    ['9007199254740993', '9007199254740993'],
    ['36501', '36501'],
    ['1e400', 'Infinity']
  ])(
    'refuses max-age-days: %s, naming line and column, instead of switching the rule off',
    (written, shown) => {
      const text = `version: 1\nrules:\n  access-key-rotation:\n    max-age-days: ${written}\n`
      expect(problemsOf(text)).toEqual([
        `4:19: rules.access-key-rotation.max-age-days must be an integer from 1 to 36500, got ${shown}: to switch the rule off, write "enabled: false" instead`
      ])
    }
  )

  it('accepts max-age-days up to 100 years', () => {
    const text = 'version: 1\nrules:\n  access-key-rotation:\n    max-age-days: 36500\n'
    expect(loadPolicy(text, 'p.yml').rules['access-key-rotation']?.params['max-age-days']).toBe(
      36_500
    )
  })

  it('loads the example policy', () => {
    const text = readFileSync(join(root, 'examples/iam-credential-policy.yml'), 'utf8')
    const p = loadPolicy(text, 'examples/iam-credential-policy.yml')
    expect(p.failOnSeverity).toBe('high')
    expect(p.rules['access-key-rotation']).toMatchObject({
      severity: 'high',
      params: { 'max-age-days': 60 }
    })
    expect(p.exemptions.map(e => e.expires)).toEqual(['2027-02-15', '2026-12-31'])
    for (const e of p.exemptions) expect(text.split('\n')[e.line - 1]).toMatch(/^ {2}- rules: /)
  })

  it('accepts an exemption naming a disabled rule', () => {
    const text =
      'version: 1\nrules:\n  password-rotation: { enabled: false }\nexemptions:\n  - rules: [password-rotation]\n    users: [a]\n    reason: r\n    expires: 2027-01-01\n'
    expect(loadPolicy(text, 'p.yml').exemptions).toHaveLength(1)
  })

  it('accepts integer forms YAML allows and numbers at the bounds', () => {
    const text = 'version: 1\nrules:\n  access-key-rotation:\n    max-age-days: 0x10\n'
    expect(loadPolicy(text, 'p.yml').rules['access-key-rotation']?.params['max-age-days']).toBe(16)
    const one = 'version: 1\nrules:\n  access-key-rotation:\n    max-age-days: 1\n'
    expect(loadPolicy(one, 'p.yml').rules['access-key-rotation']?.params['max-age-days']).toBe(1)
  })
})

describe('loadPolicy: errors', () => {
  it('throws a PolicyError (exit code 2) with every problem and the first one as location', () => {
    let error: unknown
    try {
      loadPolicy('version: 2\nfail-on-severity: hgih\n', 'dir/p.yml')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PolicyError)
    const e = error as PolicyError
    expect(e.exitCode).toBe(2)
    expect(e.problems).toHaveLength(2)
    expect(e.problems[0]).toEqual({
      file: 'dir/p.yml',
      line: 1,
      column: 10,
      message: 'version must be 1, got 2: this release of IAM Credential Gate reads policy format 1'
    })
    expect(e.location).toEqual({ file: 'dir/p.yml', line: 1, column: 10 })
    expect(e.message.split('\n')).toHaveLength(2)
  })

  it('reports problems sorted by position', () => {
    const problems = problemsOf(
      'rules:\n  access-key-rotation: { max-age-days: 0 }\nfail-on-severity: x\nversion: 3\n'
    )
    expect(problems.map(p => p.split(':').slice(0, 2).join(':'))).toEqual(['2:40', '3:19', '4:10'])
  })

  it('throws only PolicyError, with positions inside the file, on arbitrary input', () => {
    const piece = fc.constantFrom(
      '[',
      ']',
      '{',
      '}',
      ':',
      ': ',
      '- ',
      ' ',
      '  ',
      '\n',
      '\t',
      '*',
      '&a ',
      '*a',
      '"',
      "'",
      '#',
      '!',
      '? ',
      ',',
      '|',
      '>',
      'version',
      '1',
      'rules',
      'exemptions',
      'account-overrides',
      'accounts',
      '"111111111111"',
      'access-key-rotation',
      'max-age-days',
      'users',
      '2027-02-30',
      '<<',
      '---\n',
      '%YAML 1.1\n',
      'é'
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), pieces => {
        const text = pieces.join('')
        const lines = text.split('\n').length
        try {
          loadPolicy(text, 'fuzz.yml')
        } catch (e) {
          if (!(e instanceof PolicyError)) throw e
          for (const p of e.problems) {
            expect(p.line).toBeGreaterThanOrEqual(1)
            expect(p.line).toBeLessThanOrEqual(lines)
            expect(p.column).toBeGreaterThanOrEqual(1)
          }
        }
      }),
      { numRuns: 500 }
    )
  })
})
