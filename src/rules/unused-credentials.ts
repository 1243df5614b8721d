import type { CisReferences } from './types.js'

/**
 * CIS "credentials unused for 45 days or more are disabled" is one control
 * covering passwords and access keys; `unused-password` and
 * `unused-access-key` each check one kind and share its references.
 */
export const UNUSED_CREDENTIALS_CIS: CisReferences = {
  'v1.2': '1.3',
  'v1.4-v3.0': '1.12',
  'v4.0': '1.12',
  'v5.0': '1.11',
  'v6.0': '2.11',
  'v7.0': '2.11'
}

/** Security Hub IAM.22 (45 days) and IAM.8 (90 days). */
export const UNUSED_CREDENTIALS_SECURITY_HUB: readonly string[] = ['IAM.22', 'IAM.8']
