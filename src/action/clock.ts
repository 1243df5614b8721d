import { parseNow } from '../cli-io.js'
import { InputError } from '../errors.js'

/** The variable that pins the action's clock. For tests only: a workflow never sets it. */
export const PINNED_NOW_VARIABLE = 'IAM_CREDENTIAL_GATE_NOW'

/**
 * The action's clock: `Date.now`, or the time in `IAM_CREDENTIAL_GATE_NOW`
 * (an ISO 8601 time with a zone, read as the CLI's `--now`). The tests run the
 * bundle at a pinned time so that they give the same result on any day.
 */
export function actionClock(env: NodeJS.ProcessEnv): () => number {
  const pinned = env[PINNED_NOW_VARIABLE]
  if (pinned === undefined || pinned === '') return Date.now
  let now: number
  try {
    now = parseNow(pinned)
  } catch (error) {
    throw new InputError(
      `${PINNED_NOW_VARIABLE} (a test-only setting) ${(error as Error).message.replace(/^--now /, '')}`
    )
  }
  return () => now
}
