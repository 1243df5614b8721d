import { spawnSync } from 'node:child_process'
import type { SpawnSyncReturns } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  commentText,
  renderRemediationScript,
  shellCommand,
  shellQuote
} from '../../src/render/remediation.js'
import { ROOT_USER } from '../../src/report/types.js'
import { KEY_ID_PLACEHOLDER } from '../../src/rules/commands.js'
import {
  context,
  evaluation,
  exemption,
  finding,
  HOSTILE_USERS,
  ruleId,
  rulesWithRemediation
} from './builders.js'

const ROTATION = ruleId('access-key-rotation')
const MANUAL = rulesWithRemediation('manual')
const KEY = 'AKIAEXAMPLE000000001'

/** Names that try to break out of quoting, comments or the plan. */
const EVIL = [
  "a'b;rm -rf",
  '$(touch pwned)',
  '`touch pwned2`',
  'x\ntouch pwned3',
  "q'\n# comment\ntouch pwned4 #",
  '"; touch pwned5; "',
  '${IFS}touch${IFS}pwned6',
  '-rf',
  'CONFIRM=yes',
  ...HOSTILE_USERS
]

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'remediation-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Writes the script and a stub `aws` that logs each call's argv (NUL-separated, one record per call). */
function setup(script: string, name: string): { scriptPath: string; log: string; work: string } {
  const work = mkdtempSync(join(dir, `${name}-`))
  const scriptPath = join(work, 'remediation.sh')
  writeFileSync(scriptPath, script)
  const bin = join(work, 'bin')
  spawnSync('mkdir', [bin])
  const log = join(work, 'aws.log')
  writeFileSync(
    join(bin, 'aws'),
    `#!/usr/bin/env bash\nfor a in "$@"; do printf '%s\\0' "$a"; done >> ${shellQuote(log)}\nprintf '\\036' >> ${shellQuote(log)}\n`
  )
  chmodSync(join(bin, 'aws'), 0o755)
  return { scriptPath, log, work }
}

function runScript(
  scriptPath: string,
  work: string,
  env: Record<string, string>
): SpawnSyncReturns<string> {
  return spawnSync('bash', [scriptPath], {
    cwd: work,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: `${join(work, 'bin')}:/usr/bin:/bin`, HOME: work, ...env }
  })
}

function calls(log: string): string[][] {
  if (!existsSync(log)) return []
  return readFileSync(log, 'utf8')
    .split('\u001e')
    .filter(r => r !== '')
    .map(r => r.split('\u0000').slice(0, -1))
}

describe('shellQuote', () => {
  it.each([
    ['plain', 'plain'],
    ['user.name@example.com', 'user.name@example.com'],
    ['', "''"],
    ["a'b;rm -rf", "'a'\\''b;rm -rf'"],
    ['$(x)', "'$(x)'"],
    ['~root', "'~root'"],
    ['a b', "'a b'"],
    ['=x', "'=x'"]
  ])('%j → %s', (arg, quoted) => {
    expect(shellQuote(arg)).toBe(quoted)
  })

  it('round-trips every hostile argument through bash', () => {
    const args = [
      ...EVIL,
      '',
      ' ',
      '\t',
      '\\',
      "'",
      "''",
      '*',
      '?',
      '[a]',
      '!',
      '#x',
      '&',
      '|',
      '>',
      '<'
    ]
    const out = spawnSync('bash', ['-c', `printf '%s\\0' ${args.map(shellQuote).join(' ')}`], {
      encoding: 'utf8'
    })
    expect(out.stdout.split('\u0000').slice(0, -1)).toEqual(args)
  })

  it('keeps comment text on one line', () => {
    expect(commentText('a\nb\rc\u0085d\u2028e\u001b[31m')).toBe('a?b?c?d?e?[31m')
  })
})

describe('renderRemediationScript', () => {
  const ctx = () =>
    context({
      evaluation: evaluation({
        findings: [
          finding({ ruleId: ROTATION, user: 'ci-deploy', keyId: KEY, severity: 'medium' }),
          finding({
            ruleId: ROTATION,
            user: 'no-key-id',
            credential: 'access_key_2',
            severity: 'high'
          }),
          finding({ ruleId: ROTATION, user: 'exempt-me', keyId: KEY, exemption: exemption() }),
          ...(MANUAL[0]
            ? [
                finding({
                  ruleId: MANUAL[0].id,
                  user: MANUAL[0].scope === 'users' ? 'manual-user' : ROOT_USER,
                  credential: null,
                  severity: 'critical',
                  message: 'Needs a person.'
                })
              ]
            : [])
        ]
      })
    })

  it('is a bash script that bash -n accepts, with the header and the guard', () => {
    const script = renderRemediationScript(ctx())
    expect(script.startsWith('#!/usr/bin/env bash\n')).toBe(true)
    expect(script).toContain('\nset -euo pipefail\n')
    expect(script).toContain('NOT run by the tool')
    expect(script).toContain('account 123456789012')
    expect(script).toContain('Generated 2026-03-01T12:00:00Z')
    expect(script).toContain(`if [ "\${CONFIRM:-}" != 'yes' ]; then`)
    const { scriptPath } = setup(script, 'syntax')
    const check = spawnSync('bash', ['-n', scriptPath], { encoding: 'utf8' })
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
  })

  it('puts the fix live with its backout beside it, and skips exempted findings', () => {
    const script = renderRemediationScript(ctx())
    const live = script.split('\n').filter(l => l.startsWith('run '))
    expect(live).toEqual([
      `run aws iam update-access-key --user-name ci-deploy --access-key-id ${KEY} --status Inactive  # backout: aws iam update-access-key --user-name ci-deploy --access-key-id ${KEY} --status Active`
    ])
    expect(script).not.toContain('exempt-me')
  })

  it('comments out a command whose key id is unknown, with the lookup command', () => {
    const script = renderRemediationScript(ctx())
    expect(script).toContain('#   aws iam list-access-keys --user-name no-key-id')
    expect(script).toContain(
      `# run aws iam update-access-key --user-name no-key-id --access-key-id '${KEY_ID_PLACEHOLDER}' --status Inactive`
    )
    expect(script).not.toMatch(new RegExp(`^run .*${KEY_ID_PLACEHOLDER}`, 'm'))
  })

  it('orders findings most severe first', () => {
    const script = renderRemediationScript(ctx())
    const order = [...script.matchAll(/^# \[\d+\/\d+\] (\w+) /gm)].map(m => m[1])
    expect(order).toEqual(MANUAL[0] ? ['critical', 'high', 'medium'] : ['high', 'medium'])
  })

  ;(MANUAL[0] ? it : it.skip)('says what a person must do for a manual step', () => {
    const script = renderRemediationScript(ctx())
    expect(script).toContain('# MANUAL: a person must do this; nothing below runs for it:')
    expect(script).toContain('# Needs a person.')
  })

  it('plans nothing but still guards when there are no findings', () => {
    const script = renderRemediationScript(context())
    const { scriptPath, work, log } = setup(script, 'empty')
    const run = runScript(scriptPath, work, {})
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('nothing to do')
    expect(calls(log)).toEqual([])
  })

  it('does not plan the same command twice', () => {
    const script = renderRemediationScript(
      context({
        evaluation: evaluation({
          findings: [
            finding({ ruleId: ROTATION, user: 'dup', keyId: KEY, severity: 'high' }),
            finding({
              ruleId: ROTATION,
              user: 'dup',
              keyId: KEY,
              severity: 'medium',
              message: 'again'
            })
          ]
        })
      })
    )
    expect(script.split('\n').filter(l => l.startsWith('run '))).toHaveLength(1)
    expect(script).toContain('# already planned above: aws iam update-access-key --user-name dup')
  })

  describe('with hostile user names', () => {
    const hostile = () =>
      context({
        evaluation: evaluation({
          accountId: "1234'\n$(touch pwned-account)",
          findings: EVIL.map((user, i) =>
            finding({
              ruleId: ROTATION,
              user,
              keyId: `AKIA${String(i).padStart(16, '0')}`,
              severity: 'high',
              message: `Evidence\n$(touch pwned-message)\n\`touch pwned-msg2\` for ${user}`
            })
          ).concat(
            finding({
              ruleId: ROTATION,
              user: "no'key\n$(touch pwned-nokey)",
              severity: 'high'
            })
          )
        })
      })

    it('bash -n accepts the script', () => {
      const { scriptPath } = setup(renderRemediationScript(hostile()), 'hostile-syntax')
      const check = spawnSync('bash', ['-n', scriptPath], { encoding: 'utf8' })
      expect(check.stderr).toBe('')
      expect(check.status).toBe(0)
    })

    it('without CONFIRM=yes prints the plan, exits 1 and runs nothing', () => {
      const { scriptPath, work, log } = setup(
        renderRemediationScript(hostile()),
        'hostile-noconfirm'
      )
      for (const env of [{}, { CONFIRM: 'no' }, { CONFIRM: 'YES' }] as Record<string, string>[]) {
        const run = runScript(scriptPath, work, env)
        expect(run.status).toBe(1)
        expect(run.stderr).toContain('Nothing was changed')
        expect(run.stderr).toContain('Remediation plan for AWS account')
        expect(run.stderr).toContain('aws iam update-access-key')
      }
      expect(calls(log)).toEqual([])
      const created = spawnSync('ls', ['-A', work], { encoding: 'utf8' }).stdout.split('\n')
      expect(created.filter(f => f.startsWith('pwned'))).toEqual([])
    })

    it('with CONFIRM=yes passes every argument to aws intact and nothing else runs', () => {
      const { scriptPath, work, log } = setup(renderRemediationScript(hostile()), 'hostile-confirm')
      const run = runScript(scriptPath, work, { CONFIRM: 'yes' })
      expect(run.stderr).toContain('Done:')
      expect(run.status).toBe(0)
      const expected = EVIL.map((user, i) => [
        'iam',
        'update-access-key',
        '--user-name',
        user,
        '--access-key-id',
        `AKIA${String(i).padStart(16, '0')}`,
        '--status',
        'Inactive'
      ])
      const byUser = (a: string[], b: string[]) => (a[3]! < b[3]! ? -1 : a[3]! > b[3]! ? 1 : 0)
      expect(calls(log).sort(byUser)).toEqual(expected.sort(byUser))
      const created = spawnSync('ls', ['-A', work], { encoding: 'utf8' }).stdout.split('\n')
      expect(created.filter(f => f.startsWith('pwned'))).toEqual([])
    })
  })

  it('quotes every command it shows', () => {
    expect(shellCommand(['aws', 'iam', 'x', '--user-name', "a'b"])).toBe(
      "aws iam x --user-name 'a'\\''b'"
    )
  })
})

describe('access key ids looked up when the script runs', () => {
  const CREATED_1 = Date.parse('2025-01-02T03:04:05Z')
  const CREATED_2 = Date.parse('2025-06-07T08:09:10Z')
  const lookupCtx = () =>
    context({
      evaluation: evaluation({
        findings: [
          finding({ ruleId: ROTATION, user: 'bob', credential: 'access_key_1', severity: 'high' }),
          finding({ ruleId: ROTATION, user: 'bob', credential: 'access_key_2', severity: 'high' })
        ]
      }),
      accessKeysCreated: new Map([
        ['bob/access_key_1', CREATED_1],
        ['bob/access_key_2', CREATED_2]
      ])
    })

  /** A stub `aws` that logs its calls and answers list-access-keys with `keys` (id, CreateDate). */
  function withKeys(script: string, name: string, keys: [string, string][]) {
    const s = setup(script, name)
    const listing = join(s.work, 'keys.txt')
    writeFileSync(listing, keys.map(([id, created]) => `${id}\t${created}\n`).join(''))
    const aws = join(s.work, 'bin', 'aws')
    writeFileSync(
      aws,
      `${readFileSync(aws, 'utf8')}if [ "$2" = list-access-keys ]; then cat ${shellQuote(listing)}; fi\n`
    )
    return s
  }

  it('updates the key created at the report time, each key on its own (AWS CLI 1 and 2 dates)', () => {
    const script = renderRemediationScript(lookupCtx())
    expect(script).not.toContain(KEY_ID_PLACEHOLDER)
    const s = withKeys(script, 'lookup', [
      ['AKIAOTHER00000000000', '2025-01-02T03:04:06+00:00'],
      ['AKIAKEYONE0000000000', '2025-01-02T03:04:05+00:00'],
      ['AKIAKEYTWO0000000000', '2025-06-07T08:09:10Z']
    ])
    const run = runScript(s.scriptPath, s.work, { CONFIRM: 'yes' })
    expect(run.stderr).toContain('Done: 2 command(s) run.')
    expect(run.status).toBe(0)
    const update = (id: string) => [
      'iam',
      'update-access-key',
      '--user-name',
      'bob',
      '--access-key-id',
      id,
      '--status',
      'Inactive'
    ]
    const list = ['iam', 'list-access-keys', '--user-name', 'bob', '--query']
    expect(calls(s.log).map(c => (c[1] === 'list-access-keys' ? c.slice(0, 5) : c))).toEqual([
      list,
      update('AKIAKEYONE0000000000'),
      list,
      update('AKIAKEYTWO0000000000')
    ])
  })

  it('stops before any change when no key or two keys were created at that time', () => {
    const script = renderRemediationScript(lookupCtx())
    const gone = withKeys(script, 'lookup-gone', [['AKIANEW0000000000000', '2026-01-01T00:00:00Z']])
    const r1 = runScript(gone.scriptPath, gone.work, { CONFIRM: 'yes' })
    expect(r1.status).not.toBe(0)
    expect(r1.stderr).toContain(
      'No access key of bob was created at 2025-01-02T03:04:05 (rotated or deleted since the report?): stopping.'
    )
    expect(calls(gone.log).map(c => c[1])).toEqual(['list-access-keys'])

    const twice = withKeys(script, 'lookup-twice', [
      ['AKIAA000000000000000', '2025-01-02T03:04:05Z'],
      ['AKIAB000000000000000', '2025-01-02T03:04:05Z']
    ])
    const r2 = runScript(twice.scriptPath, twice.work, { CONFIRM: 'yes' })
    expect(r2.status).not.toBe(0)
    expect(r2.stderr).toContain('Two access keys of bob were created at 2025-01-02T03:04:05')
    expect(calls(twice.log).map(c => c[1])).toEqual(['list-access-keys'])
  })

  it('plans the lookup without calling AWS when not confirmed', () => {
    const script = renderRemediationScript(lookupCtx())
    const s = withKeys(script, 'lookup-plan', [])
    const run = runScript(s.scriptPath, s.work, {})
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(
      'aws iam update-access-key --user-name bob --access-key-id <id of the key created 2025-06-07T08:09:10Z> --status Inactive'
    )
    expect(calls(s.log)).toEqual([])
  })

  it('keeps the commented-out command when the key creation time is unknown', () => {
    const script = renderRemediationScript(
      context({
        evaluation: evaluation({
          findings: [finding({ ruleId: ROTATION, user: 'bob', credential: 'access_key_1' })]
        })
      })
    )
    expect(script).not.toContain('access_key_id()')
    expect(script).toContain(`--access-key-id '${KEY_ID_PLACEHOLDER}'`)
  })
})
