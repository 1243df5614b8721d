import fc from 'fast-check'
import { flatString } from '../src/flat-string.js'

describe('flatString', () => {
  it('returns the same text, whatever it is made of', () => {
    const pieces = fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { maxLength: 6 })
    fc.assert(
      fc.property(pieces, fc.nat(), fc.nat(), (parts, from, to) => {
        const joined = parts.join('')
        const sliced = joined.slice(from % (joined.length + 1), joined.length - (to % 3))
        expect(flatString(joined)).toBe(joined)
        expect(flatString(sliced)).toBe(sliced)
        expect(flatString(`${joined} `)).toBe(`${joined} `)
      }),
      { numRuns: 2000 }
    )
  })

  it('keeps spaces at the ends and empty strings', () => {
    for (const s of ['', ' ', '  a  ', '\n', 'a', '\u00a0x\u00a0', 'Active access_key_1 was...']) {
      expect(flatString(s)).toBe(s)
    }
  })
})
