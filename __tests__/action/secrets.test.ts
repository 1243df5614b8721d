/**
 * End to end, secrets: the OIDC token and the role session's keys never
 * appear in anything the step leaves (log, summary, outputs, files), except
 * in the `::add-mask::` commands that tell the runner to hide them.
 */
import { describe, expect, it } from '@jest/globals'
import { FAULT } from '../support/fake-aws.js'
import type { FakeAws, FakeAwsOptions } from '../support/fake-aws.js'
import { reportCsv, rootRow } from '../support/report-csv.js'
import {
  consoleUserWithoutMfa,
  daysAgo,
  keyUser,
  ROLE,
  ROOT_KEYS_PRESENT_SUMMARY,
  startFake
} from './helpers.js'
import type { ActionResult } from './run-action.js'
import { runAction } from './run-action.js'

/** Every text the step leaves behind, by where it is. */
function everything(r: ActionResult): Record<string, string> {
  const texts: Record<string, string> = {
    stdout: r.stdout,
    stderr: r.stderr,
    summary: r.summary,
    GITHUB_OUTPUT: r.outputFile
  }
  for (const f of r.files) texts[f] = r.readFile(f)
  return texts
}

function secretsOf(fake: FakeAws): Record<string, string> {
  const secrets: Record<string, string> = {}
  fake.tokens.forEach((t, i) => (secrets[`OIDC token ${i}`] = t.jwt))
  fake.sessions.forEach((s, i) => {
    secrets[`session ${i} AccessKeyId`] = s.accessKeyId
    secrets[`session ${i} SecretAccessKey`] = s.secretAccessKey
    secrets[`session ${i} SessionToken`] = s.sessionToken
  })
  return secrets
}

/** Each secret is masked, and no line but its `::add-mask::` command carries it. */
function expectNoLeaks(r: ActionResult, fake: FakeAws): void {
  const secrets = secretsOf(fake)
  expect(Object.keys(secrets).length).toBeGreaterThan(0)
  for (const [name, secret] of Object.entries(secrets)) {
    expect({ name, masked: r.masks.includes(secret) }).toEqual({ name, masked: true })
    for (const [where, text] of Object.entries(everything(r))) {
      const leaks = text
        .split('\n')
        .filter(line => line.includes(secret) && line !== `::add-mask::${secret}`)
      expect({ name, where, leaks }).toEqual({ name, where, leaks: [] })
    }
  }
  // The runner's own request token is not the action's to print either.
  for (const [where, text] of Object.entries(everything(r))) {
    expect({ where, found: text.includes(fake.oidcRequestToken) }).toEqual({ where, found: false })
  }
}

const FILES = {
  'json-file': 'out/r.json',
  'sarif-file': 'out/r.sarif',
  'remediation-file': 'out/fix.sh'
}

describe('secrets', () => {
  const report = reportCsv([
    rootRow({
      password_last_used: daysAgo(200),
      access_key_1_active: 'true',
      access_key_1_last_rotated: daysAgo(400)
    }),
    keyUser('erin', 120),
    consoleUserWithoutMfa('dana')
  ])
  const cases: [string, FakeAwsOptions][] = [
    ['a full audit with findings, key ids and every file', {}],
    [
      'an audit that fails on GetCredentialReport after the role was assumed',
      { faults: { GetCredentialReport: [FAULT.accessDenied('iam:GetCredentialReport')] } }
    ],
    ['a role assumption that is refused', { trust: { sub: 'repo:octo-org/other:*' } }]
  ]

  it.each(cases)('%s: nothing leaks, even with debug logging', async (_name, options) => {
    const fake = await startFake({
      report,
      summary: ROOT_KEYS_PRESENT_SUMMARY,
      accessKeys: { erin: [{ accessKeyId: 'AKIAERIN000000000001', createDate: daysAgo(120) }] },
      ...options
    })
    const r = await runAction({
      fake,
      inputs: { 'role-to-assume': ROLE, ...FILES },
      env: { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' }
    })
    expect(r.code).toBe(1)
    expect(fake.tokens.length).toBe(1)
    expectNoLeaks(r, fake)
  })

  it('the full audit really wrote every output the scan covered', async () => {
    const fake = await startFake({
      report,
      summary: ROOT_KEYS_PRESENT_SUMMARY,
      accessKeys: { erin: [{ accessKeyId: 'AKIAERIN000000000001', createDate: daysAgo(120) }] }
    })
    const r = await runAction({ fake, inputs: { 'role-to-assume': ROLE, ...FILES } })
    expect(r.files.sort()).toEqual(['out/fix.sh', 'out/r.json', 'out/r.sarif'])
    expect(r.summary.length).toBeGreaterThan(0)
    expect(Object.keys(r.outputs).length).toBeGreaterThan(10)
    expect(fake.sessions).toHaveLength(1)
    expectNoLeaks(r, fake)
  })
})
