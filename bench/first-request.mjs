/**
 * A stand-in AWS endpoint on 127.0.0.1 for the cold-start benchmark: it only
 * notes when the first request of a run arrives (and which AWS action it
 * asks for). The benchmark then stops the action, so nothing is answered.
 */
import { createServer } from 'node:http'

export async function startFirstRequestServer() {
  let waiting = null
  const server = createServer((req, res) => {
    const at = performance.now()
    let body = ''
    req.setEncoding('utf8')
    req.on('data', chunk => {
      if (body.length < 4096) body += chunk
    })
    req.on('end', () => {
      const action = /(?:^|&)Action=([A-Za-z]+)/.exec(body)?.[1] ?? `${req.method} ${req.url}`
      if (waiting) {
        waiting({ at, action })
        waiting = null
      }
      res.writeHead(503, { 'content-type': 'text/plain', connection: 'close' })
      res.end('benchmark endpoint\n')
    })
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}`,
    /** Resolves with `{ at, action }` for the next request, `at` on this process's `performance.now()` clock. */
    nextRequest: () => new Promise(resolve => (waiting = resolve)),
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections?.()
        server.close(() => resolve())
      })
  }
}
