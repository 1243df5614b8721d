/**
 * Auditing several AWS accounts in one step.
 *
 * The accounts come from `accounts` (ids, with `role-name`) and from the
 * lines of `role-to-assume`. Each account's role is assumed with the job's
 * OIDC token (one token, reused while valid), or, with `role-chaining`,
 * with `sts:AssumeRole` from the first `role-to-assume` role (itself assumed
 * with OIDC) or from the default credential chain. The audits run
 * concurrently, at most `max-concurrency` at a time; one account's failure
 * (access denied, timeout, a report that does not parse) is that account's
 * result and does not stop the others.
 *
 * Then one set of outputs for the run (see `src/render/multi-account.ts`),
 * and the gate: the step fails when an account breaches the policy (unless
 * `soft-fail`) and, always, when an account could not be audited: a
 * security gate must not pass what it could not see.
 */

import * as core from '@actions/core'
import { errorCollector } from './collect-errors.js'
import {
  DEFAULT_CHAIN_PRINCIPAL,
  MAX_CHAINED_SESSION_SECONDS,
  requireOidcEnvironment,
  resolveCredentials,
  validateRoleInputs
} from '../aws/index.js'
import type { ChainSource, OidcTokenSource } from '../aws/index.js'
import { GateError, InputError } from '../errors.js'
import type { OutputFile, OutputOutcome } from '../outputs.js'
import { writeOutputs } from '../outputs.js'
import type { Policy } from '../policy/types.js'
import { maskAccountId, redactContext, redactErrorMessage } from '../redact.js'
import type {
  AccountEntry,
  MultiAccountContext,
  SkippedAccountEntry
} from '../render/multi-account.js'
import {
  multiAccountCounts,
  multiAccountVerdict,
  numberedPaths,
  planMultiAccountAnnotations,
  renderMultiAccountJsonPieces,
  renderMultiAccountSarifPieces,
  renderMultiAccountSummary,
  splitPolicyWarnings,
  withSuffix
} from '../render/multi-account.js'
import { renderRemediationScript } from '../render/remediation.js'
import { formatTimestamp } from '../time.js'
import { VERSION } from '../version.js'
import type { AccountAudit } from './audit.js'
import { auditAccount } from './audit.js'
import { mapWithConcurrency } from './concurrency.js'
import type { ActionInputs } from './inputs.js'
import { writeSummary } from './publish.js'
import type { ReportSource } from './report-source.js'
import {
  githubOidcTokens,
  reportWithCredentials,
  STS_TIMEOUT_SECONDS,
  testTimeScale
} from './report-source.js'

/** One account to audit, and the role that reaches it. */
export interface AccountTarget {
  accountId: string
  roleArn: string
}

export interface AccountPlan {
  /** In the order given: `role-to-assume` lines first, then `accounts`. */
  targets: AccountTarget[]
  /**
   * Role chaining: the role assumed with OIDC whose session assumes the
   * account roles (`roleArn` undefined: the default credential chain).
   * Null without chaining.
   */
  chain: { roleArn?: string } | null
  /** `organization`: the accounts found and not audited (suspended, closing, excluded). */
  skipped?: readonly SkippedAccountEntry[]
}

export type PlanInputs = Pick<
  ActionInputs,
  | 'rolesToAssume'
  | 'accounts'
  | 'roleName'
  | 'roleChaining'
  | 'roleSessionName'
  | 'roleDurationSeconds'
  | 'audience'
> &
  Partial<Pick<ActionInputs, 'organization'>>

const ARN_PARTITION = /^arn:(aws(?:-[a-z]+)*):/
const ARN_ACCOUNT = /^arn:[^:]*:iam::(\d{12}):/

/**
 * The accounts to audit, or null for a single-account run (one role, or the
 * default credential chain) whose outputs keep the single-account shape.
 * Several accounts: `accounts` is set, `role-to-assume` has several lines,
 * or `role-chaining` is on (even when that makes one account: the outputs
 * of a workflow keep one shape whatever its account list holds).
 * With `organization`, `accounts` holds the accounts found (see
 * `planOrganization`) and the `role-to-assume` role, which found them, is
 * not itself a target.
 */
export function planAccounts(inputs: PlanInputs): AccountPlan | null {
  const roles = inputs.rolesToAssume
  const several = inputs.accounts.length > 0 || roles.length > 1 || inputs.roleChaining
  if (!several && !inputs.organization) return null

  const chain = inputs.roleChaining ? { roleArn: roles[0] } : null
  const partition = ARN_PARTITION.exec(roles[0] ?? '')?.[1] ?? 'aws'
  const roleTargets = inputs.roleChaining || inputs.organization ? roles.slice(1) : roles
  const arns = [
    ...roleTargets,
    ...inputs.accounts.map(id => `arn:${partition}:iam::${id}:role/${inputs.roleName ?? ''}`)
  ]
  const check = (roleArn: string) =>
    validateRoleInputs({
      roleToAssume: roleArn,
      roleSessionName: inputs.roleSessionName,
      roleDurationSeconds: inputs.roleDurationSeconds,
      audience: inputs.audience
    })
  if (chain?.roleArn) check(chain.roleArn)

  const targets: AccountTarget[] = []
  const byAccount = new Map<string, string>()
  for (const roleArn of arns) {
    const { accountId } = check(roleArn)
    const earlier = byAccount.get(accountId)
    if (earlier !== undefined) {
      throw new InputError(
        `account ${accountId} is listed twice (${earlier} and ${roleArn}); each account is audited once`
      )
    }
    byAccount.set(accountId, roleArn)
    targets.push({ accountId, roleArn })
  }
  if (targets.length === 0) {
    throw new InputError(
      'role-chaining needs the roles to assume from the first one: set accounts with role-name, ' +
        'or list more role ARNs in role-to-assume (the first line is the role they are assumed from)'
    )
  }
  return { targets, chain }
}

/**
 * Every account id the inputs name (role ARNs, `accounts`, `exclude-accounts`),
 * to mask before any log line.
 */
export function accountIdsInInputs(
  inputs: Pick<ActionInputs, 'rolesToAssume' | 'accounts'> &
    Partial<Pick<ActionInputs, 'excludeAccounts'>>
): string[] {
  const ids = inputs.rolesToAssume
    .map(arn => ARN_ACCOUNT.exec(arn)?.[1])
    .filter((id): id is string => id !== undefined)
  return [...new Set([...ids, ...inputs.accounts, ...(inputs.excludeAccounts ?? [])])]
}

export type MultiAccountInputs = ActionInputs

export interface MultiAccountHooks {
  /** Registers an account id as a secret (`mask-aws-account-id`); a no-op otherwise. */
  mask: (accountId: string | null) => void
  env?: NodeJS.ProcessEnv
}

/** One account's outcome: its audit, or the message that says why there is none. */
export type AccountResult =
  { target: AccountTarget; audit: AccountAudit } | { target: AccountTarget; error: string }

/** Audits every account of the plan, publishes the run's outputs, then decides the gate. */
export async function runMultiAccount(
  plan: AccountPlan,
  policy: Policy,
  inputs: MultiAccountInputs,
  hooks: MultiAccountHooks
): Promise<void> {
  const results = await auditAccounts(plan, policy, inputs, hooks)
  const { errors, context } = await publishMultiAccount(plan, results, policy, inputs)
  gateMultiAccount(context, inputs, errors)
}

/**
 * Credentials for the run (the OIDC token, or the chain's source role),
 * then each account's audit, `max-concurrency` at a time. Failing to get
 * the token or the source role fails the whole run (no account could be
 * audited); anything after that fails only its account.
 */
export async function auditAccounts(
  plan: AccountPlan,
  policy: Policy,
  inputs: MultiAccountInputs,
  hooks: MultiAccountHooks
): Promise<AccountResult[]> {
  const env = hooks.env ?? process.env
  const log = (message: string) => core.info(message)
  const session = {
    audience: inputs.audience,
    roleSessionName: inputs.roleSessionName,
    roleDurationSeconds: inputs.roleDurationSeconds,
    region: inputs.awsRegion,
    timeoutSeconds: Math.min(STS_TIMEOUT_SECONDS, inputs.reportTimeoutSeconds),
    env,
    mask: (secret: string) => core.setSecret(secret),
    timeScale: testTimeScale(env)
  }
  const n = plan.targets.length
  let idToken: OidcTokenSource | undefined
  let chainFrom: ChainSource | undefined
  if (plan.chain) {
    if (plan.chain.roleArn) {
      requireOidcEnvironment(env, plan.chain.roleArn)
      idToken = githubOidcTokens(inputs.audience, session.timeoutSeconds, log, env)
      const source = await resolveCredentials({
        ...session,
        roleToAssume: plan.chain.roleArn,
        idToken,
        log
      })
      chainFrom = {
        credentials: source.credentials,
        principal: source.principal,
        roleArn: plan.chain.roleArn
      }
    } else {
      chainFrom = { credentials: undefined, principal: DEFAULT_CHAIN_PRINCIPAL }
    }
    log(
      `Auditing ${n} account${n === 1 ? '' : 's'}, at most ${inputs.maxConcurrency} at a time, ` +
        `with roles assumed from ${chainFrom.principal} (role chaining)`
    )
    if (inputs.roleDurationSeconds > MAX_CHAINED_SESSION_SECONDS) {
      log(
        `role-duration-seconds is ${inputs.roleDurationSeconds}; AWS limits a chained role session to ` +
          `${MAX_CHAINED_SESSION_SECONDS} s, so the account sessions last ${MAX_CHAINED_SESSION_SECONDS} s (they are renewed when needed)`
      )
    }
  } else {
    requireOidcEnvironment(env, `the roles of ${n} accounts`)
    idToken = githubOidcTokens(inputs.audience, session.timeoutSeconds, log, env)
    // Once, up front: a job without a usable token fails here, not once per account.
    await idToken()
    log(
      `Auditing ${n} accounts, at most ${inputs.maxConcurrency} at a time, each role assumed with the job's OIDC token`
    )
  }

  return mapWithConcurrency(plan.targets, inputs.maxConcurrency, async target => {
    const prefix = `[${target.accountId}] `
    const accountLog = (message: string) => core.info(`${prefix}${message}`)
    let source: ReportSource | undefined
    try {
      const { credentials } = await resolveCredentials({
        ...session,
        roleToAssume: target.roleArn,
        ...(chainFrom ? { chainFrom } : { idToken }),
        log: accountLog
      })
      source = await reportWithCredentials(credentials, inputs, accountLog, env)
      const audit = await auditAccount(source, policy, { ...inputs, log: accountLog })
      const e = audit.ctx.evaluation
      if (e.account.id === null) {
        // A report without rows names no account; the role does.
        audit.ctx = {
          ...audit.ctx,
          evaluation: { ...e, account: { ...e.account, id: target.accountId } }
        }
      }
      hooks.mask(audit.ctx.evaluation.account.id)
      accountLog(audit.ctx.evaluation.verdict.summary)
      return { target, audit }
    } catch (error) {
      const message = accountError(error)
      if (!(error instanceof GateError) && error instanceof Error && error.stack) {
        core.debug(`${prefix}${error.stack}`)
      }
      core.info(
        `${prefix}could not be audited: ${redactErrorMessage(message, inputs.redact ?? 'none')}`
      )
      return { target, error: message }
    } finally {
      source?.close()
    }
  })
}

/** The message of an account's failure: the explained errors' own, never a stack. */
function accountError(error: unknown): string {
  if (error instanceof GateError) return error.message
  const what = error instanceof Error ? error.message : String(error)
  return `internal error (a bug: please report it with this message): ${what}`
}

/**
 * The run's outputs, before the gate: the JSON document, the SARIF files
 * (one run per audited account, at most 20 runs per file), one remediation
 * script per audited account, the step outputs, the job summary and the
 * annotations. As for one account, each part is independent and errors are
 * collected, not thrown.
 */
export async function publishMultiAccount(
  plan: AccountPlan,
  results: readonly AccountResult[],
  policy: Policy,
  inputs: MultiAccountInputs
): Promise<{ errors: string[]; context: MultiAccountContext }> {
  const { errors, attempt } = errorCollector()
  const mode = inputs.redact ?? 'none'

  // The policy's warnings once for the run, from the real contexts (before redaction).
  const auditedResults = results.filter(
    (r): r is Extract<AccountResult, { audit: AccountAudit }> => 'audit' in r
  )
  const split = splitPolicyWarnings(
    auditedResults.map(r => r.audit.ctx),
    policy
  )
  const realCtx = new Map(auditedResults.map((r, i) => [r, split.contexts[i]!]))
  const real: AccountEntry[] = results.map(r =>
    'audit' in r
      ? { kind: 'audited', ...r.target, ctx: realCtx.get(r)! }
      : { kind: 'error', ...r.target, error: r.error }
  )
  const shown: AccountEntry[] = results.map((r, i) => {
    const entry = real[i]!
    if (entry.kind === 'error') return { ...entry, error: redactErrorMessage(entry.error, mode) }
    const users = 'audit' in r ? r.audit.users : []
    return { ...entry, ctx: redactContext(entry.ctx, mode, { principals: users }) }
  })
  const base = {
    policy,
    toolVersion: VERSION,
    now: (inputs.now ?? Date.now)(),
    policyWarnings: split.policyWarnings,
    skipped: plan.skipped ?? []
  }
  const realContext: MultiAccountContext = { ...base, accounts: real }
  const context: MultiAccountContext = { ...base, accounts: shown }

  const files: OutputFile[] = []
  if (inputs.jsonFile) {
    const path = inputs.jsonFile
    files.push({ kind: 'json', path, render: () => renderMultiAccountJsonPieces(context) })
  }
  if (inputs.sarifFile) {
    const logs = renderMultiAccountSarifPieces(context)
    numberedPaths(inputs.sarifFile, logs.length).forEach((path, i) =>
      files.push({ kind: 'sarif', path, render: logs[i]! })
    )
  }
  if (inputs.remediationFile) {
    // The real contexts: the commands must name the real users and keys.
    for (const entry of realContext.accounts) {
      if (entry.kind !== 'audited') continue
      files.push({
        kind: 'remediation',
        path: withSuffix(inputs.remediationFile, `-${entry.accountId}`),
        render: () => renderRemediationScript(entry.ctx)
      })
    }
  }
  let outcomes: OutputOutcome[] = []
  await attempt('the output files', async () => {
    outcomes = await writeOutputs(files)
  })
  for (const o of outcomes) if (o.error) errors.push(o.error)

  await attempt('the step outputs', () => setMultiAccountOutputs(plan, context, outcomes))
  await attempt('the job summary', () => {
    let summary = renderMultiAccountSummary(context)
    if (inputs.maskAwsAccountId) {
      for (const entry of context.accounts) {
        summary = maskAccountId(summary, entry.accountId)
        if (entry.kind === 'audited')
          summary = maskAccountId(summary, entry.ctx.evaluation.account.id)
      }
      for (const s of plan.skipped ?? []) summary = maskAccountId(summary, s.id)
    }
    return writeSummary(summary)
  })
  await attempt('the annotations', () => {
    const policyFile = policy.source.kind === 'file' ? policy.source.path : undefined
    for (const a of planMultiAccountAnnotations(context, { policyFile })) {
      core[a.level](a.message, a.properties)
    }
  })
  return { errors, context }
}

function setMultiAccountOutputs(
  plan: AccountPlan,
  m: MultiAccountContext,
  outcomes: readonly OutputOutcome[]
): void {
  const written = (kind: OutputOutcome['kind']): string[] =>
    outcomes.filter(o => o.kind === kind && !o.error).map(o => o.path)
  const verdict = multiAccountVerdict(m)
  const counts = multiAccountCounts(m)
  const generated = m.accounts.flatMap(a =>
    a.kind === 'audited' && a.ctx.reportGeneratedAt !== null ? [a.ctx.reportGeneratedAt] : []
  )
  const outputs: Record<string, string | number> = {
    result: verdict.result,
    'findings-count': counts.critical + counts.high + counts.medium + counts.low,
    'critical-count': counts.critical,
    'high-count': counts.high,
    'medium-count': counts.medium,
    'low-count': counts.low,
    'exempted-count': counts.exempted,
    'account-id': plan.targets.map(t => t.accountId).join(','),
    // The oldest report: how stale the run's view can be.
    'report-generated-at': generated.length === 0 ? '' : formatTimestamp(Math.min(...generated)),
    'json-file': written('json')[0] ?? '',
    'sarif-file': written('sarif')[0] ?? '',
    'sarif-files': written('sarif').join('\n'),
    'remediation-file': written('remediation').join('\n'),
    'accounts-failed': verdict.accountsFailed
  }
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
}

/**
 * The gate of a multi-account run. An account that could not be audited
 * fails the step whatever `soft-fail` says; a breach fails it unless
 * `soft-fail`; an output that could not be written fails it.
 */
export function gateMultiAccount(
  m: MultiAccountContext,
  inputs: Pick<ActionInputs, 'softFail'>,
  errors: readonly string[]
): void {
  const v = multiAccountVerdict(m)
  const breached = v.accountsBreached > 0
  if (breached && inputs.softFail) {
    core.warning(`policy breached (soft-fail, the step passes on findings): ${v.summary}`)
  } else if (!breached && v.accountsFailed === 0) {
    core.info(v.summary)
  }
  const problems: string[] = []
  if (v.accountsFailed > 0) {
    const ids = m.accounts.filter(a => a.kind === 'error').map(a => a.accountId)
    problems.push(
      `${v.accountsFailed} of ${v.accounts} accounts could not be audited (${ids.join(', ')}); ` +
        'an account that could not be audited fails the step, also with soft-fail'
    )
  }
  problems.push(...errors)
  if (problems.length > 0) {
    if (breached && !inputs.softFail) core.error(`policy breached: ${v.summary}`)
    core.setFailed(`error: ${problems.join('; ')}`)
  } else if (breached && !inputs.softFail) {
    core.setFailed(`policy breached: ${v.summary}`)
  }
}
