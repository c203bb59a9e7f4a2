// Exhibit file names: whatever an original was called, its name in a bundle is portable
// (any file system, a zip, a `sha256sum -c` line), recognisable, unique and short enough.
import { describe, expect, it } from 'vitest';
import { exhibitFileName, exhibitFileNames, MAX_EXHIBIT_NAME_BYTES } from '../../src/main/engine/bundle/export/exhibit-name';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** What every name must be, whatever it was made from. */
function expectPortable(name: string): void {
  expect(name).toBe(name.normalize('NFC'));
  expect(name).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}/\\:%*?"<>|]/u);
  expect(name).not.toMatch(/^[ .]|[ .]$/);
  expect(bytes(name)).toBeLessThanOrEqual(MAX_EXHIBIT_NAME_BYTES);
  expect(name.split('/')).not.toContain('..');
}

describe('exhibit file names', () => {
  it('keeps ordinary, Cyrillic and Kazakh names as they are, behind the exhibit number', () => {
    expect(exhibitFileName('E0001', 'IMG_1234.JPG')).toBe('E0001_IMG_1234.JPG');
    expect(exhibitFileName('E0002', 'Ақмола сайлау учаскесі №12.jpg')).toBe('E0002_Ақмола сайлау учаскесі №12.jpg');
    expect(exhibitFileName('E0003', 'ӘҒҚҢӨҰҮҺІ әғқңөұүһі.mov')).toBe('E0003_ӘҒҚҢӨҰҮҺІ әғқңөұүһі.mov');
  });

  it('turns NFD (as macOS writes names) into NFC', () => {
    const nfd = 'Йошкар-Ола ёлка.jpg'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    expect(exhibitFileName('E0001', nfd)).toBe('E0001_Йошкар-Ола ёлка.jpg'.normalize('NFC'));
  });

  it('replaces control characters, line breaks, bidi overrides and zero-width characters', () => {
    expect(exhibitFileName('E0001', 'line\nbreak\tname\r.jpg')).toBe('E0001_line_break_name_.jpg');
    // "photo\u202Egpj.exe" displays as "photoexe.jpg": the override must not survive.
    expect(exhibitFileName('E0002', 'photo\u202Egpj.exe')).toBe('E0002_photo_gpj.exe');
    expect(exhibitFileName('E0003', 'a\u200Bb\u0000c\u007F.jpg')).toBe('E0003_a_b_c_.jpg');
  });

  it('replaces path separators, drive colons, percent signs and what Windows refuses', () => {
    expect(exhibitFileName('E0001', '../../etc/passwd')).toBe('E0001__.._etc_passwd');
    expect(exhibitFileName('E0002', 'C:\\Users\\x\\100%<done>?.jpg')).toBe('E0002_C__Users_x_100__done__.jpg');
    expect(exhibitFileName('E0003', '..')).toBe('E0003_exhibit');
    expect(exhibitFileName('E0004', '/')).toBe('E0004__');
  });

  it('trims and collapses spaces, and keeps no leading or trailing dot', () => {
    expect(exhibitFileName('E0001', '   two  spaces \u00A0and nbsp   .jpg')).toBe('E0001_two spaces and nbsp.jpg');
    expect(exhibitFileName('E0002', '  trailing dots... ')).toBe('E0002_trailing dots');
    expect(exhibitFileName('E0003', '.hidden')).toBe('E0003_hidden');
    expect(exhibitFileName('E0004', '')).toBe('E0004_exhibit');
  });

  it('cuts very long names by bytes at a letter boundary and keeps the extension', () => {
    const long = `${'Ұ'.repeat(300)}.mp4`;
    const name = exhibitFileName('E0001', long);
    expect(bytes(name)).toBeLessThanOrEqual(MAX_EXHIBIT_NAME_BYTES);
    expect(name).toMatch(/^E0001_Ұ+\.mp4$/u);
    // Combining sequences are cut whole: never a base letter without its mark.
    const combining = `${'и\u0306'.repeat(100)}.jpg`;
    const cut = exhibitFileName('E0002', combining);
    expect(cut).toMatch(/^E0002_й+\.jpg$/u);
    expect(bytes(exhibitFileName('E0003', 'x'.repeat(500)))).toBe(MAX_EXHIBIT_NAME_BYTES);
  });

  it('gives duplicates and names that differ only by case or normalisation different files', () => {
    const names = exhibitFileNames([
      { exhibit: 'E0001', originalName: 'IMG_0001.JPG' },
      { exhibit: 'E0002', originalName: 'IMG_0001.JPG' },
      { exhibit: 'E0003', originalName: 'img_0001.jpg' },
      { exhibit: 'E0004', originalName: 'Ё.jpg'.normalize('NFD') },
      { exhibit: 'E0005', originalName: 'Ё.jpg' },
    ]);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(5);
  });

  it('always yields a portable name (a sweep over hostile inputs)', () => {
    const hostile = [
      'a\\b',
      ' \t\n ',
      '\u2028\u2029',
      '\uFEFFbom.jpg',
      'name.with.many.dots.jpeg',
      'x.' + 'e'.repeat(40),
      '%2e%2e%2f',
      '*?"<>|:',
      '🎥 video 📷.mp4',
      '\uD800lone surrogate.jpg',
      'ends with space .jpg ',
      'Ә'.repeat(80) + '.' + 'Қ'.repeat(10),
    ];
    hostile.forEach((original, i) => expectPortable(exhibitFileName(`E${String(i + 1).padStart(4, '0')}`, original)));
  });
});
