// The evidence path observer → coordinator → lawyer through the CLI: each hop received
// (verified first, the sender's chain and seal kept), the lawyer's bundle verifies with
// every hop and states the path in plain words; a change to any hop's chain, seal or the
// received-event link is named with the hop and fails the exhibit.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../src/shared/bundle';
import type { ItemDetail } from '../../src/shared/items';
import { runTamga } from '../helpers/child-process';
import { evidencePath, tamga, tamgaJson, type EvidencePath } from '../helpers/receive-vaults';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

let path: EvidencePath;
let bundle3: string;

beforeAll(async () => {
  path = await evidencePath({ lawyerExports: true });
  bundle3 = path.bundle3?.outPath ?? '';
}, 900_000);
afterAll(removeTempDirs);

async function verify(bundle: string, key: string): Promise<{ code: number | null; report: VerifyReport }> {
  const run = await runTamga(['verify', bundle, '--key', key, '--json']);
  return { code: run.code, report: JSON.parse(run.stdout) as VerifyReport };
}

/** A copy of the lawyer's bundle with one hop file changed by `change`. */
async function tampered(hopFile: string, change: (bytes: Buffer) => Buffer): Promise<string> {
  const copy = join(await tempDir('tamga-receive-tamper-'), 'bundle3');
  await cp(bundle3, copy, { recursive: true });
  const file = join(copy, 'metadata', 'hops', 'E0001', hopFile);
  await writeFile(file, change(await readFile(file)));
  return copy;
}

const short = (id: string): string => `${id.slice(0, 8)}…`;

describe('receiving a bundle', () => {
  it("records a 'received' event naming the bundle, the sender's key, the tag manifest, the verdict and the sender's last event", async () => {
    const item = await tamgaJson<ItemDetail>(['show', path.coordinator.root, path.received1.received[0]?.itemId ?? '']);
    expect(item.sha256).toBe(path.photoSha256);
    // acquired (of the bundle's file), received; then the coordinator's own export.
    expect(item.custody.map((r) => r.event.type)).toEqual(['acquired', 'received', 'exported']);
    const received = item.custody[1]?.event;
    // The observer's chain as sealed in bundle 1, which bundle 2 carries as hop 1.
    const senderChain = (await readFile(join(path.bundle2.outPath, 'metadata/hops/E0001/1/custody.jsonl'), 'utf8')).trim().split('\n');
    const senderHead = (JSON.parse(senderChain.at(-1) ?? '{}') as { hash: string }).hash;
    expect(received?.actor).toMatch(/^M\. Dzhaksybekov \(coordinator\) · tamga-cli /);
    expect(received?.data).toMatchObject({
      source: 'tamga-bundle',
      bundleId: path.bundle1.bundleId,
      exhibit: 'E0001',
      senderVault: path.observer.vaultId,
      senderFingerprint: path.observer.fingerprint,
      tagManifestSha256: path.bundle1.tagManifestSha256,
      verdict: 'valid',
      senderHead,
      sha256: path.photoSha256,
      provenance: item.provenance[0]?.id,
    });
    expect(received?.data).not.toHaveProperty('problems');
    expect(item.acquisitions).toHaveLength(1);
    expect(item.acquisitions[0]?.sourcePath).toBe(`${path.bundle1.outPath}/data/E0001_IMG_0660.JPG`);
    // The sender's statements, kept apart, and the sender's material, kept whole.
    expect(item.tags).toEqual([]);
    expect(item.provenance).toHaveLength(1);
    expect(item.provenance[0]?.statements).toMatchObject({ title: 'Polling station 660, ballot box', tags: ['ballot stuffing'], originalName: 'IMG_0660.JPG' });
    expect(item.provenance[0]?.files.map((f) => f.name)).toEqual(
      expect.arrayContaining(['custody.jsonl', 'signer.pem', 'tagmanifest-sha256.txt', 'tagmanifest-sha256.txt.sig', 'bag-info.txt', 'custody-log.checkpoint', 'custody-proofs.jsonl', 'exhibit.json']),
    );
  });

  it("shows the sender's statements apart (\"Sender's title: …\") and never as the vault's own", async () => {
    const id = path.received1.received[0]?.itemId ?? '';
    const text = await tamga(['show', path.coordinator.root, id]);
    expect(text.stdout).toContain("Sender's title: Polling station 660, ballot box");
    expect(text.stdout).toContain("Sender's tags: ballot stuffing");
    expect(text.stdout).toMatch(/\nTags +—\n/);
    const own = await tamga(['describe', path.coordinator.root, id]);
    expect(own.code).toBe(0);
    expect(own.stdout).not.toContain('Polling station 660');
    // The lawyer's sender is the coordinator, who stated no title: none is invented.
    const lawyers = await tamgaJson<ItemDetail>(['show', path.lawyer.root, path.received2.received[0]?.itemId ?? '']);
    expect(lawyers.provenance[0]?.statements.title).toBeUndefined();
    expect(lawyers.provenance[0]?.files.map((f) => f.name)).toEqual(expect.arrayContaining(['custody.jsonl', 'hops/1/custody.jsonl', 'hops/1/hop.json', 'hops/1/signer.pem']));
  });

  it("the lawyer's bundle verifies with every hop, and states the path in plain words", async () => {
    const { code, report } = await verify(bundle3, path.lawyer.fingerprint);
    expect(report.problems).toEqual([]);
    expect(code).toBe(0);
    const exhibit = report.exhibits[0];
    expect(exhibit?.status).toBe('PASS');
    expect(exhibit?.hops).toBe(2);
    const words = exhibit?.hopPath ?? '';
    expect(words).toMatch(/^captured 2021-01-10 08:\d\d:00 \(exif\); imported by Aigerim Sultanova \(observer\) into vault /);
    expect(words).toContain(`into vault ${short(path.observer.vaultId)} on `);
    expect(words).toContain(`; sealed by ${short(path.observer.vaultId)} on `);
    expect(words).toContain(`; received and checked by M. Dzhaksybekov (coordinator) (vault ${short(path.coordinator.vaultId)}) on `);
    expect(words).toContain(`; sealed by ${short(path.coordinator.vaultId)} on `);
    expect(words).toContain(`; received and checked by Daniyar Bekov (lawyer) (vault ${short(path.lawyer.vaultId)}) on `);
    expect(words).toMatch(new RegExp(`; sealed by ${path.lawyer.vaultId.slice(0, 8)}… on \\d{1,2} [A-Z][a-z]{2} \\d{4}$`));
    const text = await runTamga(['verify', bundle3, '--key', path.lawyer.fingerprint]);
    expect(text.stdout).toContain(`Path (2 earlier hops, each checked): ${words}`);
    // The exhibit list states the same path.
    const html = await readFile(join(bundle3, 'report', 'exhibit-list.html'), 'utf8');
    expect(html).toContain('<dt>Path</dt>');
    const csv = await readFile(join(bundle3, 'metadata', 'exhibits.csv'), 'utf8');
    expect(csv).toContain(words);
  });

  it('the plain tools check every hop file: they are listed in the tag manifest and counted', async () => {
    const manifest = await readFile(join(bundle3, 'tagmanifest-sha256.txt'), 'utf8');
    for (const hop of [1, 2]) for (const name of ['hop.json', 'custody.jsonl', 'bag-info.txt', 'tagmanifest-sha256.txt', 'tagmanifest-sha256.txt.sig', 'signer.pem']) {
      expect(manifest).toContain(`  metadata/hops/E0001/${hop}/${name}\n`);
    }
  });

  for (const hop of [1, 2]) {
    it(`a changed chain in hop ${hop} is named with the hop`, async () => {
      const copy = await tampered(`${hop}/custody.jsonl`, (b) => Buffer.from(b.toString('utf8').replace('"acquired"', '"acquired" ').replace('"acquired" ', '"acquired"').replace(/"at":"(\d{4})/u, '"at":"1999'), 'utf8'));
      const { code, report } = await verify(copy, path.lawyer.fingerprint);
      expect(code).toBe(1);
      expect(report.exhibits[0]?.status).toBe('FAIL');
      expect(report.problems.find((p) => p.code === 'HOP_CHAIN_INVALID')?.message).toMatch(new RegExp(`^Hop ${hop} of E0001 \\(sealed by vault `));
    });

    it(`a changed seal in hop ${hop} is named with the hop`, async () => {
      const copy = await tampered(`${hop}/tagmanifest-sha256.txt.sig`, (b) => Buffer.from(b.map((x, i) => (i === 0 ? x ^ 1 : x))));
      const { report } = await verify(copy, path.lawyer.fingerprint);
      expect(report.exhibits[0]?.status).toBe('FAIL');
      expect(report.problems.find((p) => p.code === 'HOP_SEAL_INVALID')?.message).toMatch(new RegExp(`^Hop ${hop} of E0001 .*its seal does not verify`));
    });
  }

  it('a hop swapped for another valid hop of the same exhibit breaks the received-event link, named with the hop', async () => {
    // The observer exports the item again after one more act: a hop as well sealed as the
    // first, but not the one the coordinator received (another bundle, a longer chain).
    await tamga(['tag', path.observer.root, path.photoSha256, '--add', 'later']);
    const again = await tamgaJson<{ outPath: string }>(['export', path.observer.root, '--items', path.photoSha256, '--out', join(path.dir, 'bundle1-again')]);
    const copy = join(await tempDir('tamga-receive-swap-'), 'bundle3');
    await cp(bundle3, copy, { recursive: true });
    for (const [name, from] of [['custody.jsonl', 'metadata/custody/E0001.jsonl'], ['bag-info.txt', 'bag-info.txt'], ['tagmanifest-sha256.txt', 'tagmanifest-sha256.txt'], ['tagmanifest-sha256.txt.sig', 'seal/tagmanifest-sha256.txt.sig'], ['signer.pem', 'seal/signer.pem']] as const) {
      await cp(join(again.outPath, from), join(copy, 'metadata', 'hops', 'E0001', '1', name));
    }
    const { report } = await verify(copy, path.lawyer.fingerprint);
    expect(report.exhibits[0]?.status).toBe('FAIL');
    const link = report.problems.find((p) => p.code === 'HOP_LINK_BROKEN');
    expect(link?.message).toMatch(/^Hop 1 of E0001 .*the "received" event \(event 1 of hop 2's chain\) does not name this hop: its bundleId, tagManifestSha256, senderHead differ/);
    // The hop itself is intact: only its link fails.
    expect(report.problems.map((p) => p.code)).not.toContain('HOP_CHAIN_INVALID');
    expect(report.problems.map((p) => p.code)).not.toContain('HOP_SEAL_INVALID');
  });

  it('a hop removed is HOP_MISSING: the received event has nothing to link to', async () => {
    const copy = join(await tempDir('tamga-receive-drop-'), 'bundle3');
    await cp(bundle3, copy, { recursive: true });
    const { rm } = await import('node:fs/promises');
    await rm(join(copy, 'metadata', 'hops', 'E0001', '1'), { recursive: true });
    const { report } = await verify(copy, path.lawyer.fingerprint);
    expect(report.exhibits[0]?.status).toBe('FAIL');
    expect(report.problems.find((p) => p.code === 'HOP_MISSING')?.message).toContain(`Event 1 of hop 2's chain of E0001 records receiving it in bundle ${path.bundle1.bundleId}`);
  });
});
