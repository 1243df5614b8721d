/**
 * One benchmark process, started by `bench/run.mjs` so that each size gets a
 * fresh heap and its own peak RSS. Prints one JSON line on standard output.
 *
 *   node bench/measure.mjs warm ENGINE REPORT REPEATS WARMUPS
 *     Each phase in its own loop (WARMUPS untimed runs, then REPEATS timed
 *     runs), so one phase's garbage is not collected during another's timing.
 *   node bench/measure.mjs once ENGINE REPORT
 *     The whole audit once, as the CLI does it in a fresh process: read and
 *     parse the file (in blocks), evaluate, render the summary, SARIF and
 *     JSON (each dropped once rendered, as the CLI writes it). Times each
 *     phase and the total.
 *
 * ENGINE is the bundle of `bench/engine/index.ts`; REPORT a credential report file.
 */
import { readFile } from 'node:fs/promises'
import { NOW } from './generate.mjs'

const [mode, enginePath, reportPath, repeatsArg, warmupsArg] = process.argv.slice(2)
const E = await import(enginePath)
const policy = E.defaultPolicy()
/** The CLI reads reports up to 256 MiB (MAX_REPORT_BYTES); let the parser take them too. */
const MAX_BYTES = 256 * 1024 * 1024

function context(evaluation) {
  return {
    evaluation,
    policy,
    toolVersion: E.VERSION,
    reportGeneratedAt: null,
    reportSource: { kind: 'file', path: 'credential-report.csv' },
    now: NOW
  }
}

const phases = {
  parse: bytes => E.parseCredentialReport(bytes, { maxBytes: MAX_BYTES }),
  evaluate: report => E.evaluate(report, policy, NOW),
  summary: ctx => E.renderSummary(ctx),
  // As the CLI writes it: the SARIF log, serialised with two-space indentation.
  sarif: ctx => E.renderFormat(ctx, 'sarif'),
  // As the CLI writes it: one string, or pieces for a large document (their
  // lengths summed here; the CLI writes each piece and drops it).
  json: ctx => {
    const out = E.renderJsonPieces ? E.renderJsonPieces(ctx) : E.renderJson(ctx)
    if (typeof out === 'string') return out
    let length = 0
    for (const piece of out) length += piece.length
    return { length }
  }
}

function rssMiB() {
  return process.resourceUsage().maxRSS / 1024
}

if (mode === 'warm') {
  const repeats = Number(repeatsArg)
  const warmups = Number(warmupsArg)
  const samples = {}
  const loop = (name, input) => {
    let result
    const times = []
    for (let i = 0; i < warmups + repeats; i++) {
      const t0 = performance.now()
      result = phases[name](input)
      const dt = performance.now() - t0
      if (i >= warmups) times.push(dt)
    }
    samples[name] = times
    return result
  }
  const bytes = await readFile(reportPath)
  const report = loop('parse', bytes)
  const evaluation = loop('evaluate', report)
  const ctx = context(evaluation)
  const sizes = {}
  for (const name of ['summary', 'sarif', 'json']) sizes[name] = loop(name, ctx).length
  const users = report.users.length + (report.root ? 1 : 0)
  const findings = evaluation.findings.length
  console.log(JSON.stringify({ mode, samples, rows: users, findings, sizes, maxRssMiB: rssMiB() }))
} else if (mode === 'once') {
  const times = {}
  const start = performance.now()
  let t0 = start
  const lap = name => {
    const t = performance.now()
    times[name] = t - t0
    t0 = t
  }
  // As the CLI reads it: in blocks, parsed as they are read.
  const options = { maxBytes: MAX_BYTES }
  const report =
    E.parseReportPieces(E.readFileBlocks(reportPath, options), options) ??
    phases.parse(await readFile(reportPath))
  lap('read + parse')
  const ctx = context(phases.evaluate(report))
  lap('evaluate')
  for (const name of ['summary', 'sarif', 'json']) {
    phases[name](ctx)
    lap(name)
  }
  times.total = performance.now() - start
  console.log(JSON.stringify({ mode, times, maxRssMiB: rssMiB() }))
} else {
  console.error('usage: measure.mjs warm|once ENGINE REPORT [REPEATS WARMUPS]')
  process.exit(2)
}
