// Mutation testing of the core (`npm run mutate`, not part of `npm test`).
// Runs only the in-process unit tests of the mutated modules, one process at a
// time (the machine is shared). Slow: run a file at a time with
// `npm run mutate -- --mutate src/gate.ts`. Last score and survivors: README.md
// (Development, mutation testing). Known survivors, both equivalent: in
// src/policy/match.ts the empty-matcher shortcut and the matcher cache.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'src/rules/**/*.ts',
    'src/evaluate.ts',
    'src/policy/match.ts',
    'src/gate.ts',
    'src/fingerprint.ts'
  ],
  testRunner: 'jest',
  jest: {
    configFile: 'jest.config.js',
    config: {
      // Unit tests only: never the bundle-based action tests, so no bundle rebuild either.
      globalSetup: undefined,
      testMatch: [
        '<rootDir>/__tests__/rules/**/*.test.ts',
        '<rootDir>/__tests__/evaluate.test.ts',
        '<rootDir>/__tests__/root-row.test.ts',
        '<rootDir>/__tests__/gate.test.ts',
        '<rootDir>/__tests__/fingerprint.test.ts',
        '<rootDir>/__tests__/policy/match.test.ts',
        '<rootDir>/__tests__/finding-order.test.ts'
      ]
    },
    enableFindRelatedTests: false
  },
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  coverageAnalysis: 'perTest',
  concurrency: 1,
  timeoutMS: 60000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  ignoreStatic: true
}
