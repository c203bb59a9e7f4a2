// The engine's media reads (thumbnails sniffed as JPEG, original ranges byte-exact, a
// viewed-original custody event once per session), vault settings, and the session
// events (unlocked, settings changed, locked with its reason) against a real vault.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/main/engine/api';
import type { ApiEvent } from '../../src/shared/api';
import { REAL } from '../helpers/fixtures';
import { PASSPHRASE, makeVault, removeTempDirs } from '../helpers/temp-vault';

const VIDEO = join(REAL, 'mei', 'with-gps.mov');
const PHOTO = join(REAL, 'orientation', 'Portrait_6.jpg');

let engine: Engine;
let root: string;
const events: ApiEvent[] = [];
const ids: Record<string, string> = {};

beforeAll(async () => {
  root = await makeVault();
  engine = createEngine({ actor: 'tamga-test' });
  engine.subscribe((event) => {
    if (event.type !== 'importProgress') events.push(event);
  });
  await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
  const summary = await engine.importFiles({ paths: [VIDEO, PHOTO] });
  for (const file of summary.imported) ids[file.path] = file.itemId;
});

afterAll(async () => {
  await engine.close();
  await removeTempDirs();
});

describe('media reads', () => {
  it('serves thumbnails and previews as sniffed JPEGs', async () => {
    for (const variant of ['grid', 'preview'] as const) {
      const chunk = await engine.readMedia({ item: ids[PHOTO]!, variant, offset: 0, length: 1 << 20 });
      expect(chunk.format).toBe('jpeg');
      expect(chunk.bytes.length).toBe(chunk.size);
      expect([...chunk.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    }
  });

  it('reads any range of the original byte-exact, and clamps at the end', async () => {
    const original = await readFile(VIDEO);
    const chunk = await engine.readMedia({ item: ids[VIDEO]!, variant: 'original', offset: 1000, length: 5000 });
    expect(chunk).toMatchObject({ offset: 1000, size: original.length, format: 'mov' });
    expect(Buffer.from(chunk.bytes).equals(original.subarray(1000, 6000))).toBe(true);
    const tail = await engine.readMedia({ item: ids[VIDEO]!, variant: 'original', offset: original.length - 10, length: 100 });
    expect(tail.bytes.length).toBe(10);
  });

  it('records viewing an original once per session, in the custody chain', async () => {
    await engine.readMedia({ item: ids[VIDEO]!, variant: 'original', offset: 0, length: 10 });
    const detail = await engine.getItem(ids[VIDEO]!);
    expect(detail.custody.filter((r) => r.event.type === 'viewed-original')).toHaveLength(1);
    const photo = await engine.getItem(ids[PHOTO]!);
    expect(photo.custody.some((r) => r.event.type === 'viewed-original')).toBe(false);
  });

  it('refuses malformed requests and unknown items', async () => {
    await expect(engine.readMedia({ item: '../x', variant: 'grid', offset: 0, length: 1 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(engine.readMedia({ item: ids[PHOTO]!, variant: 'grid', offset: -1, length: 1 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(engine.readMedia({ item: '00000000-0000-4000-8000-000000000000', variant: 'grid', offset: 0, length: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('settings', () => {
  it('default to ten minutes and no legacy hashes, and change with an event', async () => {
    expect(await engine.getSettings()).toEqual({ autoLockMinutes: 10, legacyHashes: false });
    expect(await engine.updateSettings({ autoLockMinutes: 3, legacyHashes: true })).toEqual({ autoLockMinutes: 3, legacyHashes: true });
    expect((await engine.vaultInfo()).legacyHashes).toBe(true);
    expect(events.at(-1)).toEqual({ type: 'settingsChanged', settings: { autoLockMinutes: 3, legacyHashes: true } });
    await expect(engine.updateSettings({ autoLockMinutes: 0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(engine.updateSettings({ autoLockMinutes: 2.5 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('session events', () => {
  it('announce unlock with the settings, and lock with its reason; media stops at once', async () => {
    expect(events[0]).toEqual({ type: 'vaultUnlocked', settings: { autoLockMinutes: 10, legacyHashes: false } });
    await engine.lock('idle');
    expect(events.at(-1)).toEqual({ type: 'vaultLocked', reason: 'idle' });
    await expect(engine.readMedia({ item: ids[PHOTO]!, variant: 'grid', offset: 0, length: 1 })).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await engine.lockVault();
    expect(events.filter((e) => e.type === 'vaultLocked')).toHaveLength(1);
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
    expect(events.at(-1)).toEqual({ type: 'vaultUnlocked', settings: { autoLockMinutes: 3, legacyHashes: true } });
  });
});
