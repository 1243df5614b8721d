import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { INFORMATION_URI } from '../../src/render/context.js'
import {
  pascalCase,
  principalUri,
  renderSarif,
  sarifFindings,
  sarifRulesFromCatalog,
  splitSarifRuns,
  uriSegment
} from '../../src/render/sarif.js'
import { validateGithubConstraints } from '../support/sarif-constraints.js'
import type { SarifLog, SarifRun } from '../../src/render/sarif.js'
import { ROOT_USER } from '../../src/report/types.js'
import { RULES } from '../../src/rules/catalog.js'
import type { Severity } from '../../src/severity.js'
import {
  ACCOUNT,
  context,
  evaluation,
  exemption,
  finding,
  HOSTILE_USERS,
  manyFindings,
  policy,
  ruleId
} from './builders.js'

const here = dirname(fileURLToPath(import.meta.url))

/**
 * The OASIS SARIF 2.1.0 schema (draft 2020-12), verbatim as codeql-action
 * ships it. It has one defect that Ajv, unlike the `jsonschema` package
 * upload-sarif uses, refuses: `region`'s `anyOf` (startLine, charOffset or
 * byteOffset required) sits inside `properties`, as if it were a property
 * named "anyOf". The test moves it to where the spec means it.
 */
function loadSarifSchema(): object {
  const schema = JSON.parse(
    readFileSync(join(here, '../fixtures/schemas/sarif-schema-2.1.0.json'), 'utf8')
  ) as { definitions: Record<string, { properties: Record<string, unknown>; anyOf?: unknown }> }
  const region = schema.definitions.region!
  if (Array.isArray(region.properties.anyOf)) {
    region.anyOf = region.properties.anyOf
    delete region.properties.anyOf
  }
  return schema
}
const schema = loadSarifSchema()

type AddFormats = (ajv: Ajv2020) => Ajv2020
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats

let validateSchema: ValidateFunction
beforeAll(() => {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  validateSchema = ajv.compile(schema)
})

function expectValid(log: SarifLog): void {
  const json = JSON.parse(JSON.stringify(log)) as unknown
  const ok = validateSchema(json)
  expect(ok ? [] : validateSchema.errors).toEqual([])
  expect(validateGithubConstraints(json)).toEqual([])
}

const ROTATION = ruleId('access-key-rotation')
const POLICY_PATH = '.github/iam-policy.yml'

/** One finding per catalog rule, for users or root as the rule's scope says. */
function oneFindingPerRule() {
  return RULES.map(r =>
    finding({
      ruleId: r.id,
      user: r.scope === 'users' ? `user-${r.id}` : ROOT_USER,
      credential: r.scope === 'users' ? 'access_key_1' : null
    })
  )
}

const variants: [string, () => SarifLog][] = [
  ['no findings', () => renderSarif(context())],
  [
    'a finding of every rule in the catalog, file policy',
    () =>
      renderSarif(
        context({
          evaluation: evaluation({ findings: oneFindingPerRule() }),
          policy: policy(
            { kind: 'file', path: POLICY_PATH },
            { '/rules': 4, [`/rules/${ROTATION}`]: 9 }
          )
        })
      )
  ],
  [
    'a finding of every rule, built-in policy',
    () =>
      renderSarif(
        context({
          evaluation: evaluation({ findings: oneFindingPerRule(), policy: { kind: 'built-in' } }),
          policy: policy({ kind: 'built-in' })
        })
      )
  ],
  [
    'exempted findings',
    () =>
      renderSarif(
        context({
          evaluation: evaluation({
            findings: [finding(), finding({ user: 'exempt-me', exemption: exemption() })]
          })
        })
      )
  ],
  [
    'hostile user names',
    () =>
      renderSarif(
        context({
          evaluation: evaluation({
            findings: HOSTILE_USERS.map(user =>
              finding({ user, message: `Evidence [x](1) for ${user} \\ [y]` })
            )
          })
        })
      )
  ],
  [
    'unknown account',
    () =>
      renderSarif(context({ evaluation: evaluation({ accountId: null, findings: [finding()] }) }))
  ],
  [
    'key ids and an absolute policy path',
    () =>
      renderSarif(
        context({
          evaluation: evaluation({ findings: [finding({ keyId: 'AKIAEXAMPLE000000001' })] }),
          policy: policy({ kind: 'file', path: '/home/runner/work/repo/policy.yml' })
        })
      )
  ],
  [
    '5,000 users with two findings each',
    () => renderSarif(context({ evaluation: evaluation({ findings: manyFindings(5_000, 2) }) }))
  ]
]

describe('renderSarif', () => {
  it.each(variants)(
    '%s: valid against the SARIF 2.1.0 schema and GitHub constraints',
    (_, make) => {
      expectValid(make())
    }
  )

  it('has one run with the tool, every catalog rule and the account category', () => {
    const log = renderSarif(context())
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json')
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
    const run = log.runs[0]!
    expect(run.tool.driver).toMatchObject({
      name: 'iam-credential-gate',
      version: '0.1.0',
      semanticVersion: '0.1.0',
      informationUri: INFORMATION_URI
    })
    expect(run.tool.driver.rules.map(r => r.id)).toEqual(RULES.map(r => r.id))
    expect(run.automationDetails.id).toBe(`iam-credential-gate/${ACCOUNT}/`)
    expect(run.results).toEqual([])
  })

  it('uses unknown-account when the account is not known', () => {
    const log = renderSarif(
      context({ evaluation: evaluation({ accountId: null, findings: [finding()] }) })
    )
    expect(log.runs[0]!.automationDetails.id).toBe('iam-credential-gate/unknown-account/')
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      'aws-iam/unknown-account/user/alice'
    )
  })

  it('locates each result at the principal, with the fingerprint, level and properties', () => {
    const f = finding({ keyId: 'AKIAEXAMPLE000000001', severity: 'high' })
    const root = finding({ user: ROOT_USER, credential: null, severity: 'critical' })
    const log = renderSarif(context({ evaluation: evaluation({ findings: [f, root] }) }))
    const [r0, r1] = log.runs[0]!.results
    expect(r0!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: `aws-iam/${ACCOUNT}/root` },
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }
    })
    expect(r0!.level).toBe('error')
    expect(r1!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      `aws-iam/${ACCOUNT}/user/alice`
    )
    expect(r1!.partialFingerprints.primaryLocationLineHash).toBe(f.fingerprint)
    expect(r1!.ruleId).toBe(ROTATION)
    expect(log.runs[0]!.tool.driver.rules[r1!.ruleIndex!]!.id).toBe(ROTATION)
    expect(r1!.properties).toEqual({
      user: 'alice',
      arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      credential: 'access_key_1',
      keyId: 'AKIAEXAMPLE000000001',
      severity: 'high'
    })
    expect(r1!.message.text).toContain('User alice (access_key_1): Active access_key_1')
  })

  it('maps severities to levels', () => {
    const findings = (['critical', 'high', 'medium', 'low'] as const).map((severity, i) =>
      finding({ user: `u${i}`, severity })
    )
    const log = renderSarif(context({ evaluation: evaluation({ findings }) }))
    expect(log.runs[0]!.results.map(r => [r.properties.severity, r.level])).toEqual([
      ['critical', 'error'],
      ['high', 'error'],
      ['medium', 'warning'],
      ['low', 'note']
    ])
  })

  it('links the policy line that configures the rule, falling back to /rules and line 1', () => {
    const findings = [finding()]
    const at = (positions: Record<string, number>) =>
      renderSarif(
        context({
          evaluation: evaluation({ findings }),
          policy: policy({ kind: 'file', path: `./${POLICY_PATH}` }, positions)
        })
      ).runs[0]!.results[0]!
    const r = at({ '/rules': 4, [`/rules/${ROTATION}`]: 9 })
    expect(r.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: POLICY_PATH }, region: { startLine: 9 } },
        message: { text: `policy setting for ${ROTATION}` }
      }
    ])
    expect(r.message.text).toMatch(/\[policy rule\]\(1\)/)
    expect(at({ '/rules': 4 }).relatedLocations![0]!.physicalLocation.region.startLine).toBe(4)
    expect(at({}).relatedLocations![0]!.physicalLocation.region.startLine).toBe(1)
  })

  it('has no related location for the built-in policy or a path outside the repository', () => {
    for (const source of [
      { kind: 'built-in' as const },
      { kind: 'file' as const, path: '/etc/policy.yml' },
      { kind: 'file' as const, path: '../other/policy.yml' },
      { kind: 'file' as const, path: 'C:\\policy.yml' }
    ]) {
      const r = renderSarif(
        context({ evaluation: evaluation({ findings: [finding()] }), policy: policy(source) })
      ).runs[0]!.results[0]!
      expect(r.relatedLocations).toBeUndefined()
      expect(r.message.text).not.toContain('](1)')
    }
  })

  it('takes a repo-relative policy path override', () => {
    const r = renderSarif(
      context({
        evaluation: evaluation({ findings: [finding()] }),
        policy: policy({ kind: 'file', path: '/home/runner/work/r/r/policy dir/p.yml' })
      }),
      { policyFile: 'policy dir/p.yml' }
    ).runs[0]!.results[0]!
    expect(r.relatedLocations![0]!.physicalLocation.artifactLocation.uri).toBe('policy%20dir/p.yml')
  })

  it('leaves exempted findings out (code scanning ignores SARIF suppressions)', () => {
    const log = renderSarif(
      context({
        evaluation: evaluation({
          findings: [finding(), finding({ user: 'exempt-me', exemption: exemption() })]
        })
      })
    )
    const results = log.runs[0]!.results
    expect(results.map(r => r.properties.user)).toEqual(['alice'])
    expect(JSON.stringify(log)).not.toContain('suppressions')
    expect(log.runs[0]!.properties).toMatchObject({ exemptedFindings: 1 })
  })

  it('keeps hostile user names out of URIs: no colon, no dot segments, no reserved characters', () => {
    const log = renderSarif(
      context({
        evaluation: evaluation({ findings: HOSTILE_USERS.map(user => finding({ user })) })
      })
    )
    const uris = log.runs[0]!.results.map(
      r => r.locations[0]!.physicalLocation.artifactLocation.uri
    )
    expect(new Set(uris).size).toBe(HOSTILE_USERS.length)
    for (const uri of uris) {
      expect(uri).toMatch(/^aws-iam\/123456789012\/user\/[A-Za-z0-9%._~-]+$/)
      expect(uri).not.toContain(':')
      expect(uri.split('/').at(-1)).not.toMatch(/^\.+$/)
    }
    expect(principalUri(ACCOUNT, '..')).toBe(`aws-iam/${ACCOUNT}/user/%2E%2E`)
    expect(principalUri(ACCOUNT, "o'(k)!*")).toBe(`aws-iam/${ACCOUNT}/user/o%27%28k%29%21%2A`)
    expect(principalUri(ACCOUNT, 'a:b')).toBe(`aws-iam/${ACCOUNT}/user/a%3Ab`)
    expect(principalUri('12:34', 'x')).toBe('aws-iam/12%3A34/user/x')
    expect(uriSegment('')).toBe('_')
  })

  it('escapes brackets in messages so user text cannot make an embedded link', () => {
    const log = renderSarif(
      context({
        evaluation: evaluation({
          findings: [finding({ user: '[evil](1)', message: 'Evidence [x](1).' })]
        })
      })
    )
    const text = log.runs[0]!.results[0]!.message.text
    // Only the tool's own link is an unescaped `[…](1)`.
    const links = text.match(/(?<!\\)\[[^\]]*(?<!\\)\]\(\d+\)/g)
    expect(links).toEqual(['[policy rule](1)'])
    expect(text).toContain('User \\[evil\\](1)')
  })

  it('makes results 5,000+ and keeps every fingerprint unique', () => {
    const findings = manyFindings(5_000, 2)
    const log = renderSarif(context({ evaluation: evaluation({ findings }) }))
    expect(log.runs[0]!.results).toHaveLength(10_000)
    expect(log.runs[0]!.properties).not.toHaveProperty('resultsOmitted')
  })

  describe('more than 25,000 open findings (GitHub rejects a run with more results)', () => {
    /** 26,000 open findings: 1,000 low, 20 critical, the rest medium; 50 more exempted. */
    function overLimit() {
      const findings = manyFindings(13_000, 2).map((f, i) => ({
        ...f,
        severity:
          i % 26 === 0
            ? ('low' as const)
            : i % 1300 === 1
              ? ('critical' as const)
              : ('medium' as const)
      }))
      const exempted = manyFindings(50).map(f => ({
        ...f,
        user: `exempt-${f.user}`,
        fingerprint: `exempt-${f.fingerprint}`,
        severity: 'low' as const,
        exempted: true,
        exemption: exemption()
      }))
      return [...findings, ...exempted]
    }

    it('keeps the 25,000 most severe, records how many it left out, and validates', () => {
      const findings = overLimit()
      expect(findings.filter(f => !f.exempted && f.severity === 'low')).toHaveLength(1_000)
      const log = renderSarif(context({ evaluation: evaluation({ findings }) }))
      const run = log.runs[0]!
      expect(run.results).toHaveLength(25_000)
      expect(run.properties).toMatchObject({ resultsOmitted: 1_000, exemptedFindings: 50 })
      // The least severe are the ones left out; every critical one is in.
      expect(run.results.filter(r => r.properties.severity === 'low')).toEqual([])
      expect(run.results.filter(r => r.properties.severity === 'critical')).toHaveLength(20)
      expect(run.results[0]!.properties.severity).toBe('critical')
      const json = JSON.parse(JSON.stringify(log)) as unknown
      expect(validateGithubConstraints(json)).toEqual([])
      expect(validateSchema(json) ? [] : validateSchema.errors).toEqual([])
    })

    it('keeps exactly 25,000 results at the limit and leaves out nothing', () => {
      const findings = manyFindings(12_500, 2)
      const log = renderSarif(context({ evaluation: evaluation({ findings }) }))
      expect(log.runs[0]!.results).toHaveLength(25_000)
      expect(log.runs[0]!.properties).not.toHaveProperty('resultsOmitted')
    })

    it('sarifFindings picks by severity and keeps the input order, whatever the order', () => {
      const f = (user: string, severity: Severity) => finding({ user, severity })
      const input = [
        f('a', 'low'),
        f('b', 'high'),
        f('c', 'medium'),
        f('d', 'high'),
        f('e', 'critical')
      ]
      const { kept, omitted } = sarifFindings(input, 3)
      expect(kept.map(k => k.user)).toEqual(['b', 'd', 'e'])
      expect(omitted).toBe(2)
      expect(sarifFindings(input, 4).kept.map(k => k.user)).toEqual(['b', 'c', 'd', 'e'])
      expect(sarifFindings(input, 5)).toEqual({ kept: input, omitted: 0 })
    })
  })
})

describe('sarifRulesFromCatalog', () => {
  const rules = sarifRulesFromCatalog()

  it('describes every catalog rule', () => {
    expect(rules.map(r => r.id)).toEqual(RULES.map(r => r.id))
    for (const [i, rule] of RULES.entries()) {
      const s = rules[i]!
      expect(s.name).toBe(pascalCase(rule.id))
      expect(s.shortDescription.text).toBe(rule.title)
      expect(s.fullDescription.text.length).toBeGreaterThan(0)
      expect(s.fullDescription.text.length).toBeLessThanOrEqual(1024)
      expect(s.help.markdown).toContain('## Rationale')
      expect(s.help.markdown).toContain('## Audit')
      expect(s.help.markdown).toContain('## Remediation')
      expect(s.help.markdown).toContain('## Backout')
      expect(s.help.text).toContain('Backout:')
      expect(s.properties.precision).toBe('very-high')
      expect(s.properties.tags.length).toBeLessThanOrEqual(20)
      expect(s.properties.tags.slice(0, 3)).toEqual(['security', 'aws', 'iam'])
      const level = { critical: 'error', high: 'error', medium: 'warning', low: 'note' }[
        rule.defaultSeverity
      ]
      expect(s.defaultConfiguration.level).toBe(level)
      const score = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0' }[
        rule.defaultSeverity
      ]
      expect(s.properties['security-severity']).toBe(score)
    }
  })

  it('tags CIS item numbers by benchmark version', () => {
    const rotation = rules.find(r => r.id === 'access-key-rotation')!
    expect(rotation.properties.tags).toEqual(
      expect.arrayContaining(['CIS-v1.4-1.14', 'CIS-v5.0-1.13', 'CIS-v6.0-2.13'])
    )
    expect(rotation.name).toBe('AccessKeyRotation')
  })
})

describe('splitSarifRuns', () => {
  const run = (i: number): SarifRun => ({
    ...renderSarif(context()).runs[0]!,
    automationDetails: { id: `iam-credential-gate/${String(i).padStart(12, '0')}/` }
  })

  it('splits runs into files of at most 20 runs', () => {
    const runs = Array.from({ length: 45 }, (_, i) => run(i))
    const logs = splitSarifRuns(runs)
    expect(logs.map(l => l.runs.length)).toEqual([20, 20, 5])
    expect(logs.flatMap(l => l.runs)).toEqual(runs)
    for (const log of logs) expectValid(log)
    expect(splitSarifRuns(runs, 7)).toHaveLength(7)
    expect(splitSarifRuns([])).toEqual([])
    expect(() => splitSarifRuns(runs, 0)).toThrow(RangeError)
  })
})

describe('validateGithubConstraints', () => {
  const base = () =>
    JSON.parse(
      JSON.stringify(
        renderSarif(
          context({ evaluation: evaluation({ findings: [finding(), finding({ user: 'bob' })] }) })
        )
      )
    ) as SarifLog & { runs: Record<string, unknown>[] }

  it('accepts what renderSarif makes', () => {
    expect(validateGithubConstraints(base())).toEqual([])
  })

  it.each<[string, (log: ReturnType<typeof base>) => void, RegExp]>([
    [
      'a result without locations',
      l => delete (l.runs[0]!.results as unknown as Record<string, unknown>[])[0]!.locations,
      /no locations/
    ],
    [
      'a location without a uri',
      l => {
        const r = (l.runs[0]!.results as SarifRun['results'])[0]!
        ;(r.locations[0]!.physicalLocation.artifactLocation as { uri?: string }).uri = undefined
      },
      /artifactLocation.uri is missing/
    ],
    [
      'a uri with a colon',
      l => {
        ;(
          l.runs[0]!.results as SarifRun['results']
        )[0]!.locations[0]!.physicalLocation.artifactLocation.uri = 'arn:aws:iam::1:user/x'
      },
      /contains a colon/
    ],
    [
      'a related location uri with a colon',
      l => {
        ;(l.runs[0]!.results as SarifRun['results'])[0]!.relatedLocations = [
          {
            id: 1,
            physicalLocation: { artifactLocation: { uri: 'file:///x' }, region: { startLine: 1 } }
          }
        ]
      },
      /relatedLocations\[0\].*contains a colon/
    ],
    [
      'a duplicate fingerprint',
      l => {
        const rs = l.runs[0]!.results as SarifRun['results']
        rs[1]!.partialFingerprints.primaryLocationLineHash =
          rs[0]!.partialFingerprints.primaryLocationLineHash
      },
      /same primaryLocationLineHash/
    ],
    [
      'a missing fingerprint',
      l => {
        delete (l.runs[0]!.results as unknown as Record<string, unknown>[])[0]!.partialFingerprints
      },
      /primaryLocationLineHash is missing/
    ],
    [
      'more than 20 tags',
      l => {
        ;(l.runs[0]!.tool as SarifRun['tool']).driver.rules[0]!.properties.tags = Array.from(
          { length: 21 },
          (_, i) => `t${i}`
        )
      },
      /21 tags/
    ],
    [
      'an empty short description',
      l => {
        ;(l.runs[0]!.tool as SarifRun['tool']).driver.rules[0]!.shortDescription.text = ''
      },
      /shortDescription.text is missing or empty/
    ],
    [
      'a full description over 1024 characters',
      l => {
        ;(l.runs[0]!.tool as SarifRun['tool']).driver.rules[0]!.fullDescription.text = 'x'.repeat(
          1025
        )
      },
      /longer than 1024/
    ],
    [
      'a missing help text',
      l => {
        ;(l.runs[0]!.tool as SarifRun['tool']).driver.rules[0]!.help.text = ' '
      },
      /help.text is missing or empty/
    ],
    [
      'a security-severity out of range',
      l => {
        ;(l.runs[0]!.tool as SarifRun['tool']).driver.rules[0]!.properties['security-severity'] =
          '11'
      },
      /security-severity/
    ],
    [
      'more than 25,000 results',
      l => {
        const r = (l.runs[0]!.results as SarifRun['results'])[0]!
        l.runs[0]!.results = Array.from({ length: 25_001 }, (_, i) => ({
          ...r,
          partialFingerprints: { primaryLocationLineHash: `h${i}` }
        }))
      },
      /25001 results/
    ],
    [
      'more than 20 runs',
      l => {
        l.runs = Array.from({ length: 21 }, (_, i) => ({
          ...l.runs[0]!,
          automationDetails: { id: `c${i}/` }
        }))
      },
      /21 runs/
    ],
    ['two runs with one category', l => void l.runs.push(l.runs[0]!), /category/],
    [
      'an empty message',
      l => void ((l.runs[0]!.results as SarifRun['results'])[0]!.message.text = ''),
      /message.text/
    ]
  ])('rejects %s', (_, mutate, expected) => {
    const log = base()
    mutate(log)
    const problems = validateGithubConstraints(log)
    expect(problems.join('\n')).toMatch(expected)
  })

  it('rejects what is not a SARIF log', () => {
    expect(validateGithubConstraints(null)).toEqual(['the log is not an object'])
    expect(validateGithubConstraints({ version: '2.1.0', runs: [] }).length).toBeGreaterThan(0)
  })
})

/** The Microsoft SARIF validator (`@microsoft/sarif-multitool`), when its binary is installed for this platform. */
function multitoolBinary(): string | null {
  try {
    const require = createRequire(import.meta.url)
    return require(`@microsoft/sarif-multitool-${process.platform}`) as string
  } catch {
    return null
  }
}

const multitool = process.arch === 'x64' ? multitoolBinary() : null
const describeMultitool = multitool ? describe : describe.skip

/** Why the validator cannot run here, or null when it can. */
function multitoolMissing(arch: string, platform: string, binary: string | null): string | null {
  if (arch !== 'x64') return `sarif-multitool has no binary for ${platform}-${arch}`
  if (!binary) return `@microsoft/sarif-multitool-${platform} is not installed`
  return null
}

describe('Microsoft SARIF validator availability', () => {
  const missing = multitoolMissing(process.arch, process.platform, multitool)
  // A skip is said aloud, and in CI (CI set) it is a failure: CI must run the validator.
  it(missing ? `SKIPPED the validator: ${missing}` : 'runs the validator here', () => {
    if (!missing) return
    if (process.env.CI) throw new Error(`CI is set but the SARIF validator was skipped: ${missing}`)
    console.warn(`SARIF validator tests skipped: ${missing} (this fails when CI is set)`)
  })

  it('names what is missing', () => {
    expect(multitoolMissing('arm64', 'linux', null)).toBe(
      'sarif-multitool has no binary for linux-arm64'
    )
    expect(multitoolMissing('x64', 'darwin', null)).toBe(
      '@microsoft/sarif-multitool-darwin is not installed'
    )
    expect(multitoolMissing('x64', 'linux', '/bin/multitool')).toBeNull()
  })
})

describeMultitool('Microsoft SARIF validator (sarif-multitool, rule kinds Sarif and Ghas)', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sarif-multitool-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it.each(variants.filter(([name]) => !name.startsWith('5,000')))(
    '%s: no errors or warnings',
    (name, make) => {
      const input = join(dir, `${name.replace(/\W+/g, '-')}.sarif`)
      const output = `${input}.validation.sarif`
      writeFileSync(input, JSON.stringify(make(), null, 2))
      // Run the binary directly: the package's bin.js spawns through a shell, which splits "Sarif;Ghas".
      const run = spawnSync(
        multitool!,
        ['validate', '--rule-kind', 'Sarif;Ghas', '--output', output, input],
        {
          encoding: 'utf8',
          timeout: 60_000
        }
      )
      expect(run.error).toBeUndefined()
      const report = JSON.parse(readFileSync(output, 'utf8')) as {
        runs: {
          results?: {
            ruleId: string
            level?: string
            message: { text?: string; arguments?: string[] }
          }[]
        }[]
      }
      const problems = (report.runs[0]!.results ?? [])
        .filter(r => r.level === 'error' || r.level === 'warning' || r.level === undefined)
        .map(r => `${r.level ?? 'warning'} ${r.ruleId}: ${(r.message.arguments ?? []).join(' | ')}`)
      expect(problems).toEqual([])
    }
  )
})

describe('rule severity as the policy sets it', () => {
  it("uses the policy's severity for the rule's security-severity and level", () => {
    const base = context()
    const raised: typeof base.policy = {
      ...base.policy,
      rules: {
        ...base.policy.rules,
        'console-and-access-keys': {
          ...base.policy.rules['console-and-access-keys']!,
          severity: 'critical'
        }
      }
    }
    const log = renderSarif({ ...base, policy: raised })
    const rule = log.runs[0]!.tool.driver.rules.find(r => r.id === 'console-and-access-keys')!
    expect(rule.properties['security-severity']).toBe('9.5')
    expect(rule.defaultConfiguration.level).toBe('error')
    const untouched = log.runs[0]!.tool.driver.rules.find(r => r.id === 'access-key-rotation')!
    expect(untouched.properties['security-severity']).toBe('5.5')
  })
})
