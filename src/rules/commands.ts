import type { Command, RemediationSubject } from './types.js'

/** Stands in for a key id that was not resolved; the plan tells the reader to look it up. */
export const KEY_ID_PLACEHOLDER = '<ACCESS_KEY_ID>'

/**
 * `update-access-key` to `status`, with the opposite as backout. The key id
 * is the resolved one or a placeholder.
 */
export function accessKeyCommands(
  subject: RemediationSubject,
  status: 'Active' | 'Inactive'
): { fix: Command[]; backout: Command[] } {
  const key = subject.keyId ?? KEY_ID_PLACEHOLDER
  const base = [
    'aws',
    'iam',
    'update-access-key',
    '--user-name',
    subject.user,
    '--access-key-id',
    key
  ]
  const opposite = status === 'Inactive' ? 'Active' : 'Inactive'
  return { fix: [[...base, '--status', status]], backout: [[...base, '--status', opposite]] }
}

/** `delete-login-profile`: removes a user's console password. */
export function deleteLoginProfileCommand(subject: RemediationSubject): Command {
  return ['aws', 'iam', 'delete-login-profile', '--user-name', subject.user]
}

/**
 * `update-login-profile --password-reset-required`: the user must choose a new
 * password at the next sign-in. The backout clears the flag again.
 */
export function passwordResetCommands(subject: RemediationSubject): {
  fix: Command[]
  backout: Command[]
} {
  const base = ['aws', 'iam', 'update-login-profile', '--user-name', subject.user]
  return {
    fix: [[...base, '--password-reset-required']],
    backout: [[...base, '--no-password-reset-required']]
  }
}

/**
 * Why every root remediation is manual: the root user's own credentials
 * (password, MFA, access keys, signing certificates) can only be changed by
 * the root user signed in to the console, or, in an AWS Organizations member
 * account with centralized root access, through a privileged `sts:AssumeRoot`
 * session started from the management account. Neither is something a plan
 * of plain `aws iam` commands run with the auditor's credentials can do.
 */
export const ROOT_SIGN_IN =
  'Sign in to the AWS Management Console as the root user (the account email address, its password and MFA), open the account menu and choose Security credentials.'

export const ROOT_CENTRAL_NOTE =
  'In an AWS Organizations member account with centralized root access enabled, the management account can do this instead through a privileged root session (`aws sts assume-root`).'
