/**
 * `redact: users` through every renderer: no IAM user name or user ARN may
 * appear in the job summary, the annotations, SARIF (messages, properties,
 * URIs), the JSON document or the text table, in any of the forms the
 * renderers write text in (as is, markdown-escaped, percent-encoded,
 * JSON-escaped, SARIF-escaped). The names are chosen to be hostile:
 * prefixes of each other (`al`, `alice`, `alice.smith`), regular-expression
 * metacharacters (`a+b`, `x.y`), markdown metacharacters (`first_last`), and
 * characters that URIs and CSV encode (`c,d`, `=eq`, `@at`).
 */

import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { withKeyIds } from '../../src/enrich.js'
import { evaluate } from '../../src/evaluate.js'
import type { Evaluation } from '../../src/evaluation.js'
import { renderFormat } from '../../src/outputs.js'
import { defaultPolicy, loadPolicy } from '../../src/policy/load.js'
import type { Policy } from '../../src/policy/types.js'
import {
  isRedactMode,
  maskAccountId,
  redactArn,
  redactContext,
  redactErrorMessage,
  redactEvaluation,
  redactKeyId,
  redactText,
  TextRedactor,
  userToken
} from '../../src/redact.js'
import { planAnnotations } from '../../src/render/annotations.js'
import type { RenderContext } from '../../src/render/context.js'
import { renderJson } from '../../src/render/json.js'
import { md } from '../../src/render/markdown.js'
import { renderRemediationScript } from '../../src/render/remediation.js'
import { renderSarif, sarifText, uriSegment } from '../../src/render/sarif.js'
import { validateGithubConstraints } from '../support/sarif-constraints.js'
import { renderSummary } from '../../src/render/summary.js'
import { renderText } from '../../src/render/text.js'
import { parseCredentialReport } from '../../src/report/parse.js'
import { ROOT_USER } from '../../src/report/types.js'
import { ACCOUNT_ID, sampleReport, sampleRootRow, sampleRow, toCsv } from '../helpers/csv.js'
import { REPORT_COLUMNS } from '../../src/report/types.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BAD } from './cli-harness.js'

const NOW = Date.parse('2026-11-22T00:00:00Z')
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE'
const CAROL_PATH = '/division_abc/subdivision_xyz/'

const HOSTILE = [
  'al',
  'alice',
  'alice.smith',
  'a+b',
  'x.y',
  'c,d',
  '=eq',
  '@at',
  'first_last',
  'Bob',
  'svc.deploy@example.com',
  `long-${'x'.repeat(59)}`
] as const

const arnOf = (user: string): string =>
  user === 'carol'
    ? `arn:aws:iam::${ACCOUNT_ID}:user${CAROL_PATH}carol`
    : `arn:aws:iam::${ACCOUNT_ID}:user/${user}`

/** A console user without MFA and with a key last rotated long ago: two or three findings each. */
function riskyRow(user: string): Record<string, string> {
  return sampleRow({
    user,
    arn: arnOf(user),
    mfa_active: 'false',
    access_key_1_active: 'true',
    access_key_1_last_rotated: '2025-01-01T00:00:00Z',
    access_key_1_last_used_date: '2026-11-20T00:00:00Z',
    access_key_1_last_used_region: 'us-east-1',
    access_key_1_last_used_service: 's3'
  })
}

const POLICY = `version: 1
exemptions:
  - rules: [console-user-mfa]
    users: [alice]
    reason: "alice is on leave; alice.smith and al cover for her (see a+b's and x.y's ticket)"
    expires: 2027-01-31
  - rules: [password-rotation]
    users: ['c,d']
    reason: 'c,d changes the password by hand'
    expires: 2027-01-31
  - rules: [access-key-rotation]
    arns: ['${arnOf('carol')}']
    reason: 'carol migrates to OIDC'
    expires: 2026-01-01
`

function buildContext(
  users: readonly string[],
  policy: Policy = loadPolicy(POLICY, '.github/iam-credential-policy.yml')
): RenderContext {
  const csv = toCsv(REPORT_COLUMNS, [
    sampleRootRow({
      access_key_1_active: 'true',
      access_key_1_last_rotated: '2024-01-01T00:00:00Z',
      access_key_1_last_used_date: '2026-11-01T00:00:00Z',
      access_key_1_last_used_region: 'us-east-1',
      access_key_1_last_used_service: 'iam'
    }),
    ...users.map(riskyRow)
  ])
  const report = parseCredentialReport(csv, { source: 'report.csv' })
  let evaluation = evaluate(report, policy, NOW)
  if (users.includes('x.y')) {
    evaluation = withKeyIds(evaluation, new Map([['x.y/access_key_1', KEY_ID]]))
  }
  return {
    evaluation,
    policy,
    toolVersion: '1.2.3',
    reportGeneratedAt: NOW - 3_600_000,
    reportSource: { kind: 'aws' },
    now: NOW
  }
}

/** Every output a reader of a public repository can see, plus the JSON file and the text table. */
function publicOutputs(ctx: RenderContext): Record<string, string> {
  return {
    summary: renderSummary(ctx),
    annotations: JSON.stringify(
      planAnnotations(ctx, { policyFile: '.github/iam-credential-policy.yml' })
    ),
    sarif: JSON.stringify(renderSarif(ctx, { policyFile: '.github/iam-credential-policy.yml' })),
    json: renderJson(ctx),
    table: renderText(ctx),
    'markdown format': [...renderFormat(ctx, 'markdown')].join('')
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The forms a renderer may write `text` in. */
function writtenForms(text: string): string[] {
  return [
    ...new Set([
      text,
      md(text),
      uriSegment(text),
      encodeURI(text),
      JSON.stringify(text).slice(1, -1),
      sarifText(text),
      JSON.stringify(md(text)).slice(1, -1)
    ])
  ]
}

/** Where `needle`, in any written form and letter case, occurs as a whole word in `haystack`. */
function occurrences(haystack: string, needle: string): string[] {
  const found: string[] = []
  for (const form of writtenForms(needle)) {
    const re = new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(form)}(?![A-Za-z0-9_])`, 'gi')
    for (const m of haystack.matchAll(re)) {
      found.push(haystack.slice(Math.max(0, m.index - 30), m.index + form.length + 30))
    }
  }
  return found
}

/** Names and ARN fragments that must not appear once redacted. */
function secretsOf(users: readonly string[]): string[] {
  return users.flatMap(u => {
    const arn = arnOf(u)
    return [u, arn, arn.slice(arn.indexOf(':user/') + 1)]
  })
}

function leaks(outputs: Record<string, string>, secrets: readonly string[]): string[] {
  const found: string[] = []
  for (const [name, text] of Object.entries(outputs)) {
    for (const s of secrets) {
      for (const o of occurrences(text, s)) found.push(`${name}: ${JSON.stringify(s)} in …${o}…`)
    }
  }
  return found
}

const USERS = [...HOSTILE, 'carol']

describe('redact: users, every renderer', () => {
  const ctx = buildContext(USERS)
  const redacted = redactContext(ctx, 'users')

  it('the fixture is meaningful: every user has findings, with an exemption, warnings and a key id', () => {
    const e = ctx.evaluation
    for (const u of USERS) expect(e.findings.some(f => f.user === u)).toBe(true)
    expect(e.findings.some(f => f.exempted && f.exemption?.reason.includes('alice.smith'))).toBe(
      true
    )
    expect(e.warnings.map(w => w.kind).sort()).toEqual(['expired-exemption', 'stale-exemption'])
    expect(e.warnings.some(w => w.message.includes('c,d'))).toBe(true)
    expect(e.warnings.some(w => w.message.includes(arnOf('carol')))).toBe(true)
    expect(e.findings.some(f => f.keyId === KEY_ID)).toBe(true)
    expect(e.findings.some(f => f.user === ROOT_USER)).toBe(true)
  })

  it('without redaction the names are there (the leak check finds them)', () => {
    const found = leaks(publicOutputs(ctx), secretsOf(USERS))
    for (const u of USERS) expect(found.some(f => f.includes(JSON.stringify(u)))).toBe(true)
  })

  it.each(Object.keys(publicOutputs(ctx)))('%s: no user name or ARN', output => {
    const text = publicOutputs(redacted)[output]!
    expect(leaks({ [output]: text }, secretsOf(USERS))).toEqual([])
    expect(text).toContain(userToken(ACCOUNT_ID, 'alice.smith'))
  })

  it('no full access key id; its first and last four characters stay', () => {
    for (const [name, text] of Object.entries(publicOutputs(redacted))) {
      expect({ name, leaked: text.includes(KEY_ID) }).toEqual({ name, leaked: false })
    }
    expect(renderJson(redacted)).toContain('"keyId": "AKIA…MPLE"')
  })

  it('users become user-<8 hex> from sha256(account, user); root stays <root_account>', () => {
    const token = (u: string): string =>
      `user-${createHash('sha256').update(`${ACCOUNT_ID}\u0000${u}`).digest('hex').slice(0, 8)}`
    const users = new Set(redacted.evaluation.findings.map(f => f.user))
    expect(users).toEqual(new Set([ROOT_USER, ...USERS.map(token)]))
    for (const f of redacted.evaluation.findings) {
      if (f.user === ROOT_USER) expect(f.arn).toBe(`arn:aws:iam::${ACCOUNT_ID}:root`)
      else expect(f.arn).toBe(`arn:aws:iam::${ACCOUNT_ID}:user/${f.user}`)
    }
  })

  it('fingerprints, rule ids, severities, credentials and counts are unchanged', () => {
    const strip = (e: Evaluation) =>
      e.findings
        .map(f => [f.fingerprint, f.ruleId, f.severity, f.credential, f.exempted].join(' '))
        .sort()
    expect(strip(redacted.evaluation)).toEqual(strip(ctx.evaluation))
    expect(redacted.evaluation.counts).toEqual(ctx.evaluation.counts)
    expect(redacted.evaluation.verdict).toEqual(ctx.evaluation.verdict)
  })

  it('SARIF: same alerts (fingerprints), tokens in URIs and properties, still valid for GitHub', () => {
    const plain = renderSarif(ctx, { policyFile: '.github/iam-credential-policy.yml' })
    const red = renderSarif(redacted, { policyFile: '.github/iam-credential-policy.yml' })
    const ids = (log: typeof plain) =>
      log.runs[0]!.results.map(
        r => `${r.ruleId} ${r.partialFingerprints.primaryLocationLineHash}`
      ).sort()
    expect(ids(red)).toEqual(ids(plain))
    expect(red.runs[0]!.automationDetails).toEqual(plain.runs[0]!.automationDetails)
    expect(validateGithubConstraints(red)).toEqual([])
    const uris = red.runs[0]!.results.map(
      r => r.locations[0]!.physicalLocation.artifactLocation.uri
    )
    expect(uris).toContain(`aws-iam/${ACCOUNT_ID}/user/${userToken(ACCOUNT_ID, 'a+b')}`)
    expect(uris).toContain(`aws-iam/${ACCOUNT_ID}/root`)
    for (const r of red.runs[0]!.results) {
      expect(r.properties.user).toMatch(/^(user-[0-9a-f]{8}|<root_account>)$/)
    }
  })

  it('findings are sorted by token, not in the order of the hidden names', () => {
    const users = redacted.evaluation.findings
      .filter(f => f.ruleId === 'console-user-mfa')
      .map(f => f.user)
    expect(users.length).toBeGreaterThan(5)
    expect(users).toEqual([...users].sort())
  })

  it('is deterministic, and a user keeps its token across runs and evaluation times', () => {
    expect(redactContext(ctx, 'users')).toEqual(redacted)
    const later = buildContext(['x.y', 'alice'])
    const token = (c: RenderContext, fp: string) =>
      redactContext(c, 'users').evaluation.findings.find(f => f.fingerprint === fp)?.user
    const fp = ctx.evaluation.findings.find(f => f.user === 'x.y')!.fingerprint
    expect(token(later, fp)).toBe(token(ctx, fp))
  })

  it('none returns the context itself: the JSON file keeps real names', () => {
    expect(redactContext(ctx, 'none')).toBe(ctx)
    expect(redactEvaluation(ctx.evaluation, 'none')).toBe(ctx.evaluation)
    expect(renderJson(redactContext(ctx, 'none'))).toContain('"user": "alice.smith"')
  })

  it('does not change the input context', () => {
    const before = JSON.stringify(ctx.evaluation)
    redactContext(ctx, 'users')
    expect(JSON.stringify(ctx.evaluation)).toBe(before)
  })

  it('the remediation script is rendered from the unredacted context and stays runnable', () => {
    const script = renderRemediationScript(ctx)
    expect(script).toContain('--user-name alice.smith')
    expect(script).toContain(`--access-key-id ${KEY_ID}`)
    expect(script).not.toMatch(/user-[0-9a-f]{8}/)
  })
})

describe('token collisions', () => {
  /** Two valid IAM user names whose 8-digit tokens collide (a birthday search, ~80k hashes). */
  let pair: [string, string] | undefined
  function collidingPair(): [string, string] {
    pair ??= searchPair()
    return pair
  }
  function searchPair(): [string, string] {
    const seen = new Map<string, string>()
    for (let i = 0; ; i++) {
      const name = `u${i}`
      const t = userToken(ACCOUNT_ID, name)
      const other = seen.get(t)
      if (other !== undefined) return [other, name]
      seen.set(t, name)
    }
  }

  it('users whose short tokens collide get distinct 16-digit tokens', () => {
    const [a, b] = collidingPair()
    expect(userToken(ACCOUNT_ID, a)).toBe(userToken(ACCOUNT_ID, b))
    const red = redactContext(buildContext([a, b, 'alice'], defaultPolicy()), 'users')
    const tokenOf = (u: string) => userToken(ACCOUNT_ID, u, 16)
    const users = new Set(red.evaluation.findings.map(f => f.user))
    expect(users).toContain(tokenOf(a))
    expect(users).toContain(tokenOf(b))
    expect(tokenOf(a)).not.toBe(tokenOf(b))
    expect(users).toContain(userToken(ACCOUNT_ID, 'alice'))
  })

  it('principals: a collision with a user that has no finding is resolved too', () => {
    const [a, b] = collidingPair()
    const ctx = buildContext([a], defaultPolicy())
    const alone = redactContext(ctx, 'users').evaluation.findings.map(f => f.user)
    expect(alone).toContain(userToken(ACCOUNT_ID, a))
    const both = redactContext(ctx, 'users', { principals: [a, b] }).evaluation.findings
    expect(both.map(f => f.user)).toContain(userToken(ACCOUNT_ID, a, 16))
    expect(both.map(f => f.user)).not.toContain(userToken(ACCOUNT_ID, a))
  })
})

describe('TextRedactor', () => {
  const r = new TextRedactor()
  r.add('al', 'T1')
  r.add('alice', 'T2')
  r.add('alice.smith', 'T3')
  r.add('a+b', 'T4')
  r.add('x.y', 'T5')
  r.add(`arn:aws:iam::${ACCOUNT_ID}:user/team/alice`, 'ARN2')

  it.each([
    ['allowed and totally fine', 'allowed and totally fine'],
    ["al's key", "T1's key"],
    ['Ask AL.', 'Ask T1.'],
    ['alice.', 'T2.'],
    ['alice.smith.', 'T3.'],
    ['alice.smithy', 'T2.smithy'],
    ['(alice,al)', '(T2,T1)'],
    ['alice_b', 'alice_b'],
    ['a+b and aab and a+bb', 'T4 and aab and a+bb'],
    ['xay x.y x.yz', 'xay T5 x.yz'],
    [`see arn:aws:iam::${ACCOUNT_ID}:user/team/alice.`, 'see ARN2.'],
    ['', '']
  ])('%j → %j', (input, output) => {
    expect(r.redact(input)).toBe(output)
  })

  it('does not scan its replacements again', () => {
    const q = new TextRedactor()
    q.add('user', 'user-00000000')
    q.add('user-00000000', 'user-11111111')
    expect(q.redact('user')).toBe('user-00000000')
  })

  it('stays fast with thousands of names', () => {
    const many = new TextRedactor()
    for (let i = 0; i < 5000; i++) many.add(`user${i}.name-${'x'.repeat(i % 64)}`, `T${i}`)
    const text = 'Active access_key_1 was last used 2026-11-20T00:00:00Z, 45 days ago. '.repeat(
      2000
    )
    expect(many.redact(text)).toBe(text)
  })
})

describe('helpers', () => {
  it('isRedactMode', () => {
    expect(['none', 'users', 'all', ''].map(isRedactMode)).toEqual([true, true, false, false])
  })

  it('redactArn keeps partition and account, drops path and name; root and others', () => {
    expect(redactArn('arn:aws-us-gov:iam::111122223333:user/a/b/c', 'user-1')).toBe(
      'arn:aws-us-gov:iam::111122223333:user/user-1'
    )
    expect(redactArn('arn:aws:iam::111122223333:root', 'user-1')).toBe(
      'arn:aws:iam::111122223333:root'
    )
    expect(redactArn('not an arn', 'user-1')).toBe('user-1')
  })

  it('redactKeyId', () => {
    expect(redactKeyId(KEY_ID)).toBe('AKIA…MPLE')
    expect(redactKeyId('short')).toBe('…')
  })

  it('redactText uses the evaluation tokens', () => {
    const e = buildContext(['alice.smith']).evaluation
    expect(redactText('key of alice.smith: rotated', e, 'users')).toBe(
      `key of ${userToken(ACCOUNT_ID, 'alice.smith')}: rotated`
    )
    expect(redactText('alice.smith', e, 'none')).toBe('alice.smith')
  })

  it.each([
    ['123456789012', '***'],
    [`arn:aws:iam::123456789012:user/alice`, 'arn:aws:iam::***:user/alice'],
    ['account 123456789012, again 123456789012.', 'account ***, again ***.'],
    ['1123456789012 and 1234567890123', '1123456789012 and 1234567890123'],
    ['no id here', 'no id here']
  ])('maskAccountId(%j)', (input, output) => {
    expect(maskAccountId(input, '123456789012')).toBe(output)
  })

  it('maskAccountId leaves text alone without a valid account id', () => {
    expect(maskAccountId('123456789012', null)).toBe('123456789012')
    expect(maskAccountId('a.b', '.')).toBe('a.b')
  })
})

describe('redactErrorMessage on the bad-report corpus', () => {
  function parseError(name: string): string {
    try {
      parseCredentialReport(readFileSync(join(BAD, 'reports', `${name}.csv`)), {
        source: `${name}.csv`
      })
    } catch (e) {
      return (e as Error).message
    }
    throw new Error(`${name} parsed`)
  }

  it.each([
    ['duplicate-users', ['alice']],
    ['duplicate-users-case', ['alice']],
    ['arn-of-other-user', ['alice', 'bob']],
    ['invalid-user-name', ['bob smith']],
    ['user-with-root-arn', ['bob']],
    ['root-with-user-arn', ['user/root']],
    ['user-name-non-ascii', ['zoë']],
    ['user-name-glob', ['svc-*']],
    ['non-iam-arn', ['bob']],
    ['user-name-too-long', ['aaaaaaaaaa']]
  ])('%s: names %j are gone, the line stays', (name, secrets) => {
    const message = parseError(name)
    const redacted = redactErrorMessage(message, 'users')
    for (const s of secrets) {
      expect(message.toLowerCase()).toContain(s.toLowerCase())
      expect(redacted.toLowerCase()).not.toContain(s.toLowerCase())
    }
    expect(redacted).toMatch(
      new RegExp(`^${escapeRegExp(name)}\\.csv line \\d+(, column (user|arn))?: `)
    )
    expect(redactErrorMessage(message, 'none')).toBe(message)
  })

  it('keeps <root_account> and messages that quote no principal', () => {
    for (const name of [
      'duplicate-root',
      'invalid-timestamp',
      'impossible-date',
      'other-account'
    ]) {
      const message = parseError(name)
      expect(redactErrorMessage(message, 'users')).toBe(message)
    }
  })
})

describe('redaction properties', () => {
  const NAME_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-'.split(
    ''
  )
  const baseline = Object.values(publicOutputs(buildContext(['u1', 'u2'], defaultPolicy()))).join(
    '\n'
  )
  /** Names that occur in the outputs anyway (words like `root`, dates) cannot be checked for leaks. */
  const checkable = (name: string): boolean => occurrences(baseline, name).length === 0

  const names = fc.uniqueArray(
    fc
      .string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 3, maxLength: 64 })
      .filter(checkable),
    { minLength: 1, maxLength: 6, selector: n => n.toLowerCase() }
  )

  it('no generated user name leaks into any public output; fingerprints are kept', () => {
    fc.assert(
      fc.property(names, users => {
        const ctx = buildContext(users, defaultPolicy())
        const red = redactContext(ctx, 'users')
        expect(leaks(publicOutputs(red), users)).toEqual([])
        expect(red.evaluation.findings.map(f => f.fingerprint).sort()).toEqual(
          ctx.evaluation.findings.map(f => f.fingerprint).sort()
        )
      }),
      { numRuns: 60 }
    )
  })

  it('two users never share a token in one evaluation', () => {
    fc.assert(
      fc.property(names, users => {
        const red = redactEvaluation(buildContext(users, defaultPolicy()).evaluation, 'users')
        const tokens = new Set(red.findings.map(f => f.user).filter(u => u !== ROOT_USER))
        expect(tokens.size).toBe(users.length)
      }),
      { numRuns: 40 }
    )
  })

  it('sampleReport smoke: the default fixture redacts cleanly', () => {
    const report = parseCredentialReport(sampleReport([riskyRow('alice')]))
    const e = evaluate(report, defaultPolicy(), NOW)
    expect(JSON.stringify(redactEvaluation(e, 'users'))).not.toMatch(/\balice\b/)
  })
})
