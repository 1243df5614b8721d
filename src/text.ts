/** Plain-text pieces of messages, shared by every layer. */

/**
 * "alice, bob and 3 more": the items shown, and how many of `total` are not.
 * Callers pick (and format) the items shown, so a long list is never
 * formatted whole.
 */
export function listAndMore(shown: readonly string[], total: number): string {
  const rest = total - shown.length
  return `${shown.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`
}
