/**
 * Synthetic credential reports for the benchmarks: deterministic (seeded), in
 * the current 22-column layout, with the mix of principals a large account
 * has: console users with and without MFA, service users with one or two
 * access keys of various ages (some inactive, some never used), sentinels
 * (`N/A`, `no_information`, `not_supported` on the root row), signing
 * certificates, user paths in the ARN, and both timestamp suffixes (`Z` since
 * 2024, `+00:00` before).
 */

export const ACCOUNT_ID = '123456789012'

/** The evaluation time the reports are made for; every timestamp lies before it. */
export const NOW = Date.parse('2026-11-22T00:00:00Z')

/** mulberry32: a small, fast, seeded PRNG returning [0, 1). */
function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const DAY = 86_400_000
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2']
const SERVICES = ['s3', 'sts', 'ec2', 'dynamodb', 'lambda', 'sqs', 'iam', 'logs']
const PATHS = ['', '', '', 'engineering/', 'ci/', 'contractors/emea/']
const FIRST = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy']
const SERVICE = ['svc-build', 'svc-deploy', 'terraform', 'backup', 'etl', 'monitoring']

/**
 * The CSV text of a report with `rows` rows: the root row and `rows - 1`
 * users. LF line ends and a final line feed, as AWS writes it. `columns` are
 * the header: the engine's `REPORT_COLUMNS` (the 22 columns of the current
 * layout, in AWS's order, in which the rows below are written).
 *
 * `mix: 'heavy'` makes a badly kept account instead: every user has a
 * console password without MFA and old, unused access keys, about three
 * findings per row (the size at which outputs get large).
 */
export function generateReport(rows, columns, seed = 20261122, { mix = 'typical' } = {}) {
  if (columns.length !== 22)
    throw new Error(`expected the 22 report columns, got ${columns.length}`)
  const rnd = prng(seed)
  const pick = list => list[Math.floor(rnd() * list.length)]
  /** A timestamp `minDays` to `maxDays` before NOW, with either suffix. */
  const ago = (minDays, maxDays) => {
    const t = NOW - (minDays + rnd() * (maxDays - minDays)) * DAY
    const iso = new Date(Math.floor(t / 1000) * 1000).toISOString().slice(0, 19)
    return rnd() < 0.5 ? `${iso}Z` : `${iso}+00:00`
  }
  const noKey = ['false', 'N/A', 'N/A', 'N/A', 'N/A']
  const key = () => {
    // Most keys are rotated within 90 days and used within days; some are stale.
    const age = rnd() < 0.8 ? rnd() * 90 : 90 + rnd() * 810
    const active = rnd() < 0.95 ? 'true' : 'false'
    if (rnd() < 0.05) return [active, ago(age, age), 'N/A', 'N/A', 'N/A']
    const used = rnd() < 0.9 ? ago(0, Math.min(age, 7)) : ago(0, age)
    return [active, ago(age, age), used, pick(REGIONS), pick(SERVICES)]
  }
  const lines = [columns.join(',')]
  lines.push(
    [
      '<root_account>',
      `arn:aws:iam::${ACCOUNT_ID}:root`,
      '2019-03-04T09:00:00+00:00',
      'not_supported',
      ago(0, 120),
      'not_supported',
      'not_supported',
      'true',
      ...noKey,
      ...noKey,
      'false',
      'N/A',
      'false',
      'N/A'
    ].join(',')
  )
  if (mix === 'heavy') {
    for (let i = 1; i < rows; i++) lines.push(heavyRow(i, rnd, pick, ago))
    return `${lines.join('\n')}\n`
  }
  for (let i = 1; i < rows; i++) {
    const kind = rnd()
    const service = kind >= 0.45
    const base = service ? pick(SERVICE) : pick(FIRST)
    const name = `${base}.${i.toString(36)}`
    const path = pick(PATHS)
    const created = ago(200, 2500)
    let password
    if (service) {
      password = ['false', 'N/A', 'N/A', 'N/A', 'false']
    } else {
      const r = rnd()
      const used =
        r < 0.03 ? 'no_information' : r < 0.06 ? 'N/A' : r < 0.9 ? ago(0, 30) : ago(30, 400)
      const mfa = kind < 0.42 ? 'true' : 'false'
      password = ['true', used, ago(0, 400), rnd() < 0.2 ? ago(-60, -1) : 'N/A', mfa]
    }
    // ago(-60, -1) gives a future password_next_rotation, which AWS writes too.
    const keys = service
      ? [key(), rnd() < 0.1 ? key() : noKey]
      : [rnd() < 0.1 ? key() : noKey, noKey]
    const cert = rnd() < 0.02 ? ['true', ago(30, 1500)] : ['false', 'N/A']
    lines.push(
      [
        name,
        `arn:aws:iam::${ACCOUNT_ID}:user/${path}${name}`,
        created,
        ...password,
        ...keys[0],
        ...keys[1],
        ...cert,
        'false',
        'N/A'
      ].join(',')
    )
  }
  return `${lines.join('\n')}\n`
}

/**
 * A user of a badly kept account: a console password without MFA and an
 * access key not rotated for months (one in ten has a second): about 3.2
 * findings per row.
 */
function heavyRow(i, rnd, pick, ago) {
  const name = `${pick(FIRST)}.${i.toString(36)}`
  const staleKey = () => {
    const age = 100 + rnd() * 800
    return ['true', ago(age, age), ago(0, 30), pick(REGIONS), pick(SERVICES)]
  }
  const second = rnd() < 0.1 ? staleKey() : ['false', 'N/A', 'N/A', 'N/A', 'N/A']
  return [
    name,
    `arn:aws:iam::${ACCOUNT_ID}:user/${pick(PATHS)}${name}`,
    ago(900, 2500),
    'true',
    ago(0, 30),
    ago(0, 60),
    'N/A',
    'false',
    ...staleKey(),
    ...second,
    'false',
    'N/A',
    'false',
    'N/A'
  ].join(',')
}
