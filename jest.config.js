/** @type {import('jest').Config} */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  resolver: 'ts-jest-resolver',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }]
  },
  testTimeout: 60000,
  // Two workers on the 2-core machines here: most test time is spent waiting on
  // the bundles the tests spawn and on the local fake AWS, not on the CPU.
  maxWorkers: 2,
  // Property tests run from one seed (FC_SEED, or a fixed default), printed when one fails.
  setupFilesAfterEnv: ['<rootDir>/__tests__/support/fast-check-seed.ts'],
  // The bundle-based tests run dist/: rebuilt first when src/ changed since it was built.
  globalSetup: '<rootDir>/__tests__/support/fresh-bundles.mjs'
}
