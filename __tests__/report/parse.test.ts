import { ReportError } from '../../src/errors.js'
import { MAX_RECORD_CHARS, parseCredentialReport } from '../../src/report/parse.js'
import type { ParseOptions } from '../../src/report/parse.js'
import { REPORT_COLUMNS, ROOT_USER } from '../../src/report/types.js'
import {
  ACCOUNT_ID,
  sampleReport,
  sampleRootRow,
  sampleRow,
  toCsv,
  userArn
} from '../helpers/csv.js'

const HEADER = REPORT_COLUMNS.join(',')

/** The error `parseCredentialReport` throws for this content; fails when it parses. */
function errorOf(content: string | Uint8Array, options?: ParseOptions): ReportError {
  try {
    parseCredentialReport(content, options)
  } catch (error) {
    expect(error).toBeInstanceOf(ReportError)
    return error as ReportError
  }
  throw new Error('expected a ReportError, but the report parsed')
}

function messageOf(content: string | Uint8Array, options?: ParseOptions): string {
  return errorOf(content, options).message
}

/** A report of the root row and one user whose columns are overridden. */
function withUser(overrides: Record<string, string>): string {
  return sampleReport([sampleRow({ user: 'bob', ...overrides })])
}

const ts = (iso: string): number => Date.parse(iso)

describe('a well-formed report', () => {
  const report = parseCredentialReport(
    sampleReport([
      sampleRow(),
      sampleRow({
        user: 'svc-build',
        arn: userArn('ci/svc-build'),
        password_enabled: 'false',
        password_last_used: 'N/A',
        password_last_changed: 'N/A',
        mfa_active: 'false',
        access_key_1_active: 'true',
        access_key_1_last_rotated: '2026-05-06T06:12:40+00:00',
        access_key_1_last_used_date: '2026-11-20T15:33:00Z',
        access_key_1_last_used_region: 'us-west-2',
        access_key_1_last_used_service: 's3',
        access_key_2_active: 'false',
        access_key_2_last_rotated: '2025-01-01T00:00:00Z',
        access_key_2_last_used_date: 'no_information',
        cert_1_active: 'true',
        cert_1_last_rotated: '2024-02-29T12:00:00.5Z'
      })
    ])
  )

  it('derives the account and partition from the ARNs', () => {
    expect(report.accountId).toBe(ACCOUNT_ID)
    expect(report.partition).toBe('aws')
    expect(report.columns).toEqual(REPORT_COLUMNS)
  })

  it('puts the root row in root, never in users', () => {
    expect(report.root).not.toBeNull()
    expect(report.root?.isRoot).toBe(true)
    expect(report.root?.user).toBe(ROOT_USER)
    expect(report.root?.line).toBe(2)
    expect(report.users.map(u => u.user)).toEqual(['alice', 'svc-build'])
    expect(report.users.every(u => !u.isRoot)).toBe(true)
  })

  it('keeps the root row not_supported values as sentinels', () => {
    expect(report.root?.passwordEnabled).toBe('not_supported')
    expect(report.root?.passwordLastChanged).toBe('not_supported')
    expect(report.root?.passwordNextRotation).toBe('not_supported')
  })

  it('types every cell of a user row', () => {
    const svc = report.users[1]
    expect(svc).toEqual({
      line: 4,
      user: 'svc-build',
      arn: 'arn:aws:iam::123456789012:user/ci/svc-build',
      isRoot: false,
      userCreationTime: ts('2025-01-15T10:00:00Z'),
      passwordEnabled: false,
      passwordLastUsed: 'N/A',
      passwordLastChanged: 'N/A',
      passwordNextRotation: 'N/A',
      mfaActive: false,
      accessKeys: [
        {
          slot: 1,
          credential: 'access_key_1',
          active: true,
          lastRotated: ts('2026-05-06T06:12:40Z'),
          lastUsedDate: ts('2026-11-20T15:33:00Z'),
          lastUsedRegion: 'us-west-2',
          lastUsedService: 's3'
        },
        {
          slot: 2,
          credential: 'access_key_2',
          active: false,
          lastRotated: ts('2025-01-01T00:00:00Z'),
          lastUsedDate: 'no_information',
          lastUsedRegion: 'N/A',
          lastUsedService: 'N/A'
        }
      ],
      certs: [
        {
          slot: 1,
          credential: 'cert_1',
          active: true,
          lastRotated: ts('2024-02-29T12:00:00.500Z')
        },
        { slot: 2, credential: 'cert_2', active: false, lastRotated: 'N/A' }
      ]
    })
  })

  it('gives the same result for bytes and for text', () => {
    const text = sampleReport([sampleRow(), sampleRow({ user: 'bob' })])
    expect(parseCredentialReport(new TextEncoder().encode(text))).toEqual(
      parseCredentialReport(text)
    )
    expect(parseCredentialReport(Buffer.from(text))).toEqual(parseCredentialReport(text))
  })
})

describe('columns are found by header name', () => {
  it('accepts any column order', () => {
    const shuffled = [...REPORT_COLUMNS].reverse()
    const a = parseCredentialReport(sampleReport([sampleRow({ mfa_active: 'false' })]))
    const b = parseCredentialReport(
      toCsv(shuffled, [sampleRootRow(), sampleRow({ mfa_active: 'false' })])
    )
    expect(b.users).toEqual(a.users)
    expect(b.root).toEqual(a.root)
    expect(b.columns).toEqual(shuffled)
  })

  it('ignores unknown columns, whatever they hold', () => {
    const columns = ['team', ...REPORT_COLUMNS, 'notes']
    const report = parseCredentialReport(
      toCsv(columns, [sampleRow({ team: '', notes: 'anything, "quoted"\nover two lines' })])
    )
    expect(report.users).toHaveLength(1)
    expect(report.columns).toEqual(columns)
  })

  it('gives null cells for the columns an older layout lacks', () => {
    const old = REPORT_COLUMNS.filter(c => !c.includes('_last_used_'))
    const report = parseCredentialReport(toCsv(old, [sampleRow({ access_key_1_active: 'true' })]))
    const key = report.users[0]?.accessKeys[0]
    expect(key?.active).toBe(true)
    expect(key?.lastUsedDate).toBeNull()
    expect(key?.lastUsedRegion).toBeNull()
    expect(key?.lastUsedService).toBeNull()
  })

  it('needs only user, arn and user_creation_time', () => {
    const report = parseCredentialReport(
      'user,arn,user_creation_time\nalice,arn:aws:iam::123456789012:user/alice,N/A\n'
    )
    const alice = report.users[0]
    expect(alice?.userCreationTime).toBe('N/A')
    expect(alice?.passwordEnabled).toBeNull()
    expect(alice?.mfaActive).toBeNull()
    expect(alice?.accessKeys.map(k => k.active)).toEqual([null, null])
    expect(alice?.certs.map(c => c.lastRotated)).toEqual([null, null])
  })

  it('trims spaces around header names', () => {
    const report = parseCredentialReport(
      ' user , arn ,user_creation_time\nalice,arn:aws:iam::123456789012:user/alice,N/A\n'
    )
    expect(report.columns).toEqual(['user', 'arn', 'user_creation_time'])
  })

  it('names every missing required column', () => {
    expect(messageOf('user,mfa_active\nalice,true\n')).toBe(
      'credential report: missing required columns: arn, user_creation_time'
    )
    expect(messageOf('name\n')).toBe(
      'credential report: missing required columns: user, arn, user_creation_time'
    )
  })

  it('rejects duplicate header names, naming each once', () => {
    expect(messageOf(`${HEADER},arn,mfa_active,arn\n`)).toBe(
      'credential report line 1: duplicate column names in the header: arn, mfa_active'
    )
  })

  it('rejects an empty header name', () => {
    expect(messageOf('user,arn,user_creation_time,\n')).toBe(
      'credential report line 1: column 4 of the header has no name'
    )
  })

  it('recognises a report whose header was cut off', () => {
    expect(
      messageOf(toCsv(REPORT_COLUMNS, [sampleRootRow()]).split('\n').slice(1).join('\n'))
    ).toBe(
      'credential report line 1 is a data row, not the header: a credential report starts with the column names (user,arn,user_creation_time,...)'
    )
  })

  it.each([
    [';', 'semicolons'],
    ['\t', 'tabs'],
    ['|', 'vertical bars']
  ])('says the report must be comma-separated when %j separates the header', (sep, name) => {
    const text = sampleReport().replaceAll(',', sep)
    expect(messageOf(text)).toBe(
      `credential report must be comma-separated: the header on line 1 is separated by ${name}`
    )
  })
})

describe('values', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['True', true],
    ['false', false],
    ['FALSE', false],
    ['False', false],
    ['N/A', 'N/A'],
    ['no_information', 'no_information'],
    ['not_supported', 'not_supported']
  ])('reads the boolean cell %j as %j', (text, value) => {
    const report = parseCredentialReport(withUser({ mfa_active: text }))
    expect(report.users[0]?.mfaActive).toBe(value)
  })

  it.each(['N/A', 'no_information', 'not_supported'])(
    'accepts the sentinel %s in every typed column',
    sentinel => {
      const overrides: Record<string, string> = {}
      for (const column of REPORT_COLUMNS.slice(2)) overrides[column] = sentinel
      const row = parseCredentialReport(withUser(overrides)).users[0]
      expect(row?.userCreationTime).toBe(sentinel)
      expect(row?.passwordEnabled).toBe(sentinel)
      expect(row?.passwordLastUsed).toBe(sentinel)
      expect(row?.passwordLastChanged).toBe(sentinel)
      expect(row?.passwordNextRotation).toBe(sentinel)
      expect(row?.mfaActive).toBe(sentinel)
      for (const key of row?.accessKeys ?? []) {
        expect([key.active, key.lastRotated, key.lastUsedDate]).toEqual([
          sentinel,
          sentinel,
          sentinel
        ])
        expect([key.lastUsedRegion, key.lastUsedService]).toEqual([sentinel, sentinel])
      }
      for (const cert of row?.certs ?? []) {
        expect([cert.active, cert.lastRotated]).toEqual([sentinel, sentinel])
      }
    }
  )

  it.each([
    ['2026-03-01T12:00:00Z', '2026-03-01T12:00:00.000Z'],
    ['2026-03-01T12:00:00+00:00', '2026-03-01T12:00:00.000Z'],
    ['2026-03-01T12:00:00.1Z', '2026-03-01T12:00:00.100Z'],
    ['2026-03-01T12:00:00.123456+00:00', '2026-03-01T12:00:00.123Z'],
    ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59.000Z'],
    ['2008-02-29T00:00:00Z', '2008-02-29T00:00:00.000Z'],
    ['2006-01-01T00:00:00Z', '2006-01-01T00:00:00.000Z']
  ])('reads the timestamp %s as %s', (text, iso) => {
    const row = parseCredentialReport(withUser({ password_last_used: text })).users[0]
    expect(row?.passwordLastUsed).toBe(Date.parse(iso))
  })

  it('keeps region and service as plain strings', () => {
    const row = parseCredentialReport(
      withUser({
        access_key_1_last_used_region: 'ap-southeast-4',
        access_key_1_last_used_service: 'bedrock'
      })
    ).users[0]
    expect(row?.accessKeys[0].lastUsedRegion).toBe('ap-southeast-4')
    expect(row?.accessKeys[0].lastUsedService).toBe('bedrock')
  })

  it.each([
    ['access_key_1_last_rotated', 'yesterday', "'yesterday' is not an ISO 8601 timestamp"],
    ['password_last_used', 'not_available', "'not_available' is not an ISO 8601 timestamp"],
    ['password_last_used', 'n/a', "'n/a' is not an ISO 8601 timestamp"],
    ['password_last_used', '2026-11-20', "'2026-11-20' is not an ISO 8601 timestamp"],
    [
      'password_last_used',
      '2026-11-20 15:33:00Z',
      "'2026-11-20 15:33:00Z' is not an ISO 8601 timestamp"
    ],
    [
      'password_last_used',
      '2026-11-20T15:33:00z',
      "'2026-11-20T15:33:00z' is not an ISO 8601 timestamp"
    ],
    [
      'password_last_used',
      '2026-11-20T15:33:00.Z',
      "'2026-11-20T15:33:00.Z' is not an ISO 8601 timestamp"
    ],
    ['password_last_used', '2026-11-20T15:33Z', "'2026-11-20T15:33Z' is not an ISO 8601 timestamp"],
    [
      'password_last_used',
      '2026-11-20T15:33:00ZZ',
      "'2026-11-20T15:33:00ZZ' is not an ISO 8601 timestamp"
    ],
    [
      'password_last_used',
      ' 2026-11-20T15:33:00Z',
      "' 2026-11-20T15:33:00Z' is not an ISO 8601 timestamp"
    ],
    [
      'user_creation_time',
      '2026-02-30T10:00:00Z',
      "'2026-02-30T10:00:00Z' is not a valid date: February 2026 has 28 days"
    ],
    [
      'user_creation_time',
      '2025-02-29T10:00:00Z',
      "'2025-02-29T10:00:00Z' is not a valid date: February 2025 has 28 days"
    ],
    [
      'user_creation_time',
      '2100-02-29T10:00:00Z',
      "'2100-02-29T10:00:00Z' is not a valid date: February 2100 has 28 days"
    ],
    [
      'user_creation_time',
      '2026-04-31T10:00:00Z',
      "'2026-04-31T10:00:00Z' is not a valid date: April 2026 has 30 days"
    ],
    [
      'user_creation_time',
      '2026-13-01T10:00:00Z',
      "'2026-13-01T10:00:00Z' is not a valid date: there is no month 13"
    ],
    [
      'user_creation_time',
      '2026-00-01T10:00:00Z',
      "'2026-00-01T10:00:00Z' is not a valid date: there is no month 00"
    ],
    [
      'user_creation_time',
      '2026-01-00T10:00:00Z',
      "'2026-01-00T10:00:00Z' is not a valid date: there is no day 00"
    ],
    [
      'user_creation_time',
      '2026-01-01T24:00:00Z',
      "'2026-01-01T24:00:00Z' is not a valid date and time: there is no hour 24"
    ],
    [
      'user_creation_time',
      '2026-01-01T23:60:00Z',
      "'2026-01-01T23:60:00Z' is not a valid date and time: there is no minute 60"
    ],
    [
      'user_creation_time',
      '2026-01-01T23:59:60Z',
      "'2026-01-01T23:59:60Z' is not a valid date and time: there is no second 60"
    ],
    [
      'password_last_used',
      '2005-12-31T23:59:59Z',
      "'2005-12-31T23:59:59Z' is before 2006-01-01, when AWS began: no IAM credential is that old; check that the report was not edited"
    ],
    [
      'user_creation_time',
      '0000-01-01T00:00:00+00:00',
      "'0000-01-01T00:00:00+00:00' is before 2006-01-01, when AWS began: no IAM credential is that old; check that the report was not edited"
    ],
    [
      'cert_2_last_rotated',
      '1970-01-01T00:00:00Z',
      "'1970-01-01T00:00:00Z' is before 2006-01-01, when AWS began: no IAM credential is that old; check that the report was not edited"
    ],
    [
      'access_key_2_last_used_date',
      '2026-11-20T15:33:00+02:00',
      "'2026-11-20T15:33:00+02:00' is not in UTC (offset +02:00); the report's timestamps are UTC, ending in Z or +00:00"
    ],
    [
      'access_key_2_last_used_date',
      '2026-11-20T15:33:00-00:00',
      "'2026-11-20T15:33:00-00:00' is not in UTC (offset -00:00); the report's timestamps are UTC, ending in Z or +00:00"
    ],
    [
      'cert_2_last_rotated',
      '2026-11-20T15:33:00',
      "'2026-11-20T15:33:00' has no time zone; the report's timestamps are UTC, ending in Z or +00:00"
    ],
    ['mfa_active', 'yes', "'yes' is not true or false"],
    ['password_enabled', 'truee', "'truee' is not true or false"],
    ['cert_1_active', '1', "'1' is not true or false"],
    ['access_key_1_active', 'not_available', "'not_available' is not true or false"],
    ['mfa_active', '', 'value is empty; expected true or false'],
    ['password_last_used', '', 'value is empty; expected an ISO 8601 timestamp'],
    ['access_key_1_last_used_region', '', 'value is empty; expected an AWS region or N/A'],
    ['access_key_2_last_used_service', '', 'value is empty; expected a service name or N/A']
  ])('rejects %s = %j', (column, value, problem) => {
    expect(messageOf(withUser({ [column]: value }))).toBe(
      `credential report line 3, column ${column}: ${problem}`
    )
  })

  it('shortens long values in messages', () => {
    expect(messageOf(withUser({ password_last_used: 'x'.repeat(200) }))).toBe(
      `credential report line 3, column password_last_used: '${'x'.repeat(57)}...' is not an ISO 8601 timestamp`
    )
  })

  it('uses the source option to name the report', () => {
    expect(
      messageOf(withUser({ access_key_1_last_rotated: 'yesterday' }), { source: 'report.csv' })
    ).toBe(
      "report.csv line 3, column access_key_1_last_rotated: 'yesterday' is not an ISO 8601 timestamp"
    )
    expect(messageOf('', { source: 'report.csv' })).toBe('report.csv is empty')
  })
})

describe('users and ARNs', () => {
  it.each(['a', 'A_b+c=d,e.f@g-h', 'x'.repeat(64), 'deploy+ci@example.com', 'no_information'])(
    'accepts the IAM user name %s',
    name => {
      expect(
        parseCredentialReport(withUser({ user: name, arn: userArn(name) })).users[0]?.user
      ).toBe(name)
    }
  )

  it.each([
    [
      'bob smith',
      "'bob smith' is not a valid IAM user name: only A-Z a-z 0-9 _ + = , . @ - are allowed"
    ],
    ['bob!', "'bob!' is not a valid IAM user name: only A-Z a-z 0-9 _ + = , . @ - are allowed"],
    [
      'jos\u00e9',
      "'jos\u00e9' is not a valid IAM user name: only A-Z a-z 0-9 _ + = , . @ - are allowed"
    ],
    [
      '<ROOT_ACCOUNT>',
      "'<ROOT_ACCOUNT>' is not a valid IAM user name: only A-Z a-z 0-9 _ + = , . @ - are allowed"
    ],
    [
      'a'.repeat(65),
      `'${'a'.repeat(57)}...' is not a valid IAM user name: 65 characters, at most 64 are allowed`
    ],
    ['', 'value is empty; expected an IAM user name or <root_account>']
  ])('rejects the user name %j', (name, problem) => {
    expect(messageOf(withUser({ user: name, arn: userArn(name) }))).toBe(
      `credential report line 3, column user: ${problem}`
    )
  })

  it.each([
    ['', 'value is empty; expected an IAM ARN'],
    ['arn:aws:s3:::bob', "'arn:aws:s3:::bob' is not the ARN of an IAM user or root user"],
    [
      'arn:aws:iam::12345678901:user/bob',
      "'arn:aws:iam::12345678901:user/bob' is not the ARN of an IAM user or root user"
    ],
    [
      'arn:aws:iam::123456789012:role/bob',
      "'arn:aws:iam::123456789012:role/bob' is not the ARN of an IAM user or root user"
    ],
    [
      'arn:aws:iam:us-east-1:123456789012:user/bob',
      "'arn:aws:iam:us-east-1:123456789012:user/bob' is not the ARN of an IAM user or root user"
    ],
    ['bob', "'bob' is not the ARN of an IAM user or root user"],
    [
      'arn:aws:iam::123456789012:user/alice',
      "'arn:aws:iam::123456789012:user/alice' is not the ARN of user 'bob'"
    ],
    [
      'arn:aws:iam::123456789012:user/xbob',
      "'arn:aws:iam::123456789012:user/xbob' is not the ARN of user 'bob'"
    ],
    [
      'arn:aws:iam::123456789012:root',
      "'arn:aws:iam::123456789012:root' is the root ARN, but the user is 'bob'"
    ]
  ])('rejects the ARN %j of a user row', (arn, problem) => {
    expect(messageOf(withUser({ arn }))).toBe(`credential report line 3, column arn: ${problem}`)
  })

  it('rejects a root row without the root ARN', () => {
    expect(messageOf(toCsv(REPORT_COLUMNS, [sampleRootRow({ arn: userArn('root') })]))).toBe(
      "credential report line 2, column arn: 'arn:aws:iam::123456789012:user/root' is not a root ARN; the <root_account> row has arn:aws:iam::123456789012:root"
    )
  })

  it('accepts user paths and other partitions', () => {
    const report = parseCredentialReport(
      toCsv(REPORT_COLUMNS, [
        sampleRootRow({ arn: 'arn:aws-us-gov:iam::123456789012:root' }),
        sampleRow({
          user: 'carol',
          arn: 'arn:aws-us-gov:iam::123456789012:user/division_abc/subdivision_xyz/carol'
        })
      ])
    )
    expect(report.partition).toBe('aws-us-gov')
    expect(report.accountId).toBe('123456789012')
  })

  it('takes the account from user rows when there is no root row', () => {
    const report = parseCredentialReport(toCsv(REPORT_COLUMNS, [sampleRow()]))
    expect(report.root).toBeNull()
    expect(report.accountId).toBe(ACCOUNT_ID)
  })

  it('rejects rows of another account', () => {
    expect(
      messageOf(
        sampleReport([
          sampleRow(),
          sampleRow({ user: 'bob', arn: 'arn:aws:iam::210987654321:user/bob' })
        ])
      )
    ).toBe(
      'credential report line 4, column arn: account 210987654321 differs from account 123456789012 on line 2; a credential report covers one account'
    )
  })

  it('rejects rows of another partition', () => {
    expect(messageOf(withUser({ arn: 'arn:aws-cn:iam::123456789012:user/bob' }))).toBe(
      'credential report line 3, column arn: partition aws-cn differs from partition aws on line 2'
    )
  })

  it('rejects a duplicate user row, naming both lines', () => {
    expect(messageOf(sampleReport([sampleRow(), sampleRow({ user: 'bob' }), sampleRow()]))).toBe(
      "credential report line 5: duplicate row for user 'alice', first on line 3"
    )
  })

  it('treats user names that differ only in case as duplicates, as IAM does', () => {
    expect(messageOf(sampleReport([sampleRow({ user: 'Alice' }), sampleRow()]))).toBe(
      "credential report line 4: user 'alice' duplicates 'Alice' on line 3 (IAM user names are case-insensitive)"
    )
  })

  it('rejects a second root row', () => {
    expect(messageOf(sampleReport([sampleRootRow()]))).toBe(
      "credential report line 3: duplicate row for user '<root_account>', first on line 2"
    )
  })
})

describe('file structure', () => {
  it('accepts a header-only report', () => {
    expect(parseCredentialReport(`${HEADER}\n`)).toEqual({
      source: 'credential report',
      accountId: null,
      partition: null,
      columns: REPORT_COLUMNS,
      root: null,
      users: []
    })
    expect(parseCredentialReport(HEADER).users).toEqual([])
  })

  it.each([
    ['no bytes', ''],
    ['only line breaks', '\n\r\n\n'],
    ['only spaces', '   \n \t \n'],
    ['only a byte order mark', '\ufeff']
  ])('rejects an empty report (%s)', (_, text) => {
    expect(messageOf(text)).toBe('credential report is empty')
    expect(messageOf(new TextEncoder().encode(text))).toBe('credential report is empty')
  })

  it('accepts a UTF-8 byte order mark, CRLF line ends and no final line break', () => {
    const text = sampleReport([sampleRow(), sampleRow({ user: 'bob' })])
    const expected = parseCredentialReport(text)
    const crlf = '\ufeff' + text.replaceAll('\n', '\r\n').replace(/\r\n$/, '')
    expect(parseCredentialReport(crlf)).toEqual(expected)
    expect(parseCredentialReport(Buffer.from(crlf))).toEqual(expected)
  })

  it('accepts quoted fields, with doubled quotes, commas and line breaks in them', () => {
    const text = [
      'user,arn,user_creation_time,notes',
      '"ops,legacy","arn:aws:iam::123456789012:user/ops,legacy","2017-02-28T23:59:59+00:00","say ""hi"""',
      'bob,arn:aws:iam::123456789012:user/bob,2020-01-01T00:00:00Z,"two',
      'lines"'
    ].join('\n')
    const report = parseCredentialReport(text)
    expect(report.users.map(u => [u.user, u.line])).toEqual([
      ['ops,legacy', 2],
      ['bob', 3]
    ])
  })

  it('numbers lines physically: multi-line quoted fields and blank lines advance them', () => {
    const rows = [
      'user,arn,user_creation_time,notes',
      'alice,arn:aws:iam::123456789012:user/alice,2024-01-08T09:12:44Z,"one',
      'two',
      'three"',
      '',
      '',
      'bob,arn:aws:iam::123456789012:user/bob,2024-01-08T09:12:44Z,',
      'carol,arn:aws:iam::123456789012:user/carol,2024-01-08T09:12:44Z,"a',
      'b"'
    ]
    for (const eol of ['\n', '\r\n']) {
      const report = parseCredentialReport(rows.join(eol) + eol)
      expect(report.users.map(u => u.line)).toEqual([2, 7, 8])
      expect(messageOf([...rows, 'dave,arn:aws:iam::123456789012:user/dave,nope,'].join(eol))).toBe(
        "credential report line 10, column user_creation_time: 'nope' is not an ISO 8601 timestamp"
      )
    }
  })

  it('counts blank lines before the header', () => {
    expect(messageOf('\n\nuser,arn\n')).toBe(
      'credential report: missing required columns: user_creation_time'
    )
    expect(messageOf('\n\nuser,arn,user_creation_time,\n')).toBe(
      'credential report line 3: column 4 of the header has no name'
    )
  })

  it('rejects rows with too many or too few fields', () => {
    const row = toCsv(REPORT_COLUMNS, [sampleRow({ user: 'bob' })]).split('\n')[1] as string
    expect(messageOf(sampleReport() + row + ',extra\n')).toBe(
      'credential report line 4: expected 22 fields as in the header, found 23'
    )
    expect(messageOf(sampleReport() + row.replace(/,[^,]*$/, '') + '\n')).toBe(
      'credential report line 4: expected 22 fields as in the header, found 21'
    )
    expect(messageOf(sampleReport() + ' \n')).toBe(
      'credential report line 4: expected 22 fields as in the header, found 1'
    )
  })

  it('rejects a quoted field that is never closed', () => {
    expect(messageOf(`${HEADER}\nalice,"arn:aws:iam::123456789012:user/alice\n`)).toBe(
      'credential report line 2: a quoted field is not closed before the end of the file (is the report truncated?)'
    )
  })

  it('rejects stray quotes', () => {
    expect(
      messageOf(withUser({ access_key_1_last_used_service: 's3' }).replace(',s3,', ',s"3,'))
    ).toBe(
      'credential report line 3, column access_key_1_last_used_service: a quote character inside an unquoted value (a quoted value must be quoted from its first character)'
    )
    expect(messageOf('user,arn,user_creation_time\n"alice"x,b,c\n')).toBe(
      'credential report line 2, column user: a closing quote is followed by other characters instead of a comma or the end of the line'
    )
    expect(messageOf('user,arn,user_creation_time,notes\n\nalice,b,c,"one\ntwo"x\n')).toBe(
      'credential report line 3, column notes: a closing quote is followed by other characters instead of a comma or the end of the line'
    )
    expect(messageOf('user,"arn"x,user_creation_time\n')).toBe(
      'credential report line 1, column 2: a closing quote is followed by other characters instead of a comma or the end of the line'
    )
  })

  it('rejects a 10 MB line of empty fields', () => {
    expect(messageOf(','.repeat(10 * 1024 * 1024))).toBe(
      'credential report line 1: column 1 of the header has no name'
    )
    expect(messageOf(`${sampleReport()}${','.repeat(10 * 1024 * 1024)}\n`)).toBe(
      'credential report line 4: expected 22 fields as in the header, found 10485761'
    )
  })

  it('rejects a 10 MB line without reading it all as one record', () => {
    const line = 'x'.repeat(10 * 1024 * 1024)
    expect(messageOf(line)).toBe(
      `credential report line 1: record longer than ${MAX_RECORD_CHARS} characters; a credential report row is a few hundred`
    )
    expect(messageOf(`${sampleReport()}bob,${line}\n`)).toBe(
      `credential report line 4: record longer than ${MAX_RECORD_CHARS} characters; a credential report row is a few hundred`
    )
  })

  it('rejects content over maxBytes, stating size and limit', () => {
    const text = sampleReport()
    const size = Buffer.byteLength(text)
    expect(size).toBeGreaterThan(500)
    expect(size).toBeLessThan(1024)
    expect(messageOf(text, { maxBytes: 500 })).toBe(
      `credential report is too large: ${size} bytes, more than the limit of 500 bytes`
    )
    expect(messageOf(Buffer.from(text), { maxBytes: 500 })).toBe(
      `credential report is too large: ${size} bytes, more than the limit of 500 bytes`
    )
    expect(messageOf(Buffer.alloc(3 * 1024 * 1024, 0x61), { maxBytes: 2 * 1024 * 1024 })).toBe(
      'credential report is too large: 3.0 MiB, more than the limit of 2.0 MiB'
    )
    expect(parseCredentialReport(text, { maxBytes: size }).users).toHaveLength(1)
  })

  it('measures a string in UTF-8 bytes against maxBytes', () => {
    const text = '\u00e9'.repeat(600)
    expect(messageOf(text, { maxBytes: 1000 })).toBe(
      'credential report is too large: 1.2 KiB (1200 bytes), more than the limit of 1000 bytes'
    )
  })

  it('defaults maxBytes to 256 MiB', () => {
    expect(messageOf(new Uint8Array(256 * 1024 * 1024 + 1))).toBe(
      'credential report is too large: 256.0 MiB (268435457 bytes), more than the limit of 256.0 MiB'
    )
  })
})

describe('encodings and binary data', () => {
  it('rejects bytes that are not UTF-8, naming the byte and its line', () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\n`),
      Buffer.from([0x6a, 0x6f, 0x73, 0xe9, 0x2c])
    ])
    expect(messageOf(bytes)).toBe(
      `credential report is not valid UTF-8: invalid byte 0xE9 on line 2 (byte offset ${HEADER.length + 4}); save the report as UTF-8`
    )
  })

  it.each([
    [[0xff], 0],
    [[0x61, 0x80], 1],
    [[0x61, 0xc3, 0x28], 1],
    [[0x61, 0xe2, 0x82, 0x28], 1],
    [[0x61, 0xf0, 0x9f, 0x98, 0x41], 1],
    [[0x61, 0xc0, 0xaf], 1],
    [[0x61, 0xed, 0xa0, 0x80], 1]
  ])('locates the invalid sequence in %j at offset %d', (bytes, offset) => {
    expect(messageOf(new Uint8Array(bytes))).toMatch(new RegExp(`\\(byte offset ${offset}\\)`))
  })

  it('says when the bytes end inside a character', () => {
    expect(messageOf(new Uint8Array([0x61, 0x62, 0xe2, 0x82]))).toBe(
      'credential report is not valid UTF-8: it ends in the middle of a character (is the file truncated?)'
    )
  })

  it('rejects NUL bytes as binary data', () => {
    expect(messageOf(`${HEADER}\nab\u0000c\n`)).toBe(
      'credential report line 2 contains a NUL byte: this is binary data, not a CSV credential report'
    )
  })

  it('rejects other control characters and lone carriage returns', () => {
    expect(messageOf(`${HEADER}\n\u001b[31m\n`)).toBe(
      'credential report line 2 contains the control character U+001B; a credential report is plain CSV text'
    )
    expect(messageOf(`${HEADER}\r${HEADER}\r`)).toBe(
      'credential report line 1 contains a carriage return (U+000D) that does not end a line; a credential report is plain CSV text'
    )
  })

  it('recognises gzip, ZIP and UTF-16 content', () => {
    expect(messageOf(new Uint8Array([0x1f, 0x8b, 8, 0]))).toBe(
      'credential report is gzip-compressed; decompress it first'
    )
    expect(messageOf(new Uint8Array([0x50, 0x4b, 3, 4, 0]))).toBe(
      'credential report is a ZIP archive (an Excel workbook?), not CSV text; export or extract the CSV first'
    )
    const utf16 = Buffer.from(`\ufeff${HEADER}\n`, 'utf16le')
    expect(messageOf(utf16)).toBe(
      'credential report is UTF-16 text; the credential report must be UTF-8'
    )
    expect(messageOf(utf16.subarray(2))).toBe(
      'credential report looks like UTF-16 text; the credential report must be UTF-8'
    )
  })

  it('recognises a Base64-encoded report', () => {
    const encoded = Buffer.from(sampleReport()).toString('base64')
    const message =
      "credential report is Base64-encoded (as the AWS CLI prints the report's Content); decode it first, e.g. with base64 --decode"
    expect(messageOf(encoded)).toBe(message)
    expect(messageOf(encoded.replace(/(.{76})/g, '$1\n'))).toBe(message)
    expect(messageOf(Buffer.from('\ufeff' + sampleReport()).toString('base64'))).toBe(message)
  })

  it.each(['useraccountnames', 'abcdefghijklmnopqrstuvwxyz0123456789', 'AKIAIOSFODNN7EXAMPLE'])(
    'does not mistake the one-column header %s for Base64',
    header => {
      expect(messageOf(`${header}\n`)).toBe(
        'credential report: missing required columns: user, arn, user_creation_time'
      )
    }
  )
})

describe('large reports', () => {
  it('parses 20,000 users and keeps them in file order', () => {
    const users = Array.from({ length: 20_000 }, (_, i) => sampleRow({ user: `user${i}` }))
    const report = parseCredentialReport(sampleReport(users))
    expect(report.users).toHaveLength(20_000)
    expect(report.users[19_999]?.user).toBe('user19999')
    expect(report.users[19_999]?.line).toBe(20_002)
  })
})
