import type { CliIo } from './cli-io.js'
import { EXIT, exitCodeOf, parseFlags, parseNow } from './cli-io.js'
import { NUMBER_SETTINGS, wholeNumber } from './action/inputs.js'
import { InputError } from './errors.js'
import { accessKeyCreationTimes, keyIdRequests } from './enrich.js'
import { evaluate } from './evaluate.js'
import { MAX_REPORT_BYTES, readFileBlocks, readInputFile, readPolicyFile } from './io/read-input.js'
import { refuseSharedPaths } from './io/same-file.js'
import type { OutputFormat } from './outputs.js'
import { OUTPUT_FORMATS, plannedOutputs, renderFormat, writeOutputs } from './outputs.js'
import { withFailOnSeverity } from './policy/account.js'
import { defaultPolicy, loadPolicy } from './policy/load.js'
import { printDefaultPolicy } from './policy/print.js'
import type { Policy } from './policy/types.js'
import type { RedactMode } from './redact.js'
import { isRedactMode, REDACT_MODES, redactContext } from './redact.js'
import type { RenderContext } from './render/context.js'
import { parseCredentialReport, parseReportPieces } from './report/parse.js'
import type { CredentialReport } from './report/types.js'
import { runReviewCli } from './review/cli.js'
import type { FailOnSeverity } from './severity.js'
import { FAIL_ON_SEVERITIES, isFailOnSeverity } from './severity.js'
import { TOOL_NAME, VERSION } from './version.js'

export { EXIT, parseNow } from './cli-io.js'
export type { CliIo } from './cli-io.js'

export const USAGE = `Usage: ${TOOL_NAME} [--report FILE] [options]
       ${TOOL_NAME} review --base OLD.yml --head NEW.yml [--report FILE] [--format table|json|markdown]
                       (the impact of a policy change; see review --help)

Audit an AWS IAM credential report against a policy file: a report file, or
without --report the live account of your AWS credentials.

Options:
  --report FILE             credential report CSV (aws iam get-credential-report); without
                            it, the account of the default AWS credential chain is audited
  --policy FILE             policy file (YAML); the built-in default policy if omitted
  --now ISO-8601            evaluation time, e.g. 2026-11-22T00:00:00Z (default: now)
  --format FORMAT           ${OUTPUT_FORMATS.join(' | ')} (default: table)
  --output FILE             write the formatted result to FILE instead of standard output
  --json FILE               also write the JSON result to FILE
  --sarif FILE              also write SARIF 2.1.0 for code scanning to FILE
  --remediation FILE        also write a reviewable remediation shell script to FILE
  --fail-on-severity S      ${FAIL_ON_SEVERITIES.join(' | ')}; overrides the policy
  --soft-fail               report everything, exit 0 even when the policy is breached
  --redact MODE             none | users: replace user names and ARNs with stable hashes in
                            every output except the remediation script (default: none)
  --print-default-policy    print the built-in policy as commented YAML and exit

Live audit (without --report):
  --profile NAME            AWS shared config or SSO profile (default: AWS_PROFILE, then the
                            default chain: environment, profiles, container and instance roles)
  --role-arn ARN            assume this role from those credentials (sts:AssumeRole)
  --role-session-name S     default: ${TOOL_NAME}
  --role-duration-seconds N 900 to 43200 (AWS caps a chained session at 3600); default 900
  --region R                the region of the STS endpoint; default us-east-1
  --report-timeout-seconds N  most time for the report and each AWS call; default 120
  --max-report-age-hours N  warn about an older report; default 24
  --version                 print the version and exit
  -h, --help                print this help and exit

Exit codes: 0 passed (or --soft-fail), 1 policy breached, 2 bad input (report, policy,
flags), 3 AWS access failure (live audit), 4 internal error.
`

const OPTIONS = {
  report: { type: 'string' },
  policy: { type: 'string' },
  now: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  json: { type: 'string' },
  sarif: { type: 'string' },
  remediation: { type: 'string' },
  'fail-on-severity': { type: 'string' },
  'soft-fail': { type: 'boolean' },
  redact: { type: 'string' },
  'print-default-policy': { type: 'boolean' },
  profile: { type: 'string' },
  'role-arn': { type: 'string' },
  'role-session-name': { type: 'string' },
  'role-duration-seconds': { type: 'string' },
  region: { type: 'string' },
  'report-timeout-seconds': { type: 'string' },
  'max-report-age-hours': { type: 'string' },
  version: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

/**
 * What the audit writes to: the CLI's streams, where standard output may
 * return a promise that settles when the stream can take more (its reader is
 * slow), so a large result is not queued whole in memory.
 */
export type AuditIo = Omit<CliIo, 'stdout'> & { stdout: (text: string) => void | Promise<void> }

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function runCli(argv: readonly string[], io: AuditIo): Promise<number> {
  if (argv[0] === 'review') return runReviewCli(argv.slice(1), io)
  return exitCodeOf(io, () => runAudit(argv, io))
}

async function runAudit(argv: readonly string[], io: AuditIo): Promise<number> {
  const values = parseFlags(argv, OPTIONS, '--help')
  if (values.help) {
    io.stdout(USAGE)
    return EXIT.passed
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`)
    return EXIT.passed
  }
  if (values['print-default-policy']) {
    io.stdout(printDefaultPolicy())
    return EXIT.passed
  }
  const format = parseFormat(values.format)
  const failOn = parseFailOn(values['fail-on-severity'])
  const redact = parseRedact(values.redact)
  const now = values.now === undefined ? io.now() : parseNow(values.now)
  refuseSharedPaths(
    [
      ...(values.report ? [{ name: '--report', path: values.report }] : []),
      ...(values.policy ? [{ name: '--policy', path: values.policy }] : [])
    ],
    (['output', 'json', 'sarif', 'remediation'] as const).flatMap(flag => {
      const path = values[flag]
      return path ? [{ name: `--${flag}`, path }] : []
    })
  )

  const ctx = values.report
    ? await fileAudit(values.report, values.policy, failOn, now, liveFlagsGiven(values))
    : await liveAudit(values, failOn, now, io)

  // What people read is redacted; the remediation script keeps real names so it can run.
  const shown = redactContext(ctx, redact)
  const output = values.output ? { path: values.output, format } : undefined
  const outcomes = await writeOutputs([
    ...plannedOutputs(shown, { json: values.json, sarif: values.sarif }),
    ...plannedOutputs(ctx, { remediation: values.remediation }),
    ...plannedOutputs(shown, { output })
  ])
  // Standard output in pieces, each written (or queued, when the reader is slow) before the next is rendered.
  if (!output) for (const piece of renderFormat(shown, format)) await io.stdout(piece)
  const failures = outcomes.filter(o => o.error)
  for (const f of failures) io.stderr(`${TOOL_NAME}: error: ${f.error}\n`)
  if (failures.length > 0) return EXIT.badInput

  const { verdict } = ctx.evaluation
  if (verdict.result === 'failed') {
    if (values['soft-fail']) {
      io.stderr(`${TOOL_NAME}: policy breached (soft-fail, exit 0): ${verdict.summary}\n`)
      return EXIT.passed
    }
    io.stderr(`${TOOL_NAME}: policy breached: ${verdict.summary}\n`)
    return EXIT.failed
  }
  return EXIT.passed
}

/** Flags that only a live audit reads. */
const LIVE_FLAGS = [
  'profile',
  'role-arn',
  'role-session-name',
  'role-duration-seconds',
  'region',
  'report-timeout-seconds',
  'max-report-age-hours'
] as const

type AuditFlags = Partial<Record<(typeof LIVE_FLAGS)[number] | 'policy', string>>

function liveFlagsGiven(values: AuditFlags): string[] {
  return LIVE_FLAGS.filter(flag => values[flag] !== undefined)
}

async function readPolicy(path: string | undefined, failOn: FailOnSeverity | undefined) {
  const policy: Policy = path ? loadPolicy(await readPolicyFile(path), path) : defaultPolicy()
  return failOn ? withFailOnSeverity(policy, failOn) : policy
}

/**
 * A report file: reads the report and the policy and evaluates, in a
 * function of its own so that the parsed rows are garbage while the outputs
 * render.
 */
async function fileAudit(
  reportPath: string,
  policyPath: string | undefined,
  failOn: FailOnSeverity | undefined,
  now: number,
  liveFlags: readonly string[]
): Promise<RenderContext> {
  if (liveFlags.length > 0) {
    throw new InputError(
      `--${liveFlags[0]} is for a live audit, without --report; a report file is audited as it is`
    )
  }
  const report = await readReport(reportPath)
  const policy = await readPolicy(policyPath, failOn)
  const evaluation = evaluate(report, policy, now)
  return {
    evaluation,
    policy,
    toolVersion: VERSION,
    reportGeneratedAt: null,
    reportSource: { kind: 'file', path: reportPath },
    now,
    accessKeysCreated: accessKeyCreationTimes(keyIdRequests(evaluation, report))
  }
}

/** No `--report`: the live account of the credential chain, `--profile` or `--role-arn` (`src/cli-live.ts`). */
async function liveAudit(
  values: AuditFlags,
  failOn: FailOnSeverity | undefined,
  now: number,
  io: CliIo
): Promise<RenderContext> {
  const options = {
    profile: values.profile,
    roleArn: values['role-arn'],
    roleSessionName: values['role-session-name'] ?? TOOL_NAME,
    roleDurationSeconds: numberFlag(values, 'role-duration-seconds'),
    region: values.region ?? 'us-east-1',
    reportTimeoutSeconds: numberFlag(values, 'report-timeout-seconds'),
    maxReportAgeHours: numberFlag(values, 'max-report-age-hours'),
    now,
    log: (message: string) => io.stderr(`${TOOL_NAME}: ${message}\n`)
  }
  const policy = await readPolicy(values.policy, failOn)
  const { auditLiveAccount } = await import('./cli-live.js')
  return (await auditLiveAccount(policy, options)).ctx
}

/** A live-audit number flag, with the action's default and range for the input of the same name. */
function numberFlag(values: AuditFlags, flag: keyof typeof NUMBER_SETTINGS): number {
  return wholeNumber(`--${flag}`, values[flag], NUMBER_SETTINGS[flag])
}

/**
 * Reads and parses the report. A well-formed report without quotes (nearly
 * every report) is read in blocks, so its bytes and text (100 MB each at
 * 500,000 rows) are never whole in memory. Anything else is read whole, in a
 * function of its own so that the bytes are garbage once parsed, and
 * parsed as such, with the exact message for a bad file.
 */
async function readReport(path: string): Promise<CredentialReport> {
  const options = { source: path, maxBytes: MAX_REPORT_BYTES }
  const streamed = parseReportPieces(readFileBlocks(path, { maxBytes: MAX_REPORT_BYTES }), options)
  if (streamed) return streamed
  const bytes = await readInputFile(path, 'credential report', MAX_REPORT_BYTES)
  return parseCredentialReport(bytes, options)
}

function parseFormat(value: string | undefined): OutputFormat {
  if (value === undefined) return 'table'
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat
  throw new InputError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}; got '${value}'`)
}

function parseRedact(value: string | undefined): RedactMode {
  if (value === undefined) return 'none'
  if (isRedactMode(value)) return value
  throw new InputError(`--redact must be one of ${REDACT_MODES.join(', ')}; got '${value}'`)
}

function parseFailOn(value: string | undefined): FailOnSeverity | undefined {
  if (value === undefined) return undefined
  if (isFailOnSeverity(value)) return value
  throw new InputError(
    `--fail-on-severity must be one of ${FAIL_ON_SEVERITIES.join(', ')}; got '${value}'`
  )
}
