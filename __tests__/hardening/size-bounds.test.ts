/**
 * Size bounds on the input files, through the CLI.
 *
 * A report or policy file over its limit must be refused with a message that
 * names the file, its size and the limit, after a `stat` and WITHOUT reading
 * the file. The files here are sparse (`truncate`): a 300 MiB file costs no
 * disk and no time to make. `node:fs/promises` is wrapped so the test sees
 * every `readFile` call; the CLI is imported after the wrapper is in place.
 *
 * The limits: one number per kind of file, checked with stat before reading
 * (src/io/read-input.ts) and again by the parser or loader on the bytes
 * (src/report/decode.ts DEFAULT_MAX_BYTES, 256 MiB; src/policy/load.ts
 * DEFAULT_MAX_POLICY_BYTES, 1 MiB).
 */

import { jest } from '@jest/globals'
import * as realFs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_MAX_BYTES } from '../../src/report/decode.js'
import { DEFAULT_MAX_POLICY_BYTES } from '../../src/policy/load.js'

// Not from ./cli-harness.js: it imports the CLI, which must load after the mock below.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const EXAMPLE_REPORT = join(ROOT, 'examples', 'credential-report.csv')
const EXAMPLE_POLICY = join(ROOT, 'examples', 'iam-credential-policy.yml')
const NOW = '2026-11-22T00:00:00Z'
const STACK_LINE = /^\s+at .+/m

const reads: string[] = []

jest.unstable_mockModule('node:fs/promises', () => {
  const readFile = (async (...args: Parameters<typeof realFs.readFile>) => {
    reads.push(String(args[0]))
    return realFs.readFile(...args)
  }) as typeof realFs.readFile
  return { ...realFs, default: { ...realFs, readFile }, readFile }
})

const { runCli } = await import('../../src/cli.js')
const { MAX_POLICY_BYTES, MAX_REPORT_BYTES } = await import('../../src/io/read-input.js')

const MiB = 1024 * 1024
const TiB = 1024 * 1024 * MiB

let dir: string

beforeAll(async () => {
  dir = await realFs.mkdtemp(join(tmpdir(), 'icg-size-'))
})

afterAll(async () => {
  await realFs.rm(dir, { recursive: true, force: true })
})

beforeEach(() => {
  reads.length = 0
})

/** A sparse file of `size` bytes (zeros), made without writing them. */
async function sparse(name: string, size: number): Promise<string> {
  const path = join(dir, name)
  await realFs.writeFile(path, '')
  await realFs.truncate(path, size)
  return path
}

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli([...argv, '--now', NOW], {
    stdout: t => {
      stdout += t
    },
    stderr: t => {
      stderr += t
    },
    now: () => Date.parse(NOW)
  })
  return { code, stdout, stderr }
}

describe('a report over the limit', () => {
  it('300 MiB: refused after stat, without reading it', async () => {
    const path = await sparse('big-report.csv', 300 * MiB)
    const r = await cli('--report', path, '--policy', EXAMPLE_POLICY)
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `iam-credential-gate: error: credential report ${path} is 300.0 MiB, more than the 256.0 MiB limit\n`
    })
    expect(reads).not.toContain(path)
  })

  it('4 TiB (more than Node can read into one buffer): the same clear message, no crash', async () => {
    const path = await sparse('huge-report.csv', 4 * TiB)
    const r = await cli('--report', path)
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(
      `iam-credential-gate: error: credential report ${path} is 4.0 TiB, more than the 256.0 MiB limit\n`
    )
    expect(r.stderr).not.toMatch(STACK_LINE)
    expect(reads).not.toContain(path)
  })

  it('the policy is not read either when the report is refused first', async () => {
    const path = await sparse('big-report-2.csv', 300 * MiB)
    await cli('--report', path, '--policy', EXAMPLE_POLICY)
    expect(reads).toEqual([])
  })

  it('a report just under the parser limit is read and parsed (as zeros: binary data)', async () => {
    const path = await sparse('zeros.csv', 1 * MiB)
    const r = await cli('--report', path)
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(
      `iam-credential-gate: error: ${path} line 1 contains a NUL byte: this is binary data, not a CSV credential report\n`
    )
    expect(reads).toContain(path)
  })

  it('one byte over the limit: refused without reading it, with the exact size', async () => {
    const path = await sparse('just-over-report.csv', MAX_REPORT_BYTES + 1)
    const r = await cli('--report', path)
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(
      `iam-credential-gate: error: credential report ${path} is 256.0 MiB (${MAX_REPORT_BYTES + 1} bytes), more than the 256.0 MiB limit\n`
    )
    expect(reads).not.toContain(path)
  })

  it('the read limit and the parser limit are the same number', () => {
    expect(MAX_REPORT_BYTES).toBe(DEFAULT_MAX_BYTES)
  })
})

describe('a policy over the limit', () => {
  it('2 MiB: refused after stat, without reading it', async () => {
    const path = await sparse('big-policy.yml', 2 * MiB)
    const r = await cli('--report', EXAMPLE_REPORT, '--policy', path)
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `iam-credential-gate: error: policy file ${path} is 2.0 MiB, more than the 1.0 MiB limit\n`
    })
    expect(reads).not.toContain(path)
  })

  it('exactly at the limit: read and parsed (as zeros it is not a mapping)', async () => {
    const path = await sparse('at-max.yml', MAX_POLICY_BYTES)
    const r = await cli('--report', EXAMPLE_REPORT, '--policy', path)
    expect(r.code).toBe(2)
    expect(r.stderr).not.toContain('more than the')
    expect(reads).toContain(path)
  })

  it('the read limit and the loader limit are the same number', () => {
    expect(MAX_POLICY_BYTES).toBe(DEFAULT_MAX_POLICY_BYTES)
  })

  it('one byte over: the message shows the size is larger than the limit', async () => {
    const path = await sparse('just-over.yml', MAX_POLICY_BYTES + 1)
    const r = await cli('--report', EXAMPLE_REPORT, '--policy', path)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(String(MAX_POLICY_BYTES + 1))
    expect(reads).not.toContain(path)
  })
})
