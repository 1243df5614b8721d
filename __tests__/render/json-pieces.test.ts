import { JSON_PIECES_ABOVE, renderJsonPieces } from '../../src/render/json.js'
import { renderJson } from '../../src/render/json.js'
import { context, evaluation, exemption, finding, HOSTILE_USERS, manyFindings } from './builders.js'

function joined(out: string | Iterable<string>): string {
  return typeof out === 'string' ? out : [...out].join('')
}

describe('renderJsonPieces (how the CLI writes --json)', () => {
  it('is one string, renderJson itself, for a small document', () => {
    const ctx = context({ evaluation: evaluation({ findings: manyFindings(50) }) })
    expect(renderJsonPieces(ctx)).toBe(renderJson(ctx))
  })

  it('is renderJson byte for byte in pieces for a large one, hostile names and exemptions included', () => {
    const findings = [
      ...manyFindings(JSON_PIECES_ABOVE + 1_500),
      ...HOSTILE_USERS.map(user =>
        finding({ user, message: `"findings": [] \n  "findings": [], for ${user}` })
      ),
      finding({ user: 'exempt-me', exemption: exemption('"findings": []') })
    ]
    const ctx = context({
      evaluation: evaluation({
        findings,
        warnings: [{ kind: 'stale-exemption', message: '\n  "findings": []' }]
      })
    })
    const out = renderJsonPieces(ctx)
    expect(typeof out).not.toBe('string')
    expect([...(out as Iterable<string>)].length).toBeGreaterThan(2)
    expect(joined(renderJsonPieces(ctx))).toBe(renderJson(ctx))
  })
})
