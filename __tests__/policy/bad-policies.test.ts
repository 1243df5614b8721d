/**
 * The bad-policy corpus: every `__tests__/fixtures/bad/policies/NAME.yml`
 * must fail to load with exactly the text in `NAME.expected.txt` (one
 * `file:line:column: message` line per problem). `{{RULE_IDS}}` in an
 * expected file stands for the catalog's rule ids, comma-separated, so the
 * corpus survives rules being added.
 *
 * After changing a message on purpose, rewrite the expected files with
 *   UPDATE_EXPECTED=1 NODE_OPTIONS=--experimental-vm-modules npx jest __tests__/policy/bad-policies
 * and review the diff.
 */

import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PolicyError } from '../../src/errors.js'
import { loadPolicy } from '../../src/policy/load.js'
import { RULE_IDS } from '../../src/rules/catalog.js'

const dir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/bad/policies')
const names = readdirSync(dir)
  .filter(f => f.endsWith('.yml'))
  .map(f => f.slice(0, -'.yml'.length))
  .sort()
const ruleIds = RULE_IDS.join(', ')

function errorText(text: string, file: string, options?: { maxBytes?: number }): string {
  try {
    loadPolicy(text, file, options)
  } catch (e) {
    if (e instanceof PolicyError) return e.message
    throw e
  }
  throw new Error(`${file} loaded without an error`)
}

describe('bad policy corpus', () => {
  it('has at least 25 cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(25)
  })

  it.each(names)('%s.yml', name => {
    const text = readFileSync(join(dir, `${name}.yml`), 'utf8')
    const actual = errorText(text, `${name}.yml`)
    const expectedFile = join(dir, `${name}.expected.txt`)
    if (process.env.UPDATE_EXPECTED === '1') {
      writeFileSync(expectedFile, `${actual.split(ruleIds).join('{{RULE_IDS}}')}\n`)
    }
    const expected = readFileSync(expectedFile, 'utf8')
      .trimEnd()
      .split('{{RULE_IDS}}')
      .join(ruleIds)
    expect(actual).toBe(expected)
  })

  it('every problem has a file, a line and a column', () => {
    for (const name of names) {
      const text = readFileSync(join(dir, `${name}.yml`), 'utf8')
      // Every file of the corpus must be refused: loading one without an error fails the test.
      let error: unknown = new Error(`${name}.yml loaded without an error`)
      try {
        loadPolicy(text, `${name}.yml`)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(PolicyError)
      const problems = (error as PolicyError).problems
      expect(problems.length).toBeGreaterThan(0)
      for (const p of problems) {
        expect(p.file).toBe(`${name}.yml`)
        expect(p.line).toBeGreaterThanOrEqual(1)
        expect(p.column).toBeGreaterThanOrEqual(1)
        expect(p.message).not.toBe('')
      }
    }
  })
})

describe('generated bad policies', () => {
  it('rejects a file over the size limit before parsing it', () => {
    const text = `version: 1\n${'# padding padding padding padding padding padding padding\n'.repeat(20_000)}`
    expect(errorText(text, 'huge.yml')).toBe(
      'huge.yml:1:1: policy file is 1.1 MiB (1160011 bytes), over the limit of 1.0 MiB: a policy is a few kilobytes, so check that this is the policy file'
    )
  })

  it('honours maxBytes', () => {
    expect(errorText('version: 1\n', 'small.yml', { maxBytes: 5 })).toBe(
      'small.yml:1:1: policy file is 11 bytes, over the limit of 5 bytes: a policy is a few kilobytes, so check that this is the policy file'
    )
    expect(loadPolicy('version: 1\n', 'ok.yml', { maxBytes: 11 }).version).toBe(1)
  })

  it('counts bytes, not characters', () => {
    const text = `version: 1\n# ${'é'.repeat(10)}\n`
    expect(text.length).toBeLessThan(30)
    expect(() => loadPolicy(text, 'p.yml', { maxBytes: 30 })).toThrow(/34 bytes, over the limit/)
  })

  it('rejects half a million nested brackets without overflowing the stack', () => {
    const n = 500_000
    const text = `${'['.repeat(n)}${']'.repeat(n)}`
    expect(errorText(text, 'deep.yml')).toBe(
      'deep.yml:1:21: the policy nests mappings and lists more than 20 levels deep here (a policy needs at most 5): check the indentation and brackets'
    )
  })

  it('rejects deeply nested block lists', () => {
    const text = `version: 1\nrules:\n  ${'- '.repeat(50_000)}x\n`
    expect(errorText(text, 'dashes.yml')).toBe(
      'dashes.yml:3:41: the policy nests mappings and lists more than 20 levels deep here (a policy needs at most 5): check the indentation and brackets'
    )
  })

  it('rejects an alias bomb that would expand to millions of nodes', () => {
    const lines = [
      'version: 1',
      'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'
    ]
    for (let i = 1; i < 10; i++)
      lines.push(
        `l${i}: &l${i} [${Array(9)
          .fill(`*l${i - 1}`)
          .join(', ')}]`
      )
    expect(errorText(`${lines.join('\n')}\n`, 'bomb.yml')).toMatch(
      /^bomb\.yml:3:10: YAML aliases here expand to too much data/
    )
  })

  it('reports every unknown rule of a long policy, in file order', () => {
    const lines = ['version: 1', 'rules:']
    for (let i = 0; i < 50; i++) lines.push(`  rule-${i}:`, '    enabled: false')
    const problems = (() => {
      try {
        loadPolicy(`${lines.join('\n')}\n`, 'long.yml')
      } catch (e) {
        return (e as PolicyError).problems
      }
      return []
    })()
    expect(problems).toHaveLength(50)
    expect(problems.map(p => p.line)).toEqual(Array.from({ length: 50 }, (_, i) => 3 + 2 * i))
    expect(problems[0]?.message).toBe(`unknown rule 'rule-0' under rules; rule ids: ${ruleIds}`)
  })
})
