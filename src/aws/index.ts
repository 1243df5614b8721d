export {
  resolveCredentials,
  validateRoleInputs,
  DEFAULT_CHAIN_PRINCIPAL,
  MAX_CHAINED_SESSION_SECONDS
} from './credentials.js'
export type { ResolveCredentialsInput, ResolvedCredentials, ChainSource } from './credentials.js'
export { decodeTokenClaims, createOidcTokenSource, requireOidcEnvironment } from './oidc-token.js'
export type { IdTokenRequest, OidcTokenSource, OidcTokenSourceOptions } from './oidc-token.js'
export {
  createIamClient,
  fetchCredentialReport,
  INITIAL_POLL_DELAY_MS,
  MAX_POLL_DELAY_MS
} from './credential-report.js'
export type {
  IamClientOptions,
  FetchCredentialReportOptions,
  FetchedCredentialReport
} from './credential-report.js'
export { readAccountFacts, unavailableReason } from './account-facts.js'
export type { ReadAccountFactsOptions } from './account-facts.js'
export { resolveKeyIds, matchKeysToSlots, keyIdKey } from './key-ids.js'
export type { KeySlotQuery, UserKeyQuery, ResolvedKeyIds, ResolveKeyIdsOptions } from './key-ids.js'
export { isPermissionError, isCredentialError, errorCode } from './aws-errors.js'
