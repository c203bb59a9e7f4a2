// Playback that explains itself, with the real engine in Debian's Chromium: a video this
// window cannot play (ProRes; HEVC where Chromium has no decoder for it; a file whose
// movie header was stripped) says so and why instead of a grey player, shows a real still
// frame where one was decoded and never the placeholder as if it could play; "Save a copy
// of the original…" writes a byte-identical copy where the save dialog said and records an
// `extracted` custody event; a playable preview (WebM from the bundled ffmpeg) is made on
// request, labelled as a preview, plays, and is kept encrypted in the vault. EN, RU and KK,
// with screenshots of the can't-play state (into docs/screenshots when TAMGA_DOCS_SCREENSHOTS=1,
// so that a test run never changes tracked files).
import { execFileSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { Harness } from './harness/harness';
import { REAL } from './harness/fixture-files';
import { ROOT } from './harness/paths';
import { screenshot } from './helpers';
import { LANGS, openVaultIn, seriousViolations, strings, type Lang } from './state-helpers';

const PRORES = join(REAL, 'jcodec', 'test.prores.mov');
/** An MP4 cut inside its media data, its movie header ('moov') never written: nothing to play. */
const STRIPPED = join(ROOT, 'tests', 'fixtures', 'malformed', 'trunc', 'mp4_cut_in_mdat_no_moov.mp4');
const DOCS = process.env['TAMGA_DOCS_SCREENSHOTS'] === '1';

/** A one-second 160×120 HEVC MP4 made by the ffmpeg that comes with Tamga (libx265). */
function makeHevc(path: string): void {
  const ffmpeg = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  execFileSync(ffmpeg, ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=1:size=160x120:rate=10', '-c:v', 'libx265', '-tag:v', 'hvc1', '-x265-params', 'log-level=error', '-pix_fmt', 'yuv420p', path]);
}

async function importFiles(app: Harness, lang: Lang, paths: readonly string[]): Promise<void> {
  const t = strings(lang);
  await app.dropFiles('.workspace', paths);
  const panel = app.page.getByRole('region', { name: t('import.panel') });
  await expect(panel.getByText(t('import.finished'))).toBeVisible({ timeout: 120_000 });
  await panel.getByRole('button', { name: t('common.close') }).click();
}

async function openItem(page: Page, lang: Lang, name: RegExp, heading: string): Promise<Locator> {
  await page.getByRole('gridcell', { name }).click();
  const detail = page.getByRole('complementary', { name: strings(lang)('detail.title') });
  await expect(detail.getByRole('heading', { name: heading })).toBeVisible();
  return detail;
}

async function itemId(app: Harness, name: string): Promise<string> {
  const listed = await app.engine.callEngine('listItems', undefined);
  const id = listed.ok ? (listed.value as Array<{ id: string; originalName: string }>).find((i) => i.originalName === name)?.id : undefined;
  if (id === undefined) throw new Error(`no item ${name}`);
  return id;
}

async function canPlay(page: Page, type: string): Promise<boolean> {
  return page.evaluate((t) => document.createElement('video').canPlayType(t) !== '', type);
}

test('a video the window cannot play says why, shows its still, saves a byte-identical copy and gets a playable preview', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const t = strings('en');
  const hevc = join(app.dir, 'hevc-clip.mp4');
  makeHevc(hevc);
  const vault = await openVaultIn(app, 'en');
  await importFiles(app, 'en', [PRORES, STRIPPED, hevc]);

  // ProRes: no browser decodes it. The reason, the still decoded at import, no player.
  let detail = await openItem(page, 'en', /test\.prores\.mov/, 'test.prores.mov');
  const cannot = detail.getByTestId('cannot-play');
  await expect(cannot.getByRole('status').first()).toContainText('This window cannot play ProRes video.');
  await expect(cannot).toContainText('Open with another player: save a copy of the original');
  const still = cannot.getByRole('img', { name: 'A still frame from test.prores.mov' });
  await expect(still).toBeVisible();
  await expect.poll(() => still.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(cannot).toContainText('A still frame from the video, not the video itself.');
  await expect(detail.locator('video')).toHaveCount(0);

  // Save a copy of the original…: the dialog suggests the original's name; the copy is the
  // original byte for byte, the pane says where it went, the custody chain records it.
  const copy = join(app.dir, 'saved copy.mov');
  app.answerNextSaveDialog(copy);
  await detail.getByRole('button', { name: 'Save a copy of the original…' }).click();
  await expect(detail.getByText(t('playback.saved', { path: copy }))).toBeVisible();
  expect(app.saveDialogs).toEqual(['test.prores.mov']);
  expect((await readFile(copy)).equals(await readFile(PRORES))).toBe(true);
  const proresId = await itemId(app, 'test.prores.mov');
  const got = await app.engine.callEngine('getItem', proresId);
  const custody = got.ok ? (got.value as { custody: Array<{ event: { type: string; data: Record<string, unknown> } }> }).custody : [];
  const extracted = custody.filter((r) => r.event.type === 'extracted');
  expect(extracted).toHaveLength(1);
  expect(extracted[0]?.event.data).toMatchObject({ to: copy, size: (await readFile(PRORES)).length });
  await expect(detail.getByRole('list', { name: 'Custody timeline' }).locator('[data-event-type="extracted"]')).toHaveCount(1);
  await shot(page, 'playback-saved-copy-en');
  // Cancelled in the dialog: nothing written, nothing recorded, nothing said.
  app.answerNextSaveDialog(null);
  await detail.getByRole('button', { name: 'Save a copy of the original…' }).click();
  await expect(detail.getByText(t('playback.saved', { path: copy }))).toHaveCount(0);
  await expect(detail.getByRole('list', { name: 'Custody timeline' }).locator('[data-event-type="extracted"]')).toHaveCount(1);

  // The playable preview: made on request, labelled as a preview, and it plays.
  await detail.getByRole('button', { name: 'Make a playable preview' }).click();
  const preview = detail.locator('video[aria-label="Preview of test.prores.mov (not the original)"]');
  await expect(preview).toBeVisible({ timeout: 90_000 });
  await expect(detail.getByText('Preview, not the original: at most the first 30 seconds, at low resolution.')).toBeVisible();
  const picture = await preview.evaluate(
    (video: HTMLVideoElement) =>
      new Promise<{ width: number; height: number }>((resolve, reject) => {
        const done = (): void => resolve({ width: video.videoWidth, height: video.videoHeight });
        if (video.readyState >= 2) done();
        video.addEventListener('loadeddata', done, { once: true });
        video.addEventListener('error', () => reject(new Error(`preview error ${String(video.error?.code)}`)), { once: true });
        video.muted = true;
        void video.play().catch(() => undefined);
      }),
  );
  expect(picture.width).toBeGreaterThan(0);
  expect(picture.height).toBeGreaterThan(0);
  await shot(page, 'playback-preview-en');
  // Kept encrypted: the one file in previews/ is a Tamga blob, no WebM on disk.
  const fans = await readdir(join(vault, 'previews'));
  expect(fans).toHaveLength(1);
  const [kept] = await readdir(join(vault, 'previews', fans[0] ?? ''));
  const bytes = await readFile(join(vault, 'previews', fans[0] ?? '', kept ?? ''));
  expect(bytes.subarray(0, 8).toString('latin1')).toBe('TAMGBLOB');
  expect(bytes.includes(Buffer.from('webm'))).toBe(false);
  // Ready next time without asking again.
  await page.getByRole('gridcell', { name: /hevc-clip\.mp4/ }).click();
  detail = await openItem(page, 'en', /test\.prores\.mov/, 'test.prores.mov');
  await expect(detail.locator('video[aria-label="Preview of test.prores.mov (not the original)"]')).toBeVisible();

  // The stripped video: no track to play, and its placeholder is not shown as a poster.
  detail = await openItem(page, 'en', /mp4_cut_in_mdat_no_moov\.mp4/, 'mp4_cut_in_mdat_no_moov.mp4');
  await expect(detail.getByTestId('cannot-play')).toContainText('The file has no playable video track.');
  await expect(detail.getByTestId('cannot-play').getByRole('img')).toHaveCount(0);
  await expect(detail.locator('video')).toHaveCount(0);
  await expect(detail.getByRole('button', { name: 'Make a playable preview' })).toHaveCount(0);
  await expect(detail.getByRole('button', { name: 'Save a copy of the original…' })).toBeVisible();

  // HEVC: the engine read 'hvc1'; this Chromium says whether it decodes HEVC.
  detail = await openItem(page, 'en', /hevc-clip\.mp4/, 'hevc-clip.mp4');
  const hevcDecoded = await canPlay(page, 'video/mp4; codecs="hvc1.1.6.L93.B0"');
  test.info().annotations.push({ type: 'HEVC', description: hevcDecoded ? 'this Chromium decodes HEVC' : 'this Chromium has no HEVC decoder' });
  if (hevcDecoded) {
    await expect(detail.locator('video[aria-label="Video hevc-clip.mp4"]')).toBeVisible();
  } else {
    await expect(detail.getByTestId('cannot-play')).toContainText('This window cannot play HEVC video.');
    await detail.getByRole('button', { name: 'Make a playable preview' }).click();
    await expect(detail.locator('video[aria-label="Preview of hevc-clip.mp4 (not the original)"]')).toBeVisible({ timeout: 90_000 });
  }
});

test("the player's own events decide where the engine's facts do not: a codec it does not know, refused when played", async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await openVaultIn(app, 'en');
  // A real H.264 MP4 whose sample entry is renamed 'zzzz': no table knows it, no player decodes it.
  const renamed = join(app.dir, 'renamed-codec.mp4');
  const bytes = await readFile(join(REAL, 'jcodec', 'orientation.mp4'));
  const at = bytes.indexOf('avc1', bytes.indexOf('stsd'));
  expect(at).toBeGreaterThan(0);
  bytes.write('zzzz', at, 'latin1');
  await writeFile(renamed, bytes);
  await importFiles(app, 'en', [renamed]);
  const detail = await openItem(page, 'en', /renamed-codec\.mp4/, 'renamed-codec.mp4');
  // Nothing is said before the player tries: a player, no verdict.
  const video = detail.locator('video[aria-label="Video renamed-codec.mp4"]');
  await expect(video).toBeVisible();
  await expect(detail.getByTestId('cannot-play')).toHaveCount(0);
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    void v.play().catch(() => undefined);
  });
  // The player refused it (MEDIA_ERR_SRC_NOT_SUPPORTED): the pane says so, naming the code the file gives.
  await expect(detail.getByTestId('cannot-play')).toContainText('This window cannot play zzzz video.');
  await expect(detail.locator('video')).toHaveCount(0);
  await expect(detail.getByRole('button', { name: 'Make a playable preview' })).toBeVisible();
});

for (const lang of LANGS) {
  test(`the can't-play state in ${lang}: the reason, the still and Save a copy, in the window's language`, async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    const t = strings(lang);
    await openVaultIn(app, lang);
    await importFiles(app, lang, [PRORES]);
    const detail = await openItem(page, lang, /test\.prores\.mov/, 'test.prores.mov');
    const cannot = detail.getByTestId('cannot-play');
    await expect(cannot).toContainText(t('playback.cannotCodec', { codec: 'ProRes' }));
    await expect(cannot).toContainText(t('playback.otherPlayer'));
    await expect(cannot.getByRole('img', { name: t('playback.stillAlt', { name: 'test.prores.mov' }) })).toBeVisible();
    await expect(detail.getByRole('button', { name: t('playback.saveCopy') })).toBeVisible();
    await expect(detail.getByRole('button', { name: t('playback.makePreview') })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await detail.getByRole('heading', { name: 'test.prores.mov' }).scrollIntoViewIfNeeded();
    await shot(page, `playback-cannot-play-${lang}`);
  });
}

/** Into docs/screenshots when TAMGA_DOCS_SCREENSHOTS=1, else test-results/screenshots. */
async function shot(page: Page, name: string): Promise<void> {
  if (DOCS) await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', `${name}.png`) });
  else await screenshot(page, name);
}
