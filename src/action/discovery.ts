/**
 * `organization: true`: the run's accounts are found in AWS Organizations
 * with the first role's credentials (`role-to-assume` assumed with OIDC, or
 * the default credential chain), then planned exactly as `accounts` are:
 * each reached through `role-name`, with OIDC or by role chaining. See the
 * README, "Several accounts and AWS Organizations".
 */
import * as core from '@actions/core'
import type { ActionInputs } from './inputs.js'
import type { AccountPlan } from './multi-account.js'
import { planAccounts } from './multi-account.js'
import { firstRoleCredentials } from './report-source.js'

export interface DiscoveryHooks {
  /** Registers an account id as a secret (`mask-aws-account-id`); a no-op otherwise. */
  mask: (accountId: string | null) => void
  log?: (message: string) => void
  warn?: (message: string) => void
}

/** Finds the organization's accounts, then plans them as `accounts` would be. */
export async function planOrganization(
  inputs: ActionInputs,
  hooks: DiscoveryHooks
): Promise<AccountPlan> {
  const log = hooks.log ?? ((message: string) => core.info(message))
  const warn = hooks.warn ?? ((message: string) => core.warning(message))
  const { credentials, principal } = await firstRoleCredentials(inputs, log)
  // Loaded only for `organization`: most runs never need this client.
  const { createOrganizationsClient, listOrganizationAccounts } =
    await import('../aws/organizations.js')
  const client = createOrganizationsClient({ region: inputs.awsRegion, credentials })
  let found
  try {
    found = await listOrganizationAccounts(client, {
      organizationalUnits: inputs.organizationalUnits,
      excludeAccounts: inputs.excludeAccounts,
      timeoutSeconds: inputs.reportTimeoutSeconds,
      principal
    })
  } finally {
    client.destroy()
  }
  // Before any line names them.
  for (const a of [...found.active, ...found.skipped]) hooks.mask(a.id)

  const where =
    inputs.organizationalUnits.length === 0
      ? 'the organization'
      : `organizational units ${inputs.organizationalUnits.join(', ')}`
  const skipped = found.skipped.map(s => `${s.id} (${s.status.toLowerCase().replace(/_/g, ' ')})`)
  log(
    `Found ${found.active.length} active account${found.active.length === 1 ? '' : 's'} in ${where} ` +
      `with ${principal}` +
      (skipped.length > 0 ? `; skipped: ${skipped.join(', ')}` : '')
  )
  if (found.unmatchedExclusions.length > 0) {
    warn(`exclude-accounts: ${found.unmatchedExclusions.join(', ')} matched no account of ${where}`)
  }
  // Never null: an `organization` run always has the multi-account shape.
  const plan = planAccounts({ ...inputs, accounts: found.active.map(a => a.id) })
  if (!plan) throw new Error('organization: no account plan')
  return { ...plan, skipped: found.skipped }
}
