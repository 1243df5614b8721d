import * as core from '@actions/core'
import { InputError } from '../errors.js'
import { readPolicyFile } from '../io/read-input.js'
import { withFailOnSeverity } from '../policy/account.js'
import { defaultPolicy, loadPolicy } from '../policy/load.js'
import type { Policy } from '../policy/types.js'
import type { ActionInputs } from './inputs.js'

/**
 * The policy the audit applies: the policy file, or the built-in default
 * (with a notice) when the file is absent at the default path. An absent
 * file the user named is an error. `fail-on-severity` overrides the file.
 */
export async function loadActionPolicy(
  inputs: Pick<ActionInputs, 'policyFile' | 'failOnSeverity'>
): Promise<Policy> {
  const { path, explicit } = inputs.policyFile
  let policy: Policy
  try {
    const text = await readPolicyFile(path)
    policy = loadPolicy(text, path)
  } catch (error) {
    if (explicit || !(error instanceof InputError) || !/ not found$/.test(error.message)) {
      throw error
    }
    core.notice(
      `No policy file at ${path}: the built-in default policy applies. ` +
        'Add one there, or set policy-file, to change rules, thresholds and exemptions.'
    )
    policy = defaultPolicy()
  }
  return inputs.failOnSeverity ? withFailOnSeverity(policy, inputs.failOnSeverity) : policy
}
