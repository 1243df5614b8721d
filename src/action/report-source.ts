import * as core from '@actions/core'
import type { IAMClient } from '@aws-sdk/client-iam'
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types'
import type { AccountFacts } from '../account/types.js'
import {
  createIamClient,
  createOidcTokenSource,
  fetchCredentialReport,
  readAccountFacts,
  resolveCredentials,
  resolveKeyIds
} from '../aws/index.js'
import type { OidcTokenSource } from '../aws/index.js'
import type { KeyIdRequest } from '../enrich.js'
import { MAX_REPORT_BYTES, readInputFile } from '../io/read-input.js'
import type { RenderContext } from '../render/context.js'
import { githubIdTokenRequest } from './github-oidc.js'
import type { ActionInputs } from './inputs.js'

/** Key ids by `user/credential`, and one warning per kind of failure. */
export type KeyIdResolver = (
  requests: KeyIdRequest[]
) => Promise<{ keyIds: ReadonlyMap<string, string>; warnings: readonly string[] }>

/** A credential report and what came with it. */
export interface ReportSource {
  /** The CSV bytes. */
  content: Uint8Array
  /** How parse errors name the report: the file path, or "credential report". */
  name: string
  /** When AWS generated the report (epoch ms); null for a file. */
  generatedAt: number | null
  kind: RenderContext['reportSource']
  /** Live-account facts; absent for a file. */
  facts?: AccountFacts
  /** Resolves access key ids; live audits only. */
  keyIds?: KeyIdResolver
  /** Releases the network clients. Safe to call more than once. */
  close(): void
}

export type ReportSourceInputs = Pick<
  ActionInputs,
  | 'reportFile'
  | 'roleToAssume'
  | 'audience'
  | 'roleSessionName'
  | 'roleDurationSeconds'
  | 'awsRegion'
  | 'reportTimeoutSeconds'
> &
  Partial<Pick<ActionInputs, 'accounts'>>

/** The report file when `report-file` is set (no AWS call at all), else the live account. */
export function getReportSource(inputs: ReportSourceInputs): Promise<ReportSource> {
  if (!inputs.reportFile) return reportFromAws(inputs)
  const unused = [
    ...(inputs.roleToAssume ? ['role-to-assume'] : []),
    ...(inputs.accounts?.length ? ['accounts'] : [])
  ]
  if (unused.length > 0) {
    core.info(
      `report-file is set: auditing ${inputs.reportFile} without calling AWS (${unused.join(' and ')} ${unused.length > 1 ? 'are' : 'is'} not used)`
    )
  }
  return reportFromFile(inputs.reportFile)
}

export async function reportFromFile(path: string): Promise<ReportSource> {
  const content = await readInputFile(path, 'credential report', MAX_REPORT_BYTES)
  return { content, name: path, generatedAt: null, kind: { kind: 'file', path }, close() {} }
}

/** Most time STS may take to answer AssumeRoleWithWebIdentity (and GitHub to give a token). */
export const STS_TIMEOUT_SECONDS = 60

/**
 * FOR TESTS ONLY, not an input: real time per nominal millisecond, a number
 * in (0, 1]. The action's tests set it to run every wait, deadline and
 * retry back-off of the AWS and OIDC calls at a fraction of its real
 * length (report-timeout-seconds 20 at 0.05 waits one second), with the
 * same behaviour and messages. Unset (or anything else) in use: 1.
 */
export const TEST_TIME_SCALE_VARIABLE = 'IAM_CREDENTIAL_GATE_TEST_TIME_SCALE'

export function testTimeScale(env: NodeJS.ProcessEnv = process.env): number {
  const scale = Number(env[TEST_TIME_SCALE_VARIABLE])
  return scale > 0 && scale <= 1 ? scale : 1
}

/** The job's OIDC tokens, each bounded by `timeoutSeconds` (retries included). */
export function githubOidcTokens(
  audience: string,
  timeoutSeconds: number,
  log: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env
): OidcTokenSource {
  return createOidcTokenSource({
    audience,
    request: githubIdTokenRequest(env),
    mask: secret => core.setSecret(secret),
    timeoutSeconds,
    log,
    timeScale: testTimeScale(env)
  })
}

/**
 * Credentials (OIDC role or the default chain), then the report and the
 * account facts concurrently. Every AWS call is bounded by
 * `report-timeout-seconds`, so an optional check (or STS) that hangs cannot
 * hold the run longer than the report itself may take.
 */
export async function reportFromAws(inputs: ReportSourceInputs): Promise<ReportSource> {
  const { credentials } = await firstRoleCredentials(inputs, message => core.info(message))
  return reportWithCredentials(credentials, inputs)
}

/**
 * The credentials of `role-to-assume`, assumed with the job's OIDC token
 * (or the default chain without it); STS and the token request are bounded
 * by `report-timeout-seconds` (at most 60 s), the session's keys masked.
 */
export function firstRoleCredentials(
  inputs: Omit<ReportSourceInputs, 'reportFile'>,
  log: (message: string) => void
): ReturnType<typeof resolveCredentials> {
  const timeoutSeconds = Math.min(STS_TIMEOUT_SECONDS, inputs.reportTimeoutSeconds)
  return resolveCredentials({
    roleToAssume: inputs.roleToAssume,
    audience: inputs.audience,
    roleSessionName: inputs.roleSessionName,
    roleDurationSeconds: inputs.roleDurationSeconds,
    region: inputs.awsRegion,
    timeoutSeconds,
    log,
    mask: secret => core.setSecret(secret),
    idToken: githubOidcTokens(inputs.audience, timeoutSeconds, log),
    timeScale: testTimeScale()
  })
}

/**
 * The report and the account facts of the account `credentials` belong to
 * (`undefined`: the SDK's default chain), concurrently. When the report
 * fails, the calls still under way are aborted (not left running, nor
 * retried by the SDK when the client closes) and settle before this
 * rejects: an account that failed holds no request.
 */
export async function reportWithCredentials(
  credentials: AwsCredentialIdentityProvider | undefined,
  inputs: Pick<ActionInputs, 'awsRegion' | 'reportTimeoutSeconds'>,
  log: (message: string) => void = message => core.info(message),
  env: NodeJS.ProcessEnv = process.env
): Promise<ReportSource> {
  const timeScale = testTimeScale(env)
  const client = createIamClient({ region: inputs.awsRegion, credentials, timeScale })
  const close = (): void => client.destroy()
  const abandon = new AbortController()
  const options = { timeoutSeconds: inputs.reportTimeoutSeconds, signal: abandon.signal, timeScale }
  const calls = [
    fetchCredentialReport(client, { ...options, log }),
    readAccountFacts(client, options)
  ] as const
  try {
    const [report, facts] = await Promise.all(calls)
    return {
      content: report.content,
      name: 'credential report',
      generatedAt: report.generatedAt,
      kind: { kind: 'aws' },
      facts,
      keyIds: requests => lookUpKeyIds(client, requests, inputs.reportTimeoutSeconds, timeScale),
      close
    }
  } catch (error) {
    abandon.abort(error)
    await Promise.allSettled(calls)
    close()
    throw error
  }
}

function lookUpKeyIds(
  client: IAMClient,
  requests: KeyIdRequest[],
  timeoutSeconds: number,
  timeScale: number
): ReturnType<KeyIdResolver> {
  return resolveKeyIds(client, requests, {
    timeoutSeconds: Math.min(30, timeoutSeconds),
    totalTimeoutSeconds: timeoutSeconds,
    timeScale
  })
}
