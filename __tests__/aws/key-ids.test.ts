import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createIamClient, matchKeysToSlots, resolveKeyIds } from '../../src/aws/index.js'
import type { UserKeyQuery } from '../../src/aws/index.js'
import { useFakeAwsEnv } from '../support/aws-env.js'
import { FAULT, startFakeAws } from '../support/fake-aws.js'
import type { FakeAccessKey, FakeAws, FakeAwsOptions } from '../support/fake-aws.js'

const t = (iso: string) => Date.parse(iso)

let fake: FakeAws
let restoreEnv: () => void

beforeAll(async () => {
  fake = await startFakeAws()
  restoreEnv = useFakeAwsEnv(fake)
})
afterAll(async () => {
  restoreEnv()
  await fake.close()
})

function setup(accessKeys: Record<string, FakeAccessKey[]>, options: FakeAwsOptions = {}): void {
  fake.configure({ accessKeys, faults: {}, latencyMs: undefined, pageSize: 100, ...options })
  fake.clearRequests()
}

const client = () => createIamClient({ region: 'us-east-1' })

describe('resolveKeyIds', () => {
  it('pairs keys with slots by creation date, whatever the listing order', async () => {
    // Slot 1 holds the newer key (slot 1 was rotated after slot 2 was created).
    setup({
      alice: [
        { accessKeyId: 'AKIAALICEOLD00000001', createDate: '2024-03-01T10:00:00Z' },
        {
          accessKeyId: 'AKIAALICENEW00000002',
          createDate: '2025-09-15T08:30:12Z',
          status: 'Inactive'
        }
      ]
    })
    const out = await resolveKeyIds(client(), [
      {
        user: 'alice',
        keys: [
          // The report writes +00:00 and whole seconds; CreateDate matches to the second.
          { credential: 'access_key_1', lastRotated: t('2025-09-15T08:30:12+00:00') },
          { credential: 'access_key_2', lastRotated: t('2024-03-01T10:00:00+00:00') }
        ]
      }
    ])
    expect(out.warnings).toEqual([])
    expect(out.keyIds).toEqual(
      new Map([
        ['alice/access_key_1', 'AKIAALICENEW00000002'],
        ['alice/access_key_2', 'AKIAALICEOLD00000001']
      ])
    )
    expect(fake.requestsFor('ListAccessKeys').map(r => r.params.UserName)).toEqual(['alice'])
  })

  it('falls back to creation order (older = slot 1) when dates do not match', async () => {
    setup({
      bob: [
        { accessKeyId: 'AKIABOBNEWER00000002', createDate: '2025-05-05T00:00:00Z' },
        { accessKeyId: 'AKIABOBOLDER00000001', createDate: '2023-01-01T00:00:00Z' }
      ]
    })
    const out = await resolveKeyIds(client(), [
      {
        user: 'bob',
        keys: [
          { credential: 'access_key_1', lastRotated: t('2020-01-01T00:00:00Z') },
          { credential: 'access_key_2', lastRotated: null }
        ]
      }
    ])
    expect(out.keyIds).toEqual(
      new Map([
        ['bob/access_key_1', 'AKIABOBOLDER00000001'],
        ['bob/access_key_2', 'AKIABOBNEWER00000002']
      ])
    )
  })

  it('asks only for the given users and slots', async () => {
    setup({
      carol: [
        { accessKeyId: 'AKIACAROL00000000001', createDate: '2024-01-01T00:00:00Z' },
        { accessKeyId: 'AKIACAROL00000000002', createDate: '2025-01-01T00:00:00Z' }
      ],
      dave: [{ accessKeyId: 'AKIADAVE000000000001', createDate: '2024-01-01T00:00:00Z' }]
    })
    const out = await resolveKeyIds(client(), [
      {
        user: 'carol',
        keys: [{ credential: 'access_key_2', lastRotated: t('2025-01-01T00:00:00Z') }]
      },
      { user: 'erin', keys: [] }
    ])
    expect(out.keyIds).toEqual(new Map([['carol/access_key_2', 'AKIACAROL00000000002']]))
    expect(fake.requestsFor('ListAccessKeys').map(r => r.params.UserName)).toEqual(['carol'])
  })

  it('follows ListAccessKeys pagination', async () => {
    setup(
      {
        frank: [
          { accessKeyId: 'AKIAFRANK0000000001', createDate: '2024-01-01T00:00:00Z' },
          { accessKeyId: 'AKIAFRANK0000000002', createDate: '2025-01-01T00:00:00Z' }
        ]
      },
      { pageSize: 1 }
    )
    const out = await resolveKeyIds(client(), [
      {
        user: 'frank',
        keys: [{ credential: 'access_key_2', lastRotated: t('2025-01-01T00:00:00Z') }]
      }
    ])
    expect(out.keyIds.get('frank/access_key_2')).toBe('AKIAFRANK0000000002')
    expect(fake.count('ListAccessKeys')).toBe(2)
  })

  it('reads at most four users at a time', async () => {
    const users = Array.from({ length: 12 }, (_, i) => `user${i}`)
    setup(
      Object.fromEntries(
        users.map(u => [
          u,
          [{ accessKeyId: `AKIA${u.toUpperCase()}`, createDate: '2025-01-01T00:00:00Z' }]
        ])
      ),
      { latencyMs: { ListAccessKeys: 40 } }
    )
    const out = await resolveKeyIds(
      client(),
      users.map(user => ({
        user,
        keys: [{ credential: 'access_key_1', lastRotated: t('2025-01-01T00:00:00Z') }]
      }))
    )
    expect(out.keyIds.size).toBe(12)
    expect(fake.count('ListAccessKeys')).toBe(12)
    expect(fake.peakInFlight('ListAccessKeys')).toBe(4)
  })

  it('returns what resolved, with one warning for the denied users', async () => {
    const keys = (id: string) => [{ accessKeyId: id, createDate: '2025-01-01T00:00:00Z' }]
    setup(
      { ok1: keys('AKIAOK1'), ok2: keys('AKIAOK2'), no1: keys('AKIANO1'), no2: keys('AKIANO2') },
      {
        faults: {
          ListAccessKeys: ({ params }) =>
            params.UserName?.startsWith('no') ? FAULT.accessDenied('iam:ListAccessKeys') : null
        }
      }
    )
    const query = (user: string): UserKeyQuery => ({
      user,
      keys: [{ credential: 'access_key_1', lastRotated: t('2025-01-01T00:00:00Z') }]
    })
    const out = await resolveKeyIds(client(), ['ok1', 'no1', 'ok2', 'no2'].map(query))
    expect(out.keyIds).toEqual(
      new Map([
        ['ok1/access_key_1', 'AKIAOK1'],
        ['ok2/access_key_1', 'AKIAOK2']
      ])
    )
    expect(out.warnings).toEqual([
      'missing permission iam:ListAccessKeys: access key ids unknown for no1, no2'
    ])
  })

  it('reports other failures (a user deleted since the report) separately', async () => {
    setup({})
    const out = await resolveKeyIds(client(), [
      { user: 'gone', keys: [{ credential: 'access_key_1', lastRotated: null }] }
    ])
    expect(out.keyIds.size).toBe(0)
    expect(out.warnings).toEqual([
      'iam:ListAccessKeys failed: access key ids unknown for gone (NoSuchEntity: The user with name gone cannot be found.)'
    ])
  })

  it('shortens long warning lists', async () => {
    setup({}, { faults: { ListAccessKeys: () => FAULT.accessDenied('iam:ListAccessKeys') } })
    const out = await resolveKeyIds(
      client(),
      Array.from({ length: 9 }, (_, i) => ({
        user: `u${i}`,
        keys: [{ credential: 'access_key_1' as const, lastRotated: null }]
      }))
    )
    expect(out.warnings).toHaveLength(1)
    expect(out.warnings[0]).toMatch(/for u\d, u\d, u\d, u\d, u\d and 4 more$/)
  })

  it("stops at the whole lookup's budget: calls under way abandoned, no new user started", async () => {
    const users = Array.from({ length: 6 }, (_, i) => `slow${i}`)
    setup(
      Object.fromEntries(
        users.map(u => [
          u,
          [{ accessKeyId: `AKIA${u.toUpperCase()}000000`, createDate: '2024-01-01T00:00:00Z' }]
        ])
      ),
      { faults: { ListAccessKeys: ({ call }) => (call <= 2 ? null : FAULT.hang) } }
    )
    const out = await resolveKeyIds(
      client(),
      users.map(user => ({
        user,
        keys: [{ credential: 'access_key_1' as const, lastRotated: null }]
      })),
      { concurrency: 2, timeoutSeconds: 30, totalTimeoutSeconds: 0.5 }
    )
    // The first two answered; the next two hung until the budget ran out; the last two never started.
    expect(out.keyIds.size).toBe(2)
    // The whole-lookup budget ended it (the per-user limit of 30 s would name itself instead).
    expect(fake.count('ListAccessKeys')).toBe(4)
    expect(out.warnings).toEqual([
      expect.stringMatching(
        /^iam:ListAccessKeys took longer than the lookup's 0\.5 s in all: access key ids unknown for slow\d, slow\d, slow\d, slow\d$/
      )
    ])
  })

  it('a user whose own budget runs out is reported as not answering', async () => {
    setup(
      { hung: [{ accessKeyId: 'AKIAHUNG000000000001', createDate: '2024-01-01T00:00:00Z' }] },
      { faults: { ListAccessKeys: () => FAULT.hang } }
    )
    const out = await resolveKeyIds(
      client(),
      [{ user: 'hung', keys: [{ credential: 'access_key_1', lastRotated: null }] }],
      { timeoutSeconds: 0.3, totalTimeoutSeconds: 60 }
    )
    expect(out.warnings).toEqual([
      'iam:ListAccessKeys failed: access key ids unknown for hung (no answer in time)'
    ])
  })
})

describe('matchKeysToSlots', () => {
  const key = (id: string, iso: string | null) => ({ id, created: iso ? t(iso) : null })

  it('matches to the second, ignoring milliseconds', () => {
    expect(
      matchKeysToSlots(
        [{ credential: 'access_key_1', lastRotated: t('2025-01-01T00:00:00.000Z') }],
        [key('B', '2024-01-01T00:00:00Z'), key('A', '2025-01-01T00:00:00.900Z')]
      )
    ).toEqual(new Map([['access_key_1', 'A']]))
  })

  it('uses each key once, and matched dates win over order', () => {
    expect(
      matchKeysToSlots(
        [
          { credential: 'access_key_1', lastRotated: t('2019-01-01T00:00:00Z') },
          { credential: 'access_key_2', lastRotated: t('2024-01-01T00:00:00Z') }
        ],
        [key('OLD', '2024-01-01T00:00:00Z'), key('NEW', '2025-01-01T00:00:00Z')]
      )
    ).toEqual(
      new Map([
        ['access_key_2', 'OLD'],
        ['access_key_1', 'NEW']
      ])
    )
  })

  it('leaves a slot unresolved when there are fewer keys than slots', () => {
    expect(
      matchKeysToSlots(
        [
          { credential: 'access_key_1', lastRotated: null },
          { credential: 'access_key_2', lastRotated: null }
        ],
        [key('ONLY', '2024-01-01T00:00:00Z')]
      )
    ).toEqual(new Map([['access_key_1', 'ONLY']]))
  })
})
