/**
 * Every workflow the repository ships (.github/workflows, examples/) and every workflow snippet
 * in the README is valid YAML, gives this action only the inputs action.yml declares (and every
 * required one), and pins the other actions it uses.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isMap, isScalar, isSeq, LineCounter, parse, parseDocument } from 'yaml'
import type { Node as YamlNode, YAMLMap } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** A step of this action: `uses: ./` or this repository at a ref. */
const OWN_ACTION = /^(\.\/?|iam-credential-gate\/iam-credential-gate@.+)$/
/** Another action: pinned to a major version (or a release, or a commit), never a branch. */
const PINNED = /^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$|^docker:\/\//

interface ActionInputs {
  declared: Set<string>
  required: string[]
}

function actionInputs(text: string): ActionInputs {
  const inputs = (
    parse(text) as { inputs: Record<string, { required?: boolean; default?: unknown }> }
  ).inputs
  return {
    declared: new Set(Object.keys(inputs)),
    required: Object.entries(inputs)
      .filter(([, input]) => input.required === true && input.default === undefined)
      .map(([name]) => name)
  }
}

/**
 * What is wrong with a workflow (or a README fragment: a list of steps), one line each, with its
 * position: YAML errors, unknown or missing inputs of this action, unpinned actions.
 */
function workflowProblems(
  text: string,
  source: string,
  action: ActionInputs,
  firstLine = 1
): string[] {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true })
  const at = (node: YamlNode | null | undefined) => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0)
    return `${source}:${line + firstLine - 1}:${col}`
  }
  if (doc.errors.length > 0) return doc.errors.map(e => `${source}: ${e.message}`)

  const steps: YAMLMap[] = []
  const collectSteps = (list: unknown) => {
    if (isSeq(list)) for (const step of list.items) if (isMap(step)) steps.push(step)
  }
  if (isSeq(doc.contents)) collectSteps(doc.contents)
  else if (isMap(doc.contents)) {
    const jobs = doc.contents.get('jobs')
    if (!isMap(jobs)) return [`${at(doc.contents)}: no jobs`]
    for (const job of jobs.items) if (isMap(job.value)) collectSteps(job.value.get('steps'))
  }

  const problems: string[] = []
  for (const step of steps) {
    const uses = step.get('uses', true)
    if (!isScalar(uses) || typeof uses.value !== 'string') continue
    if (!OWN_ACTION.test(uses.value)) {
      if (!PINNED.test(uses.value))
        problems.push(`${at(uses)}: '${uses.value}' is not pinned to a major version or a commit`)
      continue
    }
    const given = step.get('with', true)
    const names = new Map<string, YamlNode>()
    if (isMap(given))
      for (const pair of given.items) names.set(String(pair.key), pair.key as YamlNode)
    for (const [name, key] of names)
      if (!action.declared.has(name))
        problems.push(`${at(key)}: '${name}' is not an input of the action (action.yml)`)
    for (const name of action.required)
      if (!names.has(name)) problems.push(`${at(uses)}: required input '${name}' is missing`)
  }
  return problems
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(f => /\.ya?ml$/.test(f))
    .map(f => join(dir, f))
}

/** The README's yaml blocks, each with the line it starts on and the file it says it comes from. */
function readmeBlocks(readme: string): { line: number; text: string; file?: string }[] {
  return [...readme.matchAll(/(?:\[`([^`]+)`\]\([^)]*\):\n\n)?```yaml\n([\s\S]*?)```/g)].map(m => ({
    line: readme.slice(0, m.index + m[0].indexOf('```yaml')).split('\n').length + 1,
    text: m[2] ?? '',
    file: m[1]
  }))
}

const action = actionInputs(readFileSync(join(root, 'action.yml'), 'utf8'))
const workflows = [
  ...yamlFiles(join(root, '.github', 'workflows')),
  ...yamlFiles(join(root, 'examples'))
].filter(
  file =>
    /(^|\/)workflows\//.test(relative(root, file)) || /^jobs:/m.test(readFileSync(file, 'utf8'))
)
const readme = readFileSync(join(root, 'README.md'), 'utf8')

describe('workflow files', () => {
  it('are found: CI, release and the examples', () => {
    const names = workflows.map(f => relative(root, f)).sort()
    expect(names).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/release.yml',
        'examples/workflows/nightly-audit.yml'
      ])
    )
  })

  it.each(workflows.map(f => [relative(root, f)]))(
    '%s: valid YAML, known inputs of this action, pinned actions',
    name => {
      expect(workflowProblems(readFileSync(join(root, name), 'utf8'), name, action)).toEqual([])
    }
  )
})

describe("the README's workflow snippets", () => {
  const blocks = readmeBlocks(readme).filter(b => /^\s*-?\s*uses: /m.test(b.text))

  it('use this action with known inputs and pin the other actions', () => {
    expect(blocks.length).toBeGreaterThan(3)
    const problems = blocks.flatMap(b => workflowProblems(b.text, 'README.md', action, b.line))
    expect(problems).toEqual([])
  })

  it('that name their file are that file, word for word', () => {
    const sourced = blocks.filter(b => b.file !== undefined)
    expect(sourced.map(b => b.file)).toContain('examples/workflows/nightly-audit.yml')
    for (const block of sourced)
      expect({ file: block.file, text: block.text }).toEqual({
        file: block.file,
        text: readFileSync(join(root, block.file ?? ''), 'utf8')
      })
  })
})

describe('the workflow check itself', () => {
  const own = (inputs: string) =>
    `jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v5\n      - uses: iam-credential-gate/iam-credential-gate@v1\n        with:\n${inputs}`

  it('reports an input action.yml does not declare, with its line', () => {
    expect(workflowProblems(own('          role-to-asume: arn\n'), 'w.yml', action)).toEqual([
      "w.yml:8:11: 'role-to-asume' is not an input of the action (action.yml)"
    ])
  })

  it('checks `uses: ./` and README fragments (a list of steps), at their line in the README', () => {
    const fragment = '- uses: ./\n  with:\n    sarif: x.sarif\n'
    expect(workflowProblems(fragment, 'README.md', action, 101)).toEqual([
      "README.md:103:5: 'sarif' is not an input of the action (action.yml)"
    ])
  })

  it('reports a required input that is missing', () => {
    const strict = actionInputs(
      'inputs:\n  report-file:\n    required: true\n  policy-file:\n    required: true\n    default: x\n'
    )
    expect(workflowProblems(own('          policy-file: p.yml\n'), 'w.yml', strict)).toEqual([
      "w.yml:6:15: required input 'report-file' is missing"
    ])
  })

  it('reports invalid YAML, a duplicate key and an action on a branch', () => {
    expect(workflowProblems('jobs: [', 'w.yml', action)).not.toEqual([])
    expect(
      workflowProblems(
        own('          soft-fail: true\n          soft-fail: false\n'),
        'w.yml',
        action
      )
    ).not.toEqual([])
    expect(
      workflowProblems(own('').replace('checkout@v5', 'checkout@main'), 'w.yml', action)
    ).toEqual(["w.yml:5:15: 'actions/checkout@main' is not pinned to a major version or a commit"])
  })
})
