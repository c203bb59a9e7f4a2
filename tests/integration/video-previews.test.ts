// Playable previews against a real vault and the bundled ffmpeg: a ProRes original gets a
// WebM preview on request, served only as the `playable` variant, kept encrypted under
// previews/ (no plaintext, no index row, no orphan for audit), found again after a new
// unlock; a photo has none; a lock while one is being made stops ffmpeg and leaves nothing.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/main/engine/api';
import { REAL } from '../helpers/fixtures';
import { PASSPHRASE, makeVault, removeTempDirs } from '../helpers/temp-vault';

const PRORES = join(REAL, 'jcodec', 'test.prores.mov');
const H264 = join(REAL, 'mei', 'with-gps.mov');
const PHOTO = join(REAL, 'orientation', 'Portrait_6.jpg');

let engine: Engine;
let root: string;
const ids: Record<string, string> = {};

async function keptPreviews(): Promise<string[]> {
  const dir = join(root, 'previews');
  const fans = await readdir(dir).catch(() => [] as string[]);
  const files: string[] = [];
  for (const fan of fans) for (const name of await readdir(join(dir, fan))) files.push(join(dir, fan, name));
  return files;
}

beforeAll(async () => {
  root = await makeVault();
  engine = createEngine({ actor: 'tamga-test' });
  await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
  const summary = await engine.importFiles({ paths: [PRORES, H264, PHOTO] });
  for (const file of summary.imported) ids[file.path] = file.itemId;
});

afterAll(async () => {
  await engine.close();
  await removeTempDirs();
});

describe('playable previews', () => {
  it('knows the codec of each video, and that no preview is kept yet', async () => {
    expect((await engine.getItem(ids[PRORES]!)).video).toEqual({ codec: 'apcn', hasVideoTrack: true, previewReady: false });
    expect((await engine.getItem(ids[PHOTO]!)).video).toBeNull();
    await expect(engine.readMedia({ item: ids[PRORES]!, variant: 'playable', offset: 0, length: 100 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a lock while one is made stops it and keeps nothing', async () => {
    const making = engine.makeVideoPreview(ids[H264]!);
    await engine.lockVault();
    const outcome = await making.then(
      (result) => result,
      (error: unknown) => error,
    );
    expect(outcome).toSatisfy((o: unknown) => (o as { made?: boolean }).made === false || (o as { code?: string }).code === 'VAULT_LOCKED');
    expect(await keptPreviews()).toEqual([]);
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
  });

  it('makes a WebM preview of a ProRes video, kept encrypted, served as the playable variant only', async () => {
    expect(await engine.makeVideoPreview(ids[PRORES]!)).toEqual({ made: true });
    const files = await keptPreviews();
    expect(files).toHaveLength(1);
    const stored = await readFile(files[0]!);
    expect(stored.subarray(0, 8).toString('latin1')).toBe('TAMGBLOB');
    const chunk = await engine.readMedia({ item: ids[PRORES]!, variant: 'playable', offset: 0, length: 1 << 22 });
    expect(chunk.format).toBe('webm');
    expect([...chunk.bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    expect(chunk.bytes.length).toBe(chunk.size);
    // The plaintext is nowhere on disk: not its first bytes, not the WebM DocType.
    expect(stored.includes(Buffer.from(chunk.bytes.subarray(0, 64)))).toBe(false);
    expect(stored.includes(Buffer.from('webm'))).toBe(false);
    // Making it recorded no viewing of the original and changed no item.
    const detail = await engine.getItem(ids[PRORES]!);
    expect(detail.video?.previewReady).toBe(true);
    expect(detail.custody.map((r) => r.event.type)).toEqual(['acquired']);
  });

  it('is found again after a new unlock, and audit sees neither an orphan nor a problem', async () => {
    await engine.lockVault();
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
    expect((await engine.getItem(ids[PRORES]!)).video?.previewReady).toBe(true);
    expect(await engine.makeVideoPreview(ids[PRORES]!)).toEqual({ made: true });
    expect(await keptPreviews()).toHaveLength(1);
    const audit = await engine.auditVault();
    expect(audit.problems).toEqual([]);
  });

  it('refuses a photo', async () => {
    await expect(engine.makeVideoPreview(ids[PHOTO]!)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
