import { describeCell, isTimestamp } from '../report/cells.js'
import type { Cell, Timestamp } from '../report/types.js'
import { ageInDays, days, formatTimestamp, MAX_DAYS } from '../time.js'
import type { RowRule } from './types.js'

interface Use {
  what: 'password' | 'access_key_1' | 'access_key_2'
  at: Cell<Timestamp>
}

/**
 * CIS: avoid using the root user. Fires when the latest of root's
 * `password_last_used`, `access_key_1_last_used_date` and
 * `access_key_2_last_used_date` is fewer than `window-days` whole days ago
 * (fires at `<`). Sentinels are ignored. The latest use counts, not the
 * first non-empty column (Prowler's bug), and every comparison goes the same
 * way (Steampipe inverts the key comparisons).
 */
export const rootRecentUse: RowRule = {
  id: 'root-recent-use',
  title: 'The root user has not been used recently',
  description:
    "The root user's password or an access key was last used fewer than `window-days` days ago.",
  cis: {
    'v1.2': '1.1',
    'v1.4-v3.0': '1.7',
    'v4.0': '1.7',
    'v5.0': '1.6',
    'v6.0': '2.6',
    'v7.0': '2.7'
  },
  securityHub: ['IAM.20'],
  defaultSeverity: 'high',
  enabledByDefault: true,
  scope: 'root',
  parameters: [
    {
      name: 'window-days',
      description:
        "A finding when root's latest use is fewer than this many whole days ago; 1 reports only use within the last day.",
      default: 90,
      minimum: 1,
      maximum: MAX_DAYS,
      unit: 'days',
      looserWhen: 'lower'
    }
  ],
  credentialDoc: 'none (the root user as a whole; the message names the credential)',
  requiredColumns: ['password_last_used'],
  // Reports from before 2015 have no key last-used columns: a recent
  // password use is still a finding.
  optionalColumns: {
    columns: ['access_key_1_last_used_date', 'access_key_2_last_used_date'],
    unchecked: "root access key use is not checked, only the root password's"
  },
  help: {
    rationale:
      'The root user cannot be restricted by IAM policies, so day-to-day work should never use it. Only a handful of tasks need root (closing the account, changing the support plan, restoring a bucket policy that locks everyone out, …); each use should be a planned, reviewed break-glass event. A recent use that nobody planned is a sign of a compromised root credential.\n\nThe rule takes the latest of `password_last_used`, `access_key_1_last_used_date` and `access_key_2_last_used_date`, ignoring `N/A` and `no_information`, and fires when it is fewer than `window-days` whole days ago. Exempt the finding (with an expiry) after a reviewed break-glass use. The report records only the first use in any 5-minute (password) or 15-minute (access key) span, and may be up to 4 hours old.',
    audit:
      'Read the three columns of the `<root_account>` row:\n\n```sh\naws iam generate-credential-report\naws iam get-credential-report --query Content --output text | base64 -d | cut -d, -f1,5,11,16 | grep "<root_account>"\n```\n\nThen look up what root did in CloudTrail (events whose `userIdentity.type` is `Root`), e.g.:\n\n```sh\naws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=root --max-results 50\n```',
    remediation:
      'Find out who used root and why (CloudTrail, the change log of your break-glass procedure). If the use was not planned, treat it as an incident: change the root password, check the MFA devices and the account email address, and delete any root access keys (`root-access-keys`). Move the task to an IAM role, and once reviewed, exempt the finding until the window has passed.',
    backout: 'Nothing to undo: the rule only reports past use.'
  },
  check(row, ctx) {
    const window = ctx.params['window-days'] ?? 90
    const uses: Use[] = [
      { what: 'password', at: row.passwordLastUsed },
      { what: 'access_key_1', at: row.accessKeys[0].lastUsedDate },
      { what: 'access_key_2', at: row.accessKeys[1].lastUsedDate }
    ]
    let latest: { what: Use['what']; at: Timestamp } | null = null
    for (const use of uses) {
      if (isTimestamp(use.at) && (latest === null || use.at > latest.at)) {
        latest = { what: use.what, at: use.at }
      }
    }
    if (latest === null) return []
    const age = ageInDays(ctx.now, latest.at)
    if (age >= window) return []
    const others = uses
      .filter(u => u.what !== latest.what)
      .map(u => `${u.what} last used: ${describeCell(u.at)}`)
      .join(', ')
    return [
      {
        credential: null,
        message: `Root ${latest.what} was last used ${formatTimestamp(latest.at)}, ${days(age)} ago, within the ${window}-day window (${others}).`
      }
    ]
  },
  remediation() {
    return {
      kind: 'manual',
      instructions:
        'Find out who used the root user and why (CloudTrail events with userIdentity.type Root). If the use was not a planned break-glass event, change the root password, check its MFA devices and email address, and delete any root access keys; then exempt the reviewed finding until the window has passed.'
    }
  }
}
