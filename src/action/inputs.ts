import { InputError } from '../errors.js'
import type { FailOnSeverity } from '../severity.js'
import { FAIL_ON_SEVERITIES, isFailOnSeverity } from '../severity.js'

/**
 * Where the policy file is looked for when the `policy-file` input is left
 * unset. action.yml gives the input no `default:` (the runner would pass it
 * as if the user had set it), so an unset input is told from a named path.
 */
export const DEFAULT_POLICY_FILE = '.github/iam-credential-policy.yml'

export interface ActionInputs {
  roleToAssume?: string
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
  return {
    roleToAssume: text('role-to-assume'),
    awsRegion: region,
    audience: text('audience') ?? 'sts.amazonaws.com',
    roleSessionName: text('role-session-name') ?? 'iam-credential-gate',
    roleDurationSeconds: integer(getInput, 'role-duration-seconds', 900, 900, 43200),
    policyFile: { path: policyInput ?? DEFAULT_POLICY_FILE, explicit: policyInput !== undefined },
    reportFile: text('report-file'),
    failOnSeverity: failOn,
    softFail: boolean(getInput, 'soft-fail', false),
    jsonFile: text('json-file'),
    sarifFile: text('sarif-file'),
    remediationFile: text('remediation-file'),
    reportTimeoutSeconds: integer(getInput, 'report-timeout-seconds', 120, 1, 3600),
    maxReportAgeHours: integer(getInput, 'max-report-age-hours', 24, 1, 24 * 365),
    resolveKeyIds: boolean(getInput, 'resolve-key-ids', true)
  }
}

function integer(
  getInput: GetInput,
  name: string,
  fallback: number,
  min: number,
  max: number
): number {
  const raw = getInput(name).trim()
  if (raw === '') return fallback
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    throw new InputError(`input ${name} must be a whole number from ${min} to ${max}; got '${raw}'`)
  }
  return n
}

/** YAML 1.2 core booleans, as `core.getBooleanInput` accepts them. */
function boolean(getInput: GetInput, name: string, fallback: boolean): boolean {
  const raw = getInput(name).trim()
  if (raw === '') return fallback
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE'].includes(raw)) return false
  throw new InputError(`input ${name} must be true or false; got '${raw}'`)
}
