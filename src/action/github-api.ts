/**
 * The few GitHub REST calls the policy review makes, through the real
 * `@actions/github` client (Octokit with the runner's proxy settings).
 *
 * Base URL: `@actions/github` reads `GITHUB_API_URL` once, when it is first
 * imported, into its defaults; an explicit `baseUrl` option replaces it
 * (the defaults are merged shallowly). So `apiUrl` wins when given, and
 * `GITHUB_API_URL` (or https://api.github.com) applies otherwise.
 *
 * The client is imported when the first API is created: only a pull request
 * run needs it, and loading it takes about a tenth of the action's start.
 */

export interface IssueComment {
  id: number
  body: string
  /** `Bot` for the workflow token's `github-actions[bot]` and GitHub Apps. */
  authorType: string | null
  url: string | null
}

/** An HTTP failure of a GitHub API call; `status` 0 when no response came. */
export class GitHubApiError extends Error {
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message)
    this.name = 'GitHubApiError'
  }
}

export interface RepoCoordinates {
  owner: string
  repo: string
}

export interface GitHubApi {
  /** A file's text at a commit, or null when the commit has no such file (404). */
  getFileText(repo: RepoCoordinates, path: string, ref: string): Promise<string | null>
  /** Whether the repository has the commit (so a 404 for a file means the file is absent). */
  hasCommit(repo: RepoCoordinates, sha: string): Promise<boolean>
  /** The first issue comment `select` accepts, reading page by page; null when none does. */
  findIssueComment(
    repo: RepoCoordinates,
    issue: number,
    select: (comment: IssueComment) => boolean
  ): Promise<IssueComment | null>
  createIssueComment(repo: RepoCoordinates, issue: number, body: string): Promise<IssueComment>
  updateIssueComment(repo: RepoCoordinates, id: number, body: string): Promise<IssueComment>
}

export interface GitHubApiOptions {
  token: string
  /** REST API root, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  apiUrl?: string
  /** Per-request time limit; 30 s by default. */
  timeoutMs?: number
}

/** Largest file the review reads through the API (the contents API inlines files up to 1 MB). */
const MAX_FILE_BYTES = 1024 * 1024

export async function createGitHubApi(options: GitHubApiOptions): Promise<GitHubApi> {
  const { getOctokit } = await import('@actions/github')
  const octokit = getOctokit(
    options.token,
    options.apiUrl ? { baseUrl: options.apiUrl.replace(/\/+$/, '') } : {}
  )
  const timeoutMs = options.timeoutMs ?? 30_000
  octokit.hook.wrap('request', async (request, requestOptions) => {
    // Set on the options object itself: every hook in the chain is bound to
    // it, and Octokit's auth hook ignores options passed to it as a second
    // argument.
    const signal = AbortSignal.timeout(timeoutMs)
    requestOptions.request = { ...requestOptions.request, signal }
    try {
      return await request(requestOptions)
    } catch (error) {
      const what = `${requestOptions.method} ${requestOptions.url}`
      if (signal.aborted) {
        throw new GitHubApiError(`${what}: no response within ${timeoutMs / 1000} s`, 0)
      }
      throw asApiError(error, what)
    }
  })

  const comment = (c: {
    id: number
    body?: string | null
    user?: { type?: string } | null
    html_url?: string
  }): IssueComment => ({
    id: c.id,
    body: c.body ?? '',
    authorType: c.user?.type ?? null,
    url: c.html_url ?? null
  })

  // Only owner and repo: Octokit sends any other parameter in the query string.
  const at = (r: RepoCoordinates): RepoCoordinates => ({ owner: r.owner, repo: r.repo })

  return {
    async getFileText(repo, path, ref) {
      try {
        const { data } = await octokit.rest.repos.getContent({ ...at(repo), path, ref })
        if (Array.isArray(data) || data.type !== 'file') {
          throw new GitHubApiError(`${path} at ${ref} is not a file`, 200)
        }
        if (data.size > MAX_FILE_BYTES || !('content' in data)) {
          throw new GitHubApiError(`${path} at ${ref} is larger than 1 MiB`, 200)
        }
        if (data.encoding !== 'base64') {
          throw new GitHubApiError(`${path} at ${ref} came with encoding '${data.encoding}'`, 200)
        }
        return Buffer.from(data.content, 'base64').toString('utf8')
      } catch (error) {
        if (error instanceof GitHubApiError && error.status === 404) return null
        throw error
      }
    },

    async hasCommit(repo, sha) {
      try {
        await octokit.rest.repos.getCommit({ ...at(repo), ref: sha, per_page: 1 })
        return true
      } catch (error) {
        if (error instanceof GitHubApiError && (error.status === 404 || error.status === 422)) {
          return false
        }
        throw error
      }
    },

    async findIssueComment(repo, issue, select) {
      const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        ...at(repo),
        issue_number: issue,
        per_page: 100
      })
      for await (const page of pages) {
        for (const c of page.data) {
          const found = comment(c)
          if (select(found)) return found
        }
      }
      return null
    },

    async createIssueComment(repo, issue, body) {
      const { data } = await octokit.rest.issues.createComment({
        ...at(repo),
        issue_number: issue,
        body
      })
      return comment(data)
    },

    async updateIssueComment(repo, id, body) {
      const { data } = await octokit.rest.issues.updateComment({
        ...at(repo),
        comment_id: id,
        body
      })
      return comment(data)
    }
  }
}

function asApiError(error: unknown, what: string): GitHubApiError {
  if (error instanceof GitHubApiError) return error
  const e = error as { status?: unknown; message?: unknown }
  const status = typeof e.status === 'number' ? e.status : 0
  const message = typeof e.message === 'string' ? e.message : String(error)
  return new GitHubApiError(`${what}: ${status ? `HTTP ${status}: ` : ''}${message}`, status)
}
