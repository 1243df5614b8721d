import * as core from '@actions/core'
import { GateError, PolicyError } from '../errors.js'
import type { RedactMode } from '../redact.js'
import { maskAccountId, redactErrorMessage } from '../redact.js'
import { repoRelativePath } from '../render/context.js'
import { writeSummary } from './publish.js'

export interface ReportErrorOptions {
  /** `users`: user names and ARNs in the message are replaced (the report may be quoted). */
  redact?: RedactMode
  /** Account ids to show as `***` in the job summary (`mask-aws-account-id`). */
  maskAccountIds?: readonly string[]
}

/** Most problems of an invalid policy file annotated at their lines (GitHub shows 10 per level). */
const MAX_PROBLEM_ANNOTATIONS = 10

/**
 * Fails the step for an error that stopped the audit before its outputs:
 * `result` = `error`, a short job summary that says why, and the failure
 * message `error: …` (the expected errors' own message; a bug says so).
 * An invalid policy file is annotated at each problem's line.
 */
export async function reportError(error: unknown, options: ReportErrorOptions = {}): Promise<void> {
  const expected = error instanceof GateError
  const message = redactErrorMessage(
    expected
      ? error.message
      : `internal error (a bug: please report it with this message): ${describe(error)}`,
    options.redact ?? 'none'
  )
  if (!expected && error instanceof Error && error.stack) {
    core.info(redactErrorMessage(error.stack, options.redact ?? 'none'))
  }
  let shown = message
  for (const id of options.maskAccountIds ?? []) shown = maskAccountId(shown, id)

  try {
    core.setOutput('result', 'error')
  } catch (e) {
    core.warning(`cannot set the step outputs: ${describe(e)}`)
  }
  try {
    await writeSummary(
      `## ⚠️ IAM Credential Gate could not run\n\n\`\`\`text\nerror: ${shown.replace(/`{3,}/g, '')}\n\`\`\`\n`
    )
  } catch (e) {
    core.warning(`cannot write the job summary: ${describe(e)}`)
  }

  if (error instanceof PolicyError) {
    for (const p of error.problems.slice(0, MAX_PROBLEM_ANNOTATIONS)) {
      const file = repoRelativePath(p.file)
      if (file) {
        core.error(redactErrorMessage(p.message, options.redact ?? 'none'), {
          title: 'Invalid policy file',
          file,
          startLine: p.line,
          startColumn: p.column
        })
      }
    }
  }
  core.setFailed(`error: ${message}`)
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
