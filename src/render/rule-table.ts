import { RULES } from '../rules/catalog.js'
import type { Rule } from '../rules/types.js'

export const RULE_TABLE_START =
  '<!-- rule-table:start (generated from src/rules; UPDATE_DOCS=1 npm test rewrites it) -->'
export const RULE_TABLE_END = '<!-- rule-table:end -->'

function cisCell(rule: Rule): string {
  const refs = Object.entries(rule.cis)
    .filter(([version]) => ['v1.4-v3.0', 'v5.0', 'v6.0'].includes(version))
    .map(([version, id]) => `${version.replace('-', '–')}: ${id}`)
  return refs.length > 0 ? refs.join('<br>') : '—'
}

function parameterCell(rule: Rule): string {
  return rule.parameters.length > 0
    ? rule.parameters.map(p => `\`${p.name}: ${p.default}\``).join(', ')
    : '—'
}

/** The README's rule table, generated from the catalog. */
export function renderRuleTable(): string {
  const rows = RULES.map(
    r =>
      `| \`${r.id}\` | ${r.description.replace(/\|/g, '\\|')} | ${r.credentialDoc} | ${r.defaultSeverity}${r.enabledByDefault ? '' : ' (off by default)'} | ${parameterCell(r)} | ${cisCell(r)} |`
  )
  return [
    '| id | a finding when | credential | default severity | parameters | CIS |',
    '|---|---|---|---|---|---|',
    ...rows
  ].join('\n')
}
