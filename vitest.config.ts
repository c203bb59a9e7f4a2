import { defineConfig } from 'vitest/config';

// Test files that need the real S3 server (scripts/s3-test-server): a project of their own,
// because vitest runs a project's global setup only when one of its files is about to run,
// so `vitest run tests/unit/…` never waits for Swift to start.
const S3_TESTS = ['tests/integration/**/*-s3*.test.ts'];

export default defineConfig({
  test: {
    // Real scrypt, real files: some tests take seconds by design.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: run files in parallel, but not more than the machine has.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'tamga', include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'], exclude: S3_TESTS },
      },
      {
        extends: true,
        test: { name: 's3', include: S3_TESTS, globalSetup: ['tests/helpers/s3-global-setup.ts'] },
      },
    ],
  },
});
