import { defaultPolicy, loadPolicy } from '../../src/policy/load.js'
import { planReviewAnnotations } from '../../src/review/annotations.js'
import {
  renderReviewJson,
  renderReviewMarkdown,
  renderReviewText,
  reviewToJson
} from '../../src/review/render.js'
import type { PolicyReview } from '../../src/review/review.js'
import { reviewPolicies } from '../../src/review/review.js'
import { NOW, reviewReport } from './support/report.js'

const BASE = `version: 1
rules:
  access-key-rotation:
    max-age-days: 90
`
const HEAD = `version: 1
rules:
  access-key-rotation:
    max-age-days: 365
  password-rotation:
    enabled: true
exemptions:
  - rules: [console-user-mfa]
    users: ["b*", "x|y_z*", "<img src=x>"]
    reason: r
    expires: 2026-12-31
`

function review(base = BASE, head = HEAD, withReport = true): PolicyReview {
  return reviewPolicies(loadPolicy(base, 'base.yml'), loadPolicy(head, 'p.yml'), {
    now: NOW,
    maxExemptionDays: 90,
    ...(withReport ? { report: reviewReport() } : {})
  })
}

describe('renderReviewMarkdown', () => {
  it('leads with the heading and the verdict, then the changes and the live impact', () => {
    const text = renderReviewMarkdown(review(), {
      file: '.github/p.yml',
      pullRequest: { number: 12, baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40) },
      lineUrl: line => `https://github.com/o/r/blob/${'b'.repeat(40)}/.github/p.yml#L${line}`
    })
    const lines = text.split('\n')
    expect(lines.slice(0, 7)).toEqual([
      '## Policy change impact',
      '',
      '⚠️ **This change weakens and tightens the policy** in pull request #12 (base `aaaaaaa` → head `bbbbbbb`).',
      '',
      '3 changes: 2 weaken, 1 tightens.',
      '',
      '| Effect | Line | Change |'
    ])
    expect(text).toContain(
      `| ⚠️ weakens | [4](https://github.com/o/r/blob/${'b'.repeat(40)}/.github/p.yml#L4) | rule access\\-key\\-rotation max\\-age\\-days loosened from 90 to 365: fewer findings |`.replace(
        /\\-/g,
        '-'
      )
    )
    expect(text).toContain('- Gate verdict: **failed → passed**')
    expect(text).toContain('**Findings this change hides (2)**')
    expect(text).toContain('| medium | `access-key-rotation` | svc-legacy | `access_key_1` |')
    expect(text).toContain('| high (fails the gate) | `console-user-mfa` | bob | `principal` |')
    expect(text).toContain('**Findings this change reveals (2)**')
  })

  it('escapes policy text: a glob cannot break the table or inject HTML', () => {
    const text = renderReviewMarkdown(review())
    const row = text.split('\n').find(l => l.includes('added until'))
    expect(row).toBe(
      '| ⚠️ weakens | 8 | exemption 1 (rules console-user-mfa; users b\\*, x\\|y\\_z\\*, \\<img src=x\\>) added until 2026-12-31: the findings it matches no longer count toward the gate |'
    )
    expect(text).not.toMatch(/(?<!\\)<img/)
    // Every table row keeps its cell count.
    for (const l of text.split('\n').filter(x => x.startsWith('| ⚠️') || x.startsWith('| 🔒'))) {
      expect(l.split(/(?<!\\)\|/).length).toBe(5)
    }
  })

  it('says why there is no live impact', () => {
    const text = renderReviewMarkdown(review(BASE, HEAD, false), {
      liveUnavailable: 'No AWS on forks.'
    })
    expect(text).toContain(
      '**Live impact:** not measured. No AWS on forks. The changes above need no AWS access.'
    )
  })

  it('a formatting-only change and the new/deleted file notes', () => {
    expect(renderReviewMarkdown(review(BASE, `# c\n${BASE}`, false))).toContain(
      'No setting that the gate uses changed (formatting, comments or reasons only).'
    )
    const added = reviewPolicies(defaultPolicy(), loadPolicy(BASE, 'p.yml'), {
      now: NOW,
      maxExemptionDays: 90
    })
    expect(renderReviewMarkdown(added)).toContain(
      '`p.yml` is new (or was moved or renamed here): it is compared against the built-in default policy, which applied before.'
    )
    const deleted = reviewPolicies(loadPolicy(HEAD, 'p.yml'), defaultPolicy(), {
      now: NOW,
      maxExemptionDays: 90
    })
    const text = renderReviewMarkdown(deleted, { lineUrl: l => `u#${l}` })
    expect(text).toContain(
      '`p.yml` is deleted (or was moved or renamed): the built-in default policy applies from now on'
    )
    expect(text).not.toContain('u#')
    expect(text).toContain('| ⚠️ weakens | — |')
  })

  it('lists validation problems when the head does not load', () => {
    const text = renderReviewMarkdown(undefined, {
      file: 'p.yml',
      problems: [
        {
          file: 'p.yml',
          line: 2,
          column: 19,
          message: "fail-on-severity must be one of …; got 'severe'"
        }
      ]
    })
    expect(text).toBe(
      "## Policy change impact\n\n❌ **`p.yml` does not load**: 1 problem, so its impact cannot be measured. Fix it first.\n\n| Line | Column | Problem |\n| ---: | ---: | --- |\n| 2 | 19 | fail\\-on\\-severity must be one of …; got 'severe' |\n".replace(
        /\\-/g,
        '-'
      )
    )
  })

  it('leaves out rows to fit maxRows and maxChars, and says so', () => {
    const many = `version: 1\nexemptions:\n${Array.from(
      { length: 60 },
      (_, i) =>
        `  - rules: [user-mfa]\n    users: [u${i}]\n    reason: r\n    expires: 2026-12-31\n`
    ).join('')}`
    const r = review('version: 1\n', many, false)
    expect(r.changes).toHaveLength(60)
    const full = renderReviewMarkdown(r)
    expect(full.split('\n').filter(l => l.includes('added until'))).toHaveLength(60)
    const cut = renderReviewMarkdown(r, { maxChars: 4000 })
    expect(cut.length).toBeLessThanOrEqual(4000)
    const tiny = renderReviewMarkdown(r, { maxChars: 300 })
    expect(tiny.length).toBeLessThanOrEqual(300)
    expect(tiny).toContain('cut to fit')
  })
})

describe('renderReviewText', () => {
  it('prints the changes, the findings and the verdict as aligned columns', () => {
    expect(renderReviewText(review())).toBe(
      [
        'Policy change base.yml -> p.yml: weakens and tightens the policy',
        '',
        'EFFECT    LINE  CHANGE',
        'weakens   4:5   rule access-key-rotation max-age-days loosened from 90 to 365: fewer findings',
        'tightens  6:5   rule password-rotation enabled (severity low, max-age-days 90): its findings are now reported',
        'weakens   8:5   exemption 1 (rules console-user-mfa; users b*, x|y_z*, <img src=x>) added until 2026-12-31: the findings it matches no longer count toward the gate',
        '',
        'Hidden findings (2):',
        '  SEVERITY  RULE                 USER        CREDENTIAL    LINE  CAUSE',
        '  high      console-user-mfa     bob         -             8     exempted by exemption 1 (added; until 2026-12-31)',
        '  medium    access-key-rotation  svc-legacy  access_key_1  4     rule access-key-rotation max-age-days 90 → 365',
        '',
        'Revealed findings (2):',
        '  SEVERITY  RULE               USER   CREDENTIAL  LINE  CAUSE',
        '  low       password-rotation  alice  password    6     rule password-rotation enabled',
        '  low       password-rotation  bob    password    6     rule password-rotation enabled',
        '',
        'Verdict: failed -> passed (passed: no findings at or above high (1 medium and 2 low findings below the threshold))',
        ''
      ].join('\n')
    )
  })

  it('without a report prints no findings section', () => {
    const text = renderReviewText(review(BASE, HEAD, false))
    expect(text).not.toContain('Hidden findings')
    expect(text).not.toContain('Verdict')
  })
})

describe('renderReviewJson', () => {
  it('is the review as stable JSON', () => {
    const json = JSON.parse(renderReviewJson(review())) as ReturnType<typeof reviewToJson>
    expect(Object.keys(json)).toEqual([
      'tool',
      'fileChange',
      'base',
      'head',
      'weakens',
      'tightens',
      'summary',
      'changes',
      'impact'
    ])
    expect(json).toMatchObject({
      tool: { name: 'iam-credential-gate' },
      fileChange: 'modified',
      base: 'base.yml',
      head: 'p.yml',
      weakens: true,
      tightens: true,
      summary: 'weakens and tightens the policy'
    })
    expect(json.changes[0]).toEqual({
      kind: 'threshold-loosened',
      effect: 'weakens',
      message: 'rule access-key-rotation max-age-days loosened from 90 to 365: fewer findings',
      pointer: '/rules/access-key-rotation/max-age-days',
      line: 4,
      column: 5,
      ruleId: 'access-key-rotation'
    })
    expect(json.impact?.hidden[1]).toEqual({
      ruleId: 'access-key-rotation',
      severity: 'medium',
      user: 'svc-legacy',
      arn: 'arn:aws:iam::123456789012:user/svc-legacy',
      credential: 'access_key_1',
      message: expect.any(String) as unknown,
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
      cause: 'rule access-key-rotation max-age-days 90 → 365',
      line: 4,
      column: 5,
      pointer: '/rules/access-key-rotation/max-age-days',
      failsGate: false
    })
    expect(json.impact?.verdict).toEqual({
      base: { result: 'failed', summary: expect.stringMatching(/^failed/) as unknown },
      head: { result: 'passed', summary: expect.stringMatching(/^passed/) as unknown },
      changed: true
    })
    expect(reviewToJson(review(BASE, HEAD, false)).impact).toBeNull()
  })
})

describe('planReviewAnnotations', () => {
  it('warnings for weakening changes, notices for the rest, impact merged into the change of its line', () => {
    const plan = planReviewAnnotations(review(), { file: '.github/p.yml' })
    expect(plan.map(a => [a.level, a.properties.startLine, a.properties.title])).toEqual([
      ['warning', 4, 'Policy change: threshold loosened'],
      ['warning', 8, 'Policy change: exemption added'],
      ['notice', 6, 'Policy change: rule enabled']
    ])
    expect(plan[1]?.message).toBe(
      'exemption 1 (rules console-user-mfa; users b*, x|y_z*, <img src=x>) added until 2026-12-31: the findings it matches no longer count toward the gate. hides 1 finding: bob (console-user-mfa, high)'
    )
    expect(plan[0]?.properties).toEqual({
      title: 'Policy change: threshold loosened',
      file: '.github/p.yml',
      startLine: 4,
      endLine: 4,
      startColumn: 5
    })
  })

  it('impact without a change on its line gets its own annotation', () => {
    const r = review()
    const moved: PolicyReview = {
      ...r,
      impact: r.impact && {
        ...r.impact,
        hidden: r.impact.hidden.map(h => ({ ...h, line: 1, column: 1 }))
      }
    }
    const plan = planReviewAnnotations(moved, { file: 'p.yml' })
    expect(plan.find(a => a.properties.startLine === 1)).toEqual({
      level: 'warning',
      message:
        'this change hides 2 findings: bob (console-user-mfa, high), svc-legacy access_key_1 (access-key-rotation, medium)',
      properties: {
        title: 'Policy change hides 2 findings',
        file: 'p.yml',
        startLine: 1,
        endLine: 1,
        startColumn: 1
      }
    })
  })

  it('caps each level and closes with one notice saying how many more', () => {
    const many = `version: 1\nexemptions:\n${Array.from(
      { length: 25 },
      (_, i) =>
        `  - rules: [user-mfa]\n    users: [u${i}]\n    reason: r\n    expires: 2026-12-31\n`
    ).join('')}`
    const problems = Array.from({ length: 12 }, (_, i) => ({
      file: 'p.yml',
      line: i + 1,
      column: 1,
      message: `p${i}`
    }))
    const plan = planReviewAnnotations(review('version: 1\n', many, false), {
      file: 'p.yml',
      problems
    })
    const count = (level: string) => plan.filter(a => a.level === level).length
    expect([count('error'), count('warning'), count('notice')]).toEqual([10, 10, 1])
    expect(plan.at(-1)).toEqual({
      level: 'notice',
      message:
        '17 more policy-change annotations not shown: see "Policy change impact" in the job summary.',
      properties: { title: 'IAM Credential Gate: more policy changes' }
    })
    expect(planReviewAnnotations(review('version: 1\n', many, false), { maxPerLevel: 0 })).toEqual(
      []
    )
  })

  it('invisible characters in messages become visible', () => {
    const plan = planReviewAnnotations(undefined, {
      problems: [{ file: 'p.yml', line: 1, column: 1, message: 'bad\u202evalue\nnext' }]
    })
    expect(plan[0]?.message).toBe('badU+202EvalueU+000Anext')
  })
})
