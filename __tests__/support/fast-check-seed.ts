/**
 * Every property test runs from one seed, so a failure can be reproduced:
 * `FC_SEED` when set (an integer), a fixed default otherwise. A failing
 * property's message names the seed and how to run it again.
 * Loaded for every test file by jest.config.js (`setupFilesAfterEnv`).
 */
import fc from 'fast-check'

export const DEFAULT_FC_SEED = 20261204

/** The seed of this run: `FC_SEED` (a 32-bit integer) or the default. */
export function propertySeed(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.FC_SEED?.trim()
  if (!text) return DEFAULT_FC_SEED
  const seed = Number(text)
  if (!Number.isSafeInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 32) {
    throw new Error(`FC_SEED=${text} is not a 32-bit integer seed`)
  }
  return seed
}

const seed = propertySeed()

fc.configureGlobal({
  seed,
  reporter: details => {
    if (!details.failed) return
    throw new Error(
      `${fc.defaultReportMessage(details)}\n\nProperty seed ${seed}: run again with FC_SEED=${seed} (and the same test file) to reproduce.`
    )
  }
})
