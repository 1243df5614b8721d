/**
 * The policy JSON Schema: generated from the catalog, committed as
 * `schema/policy.schema.json` for editors.
 *
 * When the catalog changes, regenerate the committed file with
 *   UPDATE_SCHEMA=1 NODE_OPTIONS=--experimental-vm-modules npx jest __tests__/policy/schema
 * (the test writes the file, then checks it).
 */

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import { parse } from 'yaml'
import {
  buildPolicySchema,
  POLICY_SCHEMA_URL,
  renderPolicySchema
} from '../../src/policy/schema.js'
import { RULE_IDS, RULES } from '../../src/rules/catalog.js'
import { FAIL_ON_SEVERITIES, SEVERITIES } from '../../src/severity.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const schemaFile = join(root, 'schema/policy.schema.json')
const fixtures = join(root, '__tests__/fixtures/policies')

type Schema = Record<string, unknown> & {
  properties: Record<string, Schema>
  items: Schema
  required: string[]
}

const schema = buildPolicySchema() as Schema
const rulesSchema = schema.properties.rules as Schema
const exemptionSchema = (schema.properties.exemptions as Schema).items

function compile(): ReturnType<Ajv['compile']> {
  return new Ajv({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true
  }).compile(schema)
}

describe('schema/policy.schema.json', () => {
  it('is buildPolicySchema() as 2-space JSON with a trailing newline', () => {
    const rendered = renderPolicySchema()
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(schemaFile, rendered)
    const committed = existsSync(schemaFile) ? readFileSync(schemaFile, 'utf8') : ''
    if (committed !== rendered) {
      throw new Error(
        'schema/policy.schema.json is out of date with the rule catalog. Regenerate it with:\n' +
          '  UPDATE_SCHEMA=1 NODE_OPTIONS=--experimental-vm-modules npx jest __tests__/policy/schema'
      )
    }
    expect(rendered.endsWith('}\n')).toBe(true)
    expect(rendered).toBe(`${JSON.stringify(JSON.parse(rendered), null, 2)}\n`)
  })
})

describe('buildPolicySchema', () => {
  it('is a valid draft-07 schema that strict Ajv compiles', () => {
    const ajv = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true })
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#')
    expect(schema.$id).toBe(POLICY_SCHEMA_URL)
    expect(ajv.validateSchema(schema)).toBe(true)
    expect(() => compile()).not.toThrow()
  })

  it('requires version 1 and allows $schema, fail-on-severity, rules, exemptions and account-overrides only', () => {
    expect(schema.required).toEqual(['version'])
    expect(schema.additionalProperties).toBe(false)
    expect(Object.keys(schema.properties)).toEqual([
      '$schema',
      'version',
      'fail-on-severity',
      'rules',
      'exemptions',
      'account-overrides'
    ])
    expect(schema.properties.version?.const).toBe(1)
    expect(schema.properties['fail-on-severity']?.enum).toEqual([...FAIL_ON_SEVERITIES])
  })

  it('has one property per catalog rule, in catalog order, and nothing else', () => {
    expect(Object.keys(rulesSchema.properties)).toEqual(RULE_IDS)
    expect(rulesSchema.additionalProperties).toBe(false)
  })

  it.each(RULES.map(r => [r.id, r] as const))(
    '%s allows enabled, severity and its parameters',
    (id, rule) => {
      const s = rulesSchema.properties[id] as Schema
      expect(s.additionalProperties).toBe(false)
      expect(Object.keys(s.properties)).toEqual([
        'enabled',
        'severity',
        ...rule.parameters.map(p => p.name)
      ])
      expect(s.properties.enabled).toMatchObject({
        type: 'boolean',
        default: rule.enabledByDefault
      })
      expect(s.properties.severity).toMatchObject({
        type: 'string',
        enum: [...SEVERITIES],
        default: rule.defaultSeverity
      })
      for (const p of rule.parameters) {
        const ps = s.properties[p.name] as Schema
        expect(ps).toMatchObject({ type: 'integer', minimum: p.minimum, default: p.default })
        expect(ps.maximum).toBe(p.maximum)
        expect(Number.isSafeInteger(ps.maximum)).toBe(true)
        expect(ps.description).toContain(`Default: ${p.default}`)
        expect(ps.description).toContain(p.description)
      }
      expect(s.description).toContain(rule.title)
    }
  )

  it('describes exemptions: required keys, users xor arns, 12-digit accounts, dates', () => {
    expect(exemptionSchema.required).toEqual(['rules', 'reason', 'expires'])
    expect(exemptionSchema.additionalProperties).toBe(false)
    expect(exemptionSchema.oneOf).toEqual([
      { type: 'object', required: ['users'] },
      { type: 'object', required: ['arns'] }
    ])
    expect(exemptionSchema.properties.rules?.items.enum).toEqual([...RULE_IDS, '*'])
    expect(exemptionSchema.properties.accounts?.items.pattern).toBe('^[0-9]{12}$')
    expect(exemptionSchema.properties.expires?.pattern).toBe('^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
    expect(exemptionSchema.properties.reason).toMatchObject({ minLength: 1 })
  })

  it('describes account overrides: accounts and reason required, the rules schema reused', () => {
    const override = (schema.properties['account-overrides'] as Schema).items
    expect(override.required).toEqual(['accounts', 'reason'])
    expect(override.additionalProperties).toBe(false)
    expect(Object.keys(override.properties)).toEqual([
      'accounts',
      'reason',
      'fail-on-severity',
      'rules'
    ])
    expect(override.properties.accounts).toMatchObject({ type: 'array', minItems: 1 })
    expect(override.properties.accounts?.items.pattern).toBe('^[0-9]{12}$')
    expect(override.properties.reason).toMatchObject({ minLength: 1 })
    expect(override.properties['fail-on-severity']?.enum).toEqual([...FAIL_ON_SEVERITIES])
    // No default: an override without it keeps the top-level threshold.
    expect(override.properties['fail-on-severity']?.default).toBeUndefined()
    expect(override.properties.rules?.allOf).toEqual([{ $ref: '#/properties/rules' }])

    const validate = compile()
    const ok = (overrides: unknown): boolean =>
      validate({ version: 1, 'account-overrides': overrides }) as boolean
    expect(
      ok([
        {
          accounts: ['111111111111'],
          reason: 'Sandbox',
          'fail-on-severity': 'critical',
          rules: { 'access-key-rotation': { 'max-age-days': 180, severity: 'low' } }
        }
      ])
    ).toBe(true)
    expect(ok(null)).toBe(true)
    expect(ok([{ accounts: ['111111111111'], reason: 'x', rules: { 'no-such-rule': {} } }])).toBe(
      false
    )
    expect(
      ok([
        {
          accounts: ['111111111111'],
          reason: 'x',
          rules: { 'access-key-rotation': { 'max-age-days': 0 } }
        }
      ])
    ).toBe(false)
    expect(ok([{ accounts: [], reason: 'x', 'fail-on-severity': 'low' }])).toBe(false)
    expect(ok([{ accounts: ['1111'], reason: 'x', 'fail-on-severity': 'low' }])).toBe(false)
    expect(ok([{ accounts: ['111111111111'], 'fail-on-severity': 'low' }])).toBe(false)
  })

  it('has a description on every property, for editors', () => {
    const missing: string[] = []
    const walk = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) return
      const s = node as Schema
      if (s.properties) {
        for (const [k, v] of Object.entries(s.properties)) {
          if (typeof v.description !== 'string' || v.description === '')
            missing.push(`${path}/${k}`)
          walk(v, `${path}/${k}`)
        }
      }
      if (s.items) {
        if (typeof s.items.description !== 'string') missing.push(`${path}/items`)
        walk(s.items, `${path}/items`)
      }
    }
    walk(schema, '')
    expect(missing).toEqual([])
    expect(typeof schema.description).toBe('string')
  })

  it('accepts every valid fixture, the example policy, and rejects a bad one', () => {
    const validate = compile()
    const files = [
      ...readdirSync(fixtures)
        .filter(f => f.endsWith('.yml') && !f.startsWith('yaml-1.1'))
        .map(f => join(fixtures, f)),
      join(root, 'examples/iam-credential-policy.yml')
    ]
    for (const f of files) {
      const ok = validate(parse(readFileSync(f, 'utf8')))
      if (!ok) throw new Error(`${f}: ${JSON.stringify(validate.errors)}`)
    }
    expect(validate({ version: 1, rules: { 'no-such-rule': {} } })).toBe(false)
    expect(validate({ version: 2 })).toBe(false)
    expect(
      validate({
        version: 1,
        exemptions: [
          { rules: ['*'], users: ['a'], arns: ['b'], reason: 'x', expires: '2027-01-01' }
        ]
      })
    ).toBe(false)
  })
})
