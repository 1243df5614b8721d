/**
 * Classifying AWS SDK errors. The Query protocol gives modeled errors a class
 * name (`CredentialReportExpiredException`) and keeps the wire code in `Code`
 * (`ReportExpired`); unmodeled errors (`AccessDenied`, `Throttling`) carry the
 * wire code as `name`. These helpers look at both.
 */

interface SdkErrorLike {
  name?: unknown
  Code?: unknown
  code?: unknown
  message?: unknown
  $metadata?: { httpStatusCode?: number }
}

const asRecord = (e: unknown): SdkErrorLike =>
  e !== null && typeof e === 'object' ? (e as SdkErrorLike) : {}

/** Every code-like string on the error (`name`, `Code`, `code`). */
export function errorCodes(e: unknown): string[] {
  const r = asRecord(e)
  return [r.name, r.Code, r.code].filter((c): c is string => typeof c === 'string' && c !== '')
}

/** The most specific code: the wire code when there is one, else the name. */
export function errorCode(e: unknown): string {
  const r = asRecord(e)
  for (const c of [r.Code, r.code, r.name]) if (typeof c === 'string' && c !== '') return c
  return 'Error'
}

export function hasCode(e: unknown, ...codes: string[]): boolean {
  return errorCodes(e).some(c => codes.includes(c))
}

export function httpStatus(e: unknown): number | undefined {
  return asRecord(e).$metadata?.httpStatusCode
}

export function errorMessage(e: unknown): string {
  const m = asRecord(e).message
  if (typeof m === 'string' && m !== '') return m.split('\n')[0]?.trim() || m
  return String(e)
}

const PERMISSION_CODES = [
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'NotAuthorized'
]

/** The principal lacks a permission for the call. */
export function isPermissionError(e: unknown): boolean {
  return hasCode(e, ...PERMISSION_CODES)
}

const CREDENTIAL_CODES = [
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'ExpiredToken',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'InvalidAccessKeyId',
  'CredentialsProviderError'
]

/** The credentials themselves are missing, invalid or expired. */
export function isCredentialError(e: unknown): boolean {
  return hasCode(e, ...CREDENTIAL_CODES)
}

const THROTTLING_CODES = [
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded'
]

/** Throttling or a server-side failure: worth another try after a pause. */
export function isTransientError(e: unknown): boolean {
  const status = httpStatus(e)
  return (
    hasCode(
      e,
      ...THROTTLING_CODES,
      'ServiceFailure',
      'ServiceFailureException',
      'ServiceUnavailable'
    ) ||
    (status !== undefined && status >= 500)
  )
}

/**
 * AWS answered 2xx with a body the SDK could not read (XML that does not
 * parse): a proxy or a bad moment on AWS's side, worth another try.
 */
export function isMalformedResponse(e: unknown): boolean {
  const status = httpStatus(e)
  return status !== undefined && status >= 200 && status < 300
}

/** The call was aborted (our deadline) or timed out in the HTTP handler. */
export function isAbortOrTimeout(e: unknown): boolean {
  return hasCode(e, 'AbortError', 'TimeoutError', 'ETIMEDOUT', 'ECONNRESET', 'RequestTimeout')
}

/** The sentence used for credential problems, with a hint at the fix. */
export function credentialProblem(e: unknown): string {
  if (hasCode(e, 'CredentialsProviderError')) {
    return `no AWS credentials found (${errorMessage(e)}); set role-to-assume to use GitHub OIDC, or provide credentials in the environment`
  }
  return `AWS rejected the credentials (${errorCode(e)}: ${errorMessage(e)})`
}
