/**
 * Builds Evaluation objects and render contexts directly, so the renderer
 * tests do not depend on the parser, the policy loader or the evaluator.
 */
import { createHash } from 'node:crypto'
import type { SourcePosition } from '../../src/errors.js'
import type {
  AppliedExemption,
  Evaluation,
  EvaluationWarning,
  Finding,
  NotEvaluated,
  SeverityCounts
} from '../../src/evaluation.js'
import type { Policy, PolicySource } from '../../src/policy/types.js'
import type { RenderContext } from '../../src/render/context.js'
import type { Credential } from '../../src/report/types.js'
import { ROOT_USER } from '../../src/report/types.js'
import { findRule, RULES } from '../../src/rules/catalog.js'
import type { Rule } from '../../src/rules/types.js'
import type { FailOnSeverity, Severity } from '../../src/severity.js'
import { meetsThreshold, SEVERITIES, severityRank } from '../../src/severity.js'

export const ACCOUNT = '123456789012'
export const NOW = Date.UTC(2026, 2, 1, 12, 0, 0)
export const HOUR = 3_600_000

/** A rule id that exists in the catalog: the first choice that does, else the first rule. */
export function ruleId(...preferred: string[]): string {
  for (const id of preferred) if (findRule(id)) return id
  return RULES[0]!.id
}

/** Rules with the given remediation kind for a plain user subject. */
export function rulesWithRemediation(kind: 'command' | 'manual'): Rule[] {
  return RULES.filter(
    r =>
      r.remediation({ user: 'bob', arn: `arn:aws:iam::${ACCOUNT}:user/bob`, credential: null })
        .kind === kind
  )
}

export function fingerprint(ruleId: string, user: string, credential: Credential): string {
  return createHash('sha256')
    .update([ACCOUNT, ruleId, user, credential ?? '-'].join('\u0000'))
    .digest('hex')
    .slice(0, 32)
}

export interface FindingInput {
  ruleId?: string
  user?: string
  credential?: Credential
  severity?: Severity
  message?: string
  keyId?: string
  exemption?: AppliedExemption
  arn?: string
}

export function finding(input: FindingInput = {}): Finding {
  const id = input.ruleId ?? ruleId('access-key-rotation')
  const user = input.user ?? 'alice'
  const credential = input.credential === undefined ? 'access_key_1' : input.credential
  const rule = findRule(id)
  return {
    ruleId: id,
    severity: input.severity ?? rule?.defaultSeverity ?? 'medium',
    user,
    arn:
      input.arn ??
      (user === ROOT_USER
        ? `arn:aws:iam::${ACCOUNT}:root`
        : `arn:aws:iam::${ACCOUNT}:user/${user}`),
    credential,
    message:
      input.message ??
      `Active ${credential ?? 'credential'} was last rotated 2025-10-01T00:00:00Z, 151 days ago, more than the 90 days allowed.`,
    fingerprint: fingerprint(id, user, credential),
    reportLine: user === ROOT_USER ? 2 : 3,
    ...(input.keyId ? { keyId: input.keyId } : {}),
    exempted: input.exemption !== undefined,
    ...(input.exemption ? { exemption: input.exemption } : {})
  }
}

export function exemption(
  reason = 'Break-glass key, reviewed quarterly',
  line = 20
): AppliedExemption {
  return { reason, expires: '2026-06-30', index: 0, line }
}

function counts(findings: readonly Finding[]): SeverityCounts {
  const c: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0 }
  for (const f of findings) if (!f.exempted) c[f.severity]++
  return c
}

export interface EvaluationInput {
  findings?: Finding[]
  failOnSeverity?: FailOnSeverity
  warnings?: EvaluationWarning[]
  notEvaluated?: NotEvaluated[]
  accountId?: string | null
  rootCredentials?: Evaluation['account']['rootCredentials']
  userCount?: number
  policy?: PolicySource
}

export function evaluation(input: EvaluationInput = {}): Evaluation {
  const findings = [...(input.findings ?? [])].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.user.localeCompare(b.user) ||
      String(a.credential).localeCompare(String(b.credential))
  )
  const failOn = input.failOnSeverity ?? 'high'
  const open = findings.filter(f => !f.exempted)
  const breaching = open.filter(f => meetsThreshold(f.severity, failOn))
  const c = counts(findings)
  const tally = new Map<string, number>()
  for (const f of breaching) tally.set(f.ruleId, (tally.get(f.ruleId) ?? 0) + 1)
  const ruleList = [...tally].map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(', ')
  const bySeverity = SEVERITIES.filter(s => meetsThreshold(s, failOn) && c[s] > 0)
    .map(s => `${c[s]} ${s}`)
    .join(' and ')
  const summary =
    breaching.length > 0
      ? `failed: ${bySeverity} finding${breaching.length === 1 ? '' : 's'} — ${ruleList}`
      : `passed: no findings at or above ${failOn}`
  return {
    evaluatedAt: NOW,
    account: {
      id: input.accountId === undefined ? ACCOUNT : input.accountId,
      partition: 'aws',
      rootCredentials: input.rootCredentials ?? 'present'
    },
    userCount: input.userCount ?? 3,
    policy: input.policy ?? { kind: 'file', path: '.github/iam-policy.yml' },
    findings,
    counts: c,
    exemptedCount: findings.filter(f => f.exempted).length,
    verdict: {
      result: breaching.length > 0 ? 'failed' : 'passed',
      failOnSeverity: failOn,
      breaches: breaching.length,
      summary
    },
    warnings: input.warnings ?? [],
    notEvaluated: input.notEvaluated ?? []
  }
}

export function policy(
  source: PolicySource = { kind: 'file', path: '.github/iam-policy.yml' },
  positions: Record<string, number> = {},
  failOnSeverity: FailOnSeverity = 'high'
): Policy {
  const map = new Map<string, SourcePosition>(
    Object.entries(positions).map(([pointer, line]) => [pointer, { line, column: 3 }])
  )
  return {
    source,
    version: 1,
    failOnSeverity,
    rules: Object.fromEntries(
      RULES.map(r => [
        r.id,
        { enabled: r.enabledByDefault, severity: r.defaultSeverity, params: {} }
      ])
    ),
    exemptions: [],
    positions: source.kind === 'file' ? map : new Map()
  }
}

export interface ContextInput {
  evaluation?: Evaluation
  policy?: Policy
  reportGeneratedAt?: number | null
  reportSource?: RenderContext['reportSource']
  now?: number
  accessKeysCreated?: RenderContext['accessKeysCreated']
}

export function context(input: ContextInput = {}): RenderContext {
  const e = input.evaluation ?? evaluation()
  return {
    evaluation: e,
    policy: input.policy ?? policy(e.policy),
    toolVersion: '0.1.0',
    reportGeneratedAt:
      input.reportGeneratedAt === undefined ? NOW - 5 * HOUR : input.reportGeneratedAt,
    reportSource: input.reportSource ?? { kind: 'aws' },
    now: input.now ?? NOW,
    ...(input.accessKeysCreated ? { accessKeysCreated: input.accessKeysCreated } : {})
  }
}

/** N users' findings across the catalog's user rules: for size limits. */
export function manyFindings(users: number, perUser = 1): Finding[] {
  const userRules = RULES.filter(r => r.scope === 'users').map(r => r.id)
  const ids = userRules.length > 0 ? userRules : [ruleId('access-key-rotation')]
  const out: Finding[] = []
  for (let u = 0; u < users; u++) {
    for (let k = 0; k < perUser; k++) {
      const id = ids[(u + k) % ids.length]!
      out.push(
        finding({
          ruleId: id,
          user: `service-account-${String(u).padStart(5, '0')}`,
          credential: k % 2 === 0 ? 'access_key_1' : 'access_key_2',
          message: `Active access_key_${(k % 2) + 1} was last rotated 2025-06-01T00:00:00Z, 273 days ago, more than the 90 days allowed (last used: 2026-02-27T10:11:12Z).`
        })
      )
    }
  }
  return out
}

/** User names a hostile report file could carry. */
export const HOSTILE_USERS = [
  "a'b;rm -rf",
  '$(touch pwned)',
  '`touch pwned2`',
  'pipe|name<script>alert(1)</script>',
  '**bold** _it_ [link](http://evil.example) ![img](x)',
  'colon:name:arn:aws:iam::1:user/x',
  '..',
  '.',
  'line\nbreak\r\nhere',
  'tab\there',
  'rtl\u202eevil',
  'emoji 🔑 name',
  'hash#name',
  'percent%20name',
  "paren(name)!*'",
  'back\\slash',
  '@mention',
  '&amp;entity'
]
