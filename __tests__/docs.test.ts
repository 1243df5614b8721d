import { readFileSync, writeFileSync } from 'node:fs'
import { buildPolicySchema } from '../src/policy/schema.js'
import { RULE_TABLE_END, RULE_TABLE_START, renderRuleTable } from '../src/render/rule-table.js'
import { RULES } from '../src/rules/catalog.js'

/** The README's rule table and the schema's rule names must follow the catalog. */
describe('documentation follows the rule catalog', () => {
  const readme = readFileSync('README.md', 'utf8')

  it('README rule table is generated from the catalog (UPDATE_DOCS=1 npm test rewrites it)', () => {
    const start = readme.indexOf(RULE_TABLE_START)
    const end = readme.indexOf(RULE_TABLE_END)
    expect(start).toBeGreaterThan(0)
    expect(end).toBeGreaterThan(start)
    const expected = `${RULE_TABLE_START}\n${renderRuleTable()}\n${RULE_TABLE_END}`
    const current = readme.slice(start, end + RULE_TABLE_END.length)
    if (current !== expected && process.env.UPDATE_DOCS === '1') {
      writeFileSync('README.md', readme.replace(current, expected))
      return
    }
    expect(current).toBe(expected)
  })

  it('README table lists every rule id once, in catalog order', () => {
    const table = readme.slice(readme.indexOf(RULE_TABLE_START), readme.indexOf(RULE_TABLE_END))
    const ids = [...table.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map(m => m[1])
    expect(ids).toEqual(RULES.map(r => r.id))
  })

  it('the policy schema knows exactly the catalog rule ids', () => {
    const schema = JSON.parse(readFileSync('schema/policy.schema.json', 'utf8'))
    expect(schema).toEqual(buildPolicySchema())
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(
      RULES.map(r => r.id).sort()
    )
  })

  it('action.yml documents every input the action reads', () => {
    const action = readFileSync('action.yml', 'utf8')
    const main = readFileSync('src/action/inputs.ts', 'utf8')
    const read = [...main.matchAll(/\(getInput, '([a-z-]+)'|text\('([a-z-]+)'\)/g)].map(
      m => m[1] ?? m[2]
    )
    for (const input of read) {
      expect(action).toContain(`\n  ${input}:\n`)
      expect(readme).toContain(`| \`${input}\` |`)
    }
  })
})
