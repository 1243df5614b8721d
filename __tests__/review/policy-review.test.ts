import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { readGitHubEvent } from '../../src/action/github-event.js'
import type { PolicyReviewOptions, PolicyReviewResult } from '../../src/action/policy-review.js'
import {
  COMMENT_MARKER,
  readPolicyReviewInputs,
  repoRelative,
  reviewPolicyChange
} from '../../src/action/policy-review.js'
import { PolicyError } from '../../src/errors.js'
import { loadPolicy } from '../../src/policy/load.js'
import { BOT, FakeGitHub, HUMAN } from '../support/fake-github.js'
import type { Emitted } from './support/github.js'
import {
  BASE_REPO,
  fixture,
  GitRepo,
  pullRequestEvent,
  RecordingSink,
  writeEvent
} from './support/github.js'
import { NOW, reviewReport } from './support/report.js'

const POLICY = '.github/iam-credential-policy.yml'
const TOKEN = 'ghs_test_token_0000'

let fake: FakeGitHub
let repo: GitRepo
const cleanup: string[] = []

beforeEach(async () => {
  fake = await FakeGitHub.start()
  repo = await GitRepo.create()
})

afterEach(async () => {
  await fake.close()
  await repo.remove()
  for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true })
})

interface Run {
  result: PolicyReviewResult | null
  sink: RecordingSink
}

/**
 * Commits `base` then `head` versions of the policy (null: no file), writes
 * the event payload as the runner does, reads it back, and runs the review
 * in the checkout (the repository itself, or `workspace`).
 */
async function scenario(
  base: string | null,
  head: string | null,
  options: {
    workspace?: (repo: GitRepo) => Promise<string>
    event?: Partial<Parameters<typeof pullRequestEvent>[0]>
    review?: Partial<PolicyReviewOptions>
    extraBaseFiles?: Record<string, string>
    extraHeadFiles?: Record<string, string | null>
  } = {}
): Promise<Run & { baseSha: string; headSha: string; workspace: string }> {
  const baseSha = await repo.commit(
    { 'README.md': 'repo\n', [POLICY]: base, ...options.extraBaseFiles },
    'base'
  )
  const headSha = await repo.commit({ [POLICY]: head, ...options.extraHeadFiles }, 'head')
  const workspace = options.workspace ? await options.workspace(repo) : repo.dir
  if (workspace !== repo.dir) cleanup.push(join(workspace, '..'))
  const env = await writeEvent(
    workspace === repo.dir ? repo.dir : join(workspace, '..'),
    pullRequestEvent({ baseSha, headSha, ...options.event })
  )
  const event = await readGitHubEvent(env)
  const sink = new RecordingSink()
  const result = await reviewPolicyChange({
    policyPath: POLICY,
    workspace,
    event: event.payload,
    eventName: event.name,
    token: TOKEN,
    apiUrl: fake.url,
    now: NOW,
    maxExemptionDays: 90,
    prComment: false,
    failOnWeakening: false,
    sink,
    ...options.review
  })
  return { result, sink, baseSha, headSha, workspace }
}

/** level, line, column and title of each annotation. */
const where = (calls: readonly Emitted[]) =>
  calls.map(c => [c.level, c.properties?.startLine, c.properties?.startColumn, c.properties?.title])

describe('when there is nothing to review', () => {
  it('returns null for events other than pull_request, without reading anything', async () => {
    const sink = new RecordingSink()
    for (const eventName of ['push', 'schedule', 'pull_request_target', 'workflow_dispatch']) {
      const result = await reviewPolicyChange({
        policyPath: POLICY,
        workspace: repo.dir,
        event: pullRequestEvent({ baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40) }),
        eventName,
        token: TOKEN,
        apiUrl: fake.url,
        now: NOW,
        maxExemptionDays: 90,
        prComment: true,
        failOnWeakening: true,
        sink
      })
      expect(result).toBeNull()
    }
    expect(sink.calls).toEqual([])
    expect(fake.requests).toEqual([])
  })

  it('returns null when the pull request leaves the policy file as it is', async () => {
    const base = await fixture('base.yml')
    const { result, sink } = await scenario(base, base, { extraHeadFiles: { 'src/x.ts': 'x\n' } })
    expect(result).toBeNull()
    expect(sink.annotations).toEqual([])
    expect(sink.calls).toEqual([
      { level: 'info', message: `Policy review: this pull request does not change ${POLICY}.` }
    ])
    expect(fake.requests).toEqual([])
  })

  it('returns null when there is no policy file on either side', async () => {
    const { result, sink } = await scenario(null, null)
    expect(result).toBeNull()
    expect(sink.annotations).toEqual([])
  })

  it('warns and returns null for a pull_request payload without shas', async () => {
    const sink = new RecordingSink()
    const result = await reviewPolicyChange({
      policyPath: POLICY,
      workspace: repo.dir,
      event: { pull_request: { number: 3, base: { sha: 'main' }, head: { sha: 'x' } } },
      eventName: 'pull_request',
      now: NOW,
      maxExemptionDays: 90,
      prComment: false,
      failOnWeakening: false,
      sink
    })
    expect(result).toBeNull()
    expect(sink.calls).toEqual([
      {
        level: 'warning',
        message:
          'Policy review skipped: pull_request.base.sha in the event payload is not a commit sha.',
        properties: { title: 'Policy review' }
      }
    ])
  })
})

describe('static review from git (the base commit is in the checkout)', () => {
  it('annotates every weakening change at its line with a warning, and the removal with a notice', async () => {
    const { result, sink } = await scenario(
      await fixture('base.yml'),
      await fixture('weakened.yml')
    )
    expect(fake.requests).toEqual([])
    expect(result).toMatchObject({
      file: POLICY,
      fileChange: 'modified',
      baseSource: 'git',
      weakens: true,
      problems: [],
      failed: false,
      comment: { status: 'disabled' }
    })
    expect(result?.changes.map(c => [c.kind, c.line])).toEqual([
      ['fail-on-severity-loosened', 3],
      ['threshold-loosened', 6],
      ['threshold-loosened', 7],
      ['rule-disabled', 10],
      ['severity-lowered', 12],
      ['exemption-removed', 13],
      ['exemption-widened', 14],
      ['exemption-added', 18],
      ['exemption-wildcard', 18],
      ['exemption-too-long', 18]
    ])
    expect(where(sink.annotations)).toEqual([
      ['warning', 3, 1, 'Policy change: gate loosened'],
      ['warning', 6, 5, 'Policy change: threshold loosened'],
      ['warning', 7, 3, 'Policy change: threshold loosened'],
      ['warning', 10, 5, 'Policy change: rule disabled'],
      ['warning', 12, 5, 'Policy change: severity lowered'],
      ['warning', 14, 5, 'Policy change: exemption widened'],
      ['warning', 18, 5, 'Policy change: exemption added'],
      ['warning', 18, 5, 'Policy change: wildcard exemption'],
      ['warning', 18, 5, 'Policy change: long exemption'],
      ['notice', 13, 1, 'Policy change: exemption removed']
    ])
    for (const a of sink.annotations) {
      expect(a.properties).toMatchObject({ file: POLICY, endLine: a.properties?.startLine })
    }
    expect(sink.annotations[2]?.message).toBe(
      'rule unused-access-key max-unused-days loosened from 30 to 45 (the key was removed; the default applies): fewer findings'
    )
    expect(result?.markdown).toContain('## Policy change impact')
    expect(result?.markdown).toContain(
      '⚠️ **This change weakens and tightens the policy** in pull request #7'
    )
    expect(result?.markdown).toContain(`| ⚠️ weakens | [6](https://github.com/${BASE_REPO}/blob/`)
    expect(result?.markdown).toContain('**Live impact:** not measured.')
    expect(result?.headPolicy?.failOnSeverity).toBe('critical')
  })

  it('annotates tightening and neutral changes as notices', async () => {
    const { result, sink } = await scenario(
      await fixture('base.yml'),
      await fixture('tightened.yml')
    )
    expect(result).toMatchObject({ weakens: false, failed: false })
    expect(where(sink.annotations)).toEqual([
      ['notice', 2, 1, 'Policy change: gate tightened'],
      ['notice', 5, 5, 'Policy change: threshold tightened'],
      ['notice', 11, 5, 'Policy change: severity raised'],
      ['notice', 13, 5, 'Policy change: rule enabled'],
      ['notice', 15, 5, 'Policy change: exemption narrowed'],
      ['notice', 19, 5, 'Policy change: exemption changed']
    ])
    expect(result?.changes.map(c => c.effect)).toEqual([
      'tightens',
      'tightens',
      'tightens',
      'tightens',
      'tightens',
      'neutral'
    ])
  })

  it('the gate fails on weakening only when fail-on-policy-weakening is on', async () => {
    const { result } = await scenario(
      await fixture('base.yml'),
      await fixture('loosened-threshold.yml'),
      { review: { failOnWeakening: true } }
    )
    expect(result).toMatchObject({ weakens: true, failed: true })
    expect(result?.failureMessage).toBe(
      `the pull request weakens the policy in ${POLICY} (rule access-key-rotation max-age-days loosened from 90 to 365: fewer findings): a security review is required (fail-on-policy-weakening)`
    )
  })

  it('a tightening change passes the weakening gate', async () => {
    const { result } = await scenario(await fixture('base.yml'), await fixture('tightened.yml'), {
      review: { failOnWeakening: true }
    })
    expect(result).toMatchObject({ weakens: false, failed: false })
    expect(result?.failureMessage).toBeUndefined()
  })

  it('a comment-only edit is reviewed and changes nothing enforced', async () => {
    const base = await fixture('base.yml')
    const { result, sink } = await scenario(base, `${base}# trailing note\n`)
    expect(result).toMatchObject({ changes: [], weakens: false, fileChange: 'modified' })
    expect(sink.annotations).toEqual([])
    expect(result?.markdown).toContain('does not change what the policy enforces')
  })

  it('accepts an absolute policy path inside the workspace', async () => {
    const { result } = await scenario(
      await fixture('base.yml'),
      await fixture('loosened-threshold.yml'),
      { review: { policyPath: join(repo.dir, POLICY) } }
    )
    expect(result?.file).toBe(POLICY)
  })
})

describe('live impact (a credential report from AWS)', () => {
  it('lists exactly the findings the change hides and reveals, on the responsible lines', async () => {
    const { result, sink } = await scenario(
      await fixture('base.yml'),
      await fixture('weakened.yml'),
      { review: { report: reviewReport() } }
    )
    const impact = result?.impact
    expect(impact?.hidden.map(h => [h.finding.ruleId, h.finding.user, h.cause, h.line])).toEqual([
      // The new exemption would hide it too, but the threshold already does.
      ['access-key-rotation', 'svc-legacy', 'rule access-key-rotation max-age-days 90 → 365', 6],
      ['password-rotation', 'alice', 'rule password-rotation disabled', 10],
      ['password-rotation', 'bob', 'rule password-rotation disabled', 10]
    ])
    expect(impact?.revealed).toEqual([])
    expect(
      impact?.noLongerFailing.map(h => [h.finding.ruleId, h.finding.user, h.cause, h.line])
    ).toEqual([
      ['console-user-mfa', 'bob', 'severity high → medium, fail-on-severity high → critical', 12]
    ])
    expect(impact?.verdict).toMatchObject({
      changed: true,
      base: { result: 'failed' },
      head: { result: 'passed' }
    })
    // The impact rides on the change annotation of the same line.
    const disabled = sink.annotations.find(a => a.properties?.startLine === 10)
    expect(disabled?.message).toBe(
      'rule password-rotation disabled: none of its findings are reported any more. hides 2 findings: alice password (password-rotation, low), bob password (password-rotation, low)'
    )
    const threshold = sink.annotations.find(a => a.properties?.startLine === 6)
    expect(threshold?.message).toBe(
      'rule access-key-rotation max-age-days loosened from 90 to 365: fewer findings. hides 1 finding: svc-legacy access_key_1 (access-key-rotation, medium)'
    )
    const severity = sink.annotations.find(a => a.properties?.startLine === 12)
    expect(severity?.message).toContain(
      'stops failing the gate on 1 finding: bob (console-user-mfa, medium)'
    )
    expect(result?.markdown).toContain('- Gate verdict: **failed → passed**')
    expect(result?.markdown).toContain('**Findings this change hides (3)**')
    expect(result?.markdown).toContain('**Findings that no longer fail the gate (1)**')
  })

  it('a tightening change reveals findings, as notices', async () => {
    const { result, sink } = await scenario(
      await fixture('base.yml'),
      await fixture('tightened.yml'),
      { review: { report: reviewReport() } }
    )
    expect(result?.impact?.hidden).toEqual([])
    expect(result?.impact?.revealed.map(h => [h.finding.ruleId, h.finding.user, h.line])).toEqual([
      ['user-mfa', 'bob', 13],
      ['user-mfa', 'ci-bot', 13],
      ['user-mfa', 'svc-legacy', 13]
    ])
    expect(
      result?.impact?.nowFailing.map(h => [h.finding.ruleId, h.finding.user, h.cause])
    ).toEqual([
      ['access-key-rotation', 'svc-legacy', 'fail-on-severity high → medium'],
      ['unused-access-key', 'ci-bot', 'fail-on-severity high → medium']
    ])
    expect(sink.annotations.every(a => a.level === 'notice')).toBe(true)
    expect(result?.weakens).toBe(false)
  })

  it('a report the evaluation refuses leaves the static review', async () => {
    const { result } = await scenario(
      await fixture('base.yml'),
      await fixture('loosened-threshold.yml'),
      { review: { report: reviewReport(), now: Date.parse('2025-06-01T00:00:00Z') } }
    )
    expect(result?.impact).toBeUndefined()
    expect(result?.changes).toHaveLength(1)
    expect(result?.markdown).toContain('The credential report could not be evaluated')
  })
})

describe('the head policy does not load', () => {
  it('annotates each problem as an error at its line and column, and returns them', async () => {
    const text = await fixture('invalid.yml')
    const { result, sink } = await scenario(await fixture('base.yml'), text, {
      review: { failOnWeakening: true, report: reviewReport() }
    })
    let expected: PolicyError | undefined
    try {
      loadPolicy(text, POLICY)
    } catch (e) {
      expected = e as PolicyError
    }
    expect(expected).toBeInstanceOf(PolicyError)
    expect(result?.problems).toEqual(expected?.problems)
    expect(result?.problems.map(p => [p.file, p.line, p.column])).toEqual([
      [POLICY, 2, 19],
      [POLICY, 4, 3],
      [POLICY, 7, 5],
      [POLICY, 9, 14]
    ])
    expect(sink.annotations).toEqual(
      (expected?.problems ?? []).map(p => ({
        level: 'error',
        message: p.message,
        properties: {
          title: 'Invalid policy file',
          file: POLICY,
          startLine: p.line,
          endLine: p.line,
          startColumn: p.column
        }
      }))
    )
    expect(result).toMatchObject({ changes: [], weakens: false, failed: false })
    expect(result?.headPolicy).toBeUndefined()
    expect(result?.markdown).toContain(`❌ **\`${POLICY}\` does not load** in pull request #7`)
  })

  it('annotateProblems: false leaves the problems to the caller', async () => {
    const { result, sink } = await scenario(
      await fixture('base.yml'),
      await fixture('invalid.yml'),
      {
        review: { annotateProblems: false }
      }
    )
    expect(result?.problems).toHaveLength(4)
    expect(sink.annotations).toEqual([])
  })

  it('a head that is not YAML at all is an error at its line too', async () => {
    const { result, sink } = await scenario(
      await fixture('base.yml'),
      'version: 1\nrules: [unclosed\n'
    )
    expect(result?.problems).toHaveLength(1)
    expect(sink.annotations.map(a => a.level)).toEqual(['error'])
    expect(sink.annotations[0]?.properties?.startLine).toBeGreaterThanOrEqual(2)
  })
})

describe('new, renamed and deleted policy files', () => {
  it('a new policy file is compared against the built-in default', async () => {
    const { result, sink } = await scenario(null, await fixture('weakened.yml'))
    expect(result).toMatchObject({ fileChange: 'added', baseSource: 'git' })
    expect(result?.changes.map(c => c.kind)).toEqual([
      'fail-on-severity-loosened',
      'threshold-loosened',
      'severity-lowered',
      'exemption-added',
      'exemption-added',
      'exemption-wildcard',
      'exemption-too-long'
    ])
    expect(sink.annotations.every(a => a.properties?.file === POLICY)).toBe(true)
    expect(result?.markdown).toContain(
      `\`${POLICY}\` is new (or was moved or renamed here): it is compared against the built-in default policy`
    )
  })

  it('a renamed policy file is reviewed as new at its new path', async () => {
    const { result } = await scenario(null, await fixture('base.yml'), {
      extraBaseFiles: { 'policies/old-name.yml': await fixture('base.yml') },
      extraHeadFiles: { 'policies/old-name.yml': null }
    })
    expect(result?.fileChange).toBe('added')
    expect(result?.changes.map(c => c.kind)).toEqual([
      'threshold-tightened',
      'rule-enabled',
      'exemption-added',
      'exemption-added'
    ])
  })

  it('a deleted policy file: the default applies, changes are annotated without a file', async () => {
    const { result, sink } = await scenario(await fixture('weakened.yml'), null, {
      review: { report: reviewReport() }
    })
    expect(result).toMatchObject({ fileChange: 'deleted', baseSource: 'git', problems: [] })
    expect(result?.headPolicy?.source).toEqual({ kind: 'built-in' })
    expect(sink.annotations.length).toBeGreaterThan(0)
    for (const a of sink.annotations) {
      expect(a.properties?.file).toBeUndefined()
      expect(a.properties?.startLine).toBeUndefined()
      expect(a.message.startsWith(`policy file ${POLICY} deleted, so `)).toBe(true)
    }
    expect(sink.annotations.map(a => a.message)).toContain(
      `policy file ${POLICY} deleted, so fail-on-severity changed from critical to high (the built-in default): more findings fail the gate. reveals 1 finding: svc-legacy access_key_1 (access-key-rotation, medium). fails the gate on 1 finding: bob (console-user-mfa, high)`
    )
    expect(result?.markdown).toContain(`\`${POLICY}\` is deleted (or was moved or renamed)`)
    expect(result?.markdown).not.toContain('/blob/')
  })
})

describe('shallow checkout: the base version from the GitHub REST API', () => {
  const shallow = (r: GitRepo) => r.shallowClone()

  it('falls back to GET contents at the base sha with the token', async () => {
    const base = await fixture('base.yml')
    const head = await fixture('loosened-threshold.yml')
    const baseSha = await repo.commit({ [POLICY]: base }, 'base')
    fake.addCommit(BASE_REPO, baseSha, { [POLICY]: base })
    fake.requiredToken = TOKEN
    const headSha = await repo.commit({ [POLICY]: head }, 'head')
    const workspace = await repo.shallowClone()
    cleanup.push(join(workspace, '..'))
    const sink = new RecordingSink()
    const result = await reviewPolicyChange({
      policyPath: POLICY,
      workspace,
      event: pullRequestEvent({ baseSha, headSha }),
      eventName: 'pull_request',
      token: TOKEN,
      apiUrl: fake.url,
      now: NOW,
      maxExemptionDays: 90,
      prComment: false,
      failOnWeakening: false,
      sink
    })
    expect(result).toMatchObject({ baseSource: 'api', fileChange: 'modified', weakens: true })
    expect(result?.changes.map(c => [c.kind, c.line])).toEqual([['threshold-loosened', 6]])
    expect(fake.requests.map(r => [r.method, r.path, r.query, r.authorization])).toEqual([
      ['GET', `/repos/${BASE_REPO}/contents/${POLICY}`, { ref: baseSha }, `token ${TOKEN}`]
    ])
  })

  it('a 404 for the file at a known base commit: the file is new', async () => {
    const baseSha = await repo.commit({ 'README.md': 'x\n' }, 'base')
    fake.addCommit(BASE_REPO, baseSha, { 'README.md': 'x\n' })
    const headSha = await repo.commit({ [POLICY]: await fixture('base.yml') }, 'head')
    const workspace = await repo.shallowClone()
    cleanup.push(join(workspace, '..'))
    const sink = new RecordingSink()
    const result = await reviewPolicyChange({
      policyPath: POLICY,
      workspace,
      event: pullRequestEvent({ baseSha, headSha }),
      eventName: 'pull_request',
      token: TOKEN,
      apiUrl: fake.url,
      now: NOW,
      maxExemptionDays: 90,
      prComment: false,
      failOnWeakening: false,
      sink
    })
    expect(result).toMatchObject({ baseSource: 'api', fileChange: 'added' })
    expect(fake.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      `GET /repos/${BASE_REPO}/contents/${POLICY}`,
      `GET /repos/${BASE_REPO}/commits/${baseSha}`
    ])
  })

  it('no base anywhere: validates the head, warns, and fails closed under the gate', async () => {
    const { result, sink } = await scenario(
      await fixture('base.yml'),
      await fixture('loosened-threshold.yml'),
      { workspace: shallow, review: { failOnWeakening: true } }
    )
    expect(result).toMatchObject({
      baseSource: 'unavailable',
      fileChange: null,
      changes: [],
      weakens: false,
      failed: true
    })
    expect(result?.failureMessage).toMatch(
      /^cannot tell whether the pull request weakens \.github\/iam-credential-policy\.yml: the GitHub API does not show the base commit [0-9a-f]{7} of octo-org\/octo-repo \(fail-on-policy-weakening\)$/
    )
    expect(sink.annotations.map(a => [a.level, a.properties?.title])).toEqual([
      ['warning', 'Policy review incomplete']
    ])
    expect(result?.markdown).toContain('could not be read')
  })

  it('an API failure (500) is a reason, not a crash', async () => {
    fake.faults.contents = 500
    const { result } = await scenario(
      await fixture('base.yml'),
      await fixture('loosened-threshold.yml'),
      { workspace: shallow }
    )
    expect(result?.baseSource).toBe('unavailable')
    expect(result?.markdown).toMatch(/the GitHub API refused the base version: GET .*HTTP 500/)
  })

  it('a base version that does not load is replaced by the built-in default, with a note', async () => {
    const { result } = await scenario(await fixture('invalid.yml'), await fixture('base.yml'))
    expect(result?.fileChange).toBe('modified')
    expect(result?.problems).toEqual([])
    expect(result?.markdown).toContain(
      'The base version of .github/iam\\-credential\\-policy.yml does not load'.replace(/\\/g, '')
    )
  })
})

describe('pull requests from forks (no token, no OIDC)', () => {
  it('reviews statically from git with no API call, and explains the skipped comment', async () => {
    const { result, sink } = await scenario(
      await fixture('base.yml'),
      await fixture('weakened.yml'),
      {
        event: { headRepo: 'someone/octo-repo', fork: true },
        review: { token: undefined, prComment: true }
      }
    )
    expect(fake.requests).toEqual([])
    expect(result).toMatchObject({ baseSource: 'git', weakens: true })
    expect(result?.comment).toMatchObject({ status: 'skipped' })
    const notices = sink.annotations.filter(a => a.properties?.title === 'Policy review')
    expect(notices).toEqual([
      {
        level: 'notice',
        message:
          'Pull-request comment skipped: this pull request comes from a fork, whose workflow token cannot write comments; the policy review is in the job summary and the annotations.',
        properties: { title: 'Policy review' }
      }
    ])
    expect(result?.markdown).toContain('No credential report on this run')
  })

  it('with a read-only token the base comes from the API but no comment is attempted', async () => {
    const base = await fixture('base.yml')
    const baseSha = await repo.commit({ [POLICY]: base }, 'base')
    fake.addCommit(BASE_REPO, baseSha, { [POLICY]: base })
    const { result } = await scenario(base, await fixture('tightened.yml'), {
      workspace: r => r.shallowClone(),
      event: { headRepo: 'someone/octo-repo', baseSha },
      review: { prComment: true }
    })
    expect(result).toMatchObject({ baseSource: 'api', weakens: false })
    expect(result?.comment).toMatchObject({ status: 'skipped' })
    expect(fake.calls(/comments/)).toEqual([])
    expect(fake.requests.map(r => r.path)).toEqual([`/repos/${BASE_REPO}/contents/${POLICY}`])
  })

  it('a fork with no token and a shallow checkout: only the head is validated', async () => {
    const { result } = await scenario(await fixture('base.yml'), await fixture('invalid.yml'), {
      workspace: r => r.shallowClone(),
      event: { headRepo: 'someone/octo-repo' },
      review: { token: undefined }
    })
    expect(fake.requests).toEqual([])
    expect(result?.problems.length).toBeGreaterThan(0)
    expect(result?.baseSource).toBe('unavailable')
  })
})

describe('the pull-request comment', () => {
  it('is created once, then updated in place on the next push', async () => {
    const base = await fixture('base.yml')
    const first = await scenario(base, await fixture('loosened-threshold.yml'), {
      review: { prComment: true }
    })
    expect(first.result?.comment).toMatchObject({ status: 'created' })
    expect(fake.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      `GET /repos/${BASE_REPO}/issues/7/comments`,
      `GET /repos/${BASE_REPO}/issues/7/comments`,
      `POST /repos/${BASE_REPO}/issues/7/comments`
    ])
    let comments = fake.commentsOn(BASE_REPO, 7)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body.startsWith(`${COMMENT_MARKER}\n## Policy change impact`)).toBe(true)
    expect(comments[0]?.body).toContain('max-age-days loosened from 90 to 365')

    // A second push: the head changes again.
    fake.requests.length = 0
    const headSha = await repo.commit({ [POLICY]: await fixture('weakened.yml') }, 'second push')
    const sink = new RecordingSink()
    const second = await reviewPolicyChange({
      policyPath: POLICY,
      workspace: repo.dir,
      event: pullRequestEvent({ baseSha: first.baseSha, headSha }),
      eventName: 'pull_request',
      token: TOKEN,
      apiUrl: fake.url,
      now: NOW,
      maxExemptionDays: 90,
      prComment: true,
      failOnWeakening: false,
      sink
    })
    expect(second?.comment).toMatchObject({ status: 'updated', id: comments[0]?.id })
    expect(fake.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      `GET /repos/${BASE_REPO}/issues/7/comments`,
      `PATCH /repos/${BASE_REPO}/issues/comments/${comments[0]?.id}`
    ])
    comments = fake.commentsOn(BASE_REPO, 7)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain('added until 2027-12-31')
    expect(comments[0]?.body).toContain(headSha.slice(0, 7))
  })

  it('finds its comment on a later page and prefers the bot-written one', async () => {
    fake.maxPerPage = 2
    fake.addComment(BASE_REPO, 7, 'LGTM', HUMAN)
    fake.addComment(BASE_REPO, 7, `${COMMENT_MARKER}\nquoted by a human`, HUMAN)
    fake.addComment(BASE_REPO, 7, 'nit', HUMAN)
    const ours = fake.addComment(BASE_REPO, 7, `${COMMENT_MARKER}\nold review`, BOT)
    const { result } = await scenario(await fixture('base.yml'), await fixture('tightened.yml'), {
      review: { prComment: true }
    })
    expect(result?.comment).toMatchObject({ status: 'updated', id: ours.id })
    const comments = fake.commentsOn(BASE_REPO, 7)
    expect(comments).toHaveLength(4)
    expect(comments[1]?.body).toBe(`${COMMENT_MARKER}\nquoted by a human`)
    expect(comments[3]?.body).toContain('tightens the policy')
    expect(fake.calls(/GET .*comments/).map(r => r.query.page ?? '1')).toEqual(['1', '2'])
  })

  it('without pull-requests: write (403): one notice, nothing fails', async () => {
    fake.commentWrites = 403
    const { result, sink } = await scenario(
      await fixture('base.yml'),
      await fixture('loosened-threshold.yml'),
      { review: { prComment: true, failOnWeakening: false } }
    )
    expect(result?.comment).toMatchObject({ status: 'skipped' })
    expect(result?.failed).toBe(false)
    const notices = sink.annotations.filter(a => a.properties?.title === 'Policy review')
    expect(notices).toHaveLength(1)
    expect(notices[0]?.message).toBe(
      'Could not comment on pull request #7 about .github/iam-credential-policy.yml: the workflow token may not write pull-request comments: give the job `permissions: pull-requests: write` (pull requests from forks never get it, so their review is in the job summary and annotations only).'
    )
    expect(fake.commentsOn(BASE_REPO, 7)).toEqual([])
  })

  it('a server error on comments is a warning, nothing fails', async () => {
    fake.faults['list-comments'] = 502
    const { result, sink } = await scenario(
      await fixture('base.yml'),
      await fixture('loosened-threshold.yml'),
      { review: { prComment: true } }
    )
    expect(result?.comment).toMatchObject({ status: 'failed' })
    expect(sink.annotations.at(-1)).toMatchObject({
      level: 'warning',
      properties: { title: 'Policy review' }
    })
    expect(sink.annotations.at(-1)?.message).toMatch(
      /^Could not comment on pull request #7: GET .* HTTP 502/
    )
  })

  it('without a token: a notice and no request', async () => {
    const { result } = await scenario(
      await fixture('base.yml'),
      await fixture('loosened-threshold.yml'),
      { review: { prComment: true, token: undefined } }
    )
    expect(result?.comment).toEqual({ status: 'skipped', reason: 'there is no github-token' })
    expect(fake.requests).toEqual([])
  })

  it('is updated to say so when a later push no longer changes the policy', async () => {
    const ours = fake.addComment(BASE_REPO, 7, `${COMMENT_MARKER}\nold review`, BOT)
    const base = await fixture('base.yml')
    const { result } = await scenario(base, base, { review: { prComment: true } })
    expect(result).toBeNull()
    expect(fake.commentsOn(BASE_REPO, 7)[0]?.body).toContain(
      `This pull request no longer changes ${POLICY}.`
    )
    expect(fake.calls(/PATCH/).map(r => r.path)).toEqual([
      `/repos/${BASE_REPO}/issues/comments/${ours.id}`
    ])
  })

  it('a long review is cut to fit a comment', async () => {
    const lines = ['version: 1', 'exemptions:']
    for (let i = 0; i < 400; i++) {
      lines.push(
        `  - rules: [unused-access-key]`,
        `    users: ["user-${i}-${'x'.repeat(40)}"]`,
        `    reason: "${'r'.repeat(100)}"`,
        `    expires: 2026-12-31`
      )
    }
    const { result } = await scenario('version: 1\n', `${lines.join('\n')}\n`, {
      review: { prComment: true }
    })
    const body = fake.commentsOn(BASE_REPO, 7)[0]?.body ?? ''
    expect(result?.changes).toHaveLength(400)
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(body).toContain('more changes not shown')
    // The summary section shows the first 100 changes.
    expect(result?.markdown).toContain(
      '_300 more changes not shown; run `iam-credential-gate review` for all of them._'
    )
  })
})

describe('helpers', () => {
  it('readGitHubEvent reads the payload the runner wrote', async () => {
    const env = await writeEvent(
      repo.dir,
      pullRequestEvent({ baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40) })
    )
    const event = await readGitHubEvent(env)
    expect(event.name).toBe('pull_request')
    expect(event.payload).toMatchObject({
      number: 7,
      pull_request: { base: { sha: 'a'.repeat(40) } }
    })
    expect(await readGitHubEvent({})).toEqual({ name: '', payload: {} })
    expect(
      await readGitHubEvent({
        GITHUB_EVENT_PATH: join(repo.dir, 'nope.json'),
        GITHUB_EVENT_NAME: 'push'
      })
    ).toEqual({
      name: 'push',
      payload: {}
    })
  })

  it('repoRelative keeps the policy inside the workspace', () => {
    expect(repoRelative('/w', '.github/p.yml')).toBe('.github/p.yml')
    expect(repoRelative('/w', './a/../p.yml')).toBe('p.yml')
    expect(repoRelative('/w', '/w/x/p.yml')).toBe('x/p.yml')
    expect(() => repoRelative('/w', '../p.yml')).toThrow(/outside the workspace/)
    expect(() => repoRelative('/w', '/etc/p.yml')).toThrow(/outside the workspace/)
  })

  it('readPolicyReviewInputs reads the four inputs with their defaults', () => {
    const inputs = (values: Record<string, string>) => readPolicyReviewInputs(n => values[n] ?? '')
    expect(inputs({})).toEqual({ prComment: false, failOnWeakening: false, maxExemptionDays: 90 })
    expect(
      inputs({
        'pr-comment': 'true',
        'fail-on-policy-weakening': 'TRUE',
        'max-exemption-days': '30',
        'github-token': ' t '
      })
    ).toEqual({ prComment: true, failOnWeakening: true, maxExemptionDays: 30, token: 't' })
    expect(() => inputs({ 'pr-comment': 'yes' })).toThrow(
      "input pr-comment must be true or false; got 'yes'"
    )
    expect(() => inputs({ 'max-exemption-days': '0' })).toThrow(
      "input max-exemption-days must be a whole number of days from 1 to 3650; got '0'"
    )
  })
})
