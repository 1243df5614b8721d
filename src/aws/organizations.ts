/**
 * The accounts of an AWS organization to audit: every account
 * (`ListAccounts`), or those under chosen organizational units or the root
 * (`ListAccountsForParent` on each, `ListOrganizationalUnitsForParent`
 * walked recursively). Only ACTIVE accounts are audited; the others
 * (suspended, pending closure, ...) and the excluded ones are returned by
 * name so the run can say what it did not audit. Only the management
 * account or a delegated administrator may list an organization's accounts.
 */
import {
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  OrganizationsClient
} from '@aws-sdk/client-organizations'
import type { Account } from '@aws-sdk/client-organizations'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types'
import { AccessError, InputError } from '../errors.js'
import {
  credentialProblem,
  errorCode,
  errorMessage,
  hasCode,
  isCredentialError,
  isPermissionError,
  isTransientError
} from './aws-errors.js'
import { DeadlineError, requestHandlerOptions, withDeadline } from './sdk.js'
import type { HttpTimeouts } from './sdk.js'

export interface OrganizationsClientOptions extends HttpTimeouts {
  region: string
  /** `undefined`: the SDK's default credential chain. */
  credentials?: AwsCredentialIdentityProvider | AwsCredentialIdentity
  /** Attempts per call, including the first (SDK adaptive retry). Default 5. */
  maxAttempts?: number
}

/**
 * An Organizations client with adaptive retry (the service's request rate
 * limits are low) and bounded HTTP attempts. The endpoint is the SDK's
 * choice, so `AWS_ENDPOINT_URL_ORGANIZATIONS` / `AWS_ENDPOINT_URL` are honoured.
 */
export function createOrganizationsClient(
  options: OrganizationsClientOptions
): OrganizationsClient {
  return new OrganizationsClient({
    region: options.region,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    maxAttempts: options.maxAttempts ?? 5,
    retryMode: 'adaptive',
    requestHandler: requestHandlerOptions(options)
  })
}

export interface ListOrganizationAccountsOptions {
  /** OU ids (`ou-…`) or the root id (`r-…`); empty or absent: the whole organization. */
  organizationalUnits?: readonly string[]
  /** Account ids never audited (named in the result as `EXCLUDED`). */
  excludeAccounts?: readonly string[]
  /** Budget for the whole listing, every page included. Default 60 s. */
  timeoutSeconds?: number
  /** Who lists, for messages: the first role's ARN, or the default credential chain. */
  principal?: string
}

export interface OrganizationAccount {
  id: string
  name: string
}

export interface SkippedAccount extends OrganizationAccount {
  /** The account's state (`SUSPENDED`, `PENDING_CLOSURE`, ...), or `EXCLUDED`. */
  status: string
}

export interface OrganizationAccounts {
  /** ACTIVE accounts not excluded, in the order Organizations gave them. */
  active: OrganizationAccount[]
  /** Accounts found and not audited, with the reason. */
  skipped: SkippedAccount[]
  /** `excludeAccounts` entries that matched no account found (a typo, or an account that left). */
  unmatchedExclusions: string[]
}

/** The Organizations permissions discovery needs. */
export const DISCOVERY_PERMISSIONS = {
  organization: ['organizations:ListAccounts'],
  units: ['organizations:ListAccountsForParent', 'organizations:ListOrganizationalUnitsForParent']
} as const

const DEFAULT_TIMEOUT_SECONDS = 60

/**
 * The organization's accounts to audit. Throws `InputError` for an OU that
 * does not exist and for nothing to audit, `AccessError` when the caller
 * may not list the organization (or it has none).
 */
export async function listOrganizationAccounts(
  client: OrganizationsClient,
  options: ListOrganizationAccountsOptions = {}
): Promise<OrganizationAccounts> {
  const units = [...new Set(options.organizationalUnits ?? [])]
  const budgetMs = (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000
  const principal = options.principal ?? 'the caller'
  let current: string | undefined
  let found: Account[]
  try {
    found = await withDeadline(budgetMs, signal =>
      units.length === 0
        ? listAll(client, signal)
        : listUnder(client, units, signal, unit => (current = unit))
    )
  } catch (e) {
    throw discoveryError(e, { units, current, principal, budgetMs })
  }
  return classify(found, units, options.excludeAccounts ?? [])
}

/** Every account of the organization, page by page. */
async function listAll(client: OrganizationsClient, signal: AbortSignal): Promise<Account[]> {
  const accounts: Account[] = []
  // Pages walked by hand: the generated paginator takes no abort signal.
  let next: string | undefined
  do {
    const out = await client.send(new ListAccountsCommand({ NextToken: next }), {
      abortSignal: signal
    })
    accounts.push(...(out.Accounts ?? []))
    next = out.NextToken
  } while (next)
  return accounts
}

/** The accounts under each of `units`, at any depth: depth first, each parent's own accounts first. */
async function listUnder(
  client: OrganizationsClient,
  units: readonly string[],
  signal: AbortSignal,
  visiting: (unit: string) => void
): Promise<Account[]> {
  const accounts: Account[] = []
  const seen = new Set<string>()
  const walk = async (parent: string): Promise<void> => {
    if (seen.has(parent)) return
    seen.add(parent)
    visiting(parent)
    let next: string | undefined
    do {
      const out = await client.send(
        new ListAccountsForParentCommand({ ParentId: parent, NextToken: next }),
        { abortSignal: signal }
      )
      accounts.push(...(out.Accounts ?? []))
      next = out.NextToken
    } while (next)
    const children: string[] = []
    do {
      const out = await client.send(
        new ListOrganizationalUnitsForParentCommand({ ParentId: parent, NextToken: next }),
        { abortSignal: signal }
      )
      for (const ou of out.OrganizationalUnits ?? []) if (ou.Id) children.push(ou.Id)
      next = out.NextToken
    } while (next)
    for (const child of children) await walk(child)
  }
  for (const unit of units) await walk(unit)
  return accounts
}

/** `State` (current API), else `Status` (retired in September 2026). */
const stateOf = (a: Account): string => a.State ?? a.Status ?? 'UNKNOWN'

function classify(
  found: readonly Account[],
  units: readonly string[],
  exclude: readonly string[]
): OrganizationAccounts {
  const excluded = new Set(exclude)
  const matched = new Set<string>()
  const active: OrganizationAccount[] = []
  const skipped: SkippedAccount[] = []
  const seen = new Set<string>()
  for (const a of found) {
    const id = a.Id
    if (!id || seen.has(id)) continue
    seen.add(id)
    const account = { id, name: a.Name ?? '' }
    const state = stateOf(a)
    if (excluded.has(id)) {
      matched.add(id)
      skipped.push({ ...account, status: 'EXCLUDED' })
    } else if (state === 'ACTIVE') {
      active.push(account)
    } else {
      skipped.push({ ...account, status: state })
    }
  }
  const where = units.length === 0 ? 'the organization' : `organizational units ${units.join(', ')}`
  if (seen.size === 0) {
    throw new InputError(
      `${where} ${units.length === 0 ? 'lists' : 'list'} no account: there is nothing to audit`
    )
  }
  if (active.length === 0) {
    throw new InputError(
      `no active account to audit in ${where}: ${skipped.map(s => `${s.id} (${s.status.toLowerCase()})`).join(', ')}`
    )
  }
  return { active, skipped, unmatchedExclusions: exclude.filter(id => !matched.has(id)) }
}

function discoveryError(
  e: unknown,
  where: { units: readonly string[]; current?: string; principal: string; budgetMs: number }
): Error {
  const said = `${errorCode(e)}: ${errorMessage(e)}`
  const { units, principal } = where
  const permissions =
    units.length === 0
      ? DISCOVERY_PERMISSIONS.organization.join(', ')
      : DISCOVERY_PERMISSIONS.units.join(' and ')
  if (e instanceof DeadlineError) {
    return new AccessError(
      `AWS Organizations did not list the accounts within ${Math.round(where.budgetMs / 1000)} s`
    )
  }
  if (hasCode(e, 'ParentNotFoundException', 'ChildNotFoundException')) {
    return new InputError(
      `organizational unit ${where.current ?? units.join(', ')} does not exist in the organization ` +
        `(Organizations said ${said}); give OU ids (ou-…) or the root id (r-…) as the AWS Organizations console shows them`
    )
  }
  if (hasCode(e, 'InvalidInputException')) {
    return new InputError(
      `AWS Organizations refused ${where.current ? `the id ${where.current}` : 'the request'} (${said}); ` +
        'organizational units are OU ids (ou-…) or the root id (r-…)'
    )
  }
  const needs =
    `${principal} needs ${permissions}, and must belong to the organization's management ` +
    'account or to an account registered as its delegated administrator'
  if (hasCode(e, 'AWSOrganizationsNotInUseException')) {
    return new AccessError(
      `the account of ${principal} is not in an AWS organization (Organizations said ${said}); ` +
        `to discover the accounts, ${needs}`,
      { cause: e }
    )
  }
  if (isPermissionError(e)) {
    return new AccessError(
      `not authorized to list the organization's accounts (Organizations said ${said}): ${needs}`,
      { cause: e }
    )
  }
  if (isCredentialError(e)) {
    return new AccessError(`listing the organization's accounts failed: ${credentialProblem(e)}`, {
      cause: e
    })
  }
  const kind = isTransientError(e) ? 'kept failing' : 'failed'
  return new AccessError(`listing the organization's accounts ${kind} (${said})`, { cause: e })
}
