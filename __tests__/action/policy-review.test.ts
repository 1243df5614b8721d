import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EXAMPLE_REPORT, failure, messages, runAction } from './run-action.js'

/** The pull-request review as the bundle runs it: a real git checkout with base and head commits. */

const POLICY = '.github/iam-credential-policy.yml'

const BASE = `version: 1
fail-on-severity: high
rules:
  access-key-rotation:
    max-age-days: 90
`

const HEAD = `version: 1
fail-on-severity: high
rules:
  access-key-rotation:
    max-age-days: 365
exemptions:
  - rules: ["*"]
    users: [dana]
    reason: Contractor, leaves in December
    expires: 2026-12-20
`

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@t',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@t'
    }
  }).trim()
}

async function checkout(
  base: string,
  head: string
): Promise<{ dir: string; event: Record<string, unknown> }> {
  const dir = await mkdtemp(join(tmpdir(), 'icg-review-e2e-'))
  git(dir, 'init', '-q', '-b', 'main')
  await mkdir(join(dir, '.github'))
  await writeFile(join(dir, POLICY), base)
  git(dir, 'add', '.')
  git(dir, 'commit', '-q', '-m', 'base')
  const baseSha = git(dir, 'rev-parse', 'HEAD')
  await writeFile(join(dir, POLICY), head)
  git(dir, 'commit', '-q', '-am', 'head')
  const headSha = git(dir, 'rev-parse', 'HEAD')
  const repo = {
    full_name: 'octo-org/octo-repo',
    name: 'octo-repo',
    owner: { login: 'octo-org' },
    fork: false
  }
  const event = {
    number: 7,
    pull_request: {
      number: 7,
      base: { sha: baseSha, ref: 'main', repo },
      head: { sha: headSha, ref: 'loosen', repo }
    },
    repository: repo
  }
  return { dir, event }
}

describe('action on a pull request that changes the policy', () => {
  it('annotates the changed lines, adds the impact to the summary and fails on weakening', async () => {
    const { dir, event } = await checkout(BASE, HEAD)
    const r = await runAction({
      cwd: dir,
      eventName: 'pull_request',
      event,
      inputs: {
        'report-file': EXAMPLE_REPORT,
        'soft-fail': 'true',
        'fail-on-policy-weakening': 'true'
      }
    })
    expect(r.code).toBe(1)
    expect(failure(r)).toMatch(/^policy weakened: /)
    const warnings = r.annotations.filter(a => a.level === 'warning' && a.file === POLICY)
    expect(warnings.map(a => a.line)).toEqual(expect.arrayContaining([5, 7]))
    expect(warnings.find(a => a.line === 5)?.message).toContain(
      'max-age-days loosened from 90 to 365'
    )
    expect(warnings.some(a => a.line === 7 && /exemption 1 .*added/.test(a.message))).toBe(true)
    expect(r.summary).toContain('Policy change impact')
    // The live impact: dana's console-MFA finding is hidden by the new exemption.
    expect(r.summary).toMatch(/dana/)
    expect(r.summary).toContain('Hides 2 findings, reveals 0')
    // The audit itself still ran and wrote its outputs.
    expect(r.outputs.result).toBe('failed')
  })

  it('redacts user names in the review (summary section and annotations) with redact: users', async () => {
    const { dir, event } = await checkout(BASE, HEAD)
    const r = await runAction({
      cwd: dir,
      eventName: 'pull_request',
      event,
      inputs: { 'report-file': EXAMPLE_REPORT, 'soft-fail': 'true', redact: 'users' }
    })
    expect(r.code).toBe(0)
    expect(r.summary).toContain('Policy change impact')
    // The live impact is computed on real names (the exemption for dana applies) and shown with tokens.
    expect(r.summary).toContain('Hides 2 findings, reveals 0')
    expect(r.summary).toMatch(/user-[0-9a-f]{8}/)
    for (const name of ['dana', 'erik', 'frank', 'svc-reporting']) {
      expect(r.summary).not.toContain(name)
      expect(r.stdout).not.toContain(name)
    }
  })

  it('reviews a fork pull request without AWS: the audit is skipped with a notice, the review runs', async () => {
    const { dir, event } = await checkout(BASE, HEAD)
    const pr = (event.pull_request as { head: { repo: Record<string, unknown> } }).head
    pr.repo = {
      full_name: 'someone/octo-repo',
      name: 'octo-repo',
      owner: { login: 'someone' },
      fork: true
    }
    const r = await runAction({
      cwd: dir,
      eventName: 'pull_request',
      event,
      inputs: { 'role-to-assume': 'arn:aws:iam::123456789012:role/audit' }
    })
    expect(r.code).toBe(0)
    expect(
      messages(r, 'notice').some(m =>
        /AWS audit skipped on this pull request: .*id-token: write/s.test(m)
      )
    ).toBe(true)
    expect(
      r.annotations.some(a => a.level === 'warning' && a.file === POLICY && a.line === 5)
    ).toBe(true)
    expect(r.summary).toContain('Policy change impact')
  })

  it('annotates a head policy that does not parse at its line, once', async () => {
    const { dir, event } = await checkout(
      BASE,
      'version: 1\nrules:\n  access-key-rotaton: { max-age-days: 60 }\n'
    )
    const r = await runAction({
      cwd: dir,
      eventName: 'pull_request',
      event,
      inputs: { 'report-file': EXAMPLE_REPORT }
    })
    expect(r.code).toBe(1)
    const errors = r.annotations.filter(a => a.level === 'error' && a.file === POLICY)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ line: 3 })
    expect(errors[0]?.message).toContain("did you mean 'access-key-rotation'?")
  })
})
