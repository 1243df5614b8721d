/**
 * `organization` without AWS: its inputs and their conflicts, the plan built
 * from the accounts found, and the skipped accounts in the job summary.
 */
import { describe, expect, it } from '@jest/globals'
import { readInputs } from '../../src/action/inputs.js'
import { accountIdsInInputs, planAccounts } from '../../src/action/multi-account.js'
import { InputError } from '../../src/errors.js'
import type { MultiAccountContext } from '../../src/render/multi-account.js'
import { renderMultiAccountSummary } from '../../src/render/multi-account.js'
import { context, evaluation, NOW, policy } from '../render/builders.js'

const inputsOf = (values: Record<string, string>) => readInputs(name => values[name] ?? '')
const A = '111111111111'
const B = '222222222222'
const HUB = 'arn:aws:iam::999999999999:role/hub'
const OU = 'ou-ab12-prod0001'

describe('readInputs: organization', () => {
  it('reads organization, organizational-units and exclude-accounts', () => {
    const i = inputsOf({
      organization: 'true',
      'role-name': 'audit/gate',
      'organizational-units': `${OU}\n r-ab12 ,${OU}\n`,
      'exclude-accounts': `${A}\n${B}, ${A}`
    })
    expect(i).toMatchObject({
      organization: true,
      organizationalUnits: [OU, 'r-ab12'],
      excludeAccounts: [A, B],
      roleName: 'audit/gate',
      accounts: []
    })
  })

  it('defaults to no discovery', () => {
    expect(inputsOf({})).toMatchObject({
      organization: false,
      organizationalUnits: [],
      excludeAccounts: []
    })
  })

  it.each([
    [
      { organization: 'true', 'role-name': 'g', accounts: A },
      'inputs accounts and organization exclude each other'
    ],
    [
      { organization: 'true', 'role-name': 'g', 'report-file': 'r.csv' },
      'inputs report-file and organization exclude each other'
    ],
    [
      { organization: 'true' },
      'input organization needs role-name: the name of the role to assume in each account found'
    ],
    [
      { organization: 'true', 'role-name': 'g', 'role-to-assume': `${HUB}\n${HUB}2` },
      'with organization, role-to-assume takes one role: the one that lists the accounts'
    ],
    [
      { 'organizational-units': OU },
      'input organizational-units is used only with organization: true; set it too'
    ],
    [
      { 'exclude-accounts': A },
      'input exclude-accounts is used only with organization: true; set it too'
    ],
    [
      { organization: 'true', 'role-name': 'g', 'organizational-units': 'Production' },
      "input organizational-units must list organizational unit ids (ou-ab12-cdef3456) or the root id (r-ab12), one per line; got 'Production'"
    ],
    [
      { organization: 'true', 'role-name': 'g', 'exclude-accounts': '12345' },
      "input exclude-accounts must list 12-digit AWS account ids, one per line; got '12345'"
    ],
    [{ organization: 'yes' }, "input organization must be true or false; got 'yes'"]
  ])('rejects %j', (values, message) => {
    expect(() => inputsOf(values as Record<string, string>)).toThrow(InputError)
    expect(() => inputsOf(values as Record<string, string>)).toThrow(message)
  })
})

describe('planAccounts: accounts found in the organization', () => {
  it('reaches each account through role-name; the listing role is not a target', () => {
    const i = inputsOf({ organization: 'true', 'role-name': 'gate', 'role-to-assume': HUB })
    expect(planAccounts({ ...i, accounts: [A, B] })).toEqual({
      targets: [
        { accountId: A, roleArn: `arn:aws:iam::${A}:role/gate` },
        { accountId: B, roleArn: `arn:aws:iam::${B}:role/gate` }
      ],
      chain: null
    })
  })

  it('chains from the listing role with role-chaining', () => {
    const i = inputsOf({
      organization: 'true',
      'role-name': 'gate',
      'role-to-assume': 'arn:aws-us-gov:iam::999999999999:role/hub',
      'role-chaining': 'true'
    })
    expect(planAccounts({ ...i, accounts: [A] })).toEqual({
      targets: [{ accountId: A, roleArn: `arn:aws-us-gov:iam::${A}:role/gate` }],
      chain: { roleArn: 'arn:aws-us-gov:iam::999999999999:role/hub' }
    })
  })

  it('keeps the multi-account shape for one account found, with the default chain', () => {
    const i = inputsOf({ organization: 'true', 'role-name': 'gate' })
    expect(planAccounts({ ...i, accounts: [A] })?.targets).toEqual([
      { accountId: A, roleArn: `arn:aws:iam::${A}:role/gate` }
    ])
  })
})

describe('renderMultiAccountSummary: skipped accounts', () => {
  const m = (skipped: MultiAccountContext['skipped']): MultiAccountContext => ({
    accounts: [
      {
        kind: 'audited',
        accountId: A,
        roleArn: `arn:aws:iam::${A}:role/gate`,
        ctx: context({ evaluation: evaluation({ accountId: A, findings: [] }) })
      }
    ],
    policy: policy(),
    toolVersion: '0.1.0',
    now: NOW,
    policyWarnings: [],
    skipped
  })

  it('names each skipped account and why', () => {
    const text = renderMultiAccountSummary(
      m([
        { id: B, name: 'old_*sandbox*', status: 'SUSPENDED' },
        { id: '333333333333', name: 'closing', status: 'PENDING_CLOSURE' },
        { id: '444444444444', name: '', status: 'EXCLUDED' }
      ])
    )
    expect(text).toContain('- **Accounts:** 1 (1 audited); 3 accounts skipped (see below)')
    expect(text).toContain(
      [
        '### Accounts skipped (3)',
        '',
        'Found in the organization and not audited:',
        '',
        `- \`${B}\` (old\\_\\*sandbox\\*): suspended`,
        '- `333333333333` (closing): pending closure',
        '- `444444444444`: excluded (`exclude-accounts`)'
      ].join('\n')
    )
  })

  it('says nothing when no account was skipped', () => {
    for (const skipped of [undefined, []]) {
      const text = renderMultiAccountSummary(m(skipped))
      expect(text).not.toContain('skipped')
    }
  })

  it('names at most 50 and counts the rest', () => {
    const many = Array.from({ length: 53 }, (_, n) => ({
      id: String(n).padStart(12, '5'),
      name: `s${n}`,
      status: 'SUSPENDED'
    }))
    const text = renderMultiAccountSummary(m(many))
    expect(text.match(/: suspended$/gm)).toHaveLength(50)
    expect(text).toContain('- _and 3 more accounts_')
  })
})

describe('accountIdsInInputs: organization', () => {
  it('masks the excluded accounts too (a warning may name one the organization does not have)', () => {
    const i = inputsOf({
      organization: 'true',
      'role-name': 'g',
      'role-to-assume': HUB,
      'exclude-accounts': `${A}\n${B}`
    })
    expect(accountIdsInInputs(i)).toEqual(['999999999999', A, B])
  })
})
