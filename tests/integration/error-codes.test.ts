// Each situation a person can act on has its own code (src/shared/errors.ts), so the
// window and scripts can say what happened instead of "could not use what was given".
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/engine/api';
import { resolveItem } from '../../src/main/engine/items/item-view';
import { REAL } from '../helpers/fixtures';
import { addItem, memoryIndex } from '../helpers/search-db';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

describe('specific error codes', () => {
  it('BUSY for a second import while one runs; the first one finishes', async () => {
    const engine = createEngine();
    try {
      await engine.createVault({ path: join(await tempDir(), 'v'), passphrase: PASSPHRASE });
      const first = engine.importFiles({ paths: [join(REAL, 'mei')] });
      await expect(engine.importFiles({ paths: [join(REAL, 'exiftool', 'Apple.jpg')] })).rejects.toMatchObject({
        code: 'BUSY',
        message: 'An import is already running; wait for it or cancel it.',
      });
      expect((await first).imported.length).toBeGreaterThan(0);
    } finally {
      await engine.close();
    }
  });

  it('AMBIGUOUS for a SHA-256 prefix that names two items, NOT_FOUND for one that names none', () => {
    const db = memoryIndex();
    // The helper's SHA-256s are counters padded with zeros: every one starts 00000000.
    addItem(db);
    addItem(db);
    expect(() => resolveItem(db, '00000000')).toThrow(expect.objectContaining({ code: 'AMBIGUOUS', message: expect.stringMatching(/give more digits/) }));
    expect(() => resolveItem(db, 'ffffffff')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => resolveItem(db, 'not-an-id')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
