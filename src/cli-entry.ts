#!/usr/bin/env node
/** The `iam-credential-gate` command. */
import { once } from 'node:events'
import { runCli } from './cli.js'

void runCli(process.argv.slice(2), {
  // When the stream's buffer is full (a slow reader on a pipe), the next piece waits for it to drain.
  stdout: text => (process.stdout.write(text) ? undefined : once(process.stdout, 'drain').then()),
  stderr: text => process.stderr.write(text),
  now: () => Date.now()
}).then(code => {
  process.exitCode = code
})
