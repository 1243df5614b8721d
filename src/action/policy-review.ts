/**
 * The action's review of a pull request that changes the policy file: both
 * versions, validation of the head, the static and (with a credential
 * report) live impact, annotations on the changed lines, the job-summary
 * section, the pull-request comment and the weakening gate.
 *
 * I/O only; the review itself is `src/review/`. Everything reaches GitHub
 * through injected pieces (`sink` for annotations, `api` for REST), so the
 * tests capture what a run emits.
 */

import { execFile } from 'node:child_process'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import type { AccountFacts } from '../account/types.js'
import { GateError, InputError, PolicyError } from '../errors.js'
import type { PolicyProblem } from '../errors.js'
import { MAX_POLICY_BYTES, readPolicyFile } from '../io/read-input.js'
import { defaultPolicy, loadPolicy } from '../policy/load.js'
import type { Policy } from '../policy/types.js'
import type { CredentialReport } from '../report/types.js'
import { GITHUB_ANNOTATIONS_PER_LEVEL } from '../render/annotations.js'
import { planReviewAnnotations } from '../review/annotations.js'
import type { PolicyChange } from '../review/diff.js'
import type { PolicyImpact } from '../review/impact.js'
import { MAX_COMMENT_CHARS, renderReviewMarkdown } from '../review/render.js'
import type { ReviewMarkdownOptions } from '../review/render.js'
import type { FileChange, PolicyReview } from '../review/review.js'
import { parseMaxExemptionDays, reviewPolicies, reviewVerdict } from '../review/review.js'
import type { GitHubApi } from './github-api.js'
import { booleanInput } from './inputs.js'
import { createGitHubApi, GitHubApiError } from './github-api.js'
import type { PullRequestInfo } from './github-event.js'
import { parsePullRequest } from './github-event.js'

/**
 * Largest "Policy change impact" section for the job summary, in
 * characters: GitHub takes 1 MiB per step, and the audit's own summary
 * shares it.
 */
export const MAX_SUMMARY_SECTION_CHARS = 100_000

/** The hidden marker that identifies the review's pull-request comment. */
export const COMMENT_MARKER = '<!-- iam-credential-gate:policy-review -->'

/** `core.error|warning|notice` properties. */
export interface AnnotationProps {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

/** Where annotations and log lines go: `@actions/core` in the action, a recorder in tests. */
export interface ReviewSink {
  error(message: string, properties?: AnnotationProps): void
  warning(message: string, properties?: AnnotationProps): void
  notice(message: string, properties?: AnnotationProps): void
  info(message: string): void
}

export interface PolicyReviewOptions {
  /** The policy file, relative to the workspace (as the `policy-file` input gives it) or absolute inside it. */
  policyPath: string
  /** The checkout: `GITHUB_WORKSPACE`. */
  workspace: string
  /** The parsed `GITHUB_EVENT_PATH` payload. */
  event: unknown
  /** `GITHUB_EVENT_NAME`. */
  eventName: string
  /** The workflow token (`github-token` input); without it there are no API calls. */
  token?: string
  /** REST API root; `GITHUB_API_URL` (read by `@actions/github`) when omitted. */
  apiUrl?: string
  /** The credential report, when AWS credentials worked: enables the live impact. */
  report?: CredentialReport
  accountFacts?: AccountFacts
  /** Why there is no report (plain text), for the summary; a generic reason by default. */
  reportUnavailable?: string
  now: number
  maxExemptionDays: number
  /** Create or update one comment on the pull request. */
  prComment: boolean
  /** Fail when the change weakens the policy (the caller fails the step: see `failed`). */
  failOnWeakening: boolean
  sink: ReviewSink
  /** Annotations per level this review may use (one is kept for its own notices); GitHub shows 10 per step. */
  maxAnnotationsPerLevel?: number
  /**
   * Annotate the head policy's validation problems (default true). The
   * action turns this off when its audit, which loads the same file, fails
   * with the same `PolicyError` and annotates it already.
   */
  annotateProblems?: boolean
  /** REST client; built from `token` and `apiUrl` by default (tests inject a fake). */
  api?: GitHubApi
  /**
   * Applied to every text the review writes (annotations, log lines, the
   * summary section, the comment, the failure message): the `redact` input.
   */
  redactText?: (text: string) => string
}

export type CommentOutcome =
  | { status: 'created' | 'updated'; id: number; url: string | null }
  | { status: 'disabled' | 'skipped' | 'failed'; reason: string }

export interface PolicyReviewResult {
  /** The policy file's repository-relative path. */
  file: string
  /** Null when the base version could not be read. */
  fileChange: FileChange | null
  /** Where the base version came from. */
  baseSource: 'git' | 'api' | 'unavailable'
  changes: PolicyChange[]
  impact?: PolicyImpact
  /** True when the change weakens the policy. */
  weakens: boolean
  /** The "Policy change impact" section for the job summary. */
  markdown: string
  /** The head policy, when it loads (the deleted file's built-in default included). */
  headPolicy?: Policy
  /** Why the head policy does not load; annotated unless `annotateProblems` is false. */
  problems: PolicyProblem[]
  review?: PolicyReview
  comment: CommentOutcome
  /** The step should fail (`fail-on-policy-weakening`); the caller calls `core.setFailed(failureMessage)`. */
  failed: boolean
  failureMessage?: string
}

/** The inputs of the policy review, read from the action's inputs. */
export interface PolicyReviewInputs {
  prComment: boolean
  failOnWeakening: boolean
  maxExemptionDays: number
  /** Empty when the input is blank. */
  token?: string
}

/**
 * Reads `pr-comment`, `fail-on-policy-weakening`, `max-exemption-days` and
 * `github-token`; `getInput` is `core.getInput`.
 */
export function readPolicyReviewInputs(getInput: (name: string) => string): PolicyReviewInputs {
  const bool = (name: string): boolean => booleanInput(getInput, name, false)
  const token = getInput('github-token').trim()
  return {
    prComment: bool('pr-comment'),
    failOnWeakening: bool('fail-on-policy-weakening'),
    maxExemptionDays: parseMaxExemptionDays(
      getInput('max-exemption-days'),
      'input max-exemption-days'
    ),
    ...(token ? { token } : {})
  }
}

type BaseVersion =
  | { status: 'found'; text: string; via: 'git' | 'api' }
  | { status: 'absent'; via: 'git' | 'api' }
  | { status: 'unavailable'; reason: string }

/**
 * Reviews the policy change of a `pull_request` event. Null when the event
 * is not a pull request or the pull request leaves the policy file as it is
 * (then an earlier review comment, if any, is updated to say so). Never
 * throws for GitHub API or git failures (they become notices or warnings);
 * throws `InputError` for a policy path outside the workspace.
 */
export async function reviewPolicyChange(
  options: PolicyReviewOptions
): Promise<PolicyReviewResult | null> {
  const redact = options.redactText ?? ((text: string) => text)
  const sink = redactingSink(options.sink, redact)
  options = { ...options, sink }
  if (options.eventName !== 'pull_request') return null
  const pr = parsePullRequest(options.event)
  if ('problem' in pr) {
    sink.warning(`Policy review skipped: ${pr.problem}.`, { title: 'Policy review' })
    return null
  }
  const file = repoRelative(options.workspace, options.policyPath)
  const api =
    options.api ??
    (options.token
      ? await createGitHubApi({
          token: options.token,
          ...(options.apiUrl ? { apiUrl: options.apiUrl } : {})
        })
      : null)

  const headText = await readHead(options.workspace, file)
  const base = await readBase(options.workspace, file, pr, api)
  if (base.status === 'unavailable') sink.info(`Policy review: ${base.reason}`)

  const unchanged =
    (base.status === 'found' && headText !== null && base.text === headText) ||
    (base.status === 'absent' && headText === null)
  if (unchanged || (base.status === 'unavailable' && headText === null)) {
    if (base.status === 'unavailable' && headText === null) {
      sink.info(`Policy review: no policy file at ${file}; nothing to review.`)
    } else {
      sink.info(`Policy review: this pull request does not change ${file}.`)
    }
    if (options.prComment && api && !pr.fromFork) await retireComment(api, pr, file, sink)
    return null
  }

  // The head version: validated, with every problem annotated at its line.
  let headPolicy: Policy | undefined
  let problems: PolicyProblem[] = []
  if (headText === null) {
    headPolicy = defaultPolicy()
  } else {
    try {
      headPolicy = loadPolicy(headText, file)
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error
      problems = [...error.problems]
    }
  }

  const notes: string[] = []
  let basePolicy: Policy | undefined
  let baseInvalid = false
  if (base.status === 'found') {
    try {
      basePolicy = loadPolicy(base.text, file)
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error
      notes.push(
        `The base version of ${file} does not load (${error.problems.length} problems), so the change is measured against the built-in default policy.`
      )
      basePolicy = defaultPolicy()
      baseInvalid = true
    }
  } else if (base.status === 'absent') {
    basePolicy = defaultPolicy()
  } else {
    notes.push(
      `The base version of ${file} could not be read (${base.reason}), so only the head version was validated. Check out with fetch-depth: 0, or give the step a github-token with contents: read.`
    )
  }

  let review: PolicyReview | undefined
  let liveUnavailable =
    options.reportUnavailable ??
    'No credential report on this run (no AWS credentials, e.g. on a pull request from a fork).'
  if (headPolicy && basePolicy) {
    const reviewOptions = {
      now: options.now,
      maxExemptionDays: options.maxExemptionDays,
      ...(baseInvalid
        ? { fileChange: headText === null ? ('deleted' as const) : ('modified' as const) }
        : {}),
      ...(options.accountFacts ? { accountFacts: options.accountFacts } : {})
    }
    try {
      review = reviewPolicies(basePolicy, headPolicy, {
        ...reviewOptions,
        ...(options.report ? { report: options.report } : {})
      })
    } catch (error) {
      if (!(error instanceof GateError) || !options.report) throw error
      liveUnavailable = `The credential report could not be evaluated: ${error.message}`
      review = reviewPolicies(basePolicy, headPolicy, reviewOptions)
    }
  }

  // One annotation per level stays free for this review's own messages
  // (incomplete review, comment skipped), which follow.
  const perLevel = options.maxAnnotationsPerLevel ?? GITHUB_ANNOTATIONS_PER_LEVEL
  for (const a of planReviewAnnotations(review, {
    file,
    problems: options.annotateProblems === false ? [] : problems,
    maxPerLevel: Math.max(0, perLevel - 1)
  })) {
    sink[a.level](a.message, a.properties)
  }
  if (base.status === 'unavailable') {
    sink.warning(
      `Cannot tell what this pull request changes in ${file}: ${base.reason}. Check out with fetch-depth: 0, or give the step a github-token with contents: read.`,
      { title: 'Policy review incomplete' }
    )
  }

  const markdownOptions: ReviewMarkdownOptions = {
    file,
    pullRequest: { number: pr.number, baseSha: pr.base.sha, headSha: pr.head.sha },
    problems,
    liveUnavailable,
    notes
  }
  const htmlUrl = pr.base.htmlUrl
  if (htmlUrl && headText !== null) {
    const path = file.split('/').map(encodeURIComponent).join('/')
    markdownOptions.lineUrl = line => `${htmlUrl}/blob/${pr.head.sha}/${path}#L${line}`
  }
  const markdown = redact(
    renderReviewMarkdown(review, {
      ...markdownOptions,
      maxChars: MAX_SUMMARY_SECTION_CHARS
    })
  )

  const weakens = review?.weakens ?? false
  let failureMessage: string | undefined
  if (options.failOnWeakening && review?.weakens) {
    const first = review.changes.find(c => c.effect === 'weakens')
    failureMessage = `the pull request ${reviewVerdict(review)} in ${file}${first ? ` (${first.message}${review.changes.filter(c => c.effect === 'weakens').length > 1 ? ', and more' : ''})` : ''}: a security review is required (fail-on-policy-weakening)`
  } else if (options.failOnWeakening && base.status === 'unavailable' && problems.length === 0) {
    failureMessage = `cannot tell whether the pull request weakens ${file}: ${base.reason} (fail-on-policy-weakening)`
  }

  const comment = await postComment(options, api, pr, file, () =>
    redact(renderReviewMarkdown(review, { ...markdownOptions, maxChars: MAX_COMMENT_CHARS - 1000 }))
  )
  if (failureMessage) failureMessage = redact(failureMessage)

  return {
    file,
    fileChange:
      review?.fileChange ??
      (base.status === 'unavailable'
        ? null
        : headText === null
          ? 'deleted'
          : base.status === 'absent'
            ? 'added'
            : 'modified'),
    baseSource: base.status === 'unavailable' ? 'unavailable' : base.via,
    changes: review?.changes ?? [],
    ...(review?.impact ? { impact: review.impact } : {}),
    weakens,
    markdown,
    ...(headPolicy ? { headPolicy } : {}),
    problems,
    ...(review ? { review } : {}),
    comment,
    failed: failureMessage !== undefined,
    ...(failureMessage ? { failureMessage } : {})
  }
}

// ---------------------------------------------------------------------------
// The two versions

/** The policy path relative to the workspace, with forward slashes; refuses paths outside it. */
export function repoRelative(workspace: string, policyPath: string): string {
  const root = resolve(workspace)
  const full = resolve(root, policyPath)
  const rel = relative(root, full)
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new InputError(
      `policy file ${policyPath} is outside the workspace ${workspace}: the policy review needs a path in the repository`
    )
  }
  return rel.split(sep).join('/')
}

async function readHead(workspace: string, file: string): Promise<string | null> {
  try {
    return await readPolicyFile(resolve(workspace, file))
  } catch (error) {
    if (error instanceof InputError && / not found$/.test(error.message)) return null
    throw error
  }
}

async function readBase(
  workspace: string,
  file: string,
  pr: PullRequestInfo,
  api: GitHubApi | null
): Promise<BaseVersion> {
  const git = await readBaseWithGit(workspace, file, pr.base.sha)
  if (git.status !== 'unavailable') return git
  if (!api) {
    return {
      status: 'unavailable',
      reason: `the checkout does not have the base commit ${pr.base.sha.slice(0, 7)} (${git.reason}) and there is no github-token to read it from the GitHub API`
    }
  }
  try {
    const text = await api.getFileText(pr.base.repo, file, pr.base.sha)
    if (text !== null) return { status: 'found', text, via: 'api' }
    // A 404 is also what a token without access gets: make sure the commit is there.
    if (await api.hasCommit(pr.base.repo, pr.base.sha)) return { status: 'absent', via: 'api' }
    return {
      status: 'unavailable',
      reason: `the GitHub API does not show the base commit ${pr.base.sha.slice(0, 7)} of ${pr.base.repo.fullName}`
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { status: 'unavailable', reason: `the GitHub API refused the base version: ${message}` }
  }
}

interface GitResult {
  ok: boolean
  stdout: Buffer
  stderr: string
  missing: boolean
}

function git(workspace: string, args: readonly string[]): Promise<GitResult> {
  return new Promise(done => {
    execFile(
      'git',
      [...args],
      {
        cwd: workspace,
        encoding: 'buffer',
        maxBuffer: 2 * MAX_POLICY_BYTES,
        timeout: 30_000,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' }
      },
      (error, stdout, stderr) => {
        done({
          ok: !error,
          stdout,
          stderr: stderr.toString('utf8').trim(),
          missing: (error as NodeJS.ErrnoException | null)?.code === 'ENOENT'
        })
      }
    )
  })
}

/**
 * `git show <base>:<path>` in the checkout. A checkout without the base
 * commit (the default `fetch-depth: 1`) is "unavailable"; a base commit
 * without the file is "absent".
 */
async function readBaseWithGit(workspace: string, file: string, sha: string): Promise<BaseVersion> {
  const commit = await git(workspace, ['cat-file', '-e', `${sha}^{commit}`])
  if (!commit.ok) {
    return {
      status: 'unavailable',
      reason: commit.missing ? 'git is not installed' : 'git does not have it'
    }
  }
  const blob = await git(workspace, ['cat-file', '-e', `${sha}:./${file}`])
  if (!blob.ok) return { status: 'absent', via: 'git' }
  const shown = await git(workspace, ['show', `${sha}:./${file}`])
  if (!shown.ok) return { status: 'unavailable', reason: `git show failed: ${shown.stderr}` }
  return { status: 'found', text: shown.stdout.toString('utf8'), via: 'git' }
}

// ---------------------------------------------------------------------------
// The pull-request comment

/** The sink with every message passed through `redact`. */
function redactingSink(sink: ReviewSink, redact: (text: string) => string): ReviewSink {
  return {
    error: (message, properties) => sink.error(redact(message), properties),
    warning: (message, properties) => sink.warning(redact(message), properties),
    notice: (message, properties) => sink.notice(redact(message), properties),
    info: message => sink.info(redact(message))
  }
}

function isOurs(c: { body: string; authorType: string | null }): boolean {
  return c.body.startsWith(COMMENT_MARKER)
}

/** The comment we wrote earlier: by a bot when there is one, else any comment that starts with the marker. */
async function findComment(api: GitHubApi, pr: PullRequestInfo) {
  return (
    (await api.findIssueComment(
      pr.base.repo,
      pr.number,
      c => isOurs(c) && c.authorType === 'Bot'
    )) ?? (await api.findIssueComment(pr.base.repo, pr.number, isOurs))
  )
}

function commentBody(markdown: string): string {
  return `${COMMENT_MARKER}\n${markdown.trimEnd()}\n\n<sub>Posted by IAM Credential Gate; updated on every push to this pull request.</sub>\n`
}

function permissionHint(error: unknown): string | null {
  if (!(error instanceof GitHubApiError)) return null
  if (error.status === 403 || error.status === 404 || error.status === 401) {
    return 'the workflow token may not write pull-request comments: give the job `permissions: pull-requests: write` (pull requests from forks never get it, so their review is in the job summary and annotations only)'
  }
  return null
}

async function postComment(
  options: PolicyReviewOptions,
  api: GitHubApi | null,
  pr: PullRequestInfo,
  file: string,
  render: () => string
): Promise<CommentOutcome> {
  const { sink } = options
  if (!options.prComment) return { status: 'disabled', reason: 'pr-comment is false' }
  if (pr.fromFork) {
    const reason =
      'this pull request comes from a fork, whose workflow token cannot write comments; the policy review is in the job summary and the annotations'
    sink.notice(`Pull-request comment skipped: ${reason}.`, { title: 'Policy review' })
    return { status: 'skipped', reason }
  }
  if (!api) {
    const reason = 'there is no github-token'
    sink.notice(`Pull-request comment skipped: ${reason}.`, { title: 'Policy review' })
    return { status: 'skipped', reason }
  }
  const body = commentBody(render())
  try {
    const existing = await findComment(api, pr)
    if (existing) {
      const updated = await api.updateIssueComment(pr.base.repo, existing.id, body)
      sink.info(`Policy review: updated comment ${updated.url ?? updated.id} on #${pr.number}.`)
      return { status: 'updated', id: updated.id, url: updated.url }
    }
    const created = await api.createIssueComment(pr.base.repo, pr.number, body)
    sink.info(`Policy review: commented on #${pr.number} (${created.url ?? created.id}).`)
    return { status: 'created', id: created.id, url: created.url }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const hint = permissionHint(error)
    if (hint) {
      sink.notice(`Could not comment on pull request #${pr.number} about ${file}: ${hint}.`, {
        title: 'Policy review'
      })
      return { status: 'skipped', reason: hint }
    }
    sink.warning(`Could not comment on pull request #${pr.number}: ${message}`, {
      title: 'Policy review'
    })
    return { status: 'failed', reason: message }
  }
}

/** A pull request that no longer changes the policy: an earlier review comment says so. */
async function retireComment(
  api: GitHubApi,
  pr: PullRequestInfo,
  file: string,
  sink: ReviewSink
): Promise<void> {
  try {
    const existing = await findComment(api, pr)
    const body = commentBody(
      renderReviewMarkdown(undefined, { notes: [`This pull request no longer changes ${file}.`] })
    )
    if (!existing || existing.body === body) return
    await api.updateIssueComment(pr.base.repo, existing.id, body)
    sink.info(
      `Policy review: updated comment ${existing.url ?? existing.id}: no policy change any more.`
    )
  } catch (error) {
    sink.info(`Policy review: could not update the earlier comment: ${(error as Error).message}`)
  }
}
