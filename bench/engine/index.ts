/**
 * What the benchmarks call: the pure engine (parse, evaluate, render), bundled
 * by `bench/run.mjs` with ncc into a temporary folder, as `dist/` is built.
 */
export { parseCredentialReport } from '../../src/report/parse.js'
export { evaluate } from '../../src/evaluate.js'
export { defaultPolicy } from '../../src/policy/load.js'
export { renderSummary } from '../../src/render/summary.js'
export { renderSarif } from '../../src/render/sarif.js'
export { renderJson } from '../../src/render/json.js'
export { renderFormat } from '../../src/outputs.js'
export { renderJsonPieces } from '../../src/render/json.js'
export { VERSION } from '../../src/version.js'
export { parseReportPieces } from '../../src/report/parse.js'
export { readFileBlocks } from '../../src/io/read-input.js'
export { REPORT_COLUMNS } from '../../src/report/types.js'
