// The detail pane against real files: metadata with each field's source and plain
// "unknown" wording, hashes, acquisitions, the custody timeline, and a video that streams
// through the media route with Range requests (206) under safe headers.
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { importByDrop, openNewVault, screenshot } from './helpers';
import { REAL } from './harness/fixture-files';

const VIDEO = join(REAL, 'mei', 'with-gps.mov');
const PHOTO = join(REAL, 'mei', 'Apple iPhone 4.jpg');
const XMP_ZONE = join(REAL, 'mei', 'Canon EOS 7D.jpg');
const UNDATED = join(REAL, 'mei', 'Casio QV-7000SX.jpg');
const BELOW_SEA = join(REAL, 'mei', 'Issue 173 (dotnet).jpg');
const NO_FIX = join(REAL, 'mei', 'Samsung GT-I9000 (Galaxy S).jpg');

test('an item shows its facts with their sources, hashes and custody timeline', async ({ app }) => {
  const { page } = app;
  await openNewVault(app);
  await (await importByDrop(app, [PHOTO, XMP_ZONE, VIDEO])).getByRole('button', { name: 'Close' }).click();
  const detail = page.getByRole('complementary', { name: 'Item details' });
  const fact = (key: string) => detail.locator(`[data-fact="${key}"]`);

  await page.getByRole('gridcell', { name: /Canon EOS 7D\.jpg/ }).click();
  await expect(detail.getByRole('heading', { name: 'Canon EOS 7D.jpg' })).toBeVisible();
  // Its zone is only in XMP (the editing software's): a hint with its reason, not a known instant.
  await expect(fact('taken')).toContainText('12 Dec 2010, 12:41:35 (time zone unknown)');
  await expect(fact('zone-hint')).toContainText('UTC+01:00 is only a hint: XMP exif:DateTimeOriginal is written by editing software');
  await expect(fact('place')).toContainText('No location recorded');

  await page.getByRole('gridcell', { name: /Apple iPhone 4\.jpg/ }).click();
  await expect(detail.getByRole('heading', { name: 'Apple iPhone 4.jpg' })).toBeVisible();
  await expect(fact('taken')).toContainText('13 Jan 2011, 14:33:39 (time zone unknown)');
  await expect(fact('taken')).toContainText('from EXIF · EXIF DateTimeOriginal');
  await expect(fact('device')).toContainText('Apple iPhone 4');
  await expect(fact('device')).toContainText('from EXIF');
  await expect(fact('place')).toContainText('41.85300° N; 12.48883° E');
  await expect(fact('place')).toContainText('from EXIF');
  await expect(fact('dimensions')).toContainText('from the JPEG header');
  await expect(detail.getByRole('img', { name: 'Preview of Apple iPhone 4.jpg' })).toHaveJSProperty('complete', true);

  const sha = await app.engine.callEngine('listItems', undefined);
  const photoSha = sha.ok ? (sha.value as Array<{ originalName: string; sha256: string }>).find((i) => i.originalName === 'Apple iPhone 4.jpg')?.sha256 : undefined;
  await expect(detail.getByRole('region', { name: 'Hashes' }).getByText(photoSha ?? 'missing')).toBeVisible();
  await expect(detail.getByRole('region', { name: 'Hashes' }).getByRole('button', { name: 'Copy SHA-256' })).toBeVisible();
  await expect(detail.getByRole('region', { name: 'Where it came from' }).getByText(PHOTO)).toBeVisible();

  const timeline = detail.getByRole('list', { name: 'Custody timeline' });
  // One sentence per event: what, from where, by which program, when (with this computer's offset).
  const acquired = timeline.locator('[data-event-type="acquired"]');
  await expect(acquired.getByTestId('event-sentence')).toHaveText(
    new RegExp(`^Imported from ${PHOTO.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, recorded by Tamga \\S+ \\(no operator named\\), .+ [+-]\\d{2}:\\d{2}$`),
  );
  // The hash shortened, its Copy button named by what it copies, the signed record one click away.
  await expect(acquired.locator('dd code').first()).toHaveText(`${(photoSha ?? '').slice(0, 12)}…`);
  await expect(acquired.getByRole('button', { name: 'Copy SHA-256' })).toBeVisible();
  await expect(acquired.getByRole('button', { name: 'Copy event hash' })).toBeVisible();
  await expect(acquired.locator('pre')).toBeHidden();
  await acquired.getByText('Raw record (JSON)').click();
  await expect(acquired.locator('pre')).toContainText(`"sha256": "${photoSha ?? 'missing'}"`);
  await expect(acquired.locator('pre')).toContainText('"signature": "');
  await acquired.getByText('Raw record (JSON)').click();
  await screenshot(page, '10-detail-photo');
});

test('a file with no date shows no capture time beside its file time; 0°, 0° is no fix; a negative altitude is below sea level', async ({ app }) => {
  const { page } = app;
  await openNewVault(app);
  await (await importByDrop(app, [UNDATED, BELOW_SEA, NO_FIX])).getByRole('button', { name: 'Close' }).click();
  const detail = page.getByRole('complementary', { name: 'Item details' });
  const fact = (key: string) => detail.locator(`[data-fact="${key}"]`);

  const undated = page.getByRole('gridcell', { name: /Casio QV-7000SX\.jpg/ });
  await expect(undated).toContainText('No capture time');
  await undated.click();
  await expect(detail.getByRole('heading', { name: 'Casio QV-7000SX.jpg' })).toBeVisible();
  await expect(fact('taken')).toContainText(/^TakenNo capture time recorded; file modified \d{1,2} \w{3} \d{4}$/);

  await page.getByRole('gridcell', { name: /Issue 173/ }).click();
  await expect(fact('place')).toContainText('43.68739° N; 85.48352° W · 848 m below sea level');

  await page.getByRole('gridcell', { name: /Samsung GT-I9000/ }).click();
  await expect(fact('place')).toContainText('No fix (0°, 0°)');
  await screenshot(page, '10-detail-no-capture-time');
});

test('a video streams through the media URL with Range requests, and playing it is recorded', async ({ app }) => {
  const { page } = app;
  await openNewVault(app);
  await (await importByDrop(app, [VIDEO])).getByRole('button', { name: 'Close' }).click();
  await page.getByRole('gridcell', { name: /with-gps\.mov/ }).click();

  const detail = page.getByRole('complementary', { name: 'Item details' });
  await expect(detail.locator('[data-fact="place"]')).toContainText('from QuickTime location');
  await expect(detail.locator('[data-fact="taken"]')).toContainText('QuickTime');
  const video = detail.locator('video');
  await expect(video).toHaveAttribute('src', /\/media\/[A-Za-z0-9_-]{43}$/);
  const src = (await video.getAttribute('src')) ?? '';
  // No id, hash or path in the URL: only the opaque token.
  const list = await app.engine.callEngine('listItems', undefined);
  const item = list.ok ? (list.value as Array<{ id: string; sha256: string }>)[0] : undefined;
  expect(src).not.toContain(item?.id ?? 'x');
  expect(src).not.toContain(item?.sha256.slice(0, 8) ?? 'x');

  const answer = await page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { Range: 'bytes=100-1099' } });
    const body = await response.arrayBuffer();
    return { status: response.status, length: body.byteLength, headers: Object.fromEntries(response.headers) };
  }, src);
  expect(answer.status).toBe(206);
  expect(answer.length).toBe(1000);
  expect(answer.headers).toMatchObject({
    'content-range': expect.stringMatching(/^bytes 100-1099\/\d+$/),
    'content-type': 'video/quicktime',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'accept-ranges': 'bytes',
  });

  // Play, then seek: the player asks for ranges and the engine records the viewing once.
  await video.evaluate(async (element: HTMLVideoElement) => {
    element.muted = true;
    await element.play().catch(() => undefined);
    element.currentTime = 2;
  });
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.readyState)).toBeGreaterThan(0);
  // The timeline follows: the engine recorded the viewing once, however many ranges were read.
  await expect(detail.locator('[data-event-type="viewed-original"]')).toHaveCount(1);
  await screenshot(page, '11-detail-video');
});
