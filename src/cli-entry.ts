#!/usr/bin/env node
/** The `iam-credential-gate` command. */
import { runCli } from './cli.js'

void runCli(process.argv.slice(2), {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  now: () => Date.now()
}).then(code => {
  process.exitCode = code
})
