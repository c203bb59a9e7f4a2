// The content decides the format; the name only earns a warning when it disagrees. And
// whatever the parsers produce, `raw` stores as plain JSON.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ByteSource } from '../../src/main/engine/metadata/byte-source';
import { bufferByteSource } from '../../src/main/engine/metadata/byte-source';
import { extensionMismatch, extensionOf } from '../../src/main/engine/metadata/extension';
import { extractMetadata } from '../../src/main/engine/metadata/extract';
import { toJsonSafe } from '../../src/main/engine/metadata/json-safe';
import { SNIFF_BYTES, sniff } from '../../src/main/engine/metadata/sniff';
import { ftyp } from '../helpers/metadata-boxes';
import { notReadByOwnReaders } from '../../src/main/engine/metadata/not-read';
import { CAMERA_FORMATS } from '../helpers/fixtures';

const bytes = (...b: number[]): Buffer => Buffer.from(b);

describe('sniffing', () => {
  it('recognises formats by their magic bytes', () => {
    const cases: [Buffer, string | null, string | null][] = [
      [bytes(0xff, 0xd8, 0xff, 0xe1), 'jpeg', 'image/jpeg'],
      [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'png', 'image/png'],
      [Buffer.from('GIF89a\x08\x00\x08\x00', 'latin1'), 'gif', 'image/gif'],
      [Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8X', 'latin1')]), 'webp', 'image/webp'],
      [bytes(0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 0x43, 0x52, 2, 0), 'cr2', 'image/x-canon-cr2'],
      [bytes(0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8), 'tiff', 'image/tiff'],
      [ftyp('heic', 'mif1', 'heic'), 'heic', 'image/heic'],
      [ftyp('mif1', 'heic'), 'heif', 'image/heif'],
      [ftyp('avif', 'mif1'), 'avif', 'image/avif'],
      [ftyp('qt  '), 'mov', 'video/quicktime'],
      [ftyp('3gp5', '3gp5', 'isom'), '3gp', 'video/3gpp'],
      [ftyp('3g2a'), '3g2', 'video/3gpp2'],
      [ftyp('M4V ', 'M4V ', 'mp42'), 'm4v', 'video/x-m4v'],
      [ftyp('xxxx', 'isom'), 'mp4', 'video/mp4'],
      [Buffer.from('<!DOCTYPE html><html>', 'latin1'), null, null],
      [Buffer.alloc(0), null, null],
    ];
    for (const [head, format, mime] of cases) expect([sniff(head).format, sniff(head).mime], head.toString('latin1')).toEqual([format, mime]);
  });

  it('says what unrecognised content looks like, without calling binary data text', () => {
    expect(sniff(Buffer.from('<html><body>hi</body></html>')).looksLike).toBe('HTML');
    expect(sniff(Buffer.from('Just some notes\nabout the protest, café.\n')).looksLike).toBe('plain text');
    expect(sniff(bytes(0x00, 0x01, 0x02, 0xfe, 0xff, 0x80)).looksLike).toBeNull();
  });

  it('warns when the extension names another kind of file, never when families agree', () => {
    const jpeg = sniff(bytes(0xff, 0xd8, 0xff, 0xe0));
    expect(extensionMismatch('photo.JPG', jpeg)).toBeNull();
    expect(extensionMismatch('photo', jpeg)).toBeNull();
    expect(extensionMismatch('photo.mp4', jpeg)).toMatch(/ends in ".mp4" but the content is a JPEG image/);
    expect(extensionMismatch('clip.mp4', sniff(ftyp('3gp5')))).toBeNull();
    expect(extensionMismatch('page.html', sniff(Buffer.from('<html>')))).toBeNull();
    expect(extensionMismatch('clip.mov', sniff(Buffer.from('<html>')))).toMatch(/looks like HTML/);
    expect(extensionOf(' spaced .JPG ')).toBe('jpg');
    expect(extensionOf('.hidden')).toBeNull();
  });
});

describe('raw metadata as JSON', () => {
  it('turns bytes, BigInts, odd numbers, dates, cycles and hostile keys into plain JSON', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const hostile = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    const value = toJsonSafe({
      small: Buffer.from([1, 2, 255]),
      large: new Uint8Array(1000),
      shorts: new Uint16Array([1, 2]),
      big: 2n ** 70n,
      nan: NaN,
      when: new Date(Date.UTC(2020, 0, 1)),
      cyclic,
      hostile,
      gone: undefined,
    });
    expect(JSON.parse(JSON.stringify(value))).toEqual({
      small: { $bytes: 3, hex: '0102ff' },
      large: { $bytes: 1000 },
      shorts: [1, 2],
      big: '1180591620717411303424',
      nan: 'NaN',
      when: '2020-01-01T00:00:00.000Z',
      cyclic: { name: 'loop', self: '[cycle]' },
      hostile: { ['__proto__']: { polluted: true } },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('extractMetadata never rejects', () => {
  it('turns a failing read (a corrupt vault chunk) into a problem', async () => {
    const jpeg = bufferByteSource(bytes(0xff, 0xd8, 0xff, 0xe1, 0, 10));
    let calls = 0;
    const failing: ByteSource = {
      size: 1_000,
      read: (offset, length) => (calls++ === 0 ? jpeg.read(offset, length) : Promise.reject(new Error('chunk 0 failed authentication'))),
    };
    const m = await extractMetadata(failing, { name: 'x.jpg' });
    expect(m.format).toBe('jpeg');
    expect(m.problems).toEqual(['Reading the metadata stopped early: chunk 0 failed authentication.']);
  });
});

describe('formats only ExifTool reads', () => {
  it('are photos by their magic numbers, named so, with no mismatch against their usual extension', async () => {
    const expected: Record<string, [string, string]> = {
      'CanonRaw.cr3': ['cr3', 'image/x-canon-cr3'],
      'CanonRaw.crw': ['crw', 'image/x-canon-crw'],
      'FujiFilm.raf': ['raf', 'image/x-fujifilm-raf'],
      'Panasonic.rw2': ['rw2', 'image/x-panasonic-rw2'],
      'Minolta.mrw': ['mrw', 'image/x-minolta-mrw'],
      'Sigma.x3f': ['x3f', 'image/x-sigma-x3f'],
      'JXL2.jxl': ['jxl', 'image/jxl'],
    };
    for (const [name, [format, mime]] of Object.entries(expected)) {
      const whole = await readFile(join(CAMERA_FORMATS, name));
      const head = whole.subarray(0, SNIFF_BYTES);
      const sniffed = sniff(head);
      expect({ name, kind: sniffed.kind, format: sniffed.format, mime: sniffed.mime }).toEqual({ name, kind: 'photo', format, mime });
      expect(extensionMismatch(name, sniffed), name).toBeNull();
      const m = await extractMetadata(bufferByteSource(whole), { name });
      // Tamga's own readers say plainly that they do not read it (the ExifTool fallback replaces the sentence).
      expect(m.problems, name).toEqual([notReadByOwnReaders(format)]);
    }
  });
});
