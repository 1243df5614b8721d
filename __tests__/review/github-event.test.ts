import { parsePullRequest } from '../../src/action/github-event.js'
import { pullRequestEvent } from './support/github.js'

const BASE_SHA = 'a'.repeat(40)
const HEAD_SHA = 'b'.repeat(40)

describe('parsePullRequest', () => {
  it('reads number, shas, repositories and the base repository URL', () => {
    expect(
      parsePullRequest(pullRequestEvent({ baseSha: BASE_SHA, headSha: HEAD_SHA, number: 12 }))
    ).toEqual({
      number: 12,
      base: {
        sha: BASE_SHA,
        repo: { owner: 'octo-org', repo: 'octo-repo', fullName: 'octo-org/octo-repo' },
        htmlUrl: 'https://github.com/octo-org/octo-repo'
      },
      head: { sha: HEAD_SHA, repoFullName: 'octo-org/octo-repo' },
      fromFork: false
    })
  })

  it.each([
    ['a fork', { headRepo: 'someone/octo-repo', fork: true }, true],
    [
      'another repository that is not marked as a fork',
      { headRepo: 'someone/else', fork: false },
      true
    ],
    ['the same repository, itself a fork of an upstream', { fork: true }, false],
    ['the same repository in other letter case', { headRepo: 'Octo-Org/Octo-Repo' }, false]
  ])('a pull request from %s: fromFork %s', (_, options, fork) => {
    const info = parsePullRequest(
      pullRequestEvent({ baseSha: BASE_SHA, headSha: HEAD_SHA, ...options })
    )
    expect(info).toMatchObject({ fromFork: fork })
  })

  it('a deleted head repository (head.repo null) counts as a fork', () => {
    const payload = pullRequestEvent({ baseSha: BASE_SHA, headSha: HEAD_SHA }) as {
      pull_request: { head: { repo: unknown } }
    }
    payload.pull_request.head.repo = null
    expect(parsePullRequest(payload)).toMatchObject({
      fromFork: true,
      head: { repoFullName: null }
    })
  })

  it('accepts SHA-256 object names', () => {
    const sha = 'c'.repeat(64)
    expect(parsePullRequest(pullRequestEvent({ baseSha: sha, headSha: sha }))).toMatchObject({
      base: { sha }
    })
  })

  it.each([
    [{}, 'the event payload has no pull_request object'],
    [{ pull_request: { base: {}, head: {} } }, 'the event payload has no pull request number'],
    [
      { number: 1, pull_request: { base: { sha: '--output=/tmp/x' }, head: { sha: HEAD_SHA } } },
      'pull_request.base.sha in the event payload is not a commit sha'
    ],
    [
      { number: 1, pull_request: { base: { sha: BASE_SHA }, head: { sha: 'HEAD' } } },
      'pull_request.head.sha in the event payload is not a commit sha'
    ],
    [
      {
        number: 1,
        pull_request: {
          base: { sha: BASE_SHA, repo: { full_name: '../x' } },
          head: { sha: HEAD_SHA }
        }
      },
      'pull_request.base.repo.full_name in the event payload is not owner/repo'
    ],
    [null, 'the event payload has no pull_request object']
  ])('rejects %j: %s', (payload, problem) => {
    expect(parsePullRequest(payload)).toEqual({ problem })
  })

  it('falls back to repository.full_name and drops an html_url that is not http(s)', () => {
    const info = parsePullRequest({
      number: 4,
      repository: { full_name: 'o/r' },
      pull_request: {
        base: { sha: BASE_SHA, repo: { html_url: 'javascript:alert(1)' } },
        head: { sha: HEAD_SHA, repo: { full_name: 'o/r', fork: false } }
      }
    })
    expect(info).toMatchObject({
      number: 4,
      base: { repo: { fullName: 'o/r' }, htmlUrl: null },
      fromFork: false
    })
  })
})
