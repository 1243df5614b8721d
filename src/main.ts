import * as core from '@actions/core'
import type { AccountFacts } from './account/types.js'
import type { ActionInputs } from './action/inputs.js'
import { readInputs } from './action/inputs.js'
import {
  createIamClient,
  fetchCredentialReport,
  readAccountFacts,
  resolveCredentials,
  resolveKeyIds
} from './aws/index.js'
import type { KeyIdRequest } from './enrich.js'
import { keyIdRequests, withKeyIds } from './enrich.js'
import { GateError, InputError } from './errors.js'
import { evaluate } from './evaluate.js'
import { MAX_POLICY_BYTES, MAX_REPORT_BYTES, readInputFile } from './io/read-input.js'
import { plannedOutputs, writeOutputs } from './outputs.js'
import { defaultPolicy, loadPolicy } from './policy/load.js'
import type { Policy } from './policy/types.js'
import { planAnnotations } from './render/annotations.js'
import type { RenderContext } from './render/context.js'
import { renderSummary } from './render/summary.js'
import { parseCredentialReport } from './report/parse.js'
import { formatTimestamp } from './time.js'
import { VERSION } from './version.js'

interface ReportSource {
  content: Uint8Array
  generatedAt: number | null
  source: RenderContext['reportSource']
  facts?: AccountFacts
  /** Resolves access key ids for findings; live audits only. */
  keyIds?: (
    requests: KeyIdRequest[]
  ) => Promise<{ keyIds: ReadonlyMap<string, string>; warnings: readonly string[] }>
}

/**
 * The action: inputs → credential report → evaluation → every output file,
 * the job summary, annotations and step outputs → the gate. Outputs are
 * written before the gate fails the step.
 */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs(name => core.getInput(name))
    const now = Date.now()
    const policy = await loadActionPolicy(inputs)
    const source = inputs.reportFile
      ? await reportFromFile(inputs.reportFile)
      : await reportFromAws(inputs)
    const report = parseCredentialReport(source.content, {
      source: inputs.reportFile ?? 'credential report'
    })
    let evaluation = evaluate(report, policy, now, { account: source.facts })
    if (source.keyIds && inputs.resolveKeyIds) {
      const requests = keyIdRequests(evaluation, report)
      if (requests.length > 0) {
        const { keyIds, warnings } = await source.keyIds(requests)
        for (const w of warnings) core.warning(w)
        evaluation = withKeyIds(evaluation, keyIds)
      }
    }
    const ctx: RenderContext = {
      evaluation,
      policy,
      toolVersion: VERSION,
      reportGeneratedAt: source.generatedAt,
      reportSource: source.source,
      now
    }
    warnAboutReportAge(ctx, inputs.maxReportAgeHours)
    await publish(ctx, inputs)
    gate(ctx, inputs)
  } catch (error) {
    if (error instanceof GateError) {
      core.setFailed(`error: ${error.message}`)
    } else {
      core.setFailed(`error: internal: ${(error as Error).stack ?? String(error)}`)
    }
  }
}

async function loadActionPolicy(inputs: ActionInputs): Promise<Policy> {
  const { path, explicit } = inputs.policyFile
  let text: string
  try {
    text = (await readInputFile(path, 'policy file', MAX_POLICY_BYTES)).toString('utf8')
  } catch (error) {
    if (!explicit && error instanceof InputError && /not found$/.test(error.message)) {
      core.notice(`No policy file at ${path}: the built-in default policy applies.`)
      return withFailOn(defaultPolicy(), inputs)
    }
    throw error
  }
  return withFailOn(loadPolicy(text, path), inputs)
}

function withFailOn(policy: Policy, inputs: ActionInputs): Policy {
  return inputs.failOnSeverity ? { ...policy, failOnSeverity: inputs.failOnSeverity } : policy
}

async function reportFromFile(path: string): Promise<ReportSource> {
  const content = await readInputFile(path, 'credential report', MAX_REPORT_BYTES)
  return { content, generatedAt: null, source: { kind: 'file', path } }
}

async function reportFromAws(inputs: ActionInputs): Promise<ReportSource> {
  const { credentials } = await resolveCredentials({
    roleToAssume: inputs.roleToAssume,
    audience: inputs.audience,
    roleSessionName: inputs.roleSessionName,
    roleDurationSeconds: inputs.roleDurationSeconds,
    region: inputs.awsRegion
  })
  const client = createIamClient({ region: inputs.awsRegion, credentials })
  const [report, facts] = await Promise.all([
    fetchCredentialReport(client, {
      timeoutSeconds: inputs.reportTimeoutSeconds,
      log: message => core.info(message)
    }),
    readAccountFacts(client)
  ])
  return {
    content: report.content,
    generatedAt: report.generatedAt,
    source: { kind: 'aws' },
    facts,
    keyIds: requests => resolveKeyIds(client, requests)
  }
}

function warnAboutReportAge(ctx: RenderContext, maxAgeHours: number): void {
  if (ctx.reportGeneratedAt === null) return
  const ageHours = (ctx.now - ctx.reportGeneratedAt) / 3_600_000
  core.info(
    `Credential report generated ${formatTimestamp(ctx.reportGeneratedAt)} (${ageHours.toFixed(1)} hours ago).`
  )
  if (ageHours > maxAgeHours) {
    core.warning(
      `The credential report is ${Math.floor(ageHours)} hours old, more than max-report-age-hours (${maxAgeHours}). AWS regenerates it at most every 4 hours; a fix shows up only in a later report.`
    )
  }
}

/** Files, summary, annotations and step outputs: everything a user reads, before the gate. */
async function publish(ctx: RenderContext, inputs: ActionInputs): Promise<void> {
  const outcomes = await writeOutputs(
    plannedOutputs(ctx, {
      json: inputs.jsonFile,
      sarif: inputs.sarifFile,
      remediation: inputs.remediationFile
    })
  )
  const failedOutputs = outcomes.filter(o => o.error)
  for (const o of failedOutputs) core.error(o.error ?? '')

  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderSummary(ctx), true).write()
  }
  const policyFile = ctx.policy.source.kind === 'file' ? ctx.policy.source.path : undefined
  for (const a of planAnnotations(ctx, { policyFile })) core[a.level](a.message, a.properties)

  const e = ctx.evaluation
  core.setOutput('result', e.verdict.result)
  core.setOutput('findings-count', e.findings.filter(f => !f.exempted).length)
  core.setOutput('critical-count', e.counts.critical)
  core.setOutput('high-count', e.counts.high)
  core.setOutput('medium-count', e.counts.medium)
  core.setOutput('low-count', e.counts.low)
  core.setOutput('exempted-count', e.exemptedCount)
  core.setOutput('account-id', e.account.id ?? '')
  core.setOutput(
    'report-generated-at',
    ctx.reportGeneratedAt === null ? '' : formatTimestamp(ctx.reportGeneratedAt)
  )
  const written = (kind: string): string =>
    outcomes.find(o => o.kind === kind && !o.error)?.path ?? ''
  core.setOutput('json-file', written('json'))
  core.setOutput('sarif-file', written('sarif'))
  core.setOutput('remediation-file', written('remediation'))
  if (failedOutputs.length > 0) {
    throw new InputError(failedOutputs.map(o => o.error).join('; '))
  }
}

function gate(ctx: RenderContext, inputs: ActionInputs): void {
  const { verdict } = ctx.evaluation
  if (verdict.result === 'passed') {
    core.info(verdict.summary)
  } else if (inputs.softFail) {
    core.warning(`policy breached (soft-fail, the step passes): ${verdict.summary}`)
  } else {
    core.setFailed(`policy breached: ${verdict.summary}`)
  }
}
