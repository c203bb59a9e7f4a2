/**
 * The `app` fixture: a started harness per test, closed after it; a test fails if the
 * page threw or opened a dialog it did not expect.
 */
import { test as base, expect } from '@playwright/test';
import { startHarness, type Harness } from './harness/harness';

export const test = base.extend<{ app: Harness }>({
  app: async ({ page }, use) => {
    const app = await startHarness(page);
    await use(app);
    await app.close();
    expect(app.pageErrors, 'errors thrown in the page').toEqual([]);
  },
});

export { expect };
