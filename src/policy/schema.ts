/**
 * The policy file's JSON Schema, generated from the rule catalog. Ajv
 * validates policies with it, and `schema/policy.schema.json` (the same
 * schema, committed) gives editors completion and hover help.
 *
 * Draft-07: Ajv's default draft and the one the VS Code YAML extension
 * (yaml-language-server) handles best.
 */

import { RULE_IDS, RULES } from '../rules/catalog.js'
import type { Rule, RuleParameter } from '../rules/types.js'
import { FAIL_ON_SEVERITIES, SEVERITIES } from '../severity.js'

/** Where the published schema lives; the `yaml-language-server` modeline points here. */
export const POLICY_SCHEMA_URL =
  'https://raw.githubusercontent.com/iam-credential-gate/iam-credential-gate/main/schema/policy.schema.json'

/** The only policy format version this release reads. */
export const POLICY_VERSION = 1

/** Fail the gate at or above this severity when the policy file does not say. */
export const DEFAULT_FAIL_ON_SEVERITY = 'high'

/** `YYYY-MM-DD`; whether it is a real calendar day is checked after the schema. */
export const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
/** A 12-digit AWS account id, written as a string (quoted in YAML). */
export const ACCOUNT_PATTERN = '^[0-9]{12}$'
/** At least one character that is not white space. */
export const NON_BLANK_PATTERN = '\\S'

/** Keys of the top level, of a rule's settings, of an exemption and of an account override, in documentation order. */
export const TOP_LEVEL_KEYS = [
  'version',
  'fail-on-severity',
  'rules',
  'exemptions',
  'account-overrides'
] as const
export const RULE_SETTING_KEYS = ['enabled', 'severity'] as const
export const EXEMPTION_KEYS = ['rules', 'users', 'arns', 'accounts', 'reason', 'expires'] as const
export const ACCOUNT_OVERRIDE_KEYS = ['accounts', 'reason', 'fail-on-severity', 'rules'] as const

/** The valid keys of one rule's settings: `enabled`, `severity`, then its parameters. */
export function ruleSettingKeys(rule: Rule): string[] {
  return [...RULE_SETTING_KEYS, ...rule.parameters.map(p => p.name)]
}

/** `an integer from 1 to 24`. */
export function describeIntegerRange(p: Pick<RuleParameter, 'minimum' | 'maximum'>): string {
  return `an integer from ${p.minimum} to ${p.maximum}`
}

/** One line on a parameter: its description, unit, default and bounds. */
export function describeParameter(p: RuleParameter): string {
  return `${p.description} Unit: ${p.unit}. Default: ${p.default} (${p.minimum} to ${p.maximum}).`
}

function cisText(rule: Rule): string {
  const refs = Object.entries(rule.cis).map(([version, item]) => `${version} ${item}`)
  return refs.length > 0 ? ` CIS AWS Foundations: ${refs.join(', ')}.` : ''
}

function ruleSchema(rule: Rule): object {
  const params: Record<string, object> = {}
  for (const p of rule.parameters) {
    params[p.name] = {
      type: 'integer',
      minimum: p.minimum,
      maximum: p.maximum,
      default: p.default,
      description: describeParameter(p)
    }
  }
  const securityHub =
    rule.securityHub && rule.securityHub.length > 0
      ? ` Security Hub: ${rule.securityHub.join(', ')}.`
      : ''
  return {
    title: rule.title,
    description:
      `${rule.title}. Finding: ${rule.description} Default: ${rule.enabledByDefault ? 'enabled' : 'disabled'}, ` +
      `severity ${rule.defaultSeverity}.${cisText(rule)}${securityHub} Leave empty for the defaults.`,
    type: ['object', 'null'],
    additionalProperties: false,
    properties: {
      enabled: {
        type: 'boolean',
        default: rule.enabledByDefault,
        description: `Whether the rule runs. Default: ${rule.enabledByDefault}.`
      },
      severity: {
        type: 'string',
        enum: [...SEVERITIES],
        default: rule.defaultSeverity,
        description: `Severity of this rule's findings; the gate fails on findings at or above fail-on-severity. Default: ${rule.defaultSeverity}.`
      },
      ...params
    }
  }
}

function accountList(description: string): object {
  return {
    type: 'array',
    minItems: 1,
    description,
    items: {
      type: 'string',
      pattern: ACCOUNT_PATTERN,
      description: 'A 12-digit AWS account id, in quotes.'
    }
  }
}

function globList(what: string, example: string): object {
  return {
    type: 'array',
    minItems: 1,
    description: `${what} Example: ["${example}"].`,
    items: { type: 'string', minLength: 1, pattern: NON_BLANK_PATTERN, description: what }
  }
}

/** The policy file's JSON Schema (draft-07), derived from the rule catalog. */
export function buildPolicySchema(): object {
  const rules: Record<string, object> = {}
  for (const rule of RULES) rules[rule.id] = ruleSchema(rule)
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: POLICY_SCHEMA_URL,
    title: 'IAM Credential Gate policy',
    description:
      'Which IAM credential-report rules run, how severe their findings are, when the gate fails, and which findings are exempted until when.',
    type: 'object',
    required: ['version'],
    additionalProperties: false,
    properties: {
      $schema: {
        type: 'string',
        description: 'URL or path of this JSON Schema, for editors. The gate ignores it.'
      },
      version: {
        const: POLICY_VERSION,
        description: `Policy file format version. Always ${POLICY_VERSION}.`
      },
      'fail-on-severity': {
        type: 'string',
        enum: [...FAIL_ON_SEVERITIES],
        default: DEFAULT_FAIL_ON_SEVERITY,
        description: `The gate fails when a finding that is not exempted has this severity or a higher one; none never fails. Default: ${DEFAULT_FAIL_ON_SEVERITY}.`
      },
      rules: {
        type: ['object', 'null'],
        additionalProperties: false,
        description:
          'Settings by rule id. A rule that is not listed runs with its defaults: enabled, severity and parameters from the catalog.',
        properties: rules
      },
      exemptions: {
        type: ['array', 'null'],
        description:
          'Findings to hide until a date, each with the reason. An exempted finding is still reported but never fails the gate.',
        items: {
          type: 'object',
          description:
            'Hides the findings of the listed rules for the matching principals through the end of the expires day (UTC). Needs rules, a reason, expires, and exactly one of users or arns.',
          required: ['rules', 'reason', 'expires'],
          additionalProperties: false,
          oneOf: [
            { type: 'object', required: ['users'] },
            { type: 'object', required: ['arns'] }
          ],
          properties: {
            rules: {
              type: 'array',
              minItems: 1,
              description: 'Rule ids the exemption applies to, or ["*"] for every rule.',
              items: {
                type: 'string',
                enum: [...RULE_IDS, '*'],
                description: 'A rule id, or "*" for every rule.'
              }
            },
            users: globList(
              'Globs on the user name (the report\'s user column). * matches any characters, ? one; case-sensitive; the root user is "<root_account>".',
              'svc-legacy-*'
            ),
            arns: globList(
              'Globs on the principal\'s ARN. As in IAM policies, * matches any characters including "/", ? one.',
              'arn:aws:iam::*:user/batch/*'
            ),
            accounts: accountList(
              'Limits the exemption to these AWS account ids (12 digits, in quotes). Absent: every account.'
            ),
            reason: {
              type: 'string',
              minLength: 1,
              pattern: NON_BLANK_PATTERN,
              description:
                'Why the findings are acceptable until expires, e.g. a ticket. Shown next to every exempted finding.'
            },
            expires: {
              type: 'string',
              pattern: DATE_PATTERN,
              description:
                'The last day the exemption applies, YYYY-MM-DD (UTC). From the next day on the findings fail the gate again.'
            }
          }
        }
      },
      'account-overrides': {
        type: ['array', 'null'],
        description:
          'Settings for some accounts: fail-on-severity and rule settings that replace the top-level ones in the listed accounts. An account may be listed in one override only.',
        items: {
          type: 'object',
          description:
            'Overlays its fail-on-severity and rule settings on the top-level ones for the listed accounts; what it does not set stays as at the top level. Needs accounts, a reason, and fail-on-severity or rules.',
          required: ['accounts', 'reason'],
          additionalProperties: false,
          properties: {
            accounts: accountList(
              'The AWS account ids these settings apply to (12 digits, in quotes). Each account may appear in one override only.'
            ),
            reason: {
              type: 'string',
              minLength: 1,
              pattern: NON_BLANK_PATTERN,
              description:
                'Why these accounts have different settings, e.g. "Sandbox accounts, no production data". Shown in policy reviews.'
            },
            'fail-on-severity': {
              type: 'string',
              enum: [...FAIL_ON_SEVERITIES],
              description:
                'The gate threshold in these accounts, instead of the top-level fail-on-severity.'
            },
            rules: {
              description:
                'Rule settings by rule id for these accounts, the same keys as the top-level rules. Each key written replaces the top-level value; keys not written keep it.',
              allOf: [{ $ref: '#/properties/rules' }]
            }
          }
        }
      }
    }
  }
}

/** The committed `schema/policy.schema.json`: 2-space JSON and a trailing newline. */
export function renderPolicySchema(): string {
  return `${JSON.stringify(buildPolicySchema(), null, 2)}\n`
}
