/**
 * `iam-credential-gate review`: the impact of changing one policy file into
 * another, with the same engine as the pull-request review.
 */

import type { CliIo } from '../cli-io.js'
import { EXIT, exitCodeOf, parseFlags, parseNow } from '../cli-io.js'
import { InputError } from '../errors.js'
import { MAX_REPORT_BYTES, readInputFile, readPolicyFile } from '../io/read-input.js'
import { writeFileAtomic } from '../io/write-file.js'
import { defaultPolicy, loadPolicy } from '../policy/load.js'
import type { Policy } from '../policy/types.js'
import { parseCredentialReport } from '../report/parse.js'
import { TOOL_NAME } from '../version.js'
import { renderReviewJson, renderReviewMarkdown, renderReviewText } from './render.js'
import {
  DEFAULT_MAX_EXEMPTION_DAYS,
  parseMaxExemptionDays,
  reviewPolicies,
  reviewVerdict
} from './review.js'

export const REVIEW_FORMATS = ['table', 'json', 'markdown'] as const
export type ReviewFormat = (typeof REVIEW_FORMATS)[number]

export const REVIEW_USAGE = `Usage: ${TOOL_NAME} review --base OLD.yml --head NEW.yml [options]

Show what changing a policy file from OLD to NEW does: rules disabled or
enabled, severities and thresholds changed, the gate's fail-on-severity,
exemptions added, widened, narrowed or removed. With --report, also the
findings the change hides and reveals in that credential report, and whether
the verdict changes.

Options:
  --base FILE               the policy before the change (omit: the built-in default policy)
  --head FILE               the policy after the change (omit: the built-in default policy)
  --report FILE             credential report CSV to measure the live impact on
  --now ISO-8601            evaluation time, e.g. 2026-11-22T00:00:00Z (default: now)
  --format FORMAT           ${REVIEW_FORMATS.join(' | ')} (default: table)
  --output FILE             write the result to FILE instead of standard output
  --max-exemption-days N    flag exemptions that run longer than N days (default: ${DEFAULT_MAX_EXEMPTION_DAYS})
  --fail-on-weakening       exit 1 when the change weakens the policy
  -h, --help                print this help and exit

Exit codes: 0 reviewed (also when the change weakens the policy, unless
--fail-on-weakening), 1 the change weakens the policy and --fail-on-weakening
was given, 2 bad input (a policy file that does not load, report, flags),
4 internal error.
`

const OPTIONS = {
  base: { type: 'string' },
  head: { type: 'string' },
  report: { type: 'string' },
  now: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  'max-exemption-days': { type: 'string' },
  'fail-on-weakening': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

/**
 * Runs `review` with `argv` (the arguments after `review`); returns the exit
 * code. Never throws.
 */
export async function runReviewCli(argv: readonly string[], io: CliIo): Promise<number> {
  return exitCodeOf(io, () => review(argv, io))
}

async function review(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseFlags(argv, OPTIONS, 'review --help')
  if (values.help) {
    io.stdout(REVIEW_USAGE)
    return EXIT.passed
  }
  if (values.base === undefined && values.head === undefined) {
    throw new InputError('review needs --base FILE, --head FILE or both; see review --help')
  }
  const format = parseFormat(values.format)
  const maxExemptionDays = parseMaxExemptionDays(values['max-exemption-days'])
  const now = values.now === undefined ? io.now() : parseNow(values.now)

  const base = await policyAt(values.base)
  const head = await policyAt(values.head)
  const report =
    values.report === undefined
      ? undefined
      : parseCredentialReport(
          await readInputFile(values.report, 'credential report', MAX_REPORT_BYTES),
          { source: values.report }
        )

  const result = reviewPolicies(base, head, {
    now,
    maxExemptionDays,
    ...(report ? { report } : {})
  })
  const rendered =
    format === 'json'
      ? renderReviewJson(result)
      : format === 'markdown'
        ? renderReviewMarkdown(result, {
            liveUnavailable: 'No credential report was given (--report FILE).'
          })
        : renderReviewText(result)
  if (values.output) {
    try {
      await writeFileAtomic(values.output, rendered)
    } catch (error) {
      throw new InputError(`cannot write ${values.output}: ${(error as Error).message}`)
    }
  } else {
    io.stdout(rendered)
  }

  if (result.weakens && values['fail-on-weakening']) {
    io.stderr(`${TOOL_NAME}: the change ${reviewVerdict(result)} (--fail-on-weakening)\n`)
    return EXIT.failed
  }
  return EXIT.passed
}

async function policyAt(path: string | undefined): Promise<Policy> {
  if (path === undefined) return defaultPolicy()
  const text = await readPolicyFile(path)
  return loadPolicy(text, path)
}

function parseFormat(value: string | undefined): ReviewFormat {
  if (value === undefined) return 'table'
  if ((REVIEW_FORMATS as readonly string[]).includes(value)) return value as ReviewFormat
  throw new InputError(`--format must be one of ${REVIEW_FORMATS.join(', ')}; got '${value}'`)
}
