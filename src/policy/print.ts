/** The built-in policy written out as a commented policy file, to start a policy from. */

import { RULES } from '../rules/catalog.js'
import type { Rule } from '../rules/types.js'
import { FAIL_ON_SEVERITIES, SEVERITIES } from '../severity.js'
import {
  DEFAULT_FAIL_ON_SEVERITY,
  POLICY_SCHEMA_URL,
  POLICY_VERSION,
  describeParameter
} from './schema.js'

const WIDTH = 100

/** `text` as `# ` comment lines at `indent`, wrapped at 100 columns. */
function comment(text: string, indent = ''): string[] {
  const prefix = `${indent}# `
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(w => w !== '')) {
    if (line !== '' && prefix.length + line.length + 1 + word.length > WIDTH) {
      lines.push(prefix + line)
      line = word
    } else {
      line = line === '' ? word : `${line} ${word}`
    }
  }
  if (line !== '') lines.push(prefix + line)
  return lines
}

/** A key as YAML: plain when it is a kebab-case name, quoted otherwise. */
function key(name: string): string {
  return /^[a-z0-9][a-z0-9-]*$/.test(name) ? name : JSON.stringify(name)
}

function cis(rule: Rule): string {
  const refs = Object.entries(rule.cis).map(([version, item]) => `${version} ${item}`)
  const securityHub = rule.securityHub?.length
    ? ` Security Hub: ${rule.securityHub.join(', ')}.`
    : ''
  return refs.length > 0 ? `CIS AWS Foundations: ${refs.join(', ')}.${securityHub}` : securityHub
}

function ruleBlock(rule: Rule): string[] {
  const lines = [
    ...comment(`${rule.title}.`, '  '),
    ...comment(`Finding: ${rule.description}`, '  '),
    ...comment(cis(rule), '  '),
    `  ${key(rule.id)}:`,
    `    enabled: ${rule.enabledByDefault}${rule.enabledByDefault ? '' : ' # off by default'}`,
    `    severity: ${rule.defaultSeverity} # ${SEVERITIES.join(' | ')}`
  ]
  for (const p of rule.parameters) {
    lines.push(...comment(describeParameter(p), '    '), `    ${key(p.name)}: ${p.default}`)
  }
  return lines
}

/**
 * The default policy as commented YAML: what `defaultPolicy()` holds, with
 * every rule's title, settings and parameters explained, and an example
 * exemption and account override commented out. Loading it gives exactly
 * the default settings.
 */
export function printDefaultPolicy(): string {
  const example = RULES.find(r => r.scope === 'users')?.id ?? RULES[0]?.id ?? 'rule-id'
  const lines: string[] = [
    `# yaml-language-server: $schema=${POLICY_SCHEMA_URL}`,
    '#',
    '# IAM Credential Gate policy.',
    '#',
    ...comment(
      'This file decides which checks of the AWS IAM credential report run, how severe their findings are, when the gate fails, and which findings are exempted until when. It lists every rule with its default settings: change what you need and delete the rest, since a rule that is not listed keeps its defaults.'
    ),
    '#',
    ...comment(
      'The first line lets editors with the YAML language server (the VS Code YAML extension and others) complete keys and show these explanations from the JSON Schema.'
    ),
    '',
    `version: ${POLICY_VERSION}`,
    '',
    ...comment(
      `The gate fails when a finding that is not exempted has this severity or a higher one: ${FAIL_ON_SEVERITIES.join(', ')} (never fail).`
    ),
    `fail-on-severity: ${DEFAULT_FAIL_ON_SEVERITY}`,
    '',
    'rules:'
  ]
  RULES.forEach((rule, i) => {
    if (i > 0) lines.push('')
    lines.push(...ruleBlock(rule))
  })
  lines.push(
    '',
    ...comment(
      'Exemptions hide findings until a date. An exempted finding is still reported, with its reason, but does not fail the gate; from the day after expires on it fails the gate again. Each exemption needs rules, a reason, expires, and exactly one of users or arns. An example; to use it, replace "exemptions: []" with it and remove the "# ":'
    ),
    '#',
    '# exemptions:',
    `#   - rules: [${key(example)}] # rule ids, or ["*"] for every rule`,
    '#     users: ["svc-legacy-*"] # globs on user names; or arns: ["arn:aws:iam::*:user/batch/*"]',
    '#     reason: "Batch user, replaced by OIDC federation in SEC-142"',
    '#     expires: 2027-03-31 # the last day it applies (UTC)',
    '#     accounts: ["123456789012"] # optional: only in these accounts',
    'exemptions: []',
    '',
    ...comment(
      'Account overrides give some accounts other settings: their own fail-on-severity, and rule settings (the same keys as under rules) laid over the ones above; what an override does not set stays as above. Each needs accounts (12-digit ids, in quotes; an account may be in one override only), a reason, and fail-on-severity or rules. An example; to use it, replace "account-overrides: []" with it and remove the "# ":'
    ),
    '#',
    '# account-overrides:',
    '#   - accounts: ["111111111111", "222222222222"]',
    '#     reason: "Sandbox accounts, no production data"',
    '#     fail-on-severity: critical # optional',
    '#     rules: # optional',
    '#       access-key-rotation: { max-age-days: 180 }',
    '#       console-and-access-keys: { enabled: false }',
    'account-overrides: []',
    ''
  )
  return lines.join('\n')
}
