/**
 * The real `@actions/github` client against the fake REST API. This file
 * sets GITHUB_API_URL before the client is first imported (each jest test
 * file has its own module registry), as the runner does.
 */
import { FakeGitHub, HUMAN } from '../support/fake-github.js'
import type { createGitHubApi as CreateGitHubApi } from '../../src/action/github-api.js'

const REPO = { owner: 'octo-org', repo: 'octo-repo' }
const SHA = 'c'.repeat(40)

let envFake: FakeGitHub
let fake: FakeGitHub
let createGitHubApi: typeof CreateGitHubApi
const savedApiUrl = process.env.GITHUB_API_URL

beforeAll(async () => {
  envFake = await FakeGitHub.start()
  process.env.GITHUB_API_URL = envFake.url
  ;({ createGitHubApi } = await import('../../src/action/github-api.js'))
})

afterAll(async () => {
  await envFake.close()
  if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL
  else process.env.GITHUB_API_URL = savedApiUrl
})

beforeEach(async () => {
  fake = await FakeGitHub.start()
  envFake.requests.length = 0
})

afterEach(async () => {
  await fake.close()
})

describe('base URL', () => {
  it('uses GITHUB_API_URL (read when @actions/github is imported) when no apiUrl is given', async () => {
    envFake.addCommit('octo-org/octo-repo', SHA, { 'p.yml': 'version: 1\n' })
    const api = await createGitHubApi({ token: 't' })
    expect(await api.getFileText(REPO, 'p.yml', SHA)).toBe('version: 1\n')
    expect(envFake.requests).toHaveLength(1)
    expect(fake.requests).toHaveLength(0)
  })

  it('an explicit apiUrl wins over GITHUB_API_URL; a trailing slash is fine', async () => {
    fake.addCommit('octo-org/octo-repo', SHA, { 'p.yml': 'version: 1\n' })
    const api = await createGitHubApi({ token: 't', apiUrl: `${fake.url}/` })
    expect(await api.getFileText(REPO, 'p.yml', SHA)).toBe('version: 1\n')
    expect(fake.requests.map(r => [r.method, r.path, r.query, r.authorization])).toEqual([
      ['GET', '/repos/octo-org/octo-repo/contents/p.yml', { ref: SHA }, 'token t']
    ])
    expect(envFake.requests).toHaveLength(0)
  })
})

describe('contents', () => {
  it('decodes wrapped base64 as UTF-8, and a 404 is null', async () => {
    const text = `# Politique — überprüft ✓\nversion: 1\n${'#'.repeat(200)}\n`
    fake.addCommit('octo-org/octo-repo', SHA, { '.github/p.yml': text })
    const api = await createGitHubApi({ token: 't', apiUrl: fake.url })
    expect(await api.getFileText(REPO, '.github/p.yml', SHA)).toBe(text)
    expect(await api.getFileText(REPO, '.github/other.yml', SHA)).toBeNull()
    expect(await api.hasCommit(REPO, SHA)).toBe(true)
    expect(await api.hasCommit(REPO, 'd'.repeat(40))).toBe(false)
  })

  it('other failures are GitHubApiErrors with the status', async () => {
    fake.faults.contents = 403
    const api = await createGitHubApi({ token: 't', apiUrl: fake.url })
    await expect(api.getFileText(REPO, 'p.yml', SHA)).rejects.toMatchObject({
      name: 'GitHubApiError',
      status: 403
    })
  })

  it('gives up on a request that does not answer in time', async () => {
    fake.delays.contents = 3000
    const api = await createGitHubApi({ token: 't', apiUrl: fake.url, timeoutMs: 200 })
    await expect(api.getFileText(REPO, 'p.yml', SHA)).rejects.toMatchObject({
      status: 0,
      message: expect.stringMatching(/no response within 0\.2 s$/) as unknown
    })
  })
})

describe('issue comments', () => {
  it('finds, creates and updates comments', async () => {
    fake.maxPerPage = 1
    fake.addComment('octo-org/octo-repo', 3, 'first', HUMAN)
    fake.addComment('octo-org/octo-repo', 3, 'second', HUMAN)
    const api = await createGitHubApi({ token: 't', apiUrl: fake.url })
    expect(await api.findIssueComment(REPO, 3, c => c.body === 'nothing')).toBeNull()
    const found = await api.findIssueComment(REPO, 3, c => c.body === 'second')
    expect(found).toMatchObject({ body: 'second', authorType: 'User' })
    const created = await api.createIssueComment(REPO, 3, 'third')
    expect(created).toMatchObject({ body: 'third', authorType: 'Bot' })
    const updated = await api.updateIssueComment(REPO, created.id, 'third, edited')
    expect(updated).toMatchObject({ id: created.id, body: 'third, edited' })
    expect(fake.commentsOn('octo-org/octo-repo', 3).map(c => c.body)).toEqual([
      'first',
      'second',
      'third, edited'
    ])
  })

  it('a 403 on writes surfaces as status 403', async () => {
    fake.commentWrites = 403
    const api = await createGitHubApi({ token: 't', apiUrl: fake.url })
    await expect(api.createIssueComment(REPO, 3, 'x')).rejects.toMatchObject({ status: 403 })
  })
})
