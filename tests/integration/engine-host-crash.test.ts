// The engine worker dying under an unlocked vault (the real built worker, hosted by the
// real host as the app hosts it): every call in flight fails with a sentence, the vault
// is reported locked ('engine-stopped', which the window explains), the next call runs in
// a fresh worker, and the vault unlocks again there with nothing lost.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../src/shared/api';
import { startEngineHost } from '../../src/main/engine-host/host';
import { ROOT } from '../helpers/child-process';
import { REAL } from '../helpers/fixtures';
import { makeVault, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

const BUILT_WORKER = join(ROOT, 'out', 'main', 'engine-worker.js');

afterAll(removeTempDirs);

describe('a crashed engine worker', () => {
  it('locks the vault, says so, and is restarted by the next call', async () => {
    expect(existsSync(BUILT_WORKER), 'out/main/engine-worker.js is missing: run `npm run build` first (npm test does)').toBe(true);
    // The real worker, plus a listener that ends the thread when an audit is asked for:
    // the way a native crash or an out-of-memory abort would end it, mid-call.
    const wrapper = join(await tempDir(), 'crashing-worker.mjs');
    await writeFile(
      wrapper,
      `import { parentPort } from 'node:worker_threads';\n` +
        `parentPort.on('message', (m) => { if (m.kind === 'call' && m.method === 'auditVault') process.exit(7); });\n` +
        `await import(${JSON.stringify(pathToFileURL(BUILT_WORKER).href)});\n`,
    );
    const vault = await makeVault();
    const host = startEngineHost(wrapper);
    const events: ApiEvent[] = [];
    host.onEvent((event) => events.push(event));
    try {
      expect(await host.callEngine('unlockVault', { path: vault, passphrase: PASSPHRASE })).toMatchObject({ ok: true });
      expect(await host.callEngine('importFiles', { paths: [join(REAL, 'mei', 'Canon EOS 7D.jpg')] })).toMatchObject({ ok: true });

      expect(await host.callEngine('auditVault', undefined)).toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: 'The engine stopped unexpectedly. Unlock the vault again to go on.', details: { exitCode: 7 } },
      });
      expect(events.filter((e) => e.type === 'vaultLocked')).toEqual([{ type: 'vaultLocked', reason: 'engine-stopped' }]);

      // A fresh worker: it knows no vault, and the vault opens again with what was imported.
      expect(await host.callEngine('vaultInfo', undefined)).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
      expect(await host.callEngine('unlockVault', { path: vault, passphrase: PASSPHRASE })).toMatchObject({ ok: true });
      expect(await host.callEngine('vaultInfo', undefined)).toMatchObject({ ok: true, value: { itemCount: 1 } });
    } finally {
      await host.close();
    }
  });
});
