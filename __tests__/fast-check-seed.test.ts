import fc from 'fast-check'
import { DEFAULT_FC_SEED, propertySeed } from './support/fast-check-seed.js'

describe('property test seed', () => {
  it('is set for every property test of the file, from FC_SEED or the fixed default', () => {
    expect(fc.readConfigureGlobal().seed).toBe(propertySeed())
    expect(propertySeed({})).toBe(DEFAULT_FC_SEED)
    expect(propertySeed({ FC_SEED: ' 1234 ' })).toBe(1234)
    expect(() => propertySeed({ FC_SEED: 'abc' })).toThrow(
      'FC_SEED=abc is not a 32-bit integer seed'
    )
  })

  it('makes two runs of a property draw the same values', () => {
    const draw = () => fc.sample(fc.integer(), { numRuns: 5, seed: fc.readConfigureGlobal().seed })
    expect(draw()).toEqual(draw())
    const seen: number[][] = [[], []]
    for (const run of seen)
      fc.assert(
        fc.property(fc.integer(), n => void run.push(n)),
        { numRuns: 5 }
      )
    expect(seen[1]).toEqual(seen[0])
  })

  it('names the seed and how to reproduce when a property fails', () => {
    expect(() => fc.assert(fc.property(fc.nat(), n => n < 0))).toThrow(
      `Property seed ${propertySeed()}: run again with FC_SEED=${propertySeed()}`
    )
  })
})
