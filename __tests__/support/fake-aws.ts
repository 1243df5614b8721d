/**
 * A local stand-in for IAM, STS and the GitHub Actions OIDC token service.
 *
 * One HTTP server on 127.0.0.1 (random port) speaks the AWS Query protocol
 * (form-encoded POST, XML responses) for the IAM and STS actions the action
 * uses, routed by `Action`, and serves `GET /oidc/token?api-version=2.0&audience=…`
 * the way `ACTIONS_ID_TOKEN_REQUEST_URL` does. The real AWS SDK and
 * `@actions/core` talk real HTTP to it: point `AWS_ENDPOINT_URL_IAM`,
 * `AWS_ENDPOINT_URL_STS`, `ACTIONS_ID_TOKEN_REQUEST_URL` and
 * `ACTIONS_ID_TOKEN_REQUEST_TOKEN` at it (see `FakeAws.env`).
 *
 * Every request is recorded. SigV4 signatures are verified against the keys
 * the fake knows (the static test key and every session it issued), so a test
 * can assert which key signed a call. Faults (throttling, 5xx, report states,
 * access denied, hangs, malformed bodies) are switched on per action and per
 * call.
 *
 * One fake can stand for several AWS accounts (`accounts`): a role belongs
 * to the account in its ARN, AssumeRoleWithWebIdentity and AssumeRole hand
 * out sessions bound to that account, and each IAM call is answered from the
 * account of the key that signed it, with that account's own report, facts,
 * report state and faults. Keys that belong to no listed account (the static
 * key, or a role in an unlisted account) see the top-level options, as a
 * single-account fake always did.
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { TEST_NOW } from './clock.js'

export const IAM_VERSION = '2010-05-08'
export const STS_VERSION = '2011-06-15'

export const IAM_ACTIONS = [
  'GenerateCredentialReport',
  'GetCredentialReport',
  'GetAccountSummary',
  'ListVirtualMFADevices',
  'GetAccountPasswordPolicy',
  'ListAccessKeys'
] as const
export const STS_ACTIONS = ['AssumeRoleWithWebIdentity', 'AssumeRole', 'GetCallerIdentity'] as const

export type IamAction = (typeof IAM_ACTIONS)[number]
export type StsAction = (typeof STS_ACTIONS)[number]
/** `OidcToken` is the GitHub OIDC token endpoint. */
export type FakeAction = IamAction | StsAction | OrganizationsAction | 'OidcToken'

/** The static key the default credential chain should use against the fake. */
export const FAKE_STATIC_CREDENTIALS = {
  accessKeyId: 'AKIAFAKESTATIC000001',
  secretAccessKey: 'fake/static/secret/key/0000000000000000'
} as const

export const DEFAULT_ACCOUNT_ID = '123456789012'
export const DEFAULT_SUBJECT = 'repo:octo-org/octo-repo:ref:refs/heads/main'

// ---------------------------------------------------------------------------
// Faults

/** An AWS error response: `<ErrorResponse><Error><Type/><Code/><Message/></Error>…`. */
export interface ErrorFault {
  status: number
  code: string
  message?: string
  /** `Sender` (default for 4xx) or `Receiver` (default for 5xx). */
  type?: 'Sender' | 'Receiver'
}
/** Accept the request and never answer (the socket is destroyed on `close()`). */
export interface HangFault {
  hang: true
}
/** Answer 200 with a body that is not the expected XML (or JSON for the OIDC endpoint). */
export interface MalformedFault {
  malformed: true | string
}
/** `null` / `undefined`: answer normally. */
export type Fault = ErrorFault | HangFault | MalformedFault | null | undefined

export interface FaultContext {
  action: FakeAction
  params: Record<string, string>
  /** 1-based number of this call among calls to the same action. */
  call: number
  request: RecordedRequest
}
/** A list is consumed in order, one entry per call; a function decides for every call. */
export type FaultSpec = readonly Fault[] | ((ctx: FaultContext) => Fault)
export type FaultMap = Partial<Record<FakeAction, FaultSpec>>

/** Ready-made faults with the status codes and codes AWS uses. */
export const FAULT = {
  throttling: { status: 400, code: 'Throttling', message: 'Rate exceeded' },
  serviceFailure: {
    status: 500,
    code: 'ServiceFailure',
    message: 'The request processing has failed because of an unknown error.'
  },
  limitExceeded: {
    status: 409,
    code: 'LimitExceeded',
    message: 'Credential report generation is already in progress for this account.'
  },
  reportInProgress: {
    status: 404,
    code: 'ReportInProgress',
    message: 'Report generation in progress'
  },
  reportNotPresent: {
    status: 410,
    code: 'ReportNotPresent',
    message: 'Credential report not present. Call GenerateCredentialReport first.'
  },
  reportExpired: {
    status: 410,
    code: 'ReportExpired',
    message: 'Credential report has expired. Call GenerateCredentialReport again.'
  },
  noSuchEntity: { status: 404, code: 'NoSuchEntity', message: 'The entity cannot be found.' },
  /** AccessDenied as IAM words it for `action` (e.g. `iam:GetCredentialReport`). */
  accessDenied: (action: string, principal = 'arn:aws:sts::123456789012:assumed-role/audit/gha') =>
    ({
      status: 403,
      code: 'AccessDenied',
      message: `User: ${principal} is not authorized to perform: ${action} on resource: * because no identity-based policy allows the ${action} action`
    }) satisfies ErrorFault,
  hang: { hang: true },
  malformed: { malformed: true }
} as const satisfies Record<string, Fault | ((...args: never[]) => Fault)>

/**
 * A GetCredentialReport answer that parses but lacks a field (`Content` by
 * default): what a body cut short, or a proxy rewriting it, looks like.
 */
export function reportAnswerWithout(
  field: 'Content' | 'GeneratedTime' = 'Content',
  report = 'user,arn\n',
  generatedAt = new Date()
): MalformedFault {
  const result: Record<string, XmlValue> = {
    Content: Buffer.from(report).toString('base64'),
    ReportFormat: 'text/csv',
    GeneratedTime: generatedAt
  }
  delete result[field]
  return { malformed: successXml('iam', 'GetCredentialReport', result, randomUUID()) }
}

// ---------------------------------------------------------------------------
// Options and recorded requests

export type ReportState = 'STARTED' | 'INPROGRESS' | 'COMPLETE'

export interface FakeAccessKey {
  accessKeyId: string
  status?: 'Active' | 'Inactive'
  /** ISO 8601 or epoch ms. */
  createDate: string | number
}

export interface FakeVirtualMfaDevice {
  serialNumber: string
  /** The user's ARN; the root ARN for the root user's device. Omit for an unassigned device. */
  userArn?: string
  userName?: string
}

export interface FakePasswordPolicy {
  minimumPasswordLength?: number
  passwordReusePrevention?: number
  requireSymbols?: boolean
  requireNumbers?: boolean
  requireUppercaseCharacters?: boolean
  requireLowercaseCharacters?: boolean
  allowUsersToChangePassword?: boolean
  expirePasswords?: boolean
  maxPasswordAge?: number
  hardExpiry?: boolean
}

/**
 * What one account of a multi-account fake serves. Fields left out fall back
 * to the fake's top-level options, except `report` (default: a root-only
 * report of this account), `faults` (this account's own; the top-level
 * faults apply to every account as well) and the report state.
 */
export interface FakeAccountOptions {
  report?: string | Uint8Array
  reportGeneratedAt?: string | number | Date
  generateStates?: readonly ReportState[]
  reportPresent?: boolean
  summary?: Record<string, number>
  virtualMfaDevices?: readonly FakeVirtualMfaDevice[]
  passwordPolicy?: FakePasswordPolicy | null
  accessKeys?: Record<string, readonly FakeAccessKey[]>
  latencyMs?: number | Partial<Record<FakeAction, number>>
  /**
   * Faults of this account's calls: IAM calls signed by its sessions, and
   * AssumeRoleWithWebIdentity / AssumeRole of its roles. Numbered per account.
   */
  faults?: FaultMap
}

export interface FakeAwsOptions {
  accountId?: string
  /**
   * More accounts, by 12-digit id (see `FakeAccountOptions`). A role
   * `arn:aws:iam::<id>:role/…` belongs to account `<id>`.
   */
  accounts?: Record<string, FakeAccountOptions>
  /** CSV of the credential report. Default: a report with the root row only. */
  report?: string | Uint8Array
  /** `GeneratedTime` of the report. Default: the tests' pinned time (`TEST_NOW`). */
  reportGeneratedAt?: string | number | Date
  /**
   * States returned by successive `GenerateCredentialReport` calls; the last
   * one repeats. Default `['COMPLETE']`.
   */
  generateStates?: readonly ReportState[]
  /**
   * Whether a report already exists before any Generate call. `GetCredentialReport`
   * answers `ReportNotPresent` when none exists and no generation is running,
   * and `ReportInProgress` while one is. Default false.
   */
  reportPresent?: boolean
  /** `SummaryMap` of GetAccountSummary. Default: root has MFA, no keys, a password. */
  summary?: Record<string, number>
  /** All virtual MFA devices; ListVirtualMFADevices filters by `AssignmentStatus`. */
  virtualMfaDevices?: readonly FakeVirtualMfaDevice[]
  /** Page size of ListVirtualMFADevices and ListAccessKeys (`MaxItems` caps it further). Default 100. */
  pageSize?: number
  /** `null` (default): `NoSuchEntity` (404), as for an account without a password policy. */
  passwordPolicy?: FakePasswordPolicy | null
  /** ListAccessKeys per user name. A user not listed gets `NoSuchEntity`. */
  accessKeys?: Record<string, readonly FakeAccessKey[]>
  /** `sub` claim of issued OIDC tokens. Default `repo:octo-org/octo-repo:ref:refs/heads/main`. */
  subject?: string
  /** Extra claims merged into issued OIDC tokens. */
  claims?: Record<string, unknown>
  /** The bearer token the OIDC endpoint expects. Default: random. */
  oidcRequestToken?: string
  /**
   * Trust policy conditions of every role: AssumeRoleWithWebIdentity answers
   * AccessDenied when the token's `aud` / `sub` do not match (a string, `*`
   * wildcards allowed, or a RegExp). Omit to trust any well-formed token.
   */
  trust?: { aud?: string | RegExp; sub?: string | RegExp }
  /** Roles that exist; AssumeRoleWithWebIdentity of any other ARN is AccessDenied. Default: any. */
  roles?: readonly string[]
  /**
   * `verify` (default): IAM and signed STS calls must carry a valid SigV4
   * signature by a known key (`FAKE_STATIC_CREDENTIALS`, `knownKeys`, or a
   * session this fake issued, with its session token), else 403 like AWS.
   * `record`: accept anything, still record what was checked.
   */
  signatures?: 'verify' | 'record'
  /** More access key id → secret pairs accepted as signers. */
  knownKeys?: Record<string, string>
  /** Lifetime of issued sessions; default the requested `DurationSeconds`. */
  sessionLifetimeSeconds?: number
  /** Delay before answering (all actions, or per action), e.g. to observe concurrency. */
  latencyMs?: number | Partial<Record<FakeAction, number>>
  faults?: FaultMap
  /**
   * The AWS organization the Organizations endpoint serves (see
   * `FakeOrganization`). Absent: every Organizations call answers
   * `AWSOrganizationsNotInUseException`, as for an account in no organization.
   */
  organization?: FakeOrganization
}

export type SignatureCheck = 'valid' | 'invalid' | 'unknown-key' | 'unsigned' | 'bad-session-token'

export interface RecordedRequest {
  /** Order of arrival, from 0. */
  seq: number
  time: number
  service: 'iam' | 'sts' | 'oidc' | 'organizations' | 'unknown'
  /** The `Action` parameter, `OidcToken`, or `''` when missing. */
  action: string
  method: string
  path: string
  params: Record<string, string>
  headers: IncomingHttpHeaders
  body: string
  /** Access key id from the `Authorization` header's `Credential=` scope. */
  accessKeyId: string | null
  /** `date/region/service/aws4_request` from the `Authorization` header. */
  credentialScope: string | null
  signature: SignatureCheck
  /** What the fake did: `ok`, the error code sent, `hang` or `malformed`. */
  outcome: string
  status: number | null
  /**
   * The account the call concerned: the signing session's account for IAM,
   * the role's account for AssumeRole*, the top-level account for a key that
   * belongs to no session; null when unknown (OIDC, unsigned).
   */
  account: string | null
}

export interface IssuedToken {
  jwt: string
  audience: string
  claims: Record<string, unknown>
}

export interface IssuedSession {
  roleArn: string
  /** The role's account, which the session's IAM calls are answered from. */
  accountId: string
  /** `AssumeRoleWithWebIdentity` or `AssumeRole` (role chaining). */
  via: 'AssumeRoleWithWebIdentity' | 'AssumeRole'
  sessionName: string
  /** The OIDC token it was assumed with; '' for AssumeRole. */
  webIdentityToken: string
  /** AssumeRole only: the access key id that signed the request. */
  sourceAccessKeyId?: string
  accessKeyId: string
  secretAccessKey: string
  sessionToken: string
  expiration: Date
  assumedRoleArn: string
}

export interface FakeAws {
  /** `http://127.0.0.1:PORT`; IAM and STS both live at `/`. */
  url: string
  port: number
  /** Value for `ACTIONS_ID_TOKEN_REQUEST_URL` (already has `?api-version=2.0`). */
  oidcUrl: string
  /** Value for `ACTIONS_ID_TOKEN_REQUEST_TOKEN`. */
  oidcRequestToken: string
  /** The endpoint and OIDC variables the action needs (not the AWS keys). */
  env: Record<string, string>
  /** `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` for `FAKE_STATIC_CREDENTIALS`. */
  staticCredentialsEnv: Record<string, string>
  /** Every request, in arrival order. */
  requests: RecordedRequest[]
  /** Requests for one action (or `OidcToken`). */
  requestsFor(action: FakeAction): RecordedRequest[]
  /** How many requests an action received (all actions when omitted). */
  count(action?: FakeAction): number
  /**
   * Most requests of one action (or of all) that were in flight at the same
   * time; with `account`, only that account's requests.
   */
  peakInFlight(action?: FakeAction, account?: string): number
  /** Requests of one action (or of all) in flight now: received and not yet answered or dropped. */
  inFlightNow(action?: FakeAction): number
  /** Requests of one account (see `RecordedRequest.account`), optionally of one action. */
  requestsOf(account: string, action?: FakeAction): RecordedRequest[]
  tokens: IssuedToken[]
  sessions: IssuedSession[]
  /** Replace options after start (e.g. a new report); merges shallowly. */
  configure(options: Partial<FakeAwsOptions>): void
  /** Set or replace the faults of one action; call numbering restarts. */
  setFaults(action: FakeAction, spec: FaultSpec | undefined): void
  /** Forget recorded requests and in-flight peaks (not issued tokens, sessions or report state). */
  clearRequests(): void
  close(): Promise<void>
}

// ---------------------------------------------------------------------------
// XML

type XmlValue =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | XmlValue[]
  | Map<string, string | number>
  | { [key: string]: XmlValue }

const escapeXml = (s: string): string =>
  s.replace(/[<>&'"]/g, c =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === "'" ? '&apos;' : '&quot;'
  )

export const isoSeconds = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z')

function xml(value: XmlValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return isoSeconds(value)
  if (Array.isArray(value)) return value.map(v => `<member>${xml(v)}</member>`).join('')
  if (value instanceof Map) {
    return [...value]
      .map(
        ([k, v]) =>
          `<entry><key>${escapeXml(k)}</key><value>${escapeXml(String(v))}</value></entry>`
      )
      .join('')
  }
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${xml(v)}</${k}>`)
      .join('')
  }
  return escapeXml(String(value))
}

const namespaceOf = (service: 'iam' | 'sts'): string =>
  service === 'iam'
    ? `https://iam.amazonaws.com/doc/${IAM_VERSION}/`
    : `https://sts.amazonaws.com/doc/${STS_VERSION}/`

function successXml(
  service: 'iam' | 'sts',
  action: string,
  result: XmlValue,
  requestId: string
): string {
  const inner = result === undefined ? '' : `<${action}Result>${xml(result)}</${action}Result>`
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<${action}Response xmlns="${namespaceOf(service)}">${inner}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  )
}

function errorXml(service: 'iam' | 'sts', fault: ErrorFault, requestId: string): string {
  const type = fault.type ?? (fault.status >= 500 ? 'Receiver' : 'Sender')
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<ErrorResponse xmlns="${namespaceOf(service)}"><Error><Type>${type}</Type>` +
    `<Code>${escapeXml(fault.code)}</Code><Message>${escapeXml(fault.message ?? fault.code)}</Message>` +
    `</Error><RequestId>${requestId}</RequestId></ErrorResponse>`
  )
}

// ---------------------------------------------------------------------------
// JWT (well-formed, not verifiable: the signature is random bytes)

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url')

export function makeJwt(claims: Record<string, unknown>): string {
  const header = { alg: 'RS256', typ: 'JWT', kid: 'fake-aws-test-key' }
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}.${b64url(randomBytes(64))}`
}

export function decodeJwtPayload(jwt: string): Record<string, unknown> | null {
  const parts = jwt.split('.')
  if (parts.length !== 3 || !parts[1]) return null
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function matches(pattern: string | RegExp, value: unknown): boolean {
  if (typeof value !== 'string') return false
  if (pattern instanceof RegExp) return pattern.test(value)
  const re = new RegExp(
    '^' +
      pattern
        .split('*')
        .map(s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$'
  )
  return re.test(value)
}

// ---------------------------------------------------------------------------
// SigV4

interface ParsedAuthorization {
  accessKeyId: string
  scope: string
  date: string
  region: string
  service: string
  signedHeaders: string[]
  signature: string
}

function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  if (!header) return null
  const m =
    /^AWS4-HMAC-SHA256\s+Credential=([^/]+)\/([^,]+),\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]+)$/.exec(
      header.trim()
    )
  if (!m) return null
  const [, accessKeyId, scope, signedHeaders, signature] = m as unknown as [
    string,
    string,
    string,
    string,
    string
  ]
  const [date = '', region = '', service = ''] = scope.split('/')
  return {
    accessKeyId,
    scope,
    date,
    region,
    service,
    signedHeaders: signedHeaders.split(';'),
    signature
  }
}

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex')
const hmac = (key: string | Buffer, data: string): Buffer =>
  createHmac('sha256', key).update(data).digest()

function encodeRfc3986(s: string): string {
  return encodeURIComponent(s).replace(
    /[!'()*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
}

function expectedSignature(
  req: { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer },
  auth: ParsedAuthorization,
  secret: string
): string {
  const [rawPath = '/', rawQuery = ''] = req.path.split('?')
  const canonicalUri =
    rawPath
      .split('/')
      .map(seg => encodeRfc3986(decodeURIComponent(seg)))
      .join('/') || '/'
  const canonicalQuery = [...new URLSearchParams(rawQuery)]
    .map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  const canonicalHeaders = auth.signedHeaders
    .map(name => {
      const raw = req.headers[name]
      const value = Array.isArray(raw) ? raw.join(',') : (raw ?? '')
      return `${name}:${value.trim().replace(/\s+/g, ' ')}\n`
    })
    .join('')
  const payloadHashHeader = req.headers['x-amz-content-sha256']
  const payloadHash =
    typeof payloadHashHeader === 'string' ? payloadHashHeader : sha256Hex(req.body)
  const canonicalRequest = [
    req.method,
    canonicalUri,
    canonicalQuery,
    canonicalHeaders,
    auth.signedHeaders.join(';'),
    payloadHash
  ].join('\n')
  const amzDate = String(req.headers['x-amz-date'] ?? '')
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, auth.scope, sha256Hex(canonicalRequest)].join(
    '\n'
  )
  const kDate = hmac(`AWS4${secret}`, auth.date)
  const kRegion = hmac(kDate, auth.region)
  const kService = hmac(kRegion, auth.service)
  const kSigning = hmac(kService, 'aws4_request')
  return createHmac('sha256', kSigning).update(stringToSign).digest('hex')
}

// ---------------------------------------------------------------------------
// Server

/** A report with the root row only (MFA on, no keys) of `account`. */
export function defaultReportCsv(account = DEFAULT_ACCOUNT_ID): string {
  return (
    'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n' +
    `<root_account>,arn:aws:iam::${account}:root,2020-01-01T00:00:00+00:00,not_supported,2026-01-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n`
  )
}

const DEFAULT_REPORT_CSV = defaultReportCsv()

const DEFAULT_SUMMARY: Record<string, number> = {
  Users: 0,
  UsersQuota: 5000,
  Groups: 0,
  Roles: 1,
  MFADevices: 1,
  MFADevicesInUse: 1,
  AccountMFAEnabled: 1,
  AccountAccessKeysPresent: 0,
  AccountPasswordPresent: 1,
  AccountSigningCertificatesPresent: 0,
  AccessKeysPerUserQuota: 2
}

const STATE_DESCRIPTIONS: Record<ReportState, string> = {
  STARTED: 'No report exists. Starting a new report generation task',
  INPROGRESS: 'Report generation in progress',
  COMPLETE: 'Report generation complete'
}

function toDate(v: string | number | Date): Date {
  return v instanceof Date ? v : new Date(v)
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

class HttpError {
  constructor(readonly fault: ErrorFault) {}
}

export async function startFakeAws(initial: FakeAwsOptions = {}): Promise<FakeAws> {
  const startedAt = new Date()
  let options: FakeAwsOptions = { ...initial }
  const oidcRequestToken = initial.oidcRequestToken ?? `fake-oidc-request-${randomUUID()}`
  const requests: RecordedRequest[] = []
  const tokens: IssuedToken[] = []
  const sessions: IssuedSession[] = []
  const faultSpecs = new Map<FakeAction, FaultSpec>(
    Object.entries(initial.faults ?? {}) as [FakeAction, FaultSpec][]
  )
  const faultCalls = new Map<FakeAction, number>()
  const sockets = new Set<Socket>()
  const hanging = new Set<ServerResponse>()
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const inFlight = new Map<string, number>()
  const peaks = new Map<string, number>()
  const track = (key: string, delta: number): void => {
    const n = (inFlight.get(key) ?? 0) + delta
    inFlight.set(key, n)
    if (n > (peaks.get(key) ?? 0)) peaks.set(key, n)
  }

  // Report state machine, per account ('' is the top-level account).
  interface ReportStateMachine {
    generateCalls: number
    reportPresent: boolean
    generating: boolean
  }
  const states = new Map<string, ReportStateMachine>()
  const stateOf = (key: string): ReportStateMachine => {
    let st = states.get(key)
    if (!st) {
      const present = key === '' ? options.reportPresent : options.accounts?.[key]?.reportPresent
      st = { generateCalls: 0, reportPresent: present ?? false, generating: false }
      states.set(key, st)
    }
    return st
  }

  const accountId = (): string => options.accountId ?? DEFAULT_ACCOUNT_ID
  /** The key of a listed account, or '' for the top-level one. */
  const accountKey = (account: string | null): string =>
    account !== null && options.accounts?.[account] ? account : ''

  /** What one account serves: its own options over the top-level ones. */
  interface AccountView {
    id: string
    key: string
    opts: FakeAwsOptions
    state: ReportStateMachine
  }
  function viewOf(account: string | null): AccountView {
    const key = accountKey(account)
    if (key === '') return { id: accountId(), key, opts: options, state: stateOf('') }
    const own = options.accounts![key]!
    const opts: FakeAwsOptions = {
      ...options,
      ...own,
      report: own.report ?? defaultReportCsv(key),
      faults: undefined
    }
    return { id: key, key, opts, state: stateOf(key) }
  }

  const accountFaultCalls = new Map<string, number>()
  function nextFault(action: FakeAction, request: RecordedRequest): Fault {
    const spec = faultSpecs.get(action)
    const call = (faultCalls.get(action) ?? 0) + 1
    faultCalls.set(action, call)
    if (spec) {
      const fault =
        typeof spec === 'function'
          ? spec({ action, params: request.params, call, request })
          : (spec as readonly Fault[])[call - 1]
      if (fault) return fault
    }
    const key = accountKey(request.account)
    const own = key === '' ? undefined : options.accounts?.[key]?.faults?.[action]
    if (!own) return undefined
    const counter = `${key}|${action}`
    const n = (accountFaultCalls.get(counter) ?? 0) + 1
    accountFaultCalls.set(counter, n)
    return typeof own === 'function'
      ? own({ action, params: request.params, call: n, request })
      : (own as readonly Fault[])[n - 1]
  }

  function knownSecret(accessKeyId: string): { secret: string; sessionToken?: string } | null {
    if (accessKeyId === FAKE_STATIC_CREDENTIALS.accessKeyId) {
      return { secret: FAKE_STATIC_CREDENTIALS.secretAccessKey }
    }
    const extra = options.knownKeys?.[accessKeyId]
    if (extra !== undefined) return { secret: extra }
    const session = sessions.find(s => s.accessKeyId === accessKeyId)
    return session ? { secret: session.secretAccessKey, sessionToken: session.sessionToken } : null
  }

  function checkSignature(
    req: { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer },
    auth: ParsedAuthorization | null
  ): SignatureCheck {
    if (!auth) return 'unsigned'
    const known = knownSecret(auth.accessKeyId)
    if (!known) return 'unknown-key'
    if (
      known.sessionToken !== undefined &&
      req.headers['x-amz-security-token'] !== known.sessionToken
    ) {
      return 'bad-session-token'
    }
    return expectedSignature(req, auth, known.secret) === auth.signature ? 'valid' : 'invalid'
  }

  // ---- IAM handlers
  const iamHandlers: Record<
    IamAction,
    (params: Record<string, string>, view: AccountView) => XmlValue
  > = {
    GenerateCredentialReport: (_params, { opts: options, state: st }) => {
      const states = options.generateStates ?? ['COMPLETE']
      const state: ReportState = states[Math.min(st.generateCalls, states.length - 1)] ?? 'COMPLETE'
      st.generateCalls++
      if (state === 'COMPLETE') {
        st.reportPresent = true
        st.generating = false
      } else {
        st.generating = true
      }
      return { State: state, Description: STATE_DESCRIPTIONS[state] }
    },
    GetCredentialReport: (_params, { opts: options, state: st }) => {
      if (!st.reportPresent) {
        throw new HttpError(st.generating ? FAULT.reportInProgress : FAULT.reportNotPresent)
      }
      const report = options.report ?? DEFAULT_REPORT_CSV
      return {
        Content: Buffer.from(report).toString('base64'),
        ReportFormat: 'text/csv',
        GeneratedTime: toDate(options.reportGeneratedAt ?? TEST_NOW)
      }
    },
    GetAccountSummary: (_params, { opts: options }) => ({
      SummaryMap: new Map(Object.entries(options.summary ?? DEFAULT_SUMMARY))
    }),
    ListVirtualMFADevices: (params, { opts: options }) => {
      const status = params.AssignmentStatus ?? 'Any'
      const all = (options.virtualMfaDevices ?? []).filter(d =>
        status === 'Assigned'
          ? d.userArn !== undefined
          : status === 'Unassigned'
            ? !d.userArn
            : true
      )
      const page = paginate(all, params, options)
      return {
        VirtualMFADevices: page.items.map(d => ({
          SerialNumber: d.serialNumber,
          User: d.userArn
            ? {
                Path: '/',
                UserName:
                  d.userName ??
                  (d.userArn.endsWith(':root') ? undefined : d.userArn.split('/').pop()),
                UserId: d.userArn.endsWith(':root')
                  ? d.userArn.split(':')[4]
                  : `AIDA${createHash('md5').update(d.userArn).digest('hex').slice(0, 16).toUpperCase()}`,
                Arn: d.userArn,
                CreateDate: startedAt
              }
            : undefined,
          EnableDate: d.userArn ? startedAt : undefined
        })),
        IsTruncated: page.truncated,
        Marker: page.marker
      }
    },
    GetAccountPasswordPolicy: (_params, { opts: options, id }) => {
      const p = options.passwordPolicy ?? null
      if (!p) {
        throw new HttpError({
          status: 404,
          code: 'NoSuchEntity',
          message: `The Password Policy with domain name ${id} cannot be found.`
        })
      }
      return {
        PasswordPolicy: {
          MinimumPasswordLength: p.minimumPasswordLength,
          RequireSymbols: p.requireSymbols ?? false,
          RequireNumbers: p.requireNumbers ?? false,
          RequireUppercaseCharacters: p.requireUppercaseCharacters ?? false,
          RequireLowercaseCharacters: p.requireLowercaseCharacters ?? false,
          AllowUsersToChangePassword: p.allowUsersToChangePassword ?? true,
          ExpirePasswords: p.expirePasswords ?? p.maxPasswordAge !== undefined,
          MaxPasswordAge: p.maxPasswordAge,
          PasswordReusePrevention: p.passwordReusePrevention,
          HardExpiry: p.hardExpiry
        }
      }
    },
    ListAccessKeys: (params, { opts: options }) => {
      const userName = params.UserName ?? ''
      const keys = options.accessKeys?.[userName]
      if (!keys) {
        throw new HttpError({
          status: 404,
          code: 'NoSuchEntity',
          message: `The user with name ${userName} cannot be found.`
        })
      }
      const page = paginate(keys, params, options)
      return {
        UserName: userName,
        AccessKeyMetadata: page.items.map(k => ({
          UserName: userName,
          AccessKeyId: k.accessKeyId,
          Status: k.status ?? 'Active',
          CreateDate: toDate(k.createDate)
        })),
        IsTruncated: page.truncated,
        Marker: page.marker
      }
    }
  }

  function paginate<T>(
    all: readonly T[],
    params: Record<string, string>,
    options: FakeAwsOptions
  ): { items: T[]; truncated: boolean; marker: string | undefined } {
    const start = params.Marker ? Number(Buffer.from(params.Marker, 'base64url').toString()) : 0
    const max = Math.min(Number(params.MaxItems ?? 100) || 100, options.pageSize ?? 100)
    const items = all.slice(start, start + max)
    const next = start + items.length
    const truncated = next < all.length
    return {
      items,
      truncated,
      marker: truncated ? Buffer.from(String(next)).toString('base64url') : undefined
    }
  }

  // ---- STS handlers
  function parseRoleArn(roleArn: string): [string, string, string] {
    const m = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn)
    if (!m) {
      throw new HttpError({
        status: 400,
        code: 'ValidationError',
        message: `1 validation error detected: Value '${roleArn}' at 'roleArn' failed to satisfy constraint`
      })
    }
    return [m[1]!, m[2]!, m[3]!]
  }

  function issueSession(
    params: Record<string, string>,
    via: IssuedSession['via'],
    extra: { webIdentityToken: string; sourceAccessKeyId?: string }
  ): IssuedSession {
    const roleArn = params.RoleArn ?? ''
    const sessionName = params.RoleSessionName ?? ''
    const [partition, acct, roleName] = parseRoleArn(roleArn)
    const duration = Number(params.DurationSeconds ?? 3600)
    const session: IssuedSession = {
      roleArn,
      accountId: acct,
      via,
      sessionName,
      ...extra,
      accessKeyId: `ASIAFAKE${randomBytes(6).toString('hex').toUpperCase()}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: `FwoGZXIvYXdzE${randomBytes(48).toString('base64')}`,
      expiration: new Date(
        Math.floor(Date.now() / 1000) * 1000 + (options.sessionLifetimeSeconds ?? duration) * 1000
      ),
      assumedRoleArn: `arn:${partition}:sts::${acct}:assumed-role/${roleName}/${sessionName}`
    }
    sessions.push(session)
    return session
  }

  function credentialsXml(session: IssuedSession): Record<string, XmlValue> {
    return {
      Credentials: {
        AccessKeyId: session.accessKeyId,
        SecretAccessKey: session.secretAccessKey,
        SessionToken: session.sessionToken,
        Expiration: session.expiration
      },
      AssumedRoleUser: {
        AssumedRoleId: `AROAFAKE${createHash('md5').update(session.roleArn).digest('hex').slice(0, 12).toUpperCase()}:${session.sessionName}`,
        Arn: session.assumedRoleArn
      }
    }
  }

  /** AssumeRole (role chaining): signed by a known key; the role must exist if `roles` is set. */
  function assumeRole(params: Record<string, string>, request: RecordedRequest): XmlValue {
    const roleArn = params.RoleArn ?? ''
    parseRoleArn(roleArn)
    if (options.roles && !options.roles.includes(roleArn)) {
      const caller = sessions.find(x => x.accessKeyId === request.accessKeyId)
      throw new HttpError({
        status: 403,
        code: 'AccessDenied',
        message: `User: ${caller?.assumedRoleArn ?? `arn:aws:iam::${accountId()}:user/ci`} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`
      })
    }
    const session = issueSession(params, 'AssumeRole', {
      webIdentityToken: '',
      sourceAccessKeyId: request.accessKeyId ?? undefined
    })
    return { ...credentialsXml(session), PackedPolicySize: 0 }
  }

  function assumeRoleWithWebIdentity(params: Record<string, string>): XmlValue {
    const roleArn = params.RoleArn ?? ''
    const token = params.WebIdentityToken ?? ''
    const [partition, acct] = parseRoleArn(roleArn)
    const claims = decodeJwtPayload(token)
    if (!claims) {
      throw new HttpError({
        status: 400,
        code: 'InvalidIdentityToken',
        message: "Couldn't parse the token"
      })
    }
    const trust = options.trust
    const denied =
      (options.roles && !options.roles.includes(roleArn)) ||
      (trust?.aud !== undefined && !matches(trust.aud, claims.aud)) ||
      (trust?.sub !== undefined && !matches(trust.sub, claims.sub))
    if (denied) {
      throw new HttpError({
        status: 403,
        code: 'AccessDenied',
        message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity'
      })
    }
    const session = issueSession(params, 'AssumeRoleWithWebIdentity', { webIdentityToken: token })
    const { Credentials, AssumedRoleUser } = credentialsXml(session)
    return {
      Credentials,
      SubjectFromWebIdentityToken: typeof claims.sub === 'string' ? claims.sub : undefined,
      AssumedRoleUser,
      Provider: `arn:${partition}:iam::${acct}:oidc-provider/token.actions.githubusercontent.com`,
      Audience: typeof claims.aud === 'string' ? claims.aud : undefined
    }
  }

  function getCallerIdentity(request: RecordedRequest): XmlValue {
    const session = sessions.find(s => s.accessKeyId === request.accessKeyId)
    return session
      ? {
          Arn: session.assumedRoleArn,
          UserId: `AROAFAKE:${session.sessionName}`,
          Account: session.assumedRoleArn.split(':')[4]
        }
      : {
          Arn: `arn:aws:iam::${accountId()}:user/ci`,
          UserId: 'AIDAFAKECIUSER',
          Account: accountId()
        }
  }

  // ---- AWS Organizations (JSON 1.1; the tree and answers are in the section at the end)
  async function handleOrganizations(
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
    body: Buffer,
    action: string
  ): Promise<void> {
    record.service = 'organizations'
    record.action = action
    let input: Record<string, unknown>
    try {
      input =
        body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as Record<string, unknown>)
    } catch {
      return sendOrganizations(res, record, { status: 400, code: 'SerializationException' })
    }
    record.params = Object.fromEntries(
      Object.entries(input).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])
    )
    const auth = parseAuthorization(req.headers.authorization)
    record.accessKeyId = auth?.accessKeyId ?? null
    record.credentialScope = auth?.scope ?? null
    record.account = accountOf(action, record.params, record.accessKeyId)
    const latency = latencyOf(action, record.account)
    if (latency > 0) {
      await new Promise<void>(resolve => {
        const t = setTimeout(() => {
          timers.delete(t)
          resolve()
        }, latency)
        timers.add(t)
      })
      if (res.destroyed) return
    }
    record.signature = checkSignature(
      { method: record.method, path: record.path, headers: req.headers, body },
      auth
    )
    if (!(ORGANIZATIONS_ACTIONS as readonly string[]).includes(action)) {
      return sendOrganizations(res, record, {
        status: 400,
        code: 'UnknownOperationException',
        message: `Unknown operation ${action}`
      })
    }
    const fault = nextFault(action as FakeAction, record)
    if (fault && 'hang' in fault) {
      record.outcome = 'hang'
      hanging.add(res)
      res.on('close', () => hanging.delete(res))
      return
    }
    if (fault && 'malformed' in fault) {
      record.outcome = 'malformed'
      const text = typeof fault.malformed === 'string' ? fault.malformed : '{"Accounts": [{"Id'
      return send(res, record, 200, text, 'application/x-amz-json-1.1')
    }
    if (fault) return sendOrganizations(res, record, fault)
    if (options.signatures !== 'record' && record.signature !== 'valid') {
      return sendOrganizations(res, record, {
        status: 400,
        code:
          record.signature === 'unsigned'
            ? 'MissingAuthenticationTokenException'
            : record.signature === 'invalid'
              ? 'InvalidSignatureException'
              : 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.'
      })
    }
    try {
      const answer = organizationsAnswer(options.organization, action as OrganizationsAction, input)
      return send(res, record, 200, JSON.stringify(answer), 'application/x-amz-json-1.1')
    } catch (e) {
      if (e instanceof HttpError) return sendOrganizations(res, record, e.fault)
      throw e
    }
  }

  function sendOrganizations(res: ServerResponse, record: RecordedRequest, fault: ErrorFault) {
    record.outcome = fault.code
    const body = JSON.stringify({ __type: fault.code, Message: fault.message ?? fault.code })
    send(res, record, fault.status, body, 'application/x-amz-json-1.1')
  }

  // ---- dispatch
  function send(
    res: ServerResponse,
    record: RecordedRequest,
    status: number,
    body: string,
    type: string
  ) {
    record.status = status
    res.writeHead(status, {
      'content-type': type,
      'content-length': Buffer.byteLength(body),
      'x-amzn-requestid': randomUUID()
    })
    res.end(body)
  }

  function applyFault(
    res: ServerResponse,
    record: RecordedRequest,
    fault: Exclude<Fault, null | undefined>,
    service: 'iam' | 'sts' | 'oidc'
  ): void {
    if ('hang' in fault) {
      record.outcome = 'hang'
      hanging.add(res)
      res.on('close', () => hanging.delete(res))
      return
    }
    if ('malformed' in fault) {
      record.outcome = 'malformed'
      const body =
        typeof fault.malformed === 'string'
          ? fault.malformed
          : service === 'oidc'
            ? '{"value": '
            : `<${record.action}Response xmlns="${namespaceOf(service === 'sts' ? 'sts' : 'iam')}"><${record.action}Result><Sta`
      send(res, record, 200, body, service === 'oidc' ? 'application/json' : 'text/xml')
      return
    }
    record.outcome = fault.code
    if (service === 'oidc') {
      send(
        res,
        record,
        fault.status,
        JSON.stringify({ message: fault.message ?? fault.code }),
        'application/json'
      )
    } else {
      send(res, record, fault.status, errorXml(service, fault, randomUUID()), 'text/xml')
    }
  }

  function latencyOf(action: string, account: string | null): number {
    const l = viewOf(account).opts.latencyMs
    return typeof l === 'number' ? l : (l?.[action as FakeAction] ?? 0)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const path = req.url ?? '/'
    const url = new URL(path, 'http://127.0.0.1')
    const method = req.method ?? 'GET'
    const record: RecordedRequest = {
      seq: requests.length,
      time: Date.now(),
      service: 'unknown',
      action: '',
      method,
      path,
      params: {},
      headers: req.headers,
      body: body.toString('utf8'),
      accessKeyId: null,
      credentialScope: null,
      signature: 'unsigned',
      outcome: 'ok',
      status: null,
      account: null
    }
    requests.push(record)

    // GitHub OIDC token endpoint.
    if (url.pathname === '/oidc/token') {
      record.service = 'oidc'
      record.action = 'OidcToken'
      record.params = Object.fromEntries(url.searchParams)
      const fault = nextFault('OidcToken', record)
      if (fault) return applyFault(res, record, fault, 'oidc')
      if (req.headers.authorization !== `Bearer ${oidcRequestToken}`) {
        record.outcome = 'Unauthorized'
        return send(
          res,
          record,
          401,
          JSON.stringify({ message: 'Unauthorized' }),
          'application/json'
        )
      }
      const audience = url.searchParams.get('audience') ?? `https://github.com/octo-org`
      const now = Math.floor(Date.now() / 1000)
      const sub = options.subject ?? DEFAULT_SUBJECT
      const repo = /^repo:([^:]+):/.exec(sub)?.[1]?.replace(/@\d+/g, '') ?? 'octo-org/octo-repo'
      const claims: Record<string, unknown> = {
        jti: randomUUID(),
        sub,
        aud: audience,
        ref: 'refs/heads/main',
        repository: repo,
        repository_owner: repo.split('/')[0],
        event_name: 'schedule',
        runner_environment: 'github-hosted',
        iss: 'https://token.actions.githubusercontent.com',
        nbf: now - 5,
        iat: now,
        exp: now + 300,
        ...options.claims
      }
      const jwt = makeJwt(claims)
      tokens.push({ jwt, audience, claims })
      return send(res, record, 200, JSON.stringify({ count: 1, value: jwt }), 'application/json')
    }

    const target = req.headers['x-amz-target']
    if (typeof target === 'string' && target.startsWith(ORGANIZATIONS_TARGET_PREFIX)) {
      return handleOrganizations(
        req,
        res,
        record,
        body,
        target.slice(ORGANIZATIONS_TARGET_PREFIX.length)
      )
    }

    // AWS Query protocol.
    const params = Object.fromEntries(
      new URLSearchParams(method === 'POST' ? body.toString('utf8') : url.search)
    )
    const action = params.Action ?? ''
    delete params.Action
    record.action = action
    record.params = params
    const auth = parseAuthorization(req.headers.authorization)
    record.accessKeyId = auth?.accessKeyId ?? null
    record.credentialScope = auth?.scope ?? null
    record.account = accountOf(action, params, record.accessKeyId)
    const keys = ['*', action]
    if (record.account !== null) keys.push(`${record.account}|*`, `${record.account}|${action}`)
    for (const k of keys) track(k, 1)
    res.on('close', () => {
      for (const k of keys) track(k, -1)
    })
    const latency = latencyOf(action, record.account)
    if (latency > 0) {
      await new Promise<void>(resolve => {
        const t = setTimeout(() => {
          timers.delete(t)
          resolve()
        }, latency)
        timers.add(t)
      })
      if (res.destroyed) return
    }
    record.signature = checkSignature({ method, path, headers: req.headers, body }, auth)

    const service: 'iam' | 'sts' | null = (IAM_ACTIONS as readonly string[]).includes(action)
      ? 'iam'
      : (STS_ACTIONS as readonly string[]).includes(action)
        ? 'sts'
        : null
    if (!service) {
      record.outcome = 'InvalidAction'
      return send(
        res,
        record,
        400,
        errorXml(
          'iam',
          { status: 400, code: 'InvalidAction', message: `Could not find operation ${action}` },
          randomUUID()
        ),
        'text/xml'
      )
    }
    record.service = service
    const expectedVersion = service === 'iam' ? IAM_VERSION : STS_VERSION
    if (params.Version !== expectedVersion) {
      const fault = {
        status: 400,
        code: 'InvalidParameterValue',
        message: `Version ${params.Version ?? '(none)'} is not valid for ${action}; expected ${expectedVersion}`
      }
      return applyFault(res, record, fault, service)
    }

    const fault = nextFault(action as FakeAction, record)
    if (fault) return applyFault(res, record, fault, service)

    // Authentication, as AWS does it (AssumeRoleWithWebIdentity is unsigned).
    if (action !== 'AssumeRoleWithWebIdentity' && options.signatures !== 'record') {
      const authFault: ErrorFault | null =
        record.signature === 'unsigned'
          ? {
              status: 403,
              code: 'MissingAuthenticationToken',
              message: 'Request is missing Authentication Token'
            }
          : record.signature === 'unknown-key' || record.signature === 'bad-session-token'
            ? {
                status: 403,
                code: 'InvalidClientTokenId',
                message: 'The security token included in the request is invalid.'
              }
            : record.signature === 'invalid'
              ? {
                  status: 403,
                  code: 'SignatureDoesNotMatch',
                  message:
                    'The request signature we calculated does not match the signature you provided.'
                }
              : null
      if (authFault) return applyFault(res, record, authFault, service)
    }

    try {
      const result =
        action === 'AssumeRoleWithWebIdentity'
          ? assumeRoleWithWebIdentity(params)
          : action === 'AssumeRole'
            ? assumeRole(params, record)
            : action === 'GetCallerIdentity'
              ? getCallerIdentity(record)
              : iamHandlers[action as IamAction](params, viewOf(record.account))
      return send(res, record, 200, successXml(service, action, result, randomUUID()), 'text/xml')
    } catch (e) {
      if (e instanceof HttpError) return applyFault(res, record, e.fault, service)
      throw e
    }
  }

  /** The account a call concerns (see `RecordedRequest.account`). */
  function accountOf(
    action: string,
    params: Record<string, string>,
    accessKeyId: string | null
  ): string | null {
    if (action === 'AssumeRoleWithWebIdentity' || action === 'AssumeRole') {
      return /^arn:[^:]*:iam::(\d{12}):role\//.exec(params.RoleArn ?? '')?.[1] ?? null
    }
    if (accessKeyId === null) return null
    return sessions.find(x => x.accessKeyId === accessKeyId)?.accountId ?? accountId()
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' })
        res.end(`fake-aws internal error: ${e instanceof Error ? e.stack : String(e)}`)
      }
    })
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`
  const oidcUrl = `${url}/oidc/token?api-version=2.0`

  return {
    url,
    port,
    oidcUrl,
    oidcRequestToken,
    env: {
      AWS_ENDPOINT_URL_IAM: url,
      AWS_ENDPOINT_URL_STS: url,
      AWS_ENDPOINT_URL_ORGANIZATIONS: url,
      ACTIONS_ID_TOKEN_REQUEST_URL: oidcUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidcRequestToken
    },
    staticCredentialsEnv: {
      AWS_ACCESS_KEY_ID: FAKE_STATIC_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: FAKE_STATIC_CREDENTIALS.secretAccessKey
    },
    requests,
    requestsFor: action => requests.filter(r => r.action === action),
    count: action => (action ? requests.filter(r => r.action === action).length : requests.length),
    inFlightNow: action => inFlight.get(action ?? '*') ?? 0,
    peakInFlight: (action, account) =>
      peaks.get(account === undefined ? (action ?? '*') : `${account}|${action ?? '*'}`) ?? 0,
    requestsOf: (account, action) =>
      requests.filter(r => r.account === account && (action === undefined || r.action === action)),
    tokens,
    sessions,
    configure(next) {
      options = { ...options, ...next }
      const top = stateOf('')
      if (next.reportPresent !== undefined) top.reportPresent = next.reportPresent
      if (next.generateStates !== undefined) {
        top.generateCalls = 0
        top.generating = false
      }
      if (next.accounts !== undefined) {
        for (const key of [...states.keys()]) if (key !== '') states.delete(key)
        accountFaultCalls.clear()
      }
      if (next.faults !== undefined) {
        faultSpecs.clear()
        faultCalls.clear()
        for (const [k, v] of Object.entries(next.faults)) faultSpecs.set(k as FakeAction, v)
      }
    },
    setFaults(action, spec) {
      faultCalls.delete(action)
      if (spec) faultSpecs.set(action, spec)
      else faultSpecs.delete(action)
    },
    clearRequests() {
      requests.length = 0
      peaks.clear()
    },
    close: () =>
      new Promise<void>(resolve => {
        for (const t of timers) clearTimeout(t)
        timers.clear()
        for (const res of hanging) res.destroy()
        hanging.clear()
        for (const socket of sockets) socket.destroy()
        sockets.clear()
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

// ---------------------------------------------------------------------------
// AWS Organizations: the organization tree and the answers to its List calls.
// The protocol is AWS JSON 1.1 (`X-Amz-Target: AWSOrganizationsV20161128.<Op>`,
// a JSON body), not Query; `handleOrganizations` in `startFakeAws` routes to
// `organizationsAnswer` after faults and signatures.

export const ORGANIZATIONS_TARGET_PREFIX = 'AWSOrganizationsV20161128.'
export const ORGANIZATIONS_ACTIONS = [
  'ListAccounts',
  'ListAccountsForParent',
  'ListOrganizationalUnitsForParent',
  'ListRoots'
] as const
export type OrganizationsAction = (typeof ORGANIZATIONS_ACTIONS)[number]

export type FakeOrgAccountState =
  'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE' | 'PENDING_ACTIVATION' | 'CLOSED'

export interface FakeOrgAccount {
  id: string
  /** Default `account-<id>`. */
  name?: string
  /** Default `ACTIVE`. */
  state?: FakeOrgAccountState
}

export interface FakeOrgUnit {
  /** `ou-<root suffix>-<8 or more>` like `ou-ab12-cd34ef56`. */
  id: string
  name?: string
  accounts?: readonly FakeOrgAccount[]
  units?: readonly FakeOrgUnit[]
}

export interface FakeOrganization {
  /** Default `o-fake000001`. */
  id?: string
  /** Default `r-ab12`. */
  rootId?: string
  /** The management account, named in account ARNs. Default `DEFAULT_ACCOUNT_ID`. */
  managementAccountId?: string
  /** Accounts directly under the root. */
  accounts?: readonly FakeOrgAccount[]
  /** OUs directly under the root. */
  units?: readonly FakeOrgUnit[]
  /** Items per page (`MaxResults` caps it further). Default 20, AWS's maximum for ListAccounts. */
  pageSize?: number
  /**
   * Which state fields an account carries: `both` (default), `state` only
   * (after AWS retired `Status`), or `status` only (before `State` existed).
   */
  fields?: 'both' | 'state' | 'status'
}

/** Organizations' own errors, as it words them. */
export const ORGANIZATIONS_FAULT = {
  accessDenied: {
    status: 400,
    code: 'AccessDeniedException',
    message: "You don't have permissions to access this resource."
  },
  notInUse: {
    status: 400,
    code: 'AWSOrganizationsNotInUseException',
    message: 'Your account is not a member of an organization.'
  },
  tooManyRequests: {
    status: 400,
    code: 'TooManyRequestsException',
    message: 'AWS Organizations cannot complete your request because the request rate is too high.'
  }
} as const satisfies Record<string, ErrorFault>

const ROOT_ID = /^r-[0-9a-z]{4,32}$/
const OU_ID = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/

interface OrgParent {
  accounts: readonly FakeOrgAccount[]
  units: readonly FakeOrgUnit[]
}

/** Every parent of the tree by id: the root and each OU at any depth. */
function orgParents(org: FakeOrganization): Map<string, OrgParent> {
  const parents = new Map<string, OrgParent>()
  const add = (
    id: string,
    p: { accounts?: readonly FakeOrgAccount[]; units?: readonly FakeOrgUnit[] }
  ) => {
    parents.set(id, { accounts: p.accounts ?? [], units: p.units ?? [] })
    for (const u of p.units ?? []) add(u.id, u)
  }
  add(org.rootId ?? 'r-ab12', org)
  return parents
}

function orgAccountJson(org: FakeOrganization, a: FakeOrgAccount): Record<string, unknown> {
  const state = a.state ?? 'ACTIVE'
  const fields = org.fields ?? 'both'
  const legacy = ['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE'].includes(state) ? state : 'SUSPENDED'
  return {
    Id: a.id,
    Arn: `arn:aws:organizations::${org.managementAccountId ?? DEFAULT_ACCOUNT_ID}:account/${org.id ?? 'o-fake000001'}/${a.id}`,
    Email: `aws+${a.id}@example.com`,
    Name: a.name ?? `account-${a.id}`,
    ...(fields === 'state' ? {} : { Status: legacy }),
    ...(fields === 'status' ? {} : { State: state }),
    JoinedMethod: 'CREATED',
    JoinedTimestamp: 1_600_000_000
  }
}

function orgPage<T>(
  all: readonly T[],
  input: Record<string, unknown>,
  org: FakeOrganization
): { items: T[]; NextToken?: string } {
  const token = typeof input.NextToken === 'string' ? input.NextToken : undefined
  const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString())
  if (!Number.isInteger(start) || start < 0 || start > all.length) {
    throw new HttpError({
      status: 400,
      code: 'InvalidInputException',
      message: 'You provided an invalid value for the NextToken parameter.'
    })
  }
  const max = Math.min(Number(input.MaxResults ?? 20) || 20, org.pageSize ?? 20)
  const items = all.slice(start, start + max)
  const next = start + items.length
  return next < all.length
    ? { items, NextToken: Buffer.from(String(next)).toString('base64url') }
    : { items }
}

function orgParent(parents: Map<string, OrgParent>, input: Record<string, unknown>): OrgParent {
  const id = typeof input.ParentId === 'string' ? input.ParentId : ''
  if (!ROOT_ID.test(id) && !OU_ID.test(id)) {
    throw new HttpError({
      status: 400,
      code: 'InvalidInputException',
      message: `You provided a value that does not match the required pattern: ParentId ${id}`
    })
  }
  const parent = parents.get(id)
  if (!parent) {
    throw new HttpError({
      status: 400,
      code: 'ParentNotFoundException',
      message: "We can't find a root or OU with the ParentId that you specified."
    })
  }
  return parent
}

/** The JSON answer to one Organizations call, or an `HttpError`. */
export function organizationsAnswer(
  org: FakeOrganization | undefined,
  action: OrganizationsAction,
  input: Record<string, unknown>
): Record<string, unknown> {
  if (!org) throw new HttpError(ORGANIZATIONS_FAULT.notInUse)
  const parents = orgParents(org)
  switch (action) {
    case 'ListAccounts': {
      const all = [...parents.values()].flatMap(p => p.accounts)
      const page = orgPage(all, input, org)
      return { Accounts: page.items.map(a => orgAccountJson(org, a)), NextToken: page.NextToken }
    }
    case 'ListAccountsForParent': {
      const page = orgPage(orgParent(parents, input).accounts, input, org)
      return { Accounts: page.items.map(a => orgAccountJson(org, a)), NextToken: page.NextToken }
    }
    case 'ListOrganizationalUnitsForParent': {
      const page = orgPage(orgParent(parents, input).units, input, org)
      return {
        OrganizationalUnits: page.items.map(u => ({
          Id: u.id,
          Arn: `arn:aws:organizations::${org.managementAccountId ?? DEFAULT_ACCOUNT_ID}:ou/${org.id ?? 'o-fake000001'}/${u.id}`,
          Name: u.name ?? u.id
        })),
        NextToken: page.NextToken
      }
    }
    case 'ListRoots': {
      const rootId = org.rootId ?? 'r-ab12'
      return {
        Roots: [
          {
            Id: rootId,
            Arn: `arn:aws:organizations::${org.managementAccountId ?? DEFAULT_ACCOUNT_ID}:root/${org.id ?? 'o-fake000001'}/${rootId}`,
            Name: 'Root',
            PolicyTypes: []
          }
        ]
      }
    }
  }
}
