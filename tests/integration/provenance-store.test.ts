// The provenance store's small API (src/main/engine/provenance/provenance-store.ts), as
// receive and the other tools' intake use it: records and files kept byte for byte in the
// encrypted index, listed per item oldest first, read back by name; a bad name refused.
// The SHA-256s are Python hashlib's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addProvenance, listProvenance, readProvenanceFile, readProvenanceFiles } from '../../src/main/engine/provenance/provenance-store';
import type { OpenVault } from '../../src/main/engine/vault/vault';
import { importPaths, openNewVault, writePhoto } from '../helpers/bundle-export-vault';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

let vault: OpenVault;
let itemId: string;

beforeAll(async () => {
  ({ vault } = await openNewVault());
  const photo = await writePhoto(await tempDir('tamga-provenance-'), { name: 'a.jpg', seed: 3 });
  itemId = (await importPaths(vault, [photo])).imported[0]?.itemId ?? '';
});
afterAll(async () => {
  vault.close();
  await removeTempDirs();
});

const record = (bundleId: string, receivedAt: string) => ({
  itemId,
  source: 'bagit',
  receivedAt,
  eventSeq: null,
  bundleId,
  exhibit: null,
  senderFingerprint: null,
  senderName: null,
  tagManifestSha256: null,
  verdict: 'valid',
  problems: [],
  statements: { title: 'Их заголовок', metadata: { bagInfo: { 'Source-Organization': 'KIBHR' } } },
});

describe('the provenance store', () => {
  it('keeps records and their files byte for byte, listed oldest first, read back by name', () => {
    const bytes = Buffer.from([0, 255, 10, 13, 0x80]);
    const second = addProvenance(vault.db, record('bag-2', '2021-01-12T00:00:00.000Z'), [{ name: 'bag-info.txt', role: 'bag-info', content: Buffer.from('Source-Organization: KIBHR\n') }]);
    const first = addProvenance(vault.db, record('bag-1', '2021-01-11T00:00:00.000Z'), [
      { name: 'proof/IMG_1.jpg.proof.json', role: 'proof', content: bytes },
      { name: 'bag-info.txt', role: 'bag-info', content: Buffer.from('x') },
    ]);
    const listed = listProvenance(vault.db, itemId);
    expect(listed.map((r) => r.id)).toEqual([first, second]);
    expect(listed[0]?.statements).toEqual({ title: 'Их заголовок', metadata: { bagInfo: { 'Source-Organization': 'KIBHR' } } });
    expect(listed[0]?.files).toEqual([
      { name: 'bag-info.txt', role: 'bag-info', sha256: '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881', size: 1 },
      { name: 'proof/IMG_1.jpg.proof.json', role: 'proof', sha256: '896a425d1fade64e368ccca61003182138e59b7050bca9a7ec8f4ca99646f9fb', size: 5 },
    ]);
    expect(readProvenanceFile(vault.db, first, 'proof/IMG_1.jpg.proof.json')).toEqual(bytes);
    expect(readProvenanceFile(vault.db, first, 'nothing')).toBeNull();
    expect(readProvenanceFiles(vault.db, second).map((f) => f.content.toString())).toEqual(['Source-Organization: KIBHR\n']);
  });

  it('refuses a name that is not a relative path, or one given twice, and keeps nothing', () => {
    const before = listProvenance(vault.db, itemId).length;
    for (const name of ['../x', '/abs', 'a//b', 'a\\b', '', 'a/./b']) {
      expect(() => addProvenance(vault.db, record('bad', '2021-01-13T00:00:00.000Z'), [{ name, role: 'other', content: Buffer.from('') }])).toThrow(/relative path/);
    }
    expect(() => addProvenance(vault.db, record('bad', '2021-01-13T00:00:00.000Z'), [{ name: 'a', role: 'other', content: Buffer.from('1') }, { name: 'a', role: 'other', content: Buffer.from('2') }])).toThrow(/twice/);
    expect(listProvenance(vault.db, itemId)).toHaveLength(before);
  });
});
