import * as core from '@actions/core'
import { GateError } from '../errors.js'
import { reportTextRedactor } from '../redact.js'
import { MAX_REPORT_BYTES } from '../io/read-input.js'
import { parseCredentialReport } from '../report/parse.js'
import type { CredentialReport } from '../report/types.js'
import type { PolicyReviewInputs, PolicyReviewResult } from './policy-review.js'
import { reviewPolicyChange } from './policy-review.js'
import type { ActionInputs } from './inputs.js'
import { writeSummary } from './publish.js'
import type { ReportSource } from './report-source.js'

/** Annotations per level the review may use, leaving room for the audit's own. */
const REVIEW_ANNOTATIONS_PER_LEVEL = 5

export interface ReviewStepOptions {
  inputs: ActionInputs
  review: PolicyReviewInputs
  event: { name: string; payload: unknown }
  /** The account's report, when AWS (or `report-file`) gave one: enables the live impact. */
  source?: ReportSource
  /** Why there is no report, for the summary. */
  reportUnavailable?: string
}

/**
 * On a `pull_request` that changes the policy file: the review's
 * annotations, its summary section and, when asked, the PR comment. Null
 * when there is nothing to review. The head policy's own validation errors
 * are annotated by the audit step, which loads the same file.
 */
export async function runReviewStep(
  options: ReviewStepOptions
): Promise<PolicyReviewResult | null> {
  const { inputs, review, event, source } = options
  let report: CredentialReport | undefined
  let reportUnavailable = options.reportUnavailable
  if (source) {
    try {
      report = parseCredentialReport(source.content, {
        source: source.name,
        maxBytes: MAX_REPORT_BYTES
      })
    } catch (error) {
      if (!(error instanceof GateError)) throw error
      reportUnavailable = error.message
    }
  }
  const result = await reviewPolicyChange({
    policyPath: inputs.policyFile.path,
    workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    event: event.payload,
    eventName: event.name,
    token: review.token,
    apiUrl: process.env.GITHUB_API_URL,
    report,
    accountFacts: source?.facts,
    reportUnavailable,
    now: (inputs.now ?? Date.now)(),
    maxExemptionDays: review.maxExemptionDays,
    prComment: review.prComment,
    failOnWeakening: review.failOnWeakening,
    sink: core,
    maxAnnotationsPerLevel: REVIEW_ANNOTATIONS_PER_LEVEL,
    // Evaluate on real names (exemption globs must match); redact what is written.
    redactText: report ? reportTextRedactor(report, inputs.redact) : undefined,
    annotateProblems: false
  })
  if (result) await writeSummary(result.markdown)
  return result
}
