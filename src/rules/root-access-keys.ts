import { describeCell, isTimestamp, isTrue } from '../report/cells.js'
import { ageInDays, days, formatTimestamp } from '../time.js'
import { ROOT_CENTRAL_NOTE, ROOT_SIGN_IN } from './commands.js'
import type { RowRule, RuleHit } from './types.js'

/**
 * CIS: no root access key exists. One finding per active root key (critical);
 * a deactivated root key that still exists is a `low` finding, because it can
 * be reactivated at any time and `GetAccountSummary` still counts it.
 */
export const rootAccessKeys: RowRule = {
  id: 'root-access-keys',
  title: 'The root user has no access keys',
  description:
    'The root user has an active access key (critical), or a deactivated one that still exists (low).',
  cis: {
    'v1.2': '1.12',
    'v1.4-v3.0': '1.4',
    'v4.0': '1.4',
    'v5.0': '1.3',
    'v6.0': '2.3',
    'v7.0': '2.4'
  },
  securityHub: ['IAM.4'],
  defaultSeverity: 'critical',
  enabledByDefault: true,
  scope: 'root',
  parameters: [],
  credentialDoc: '`access_key_1` / `access_key_2`',
  requiredColumns: ['access_key_1_active', 'access_key_2_active'],
  // An active key needs no date; a deactivated key is told from an empty
  // slot only by its `last_rotated`.
  optionalColumns: {
    columns: ['access_key_1_last_rotated', 'access_key_2_last_rotated'],
    unchecked: 'deactivated root access keys (reported as low) are not found, only active ones'
  },
  help: {
    rationale:
      'The root user has unrestricted access to every resource in the account, and no IAM policy can limit it (only an AWS Organizations SCP or RCP can). A root access key puts that power into a long-term secret that can be copied, committed or leaked, and its use is not protected by MFA. No task needs a root access key. A deactivated root key is reported as `low`: it cannot sign requests, but it can be reactivated and it still counts in `AccountAccessKeysPresent`.\n\nWhen the account summary (`iam:GetAccountSummary`) is available and says `AccountAccessKeysPresent` is 0, the report is stale (it can be up to 4 hours old) and the rule reports nothing.',
    audit:
      'In the credential report, the `<root_account>` row must have `access_key_1_active` and `access_key_2_active` = `false`, and `access_key_N_last_rotated` = `N/A` (no key at all). Or read the account summary, which is authoritative:\n\n```sh\naws iam get-account-summary --query "SummaryMap.AccountAccessKeysPresent"\n```\n\nIt must print `0`.',
    remediation: `Make sure nothing uses the key (\`access_key_N_last_used_date\` and CloudTrail), then delete it as the root user. ${ROOT_SIGN_IN} Under Access keys, choose Actions, Deactivate, and once nothing has broken, Actions, Delete.\n\n${ROOT_CENTRAL_NOTE} Give programs an IAM role instead.`,
    backout:
      'A deactivated key can be reactivated by the root user (Security credentials, Access keys, Actions, Activate). A deleted key cannot be restored; the root user can create a new one, which CIS advises against.'
  },
  check(row, ctx) {
    const summary = ctx.account.summary
    // The summary is authoritative and fresher than the report: keys deleted
    // since the report was generated are gone.
    if (summary?.status === 'known' && !summary.value.accessKeysPresent) return []
    const hits: RuleHit[] = []
    for (const key of row.accessKeys) {
      const created = isTimestamp(key.lastRotated)
        ? `created ${formatTimestamp(key.lastRotated)}, ${days(ageInDays(ctx.now, key.lastRotated))} ago`
        : `created ${describeCell(key.lastRotated)}`
      if (isTrue(key.active)) {
        hits.push({
          credential: key.credential,
          message: `Active ${key.credential} was ${created} (last used: ${describeCell(key.lastUsedDate)}); the root user should have no access keys.`
        })
      } else if (key.active === false && isTimestamp(key.lastRotated)) {
        hits.push({
          credential: key.credential,
          severity: 'low',
          message: `Deactivated ${key.credential} still exists (${created}; last used: ${describeCell(key.lastUsedDate)}); delete it.`
        })
      }
    }
    return hits
  },
  remediation() {
    return {
      kind: 'manual',
      instructions: `${ROOT_SIGN_IN} Under Access keys, deactivate the key, check that nothing broke, then delete it. ${ROOT_CENTRAL_NOTE}`
    }
  }
}
