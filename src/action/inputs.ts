import { InputError } from '../errors.js'
import type { NamedPath } from '../io/same-file.js'
import { refuseSharedPaths } from '../io/same-file.js'
import type { RedactMode } from '../redact.js'
import { isRedactMode, REDACT_MODES } from '../redact.js'
import type { FailOnSeverity } from '../severity.js'
import { FAIL_ON_SEVERITIES, isFailOnSeverity } from '../severity.js'

/**
 * Where the policy file is looked for when the `policy-file` input is left
 * unset. action.yml gives the input no `default:` (the runner would pass it
 * as if the user had set it), so an unset input is told from a named path.
 */
export const DEFAULT_POLICY_FILE = '.github/iam-credential-policy.yml'

export interface ActionInputs {
  /** The first (usually only) line of `role-to-assume`. */
  roleToAssume?: string
  /** Every line of `role-to-assume`: several roles audit several accounts. */
  rolesToAssume: string[]
  /** `accounts`: 12-digit account ids, each audited through `role-name`. */
  accounts: string[]
  /** `role-name`: the role (with its path, if any) to assume in each of `accounts`. */
  roleName?: string
  /** `organization`: audit the active accounts of the AWS organization, found with the first role. */
  organization: boolean
  /** `organizational-units`: OU ids or the root id limiting `organization`; empty: the whole organization. */
  organizationalUnits: string[]
  /** `exclude-accounts`: account ids `organization` never audits. */
  excludeAccounts: string[]
  /** Assume the account roles from the first `role-to-assume` role (or the default chain). */
  roleChaining: boolean
  /** Accounts audited at the same time. */
  maxConcurrency: number
  /** The clock the audit is evaluated at: `Date.now`, unless pinned for tests (`./clock.ts`). */
  now?: () => number
  /** `users`: user names and ARNs replaced with stable tokens in public outputs. */
  redact: RedactMode
  /** Register every account id as a secret, so the runner masks it in the log. */
  maskAwsAccountId: boolean
  awsRegion: string
  audience: string
  roleSessionName: string
  roleDurationSeconds: number
  /** The policy file path and whether the user named it (an absent default falls back to built-in). */
  policyFile: { path: string; explicit: boolean }
  reportFile?: string
  failOnSeverity?: FailOnSeverity
  softFail: boolean
  jsonFile?: string
  sarifFile?: string
  remediationFile?: string
  reportTimeoutSeconds: number
  maxReportAgeHours: number
  resolveKeyIds: boolean
}

/** Reads one input; '' when unset (as `core.getInput` does). */
export type GetInput = (name: string) => string

/**
 * Reads and validates every input. Each error names the input and what it
 * accepts. `getInput` is `core.getInput`; tests pass a map.
 */
export function readInputs(getInput: GetInput): ActionInputs {
  const text = (name: string): string | undefined => getInput(name).trim() || undefined
  const policyInput = text('policy-file')
  const failOn = text('fail-on-severity')
  if (failOn !== undefined && !isFailOnSeverity(failOn)) {
    throw new InputError(
      `input fail-on-severity must be one of ${FAIL_ON_SEVERITIES.join(', ')}; got '${failOn}'`
    )
  }
  const region = text('aws-region') ?? 'us-east-1'
  if (!/^[a-z0-9-]+$/.test(region)) {
    throw new InputError(
      `input aws-region must be a region name such as us-east-1; got '${region}'`
    )
  }
  const redact = text('redact') ?? 'none'
  if (!isRedactMode(redact)) {
    throw new InputError(`input redact must be one of ${REDACT_MODES.join(', ')}; got '${redact}'`)
  }
  const rolesToAssume = lines(text('role-to-assume'))
  const accounts = accountIds('accounts', text('accounts'))
  const roleName = text('role-name')
  if (roleName !== undefined && !ROLE_NAME.test(roleName)) {
    throw new InputError(
      `input role-name must be an IAM role name, optionally with its path (e.g. audit/iam-credential-gate); got '${roleName}'`
    )
  }
  const organization = booleanInput(getInput, 'organization', false)
  const organizationalUnits = unitIds(text('organizational-units'))
  const excludeAccounts = [...new Set(accountIds('exclude-accounts', text('exclude-accounts')))]
  checkOrganizationInputs({
    organization,
    organizationalUnits,
    excludeAccounts,
    accounts,
    roleName,
    rolesToAssume,
    reportFile: text('report-file')
  })
  if (accounts.length > 0 && roleName === undefined) {
    throw new InputError(
      'input accounts needs role-name: the name of the role to assume in each account'
    )
  }
  if (roleName !== undefined && accounts.length === 0 && !organization) {
    throw new InputError(
      'input role-name is used only with accounts or organization; set one of them too'
    )
  }
  const policyFile = {
    path: policyInput ?? DEFAULT_POLICY_FILE,
    explicit: policyInput !== undefined
  }
  const files = (names: readonly string[]): NamedPath[] =>
    names.flatMap(name => {
      const path = text(name)
      return path === undefined ? [] : [{ name: `input ${name}`, path }]
    })
  refuseSharedPaths(
    [...files(['report-file']), { name: 'input policy-file', path: policyFile.path }],
    files(['json-file', 'sarif-file', 'remediation-file'])
  )
  return {
    roleToAssume: rolesToAssume[0],
    rolesToAssume,
    accounts,
    roleName,
    organization,
    organizationalUnits,
    excludeAccounts,
    roleChaining: booleanInput(getInput, 'role-chaining', false),
    maxConcurrency: integer(getInput, 'max-concurrency', { fallback: 8, min: 1, max: 64 }),
    redact,
    maskAwsAccountId: booleanInput(getInput, 'mask-aws-account-id', false),
    awsRegion: region,
    audience: text('audience') ?? 'sts.amazonaws.com',
    roleSessionName: text('role-session-name') ?? 'iam-credential-gate',
    roleDurationSeconds: integer(
      getInput,
      'role-duration-seconds',
      NUMBER_SETTINGS['role-duration-seconds']
    ),
    policyFile,
    reportFile: text('report-file'),
    failOnSeverity: failOn,
    softFail: booleanInput(getInput, 'soft-fail', false),
    jsonFile: text('json-file'),
    sarifFile: text('sarif-file'),
    remediationFile: text('remediation-file'),
    reportTimeoutSeconds: integer(
      getInput,
      'report-timeout-seconds',
      NUMBER_SETTINGS['report-timeout-seconds']
    ),
    maxReportAgeHours: integer(
      getInput,
      'max-report-age-hours',
      NUMBER_SETTINGS['max-report-age-hours']
    ),
    resolveKeyIds: booleanInput(getInput, 'resolve-key-ids', false)
  }
}

/** A role name with an optional path: `name` or `path/to/name` (IAM's characters). */
const ROLE_NAME = /^(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/

/** Non-empty lines, trimmed. */
function lines(value: string | undefined): string[] {
  return (value ?? '')
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(l => l !== '')
}

/** Ids one per line (commas and spaces also separate them). */
const idList = (value: string | undefined): string[] =>
  (value ?? '').split(/[\s,]+/).filter(id => id !== '')

/** Account ids, one per line (commas and spaces also separate them); each must be 12 digits. */
function accountIds(name: string, value: string | undefined): string[] {
  const ids = idList(value)
  for (const id of ids) {
    if (!/^\d{12}$/.test(id)) {
      throw new InputError(
        `input ${name} must list 12-digit AWS account ids, one per line; got '${id}'`
      )
    }
  }
  return ids
}

/** An organization's root id (`r-…`) or an OU id (`ou-…-…`), as AWS Organizations writes them. */
const UNIT_ID = /^(?:r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/

function unitIds(value: string | undefined): string[] {
  const ids = idList(value)
  for (const id of ids) {
    if (!UNIT_ID.test(id)) {
      throw new InputError(
        `input organizational-units must list organizational unit ids (ou-ab12-cdef3456) or the root id (r-ab12), one per line; got '${id}'`
      )
    }
  }
  return [...new Set(ids)]
}

/** The `organization` inputs against the others: each conflict is an error before any AWS call. */
function checkOrganizationInputs(i: {
  organization: boolean
  organizationalUnits: string[]
  excludeAccounts: string[]
  accounts: string[]
  roleName: string | undefined
  rolesToAssume: string[]
  reportFile: string | undefined
}): void {
  if (!i.organization) {
    for (const [name, list] of [
      ['organizational-units', i.organizationalUnits],
      ['exclude-accounts', i.excludeAccounts]
    ] as const) {
      if (list.length > 0) {
        throw new InputError(`input ${name} is used only with organization: true; set it too`)
      }
    }
    return
  }
  if (i.accounts.length > 0) {
    throw new InputError(
      'inputs accounts and organization exclude each other: organization finds the accounts itself ' +
        '(limit it with organizational-units and exclude-accounts), accounts lists them; set one'
    )
  }
  if (i.reportFile !== undefined) {
    throw new InputError(
      'inputs report-file and organization exclude each other: report-file audits a file without calling AWS'
    )
  }
  if (i.roleName === undefined) {
    throw new InputError(
      'input organization needs role-name: the name of the role to assume in each account found'
    )
  }
  if (i.rolesToAssume.length > 1) {
    throw new InputError(
      'with organization, role-to-assume takes one role: the one that lists the accounts ' +
        '(in the management account or a delegated administrator); the accounts are reached through role-name'
    )
  }
}

/** Defaults and ranges of the numeric settings the action's inputs and the CLI's live-audit flags share. */
export const NUMBER_SETTINGS = {
  'role-duration-seconds': { fallback: 900, min: 900, max: 43_200 },
  'report-timeout-seconds': { fallback: 120, min: 1, max: 3600 },
  'max-report-age-hours': { fallback: 24, min: 1, max: 24 * 365 }
} as const

/** A whole number in [min, max] from `raw` (`fallback` when unset); `what` names it in the error. */
export function wholeNumber(
  what: string,
  raw: string | undefined,
  range: { fallback: number; min: number; max: number }
): number {
  if (raw === undefined) return range.fallback
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || n < range.min || n > range.max) {
    throw new InputError(
      `${what} must be a whole number from ${range.min} to ${range.max}; got '${raw}'`
    )
  }
  return n
}

function integer(
  getInput: GetInput,
  name: string,
  range: { fallback: number; min: number; max: number }
): number {
  return wholeNumber(`input ${name}`, getInput(name).trim() || undefined, range)
}

/** YAML 1.2 core booleans, as `core.getBooleanInput` accepts them; `fallback` when unset. */
export function booleanInput(getInput: GetInput, name: string, fallback: boolean): boolean {
  const raw = getInput(name).trim()
  if (raw === '') return fallback
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE'].includes(raw)) return false
  throw new InputError(`input ${name} must be true or false; got '${raw}'`)
}
