// The window's side of trusted time, through the engine facade as the window calls it:
// Settings saves the timestamp servers (checked addresses, in order, none by default), the
// status line counts the seals that still wait, and "Get timestamps now" asks the saved
// servers, with a real TSA on loopback (OpenSSL's, tests/helpers/tsa-server.ts) and one
// that is down: the one up stamps every seal, the one down records nothing and the seals
// keep waiting for it; a second round asks only what is missing.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vaultChainName } from '../../src/shared/custody';
import { TamgaError } from '../../src/shared/errors';
import { createEngine, type Engine } from '../../src/main/engine/api';
import { readChain } from '../../src/main/engine/custody/store';
import { unlockVault } from '../../src/main/engine/vault/vault';
import { writePhoto } from '../helpers/bundle-export-vault';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';
import { createTestPki, refusedUrl, startFakeTsa, type TestPki, type TestTsa } from '../helpers/tsa-server';

let pki: TestPki;
let tsa: TestTsa;
let downUrl: string;
let engine: Engine;
let dir: string;
let root: string;
const bundles: string[] = [];

async function refusal(work: Promise<unknown>): Promise<TamgaError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof TamgaError) return error;
    throw error;
  }
  throw new Error('not refused');
}

beforeAll(async () => {
  pki = await createTestPki();
  tsa = await pki.startTsa({ key: 'ec' });
  downUrl = await refusedUrl();
  dir = await tempDir('tamga-ts-window-');
  root = join(dir, 'vault');
  engine = createEngine({ actor: 'tamga-test' });
  await engine.createVault({ path: root, passphrase: PASSPHRASE });
  const photos = [await writePhoto(join(dir, 'in'), { name: 'a.jpg', seed: 5 }), await writePhoto(join(dir, 'in'), { name: 'b.jpg', seed: 6 })];
  const summary = await engine.importFiles({ paths: photos });
  for (const [i, item] of summary.imported.entries()) {
    bundles.push((await engine.exportBundle({ selection: { kind: 'items', items: [item.itemId] }, outPath: join(dir, `bundle-${i}`) })).bundleId);
  }
}, 120_000);

afterAll(async () => {
  await engine.close();
  await pki.dispose();
  await removeTempDirs();
});

describe('timestamps from the window', () => {
  it('no server by default: every seal waits, and asking is refused until one is saved', async () => {
    expect(await engine.timestampStatus()).toEqual({ servers: [], seals: 2, waiting: 2 });
    const none = await refusal(engine.getTimestamps());
    expect(none.code).toBe('INVALID_ARGUMENT');
    expect(none.message).toContain('No timestamp server is saved');
  });

  it('saves only http and https addresses, each once, and says which one is wrong and why', async () => {
    for (const [urls, index, reason] of [
      [['ftp://tsa.example.org/tsr'], 0, 'scheme'],
      [[tsa.url, 'not an address'], 1, 'notUrl'],
      [[tsa.url, ` ${tsa.url} `], 1, 'duplicate'],
      [[''], 0, 'empty'],
      [Array.from({ length: 11 }, (_, i) => `http://tsa${i}.example.org/`), 10, 'tooMany'],
    ] as const) {
      const error = await refusal(engine.setTimestampServers(urls));
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.details).toMatchObject({ index, reason });
    }
    expect((await refusal(engine.setTimestampServers('http://x' as unknown as string[]))).code).toBe('INVALID_ARGUMENT');
    expect((await engine.timestampStatus()).servers).toEqual([]);
    // Trimmed, otherwise kept exactly as typed (tokens are recorded under that address).
    expect(await engine.setTimestampServers([` ${downUrl}`, tsa.url])).toEqual([downUrl, tsa.url]);
    expect(await engine.timestampStatus()).toEqual({ servers: [downUrl, tsa.url], seals: 2, waiting: 2 });
  });

  it('asks the saved servers: the one up stamps both seals, the one down is reported and records nothing', async () => {
    const result = await engine.getTimestamps();
    expect(result.tsas).toEqual([downUrl, tsa.url]);
    expect(result).toMatchObject({ seals: 2, stamped: 2 });
    const up = result.outcomes.filter((o) => o.tsa === tsa.url);
    expect(up.map((o) => [o.bundleId, o.ok]).sort()).toEqual(bundles.map((b) => [b, true]).sort());
    const down = result.outcomes.filter((o) => o.tsa === downUrl);
    expect(down.map((o) => [o.ok, o.error?.code])).toEqual([
      [false, 'TSA_UNREACHABLE'],
      [false, 'TSA_UNREACHABLE'],
    ]);
    // Each seal still lacks the down server's timestamp, so both still wait…
    expect(await engine.timestampStatus()).toEqual({ servers: [downUrl, tsa.url], seals: 2, waiting: 2 });
    // …and with only the server that answered saved, none does.
    await engine.setTimestampServers([tsa.url]);
    expect(await engine.timestampStatus()).toEqual({ servers: [tsa.url], seals: 2, waiting: 0 });
    // With none saved, a seal waits only when nobody stamped it.
    await engine.setTimestampServers([]);
    expect(await engine.timestampStatus()).toEqual({ servers: [], seals: 2, waiting: 0 });

    // Each token is on the vault's chain, from the server that gave it (read beside the engine, without the writer lock).
    const reader = await unlockVault(root, PASSPHRASE, { readonly: true });
    try {
      const events = readChain(reader.db, vaultChainName(reader.vaultFile.vaultId)).filter((e) => e.event.type === 'timestamped');
      expect(events.map((e) => (e.event.data as { tsa: string }).tsa)).toEqual([tsa.url, tsa.url]);
    } finally {
      reader.close();
    }
  });

  it('a second round asks only for what is missing: a new seal, from each server', async () => {
    await engine.setTimestampServers([tsa.url]);
    const before = tsa.requests();
    expect((await engine.getTimestamps()).outcomes).toEqual([]);
    expect(tsa.requests()).toBe(before);
    const [item] = (await engine.importFiles({ paths: [await writePhoto(join(dir, 'in'), { name: 'c.jpg', seed: 7 })] })).imported;
    await engine.exportBundle({ selection: { kind: 'items', items: [item?.itemId ?? ''] }, outPath: join(dir, 'bundle-c') });
    expect(await engine.timestampStatus()).toEqual({ servers: [tsa.url], seals: 3, waiting: 1 });
    const round = await engine.getTimestamps();
    expect(round.outcomes.map((o) => o.ok)).toEqual([true]);
    expect(round).toMatchObject({ seals: 3, stamped: 3 });
    expect(tsa.requests()).toBe(before + 1);
    expect((await engine.timestampStatus()).waiting).toBe(0);
  });

  it('refuses changes on a read-only vault, but still reads the status', async () => {
    await engine.lockVault();
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE, readonly: true });
    expect(await engine.timestampStatus()).toEqual({ servers: [tsa.url], seals: 3, waiting: 0 });
    expect((await refusal(engine.setTimestampServers([]))).code).toBe('READ_ONLY');
    expect((await refusal(engine.getTimestamps())).code).toBe('READ_ONLY');
    await engine.lockVault();
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
  });

  it('locked while a server is being asked: says so and records nothing, and the vault opens again as it was', async () => {
    const silent = await startFakeTsa('silent');
    try {
      await engine.setTimestampServers([silent.url]);
      const asking = refusal(engine.getTimestamps());
      await new Promise((resolve) => setTimeout(resolve, 300));
      await engine.lockVault();
      // The request runs out its timeout (15 s) against a closed index: nothing is written, nothing signed.
      expect((await asking).code).toBe('VAULT_LOCKED');
      await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
      expect(await engine.timestampStatus()).toEqual({ servers: [silent.url], seals: 3, waiting: 3 });
      expect((await engine.auditVault()).problems).toEqual([]);
    } finally {
      await silent.close();
    }
  }, 60_000);
});
