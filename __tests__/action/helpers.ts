/**
 * Shared pieces of the action's end-to-end tests: a fake endpoint per test,
 * reports built relative to the real clock (the bundle reads it), the SARIF
 * schema, and the expectations every run shares.
 */
import { afterEach, expect } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { reportCsv, rootRow, userRow } from '../support/report-csv.js'
import type { ReportRow } from '../support/report-csv.js'
import { TEST_NOW } from '../support/clock.js'
import { startFakeAws } from '../support/fake-aws.js'
import type { FakeAws, FakeAwsOptions, FakePasswordPolicy } from '../support/fake-aws.js'
import { actionYml, cleanUpRuns, EXAMPLE_POLICY, EXAMPLE_REPORT, runAction } from './run-action.js'
import type { ActionResult, RunActionOptions } from './run-action.js'

export const ACCOUNT = '123456789012'
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/iam-credential-gate`
export const SUB = 'repo:octo-org/octo-repo:ref:refs/heads/main'
export const POLICY_PATH = '.github/iam-credential-policy.yml'

/** A password policy that satisfies the `password-policy` rule's defaults. */
export const GOOD_PASSWORD_POLICY: FakePasswordPolicy = {
  minimumPasswordLength: 14,
  passwordReusePrevention: 24
}

// ---------------------------------------------------------------------------
// One fake endpoint per test, closed after it.

const open: FakeAws[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map(f => f.close()))
  await cleanUpRuns()
})

/** A fake account whose optional checks all pass unless a test says otherwise. */
export async function startFake(options: FakeAwsOptions = {}): Promise<FakeAws> {
  const fake = await startFakeAws({ passwordPolicy: GOOD_PASSWORD_POLICY, ...options })
  open.push(fake)
  return fake
}

/** Requests per action, for readable failures: `{ GenerateCredentialReport: 1, … }`. */
export function tally(fake: FakeAws): Record<string, number> {
  const t: Record<string, number> = {}
  for (const r of fake.requests) t[r.action] = (t[r.action] ?? 0) + 1
  return t
}

/**
 * A report-file audit, with the fake endpoint and the OIDC variables there
 * to be called: it must receive no request at all.
 */
export async function runFileAudit(options: RunActionOptions): Promise<ActionResult> {
  const fake = await startFake()
  const r = await runAction({ ...options, fake, staticCredentials: true })
  expect(fake.requests).toEqual([])
  return r
}

/** The calls of a clean OIDC audit whose findings need no key id. */
export const OIDC_AUDIT_CALLS = {
  OidcToken: 1,
  AssumeRoleWithWebIdentity: 1,
  GenerateCredentialReport: 1,
  GetCredentialReport: 1,
  GetAccountSummary: 1,
  ListVirtualMFADevices: 1,
  GetAccountPasswordPolicy: 1
}

// ---------------------------------------------------------------------------
// Reports relative to the tests' pinned time, at which the bundle evaluates.

const DAY = 86_400_000
/** `+00:00` timestamp `days` days ago (whole seconds). */
export const daysAgo = (days: number): string =>
  new Date(Math.floor((TEST_NOW - days * DAY) / 1000) * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, '+00:00')

/** Root with MFA and no keys, and users that break no default rule. */
export function cleanReport(users = 3): string {
  return reportCsv([
    rootRow({ password_last_used: daysAgo(200) }),
    ...Array.from({ length: users }, (_, i) =>
      userRow(`clean-${i + 1}`, { user_creation_time: daysAgo(400) })
    )
  ])
}

/** One active key on `user`, rotated `rotatedDaysAgo` and used yesterday. */
export function keyUser(user: string, rotatedDaysAgo: number, over: ReportRow = {}): ReportRow {
  return userRow(user, {
    user_creation_time: daysAgo(rotatedDaysAgo + 10),
    access_key_1_active: 'true',
    access_key_1_last_rotated: daysAgo(rotatedDaysAgo),
    access_key_1_last_used_date: daysAgo(1),
    access_key_1_last_used_region: 'us-east-1',
    access_key_1_last_used_service: 'iam',
    ...over
  })
}

/** A console user without MFA: `console-user-mfa` (high). */
export const consoleUserWithoutMfa = (user: string): ReportRow =>
  userRow(user, {
    user_creation_time: daysAgo(300),
    password_enabled: 'true',
    password_last_used: daysAgo(2),
    password_last_changed: daysAgo(30),
    mfa_active: 'false'
  })

/**
 * Breaches the default policy (fail on high): root has an active access key
 * (critical) and dana has a console password without MFA (high); erin's key
 * is due for rotation (medium, below the threshold).
 */
export function breachingReport(): string {
  return reportCsv([
    rootRow({
      password_last_used: daysAgo(200),
      access_key_1_active: 'true',
      access_key_1_last_rotated: daysAgo(400)
    }),
    consoleUserWithoutMfa('dana'),
    keyUser('erin', 120)
  ])
}

/** GetAccountSummary that agrees with `breachingReport` (root keys present). */
export const ROOT_KEYS_PRESENT_SUMMARY = {
  AccountMFAEnabled: 1,
  AccountAccessKeysPresent: 1,
  AccountPasswordPresent: 1,
  AccountSigningCertificatesPresent: 0
}

/** Only a medium finding (erin's key rotation): passes the default policy. */
export const mediumOnlyReport = (): string =>
  reportCsv([rootRow({ password_last_used: daysAgo(200) }), keyUser('erin', 120)])

/** The repository's example report and policy, as a workspace would hold them. */
export function exampleFiles(policyPath = POLICY_PATH): Record<string, string> {
  return {
    'audits/credential-report.csv': readFileSync(EXAMPLE_REPORT, 'utf8'),
    [policyPath]: readFileSync(EXAMPLE_POLICY, 'utf8')
  }
}

// ---------------------------------------------------------------------------
// Outputs

export interface JsonDocument {
  account: { id: string | null }
  report: { source: string; file: string | null; generatedAt: string | null; userCount: number }
  policy: { source: string; file: string | null; failOnSeverity: string }
  findings: {
    ruleId: string
    severity: string
    user: string
    credential: string | null
    keyId: string | null
    exempted: boolean
  }[]
  counts: Record<'critical' | 'high' | 'medium' | 'low' | 'exempted' | 'total', number>
  verdict: { result: string; summary: string }
  warnings: { kind: string; message: string }[]
  notEvaluated: { ruleId: string; reason: string }[]
}

export const readJson = (r: ActionResult, path: string): JsonDocument =>
  JSON.parse(r.readFile(path)) as JsonDocument

/** The step outputs agree with the JSON document. */
export function expectOutputsMatchJson(r: ActionResult, doc: JsonDocument): void {
  const open = doc.findings.filter(f => !f.exempted)
  expect(r.outputs).toMatchObject({
    result: doc.verdict.result,
    'findings-count': String(open.length),
    'critical-count': String(doc.counts.critical),
    'high-count': String(doc.counts.high),
    'medium-count': String(doc.counts.medium),
    'low-count': String(doc.counts.low),
    'exempted-count': String(doc.counts.exempted),
    'account-id': doc.account.id ?? '',
    'report-generated-at': doc.report.generatedAt ?? ''
  })
}

/** Every output action.yml declares was set (the runner shows unset ones as ''). */
export function expectEveryDeclaredOutput(r: ActionResult): void {
  expect(Object.keys(r.outputs).sort()).toEqual(Object.keys(actionYml().outputs).sort())
}

/** The summary's first line: the verdict heading. */
export const summaryHeading = (r: ActionResult): string => r.summary.split('\n')[0] ?? ''

/** What a run that failed before writing anything leaves. */
export function expectNothingWritten(r: ActionResult, preexisting: string[] = []): void {
  expect(r.files.filter(f => !preexisting.includes(f))).toEqual([])
  expect(r.outputs).toEqual({ result: 'error' })
  expect(summaryHeading(r)).toBe('## ⚠️ IAM Credential Gate could not run')
}

/** No module, syntax or unhandled-rejection errors from the bundle on stderr. */
export function expectCleanStderr(r: ActionResult): void {
  expect(r.stderr).not.toMatch(
    /ERR_MODULE_NOT_FOUND|ERR_REQUIRE_ESM|ERR_UNKNOWN_FILE_EXTENSION|SyntaxError|ReferenceError|TypeError|Cannot find module|Dynamic require|UnhandledPromiseRejection|Unhandled/
  )
}

// ---------------------------------------------------------------------------
// SARIF 2.1.0 schema (see __tests__/render/sarif.test.ts for the one fix-up).

const here = dirname(fileURLToPath(import.meta.url))
type AddFormats = (ajv: Ajv2020) => Ajv2020
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats
let sarifValidator: ValidateFunction | undefined

function sarifSchema(): ValidateFunction {
  if (sarifValidator) return sarifValidator
  const schema = JSON.parse(
    readFileSync(join(here, '../fixtures/schemas/sarif-schema-2.1.0.json'), 'utf8')
  ) as { definitions: Record<string, { properties: Record<string, unknown>; anyOf?: unknown }> }
  const region = schema.definitions.region!
  if (Array.isArray(region.properties.anyOf)) {
    region.anyOf = region.properties.anyOf
    delete region.properties.anyOf
  }
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  sarifValidator = ajv.compile(schema)
  return sarifValidator
}

export interface SarifDocument {
  version: string
  runs: {
    automationDetails?: { id: string }
    results: { ruleId: string; message: { text: string } }[]
    properties?: Record<string, unknown>
  }[]
}

/** Parses a SARIF file and checks it against the SARIF 2.1.0 schema. */
export function readSarif(r: ActionResult, path: string): SarifDocument {
  const doc = JSON.parse(r.readFile(path)) as SarifDocument
  const validate = sarifSchema()
  const ok = validate(doc)
  expect(ok ? [] : validate.errors).toEqual([])
  return doc
}
