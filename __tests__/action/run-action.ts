/**
 * Runs the action's bundle (`dist/index.js`) as a child process with the
 * environment a GitHub runner gives a JavaScript action, and reads back what
 * the runner would: the exit code, the workflow commands on stdout
 * (annotations, masks), the step outputs (`GITHUB_OUTPUT`), the job summary
 * (`GITHUB_STEP_SUMMARY`) and the files left in the workspace.
 *
 * The node binary is `ACTION_NODE` (the Node 24 the action runs on, set by
 * `.ci/run`) or, when unset, the one running the tests.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { PINNED_NOW_VARIABLE } from '../../src/action/clock.js'
import { fakeAwsEnv } from '../support/aws-env.js'
import { TEST_NOW_ISO } from '../support/clock.js'
import type { FakeAws } from '../support/fake-aws.js'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const BUNDLE = join(REPO_ROOT, 'dist', 'index.js')
export const ACTION_NODE = process.env.ACTION_NODE ?? process.execPath
export const EXAMPLE_REPORT = join(REPO_ROOT, 'examples', 'credential-report.csv')
export const EXAMPLE_POLICY = join(REPO_ROOT, 'examples', 'iam-credential-policy.yml')

interface ActionYml {
  runs: { using: string; main: string }
  inputs: Record<string, { default?: string; required?: boolean }>
  outputs: Record<string, { description: string }>
}

/** action.yml, parsed: the runner applies its input defaults, so the harness does too. */
export function actionYml(): ActionYml {
  return parseYaml(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYml
}

export interface RunActionOptions {
  /** Inputs as a workflow's `with:` gives them; defaults from action.yml fill the rest. */
  inputs?: Record<string, string>
  /** The local AWS/OIDC endpoint: its endpoint and OIDC variables are set. */
  fake?: FakeAws
  /** Set `ACTIONS_ID_TOKEN_REQUEST_URL` / `_TOKEN` (needs `fake`). Default true. */
  oidc?: boolean
  /** Ambient AWS keys (`FAKE_STATIC_CREDENTIALS`), as configure-aws-credentials leaves them. Default false. */
  staticCredentials?: boolean
  /** More variables; `undefined` deletes one the harness would set. */
  env?: Record<string, string | undefined>
  /** The workspace (GITHUB_WORKSPACE and the working directory). Default: a new temp dir. */
  cwd?: string
  /** Files to create in the workspace first (relative path → content). */
  files?: Record<string, string | Uint8Array>
  /** The event payload at GITHUB_EVENT_PATH. */
  event?: Record<string, unknown>
  eventName?: string
  /** The child is killed after this long (the result says `timedOut`). Default 60 s. */
  killAfterMs?: number
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  file?: string
  line?: number
  endLine?: number
  col?: number
  endColumn?: number
  title?: string
}

export interface WorkflowCommand {
  command: string
  properties: Record<string, string>
  message: string
  /** The raw stdout line. */
  line: string
}

export interface ActionResult {
  code: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  durationMs: number
  stdout: string
  stderr: string
  /** Step outputs from the GITHUB_OUTPUT file. */
  outputs: Record<string, string>
  /** Raw content of the GITHUB_OUTPUT file. */
  outputFile: string
  /** The GITHUB_STEP_SUMMARY file's content. */
  summary: string
  /** Every `::command ...::message` line on stdout. */
  commands: WorkflowCommand[]
  annotations: Annotation[]
  /** Values passed to `::add-mask::`. */
  masks: string[]
  workspace: string
  /** Workspace files (relative paths), the runner's own files excluded. */
  files: string[]
  readFile(path: string): string
  exists(path: string): boolean
}

const unescapeData = (s: string): string =>
  s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = (s: string): string =>
  s
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%25/g, '%')

/** libfaketime's variables, when the tests run under it: the child keeps the same clock as the fake AWS. */
export function shiftedClock(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => name === 'LD_PRELOAD' || name.startsWith('FAKETIME'))
  )
}

/** Workflow commands (`::name k=v,k=v::message`) on stdout, as the runner reads them. */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([a-zA-Z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!m) continue
    const properties: Record<string, string> = {}
    for (const pair of (m[2] ?? '').split(',')) {
      const i = pair.indexOf('=')
      if (i > 0) properties[pair.slice(0, i)] = unescapeProperty(pair.slice(i + 1))
    }
    commands.push({ command: m[1]!, properties, message: unescapeData(m[3] ?? ''), line })
  }
  return commands
}

function toAnnotation(c: WorkflowCommand): Annotation | null {
  if (c.command !== 'error' && c.command !== 'warning' && c.command !== 'notice') return null
  const p = c.properties
  const num = (v: string | undefined): number | undefined =>
    v === undefined ? undefined : Number(v)
  const a: Annotation = { level: c.command, message: c.message }
  if (p.file !== undefined) a.file = p.file
  if (p.line !== undefined) a.line = num(p.line)
  if (p.endLine !== undefined) a.endLine = num(p.endLine)
  if (p.col !== undefined) a.col = num(p.col)
  if (p.endColumn !== undefined) a.endColumn = num(p.endColumn)
  if (p.title !== undefined) a.title = p.title
  return a
}

/**
 * The GITHUB_OUTPUT file: `name<<DELIMITER` blocks (what `core.setOutput`
 * writes) and plain `name=value` lines. A block without its delimiter, or a
 * name set twice, is an error: the runner would reject or misread it.
 */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    let name: string
    let value: string
    if (heredoc) {
      name = heredoc[1]!
      const delimiter = heredoc[2]!
      const end = lines.indexOf(delimiter, i + 1)
      if (end < 0) throw new Error(`GITHUB_OUTPUT: no closing delimiter for ${name}`)
      value = lines.slice(i + 1, end).join('\n')
      i = end
    } else {
      const eq = line.indexOf('=')
      if (eq <= 0) throw new Error(`GITHUB_OUTPUT: unreadable line ${JSON.stringify(line)}`)
      name = line.slice(0, eq)
      value = line.slice(eq + 1)
    }
    if (name in outputs) throw new Error(`GITHUB_OUTPUT: output ${name} set twice`)
    outputs[name] = value
  }
  return outputs
}

function listFiles(root: string, dir = root): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listFiles(root, path) : [relative(root, path)]
  })
}

/** Temp folders of the runs so far; `cleanUpRuns` removes them. */
const created: string[] = []

/** Removes every run's runner folder and workspace (call after each test). */
export async function cleanUpRuns(): Promise<void> {
  await Promise.all(created.splice(0).map(dir => rm(dir, { recursive: true, force: true })))
}

/** Runs `dist/index.js` once, as the runner would start the action. */
export async function runAction(options: RunActionOptions = {}): Promise<ActionResult> {
  const yml = actionYml()
  const given = options.inputs ?? {}
  for (const name of Object.keys(given)) {
    if (!(name in yml.inputs)) throw new Error(`input ${name} is not declared in action.yml`)
  }
  const runner = await mkdtemp(join(tmpdir(), 'icg-runner-'))
  created.push(runner)
  let workspace = options.cwd
  if (workspace === undefined) {
    workspace = await mkdtemp(join(tmpdir(), 'icg-workspace-'))
    created.push(workspace)
  }
  for (const [path, content] of Object.entries(options.files ?? {})) {
    const full = join(workspace, path)
    await mkdir(dirname(full), { recursive: true })
    await writeFile(full, content)
  }
  const runnerTemp = join(runner, 'temp')
  const home = join(runner, 'home')
  await mkdir(runnerTemp, { recursive: true })
  await mkdir(home, { recursive: true })
  const outputPath = join(runner, 'github_output')
  const summaryPath = join(runner, 'step_summary')
  const eventPath = join(runner, 'event.json')
  await writeFile(outputPath, '')
  await writeFile(summaryPath, '')
  await writeFile(join(runner, 'github_env'), '')
  await writeFile(join(runner, 'github_path'), '')
  await writeFile(join(runner, 'github_state'), '')
  await writeFile(eventPath, JSON.stringify(options.event ?? { schedule: '17 5 * * *' }))

  // What a runner sets for a node action: no developer environment.
  const base: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: options.eventName ?? 'schedule',
    GITHUB_ENV: join(runner, 'github_env'),
    GITHUB_PATH: join(runner, 'github_path'),
    GITHUB_STATE: join(runner, 'github_state'),
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_WORKFLOW: 'IAM credential audit',
    GITHUB_JOB: 'audit',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_ACTION: 'gate',
    GITHUB_ACTION_PATH: REPO_ROOT,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: join(runner, 'toolcache'),
    // The bundle evaluates at the tests' pinned time, never at the real clock.
    [PINNED_NOW_VARIABLE]: TEST_NOW_ISO,
    // A shifted machine clock (CI's second run, under faketime) holds for the child too.
    ...shiftedClock(process.env)
  }
  let env: NodeJS.ProcessEnv
  if (options.fake) {
    env = fakeAwsEnv(
      options.fake,
      { staticCredentials: options.staticCredentials ?? false, oidc: options.oidc ?? true },
      base
    )
  } else {
    env = { ...base, AWS_EC2_METADATA_DISABLED: 'true' }
  }
  for (const [name, spec] of Object.entries(yml.inputs)) {
    // The runner evaluates expressions in defaults; `${{ github.token }}` is the only one used.
    const fallback = spec.default?.replace(
      /\$\{\{\s*github\.token\s*\}\}/,
      options.env?.GITHUB_TOKEN ?? ''
    )
    const value = name in given ? given[name] : fallback
    if (value !== undefined) env[`INPUT_${name.toUpperCase()}`] = value
  }
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }

  const started = Date.now()
  const child = spawn(ACTION_NODE, [BUNDLE], { cwd: workspace, env, stdio: 'pipe' })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  let timedOut = false
  const killer = setTimeout(() => {
    timedOut = true
    child.kill('SIGKILL')
  }, options.killAfterMs ?? 60_000)
  const { code, signal } = await new Promise<{
    code: number | null
    signal: NodeJS.Signals | null
  }>((resolveExit, reject) => {
    child.on('error', reject)
    child.on('close', (c, s) => resolveExit({ code: c, signal: s }))
  })
  clearTimeout(killer)
  const durationMs = Date.now() - started

  const outputFile = readFileSync(outputPath, 'utf8')
  const commands = parseCommands(stdout)
  return {
    code,
    signal,
    timedOut,
    durationMs,
    stdout,
    stderr,
    outputs: parseOutputFile(outputFile),
    outputFile,
    summary: existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : '',
    commands,
    annotations: commands.map(toAnnotation).filter((a): a is Annotation => a !== null),
    masks: commands.filter(c => c.command === 'add-mask').map(c => c.message),
    workspace,
    files: listFiles(workspace).sort(),
    readFile: path => readFileSync(resolve(workspace, path), 'utf8'),
    exists: path => existsSync(resolve(workspace, path))
  }
}

/** Annotations of one level, messages only. */
export const messages = (r: ActionResult, level: Annotation['level']): string[] =>
  r.annotations.filter(a => a.level === level).map(a => a.message)

/** The step's failure message: the last error annotation without properties (`core.setFailed`). */
export const failure = (r: ActionResult): string | undefined =>
  r.commands.filter(c => c.command === 'error' && Object.keys(c.properties).length === 0).at(-1)
    ?.message
