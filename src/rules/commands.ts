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
