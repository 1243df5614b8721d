/**
 * The time the tests evaluate at. The action bundle is pinned to it through
 * `IAM_CREDENTIAL_GATE_NOW` (the harness sets it), the CLI through `--now`;
 * every date in a generated report is relative to it. It sits a few hours
 * after the newest date in `examples/credential-report.csv`, so the example's
 * findings are those the README shows.
 */
export const TEST_NOW_ISO = '2026-11-22T00:00:00Z'
export const TEST_NOW = Date.parse(TEST_NOW_ISO)
