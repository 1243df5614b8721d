/**
 * The workflow event: read from `GITHUB_EVENT_PATH` / `GITHUB_EVENT_NAME`,
 * and the parts of a `pull_request` payload the policy review needs, checked
 * (the payload is JSON the runner wrote; its shas go into git commands).
 */

import { readFile } from 'node:fs/promises'

export interface GitHubEvent {
  name: string
  /** The parsed payload; `{}` when there is none. */
  payload: unknown
}

/** Reads the event the runner describes in `GITHUB_EVENT_NAME` and `GITHUB_EVENT_PATH`. */
export async function readGitHubEvent(env: NodeJS.ProcessEnv = process.env): Promise<GitHubEvent> {
  const name = env.GITHUB_EVENT_NAME ?? ''
  const path = env.GITHUB_EVENT_PATH
  if (!path) return { name, payload: {} }
  try {
    return { name, payload: JSON.parse(await readFile(path, 'utf8')) as unknown }
  } catch {
    return { name, payload: {} }
  }
}

export interface RepoRef {
  owner: string
  repo: string
  /** `owner/repo`. */
  fullName: string
}

export interface PullRequestInfo {
  number: number
  base: { sha: string; repo: RepoRef; htmlUrl: string | null }
  head: { sha: string; repoFullName: string | null }
  /** The head branch lives in another repository (a fork), or its repository was deleted. */
  fromFork: boolean
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/
/** A GitHub owner or repository name (never `.` or `..`). */
const NAME = /^(?!\.+$)[A-Za-z0-9_.-]+$/

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

function at(value: unknown, ...path: string[]): unknown {
  let v = value
  for (const key of path) v = record(v)?.[key]
  return v
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

/**
 * The pull request of a `pull_request` event payload, or a reason why the
 * payload lacks what the review needs.
 */
export function parsePullRequest(payload: unknown): PullRequestInfo | { problem: string } {
  const pr = at(payload, 'pull_request')
  if (!record(pr)) return { problem: 'the event payload has no pull_request object' }
  const number = at(pr, 'number') ?? at(payload, 'number')
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) {
    return { problem: 'the event payload has no pull request number' }
  }
  const baseSha = text(at(pr, 'base', 'sha'))
  const headSha = text(at(pr, 'head', 'sha'))
  if (!baseSha || !SHA.test(baseSha)) {
    return { problem: 'pull_request.base.sha in the event payload is not a commit sha' }
  }
  if (!headSha || !SHA.test(headSha)) {
    return { problem: 'pull_request.head.sha in the event payload is not a commit sha' }
  }
  const baseFullName =
    text(at(pr, 'base', 'repo', 'full_name')) ?? text(at(payload, 'repository', 'full_name'))
  const [owner, repo, extra] = (baseFullName ?? '').split('/')
  if (!owner || !repo || extra !== undefined || !NAME.test(owner) || !NAME.test(repo)) {
    return { problem: 'pull_request.base.repo.full_name in the event payload is not owner/repo' }
  }
  const headRepo = record(at(pr, 'head', 'repo'))
  const headFullName = text(headRepo?.full_name)
  const htmlUrl = text(at(pr, 'base', 'repo', 'html_url'))
  return {
    number,
    base: {
      sha: baseSha,
      repo: { owner, repo, fullName: `${owner}/${repo}` },
      htmlUrl:
        htmlUrl && /^https?:\/\/[^\s"'<>]+$/.test(htmlUrl) ? htmlUrl.replace(/\/+$/, '') : null
    },
    head: { sha: headSha, repoFullName: headFullName },
    // `head.repo.fork` alone is true for a pull request inside a repository
    // that is itself a fork, so the repository names decide; `fork` only
    // when the payload has no head name.
    fromFork:
      headRepo === null ||
      (headFullName === null
        ? headRepo.fork !== false
        : headFullName.toLowerCase() !== `${owner}/${repo}`.toLowerCase())
  }
}
