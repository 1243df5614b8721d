/**
 * Runs the CLI in-process against a fresh, empty output folder, and checks
 * what a bad-input run must leave behind: nothing.
 */

import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCli } from '../../src/cli.js'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const FIXTURES = join(ROOT, '__tests__', 'fixtures')
export const BAD = join(FIXTURES, 'bad')
export const EXAMPLE_REPORT = join(ROOT, 'examples', 'credential-report.csv')
export const EXAMPLE_POLICY = join(ROOT, 'examples', 'iam-credential-policy.yml')
/** Every bad-input run is evaluated at this time (the fixtures' expected messages assume it). */
export const NOW = '2026-11-22T00:00:00Z'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
  /** Every file and folder under the output folder after the run, relative to it. */
  leftBehind: string[]
}

async function listAll(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true })
  return entries.map(e => relative(dir, join(dir, e))).sort()
}

/**
 * Runs `--report REPORT --policy POLICY --now NOW` plus every output flag
 * (`--json`, `--sarif`, `--remediation`, `--output`), each pointing into
 * nested folders of an empty temporary folder, and lists what is in that
 * folder afterwards.
 */
export async function auditWithAllOutputs(
  report: string,
  policy: string | null,
  extra: readonly string[] = []
): Promise<CliRun> {
  const out = await mkdtemp(join(tmpdir(), 'icg-hardening-'))
  try {
    let stdout = ''
    let stderr = ''
    const argv = [
      '--report',
      report,
      ...(policy === null ? [] : ['--policy', policy]),
      '--now',
      NOW,
      '--json',
      join(out, 'json', 'result.json'),
      '--sarif',
      join(out, 'sarif', 'result.sarif'),
      '--remediation',
      join(out, 'remediation', 'remediation.sh'),
      '--output',
      join(out, 'output', 'table.txt'),
      ...extra
    ]
    const code = await runCli(argv, {
      stdout: t => {
        stdout += t
      },
      stderr: t => {
        stderr += t
      },
      now: () => Date.parse(NOW)
    })
    return { code, stdout, stderr, leftBehind: await listAll(out) }
  } finally {
    await rm(out, { recursive: true, force: true })
  }
}

/** A stack trace line as Node prints it: `    at fn (file:line:col)`. */
export const STACK_LINE = /^\s+at .+/m
