import { isTimestamp, isTrue } from '../report/cells.js'
import { ageInDays, days, formatTimestamp, MAX_DAYS } from '../time.js'
import type { RowRule, RuleHit } from './types.js'

/**
 * An IAM user's active X.509 signing certificate is older than
 * `max-age-days` days (by `cert_N_last_rotated`; fires at `>`, like
 * `access-key-rotation`). Not a CIS item: a signing certificate is the same
 * kind of long-term request-signing credential as an access key, so it gets
 * the access keys' 90-day limit. Inactive certificates and certificates
 * whose date is a sentinel or missing never fire. Root's certificates are
 * `root-signing-certificates`' finding.
 */
export const signingCertificateRotation: RowRule = {
  id: 'signing-certificate-rotation',
  title: 'Signing certificates are rotated every 90 days or less',
  description:
    "An IAM user's active X.509 signing certificate is older than `max-age-days` days (by `cert_N_last_rotated`).",
  cis: {},
  defaultSeverity: 'medium',
  enabledByDefault: true,
  scope: 'users',
  parameters: [
    {
      name: 'max-age-days',
      description:
        'Largest age, in whole days since `cert_N_last_rotated`, an active signing certificate may have. The default, 90, is the limit CIS and Security Hub IAM.3 set for access keys, the same kind of long-term signing credential.',
      default: 90,
      minimum: 1,
      maximum: MAX_DAYS,
      unit: 'days',
      looserWhen: 'higher'
    }
  ],
  credentialDoc: '`cert_1` / `cert_2`',
  requiredColumns: ['cert_1_active', 'cert_1_last_rotated', 'cert_2_active', 'cert_2_last_rotated'],
  help: {
    rationale:
      'An X.509 signing certificate lets a user sign requests to the few legacy AWS SOAP interfaces and old command-line tools that accept one. Like an access key it is a long-term secret (the private key) that signs requests without MFA, is copied to the machines that use it, and stays valid until someone deactivates it. Almost nothing needs one today, so an old active certificate is usually forgotten rather than in use. The rule fires at more than `max-age-days` whole days since `cert_N_last_rotated` (the upload date), like `access-key-rotation`; 90 follows the access-key limit of CIS and Security Hub IAM.3, since no benchmark sets one for certificates. Inactive certificates never fire. The root user has its own rule, `root-signing-certificates`, which fires on any active root certificate.',
    audit:
      "In the credential report, for each user row with `cert_N_active` = `true`, compare `cert_N_last_rotated` with today. Or list one user's certificates with their upload dates:\n\n```sh\naws iam list-signing-certificates --user-name <user-name> --query \"Certificates[?Status=='Active'].[CertificateId,UploadDate]\"\n```",
    remediation:
      "Find out whether anything still signs with the certificate. If nothing does, deactivate it, check that nothing broke, then delete it; if something does, upload a new certificate, move the client to it, then deactivate the old one. The report does not carry the certificate id: look it up by its upload date (the report's `cert_N_last_rotated`):\n\n```sh\naws iam list-signing-certificates --user-name <user-name>\naws iam update-signing-certificate --user-name <user-name> --certificate-id <certificate-id> --status Inactive\naws iam delete-signing-certificate --user-name <user-name> --certificate-id <certificate-id>\n```",
    backout:
      'Until it is deleted, reactivate the certificate:\n\n```sh\naws iam update-signing-certificate --user-name <user-name> --certificate-id <certificate-id> --status Active\n```\n\nA deleted certificate cannot be restored: upload it again with `aws iam upload-signing-certificate` (the owner keeps the private key).'
  },
  check(row, ctx) {
    const maxAge = ctx.params['max-age-days'] ?? 90
    const hits: RuleHit[] = []
    for (const cert of row.certs) {
      if (!isTrue(cert.active) || !isTimestamp(cert.lastRotated)) continue
      const age = ageInDays(ctx.now, cert.lastRotated)
      if (age > maxAge) {
        hits.push({
          credential: cert.credential,
          message: `Active X.509 signing certificate ${cert.credential} was uploaded ${formatTimestamp(cert.lastRotated)}, ${days(age)} ago, more than the ${days(maxAge)} allowed.`
        })
      }
    }
    return hits
  },
  remediation(subject) {
    // The report carries no certificate id, and unlike access keys there is
    // no resolver for it: a command with a placeholder could be run by
    // mistake, so the step is manual, with the lookup first.
    const user = subject.user
    const slot = subject.credential ?? 'the certificate'
    return {
      kind: 'manual',
      instructions: [
        `Find the id of ${slot} (the report does not carry it): run \`aws iam list-signing-certificates --user-name ${user}\` and take the active certificate whose UploadDate is the report's ${subject.credential ?? 'cert_N'}_last_rotated.`,
        `Check that nothing still signs with it, then deactivate it: \`aws iam update-signing-certificate --user-name ${user} --certificate-id <certificate-id> --status Inactive\` (backout: the same command with \`--status Active\`).`,
        `Once nothing broke, delete it: \`aws iam delete-signing-certificate --user-name ${user} --certificate-id <certificate-id>\` (no backout: upload the certificate again).`
      ].join('\n')
    }
  }
}
