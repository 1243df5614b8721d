#!/usr/bin/env node
/** The `iam-credential-gate` command. */
import { runCli } from './cli.js'

const out = process.stdout
/** Whether the reader of standard output has gone (`| head`): the rest is not written. */
let readerGone = false
out.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  readerGone = true
})

/** Writes a piece; when the stream's buffer is full (a slow reader), waits until it drains. */
function writeStdout(text: string): void | Promise<void> {
  if (readerGone || out.write(text)) return
  return new Promise(resolve => {
    const done = (): void => {
      out.off('drain', done)
      out.off('error', done)
      resolve()
    }
    out.on('drain', done)
    out.on('error', done)
  })
}

void runCli(process.argv.slice(2), {
  stdout: writeStdout,
  stderr: text => process.stderr.write(text),
  now: () => Date.now()
}).then(code => {
  process.exitCode = code
})
