/**
 * The Electron smoke test (`npm run test:electron`): the real app, launched by Playwright's
 * _electron, after `npm run build`. Not part of `npm test`, which must run where the
 * Electron binary cannot be downloaded; there this suite skips with one line.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  globalSetup: './tests/electron/global-setup.ts',
  outputDir: 'test-results/electron',
  reporter: [['list']],
});
