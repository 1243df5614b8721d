import * as core from '@actions/core'
import type { OutputOutcome } from '../outputs.js'
import { errorCollector } from './collect-errors.js'
import { plannedOutputs, writeOutputs } from '../outputs.js'
import type { RedactMode } from '../redact.js'
import { maskAccountId, redactContext } from '../redact.js'
import { planAnnotations } from '../render/annotations.js'
import type { RenderContext } from '../render/context.js'
import { renderSummary } from '../render/summary.js'
import { formatTimestamp } from '../time.js'
import type { ActionInputs } from './inputs.js'

export type PublishInputs = Pick<ActionInputs, 'jsonFile' | 'sarifFile' | 'remediationFile'> &
  Partial<Pick<ActionInputs, 'redact' | 'maskAwsAccountId'>>

export interface Published {
  /** One sentence per output that could not be written; empty when all were. */
  errors: string[]
  /** The context the public outputs were rendered from (redacted with `redact: users`). */
  shown: RenderContext
}

export interface PublishOptions {
  /** Every user of the report, so redaction tokens do not depend on who has findings. */
  users?: readonly string[]
}

/**
 * Everything a user reads, before the gate decides: the output files
 * (atomically), the step outputs, the job summary and the annotations. Each
 * part is independent: one that fails is reported in `errors` and the others
 * are still written. Never throws.
 *
 * With `redact: users` the summary, annotations, SARIF and JSON name no IAM
 * user (tokens instead); the remediation script is rendered from the real
 * context, as its commands must run. With `mask-aws-account-id` the summary
 * shows the account id as `***` (the log is masked by the runner); SARIF and
 * the `account-id` output keep it.
 */
export async function publish(
  ctx: RenderContext,
  inputs: PublishInputs,
  options: PublishOptions = {}
): Promise<Published> {
  const { errors, attempt } = errorCollector()
  const mode: RedactMode = inputs.redact ?? 'none'
  const shown = redactContext(ctx, mode, { principals: options.users })

  let outcomes: OutputOutcome[] = []
  await attempt('the output files', async () => {
    outcomes = await writeOutputs([
      ...plannedOutputs(shown, { json: inputs.jsonFile, sarif: inputs.sarifFile }),
      ...plannedOutputs(ctx, { remediation: inputs.remediationFile })
    ])
  })
  for (const o of outcomes) if (o.error) errors.push(o.error)

  await attempt('the step outputs', () => setStepOutputs(ctx, outcomes))
  await attempt('the job summary', () => {
    const summary = renderSummary(shown)
    return writeSummary(
      inputs.maskAwsAccountId ? maskAccountId(summary, ctx.evaluation.account.id) : summary
    )
  })
  await attempt('the annotations', () => {
    const policyFile = ctx.policy.source.kind === 'file' ? ctx.policy.source.path : undefined
    for (const a of planAnnotations(shown, { policyFile })) core[a.level](a.message, a.properties)
  })
  return { errors, shown }
}

/** Every output action.yml declares, files included ('' when not written). */
function setStepOutputs(ctx: RenderContext, outcomes: readonly OutputOutcome[]): void {
  const e = ctx.evaluation
  const written = (kind: OutputOutcome['kind']): string =>
    outcomes.find(o => o.kind === kind && !o.error)?.path ?? ''
  const outputs: Record<string, string | number> = {
    result: e.verdict.result,
    'findings-count': e.findings.filter(f => !f.exempted).length,
    'critical-count': e.counts.critical,
    'high-count': e.counts.high,
    'medium-count': e.counts.medium,
    'low-count': e.counts.low,
    'exempted-count': e.exemptedCount,
    'account-id': e.account.id ?? '',
    'report-generated-at':
      ctx.reportGeneratedAt === null ? '' : formatTimestamp(ctx.reportGeneratedAt),
    'json-file': written('json'),
    'sarif-file': written('sarif'),
    'sarif-files': written('sarif'),
    'remediation-file': written('remediation'),
    'accounts-failed': 0
  }
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
}

/**
 * Appends markdown to the job summary. Nothing to do outside a runner that
 * offers one (no GITHUB_STEP_SUMMARY); a summary file the runner set but that
 * cannot be written is an error.
 */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('GITHUB_STEP_SUMMARY is not set: no job summary')
    return
  }
  try {
    await core.summary.addRaw(markdown, true).write()
  } finally {
    core.summary.emptyBuffer()
  }
}
