/**
 * Files through the CLI: inputs that cannot be read, outputs that must not
 * be written (an input, or another output's file), outputs that cannot be
 * written, and standard output written piece by piece as the reader takes it.
 * Each failure is one message naming the file, exit 2, no stack trace.
 */
import { execFileSync, spawn } from 'node:child_process'
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AuditIo } from '../../src/cli.js'
import { runCli } from '../../src/cli.js'
import { sampleReport, sampleRow } from '../helpers/csv.js'
import { unreadableFile } from '../io/unreadable.js'
import { EXAMPLE_POLICY, EXAMPLE_REPORT, NOW, ROOT, STACK_LINE } from './cli-harness.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'icg-files-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

async function cli(argv: readonly string[], stdout?: AuditIo['stdout']) {
  let out = ''
  let err = ''
  const code = await runCli([...argv, '--now', NOW], {
    stdout:
      stdout ??
      (t => {
        out += t
      }),
    stderr: t => {
      err += t
    },
    now: () => Date.parse(NOW)
  })
  return { code, stdout: out, stderr: err }
}

/** A copy of the example report and policy in the test folder. */
function inputs(): { report: string; policy: string } {
  const report = join(dir, 'report.csv')
  const policy = join(dir, 'policy.yml')
  writeFileSync(report, readFileSync(EXAMPLE_REPORT))
  writeFileSync(policy, readFileSync(EXAMPLE_POLICY))
  return { report, policy }
}

const unreadable = unreadableFile(mkdtempSync(join(tmpdir(), 'icg-unreadable-')))

describe('an input that cannot be read', () => {
  const withUnreadable = unreadable === null ? it.skip : it

  withUnreadable('the report: exit 2, one message naming the file', async () => {
    const r = await cli(['--report', unreadable!, '--json', join(dir, 'r.json')])
    expect(r.stderr).toBe(
      `iam-credential-gate: error: credential report ${unreadable} cannot be read: permission denied\n`
    )
    expect(r.code).toBe(2)
    expect(readdirSync(dir)).toEqual([])
  })

  withUnreadable('the policy: exit 2, one message naming the file', async () => {
    const r = await cli(['--report', EXAMPLE_REPORT, '--policy', unreadable!])
    expect(r.stderr).toBe(
      `iam-credential-gate: error: policy file ${unreadable} cannot be read: permission denied\n`
    )
    expect(r.stderr).not.toMatch(STACK_LINE)
    expect(r.code).toBe(2)
  })
})

describe('an output on an input, or two outputs on one file', () => {
  it.each([
    ['--json', 'report', '--report'],
    ['--sarif', 'policy', '--policy'],
    ['--output', 'report', '--report'],
    ['--remediation', 'policy', '--policy']
  ] as const)('%s onto the %s file is refused and the file kept', async (flag, which, input) => {
    const files = inputs()
    const before = readFileSync(files[which], 'utf8')
    const r = await cli(['--report', files.report, '--policy', files.policy, flag, files[which]])
    expect(r.stderr).toBe(
      `iam-credential-gate: error: ${flag} ${files[which]} is the same file as ${input} ${files[which]}: writing it would overwrite an input; choose another path\n`
    )
    expect(r.code).toBe(2)
    expect(readFileSync(files[which], 'utf8')).toBe(before)
  })

  it('through a symbolic link or a path with .. too', async () => {
    const files = inputs()
    symlinkSync(files.report, join(dir, 'link.csv'))
    mkdirSync(join(dir, 'sub'))
    for (const path of [join(dir, 'link.csv'), join(dir, 'sub', '..', 'report.csv')]) {
      const r = await cli(['--report', files.report, '--json', path])
      expect(r.code).toBe(2)
      expect(r.stderr).toContain(`--json ${path} is the same file as --report ${files.report}`)
    }
    expect(readFileSync(files.report)).toEqual(readFileSync(EXAMPLE_REPORT))
  })

  it.each([
    ['--json', '--sarif'],
    ['--output', '--json'],
    ['--sarif', '--remediation']
  ])('%s and %s on one new path: refused before anything is written', async (a, b) => {
    const target = join(dir, 'out', 'result')
    const r = await cli(['--report', EXAMPLE_REPORT, a, target, b, join(dir, 'out', '.', 'result')])
    expect(r.stderr).toMatch(
      new RegExp(
        `^iam-credential-gate: error: .* are the same file: give each output its own path\\n$`
      )
    )
    expect(r.code).toBe(2)
    expect(readdirSync(dir)).toEqual([])
  })

  it('an output that is a pipe is written in place, not replaced', async () => {
    const device = join(dir, 'fifo')
    execFileSync('mkfifo', [device])
    const read = readFile(device, 'utf8')
    const r = await cli(['--report', EXAMPLE_REPORT, '--soft-fail', '--json', device])
    expect(r.code).toBe(0)
    expect(lstatSync(device).isFIFO()).toBe(true)
    expect(JSON.parse(await read)).toHaveProperty('findings')
  })
})

describe('an output that cannot be written', () => {
  it.each([
    [
      'an existing folder',
      (d: string) => (mkdirSync(join(d, 'taken')), join(d, 'taken')),
      'the path is a folder'
    ],
    [
      'a path under a file',
      (d: string) => (writeFileSync(join(d, 'file'), ''), join(d, 'file', 'out.txt')),
      'a parent of the path is not a folder'
    ]
  ])(
    '--output into %s: the message --json gives, no raw error or temporary file name',
    async (_, make, reason) => {
      const path = make(dir)
      for (const flag of ['--output', '--json']) {
        const r = await cli(['--report', EXAMPLE_REPORT, '--soft-fail', flag, path])
        const kind = flag === '--output' ? 'output' : 'json'
        expect(r.stderr).toBe(
          `iam-credential-gate: error: cannot write ${kind} file ${path}: ${reason}\n`
        )
        expect(r.code).toBe(2)
      }
      expect(readdirSync(dir).filter(f => f.endsWith('.tmp'))).toEqual([])
    }
  )
})

describe('standard output', () => {
  it('is written in pieces, the next only once the reader took the one before', async () => {
    const users = Array.from({ length: 2_500 }, (_, i) =>
      sampleRow({ user: `user-${i}`, mfa_active: 'false' })
    )
    const report = join(dir, 'many.csv')
    writeFileSync(report, sampleReport(users))
    const pieces: string[] = []
    let pending = false
    let overlapped = false
    const r = await cli(['--report', report, '--soft-fail'], async text => {
      if (pending) overlapped = true
      pending = true
      pieces.push(text)
      // A slow reader: the stream takes the piece on a later turn.
      await new Promise(resolve => setImmediate(resolve))
      pending = false
    })
    expect(r.code).toBe(0)
    expect(overlapped).toBe(false)
    expect(pieces.length).toBeGreaterThan(2)
    const table = pieces.join('')
    expect(table.match(/^high +console-user-mfa/gm)).toHaveLength(2_500)
    expect(table).toMatch(/\nVerdict: .+\n$/)
  })

  // The CLI bundle (npm run build): the command's own standard output, a pipe.
  it('a reader that stops early (| head) ends the output, not the run: the gate decides the exit code', async () => {
    const users = Array.from({ length: 5_000 }, (_, i) =>
      sampleRow({ user: `user-${i}`, mfa_active: 'false' })
    )
    const report = join(dir, 'many.csv')
    writeFileSync(report, sampleReport(users))
    const child = spawn(
      process.execPath,
      [join(ROOT, 'dist', 'cli', 'index.js'), '--report', report, '--now', NOW],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    child.stdout.once('data', () => child.stdout.destroy())
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const code = await new Promise(resolve => child.on('close', resolve))
    expect(stderr).toMatch(/^iam-credential-gate: policy breached: /)
    expect(stderr).not.toMatch(STACK_LINE)
    expect(code).toBe(1)
  })
})
