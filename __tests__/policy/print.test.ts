import { Ajv } from 'ajv'
import { parse } from 'yaml'
import { defaultPolicy, loadPolicy } from '../../src/policy/load.js'
import { printDefaultPolicy } from '../../src/policy/print.js'
import { buildPolicySchema, POLICY_SCHEMA_URL } from '../../src/policy/schema.js'
import { RULES } from '../../src/rules/catalog.js'

const printed = printDefaultPolicy()
const lines = printed.split('\n')

describe('printDefaultPolicy', () => {
  it('starts with the yaml-language-server modeline pointing at the schema', () => {
    expect(lines[0]).toBe(`# yaml-language-server: $schema=${POLICY_SCHEMA_URL}`)
    expect(printed).toMatch(/^# IAM Credential Gate policy\.$/m)
  })

  it('loads back to exactly the default policy settings', () => {
    const p = loadPolicy(printed, 'default.yml')
    const d = defaultPolicy()
    expect(p.rules).toEqual(d.rules)
    expect(p.failOnSeverity).toBe(d.failOnSeverity)
    expect(p.exemptions).toEqual([])
    expect(p.accountOverrides).toEqual([])
    expect(p.version).toBe(1)
  })

  it('validates against the JSON Schema', () => {
    const validate = new Ajv({
      strict: true,
      strictRequired: false,
      allowUnionTypes: true
    }).compile(buildPolicySchema())
    expect(validate(parse(printed))).toBe(true)
  })

  it('lists every rule with its title, enabled, severity and each parameter with its description', () => {
    const data = parse(printed) as { rules: Record<string, Record<string, unknown>> }
    for (const rule of RULES) {
      expect(printed).toContain(`  # ${rule.title}.`)
      const settings = data.rules[rule.id]
      expect(settings).toEqual({
        enabled: rule.enabledByDefault,
        severity: rule.defaultSeverity,
        ...Object.fromEntries(rule.parameters.map(p => [p.name, p.default]))
      })
      for (const p of rule.parameters) {
        // Wrapped over comment lines: compare with the comment markers removed.
        const block = lines
          .filter(l => l.startsWith('    # '))
          .map(l => l.slice(6))
          .join(' ')
        expect(block).toContain(p.description)
      }
    }
    expect(Object.keys(data.rules)).toEqual(RULES.map(r => r.id))
  })

  it('keeps every line within 100 columns', () => {
    const long = lines.slice(1).filter(l => l.length > 100)
    expect(long).toEqual([])
  })

  it('has a commented-out example exemption that loads once uncommented', () => {
    const start = lines.indexOf('# exemptions:')
    expect(start).toBeGreaterThan(0)
    const example: string[] = []
    for (let i = start; lines[i]?.startsWith('#'); i++) example.push((lines[i] ?? '').slice(2))
    const text = printed.replace(/^exemptions: \[\]$/m, example.join('\n'))
    const p = loadPolicy(text, 'example.yml')
    expect(p.exemptions).toHaveLength(1)
    expect(p.exemptions[0]).toMatchObject({
      users: ['svc-legacy-*'],
      arns: null,
      accounts: ['123456789012'],
      expires: '2027-03-31'
    })
  })

  it('has a commented-out example account override that loads once uncommented', () => {
    const start = lines.indexOf('# account-overrides:')
    expect(start).toBeGreaterThan(0)
    const example: string[] = []
    for (let i = start; lines[i]?.startsWith('#'); i++) example.push((lines[i] ?? '').slice(2))
    const text = printed.replace(/^account-overrides: \[\]$/m, example.join('\n'))
    expect(
      new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true }).validate(
        buildPolicySchema(),
        parse(text)
      )
    ).toBe(true)
    const p = loadPolicy(text, 'example.yml')
    expect(p.accountOverrides).toEqual([
      {
        index: 0,
        accounts: ['111111111111', '222222222222'],
        reason: 'Sandbox accounts, no production data',
        failOnSeverity: 'critical',
        rules: {
          'access-key-rotation': { params: { 'max-age-days': 180 } },
          'console-and-access-keys': { enabled: false, params: {} }
        },
        line: lines.indexOf('account-overrides: []') + 2
      }
    ])
  })

  it('is stable', () => {
    expect(printDefaultPolicy()).toBe(printed)
    expect(printed).toMatch(/^exemptions: \[\]$/m)
    expect(printed.endsWith('account-overrides: []\n')).toBe(true)
  })
})
