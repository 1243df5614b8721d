/**
 * End to end, access failures: each fails the step with one `error: …`
 * message that says what to fix, exit code 1, `result` = `error`, and no
 * output file.
 */
import { describe, expect, it } from '@jest/globals'
import { FAULT } from '../support/fake-aws.js'
import {
  cleanReport,
  expectCleanStderr,
  expectNothingWritten,
  ROLE,
  startFake,
  SUB,
  tally
} from './helpers.js'
import { failure, runAction } from './run-action.js'

const OUTPUT_INPUTS = { 'json-file': 'out/r.json', 'remediation-file': 'out/fix.sh' }

describe('access denied', () => {
  it('on GenerateCredentialReport', async () => {
    const fake = await startFake({
      report: cleanReport(),
      faults: { GenerateCredentialReport: [FAULT.accessDenied('iam:GenerateCredentialReport')] }
    })
    const r = await runAction({ fake, inputs: { 'role-to-assume': ROLE, ...OUTPUT_INPUTS } })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    expect(failure(r)).toMatch(
      /^error: access denied to iam:GenerateCredentialReport: User: .* is not authorized to perform: iam:GenerateCredentialReport .*\. The audit needs iam:GenerateCredentialReport and iam:GetCredentialReport on the credentials it runs with$/
    )
    expect(r.stdout).toContain('::error::error: access denied to iam:GenerateCredentialReport')
    expect(tally(fake)).toMatchObject({
      OidcToken: 1,
      AssumeRoleWithWebIdentity: 1,
      GenerateCredentialReport: 1
    })
    expect(fake.count('GetCredentialReport')).toBe(0)
    expectNothingWritten(r)
    expect(r.summary).toContain('error: access denied to iam:GenerateCredentialReport')
  })

  it('on GetCredentialReport', async () => {
    const fake = await startFake({
      report: cleanReport(),
      faults: { GetCredentialReport: [FAULT.accessDenied('iam:GetCredentialReport')] }
    })
    const r = await runAction({ fake, inputs: { 'role-to-assume': ROLE, ...OUTPUT_INPUTS } })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    expect(failure(r)).toMatch(
      /^error: access denied to iam:GetCredentialReport: .*The audit needs iam:GenerateCredentialReport and iam:GetCredentialReport/
    )
    expect(tally(fake)).toMatchObject({ GenerateCredentialReport: 1, GetCredentialReport: 1 })
    expectNothingWritten(r)
  })

  it('on AssumeRoleWithWebIdentity: names the role and the token subject', async () => {
    const fake = await startFake({
      report: cleanReport(),
      trust: { sub: 'repo:octo-org/other-repo:*' }
    })
    const r = await runAction({ fake, inputs: { 'role-to-assume': ROLE, ...OUTPUT_INPUTS } })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    const message = failure(r) ?? ''
    expect(message).toMatch(/^error: not authorized to assume /)
    expect(message).toContain(ROLE)
    expect(message).toContain(`sub is "${SUB}"`)
    expect(message).toContain('Not authorized to perform sts:AssumeRoleWithWebIdentity')
    expect(tally(fake)).toEqual({ OidcToken: 1, AssumeRoleWithWebIdentity: 1 })
    expectNothingWritten(r)
  })

  it('a role in another account is refused before any call', async () => {
    const fake = await startFake({ report: cleanReport() })
    const r = await runAction({
      fake,
      inputs: { 'role-to-assume': 'arn:aws:iam::12345:role/x', ...OUTPUT_INPUTS }
    })
    expect(r.code).toBe(1)
    expect(failure(r)).toMatch(/^error: .*role-to-assume/)
    expect(fake.count()).toBe(0)
    expectNothingWritten(r)
  })
})

describe('no OIDC environment', () => {
  it('with role-to-assume: says the job needs id-token: write and that forks get no token', async () => {
    const fake = await startFake({ report: cleanReport() })
    const r = await runAction({
      fake,
      oidc: false,
      inputs: { 'role-to-assume': ROLE, ...OUTPUT_INPUTS }
    })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    const message = failure(r) ?? ''
    expect(message).toMatch(/^error: no GitHub OIDC token is available to assume /)
    expect(message).toContain('`permissions: id-token: write`')
    expect(message).toMatch(/forks/)
    expect(fake.count()).toBe(0)
    expectNothingWritten(r)
  })

  it('without role-to-assume and without credentials: says how to provide them', async () => {
    const fake = await startFake({ report: cleanReport() })
    const r = await runAction({ fake, oidc: false, inputs: OUTPUT_INPUTS })
    expectCleanStderr(r)
    expect(r.code).toBe(1)
    expect(failure(r)).toMatch(/^error: .*no AWS credentials found.*set role-to-assume/)
    expect(fake.count()).toBe(0)
    expectNothingWritten(r)
  })
})
