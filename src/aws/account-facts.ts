/**
 * Account-level facts from three cheap IAM calls, made concurrently. A refused
 * or failed call makes that fact `unavailable`; this never throws.
 */
import {
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  ListVirtualMFADevicesCommand
} from '@aws-sdk/client-iam'
import type { IAMClient } from '@aws-sdk/client-iam'
import { FACT_ACTIONS } from '../account/types.js'
import type {
  AccountFacts,
  AccountSummary,
  Fact,
  PasswordPolicy,
  VirtualMfaDevice
} from '../account/types.js'
import { errorCode, errorMessage, hasCode, isPermissionError } from './aws-errors.js'
import { DeadlineError, withDeadline } from './sdk.js'
import type { DeadlineOptions } from './sdk.js'

export interface ReadAccountFactsOptions extends DeadlineOptions {
  /** Budget per fact (pagination included). Default 60 s. */
  timeoutSeconds?: number
}

const SUMMARY_KEYS = [
  'AccountMFAEnabled',
  'AccountAccessKeysPresent',
  'AccountPasswordPresent',
  'AccountSigningCertificatesPresent'
] as const

/** Why a call failed, in the words the "not evaluated" notes use. */
export function unavailableReason(e: unknown, action: string): string {
  if (isPermissionError(e)) return `missing permission ${action}`
  if (e instanceof DeadlineError) return `${action} did not answer in time`
  return `${action} failed: ${errorCode(e)}: ${errorMessage(e)}`
}

async function fact<T>(
  action: string,
  timeoutMs: number,
  deadline: DeadlineOptions,
  read: (signal: AbortSignal) => Promise<T>
): Promise<Fact<T>> {
  try {
    return { status: 'known', value: await withDeadline(timeoutMs, read, deadline) }
  } catch (e) {
    return { status: 'unavailable', reason: unavailableReason(e, action) }
  }
}

export async function readAccountFacts(
  client: IAMClient,
  options: ReadAccountFactsOptions = {}
): Promise<AccountFacts> {
  const timeoutMs = (options.timeoutSeconds ?? 60) * 1000
  const deadline: DeadlineOptions = { signal: options.signal, timeScale: options.timeScale }

  const summary = fact<AccountSummary>(FACT_ACTIONS.summary, timeoutMs, deadline, async signal => {
    const out = await client.send(new GetAccountSummaryCommand({}), { abortSignal: signal })
    const map: Record<string, number | undefined> = out.SummaryMap ?? {}
    const missing = SUMMARY_KEYS.filter(k => typeof map[k] !== 'number')
    if (missing.length > 0) {
      throw new Error(`SummaryMap lacks ${missing.join(', ')}`)
    }
    return {
      mfaEnabled: map.AccountMFAEnabled === 1,
      accessKeysPresent: map.AccountAccessKeysPresent === 1,
      passwordPresent: map.AccountPasswordPresent === 1,
      signingCertificatesPresent: map.AccountSigningCertificatesPresent === 1
    }
  })

  const virtualMfaDevices = fact<readonly VirtualMfaDevice[]>(
    FACT_ACTIONS.virtualMfaDevices,
    timeoutMs,
    deadline,
    async signal => {
      const devices: VirtualMfaDevice[] = []
      // Pages walked by hand: the generated paginator takes no abort signal.
      let marker: string | undefined
      do {
        const out = await client.send(
          new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned', Marker: marker }),
          { abortSignal: signal }
        )
        for (const d of out.VirtualMFADevices ?? []) {
          devices.push({ serialNumber: d.SerialNumber ?? '', userArn: d.User?.Arn ?? null })
        }
        marker = out.IsTruncated ? out.Marker : undefined
      } while (marker)
      return devices
    }
  )

  const passwordPolicy = fact<PasswordPolicy | null>(
    FACT_ACTIONS.passwordPolicy,
    timeoutMs,
    deadline,
    async signal => {
      try {
        const out = await client.send(new GetAccountPasswordPolicyCommand({}), {
          abortSignal: signal
        })
        const p = out.PasswordPolicy
        if (!p) return null
        return {
          minimumPasswordLength: p.MinimumPasswordLength ?? null,
          passwordReusePrevention: p.PasswordReusePrevention ?? null,
          requireUppercaseCharacters: p.RequireUppercaseCharacters === true,
          requireLowercaseCharacters: p.RequireLowercaseCharacters === true,
          requireNumbers: p.RequireNumbers === true,
          requireSymbols: p.RequireSymbols === true,
          expirePasswords: p.ExpirePasswords === true,
          // IAM answers 0 or nothing when passwords never expire.
          maxPasswordAge: p.MaxPasswordAge ? p.MaxPasswordAge : null,
          hardExpiry: p.HardExpiry === true
        }
      } catch (e) {
        // The documented answer for "this account has no password policy".
        if (hasCode(e, 'NoSuchEntity', 'NoSuchEntityException')) return null
        throw e
      }
    }
  )

  const [s, v, p] = await Promise.all([summary, virtualMfaDevices, passwordPolicy])
  return { summary: s, virtualMfaDevices: v, passwordPolicy: p }
}
