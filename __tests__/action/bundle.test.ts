/**
 * The bundle itself, on the node the action runs on: `ACTION_NODE` (Node 24,
 * set by `.ci/run`) or the test runner's node. ncc can emit a bundle that
 * builds fine and fails at load time; these runs would show it.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { breachingReport, expectCleanStderr, runFileAudit } from './helpers.js'
import { ACTION_NODE, actionYml, BUNDLE, failure, REPO_ROOT, runAction } from './run-action.js'

const nodeMajor = Number(
  /^v(\d+)/.exec(execFileSync(ACTION_NODE, ['--version'], { encoding: 'utf8' }))?.[1]
)

describe('the action bundle', () => {
  it('is what action.yml runs, on node24, as ESM', () => {
    const yml = actionYml()
    expect(yml.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(existsSync(BUNDLE)).toBe(true)
    expect(JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'package.json'), 'utf8'))).toMatchObject(
      { type: 'module' }
    )
  })

  // The title says which node this run checks: .ci/run sets ACTION_NODE to Node 24.
  const actionNode = process.env.ACTION_NODE
    ? `ACTION_NODE (${process.env.ACTION_NODE}): Node 24`
    : `the test runner's node, Node ${process.versions.node} (ACTION_NODE is not set)`
  it(`runs the bundle on ${actionNode}`, () => {
    const runner = Number(process.versions.node.split('.')[0])
    expect(nodeMajor).toBe(process.env.ACTION_NODE ? 24 : runner)
  })

  it('loads and audits without a module error on stderr', async () => {
    const r = await runFileAudit({
      files: { 'report.csv': breachingReport() },
      inputs: { 'report-file': 'report.csv', 'soft-fail': 'true' }
    })
    expectCleanStderr(r)
    // Node 24 runs it silently (older nodes get the AWS SDK's support notice).
    if (nodeMajor >= 22) expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.outputs.result).toBe('failed')
  })

  it('without any input or runner file, fails through core.setFailed, not a crash', async () => {
    const r = await runAction({
      inputs: { 'role-to-assume': 'arn:aws:iam::123456789012:role/audit' },
      env: {
        GITHUB_OUTPUT: undefined,
        GITHUB_STEP_SUMMARY: undefined,
        GITHUB_EVENT_PATH: undefined,
        RUNNER_TEMP: undefined
      }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    expect(failure(r)).toMatch(/^error: no GitHub OIDC token is available/)
    // Without GITHUB_OUTPUT, core falls back to the set-output command on stdout.
    expect(r.stdout).not.toMatch(/internal error/)
  })
})
