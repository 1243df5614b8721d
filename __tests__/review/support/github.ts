/**
 * A git repository fixture with real commits, `pull_request` event payloads
 * shaped like the ones the runner writes to `GITHUB_EVENT_PATH`, and a sink
 * that records what the review would send to `@actions/core`.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { AnnotationProps, ReviewSink } from '../../../src/action/policy-review.js'

const run = promisify(execFile)

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/review')

export function fixture(name: string): Promise<string> {
  return readFile(join(FIXTURES, name), 'utf8')
}

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null'
}

export async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, env: GIT_ENV })
  return stdout.trim()
}

/** A scratch repository; `commit` writes (or, with null, deletes) files and returns the sha. */
export class GitRepo {
  private constructor(readonly dir: string) {}

  static async create(): Promise<GitRepo> {
    const dir = await mkdtemp(join(tmpdir(), 'icg-review-'))
    await git(dir, 'init', '-q', '-b', 'main')
    await git(dir, 'config', 'commit.gpgsign', 'false')
    return new GitRepo(dir)
  }

  async commit(files: Record<string, string | null>, message = 'change'): Promise<string> {
    for (const [path, text] of Object.entries(files)) {
      const full = join(this.dir, path)
      if (text === null) {
        await rm(full, { force: true })
      } else {
        await mkdir(dirname(full), { recursive: true })
        await writeFile(full, text)
      }
    }
    await git(this.dir, 'add', '-A')
    await git(this.dir, 'commit', '-q', '--allow-empty', '-m', message)
    return git(this.dir, 'rev-parse', 'HEAD')
  }

  /** A `fetch-depth: 1` checkout of the current commit: the base commit is not in it. */
  async shallowClone(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'icg-review-shallow-'))
    await git(dir, 'clone', '-q', '--depth', '1', `file://${this.dir}`, 'checkout')
    return join(dir, 'checkout')
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true })
  }
}

export const BASE_REPO = 'octo-org/octo-repo'

export interface EventOptions {
  number?: number
  baseSha: string
  headSha: string
  /** The head repository (`owner/name`); the base repository by default. */
  headRepo?: string
  /** `head.repo.fork` as the payload has it. */
  fork?: boolean
}

/** A `pull_request` (`synchronize`) payload with the fields the runner writes that matter here. */
export function pullRequestEvent(o: EventOptions): object {
  const number = o.number ?? 7
  const headRepo = o.headRepo ?? BASE_REPO
  const repo = (fullName: string, fork: boolean) => {
    const [owner, name] = fullName.split('/') as [string, string]
    return {
      id: 1,
      name,
      full_name: fullName,
      owner: { login: owner, type: 'Organization' },
      private: false,
      fork,
      html_url: `https://github.com/${fullName}`,
      url: `https://api.github.com/repos/${fullName}`
    }
  }
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      state: 'open',
      title: 'Update the IAM policy',
      html_url: `https://github.com/${BASE_REPO}/pull/${number}`,
      user: { login: 'contributor', type: 'User' },
      base: { label: 'octo-org:main', ref: 'main', sha: o.baseSha, repo: repo(BASE_REPO, false) },
      head: {
        label: `${headRepo.split('/')[0]}:policy`,
        ref: 'policy',
        sha: o.headSha,
        repo: repo(headRepo, o.fork ?? headRepo !== BASE_REPO)
      }
    },
    repository: repo(BASE_REPO, false),
    sender: { login: 'contributor', type: 'User' }
  }
}

/** Writes the payload as the runner does and returns the environment that points at it. */
export async function writeEvent(
  dir: string,
  payload: object,
  name = 'pull_request'
): Promise<{ GITHUB_EVENT_PATH: string; GITHUB_EVENT_NAME: string }> {
  const path = join(dir, 'event.json')
  await writeFile(path, JSON.stringify(payload, null, 2))
  return { GITHUB_EVENT_PATH: path, GITHUB_EVENT_NAME: name }
}

export interface Emitted {
  level: 'error' | 'warning' | 'notice' | 'info'
  message: string
  properties?: AnnotationProps
}

/** A `ReviewSink` that records every call. */
export class RecordingSink implements ReviewSink {
  readonly calls: Emitted[] = []
  error(message: string, properties?: AnnotationProps): void {
    this.calls.push({ level: 'error', message, ...(properties ? { properties } : {}) })
  }
  warning(message: string, properties?: AnnotationProps): void {
    this.calls.push({ level: 'warning', message, ...(properties ? { properties } : {}) })
  }
  notice(message: string, properties?: AnnotationProps): void {
    this.calls.push({ level: 'notice', message, ...(properties ? { properties } : {}) })
  }
  info(message: string): void {
    this.calls.push({ level: 'info', message })
  }
  /** Annotations only (no info lines). */
  get annotations(): Emitted[] {
    return this.calls.filter(c => c.level !== 'info')
  }
}
