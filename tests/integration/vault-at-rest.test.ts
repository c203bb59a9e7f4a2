// What a seized disk shows: nothing of the index in the clear, WAL included, and an
// index.db that ordinary SQLite tools cannot read.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockVault } from '../../src/main/engine/vault/vault';
import { copyVault, listFiles, makeVault, PASSPHRASE, removeTempDirs, snapshot } from '../helpers/temp-vault';

let base: string;
beforeAll(async () => {
  base = await makeVault();
});
afterAll(removeTempDirs);

const CANARY = 'CANARY-Петропавловск-polling-station-660-7f3a9c';

async function filesContaining(root: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le'), Buffer.from('polling-station-660', 'utf8')];
  for (const file of await listFiles(root)) {
    const content = await readFile(file);
    if (forms.some((form) => content.includes(form))) hits.push(file);
  }
  return hits;
}

describe('the index at rest', () => {
  it('does not begin with the SQLite header and plain sqlite3 cannot read it', async () => {
    const header = (await readFile(join(base, 'index.db'))).subarray(0, 16);
    expect(header.toString('latin1')).not.toBe('SQLite format 3\0');
    const result = spawnSync('sqlite3', [join(base, 'index.db'), '.tables'], { encoding: 'utf8' });
    expect(result.error).toBeUndefined(); // sqlite3 is installed by .ci/run
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/not a database/);
  });

  it('shows a canary planted in the index in no file of the vault, WAL included, open or closed', async () => {
    const root = await copyVault(base);
    const vault = await unlockVault(root, PASSPHRASE);
    vault.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('canary', CANARY);
    vault.db.prepare('INSERT INTO items (id, sha256, size, blob_id, imported_at) VALUES (?, ?, ?, ?, ?)').run(
      CANARY,
      'ab'.repeat(32),
      1,
      'cd'.repeat(16),
      '2021-01-10T08:14:00Z',
    );
    // Who operates the vault is as secret as the evidence: the row, and the operator-set event.
    vault.setOperator({ name: `${CANARY}-operator`, organisation: `${CANARY}-organisation`, contact: `${CANARY}-contact` });
    const files = await listFiles(root);
    expect(files.some((f) => f.endsWith('index.db-wal'))).toBe(true);
    expect(await filesContaining(root, CANARY)).toEqual([]);
    vault.close();
    expect(await filesContaining(root, CANARY)).toEqual([]);
    // The canary really is in there: the key reads it back.
    const again = await unlockVault(root, PASSPHRASE);
    expect(again.db.prepare("SELECT value FROM settings WHERE key = 'canary'").pluck().get()).toBe(CANARY);
    expect(again.info().itemCount).toBe(1);
    expect(again.operator?.contact).toBe(`${CANARY}-contact`);
    again.close();
  });

  it('refuses an unencrypted index.db put in its place, and never replaces it', async () => {
    const root = await copyVault(base);
    const plain = new Database(join(root, 'index.db.plain'));
    plain.exec('CREATE TABLE items (id TEXT)');
    plain.close();
    await writeFile(join(root, 'index.db'), await readFile(join(root, 'index.db.plain')));
    const before = await snapshot(root);
    await expect(unlockVault(root, PASSPHRASE)).rejects.toMatchObject({ code: 'CORRUPT', message: expect.stringMatching(/not encrypted/) });
    expect(await snapshot(root)).toMatchObject({ 'index.db': before['index.db'] });
  });

  it('reports an index.db of random bytes as CORRUPT and leaves it as it was', async () => {
    const root = await copyVault(base);
    await writeFile(join(root, 'index.db'), Buffer.alloc(8192, 0x5a));
    const before = (await snapshot(root))['index.db'];
    await expect(unlockVault(root, PASSPHRASE)).rejects.toMatchObject({ code: 'CORRUPT' });
    expect((await snapshot(root))['index.db']).toBe(before);
  });

  it('keeps vault.json free of anything secret: only public key, parameters and wrapped keys', async () => {
    const json = await readFile(join(base, 'vault.json'), 'utf8');
    expect(Object.keys(JSON.parse(json)).sort()).toEqual(['createdAt', 'format', 'formatVersion', 'kdf', 'masterKey', 'signing', 'vaultId']);
  });
});
