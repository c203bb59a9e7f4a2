// Placeholder pictures: the duration as players show it, drawn from our own SVG at both sizes.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { formatDuration, photoPlaceholder, videoPlaceholder } from '../../src/main/engine/thumbnails/placeholder';
import { strokeText, strokeTextWidth } from '../../src/main/engine/thumbnails/stroke-digits';
import { expectCleanJpeg, meanColour } from '../helpers/thumbnail-fixtures';

describe('formatDuration', () => {
  it('writes m:ss under an hour and h:mm:ss above', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(0.07)).toBe('0:00');
    expect(formatDuration(42)).toBe('0:42');
    expect(formatDuration(42.99)).toBe('0:42');
    expect(formatDuration(605)).toBe('10:05');
    expect(formatDuration(3599)).toBe('59:59');
    expect(formatDuration(3600)).toBe('1:00:00');
    expect(formatDuration(3723.4)).toBe('1:02:03');
  });

  it('shows nothing rather than a wrong time', () => {
    for (const bad of [null, undefined, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e12]) expect(formatDuration(bad)).toBeNull();
  });
});

describe('stroke digits', () => {
  it('draws digits and colons only, in a plain colour', () => {
    expect(strokeTextWidth('0:42')).toBeGreaterThan(0);
    expect(strokeText('1:02', 0, 0, 2, '#ffffff')).toContain('<path');
    expect(() => strokeText('<script>', 0, 0, 1, '#ffffff')).toThrow(RangeError);
    expect(() => strokeText('1', 0, 0, 1, 'red" onload="x')).toThrow(RangeError);
  });
});

describe('placeholders', () => {
  it('makes a 16:9 video placeholder at both sizes, as clean JPEGs', async () => {
    const { grid, preview } = await videoPlaceholder(42);
    expect([grid.width, grid.height]).toEqual([256, 144]);
    expect([preview.width, preview.height]).toEqual([1280, 720]);
    await expectCleanJpeg(grid, 256);
    await expectCleanJpeg(preview, 1280);
  });

  it('draws the duration badge only when the duration is known', async () => {
    const badge = { left: 180, top: 110, width: 60, height: 22 };
    const withTime = await videoPlaceholder(42);
    const without = await videoPlaceholder(null);
    const [a, b] = await Promise.all([meanColour(withTime.grid.bytes, badge), meanColour(without.grid.bytes, badge)]);
    expect(a).not.toEqual(b);
    // Light strokes on a dark badge: brighter on average than the bare background.
    expect((a[0] ?? 0) + (a[1] ?? 0) + (a[2] ?? 0)).toBeGreaterThan((b[0] ?? 0) + (b[1] ?? 0) + (b[2] ?? 0));
  });

  it('draws no play symbol on a video no frame could be decoded from (it would look playable)', async () => {
    // Inside where a play triangle sits, right of the centre: background, not a symbol.
    const { preview } = await videoPlaceholder(null);
    const [r = 255, g = 255, b = 255] = await meanColour(preview.bytes, { left: 680, top: 355, width: 10, height: 10 });
    expect(r + g + b).toBeLessThan(3 * 60);
  });

  it('makes a calm, dark 4:3 photo placeholder', async () => {
    const { grid, preview } = await photoPlaceholder();
    expect([grid.width, grid.height]).toEqual([256, 192]);
    expect([preview.width, preview.height]).toEqual([1280, 960]);
    await expectCleanJpeg(grid, 256);
    const stats = await sharp(grid.bytes).stats();
    expect(stats.channels[0]?.mean ?? 255).toBeLessThan(80);
  });
});
