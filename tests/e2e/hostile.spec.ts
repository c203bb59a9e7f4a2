// Evidence text is only ever text: file names and EXIF strings that are HTML or script
// go through import into the grid, the detail pane, the summary and the custody
// timeline, and nothing runs and nothing is injected.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect, test } from './fixtures';
import { importByDrop, openNewVault, screenshot } from './helpers';
import { REAL } from './harness/fixture-files';

const IMG_NAME = '<img src=x onerror=alert(1)>.jpg';
// A file name cannot hold '/', so no closing </script> tag: an SVG handler instead.
const SCRIPT_NAME = '<svg onload=alert(2)><script>alert(2).jpg';
const EXIF_MAKE = '<img src=x onerror=alert(3)>';
const EXIF_MODEL = '<script>alert(4)</script>';

test('hostile names and EXIF strings are shown as text, and nothing runs', async ({ app }) => {
  const { page } = app;
  const dir = join(app.dir, 'hostile');
  await mkdir(dir);
  await copyFile(join(REAL, 'orientation', 'Landscape_1.jpg'), join(dir, IMG_NAME));
  await sharp({ create: { width: 64, height: 48, channels: 3, background: '#4a7' } })
    .jpeg()
    .withExif({ IFD0: { Make: EXIF_MAKE, Model: EXIF_MODEL, Software: '"><svg onload=alert(5)>' } })
    .toFile(join(dir, SCRIPT_NAME));

  await page.evaluate(() => {
    (window as unknown as { injected: number }).injected = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof Element && (node.matches('script, svg[onload], img[src="x"]') || node.querySelector('script, svg[onload], img[src="x"]') !== null)) {
            (window as unknown as { injected: number }).injected += 1;
          }
        }
      }
    }).observe(document, { subtree: true, childList: true });
  });

  await openNewVault(app);
  const panel = await importByDrop(app, [join(dir, IMG_NAME), join(dir, SCRIPT_NAME)]);
  await expect(panel.getByText('2 new items')).toBeVisible();
  await panel.getByRole('button', { name: 'Close' }).click();

  await expect(page.getByRole('gridcell', { name: IMG_NAME })).toBeVisible();
  await expect(page.getByRole('gridcell', { name: SCRIPT_NAME })).toBeVisible();
  await page.getByRole('gridcell', { name: SCRIPT_NAME }).click();
  const detail = page.getByRole('complementary', { name: 'Item details' });
  await expect(detail.getByRole('heading', { name: SCRIPT_NAME })).toBeVisible();
  await expect(detail.locator('[data-fact="device"]')).toContainText(`${EXIF_MAKE} ${EXIF_MODEL}`);
  await expect(detail.locator('[data-fact="software"]')).toContainText('"><svg onload=alert(5)>');
  await expect(detail.locator('[data-event-type="acquired"]')).toContainText(SCRIPT_NAME);
  await screenshot(page, '12-hostile-names');

  expect(app.dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { injected: number }).injected)).toBe(0);
  expect(await page.locator('img[src="x"], script:not([src]), svg[onload]').count()).toBe(0);
});
