import type { Evaluation } from '../evaluation.js'
import type { Policy } from '../policy/types.js'
import { positionOf } from '../policy/position.js'

/** The tool's name as code scanning shows it (`tool.driver.name`); never change it. */
export const TOOL_NAME = 'iam-credential-gate'

/** Where to learn about the tool: SARIF `informationUri`, links in the summary. */
export const INFORMATION_URI = 'https://github.com/iam-credential-gate/iam-credential-gate'

/** Everything a renderer needs. Renderers are pure: no I/O, no clock; time comes in here. */
export interface RenderContext {
  evaluation: Evaluation
  /** For positions (related locations, annotations at policy lines) and the source path. */
  policy: Policy
  toolVersion: string
  /** When AWS generated the report (GetCredentialReport); null for a file without it. */
  reportGeneratedAt: number | null
  reportSource: { kind: 'aws' } | { kind: 'file'; path: string }
  /** Render time, ms since the epoch. */
  now: number
  /**
   * When each access key with a finding was created (the report's
   * `last_rotated`), by `user/credential`: the remediation script looks the
   * key's id up by it at run time, so the audit need not call AWS for it.
   */
  accessKeysCreated?: ReadonlyMap<string, number>
}

/**
 * A path usable as a repository-relative URI path: forward slashes, no
 * leading `./`, not absolute, no `..` segment, no colon. Null when the path
 * cannot be made repository-relative without knowing the checkout directory.
 */
export function repoRelativePath(path: string): string | null {
  const p = path.replace(/\\/g, '/').replace(/^(\.\/)+/, '')
  if (p === '' || p.startsWith('/') || p.includes(':')) return null
  const segments = p.split('/')
  if (segments.some(s => s === '..')) return null
  return segments.filter(s => s !== '' && s !== '.').join('/') || null
}

/** The repo-relative path of the policy file, or null for the built-in policy or an absolute path. */
export function policyFilePath(policy: Policy, override?: string): string | null {
  if (override !== undefined) return repoRelativePath(override)
  return policy.source.kind === 'file' ? repoRelativePath(policy.source.path) : null
}

/**
 * The policy-file line that configures a rule: `/rules/<id>`, else `/rules`,
 * else line 1 (the rule is not configured, so its defaults apply).
 */
export function ruleLine(policy: Policy, ruleId: string): number {
  return positionOf(policy, `/rules/${ruleId}`).line
}
