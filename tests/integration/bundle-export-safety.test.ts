// What an export promises beyond its content: nothing half-written ever carries the
// bundle's name (cancel, a damaged blob, a taken name), nothing leaks outside the target,
// every export is in the custody log, and the same vault state gives the same bytes.
import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile, mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle, type FixedIdentity } from '../../src/main/engine/bundle/export/export';
import { readChain, verifyStoredChain } from '../../src/main/engine/custody/store';
import { unlockVault, type OpenVault } from '../../src/main/engine/vault/vault';
import { vaultChainName } from '../../src/shared/custody';
import { TamgaError } from '../../src/shared/errors';
import type { ExportRequest } from '../../src/shared/bundle';
import { bundleFiles, importPaths, openNewVault, writePhoto } from '../helpers/bundle-export-vault';
import { copyVault, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

let root: string;
let vault: OpenVault;
let ids: string[];
let bigId: string;

beforeAll(async () => {
  ({ root, vault } = await openNewVault());
  const src = await tempDir('tamga-src-');
  const photos = [];
  for (let i = 1; i <= 3; i++) photos.push(await writePhoto(src, { name: `IMG_000${i}.JPG`, seed: i, gps: { lat: 43.2389, lon: 76.8897 } }));
  // Large enough to span several 1 MiB chunks, so a cancel lands in the middle of it.
  const big = join(src, 'clip.mov');
  await writeFile(big, randomBytes(8 * 1024 * 1024));
  const summary = await importPaths(vault, [...photos, big]);
  ids = summary.imported.slice(0, 3).map((f) => f.itemId);
  bigId = summary.imported[3]?.itemId ?? '';
});
afterAll(async () => {
  vault.close();
  await removeTempDirs();
});

async function expectError(work: Promise<unknown>, code: string): Promise<TamgaError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TamgaError);
  expect((err as TamgaError).code).toBe(code);
  return err as TamgaError;
}

const exportedEvents = (itemId: string): number => readChain(vault.db, itemId).filter((r) => r.event.type === 'exported').length;

describe('nothing is left under the bundle name', () => {
  for (const name of ['bundle', 'bundle.zip']) {
    it(`when the export of ${name} is cancelled in the middle of an exhibit`, async () => {
      const dir = await tempDir('tamga-out-');
      const controller = new AbortController();
      let cancelledAt = 0;
      const err = await expectError(
        exportBundle(
          vault,
          { selection: { kind: 'items', items: [ids[0] ?? '', bigId] }, outPath: join(dir, name) },
          {
            signal: controller.signal,
            onProgress: (p) => {
              if (p.currentExhibit === 'E0002' && p.bytesDone > 0 && cancelledAt === 0) {
                cancelledAt = p.bytesDone;
                controller.abort();
              }
            },
          },
        ),
        'CANCELLED',
      );
      expect(err.message).toContain('cancelled');
      expect(cancelledAt).toBeGreaterThan(0);
      expect(await readdir(dir)).toEqual([]);
      expect(exportedEvents(bigId)).toBe(0);
    });
  }

  it('when an archived original is damaged: CORRUPT, naming the item', async () => {
    const dir = await tempDir('tamga-out-');
    const blob = vault.store.path('blobs', (vault.db.prepare('SELECT blob_id FROM items WHERE id = ?').pluck().get(bigId) as string) ?? '');
    const handle = await open(blob, 'r+');
    const original = Buffer.alloc(1);
    await handle.read(original, 0, 1, 3 * 1024 * 1024);
    await handle.write(Buffer.from([original[0]! ^ 0x01]), 0, 1, 3 * 1024 * 1024);
    try {
      for (const name of ['bundle', 'bundle.zip']) {
        const err = await expectError(exportBundle(vault, { selection: { kind: 'items', items: [ids[0] ?? '', bigId] }, outPath: join(dir, name) }), 'CORRUPT');
        expect(err.message).toContain(bigId);
        expect(err.message).toContain('E0002');
        expect(err.details).toMatchObject({ itemId: bigId, exhibit: 'E0002' });
      }
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await handle.write(original, 0, 1, 3 * 1024 * 1024);
      await handle.close();
    }
  });

  it('when the archived copy does not match the SHA-256 recorded at import', async () => {
    const dir = await tempDir('tamga-out-');
    const recorded = vault.db.prepare('SELECT sha256 FROM items WHERE id = ?').pluck().get(ids[1]) as string;
    vault.db.prepare('UPDATE items SET sha256 = ? WHERE id = ?').run('0'.repeat(64), ids[1]);
    try {
      const err = await expectError(exportBundle(vault, { selection: { kind: 'items', items: ids }, outPath: join(dir, 'b.zip') }), 'CORRUPT');
      expect(err.message).toMatch(/E0002 .*does not match the SHA-256 recorded at import/);
    } finally {
      vault.db.prepare('UPDATE items SET sha256 = ? WHERE id = ?').run(recorded, ids[1]);
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('when the name is taken (nothing is overwritten) or its folder is missing', async () => {
    const dir = await tempDir('tamga-out-');
    await mkdir(join(dir, 'taken'));
    await writeFile(join(dir, 'taken', 'keep.txt'), 'mine');
    await writeFile(join(dir, 'taken.zip'), 'mine');
    const request = (outPath: string): ExportRequest => ({ selection: { kind: 'items', items: ids }, outPath });
    await expectError(exportBundle(vault, request(join(dir, 'taken'))), 'ALREADY_EXISTS');
    await expectError(exportBundle(vault, request(join(dir, 'taken.zip'))), 'ALREADY_EXISTS');
    await expectError(exportBundle(vault, request(join(dir, 'no-such-folder', 'b'))), 'NOT_FOUND');
    const inVault = await expectError(exportBundle(vault, request(join(root, 'blobs', 'b'))), 'INVALID_ARGUMENT');
    expect(inVault.message).toContain('inside the vault folder');
    expect(await readdir(join(root, 'blobs'))).not.toContain('b');
    expect((await readdir(dir)).sort()).toEqual(['taken', 'taken.zip']);
    expect(await readFile(join(dir, 'taken', 'keep.txt'), 'utf8')).toBe('mine');
    expect(await readFile(join(dir, 'taken.zip'), 'utf8')).toBe('mine');
  });

  it('refuses an item named twice and an empty selection', async () => {
    const dir = await tempDir('tamga-out-');
    const sha = vault.db.prepare('SELECT sha256 FROM items WHERE id = ?').pluck().get(ids[0]) as string;
    const err = await expectError(exportBundle(vault, { selection: { kind: 'items', items: [ids[0] ?? '', sha.slice(0, 12)] }, outPath: join(dir, 'b') }), 'INVALID_ARGUMENT');
    expect(err.message).toContain('named twice');
    await expectError(exportBundle(vault, { selection: { kind: 'items', items: [] }, outPath: join(dir, 'b') }), 'INVALID_ARGUMENT');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('custody', () => {
  it('logs an exported event on every item and on the vault chain, after the bundle is in place', async () => {
    const dir = await tempDir('tamga-out-');
    const result = await exportBundle(vault, { selection: { kind: 'items', items: ids }, outPath: join(dir, 'b'), recipient: 'Almaty City Court' });
    ids.forEach((id, i) => {
      const last = readChain(vault.db, id).at(-1)?.event;
      expect(last).toMatchObject({
        type: 'exported',
        data: { bundleId: result.bundleId, exhibit: `E000${i + 1}`, recipient: 'Almaty City Court', sha256: result.exhibits[i]?.sha256, tagManifestSha256: result.tagManifestSha256 },
      });
      expect(verifyStoredChain(vault.db, id, vault.signer.publicKey)).toEqual([]);
    });
    const chain = vaultChainName(vault.vaultFile.vaultId);
    expect(readChain(vault.db, chain).at(-1)?.event).toMatchObject({
      type: 'exported',
      data: { bundleId: result.bundleId, recipient: 'Almaty City Court', exhibits: 3, keyFingerprint: result.keyFingerprint, format: 'directory' },
    });
    expect(verifyStoredChain(vault.db, chain, vault.signer.publicKey)).toEqual([]);
    // The bundle carries each chain as it stood before this export: the event is about the bundle, not in it.
    const carried = (await readFile(join(result.outPath, 'metadata/custody/E0001.jsonl'), 'utf8')).trim().split('\n');
    expect(carried).toHaveLength(readChain(vault.db, ids[0] ?? '').length - 1);
  });

  it('writes no file outside the target (not in the OS temp folder, not in the vault)', async () => {
    const dir = await tempDir('tamga-out-');
    const osTemp = await tempDir('tamga-ostmp-');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = osTemp;
    try {
      await exportBundle(vault, { selection: { kind: 'items', items: [...ids, bigId] }, outPath: join(dir, 'b.zip') });
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(await readdir(osTemp)).toEqual([]);
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
    expect(await readdir(dir)).toEqual(['b.zip']);
  });
});

describe('the same vault state gives the same bundle', () => {
  const fixed: FixedIdentity = { bundleId: '00000000-0000-4000-8000-00000000b0d1', sealedAt: '2021-01-12T10:00:00.000Z' };

  /** Two identical copies of the vault as it is now, each exported once. */
  async function exportFromTwoCopies(name: string, options: { fixed?: FixedIdentity }): Promise<[string, string]> {
    vault.close();
    const copies = [await copyVault(root), await copyVault(root)];
    vault = await unlockVault(root, PASSPHRASE, { actor: 'tamga-test' });
    const outs: string[] = [];
    for (const copy of copies) {
      const v = await unlockVault(copy, PASSPHRASE, { actor: 'tamga-test' });
      try {
        const out = join(await tempDir('tamga-out-'), name);
        await exportBundle(v, { selection: { kind: 'items', items: ids }, outPath: out, recipient: 'Court' }, options);
        outs.push(out);
      } finally {
        v.close();
      }
    }
    return [outs[0] ?? '', outs[1] ?? ''];
  }

  it('byte for byte, as a zip, when the bundle id and seal time are fixed', async () => {
    const [a, b] = await exportFromTwoCopies('bundle.zip', { fixed });
    expect((await readFile(a)).equals(await readFile(b))).toBe(true);
  });

  it('otherwise differing only in the files that carry the bundle id and the time, and the seal', async () => {
    const [a, b] = await exportFromTwoCopies('bundle', {});
    const files = await bundleFiles(a);
    expect(await bundleFiles(b)).toEqual(files);
    const differing: string[] = [];
    for (const f of files) if (!(await readFile(join(a, f))).equals(await readFile(join(b, f)))) differing.push(f);
    // The custody log files hold this export's events, which name the bundle id and the seal.
    expect(differing).toEqual(['bag-info.txt', 'report/exhibit-list.html', 'report/exhibit-list.pdf', 'seal/custody-log.checkpoint', 'seal/custody-proofs.jsonl', 'seal/tagmanifest-sha256.txt.sig', 'tagmanifest-sha256.txt']);
  });
});
