/**
 * Access key ids for report slots. The credential report names keys only by
 * slot (`access_key_1`, `access_key_2`); `ListAccessKeys` gives ids and
 * creation dates. A key's `CreateDate` equals the slot's `last_rotated` (to
 * the second), which pairs them; when dates do not match, creation order
 * (older = slot 1) decides.
 */
import { ListAccessKeysCommand } from '@aws-sdk/client-iam'
import type { IAMClient } from '@aws-sdk/client-iam'
import type { AccessKeyCredential } from '../report/types.js'
import { listAndMore } from '../text.js'
import { errorCode, errorMessage, isPermissionError } from './aws-errors.js'
import { DeadlineError, mapLimit, scaledClock, withDeadline } from './sdk.js'

export interface KeySlotQuery {
  credential: AccessKeyCredential
  /** The slot's `access_key_N_last_rotated`, epoch ms; null when unknown. */
  lastRotated: number | null
}

export interface UserKeyQuery {
  user: string
  keys: readonly KeySlotQuery[]
}

export interface ResolvedKeyIds {
  /** `${user}/${credential}` → access key id. */
  keyIds: Map<string, string>
  /** One line per kind of failure; empty when every user was read. */
  warnings: string[]
}

export interface ResolveKeyIdsOptions {
  /** Users read at once. Default 4. */
  concurrency?: number
  /** Budget per user (pagination included). Default 30 s. */
  timeoutSeconds?: number
  /**
   * Budget for the whole lookup. Once it has run out, calls under way are
   * abandoned and no user is started; their ids stay unknown, with a
   * warning. Default 120 s.
   */
  totalTimeoutSeconds?: number
  /** Real time per nominal millisecond (tests only; see `sdk.ts`). Default 1. */
  timeScale?: number
}

interface KeyMetadata {
  id: string
  created: number | null
}

export const keyIdKey = (user: string, credential: AccessKeyCredential): string =>
  `${user}/${credential}`

const toSecond = (ms: number): number => Math.floor(ms / 1000)

/** Pairs listed keys with the report's slots. Exported for unit tests. */
export function matchKeysToSlots(
  slots: readonly KeySlotQuery[],
  listed: readonly KeyMetadata[]
): Map<AccessKeyCredential, string> {
  const result = new Map<AccessKeyCredential, string>()
  const unused = [...listed]
  const unmatched: KeySlotQuery[] = []
  // Exact creation-date matches first.
  for (const slot of [...slots].sort((a, b) => a.credential.localeCompare(b.credential))) {
    const i =
      slot.lastRotated === null
        ? -1
        : unused.findIndex(
            k => k.created !== null && toSecond(k.created) === toSecond(slot.lastRotated as number)
          )
    if (i >= 0) {
      result.set(slot.credential, (unused[i] as KeyMetadata).id)
      unused.splice(i, 1)
    } else {
      unmatched.push(slot)
    }
  }
  // Then creation order: the older remaining key takes the lower remaining slot.
  unused.sort((a, b) => (a.created ?? Infinity) - (b.created ?? Infinity))
  for (const slot of unmatched) {
    const key = unused.shift()
    if (!key) break
    result.set(slot.credential, key.id)
  }
  return result
}

export async function resolveKeyIds(
  client: IAMClient,
  users: readonly UserKeyQuery[],
  options: ResolveKeyIdsOptions = {}
): Promise<ResolvedKeyIds> {
  const keyIds = new Map<string, string>()
  const denied: string[] = []
  const failed: { user: string; reason: string }[] = []
  const outOfTime: string[] = []
  const timeoutMs = (options.timeoutSeconds ?? 30) * 1000
  const totalMs = (options.totalTimeoutSeconds ?? 120) * 1000
  const { now } = scaledClock(options.timeScale)
  const deadline = now() + totalMs
  const wanted = users.filter(u => u.keys.length > 0)

  await mapLimit(wanted, options.concurrency ?? 4, async ({ user, keys }) => {
    const left = deadline - now()
    if (left <= 0) {
      outOfTime.push(user)
      return
    }
    // The user's own budget, cut short by what is left of the whole lookup's.
    const budget = Math.min(timeoutMs, left)
    try {
      const listed = await withDeadline(
        budget,
        async signal => {
          const out: KeyMetadata[] = []
          let marker: string | undefined
          do {
            const page = await client.send(
              new ListAccessKeysCommand({ UserName: user, Marker: marker }),
              { abortSignal: signal }
            )
            for (const k of page.AccessKeyMetadata ?? []) {
              if (k.AccessKeyId) {
                out.push({ id: k.AccessKeyId, created: k.CreateDate?.getTime() ?? null })
              }
            }
            marker = page.IsTruncated ? page.Marker : undefined
          } while (marker)
          return out
        },
        { timeScale: options.timeScale }
      )
      for (const [credential, id] of matchKeysToSlots(keys, listed)) {
        keyIds.set(keyIdKey(user, credential), id)
      }
    } catch (e) {
      if (isPermissionError(e)) denied.push(user)
      else if (e instanceof DeadlineError && budget < timeoutMs) outOfTime.push(user)
      else
        failed.push({
          user,
          reason:
            e instanceof DeadlineError ? 'no answer in time' : `${errorCode(e)}: ${errorMessage(e)}`
        })
    }
  })

  const warnings: string[] = []
  if (denied.length > 0) {
    warnings.push(
      `missing permission iam:ListAccessKeys: access key ids unknown for ${listAndMore(denied.slice(0, 5), denied.length)}`
    )
  }
  if (failed.length > 0) {
    const shown = failed.slice(0, 5).map(f => `${f.user} (${f.reason})`)
    warnings.push(
      `iam:ListAccessKeys failed: access key ids unknown for ${listAndMore(shown, failed.length)}`
    )
  }
  if (outOfTime.length > 0) {
    warnings.push(
      `iam:ListAccessKeys took longer than the lookup's ${totalMs / 1000} s in all: access key ids unknown for ${listAndMore(outOfTime.slice(0, 5), outOfTime.length)}`
    )
  }
  return { keyIds, warnings }
}
