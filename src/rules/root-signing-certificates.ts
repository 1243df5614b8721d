import { describeCell, isTimestamp, isTrue } from '../report/cells.js'
import { ageInDays, days, formatTimestamp } from '../time.js'
import { ROOT_CENTRAL_NOTE, ROOT_SIGN_IN } from './commands.js'
import type { RowRule, RuleHit } from './types.js'

/**
 * The root user has no active X.509 signing certificate. Not a CIS item, but
 * the same reasoning as root access keys: a long-term root credential that
 * signs requests without MFA. One finding per active certificate.
 */
export const rootSigningCertificates: RowRule = {
  id: 'root-signing-certificates',
  title: 'The root user has no active signing certificates',
  description: 'The root user has an active X.509 signing certificate.',
  cis: {},
  defaultSeverity: 'high',
  enabledByDefault: true,
  scope: 'root',
  parameters: [],
  credentialDoc: '`cert_1` / `cert_2`',
  requiredColumns: ['cert_1_active', 'cert_2_active'],
  help: {
    rationale:
      "An X.509 signing certificate is a long-term credential that a few legacy SOAP interfaces accept to sign requests. On the root user it carries root's unrestricted access with no MFA, like a root access key, and almost nobody needs one today. When `iam:GetAccountSummary` is available and says `AccountSigningCertificatesPresent` is 0, the report is stale and the rule reports nothing.",
    audit:
      'In the credential report, the `<root_account>` row must have `cert_1_active` and `cert_2_active` = `false`. Or:\n\n```sh\naws iam get-account-summary --query "SummaryMap.AccountSigningCertificatesPresent"\n```\n\nIt must print `0`.',
    remediation: `${ROOT_SIGN_IN} Under X.509 certificates, deactivate the certificate, check that nothing broke, then delete it. ${ROOT_CENTRAL_NOTE}`,
    backout:
      'A deactivated certificate can be reactivated by the root user under Security credentials, X.509 certificates. A deleted certificate cannot be restored; upload the certificate again (the root user keeps the private key).'
  },
  check(row, ctx) {
    const summary = ctx.account.summary
    if (summary?.status === 'known' && !summary.value.signingCertificatesPresent) return []
    const hits: RuleHit[] = []
    for (const cert of row.certs) {
      if (!isTrue(cert.active)) continue
      const rotated = isTimestamp(cert.lastRotated)
        ? `${formatTimestamp(cert.lastRotated)}, ${days(ageInDays(ctx.now, cert.lastRotated))} ago`
        : describeCell(cert.lastRotated)
      hits.push({
        credential: cert.credential,
        message: `Active X.509 signing certificate ${cert.credential} was last rotated ${rotated}; the root user should have none.`
      })
    }
    return hits
  },
  remediation() {
    return {
      kind: 'manual',
      instructions: `${ROOT_SIGN_IN} Under X.509 certificates, deactivate the certificate, check that nothing broke, then delete it. ${ROOT_CENTRAL_NOTE}`
    }
  }
}
