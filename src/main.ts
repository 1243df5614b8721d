import * as core from '@actions/core'
import { auditAccount } from './action/audit.js'
import { reportError } from './action/failure.js'
import type { ActionInputs } from './action/inputs.js'
import { readInputs } from './action/inputs.js'
import { loadActionPolicy } from './action/policy.js'
import { publish } from './action/publish.js'
import { getReportSource } from './action/report-source.js'
import type { RenderContext } from './render/context.js'

export { auditAccount } from './action/audit.js'
export { publish } from './action/publish.js'

/**
 * The action: inputs → policy → credential report → evaluation → every
 * output (files, step outputs, job summary, annotations) → the gate. The
 * outputs are written before the gate fails the step; an error before them
 * fails it with `error: …` and leaves `result` = `error`.
 */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs(name => core.getInput(name))
    const policy = await loadActionPolicy(inputs)
    const source = await getReportSource(inputs)
    let ctx: RenderContext
    try {
      ctx = await auditAccount(source, policy, inputs)
    } finally {
      source.close()
    }
    const { errors } = await publish(ctx, inputs)
    gate(ctx, inputs, errors)
  } catch (error) {
    await reportError(error)
  }
}

/** Fails the step on output errors, or on a breached policy unless `soft-fail`. */
function gate(ctx: RenderContext, inputs: ActionInputs, errors: readonly string[]): void {
  const { verdict } = ctx.evaluation
  const breached = verdict.result === 'failed'
  if (breached && inputs.softFail) {
    core.warning(`policy breached (soft-fail, the step passes): ${verdict.summary}`)
  } else if (!breached) {
    core.info(verdict.summary)
  }
  if (errors.length > 0) {
    if (breached && !inputs.softFail) core.error(`policy breached: ${verdict.summary}`)
    core.setFailed(`error: ${errors.join('; ')}`)
  } else if (breached && !inputs.softFail) {
    core.setFailed(`policy breached: ${verdict.summary}`)
  }
}
