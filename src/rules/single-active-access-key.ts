import { describeCell, isTimestamp, isTrue } from '../report/cells.js'
import type { AccessKeyCells } from '../report/types.js'
import { ageInDays, days, formatTimestamp } from '../time.js'
import { accessKeyCommands } from './commands.js'
import type { RowRule } from './types.js'

function describeKey(key: AccessKeyCells, now: number): string {
  const created = isTimestamp(key.lastRotated)
    ? `created ${formatTimestamp(key.lastRotated)} (${days(ageInDays(now, key.lastRotated))} ago)`
    : `created ${describeCell(key.lastRotated)}`
  return `${key.credential} ${created}, last used ${describeCell(key.lastUsedDate)}`
}

/**
 * CIS: at most one active access key per IAM user. Fires when both keys are
 * active. With `grace-days` > 0 there is no finding while the newer key
 * (the larger `last_rotated`) is younger than `grace-days` whole days, which
 * leaves room for a rotation in progress; the default 0 is the CIS wording.
 */
export const singleActiveAccessKey: RowRule = {
  id: 'single-active-access-key',
  title: 'IAM users have at most one active access key',
  description:
    "An IAM user has two active access keys (after `grace-days` from the newer key's creation).",
  cis: {
    'v1.4-v3.0': '1.13',
    'v4.0': '1.13',
    'v5.0': '1.12',
    'v6.0': '2.12'
  },
  defaultSeverity: 'medium',
  enabledByDefault: true,
  scope: 'users',
  parameters: [
    {
      name: 'grace-days',
      description:
        "Whole days after the newer key's creation during which two active keys are allowed (a rotation in progress); 0 = never (CIS).",
      default: 0,
      minimum: 0,
      maximum: 90,
      unit: 'days',
      looserWhen: 'higher'
    }
  ],
  credentialDoc: 'none (the user as a whole; the message names both keys)',
  requiredColumns: ['access_key_1_active', 'access_key_2_active'],
  help: {
    rationale:
      "Two active keys double the secrets to protect and usually mean a rotation was started and never finished: the old key is still valid somewhere. One active key per user, rotated by creating the second, switching over, and deactivating the first, keeps the window short. Set `grace-days` to allow the overlap of a rotation in progress (counted from the newer key's `last_rotated`). CIS removed this item in v7.0.",
    audit:
      'In the credential report, no row may have both `access_key_1_active` and `access_key_2_active` = `true`. For one user:\n\n```sh\naws iam list-access-keys --user-name <user-name>\n```\n\nAt most one key may have `Status` `Active`.',
    remediation:
      'Choose the key that stays (the newer one, once every consumer uses it), test that it works, and deactivate the other:\n\n```sh\naws iam update-access-key --user-name <user-name> --access-key-id <access-key-id> --status Inactive\naws iam list-access-keys --user-name <user-name>\n```',
    backout:
      'Reactivate the key:\n\n```sh\naws iam update-access-key --user-name <user-name> --access-key-id <access-key-id> --status Active\n```'
  },
  check(row, ctx) {
    const grace = ctx.params['grace-days'] ?? 0
    const [k1, k2] = row.accessKeys
    if (!isTrue(k1.active) || !isTrue(k2.active)) return []
    let graceNote = ''
    if (grace > 0) {
      const rotated = [k1.lastRotated, k2.lastRotated].filter(isTimestamp)
      if (rotated.length === 2) {
        const age = ageInDays(ctx.now, Math.max(...rotated))
        if (age < grace) return []
        graceNote = `, past the ${grace}-day grace period`
      }
    }
    return [
      {
        credential: null,
        message: `Both access keys are active (${describeKey(k1, ctx.now)}; ${describeKey(k2, ctx.now)})${graceNote}.`
      }
    ]
  },
  remediation(subject) {
    return {
      kind: 'command',
      note: 'Deactivate the key that is no longer needed (usually the older one); check that the other one works first.',
      ...accessKeyCommands(subject, 'Inactive')
    }
  }
}
