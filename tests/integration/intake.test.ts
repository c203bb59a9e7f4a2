// `tamga intake`: a bagit-python bag and a ProofMode share taken into a real vault through
// the import path. Each file becomes an item with a `received` event (source bagit or
// proofmode) carrying what the check found and what its C2PA manifest states (present, not
// verified); the package's own files are kept in the provenance store. The same photo in
// the bag and in the share is one item with two `received` acquisitions. A package whose
// check fails is refused, nothing taken in, unless its problems are accepted.
import { appendFile, cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/shared/custody';
import { exportBundle } from '../../src/main/engine/bundle/export/export';
import { verifyBundle } from '../../src/main/engine/bundle/verify/verify';
import { auditVault } from '../../src/main/engine/audit/audit';
import { readChain } from '../../src/main/engine/custody/store';
import { intakePackage } from '../../src/main/engine/intake/intake';
import { listProvenance, readProvenanceFile } from '../../src/main/engine/provenance/provenance-store';
import { unlockVault, type OpenVault } from '../../src/main/engine/vault/vault';
import { importPaths, openNewVault } from '../helpers/bundle-export-vault';
import { jpegWithC2pa, makeCertificate } from '../helpers/c2pa-fixture';
import { ROOT, run, runTamga } from '../helpers/child-process';
import { phoneKey, sha256, shareZip } from '../helpers/proofmode-fixture';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

let root: string;
let vault: OpenVault;
let dir: string;
let photo: Buffer;
let bag: string;

async function makeBag(files: Record<string, Buffer>): Promise<string> {
  const path = join(await tempDir('tamga-intake-bag-'), 'bag');
  for (const [name, bytes] of Object.entries(files)) {
    await mkdir(join(path, 'data', name, '..'), { recursive: true });
    await writeFile(join(path, 'data', name), bytes);
  }
  const made = await run('/usr/bin/python3', [join(ROOT, 'tests', 'helpers', 'make_bagit_bag.py'), path, 'sha256,md5', 'Contact-Name=Айгерім Сұлтанова', 'External-Description=PS-12, Akmola, 10 Jan 2021']);
  expect(made.code).toBe(0);
  return path;
}

const itemCount = (): number => vault.db.prepare('SELECT count(*) FROM items').pluck().get() as number;

beforeAll(async () => {
  ({ root, vault } = await openNewVault());
  dir = await tempDir('tamga-intake-');
  photo = await jpegWithC2pa(await makeCertificate(dir), 'ProofMode/3.0.1 c2pa-rs/0.28.4');
  bag = await makeBag({ 'PS-12/IMG_20210110_081500.jpg': photo, 'notes.txt': Buffer.from('observer notes\n') });
}, 60_000);
afterAll(async () => {
  vault.close();
  await removeTempDirs();
});

describe('intake', () => {
  it('takes in a bagit-python bag: each payload file an item, its check and C2PA findings on the received event, bag-info kept', async () => {
    const result = await intakePackage(vault, { path: bag });
    expect(result.kind).toBe('bagit');
    expect(result.notTaken).toEqual([]);
    expect(result.items.map((i) => [i.path, i.isNew])).toEqual(expect.arrayContaining([['data/PS-12/IMG_20210110_081500.jpg', true], ['data/notes.txt', true]]));
    const item = result.items.find((i) => i.path.endsWith('.jpg'));
    const chain = readChain(vault.db, item?.itemId ?? '').map((r) => r.event);
    expect(chain.map((e) => e.type)).toEqual(['acquired', 'received']);
    expect(chain[0]?.data).toMatchObject({ sha256: sha256(photo), sourcePath: `${bag}/data/PS-12/IMG_20210110_081500.jpg`, originalName: 'IMG_20210110_081500.jpg', c2pa: { present: true, claimGenerator: 'ProofMode/3.0.1 c2pa-rs/0.28.4' } });
    expect(chain[1]?.data).toMatchObject({
      source: 'bagit',
      path: 'data/PS-12/IMG_20210110_081500.jpg',
      sha256: sha256(photo),
      check: { status: 'ok', manifests: ['md5', 'sha256'], complete: true },
      c2pa: { present: true, verification: 'not-verified', container: 'jpeg-app11', claimGenerator: 'ProofMode/3.0.1 c2pa-rs/0.28.4', signer: 'CN=ProofMode Test Signer, O=Guardian Project' },
      provenance: item?.provenanceId,
    });
    const [record] = listProvenance(vault.db, item?.itemId ?? '');
    expect(record).toMatchObject({ source: 'bagit', verdict: 'checked', statements: { metadata: { bagInfo: { 'Contact-Name': 'Айгерім Сұлтанова' } } } });
    expect(record?.files.map((f) => [f.name, f.role])).toEqual(expect.arrayContaining([['bag-info.txt', 'bag-info'], ['tagmanifest-sha256.txt', 'tag-manifest'], ['manifest-md5.txt', 'other']]));
    expect(readProvenanceFile(vault.db, record?.id ?? '', 'bag-info.txt')?.toString('utf8')).toContain('External-Description: PS-12, Akmola, 10 Jan 2021\n');
    const notes = result.items.find((i) => i.path === 'data/notes.txt');
    expect(readChain(vault.db, notes?.itemId ?? '').at(-1)?.event.data['c2pa']).toEqual({ present: false });
  });

  it('takes in a ProofMode share zip holding the same photo: the same item, a second received acquisition, the proof files kept', async () => {
    const phone = await phoneKey();
    const share = await shareZip(dir, 'share.zip', { name: 'IMG_20210110_081500.jpg', photo, signer: phone.privateKey, publicKey: phone.publicKey });
    const result = await intakePackage(vault, { path: share });
    expect(result.kind).toBe('proofmode');
    expect(result.items).toHaveLength(1);
    const [item] = result.items;
    expect(item?.isNew).toBe(false);
    const chain = readChain(vault.db, item?.itemId ?? '').map((r) => r.event);
    expect(chain.map((e) => e.type)).toEqual(['acquired', 'received', 'received']);
    const data = chain[2]?.data as JsonObject;
    expect(data).toMatchObject({ source: 'proofmode', check: { keyFingerprint: phone.privateKey.getFingerprint(), proofHash: 'match' }, c2pa: { present: true } });
    expect((data['check'] as { signatures: { status: string }[] }).signatures.map((s) => s.status)).toEqual(['valid', 'valid', 'valid']);
    const records = listProvenance(vault.db, item?.itemId ?? '');
    expect(records.map((r) => r.source)).toEqual(['bagit', 'proofmode']);
    expect(records[1]?.senderFingerprint).toBe(phone.privateKey.getFingerprint());
    expect(records[1]?.files.map((f) => f.name).sort()).toEqual(['IMG_20210110_081500.jpg.asc', `${sha256(photo)}.proof.csv`, `${sha256(photo)}.proof.csv.asc`, `${sha256(photo)}.proof.json`, `${sha256(photo)}.proof.json.asc`, 'pubkey.asc'].sort());
    expect(records[1]?.files.every((f) => f.role === 'proof')).toBe(true);
    // Both acquisitions recorded, both hops' material kept.
    expect(vault.db.prepare('SELECT count(*) FROM acquisitions WHERE item_id = ?').pluck().get(item?.itemId)).toBe(2);
  });

  it('exports the kept files with the item under metadata/provenance/E0001/<n>/, sealed, and the bundle verifies', async () => {
    const itemId = vault.db.prepare("SELECT id FROM items WHERE original_name = 'IMG_20210110_081500.jpg'").pluck().get() as string;
    const out = join(await tempDir('tamga-intake-export-'), 'bundle');
    await exportBundle(vault, { selection: { kind: 'items', items: [itemId] }, outPath: out });
    const report = await verifyBundle({ path: out, key: vault.vaultFile.signing.fingerprint });
    expect(report.problems).toEqual([]);
    expect(report.verdict).toBe('valid');
    expect(await readFile(join(out, 'metadata', 'provenance', 'E0001', '1', 'bag-info.txt'), 'utf8')).toContain('Contact-Name: Айгерім Сұлтанова\n');
    const kept = listProvenance(vault.db, itemId)[1];
    expect(await readFile(join(out, 'metadata', 'provenance', 'E0001', '2', 'pubkey.asc'))).toEqual(readProvenanceFile(vault.db, kept?.id ?? '', 'pubkey.asc'));
    expect(await readFile(join(out, 'tagmanifest-sha256.txt'), 'utf8')).toContain('  metadata/provenance/E0001/2/IMG_20210110_081500.jpg.asc\n');
    // The vault's audit re-checks the kept files against their recorded SHA-256 and finds nothing wrong.
    const audit = await auditVault(vault);
    expect(audit.ok).toBe(true);
    // A sealed Tamga bundle is a bag too, but intake sends it to receive, which keeps its custody.
    await expect(intakePackage(vault, { path: out })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('tamga receive') });
  });

  it('a plain import records a C2PA manifest on the acquired event, read from the bytes it hashed; a file without one records none', async () => {
    const src = await tempDir('tamga-intake-plain-import-');
    const pixel = await jpegWithC2pa(await makeCertificate(src, '/CN=Pixel Camera/O=Google LLC'), 'Google Pixel Camera 9.2', 0x445566);
    await writeFile(join(src, 'PXL_20210110.jpg'), pixel);
    await writeFile(join(src, 'plain.txt'), 'no manifest here');
    const summary = await importPaths(vault, [join(src, 'PXL_20210110.jpg'), join(src, 'plain.txt')]);
    const [withManifest, without] = summary.imported;
    expect(readChain(vault.db, withManifest?.itemId ?? '')[0]?.event.data['c2pa']).toEqual({
      present: true,
      verification: 'not-verified',
      container: 'jpeg-app11',
      manifest: 'urn:uuid:3f9a0c1e-2b4d-4f6a-8c0e-1a2b3c4d5e6f',
      claimGenerator: 'Google Pixel Camera 9.2',
      signer: 'CN=Pixel Camera, O=Google LLC',
    });
    expect(readChain(vault.db, without?.itemId ?? '')[0]?.event.data).not.toHaveProperty('c2pa');
  });

  it('refuses a bag whose check fails and takes in nothing, unless its problems are accepted', async () => {
    const altered = join(await tempDir('tamga-intake-alt-'), 'bag');
    await cp(bag, altered, { recursive: true });
    await appendFile(join(altered, 'data', 'notes.txt'), 'added after bagging\n');
    const before = itemCount();
    await expect(intakePackage(vault, { path: altered })).rejects.toMatchObject({ code: 'BUNDLE_REFUSED' });
    expect(itemCount()).toBe(before);
    const accepted = await intakePackage(vault, { path: altered, acceptProblems: true });
    const notes = accepted.items.find((i) => i.path === 'data/notes.txt');
    expect(notes?.isNew).toBe(true);
    expect(readChain(vault.db, notes?.itemId ?? '').at(-1)?.event.data).toMatchObject({ source: 'bagit', check: { status: 'mismatch', complete: false }, problems: expect.arrayContaining(['BAG_PAYLOAD_MISMATCH']) });
    expect(listProvenance(vault.db, notes?.itemId ?? '')[0]).toMatchObject({ verdict: 'problems-accepted' });
  });

  it('through the CLI: a refused package exits 1 with its problems, a folder that is no package exits 2', async () => {
    vault.close();
    try {
      const altered = join(await tempDir('tamga-intake-cli-'), 'bag');
      await cp(bag, altered, { recursive: true });
      await writeFile(join(altered, 'data', 'extra.jpg'), 'x');
      const refused = await runTamga(['intake', root, altered], { TAMGA_PASSPHRASE: PASSPHRASE });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('[BUNDLE_REFUSED]');
      expect(refused.stderr).toContain('BAG_PAYLOAD_UNLISTED');
      const plain = await tempDir('tamga-intake-plain-');
      await writeFile(join(plain, 'a.jpg'), photo);
      const notPackage = await runTamga(['intake', root, plain], { TAMGA_PASSPHRASE: PASSPHRASE });
      expect(notPackage.code).toBe(2);
      expect(notPackage.stderr).toContain('neither a BagIt bag');
    } finally {
      // Opened again for afterAll to close.
      vault = await unlockVault(root, PASSPHRASE);
    }
  });
});
