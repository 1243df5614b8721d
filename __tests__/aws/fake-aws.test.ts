/** The fake endpoint itself: protocol details other tests rely on. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { request } from 'node:http'
import { decodeJwtPayload, FAULT, startFakeAws } from '../support/fake-aws.js'
import type { FakeAws } from '../support/fake-aws.js'

let fake: FakeAws

beforeAll(async () => {
  fake = await startFakeAws({ signatures: 'verify' })
})
afterAll(async () => {
  await fake.close()
})

const post = async (body: string, headers: Record<string, string> = {}) => {
  const res = await fetch(fake.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    body
  })
  return { status: res.status, text: await res.text() }
}

describe('fake AWS endpoint', () => {
  it('answers unsigned IAM calls as AWS does', async () => {
    const res = await post('Action=GetAccountSummary&Version=2010-05-08')
    expect(res.status).toBe(403)
    expect(res.text).toContain('<Code>MissingAuthenticationToken</Code>')
    expect(res.text).toMatch(
      /^<\?xml[^>]*>\n<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><Error><Type>Sender<\/Type>/
    )
    expect(fake.requests.at(-1)).toMatchObject({
      service: 'iam',
      action: 'GetAccountSummary',
      signature: 'unsigned',
      status: 403
    })
  })

  it('rejects a forged signature and an unknown key', async () => {
    const date = '20260301T000000Z'
    const auth = (key: string) =>
      `AWS4-HMAC-SHA256 Credential=${key}/20260301/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`
    const forged = await post('Action=GetAccountSummary&Version=2010-05-08', {
      authorization: auth('AKIAFAKESTATIC000001'),
      'x-amz-date': date
    })
    expect(forged.status).toBe(403)
    expect(forged.text).toContain('<Code>SignatureDoesNotMatch</Code>')
    const unknown = await post('Action=GetAccountSummary&Version=2010-05-08', {
      authorization: auth('AKIANOBODY0000000000'),
      'x-amz-date': date
    })
    expect(unknown.text).toContain('<Code>InvalidClientTokenId</Code>')
    expect(fake.requests.at(-1)!.accessKeyId).toBe('AKIANOBODY0000000000')
  })

  it('checks the API version and the action', async () => {
    const wrong = await post('Action=GetCallerIdentity&Version=2010-05-08')
    expect(wrong.status).toBe(400)
    expect(wrong.text).toContain('<Code>InvalidParameterValue</Code>')
    const unknown = await post('Action=DeleteUser&Version=2010-05-08')
    expect(unknown.text).toContain('<Code>InvalidAction</Code>')
  })

  it('issues well-formed (unsigned) JWTs to the bearer of the request token only', async () => {
    const denied = await fetch(`${fake.oidcUrl}&audience=sts.amazonaws.com`, {
      headers: { authorization: 'Bearer nope' }
    })
    expect(denied.status).toBe(401)
    const res = await fetch(`${fake.oidcUrl}&audience=sts.amazonaws.com`, {
      headers: { authorization: `Bearer ${fake.oidcRequestToken}` }
    })
    const { value } = (await res.json()) as { value: string }
    expect(value.split('.')).toHaveLength(3)
    expect(JSON.parse(Buffer.from(value.split('.')[0]!, 'base64url').toString())).toMatchObject({
      alg: 'RS256',
      typ: 'JWT'
    })
    expect(decodeJwtPayload(value)).toMatchObject({
      aud: 'sts.amazonaws.com',
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      iss: 'https://token.actions.githubusercontent.com'
    })
    expect(fake.tokens.at(-1)!.jwt).toBe(value)
  })

  it('consumes listed faults in order, then answers normally', async () => {
    fake.setFaults('AssumeRoleWithWebIdentity', [FAULT.serviceFailure, null, FAULT.throttling])
    const body = `Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=${encodeURIComponent('arn:aws:iam::123456789012:role/r')}&RoleSessionName=s&WebIdentityToken=a.${Buffer.from('{"sub":"x"}').toString('base64url')}.c`
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await post(body)).status)
    expect(statuses).toEqual([500, 200, 400, 200])
    fake.setFaults('AssumeRoleWithWebIdentity', undefined)
  })

  it('closes with a request still hanging', async () => {
    const other = await startFakeAws({ faults: { GetCallerIdentity: [FAULT.hang] } })
    const settled = new Promise<string>(resolve => {
      const req = request({ host: '127.0.0.1', port: other.port, method: 'POST', path: '/' }, () =>
        resolve('response')
      )
      req.on('error', e => resolve(`error: ${e.message}`))
      req.end('Action=GetCallerIdentity&Version=2011-06-15')
    })
    while (other.count('GetCallerIdentity') === 0) await new Promise(r => setTimeout(r, 5))
    await other.close()
    expect(await settled).toMatch(/^error: /)
    expect(other.requests[0]!.outcome).toBe('hang')
  })
})
