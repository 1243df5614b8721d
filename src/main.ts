import * as core from '@actions/core'
import { auditAccount } from './action/audit.js'
import type { AccountAudit } from './action/audit.js'
import { reportError } from './action/failure.js'
import type { ReportErrorOptions } from './action/failure.js'
import type { ActionInputs } from './action/inputs.js'
import { readInputs } from './action/inputs.js'
import { actionClock } from './action/clock.js'
import { planOrganization } from './action/discovery.js'
import { accountIdsInInputs, planAccounts, runMultiAccount } from './action/multi-account.js'
import { loadActionPolicy } from './action/policy.js'
import { publish } from './action/publish.js'
import { readGitHubEvent } from './action/github-event.js'
import { readPolicyReviewInputs } from './action/policy-review.js'
import type { PolicyReviewResult } from './action/policy-review.js'
import type { ReportSource } from './action/report-source.js'
import { getReportSource } from './action/report-source.js'
import { runReviewStep } from './action/review-step.js'
import { AccessError } from './errors.js'
import type { RenderContext } from './render/context.js'

export { auditAccount } from './action/audit.js'
export { publish } from './action/publish.js'

/**
 * The action: inputs → policy → credential report → evaluation → every
 * output (files, step outputs, job summary, annotations) → the gate. The
 * outputs are written before the gate fails the step; an error before them
 * fails it with `error: …` and leaves `result` = `error`.
 *
 * Several accounts (`accounts`, `organization`, several `role-to-assume`
 * lines, or `role-chaining`) go through `runMultiAccount`; one role, the default
 * credential chain or a report file keep the single-account outputs.
 */
export async function run(): Promise<void> {
  const masked = new Set<string>()
  const failure: ReportErrorOptions = {}
  try {
    const inputs = { ...readInputs(name => core.getInput(name)), now: actionClock(process.env) }
    failure.redact = inputs.redact
    // Before any log line can name an account.
    const mask = (accountId: string | null): void => {
      if (!inputs.maskAwsAccountId || accountId === null || masked.has(accountId)) return
      core.setSecret(accountId)
      masked.add(accountId)
    }
    for (const id of accountIdsInInputs(inputs)) mask(id)

    const reviewInputs = readPolicyReviewInputs(name => core.getInput(name))
    const event = await readGitHubEvent()
    const onPullRequest = event.name === 'pull_request'

    const listed = inputs.reportFile || inputs.organization ? null : planAccounts(inputs)
    if (listed || inputs.organization) {
      // Several accounts: the review is static (no single report to compare on).
      const review = onPullRequest
        ? await runReviewStep({
            inputs,
            review: reviewInputs,
            event,
            reportUnavailable: 'several accounts are audited; the live impact needs one report'
          })
        : null
      const policy = await loadActionPolicy(inputs)
      // `organization`: the accounts are found now, after the review (which needs no AWS).
      const plan = listed ?? (await planOrganization(inputs, { mask }))
      await runMultiAccount(plan, policy, inputs, { mask })
      failOnWeakening(review)
      return
    }

    // On a pull request the review needs no AWS: a fork's missing OIDC token skips the audit only.
    let source: ReportSource | undefined
    let awsError: AccessError | undefined
    try {
      source = await getReportSource(inputs)
    } catch (error) {
      if (!onPullRequest || !(error instanceof AccessError)) throw error
      awsError = error
    }
    try {
      const review = onPullRequest
        ? await runReviewStep({
            inputs,
            review: reviewInputs,
            event,
            source,
            reportUnavailable: awsError && `AWS was not available: ${awsError.message}`
          })
        : null
      const policy = await loadActionPolicy(inputs)
      if (!source) {
        core.notice(`AWS audit skipped on this pull request: ${awsError?.message ?? 'no report'}`)
        failOnWeakening(review)
        return
      }
      const audit: AccountAudit = await auditAccount(source, policy, inputs)
      mask(audit.ctx.evaluation.account.id)
      const { errors, shown } = await publish(audit.ctx, inputs, { users: audit.users })
      gate(shown, inputs, errors)
      failOnWeakening(review)
    } finally {
      source?.close()
    }
  } catch (error) {
    await reportError(error, { ...failure, maskAccountIds: [...masked] })
  }
}

/** `fail-on-policy-weakening`: the review decided the change weakens the policy. */
function failOnWeakening(review: PolicyReviewResult | null): void {
  if (review?.failed)
    core.setFailed(`policy weakened: ${review.failureMessage ?? 'see the summary'}`)
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
