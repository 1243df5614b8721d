/**
 * A reviewable remediation plan as a bash script. The tool never runs it.
 *
 * The fix commands are live lines, so a reviewed plan runs as written, but
 * the script refuses to do anything unless `CONFIRM=yes` is set: without it
 * it prints the plan and exits 1. Each fix carries its backout (undo)
 * command as a comment beside it. Every argument from the report is
 * shell-quoted; everything from the report in a comment is on one line.
 * A command that needs an access key id the audit did not resolve looks
 * the id up when it runs (`access_key_id`: the user's key created at the
 * report's `last_rotated` time, and only when exactly one matches, so it
 * never touches the wrong key); without that time it is commented out, with
 * the command that finds the id.
 */

import { ROOT_USER } from '../report/types.js'
import { findRule } from '../rules/catalog.js'
import { KEY_ID_PLACEHOLDER } from '../rules/commands.js'
import type { Finding } from '../evaluation.js'
import type { Command } from '../rules/types.js'
import { severityRank } from '../severity.js'
import { formatTimestamp } from '../time.js'
import { TOOL_NAME } from './context.js'
import type { RenderContext } from './context.js'

/** Characters that never need quoting in a POSIX shell word. */
const SHELL_SAFE = /^[A-Za-z0-9_./=:@%+,-]+$/

/** Quotes one argument for bash: as is when it is plainly safe, else in single quotes (`'a'\''b'`). */
export function shellQuote(arg: string): string {
  if (SHELL_SAFE.test(arg) && !arg.startsWith('=')) return arg
  return `'${arg.replace(/'/g, `'\\''`)}'`
}

/** A command line: each argument quoted. */
export function shellCommand(argv: Command): string {
  return argv.map(shellQuote).join(' ')
}

/**
 * Text safe inside a `#` comment: one line, no control characters (which
 * could end the comment or rewrite the terminal when the script is shown).
 */
export function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?')
}

/** A whole comment line: nothing in it can end the comment early. */
function comment(text: string): string {
  return `# ${commentText(text)}`
}

const CONFIRM_VAR = 'CONFIRM'

/** The shell word a looked-up key id is used as. */
const KEY_ID_VAR = '"$key_id"'

/**
 * Looks up, at run time, the id of user $1's access key created at $2
 * (`YYYY-MM-DDTHH:MM:SS`, UTC, the report's `last_rotated`): one
 * `list-access-keys` call, and only an exact, single match is used. AWS CLI
 * 1 prints `CreateDate` with `Z`, version 2 with `+00:00`: both start so.
 */
const ACCESS_KEY_ID_FUNCTION = [
  'access_key_id() {',
  "  local id created found=''",
  '  while read -r id created; do',
  '    case "$created" in',
  '      "$2"*)',
  '        if [ -n "$found" ]; then',
  '          printf \'Two access keys of %s were created at %s: change them by hand.\\n\' "$1" "$2" >&2',
  '          return 1',
  '        fi',
  '        found=$id ;;',
  '    esac',
  '  done < <(aws iam list-access-keys --user-name "$1" --query \'AccessKeyMetadata[].[AccessKeyId,CreateDate]\' --output text)',
  '  if [ -z "$found" ]; then',
  '    printf \'No access key of %s was created at %s (rotated or deleted since the report?): stopping.\\n\' "$1" "$2" >&2',
  '    return 1',
  '  fi',
  '  printf \'%s\\n\' "$found"',
  '}'
]

/** A command line whose key id is the looked-up `$key_id`. */
function commandWithKeyVar(argv: Command): string {
  return argv
    .map((a, i) =>
      argv[i - 1] === '--access-key-id' && a === KEY_ID_PLACEHOLDER ? KEY_ID_VAR : shellQuote(a)
    )
    .join(' ')
}

/** Renders the remediation script for one evaluation. Pure. */
export function renderRemediationScript(ctx: RenderContext): string {
  return [...renderRemediationPieces(ctx)].join('')
}

/** Plan lines per `printf` line of the header. */
const PLAN_LINES_PER_PRINTF = 50

/** Lines per piece. */
const LINES_PER_PIECE = 1_000

/**
 * `renderRemediationScript(ctx)` in pieces. The findings are gone through
 * twice: once for the plan and the counts the header gives, once for the
 * body, so the script (some 500 MB for 1.6 million findings, more than the
 * longest string V8 can make) is never whole.
 */
export function* renderRemediationPieces(ctx: RenderContext): Generator<string> {
  const findings = ctx.evaluation.findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => !f.exempted)
    .sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity) || a.i - b.i)
    .map(({ f }) => f)

  // The plan, already as the header's printf lines.
  const printfs: string[] = []
  let pending: string[] = []
  let planLines = 0
  let commandCount = 0
  let manualCount = 0
  let lookups = 0
  const flush = (): void => {
    printfs.push(`  printf '%s\\n' ${pending.map(l => shellQuote(commentText(l))).join(' ')} >&2`)
    pending = []
  }
  for (const entry of entries(findings, ctx)) {
    commandCount += entry.commands
    manualCount += entry.manual
    lookups += entry.lookups
    for (const line of entry.plan) {
      pending.push(line)
      planLines++
      if (pending.length === PLAN_LINES_PER_PRINTF) flush()
    }
  }
  if (pending.length > 0) flush()

  const account = ctx.evaluation.account.id ?? 'unknown account'
  const reportTime =
    ctx.reportGeneratedAt === null ? 'unknown' : formatTimestamp(ctx.reportGeneratedAt)
  const header = [
    '#!/usr/bin/env bash',
    `# IAM Credential Gate remediation plan for AWS account ${commentText(account)}`,
    `# Generated ${formatTimestamp(ctx.now)} by ${TOOL_NAME} ${commentText(ctx.toolVersion)} from the credential report generated ${reportTime}.`,
    '#',
    '# This script is NOT run by the tool. Review every command before you run it:',
    '# some of them disable credentials that people or systems may still be using.',
    '# Each fix has its backout (the command that undoes it) as a comment beside it.',
    `# ${findings.length} finding(s): ${commandCount} command(s) to run, ${manualCount} manual step(s).`,
    '#',
    `# Run it deliberately, with AWS credentials for account ${commentText(account)}:`,
    `#   ${CONFIRM_VAR}=yes bash ./remediation.sh`,
    `# Without ${CONFIRM_VAR}=yes it prints the plan and exits 1, changing nothing.`,
    'set -euo pipefail',
    '',
    'run() {',
    `  printf '+ %s\\n' "$*" >&2`,
    '  "$@"',
    '}',
    '',
    ...(lookups > 0 ? [...ACCESS_KEY_ID_FUNCTION, ''] : []),
    `if [ "\${${CONFIRM_VAR}:-}" != 'yes' ]; then`,
    `  printf '%s\\n' ${shellQuote(commentText(`Remediation plan for AWS account ${account} (${findings.length} finding(s)):`))} >&2`
  ]
  if (planLines === 0) header.push(`  printf '%s\\n' '  nothing to do' >&2`)
  yield header.join('\n')
  for (let i = 0; i < printfs.length; i += LINES_PER_PIECE) {
    yield `\n${printfs.slice(i, i + LINES_PER_PIECE).join('\n')}`
  }
  printfs.length = 0
  yield `\n  printf '%s\\n' 'Nothing was changed. Review the script, then run it with ${CONFIRM_VAR}=yes.' >&2\n  exit 1\nfi`

  let lines: string[] = []
  for (const entry of entries(findings, ctx)) {
    for (const line of entry.body) lines.push(line)
    if (lines.length >= LINES_PER_PIECE) {
      yield `\n${lines.join('\n')}`
      lines = []
    }
  }
  if (lines.length > 0) yield `\n${lines.join('\n')}`
  yield `\n\nprintf '%s\\n' 'Done: ${commandCount} command(s) run.' >&2\n`
}

/** What the script says about one finding: its lines in the body and in the plan. */
interface Entry {
  body: string[]
  plan: string[]
  commands: number
  manual: number
  /** Key ids the script looks up when it runs. */
  lookups: number
}

/** Each finding's entry, in order: a command planned for an earlier finding is not planned again. */
function* entries(findings: readonly Finding[], ctx: RenderContext): Generator<Entry> {
  const planned = new Set<string>()
  for (let n = 0; n < findings.length; n++) {
    yield entryOf(findings[n]!, n, findings.length, planned, ctx.accessKeysCreated)
  }
}

function entryOf(
  f: Finding,
  n: number,
  total: number,
  planned: Set<string>,
  keysCreated: RenderContext['accessKeysCreated']
): Entry {
  const entry: Entry = { body: [], plan: [], commands: 0, manual: 0, lookups: 0 }
  const { body, plan } = entry
  const who = f.user === ROOT_USER ? 'root account' : `user ${f.user}`
  const heading = `[${n + 1}/${total}] ${f.severity} ${f.ruleId}: ${who}${f.credential ? ` ${f.credential}` : ''}`
  body.push('', comment(heading), comment(f.message))
  plan.push(heading)

  const rule = findRule(f.ruleId)
  if (!rule) {
    body.push('# No remediation is known for this rule; see the job summary.')
    plan.push('  no remediation known')
    return entry
  }
  const step = rule.remediation({
    user: f.user,
    arn: f.arn,
    credential: f.credential,
    ...(f.keyId ? { keyId: f.keyId } : {})
  })
  if (step.kind === 'manual') {
    entry.manual++
    body.push('# MANUAL: a person must do this; nothing below runs for it:')
    for (const line of step.instructions.split(/\r?\n/)) body.push(comment(`  ${line}`))
    plan.push('  manual step (see the script)')
    return entry
  }
  if (step.note) body.push(comment(`Note: ${step.note}`))
  const unresolved = (argv: Command): boolean => argv.some(a => a.includes(KEY_ID_PLACEHOLDER))
  const created = f.credential ? keysCreated?.get(`${f.user}/${f.credential}`) : undefined
  const lookup =
    f.user !== ROOT_USER && created !== undefined && step.fix.some(unresolved)
      ? `key_id=$(access_key_id ${shellQuote(f.user)} ${new Date(created).toISOString().slice(0, 19)})`
      : null
  if (lookup && created !== undefined) {
    entry.lookups++
    body.push(
      comment(
        `The key id is looked up now: the ${f.credential} created ${formatTimestamp(created)}.`
      )
    )
  } else if (step.fix.some(unresolved) && f.user !== ROOT_USER) {
    body.push(
      comment(
        `The access key id was not resolved. Find it (${f.credential ?? 'the key'} in the report) with:`
      ),
      comment(`  ${shellCommand(['aws', 'iam', 'list-access-keys', '--user-name', f.user])}`),
      `# then replace ${KEY_ID_PLACEHOLDER} below and uncomment the line.`
    )
  } else if (step.fix.some(unresolved)) {
    body.push(
      `# The root access key id was not resolved. Root keys can only be managed signed in as root; replace ${KEY_ID_PLACEHOLDER} and uncomment.`
    )
  }
  step.fix.forEach((argv, k) => {
    const looked = lookup !== null && unresolved(argv)
    const line = looked ? commandWithKeyVar(argv) : shellCommand(argv)
    const backout = step.backout[k]
    const backoutLine = backout && (looked ? commandWithKeyVar(backout) : shellCommand(backout))
    const backoutComment = backoutLine
      ? `  # backout: ${backoutLine}`
      : `  # backout: none${step.note ? ' (see the note above)' : ''}`
    // The same command for another key of the same user is another command.
    const plannedAs = looked ? `${lookup}\n${line}` : line
    if (unresolved(argv) && !looked) {
      body.push(comment(`run ${line}${backoutComment}`))
      plan.push(`  (needs the key id) ${line}`)
    } else if (planned.has(plannedAs)) {
      body.push(comment(`already planned above: ${line}`))
    } else {
      planned.add(plannedAs)
      entry.commands++
      if (looked && lookup) body.push(lookup)
      body.push(`run ${line}${commentText(backoutComment)}`)
      plan.push(
        looked && created !== undefined
          ? `  ${line.replace(KEY_ID_VAR, `<id of the key created ${formatTimestamp(created)}>`)}`
          : `  ${line}`
      )
    }
  })
  // Backouts beyond the fixes (a fix that needs two commands to undo).
  for (const extra of step.backout.slice(step.fix.length)) {
    body.push(comment(`backout: ${shellCommand(extra)}`))
  }
  return entry
}
