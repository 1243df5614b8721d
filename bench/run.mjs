/**
 * `npm run bench`: the performance figures of BENCHMARKS.md. Never part of
 * `npm test`; asserts nothing, prints tables, exits 0 (1 only when a
 * benchmark could not run at all).
 *
 *   npm run bench                  engine from the working tree, dist/ as built
 *   npm run bench -- --build       also rebuild the action and CLI bundles from
 *                                  the working tree (into a temporary folder)
 *   npm run bench -- --dist DIR    measure the bundles in DIR instead of dist/
 *   npm run bench -- --quick       fewer repeats (a smoke run, not for the record)
 *   npm run bench -- --json FILE   also write every figure as JSON
 *   npm run bench -- --keep        keep the temporary folder (reports, bundles)
 *   npm run bench -- --cold        only the cold starts and bundle sizes
 *   npm run bench -- --heavy       only the CLI on the heavy 500,000-row report
 *
 * What it measures, on synthetic reports of 5,001 (IAM's 5,000 users plus
 * root), 50,000 and 500,000 rows made by bench/generate.mjs:
 * - parse, evaluate and render (summary, SARIF, JSON), warm: each phase run
 *   repeatedly in one process after warm-up runs; median and minimum;
 * - the whole audit once in a fresh process (read, parse, evaluate, render
 *   all three), with its peak RSS, and the same through the CLI bundle;
 * - the CLI bundle on a badly kept account of 500,000 rows (about 1.6 million
 *   findings, `generateReport(..., { mix: 'heavy' })`) in each format, to
 *   standard output and with `--output`: time, peak RSS and output size;
 * - cold start: `node dist/index.js` until its first AWS request (to a local
 *   endpoint), and `node dist/cli/index.js --version`;
 * - the size of the bundles, raw and gzipped.
 * Each size runs in child processes of its own, so heaps and peak RSS do not
 * mix.
 */
import { spawn } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { startFirstRequestServer } from './first-request.mjs'
import { generateReport, NOW } from './generate.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const NCC = join(ROOT, 'node_modules', '.bin', 'ncc')
const NCC_FLAGS = ['--target', 'es2022', '--minify', '--no-source-map-register', '--quiet']

const { values: args } = parseArgs({
  options: {
    build: { type: 'boolean' },
    dist: { type: 'string' },
    quick: { type: 'boolean' },
    json: { type: 'string' },
    keep: { type: 'boolean' },
    cold: { type: 'boolean' },
    heavy: { type: 'boolean' }
  }
})

/** Rows, and how often each measurement repeats at that size. */
const SIZES = [
  { rows: 5_001, warm: 40, warmups: 10, once: 7, cli: 7 },
  { rows: 50_000, warm: 10, warmups: 3, once: 3, cli: 3 },
  { rows: 500_000, warm: 3, warmups: 1, once: 3, cli: 3 }
]
const COLD_RUNS = 10
if (args.quick) {
  for (const s of SIZES) Object.assign(s, { warm: 2, warmups: 1, once: 1, cli: 1 })
}

const log = message => process.stderr.write(`bench: ${message}\n`)

function run(command, argv, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, argv, { cwd: ROOT, ...options })
    let stdout = ''
    let stderr = ''
    child.stdout?.setEncoding('utf8').on('data', d => (stdout += d))
    child.stderr?.setEncoding('utf8').on('data', d => (stderr += d))
    child.on('error', reject)
    child.on('close', code => resolvePromise({ code, stdout, stderr }))
  })
}

async function mustRun(command, argv, options) {
  const result = await run(command, argv, options)
  if (result.code !== 0) {
    throw new Error(`${command} ${argv.join(' ')} failed (${result.code}):\n${result.stderr}`)
  }
  return result
}

const median = xs => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const min = xs => Math.min(...xs)
const ms = x => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2))
const mib = bytes => (bytes / 2 ** 20).toFixed(1)
const count = n => n.toLocaleString('en-US')

function table(head, rows) {
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`]
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`)
  return lines.join('\n')
}

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'iam-credential-gate-bench-'))
  const results = {
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadAverageBefore: loadavg().map(l => Number(l.toFixed(2)))
    },
    sizes: [],
    heavy: null,
    coldStart: {},
    bundles: []
  }
  try {
    // The engine (parse, evaluate, render) is bundled from the working tree as dist/ is.
    log('bundling the engine (bench/engine/index.ts) with ncc')
    const engine = join(tmp, 'engine')
    await mustRun(NCC, ['build', 'bench/engine/index.ts', '-o', engine, ...NCC_FLAGS])
    const engineUrl = pathToFileURL(join(engine, 'index.js')).href
    const { REPORT_COLUMNS } = await import(engineUrl)

    let dist = resolve(ROOT, args.dist ?? 'dist')
    if (args.build) {
      dist = join(tmp, 'dist')
      log('building the action and CLI bundles from the working tree')
      await mustRun(NCC, ['build', 'bench/bundles/action.ts', '-o', dist, ...NCC_FLAGS])
      await mustRun(NCC, ['build', 'bench/bundles/cli.ts', '-o', join(dist, 'cli'), ...NCC_FLAGS])
    }
    results.dist = args.build ? 'built from the working tree' : dist

    for (const size of args.cold || args.heavy ? [] : SIZES) {
      const report = join(tmp, `report-${size.rows}.csv`)
      writeFileSync(report, generateReport(size.rows, REPORT_COLUMNS))
      const bytes = statSync(report).size
      log(`${count(size.rows)} rows (${mib(bytes)} MiB): warm runs`)
      const warm = JSON.parse(
        (
          await mustRun(process.execPath, [
            'bench/measure.mjs',
            'warm',
            engineUrl,
            report,
            String(size.warm),
            String(size.warmups)
          ])
        ).stdout
      )
      log(`${count(size.rows)} rows: whole audit once, ${size.once} fresh processes`)
      const once = []
      for (let i = 0; i < size.once; i++) {
        const r = await mustRun(process.execPath, ['bench/measure.mjs', 'once', engineUrl, report])
        once.push(JSON.parse(r.stdout))
      }
      log(`${count(size.rows)} rows: the CLI bundle, ${size.cli} runs`)
      const cli = await runCli(dist, report, tmp, size.cli)
      rmSync(report)
      results.sizes.push({ rows: size.rows, bytes, warm, once, cli })
    }

    if (!args.cold) results.heavy = await runHeavy(dist, tmp, REPORT_COLUMNS)
    if (args.heavy) {
      if (args.json) writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`)
      process.stdout.write(format(results))
      return
    }

    log(`cold start, ${COLD_RUNS} runs each`)
    results.coldStart.action = await coldStartAction(dist, tmp)
    // The same with a policy file in the workspace (YAML and schema validation before the first request).
    const withPolicy = join(tmp, 'with-policy')
    mkdirSync(join(withPolicy, '.github'), { recursive: true })
    copyFileSync(
      join(ROOT, 'examples', 'iam-credential-policy.yml'),
      join(withPolicy, '.github', 'iam-credential-policy.yml')
    )
    results.coldStart.actionWithPolicy = await coldStartAction(dist, withPolicy)
    results.coldStart.version = await coldStartVersion(dist)

    for (const file of ['index.js', 'cli/index.js']) {
      const path = join(dist, file)
      if (!existsSync(path)) continue
      const content = readFileSync(path)
      results.bundles.push({
        file: `dist/${file}`,
        bytes: content.length,
        gzip: gzipSync(content, { level: 9 }).length
      })
    }
    results.machine.loadAverageAfter = loadavg().map(l => Number(l.toFixed(2)))
  } finally {
    if (!args.keep) rmSync(tmp, { recursive: true, force: true })
  }
  if (args.json) writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`)
  process.stdout.write(format(results))
}

/** The CLI bundle on a report with every output the issue lists: summary, SARIF, JSON. */
async function runCli(dist, report, tmp, runs) {
  const cli = join(dist, 'cli', 'index.js')
  const probe = pathToFileURL(join(ROOT, 'bench', 'rss-probe.mjs')).href
  const rssFile = join(tmp, 'cli-rss')
  const out = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const r = await run(
      process.execPath,
      [
        '--import',
        probe,
        cli,
        '--report',
        report,
        '--now',
        new Date(NOW).toISOString(),
        '--format',
        'markdown',
        '--output',
        join(tmp, 'out.md'),
        '--sarif',
        join(tmp, 'out.sarif'),
        '--json',
        join(tmp, 'out.json'),
        '--soft-fail'
      ],
      { env: { ...process.env, BENCH_RSS_FILE: rssFile } }
    )
    const wall = performance.now() - t0
    const maxRssMiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : null
    rmSync(rssFile, { force: true })
    out.push({
      wall,
      maxRssMiB,
      code: r.code,
      error: r.code === 0 ? null : r.stderr.trim().split('\n')[0]
    })
  }
  for (const f of ['out.md', 'out.sarif', 'out.json']) rmSync(join(tmp, f), { force: true })
  return out
}

/** Rows of the heavy report: a badly kept account of about 1.6 million findings. */
const HEAVY_ROWS = 500_000

/**
 * The CLI bundle on the heavy report in every format, once to standard
 * output (discarded: /dev/null) and once with `--output FILE`: each must
 * finish with the gate's exit code (0 with --soft-fail), not an internal error.
 */
async function runHeavy(dist, tmp, columns) {
  const cli = join(dist, 'cli', 'index.js')
  const report = join(tmp, `report-heavy-${HEAVY_ROWS}.csv`)
  writeFileSync(report, generateReport(HEAVY_ROWS, columns, undefined, { mix: 'heavy' }))
  const bytes = statSync(report).size
  const probe = pathToFileURL(join(ROOT, 'bench', 'rss-probe.mjs')).href
  const rssFile = join(tmp, 'cli-rss')
  const runs = []
  for (const format of ['table', 'json', 'markdown', 'sarif']) {
    for (const to of ['stdout', 'file']) {
      log(`${count(HEAVY_ROWS)} rows, heavy mix: --format ${format} to ${to}`)
      const out = join(tmp, `heavy.${format}`)
      const t0 = performance.now()
      const r = await run(
        process.execPath,
        [
          '--import',
          probe,
          cli,
          '--report',
          report,
          '--now',
          new Date(NOW).toISOString(),
          '--format',
          format,
          ...(to === 'file' ? ['--output', out] : []),
          '--soft-fail'
        ],
        { env: { ...process.env, BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'ignore', 'pipe'] }
      )
      const wall = performance.now() - t0
      const maxRssMiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : null
      const outBytes = to === 'file' && existsSync(out) ? statSync(out).size : null
      rmSync(rssFile, { force: true })
      rmSync(out, { force: true })
      runs.push({
        format,
        to,
        wall,
        maxRssMiB,
        outBytes,
        code: r.code,
        error: r.code === 0 ? null : r.stderr.trim().split('\n')[0]
      })
    }
  }
  rmSync(report)
  return { rows: HEAVY_ROWS, bytes, runs }
}

/** The environment a GitHub runner gives the action, for a live audit against `endpoint`. */
function actionEnv(endpoint, tmp) {
  const env = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(AWS_|ACTIONS_|GITHUB_|INPUT_|RUNNER_)/.test(k)) env[k] = v
  }
  const nowhere = join(tmp, 'no-aws-config')
  for (const f of ['output', 'state', 'summary', 'env', 'path']) writeFileSync(join(tmp, f), '')
  writeFileSync(join(tmp, 'event.json'), '{}')
  return Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_EVENT_PATH: join(tmp, 'event.json'),
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_WORKSPACE: tmp,
    GITHUB_OUTPUT: join(tmp, 'output'),
    GITHUB_STATE: join(tmp, 'state'),
    GITHUB_STEP_SUMMARY: join(tmp, 'summary'),
    GITHUB_ENV: join(tmp, 'env'),
    GITHUB_PATH: join(tmp, 'path'),
    RUNNER_TEMP: tmp,
    'INPUT_AWS-REGION': 'us-east-1',
    INPUT_AUDIENCE: 'sts.amazonaws.com',
    'INPUT_ROLE-SESSION-NAME': 'iam-credential-gate',
    'INPUT_ROLE-DURATION-SECONDS': '900',
    'INPUT_SOFT-FAIL': 'false',
    'INPUT_SARIF-FILE': 'iam-credential-gate.sarif',
    'INPUT_REPORT-TIMEOUT-SECONDS': '120',
    'INPUT_MAX-REPORT-AGE-HOURS': '24',
    'INPUT_RESOLVE-KEY-IDS': 'true',
    // The ambient credential chain with static keys: no role to assume, no metadata service.
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: nowhere,
    AWS_SHARED_CREDENTIALS_FILE: nowhere,
    AWS_ENDPOINT_URL_IAM: endpoint,
    AWS_ENDPOINT_URL_STS: endpoint
  })
}

/** `node dist/index.js` from spawn until the local endpoint sees its first request. */
async function coldStartAction(dist, tmp) {
  const entry = join(dist, 'index.js')
  if (!existsSync(entry)) return { error: `${entry} not found (npm run build)` }
  const server = await startFirstRequestServer()
  const times = []
  const actions = new Set()
  try {
    const env = actionEnv(server.url, tmp)
    for (let i = 0; i < COLD_RUNS; i++) {
      const next = server.nextRequest()
      const t0 = performance.now()
      const child = spawn(process.execPath, [entry], {
        cwd: tmp,
        env,
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let output = ''
      child.stdout.setEncoding('utf8').on('data', d => (output += d))
      child.stderr.setEncoding('utf8').on('data', d => (output += d))
      const exited = new Promise(r => child.on('exit', () => r(null)))
      const first = await Promise.race([next, exited])
      if (first === null) {
        return { error: `the action exited before any AWS request: ${output.trim().slice(0, 300)}` }
      }
      times.push(first.at - t0)
      actions.add(first.action)
      child.kill('SIGKILL')
      await exited
    }
  } finally {
    await server.close()
  }
  return { times, firstRequest: [...actions].join(', ') }
}

/** `node dist/cli/index.js --version`, from spawn to exit. */
async function coldStartVersion(dist) {
  const entry = join(dist, 'cli', 'index.js')
  if (!existsSync(entry)) return { error: `${entry} not found (npm run build)` }
  const times = []
  let version = ''
  for (let i = 0; i < COLD_RUNS; i++) {
    const t0 = performance.now()
    const r = await mustRun(process.execPath, [entry, '--version'])
    times.push(performance.now() - t0)
    version = r.stdout.trim()
  }
  return { times, version }
}

function format(r) {
  const out = []
  const m = r.machine
  out.push(
    `IAM Credential Gate benchmarks: ${m.cpus} × ${m.cpu}, Node ${m.node}, load average ${m.loadAverageBefore.join(' ')} before and ${m.loadAverageAfter?.join(' ') ?? '?'} after`,
    `Bundles: ${r.dist}. Times in ms. Synthetic reports from bench/generate.mjs, evaluated with the built-in policy at ${new Date(NOW).toISOString()}.`,
    ''
  )

  if (r.sizes.length > 0) formatSizes(r, out)
  if (r.heavy) formatHeavy(r.heavy, out)
  if (!r.coldStart.action) return `${out.join('\n')}\n`

  out.push(`Cold start (${COLD_RUNS} runs each)`, '')
  const cold = (name, c) =>
    c.error
      ? [name, '—', '—', '—', c.error]
      : [
          name,
          ms(median(c.times)),
          ms(min(c.times)),
          ms(Math.max(...c.times)),
          c.firstRequest ? `first request: ${c.firstRequest}` : `printed ${c.version}`
        ]
  out.push(
    table(
      ['command', 'median', 'min', 'max', 'note'],
      [
        cold('`node dist/index.js` to first AWS request', r.coldStart.action),
        cold('the same, with a policy file', r.coldStart.actionWithPolicy),
        cold('`node dist/cli/index.js --version`', r.coldStart.version)
      ]
    ),
    ''
  )

  out.push('Bundles', '')
  out.push(
    table(
      ['file', 'bytes', 'gzip -9'],
      r.bundles.map(b => [
        b.file,
        `${count(b.bytes)} (${mib(b.bytes)} MiB)`,
        `${count(b.gzip)} (${mib(b.gzip)} MiB)`
      ])
    ),
    ''
  )
  return `${out.join('\n')}\n`
}

main().catch(error => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`)
  process.exitCode = 1
})

/** The CLI on the heavy report, by format and destination. */
function formatHeavy(h, out) {
  out.push(
    `CLI on a badly kept account: ${count(h.rows)} rows (${mib(h.bytes)} MiB, about 3.2 findings per row, \`generateReport(..., { mix: 'heavy' })\`), \`--format F\` to standard output (/dev/null) or \`--output FILE\`, one run each`,
    ''
  )
  out.push(
    table(
      ['format', 'to', 'wall', 'peak RSS', 'output', 'exit'],
      h.runs.map(x => [
        x.format,
        x.to,
        ms(x.wall),
        x.maxRssMiB === null ? '—' : `${x.maxRssMiB.toFixed(0)} MiB`,
        x.outBytes === null ? '—' : `${mib(x.outBytes)} MiB`,
        x.code === 0 ? '0' : `${x.code}: ${x.error}`
      ])
    ),
    ''
  )
}

/** The tables per report size: warm, once, CLI, linearity. */
function formatSizes(r, out) {
  out.push('Warm: each phase repeated in one process after warm-up runs (median / min)', '')
  out.push(
    table(
      [
        'rows',
        'report',
        'findings',
        'runs',
        'parse',
        'evaluate',
        'parse + evaluate',
        'summary',
        'SARIF',
        'JSON',
        'render total'
      ],
      r.sizes.map(s => {
        const w = s.warm.samples
        const pe = w.parse.map((p, i) => p + w.evaluate[i])
        const render = w.summary.map((x, i) => x + w.sarif[i] + w.json[i])
        const cell = xs => `${ms(median(xs))} / ${ms(min(xs))}`
        return [
          count(s.rows),
          `${mib(s.bytes)} MiB`,
          count(s.warm.findings),
          String(w.parse.length),
          cell(w.parse),
          cell(w.evaluate),
          cell(pe),
          cell(w.summary),
          cell(w.sarif),
          cell(w.json),
          cell(render)
        ]
      })
    ),
    ''
  )

  out.push(
    'Once: the whole audit in a fresh process (read and parse in blocks, evaluate, summary, SARIF, JSON; median of runs, peak RSS the largest)',
    ''
  )
  out.push(
    table(
      [
        'rows',
        'runs',
        'read + parse',
        'evaluate',
        'summary',
        'SARIF',
        'JSON',
        'total',
        'peak RSS',
        'µs/row'
      ],
      r.sizes.map(s => {
        const phase = name => ms(median(s.once.map(o => o.times[name])))
        const total = median(s.once.map(o => o.times.total))
        return [
          count(s.rows),
          String(s.once.length),
          phase('read + parse'),
          phase('evaluate'),
          phase('summary'),
          phase('sarif'),
          phase('json'),
          ms(total),
          `${Math.max(...s.once.map(o => o.maxRssMiB)).toFixed(0)} MiB`,
          ((total * 1000) / s.rows).toFixed(2)
        ]
      })
    ),
    ''
  )

  out.push(
    'CLI: `iam-credential-gate --report FILE --format markdown --output F --sarif F --json F`, wall time from spawn to exit (median), peak RSS the largest',
    ''
  )
  out.push(
    table(
      ['rows', 'runs', 'wall', 'peak RSS', 'µs/row', 'exit'],
      r.sizes.map(s => {
        const ok = s.cli.filter(c => c.code === 0)
        if (ok.length === 0) {
          return [
            count(s.rows),
            String(s.cli.length),
            '—',
            '—',
            '—',
            `${s.cli[0]?.code}: ${s.cli[0]?.error}`
          ]
        }
        const wall = median(ok.map(c => c.wall))
        return [
          count(s.rows),
          String(ok.length),
          ms(wall),
          `${Math.max(...ok.map(c => c.maxRssMiB ?? 0)).toFixed(0)} MiB`,
          ((wall * 1000) / s.rows).toFixed(2),
          '0'
        ]
      })
    ),
    ''
  )

  const base = r.sizes[0]
  out.push(
    'Linearity: time per row (µs), warm medians and once totals, relative to the smallest size',
    ''
  )
  out.push(
    table(
      ['rows', 'parse', 'evaluate', 'render total', 'once total', 'once total vs 5,001'],
      r.sizes.map(s => {
        const w = s.warm.samples
        const per = x => ((x * 1000) / s.rows).toFixed(2)
        const render = median(w.summary.map((x, i) => x + w.sarif[i] + w.json[i]))
        const total = median(s.once.map(o => o.times.total))
        const baseTotal = median(base.once.map(o => o.times.total))
        return [
          count(s.rows),
          per(median(w.parse)),
          per(median(w.evaluate)),
          per(render),
          per(total),
          `${(total / s.rows / (baseTotal / base.rows)).toFixed(2)}×`
        ]
      })
    ),
    ''
  )
}
