// How smoothly the grid scrolls through 100 000 items: frame times and the main thread's
// work per frame, next to a plain static page scrolled the same way, and how long End
// takes to show the last item (not asserted: a shared CI machine's timing proves nothing;
// the figures are printed and attached). Opt-in, because it takes about three minutes
// (half a minute to make the synthetic vault, then three rounds of each measurement):
//   TAMGA_E2E_PERF=1 npx playwright test grid-performance
//   TAMGA_E2E_PERF_COUNT=20000 …   for another number of items
import { expect, test } from './fixtures';
import { openSyntheticVault, screenshot } from './helpers';

const COUNT = Number(process.env['TAMGA_E2E_PERF_COUNT'] ?? 100_000);

test.skip(process.env['TAMGA_E2E_PERF'] !== '1', 'set TAMGA_E2E_PERF=1 to measure grid scrolling');
test.setTimeout(600_000);

interface FrameStats {
  readonly frames: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly over16: number;
  readonly over33: number;
  /** Main-thread work per frame (all of it, then script, style and layout), from Chromium's own counters. */
  readonly mainThreadMsPerFrame: number;
  readonly scriptMsPerFrame: number;
  readonly styleMsPerFrame: number;
  readonly layoutMsPerFrame: number;
}

/** Chromium's cumulative main-thread counters (seconds), through the DevTools protocol. */
type Counters = Record<string, number>;

test(`grid frame times at ${COUNT} items`, async ({ app }, testInfo) => {
  const { page } = app;
  await openSyntheticVault(app, COUNT);
  await expect(page.getByTestId('item-count')).toContainText(COUNT.toLocaleString('en-GB'));
  const grid = page.getByRole('grid');
  await expect(grid.getByRole('gridcell').first()).toBeVisible();

  type Mode = 'wheel' | 'jump' | 'idle';
  // TaskDuration counts every task the page's main thread ran: divided by the frames, it is
  // what the grid asks of the thread each frame, whatever the rasteriser then takes (here
  // software on two cores; on a user's machine the GPU). The budget for 60 fps is 16.7 ms.
  const sessions = new Map<typeof page, Awaited<ReturnType<ReturnType<typeof page.context>['newCDPSession']>>>();
  const counters = async (target: typeof grid): Promise<Counters> => {
    let cdp = sessions.get(target.page());
    if (cdp === undefined) {
      cdp = await target.page().context().newCDPSession(target.page());
      await cdp.send('Performance.enable'); // counts from here on
      sessions.set(target.page(), cdp);
    }
    const { metrics } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  };
  const measureIn = async (target: typeof grid, mode: Mode): Promise<FrameStats> => {
    const before = await counters(target);
    const stats = await framesIn(target, mode);
    const after = await counters(target);
    const perFrame = (counter: string): number => Math.round((((after[counter] ?? 0) - (before[counter] ?? 0)) * 1000 * 10) / Math.max(1, stats.frames)) / 10;
    return {
      ...stats,
      mainThreadMsPerFrame: perFrame('TaskDuration'),
      scriptMsPerFrame: perFrame('ScriptDuration'),
      styleMsPerFrame: perFrame('RecalcStyleDuration'),
      layoutMsPerFrame: perFrame('LayoutDuration'),
    };
  };
  type Frames = Omit<FrameStats, 'mainThreadMsPerFrame' | 'scriptMsPerFrame' | 'styleMsPerFrame' | 'layoutMsPerFrame'>;
  const framesIn = (target: typeof grid, mode: Mode): Promise<Frames> =>
    target.evaluate(
      (element, how) =>
        new Promise<Frames>((resolve) => {
          const deltas: number[] = [];
          let last = performance.now();
          const end = last + 5000;
          const step = (now: number): void => {
            deltas.push(now - last);
            last = now;
            // Wheel-like: 120 px a frame (about 0.6 rows); jump: anywhere, like dragging the
            // scroll thumb; idle: no scrolling at all (what this browser gives an unchanging page).
            if (how === 'wheel') element.scrollTop += 120;
            else if (how === 'jump') element.scrollTop = Math.random() * (element.scrollHeight - element.clientHeight);
            if (now < end) requestAnimationFrame(step);
            else {
              const sorted = [...deltas].sort((a, b) => a - b);
              const at = (q: number): number => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
              resolve({ frames: deltas.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1), over16: deltas.filter((d) => d > 16.7).length, over33: deltas.filter((d) => d > 33.4).length });
            }
          };
          requestAnimationFrame(step);
        }),
      mode,
    );

  // The baseline, in the same browser and run: a static page of as many plain boxes as the
  // grid shows, with no React, no virtualisation and no images, scrolled the same way.
  // Headless Chromium without a GPU rasterises in software on this machine's two cores;
  // the ratio to this page is what the grid itself costs.
  const plain = await page.context().newPage();
  await plain.setViewportSize(page.viewportSize() ?? { width: 1280, height: 800 });
  const cells = Array.from({ length: 4000 }, (_, i) => `<div class="c">IMG_${i}.JPG<br>10 Jan 2021</div>`).join('');
  await plain.setContent(
    `<style>body{margin:0}#s{height:100vh;overflow:auto}.c{display:inline-block;width:152px;height:180px;margin:8px;background:#ddd;font:13px sans-serif}</style><div id="s">${cells}</div>`,
  );
  const plainScroller = plain.locator('#s');

  // Rounds alternate grid and baseline, and the round with the median frame count is
  // reported: on a two-core machine one 5-second run can differ from the next by a fifth.
  const ROUNDS = 3;
  const median = (runs: FrameStats[]): FrameStats => [...runs].sort((a, b) => a.frames - b.frames)[Math.floor(runs.length / 2)] ?? runs[0]!;
  const runs: Record<'gridWheel' | 'gridJump' | 'plainWheel' | 'plainJump', FrameStats[]> = { gridWheel: [], gridJump: [], plainWheel: [], plainJump: [] };
  const idle = await measureIn(grid, 'idle');
  for (let round = 0; round < ROUNDS; round++) {
    runs.gridWheel.push(await measureIn(grid, 'wheel'));
    runs.plainWheel.push(await measureIn(plainScroller, 'wheel'));
    runs.gridJump.push(await measureIn(grid, 'jump'));
    runs.plainJump.push(await measureIn(plainScroller, 'jump'));
  }
  await plain.close();
  const [wheel, jump] = [median(runs.gridWheel), median(runs.gridJump)];
  await screenshot(page, '24-grid-100k');

  // End: how long until the last item is on screen (its page is read by offset).
  await grid.focus();
  const endStart = Date.now();
  await page.keyboard.press('End');
  await expect(grid.locator(`[id="cell-${COUNT - 1}"]:not([aria-busy])`)).toBeVisible({ timeout: 120_000 });
  const endToLastItemMs = Date.now() - endStart;

  const report = JSON.stringify({ items: COUNT, grid: { idle, wheel, jump, endToLastItemMs }, plainPage: { wheel: median(runs.plainWheel), jump: median(runs.plainJump) }, framesPerRound: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map((r) => r.frames)])) }, null, 2);
  console.log(report);
  await testInfo.attach('frame-times.json', { body: report, contentType: 'application/json' });
  expect(wheel.frames).toBeGreaterThan(0);
});
