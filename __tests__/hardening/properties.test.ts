/**
 * Property-based tests that fill the gaps left by __tests__/report/property.test.ts
 * (any bytes parse or give ReportError; round trip) and __tests__/evaluate.test.ts
 * (determinism with the default policy; a `users` exemption; three thresholds):
 *
 * - loosening ANY catalog parameter, in the direction the catalog says is
 *   looser (`looserWhen`), with every rule enabled and account facts
 *   present, never adds a finding;
 * - adding any exemption (by users, ARNs, accounts, any rules, expired or
 *   not) never adds a finding and never removes one: it only marks findings
 *   exempted;
 * - the order of the report's rows, CRLF line ends and a byte order mark
 *   change no public output (summary, SARIF, JSON, annotations);
 * - any bytes as a report file, and any YAML-ish text as a policy file, make
 *   the CLI exit 0, 1 or 2, never 4 (internal error), never with a stack
 *   trace, and leave no file behind on 2.
 */

import fc from 'fast-check'
import { writeFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AccountFacts } from '../../src/account/types.js'
import { evaluate } from '../../src/evaluate.js'
import type { Evaluation } from '../../src/evaluation.js'
import { loadPolicy } from '../../src/policy/load.js'
import type { Policy } from '../../src/policy/types.js'
import { planAnnotations } from '../../src/render/annotations.js'
import type { RenderContext } from '../../src/render/context.js'
import { renderJson } from '../../src/render/json.js'
import { renderSarif } from '../../src/render/sarif.js'
import { renderSummary } from '../../src/render/summary.js'
import { parseCredentialReport } from '../../src/report/parse.js'
import { REPORT_COLUMNS } from '../../src/report/types.js'
import { RULE_IDS, RULES } from '../../src/rules/catalog.js'
import { ACCOUNT_ID, sampleRootRow, sampleRow, toCsv } from '../helpers/csv.js'
import { auditWithAllOutputs, EXAMPLE_POLICY, EXAMPLE_REPORT, STACK_LINE } from './cli-harness.js'

const NOW = Date.parse('2026-11-22T00:00:00Z')

// ---------------------------------------------------------------------------
// Generators

const timestamp = fc
  .integer({ min: Date.parse('2023-01-01T00:00:00Z'), max: NOW })
  .map(t => new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z'))
const maybeTime = fc.oneof(timestamp, fc.constantFrom('N/A', 'no_information'))
const bool = fc.constantFrom('true', 'false')

const credentialCells = fc.record({
  user_creation_time: timestamp,
  password_enabled: bool,
  password_last_used: maybeTime,
  password_last_changed: maybeTime,
  mfa_active: bool,
  access_key_1_active: bool,
  access_key_1_last_rotated: maybeTime,
  access_key_1_last_used_date: maybeTime,
  access_key_2_active: bool,
  access_key_2_last_rotated: maybeTime,
  access_key_2_last_used_date: maybeTime,
  cert_1_active: bool,
  cert_1_last_rotated: maybeTime,
  cert_2_active: bool,
  cert_2_last_rotated: maybeTime
})

/** Root's password columns are `not_supported` or a boolean/time, as AWS writes them. */
const rootCells = credentialCells.map(c => ({
  ...c,
  password_enabled: c.password_enabled === 'true' ? 'not_supported' : 'false',
  password_last_changed: 'not_supported'
}))

interface ReportModel {
  root: Record<string, string>
  users: Record<string, string>[]
}

/** Sometimes a key created seconds after its user, for `initial-setup-access-key`. */
const userCells = fc
  .tuple(credentialCells, fc.option(fc.integer({ min: 0, max: 300 })))
  .map(([c, setupDelay]) => {
    if (setupDelay === null) return c
    const created = Date.parse(c.user_creation_time) + setupDelay * 1000
    return {
      ...c,
      access_key_1_last_rotated: new Date(created).toISOString().replace('.000Z', 'Z'),
      access_key_1_last_used_date: 'N/A'
    }
  })

const reportModel: fc.Arbitrary<ReportModel> = fc
  .tuple(rootCells, fc.array(userCells, { minLength: 1, maxLength: 8 }))
  .map(([root, users]) => ({
    root: sampleRootRow(root),
    users: users.map((u, i) =>
      sampleRow({ ...u, user: i % 2 ? `svc-${i}` : `user-${i}`, password_next_rotation: 'N/A' })
    )
  }))

function csvOf(m: ReportModel, users = m.users): string {
  return toCsv(REPORT_COLUMNS, [m.root, ...users])
}

const facts: fc.Arbitrary<AccountFacts> = fc.record({
  summary: fc
    .record({
      mfaEnabled: fc.boolean(),
      accessKeysPresent: fc.boolean(),
      passwordPresent: fc.boolean(),
      signingCertificatesPresent: fc.boolean()
    })
    .map(value => ({ status: 'known' as const, value })),
  virtualMfaDevices: fc
    .array(fc.constantFrom(`arn:aws:iam::${ACCOUNT_ID}:root`, null), { maxLength: 2 })
    .map(arns => ({
      status: 'known' as const,
      value: arns.map((userArn, i) => ({
        serialNumber: `arn:aws:iam::${ACCOUNT_ID}:mfa/device-${i}`,
        userArn
      }))
    })),
  passwordPolicy: fc
    .option(
      fc.record({
        minimumPasswordLength: fc.option(fc.integer({ min: 6, max: 128 })),
        passwordReusePrevention: fc.option(fc.integer({ min: 1, max: 24 }))
      })
    )
    .map(value => ({ status: 'known' as const, value }))
})

const PARAMETERS = RULES.flatMap(rule => rule.parameters.map(p => ({ rule: rule.id, ...p })))

/** A value for every parameter in the catalog, within its bounds. */
const parameterValues = fc.tuple(
  ...PARAMETERS.map(p => fc.integer({ min: p.minimum, max: p.maximum ?? p.minimum + 1000 }))
)

/** A policy with every rule enabled and the given parameter values. */
function policyWith(values: readonly number[]): Policy {
  const lines = ['version: 1', 'rules:']
  for (const rule of RULES) {
    lines.push(`  ${rule.id}:`, '    enabled: true')
    PARAMETERS.forEach((p, i) => {
      if (p.rule === rule.id) lines.push(`    ${p.name}: ${values[i]!}`)
    })
  }
  return loadPolicy(`${lines.join('\n')}\n`, 'p.yml')
}

const fingerprints = (e: Evaluation, open = false): Set<string> =>
  new Set(e.findings.filter(f => !open || !f.exempted).map(f => f.fingerprint))

// ---------------------------------------------------------------------------

describe('loosening any parameter never adds a finding', () => {
  it('covers every parameter of the catalog', () => {
    expect(PARAMETERS.length).toBeGreaterThanOrEqual(9)
    for (const p of PARAMETERS) expect(['higher', 'lower']).toContain(p.looserWhen)
  })

  it.each(PARAMETERS.map(p => [`${p.rule}.${p.name}`, p] as const))('%s', (_id, param) => {
    const index = PARAMETERS.indexOf(param)
    fc.assert(
      fc.property(
        reportModel,
        facts,
        parameterValues,
        fc.integer({ min: 0, max: 400 }),
        (model, account, values, step) => {
          const report = parseCredentialReport(csvOf(model))
          const strict = values
          const v = strict[index]!
          const looser =
            param.looserWhen === 'higher'
              ? Math.min(v + step, param.maximum ?? v + step)
              : Math.max(v - step, param.minimum)
          const loose = strict.map((x, i) => (i === index ? looser : x))
          const before = fingerprints(evaluate(report, policyWith(strict), NOW, { account }))
          for (const fp of fingerprints(evaluate(report, policyWith(loose), NOW, { account }))) {
            expect(before.has(fp)).toBe(true)
          }
        }
      ),
      { numRuns: 40 }
    )
  })
})

describe('adding an exemption never adds a finding', () => {
  const glob = fc.constantFrom('"*"', 'user-0', 'svc-*', '"user-[0-4]"', 'nobody', '"?????"')
  const arnGlob = fc.constantFrom(
    `"arn:aws:iam::*:user/*"`,
    `"arn:aws:iam::${ACCOUNT_ID}:user/svc-*"`,
    `"arn:aws:iam::${ACCOUNT_ID}:root"`,
    `"arn:aws:iam::999999999999:user/*"`
  )
  const exemption = fc.record({
    rules: fc.oneof(
      fc.constant(['"*"']),
      fc.subarray([...RULE_IDS], { minLength: 1, maxLength: 4 })
    ),
    who: fc.oneof(
      fc.array(glob, { minLength: 1, maxLength: 3 }).map(g => `users: [${g.join(', ')}]`),
      fc.array(arnGlob, { minLength: 1, maxLength: 2 }).map(g => `arns: [${g.join(', ')}]`)
    ),
    accounts: fc.option(fc.constantFrom(ACCOUNT_ID, '999999999999')),
    expires: fc.constantFrom('2026-01-01', '2026-11-21', '2026-11-22', '2027-06-30')
  })

  it('for users, ARNs, accounts, any rules, expired or not: same findings, fewer open', () => {
    fc.assert(
      fc.property(
        reportModel,
        facts,
        fc.array(exemption, { minLength: 1, maxLength: 3 }),
        (model, account, exemptions) => {
          const report = parseCredentialReport(csvOf(model))
          const all = RULES.map(r => `  ${r.id}: { enabled: true }`).join('\n')
          const base = `version: 1\nrules:\n${all}\n`
          const withEx =
            base +
            'exemptions:\n' +
            exemptions
              .map(
                e =>
                  `  - rules: [${e.rules.join(', ')}]\n    ${e.who}\n` +
                  (e.accounts ? `    accounts: ['${e.accounts}']\n` : '') +
                  `    reason: r\n    expires: ${e.expires}\n`
              )
              .join('')
          const before = evaluate(report, loadPolicy(base, 'p.yml'), NOW, { account })
          const after = evaluate(report, loadPolicy(withEx, 'p.yml'), NOW, { account })
          expect(fingerprints(after)).toEqual(fingerprints(before))
          const openBefore = fingerprints(before, true)
          for (const fp of fingerprints(after, true)) expect(openBefore.has(fp)).toBe(true)
          expect(after.verdict.breaches).toBeLessThanOrEqual(before.verdict.breaches)
        }
      ),
      { numRuns: 150 }
    )
  })
})

describe('deterministic outputs', () => {
  function outputs(csv: string | Uint8Array, policy: Policy, account: AccountFacts): string[] {
    const evaluation = evaluate(parseCredentialReport(csv), policy, NOW, { account })
    const ctx: RenderContext = {
      evaluation,
      policy,
      toolVersion: '1.0.0',
      reportGeneratedAt: NOW - 3_600_000,
      reportSource: { kind: 'aws' },
      now: NOW
    }
    return [
      renderSummary(ctx),
      JSON.stringify(renderSarif(ctx)),
      renderJson(ctx),
      JSON.stringify(planAnnotations(ctx))
    ]
  }

  it('row order, CRLF line ends and a byte order mark change no public output', () => {
    const policy = policyWith(PARAMETERS.map(p => p.default))
    fc.assert(
      fc.property(
        reportModel,
        facts,
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        (model, account, keys, crlf, bom) => {
          const shuffled = model.users
            .map((u, i) => ({ u, k: keys[i] ?? 0 }))
            .sort((a, b) => a.k - b.k)
            .map(x => x.u)
          let text = csvOf(model, shuffled)
          if (crlf) text = text.replaceAll('\n', '\r\n')
          if (bom) text = `\ufeff${text}`
          expect(outputs(Buffer.from(text), policy, account)).toEqual(
            outputs(csvOf(model), policy, account)
          )
        }
      ),
      { numRuns: 100 }
    )
  })
})

describe('the CLI on arbitrary input files', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'icg-fuzz-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  async function check(report: string, policy: string | null): Promise<void> {
    const run = await auditWithAllOutputs(report, policy)
    expect([0, 1, 2]).toContain(run.code)
    expect(run.stderr).not.toMatch(STACK_LINE)
    if (run.code === 2) {
      expect(run.stderr).toMatch(/^iam-credential-gate: error: .+\n$/s)
      expect(run.stdout).toBe('')
      expect(run.leftBehind).toEqual([])
    } else {
      expect(run.leftBehind.filter(p => p.includes('/'))).toHaveLength(4)
    }
  }

  it('any bytes as the report: exit 0, 1 or 2, nothing left behind on 2', async () => {
    const path = join(dir, 'fuzz.csv')
    const header = Buffer.from(`${REPORT_COLUMNS.join(',')}\n`)
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 1024 }),
        fc.boolean(),
        async (bytes, withHeader) => {
          await writeFile(path, withHeader ? Buffer.concat([header, bytes]) : bytes)
          await check(path, EXAMPLE_POLICY)
        }
      ),
      { numRuns: 150 }
    )
  })

  it('YAML-ish text as the policy: exit 0, 1 or 2, nothing left behind on 2', async () => {
    const path = join(dir, 'fuzz.yml')
    const piece = fc.constantFrom(
      'version: 1\n',
      'rules:\n',
      '  access-key-rotation:\n',
      '    max-age-days: 30\n',
      '    enabled: false\n',
      'exemptions:\n',
      '  - rules: ["*"]\n',
      '    users: [alice]\n',
      '    reason: r\n',
      '    expires: 2027-01-01\n',
      '&a ',
      '*a ',
      '[',
      ']',
      '{',
      '}',
      '"',
      "'",
      ': ',
      '- ',
      '\t',
      '\n',
      '\u0000',
      'é',
      '---\n'
    )
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), async pieces => {
        await writeFile(path, pieces.join(''))
        await check(EXAMPLE_REPORT, path)
      }),
      { numRuns: 150 }
    )
  })
})
