/**
 * Test support: GitHub code scanning's documented constraints on a SARIF log
 * (beyond the JSON schema), checked on what the renderers write.
 */
import { GITHUB_SARIF_LIMITS } from '../../src/render/sarif.js'

/**
 * Checks a SARIF log against the constraints GitHub code scanning documents
 * (beyond the JSON schema). Returns one message per violation; empty when the
 * log would be accepted. Takes `unknown` so it can check any parsed file.
 */
export function validateGithubConstraints(log: unknown): string[] {
  const problems: string[] = []
  const L = GITHUB_SARIF_LIMITS
  const obj = (v: unknown): Record<string, unknown> | null =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null
  const text = (v: unknown): string | null => {
    const t = obj(v)?.text
    return typeof t === 'string' ? t : null
  }
  const root = obj(log)
  if (!root) return ['the log is not an object']
  if (typeof root.$schema !== 'string' || root.$schema === '') problems.push('$schema is missing')
  if (root.version !== '2.1.0')
    problems.push(`version must be "2.1.0", got ${JSON.stringify(root.version)}`)
  if (!Array.isArray(root.runs) || root.runs.length === 0) {
    problems.push('runs must be a non-empty array')
    return problems
  }
  if (root.runs.length > L.runsPerFile) {
    problems.push(`${root.runs.length} runs in one file; GitHub accepts at most ${L.runsPerFile}`)
  }
  const categories = new Set<string>()
  root.runs.forEach((runValue, r) => {
    const run = obj(runValue)
    const at = `runs[${r}]`
    if (!run) return problems.push(`${at} is not an object`)
    const driver = obj(obj(run.tool)?.driver)
    if (!driver || typeof driver.name !== 'string' || driver.name === '') {
      problems.push(`${at}.tool.driver.name is missing or empty`)
    }
    const category = JSON.stringify([driver?.name, obj(run.automationDetails)?.id ?? null])
    if (categories.has(category)) {
      problems.push(`${at} repeats the tool and automationDetails.id (category) of an earlier run`)
    }
    categories.add(category)
    const rules = Array.isArray(driver?.rules) ? (driver.rules as unknown[]) : null
    if (!rules) problems.push(`${at}.tool.driver.rules is missing`)
    if (rules && rules.length > L.rulesPerRun) {
      problems.push(`${at} has ${rules.length} rules; GitHub accepts at most ${L.rulesPerRun}`)
    }
    rules?.forEach((ruleValue, i) => {
      const rule = obj(ruleValue)
      const rat = `${at}.tool.driver.rules[${i}]`
      if (!rule || typeof rule.id !== 'string' || rule.id === '')
        return problems.push(`${rat}.id is missing or empty`)
      if (typeof rule.name === 'string' && [...rule.name].length > L.ruleNameChars) {
        problems.push(`${rat}.name is longer than ${L.ruleNameChars} characters`)
      }
      for (const key of ['shortDescription', 'fullDescription'] as const) {
        const t = text(rule[key])
        if (t === null || t.trim() === '') problems.push(`${rat}.${key}.text is missing or empty`)
        else if ([...t].length > L.descriptionChars) {
          problems.push(`${rat}.${key}.text is longer than ${L.descriptionChars} characters`)
        }
      }
      const help = text(rule.help)
      if (help === null || help.trim() === '') problems.push(`${rat}.help.text is missing or empty`)
      const props = obj(rule.properties)
      const tags = props?.tags
      if (Array.isArray(tags) && tags.length > L.tagsPerRule) {
        problems.push(`${rat} has ${tags.length} tags; GitHub accepts at most ${L.tagsPerRule}`)
      }
      const sev = props?.['security-severity']
      if (sev !== undefined) {
        const n = typeof sev === 'string' ? Number(sev) : NaN
        if (!(n > 0 && n <= 10))
          problems.push(`${rat}.properties.security-severity must be a string in (0, 10]`)
      }
    })
    const results = run.results
    if (!Array.isArray(results)) return problems.push(`${at}.results is missing`)
    if (results.length > L.resultsPerRun) {
      problems.push(
        `${at} has ${results.length} results; GitHub accepts at most ${L.resultsPerRun}`
      )
    }
    const hashes = new Map<string, number>()
    results.forEach((resultValue, i) => {
      const result = obj(resultValue)
      const rat = `${at}.results[${i}]`
      if (!result) return problems.push(`${rat} is not an object`)
      const message = text(result.message)
      if (message === null || message.trim() === '')
        problems.push(`${rat}.message.text is missing or empty`)
      const locations = result.locations
      if (!Array.isArray(locations) || locations.length === 0) {
        problems.push(`${rat} has no locations (GitHub rejects the whole file)`)
      } else {
        if (locations.length > L.locationsPerResult) {
          problems.push(
            `${rat} has ${locations.length} locations; GitHub accepts at most ${L.locationsPerResult}`
          )
        }
        const uri = obj(obj(obj(locations[0])?.physicalLocation)?.artifactLocation)?.uri
        if (typeof uri !== 'string' || uri === '') {
          problems.push(`${rat}.locations[0].physicalLocation.artifactLocation.uri is missing`)
        }
      }
      for (const [where, list] of [
        ['locations', locations],
        ['relatedLocations', result.relatedLocations]
      ] as const) {
        if (!Array.isArray(list)) continue
        list.forEach((loc, j) => {
          const uri = obj(obj(obj(loc)?.physicalLocation)?.artifactLocation)?.uri
          if (typeof uri === 'string' && uri.includes(':')) {
            problems.push(
              `${rat}.${where}[${j}] uri ${JSON.stringify(uri)} contains a colon (read as a URI scheme)`
            )
          }
        })
      }
      const hash = obj(result.partialFingerprints)?.primaryLocationLineHash
      if (typeof hash !== 'string' || hash === '') {
        problems.push(`${rat}.partialFingerprints.primaryLocationLineHash is missing`)
      } else if (hashes.has(hash)) {
        problems.push(
          `${rat} has the same primaryLocationLineHash as results[${hashes.get(hash)!}]`
        )
      } else {
        hashes.set(hash, i)
      }
    })
  })
  return problems
}
