/**
 * A local stand-in for the GitHub REST API, on 127.0.0.1 (random port),
 * for the calls the policy review makes through the real `@actions/github`
 * client:
 *
 *   GET   /repos/{o}/{r}/contents/{path}?ref=SHA   base64 file JSON, or 404
 *   GET   /repos/{o}/{r}/commits/{ref}             200 when the commit is known, else 404
 *   GET   /repos/{o}/{r}/issues/{n}/comments       paginated (per_page, page, Link header)
 *   POST  /repos/{o}/{r}/issues/{n}/comments       create
 *   PATCH /repos/{o}/{r}/issues/comments/{id}      update
 *
 * Every request is recorded (method, path, query, authorization, body).
 * `commentWrites` switches comment writes to 403 (a token without
 * `pull-requests: write`) or 404; `faults` makes a route fail.
 */
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface RecordedRequest {
  method: string
  /** Decoded path without the query. */
  path: string
  query: Record<string, string>
  authorization: string | null
  body: unknown
}

export interface FakeComment {
  id: number
  body: string
  user: { login: string; type: 'Bot' | 'User' }
}

export type Route = 'contents' | 'commits' | 'list-comments' | 'create-comment' | 'update-comment'

export const BOT = { login: 'github-actions[bot]', type: 'Bot' } as const
export const HUMAN = { login: 'octocat', type: 'User' } as const

export class FakeGitHub {
  readonly requests: RecordedRequest[] = []
  /** Files by `owner/repo@sha` then path. */
  private readonly files = new Map<string, Map<string, string>>()
  private readonly commits = new Set<string>()
  private readonly comments = new Map<string, FakeComment[]>()
  private nextId = 1000
  private closed = false
  private readonly timers = new Set<NodeJS.Timeout>()
  /** `allow`, or the status every comment create/update gets. */
  commentWrites: 'allow' | 403 | 404 = 'allow'
  /** Statuses to answer per route, instead of the normal response. */
  faults: Partial<Record<Route, number>> = {}
  /** Milliseconds to wait before answering, per route (a slow or hung API). */
  delays: Partial<Record<Route, number>> = {}
  /** The token requests must carry (`Authorization: token <t>`); any when null. */
  requiredToken: string | null = null
  /** Page size cap, like GitHub's 100; lower it to test pagination. */
  maxPerPage = 100

  private constructor(
    private readonly server: Server,
    private readonly sockets: Set<Socket>
  ) {}

  static async start(): Promise<FakeGitHub> {
    const sockets = new Set<Socket>()
    const server = createServer()
    const fake = new FakeGitHub(server, sockets)
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      void fake.handle(req, res)
    })
    server.on('connection', s => {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    return fake
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo
    return `http://127.0.0.1:${port}`
  }

  async close(): Promise<void> {
    this.closed = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    for (const s of this.sockets) s.destroy()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  /** A commit of `repo` (`owner/name`) with these files. */
  addCommit(repo: string, sha: string, files: Record<string, string> = {}): void {
    this.commits.add(`${repo}@${sha}`)
    this.files.set(`${repo}@${sha}`, new Map(Object.entries(files)))
  }

  addComment(
    repo: string,
    issue: number,
    body: string,
    user: FakeComment['user'] = BOT
  ): FakeComment {
    const c = { id: this.nextId++, body, user: { ...user } }
    const list = this.comments.get(`${repo}#${issue}`) ?? []
    list.push(c)
    this.comments.set(`${repo}#${issue}`, list)
    return c
  }

  commentsOn(repo: string, issue: number): FakeComment[] {
    return [...(this.comments.get(`${repo}#${issue}`) ?? [])]
  }

  /** Requests whose `METHOD path` matches. */
  calls(pattern: RegExp): RecordedRequest[] {
    return this.requests.filter(r => pattern.test(`${r.method} ${r.path}`))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url)
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    let body: unknown = null
    if (raw) {
      try {
        body = JSON.parse(raw)
      } catch {
        body = raw
      }
    }
    const path = decodeURIComponent(url.pathname)
    const method = req.method ?? 'GET'
    this.requests.push({
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization ?? null,
      body
    })
    const send = (status: number, data: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
      res.end(JSON.stringify(data))
    }
    const error = (status: number, message: string): void =>
      send(status, {
        message,
        documentation_url: 'https://docs.github.com/rest',
        status: String(status)
      })

    if (
      this.requiredToken !== null &&
      req.headers.authorization !== `token ${this.requiredToken}`
    ) {
      error(401, 'Bad credentials')
      return
    }

    let m: RegExpExecArray | null
    const route = routeOf(method, path)
    const delay = route ? this.delays[route] : undefined
    if (delay) {
      await new Promise<void>(resolve => {
        const timer = setTimeout(() => {
          this.timers.delete(timer)
          resolve()
        }, delay)
        this.timers.add(timer)
      })
    }
    if (res.destroyed || this.closed) return

    const fault = (route: Route): boolean => {
      const status = this.faults[route]
      if (status === undefined) return false
      error(status, `fault injected on ${route}`)
      return true
    }

    if (method === 'GET' && (m = /^\/repos\/([^/]+\/[^/]+)\/contents\/(.+)$/.exec(path))) {
      if (fault('contents')) return
      const [, repo, filePath] = m as unknown as [string, string, string]
      const ref = url.searchParams.get('ref') ?? ''
      const text = this.files.get(`${repo}@${ref}`)?.get(filePath)
      if (text === undefined) {
        error(404, 'Not Found')
        return
      }
      const content = Buffer.from(text, 'utf8').toString('base64')
      send(200, {
        type: 'file',
        encoding: 'base64',
        size: Buffer.byteLength(text, 'utf8'),
        name: filePath.split('/').pop(),
        path: filePath,
        // GitHub wraps the base64 at 60 characters.
        content: content.replace(/(.{60})/g, '$1\n'),
        sha: '0'.repeat(40),
        url: `${this.url}${url.pathname}`,
        html_url: null,
        git_url: null,
        download_url: null,
        _links: { self: '', git: null, html: null }
      })
      return
    }

    if (method === 'GET' && (m = /^\/repos\/([^/]+\/[^/]+)\/commits\/([^/]+)$/.exec(path))) {
      if (fault('commits')) return
      const [, repo, ref] = m as unknown as [string, string, string]
      if (this.commits.has(`${repo}@${ref}`)) send(200, { sha: ref, files: [] })
      else error(404, `No commit found for SHA: ${ref}`)
      return
    }

    if ((m = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(path))) {
      const [, repo, issue] = m as unknown as [string, string, string]
      if (method === 'GET') {
        if (fault('list-comments')) return
        const all = this.comments.get(`${repo}#${issue}`) ?? []
        const perPage = Math.min(this.maxPerPage, Number(url.searchParams.get('per_page') ?? 30))
        const page = Number(url.searchParams.get('page') ?? 1)
        const slice = all.slice((page - 1) * perPage, page * perPage)
        const headers: Record<string, string> = {}
        if (page * perPage < all.length) {
          const next = new URL(url)
          next.searchParams.set('page', String(page + 1))
          next.searchParams.set('per_page', String(perPage))
          headers.link = `<${next.toString()}>; rel="next"`
        }
        send(
          200,
          slice.map(c => this.commentJson(repo, c)),
          headers
        )
        return
      }
      if (method === 'POST') {
        if (fault('create-comment')) return
        if (this.commentWrites !== 'allow') {
          error(
            this.commentWrites,
            this.commentWrites === 403 ? 'Resource not accessible by integration' : 'Not Found'
          )
          return
        }
        const text = (body as { body?: unknown } | null)?.body
        if (typeof text !== 'string') {
          error(422, 'body is required')
          return
        }
        send(201, this.commentJson(repo, this.addComment(repo, Number(issue), text)))
        return
      }
    }

    if (
      method === 'PATCH' &&
      (m = /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/.exec(path))
    ) {
      if (fault('update-comment')) return
      const [, repo, id] = m as unknown as [string, string, string]
      if (this.commentWrites !== 'allow') {
        error(
          this.commentWrites,
          this.commentWrites === 403 ? 'Resource not accessible by integration' : 'Not Found'
        )
        return
      }
      for (const [key, list] of this.comments) {
        if (!key.startsWith(`${repo}#`)) continue
        const c = list.find(x => x.id === Number(id))
        if (!c) continue
        const text = (body as { body?: unknown } | null)?.body
        if (typeof text !== 'string') {
          error(422, 'body is required')
          return
        }
        c.body = text
        send(200, this.commentJson(repo, c))
        return
      }
      error(404, 'Not Found')
      return
    }

    error(404, `Not Found: ${method} ${path}`)
  }

  private commentJson(repo: string, c: FakeComment): object {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      body: c.body,
      user: { login: c.user.login, type: c.user.type, id: 1 },
      html_url: `https://github.com/${repo}/pull/1#issuecomment-${c.id}`,
      created_at: '2026-11-22T00:00:00Z',
      updated_at: '2026-11-22T00:00:00Z'
    }
  }
}

function routeOf(method: string, path: string): Route | null {
  if (/\/contents\//.test(path)) return 'contents'
  if (/\/commits\//.test(path)) return 'commits'
  if (/\/issues\/\d+\/comments$/.test(path))
    return method === 'POST' ? 'create-comment' : 'list-comments'
  if (/\/issues\/comments\/\d+$/.test(path)) return 'update-comment'
  return null
}
