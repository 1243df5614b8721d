/**
 * Every format comes in pieces (renderFormat), so no size of report ends in
 * an internal error: V8 caps a string at about 512 MiB (the JSON of 1.6
 * million findings is 760 MB) and spreading a million values into one call
 * overflows the stack. These tests check the pieces' structure at sizes a
 * test can afford; `npm run bench` runs the CLI at 500,000 rows.
 */
import type { OutputFormat } from '../../src/outputs.js'
import { renderFormat } from '../../src/outputs.js'
import { renderJson } from '../../src/render/json.js'
import { renderRemediationPieces, renderRemediationScript } from '../../src/render/remediation.js'
import { GITHUB_SARIF_LIMITS, renderSarif } from '../../src/render/sarif.js'
import { renderSummary } from '../../src/render/summary.js'
import { renderText } from '../../src/render/text.js'
import type { RenderContext } from '../../src/render/context.js'
import { context, evaluation, exemption, finding, HOSTILE_USERS, manyFindings } from './builders.js'

/** No piece is larger than this (a thousand findings are about 500 KB of JSON). */
const PIECE_BOUND = 2 * 1024 * 1024

/** A context with `findings`, without sorting them (the builders sort, slowly at this size). */
function large(findings: ReturnType<typeof manyFindings>): RenderContext {
  const ctx = context({ evaluation: evaluation({ findings: findings.slice(0, 10) }) })
  return { ...ctx, evaluation: { ...ctx.evaluation, findings } }
}

function pieces(ctx: RenderContext, format: OutputFormat): string[] {
  const out = renderFormat(ctx, format)
  expect(typeof out).not.toBe('string')
  return [...out]
}

describe('renderFormat in pieces', () => {
  it('renders a table of 200,000 findings (one call over their widths overflowed the stack)', () => {
    const ctx = large(manyFindings(100_000, 2))
    const out = pieces(ctx, 'table')
    expect(out.length).toBeGreaterThan(200)
    for (const p of out) expect(p.length).toBeLessThanOrEqual(PIECE_BOUND)
    const text = out.join('')
    expect(text.split('\n').length).toBeGreaterThan(200_000)
    expect(text).toMatch(/^Account \d+: /)
    expect(text).toMatch(/\nVerdict: .+\n$/)
  })

  it('renders every format of a small evaluation exactly as the one-string renderers do', () => {
    const findings = [
      ...manyFindings(30),
      ...HOSTILE_USERS.map(user => finding({ user })),
      finding({ user: 'exempt-me', exemption: exemption() })
    ]
    const ctx = context({ evaluation: evaluation({ findings }) })
    expect(pieces(ctx, 'table').join('')).toBe(renderText(ctx))
    expect(pieces(ctx, 'json').join('')).toBe(renderJson(ctx))
    expect(pieces(ctx, 'markdown').join('')).toBe(renderSummary(ctx))
    expect(pieces(ctx, 'sarif').join('')).toBe(`${JSON.stringify(renderSarif(ctx), null, 2)}\n`)
  })

  it('renders the JSON and the table of a large evaluation in bounded pieces that join to the document', () => {
    const findings = [
      ...manyFindings(2_500, 2),
      ...HOSTILE_USERS.map(user => finding({ user, message: '\n  "findings": []' })),
      finding({ user: 'exempt-me', exemption: exemption('"findings": []') })
    ]
    const ctx = context({ evaluation: evaluation({ findings }) })
    const json = pieces(ctx, 'json')
    expect(json.length).toBeGreaterThan(5)
    for (const p of json) expect(p.length).toBeLessThanOrEqual(PIECE_BOUND)
    expect(json.join('')).toBe(renderJson(ctx))
    const table = pieces(ctx, 'table')
    expect(table.length).toBeGreaterThan(5)
    expect(table.join('')).toBe(renderText(ctx))
  })

  it('renders SARIF over the 25,000-result cap in bounded pieces, saying in the file what it left out', () => {
    const open = GITHUB_SARIF_LIMITS.resultsPerRun + 1_234
    const findings = [
      ...manyFindings(open),
      ...HOSTILE_USERS.map(user =>
        finding({ user, severity: 'critical', message: '"results": []' })
      )
    ]
    const ctx = context({ evaluation: evaluation({ findings }) })
    const sarif = pieces(ctx, 'sarif')
    expect(sarif.length).toBeGreaterThan(25)
    for (const p of sarif) expect(p.length).toBeLessThanOrEqual(PIECE_BOUND)
    const whole = `${JSON.stringify(renderSarif(ctx), null, 2)}\n`
    expect(sarif.join('')).toBe(whole)
    const run = (JSON.parse(whole) as { runs: { results: unknown[]; properties: object }[] })
      .runs[0]!
    expect(run.results).toHaveLength(GITHUB_SARIF_LIMITS.resultsPerRun)
    const omitted = open + HOSTILE_USERS.length - GITHUB_SARIF_LIMITS.resultsPerRun
    expect(run.properties).toMatchObject({
      resultsOmitted: omitted,
      resultsOmittedReason: expect.stringContaining(
        `leaves out ${omitted.toLocaleString('en-US')} less severe`
      ) as unknown
    })
  })

  it('renders the markdown summary of a large evaluation as one piece under its budget, saying it is shortened', () => {
    const ctx = context({ evaluation: evaluation({ findings: manyFindings(20_000) }) })
    const out = pieces(ctx, 'markdown')
    expect(out).toHaveLength(1)
    expect(Buffer.byteLength(out[0]!)).toBeLessThanOrEqual(900 * 1024)
    expect(out[0]).toContain('This summary is shortened')
  })

  it('renders the remediation script of a large evaluation in bounded pieces that join to the script', () => {
    const ctx = context({ evaluation: evaluation({ findings: manyFindings(2_000, 2) }) })
    const out = [...renderRemediationPieces(ctx)]
    expect(out.length).toBeGreaterThan(5)
    for (const p of out) expect(p.length).toBeLessThanOrEqual(PIECE_BOUND)
    expect(out.join('')).toBe(renderRemediationScript(ctx))
  })
})
