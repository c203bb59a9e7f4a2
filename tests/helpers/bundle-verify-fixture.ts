/**
 * Correct sealed bundles for verify's tests, built in memory as path → bytes so that each
 * tamper case can change exactly one thing, and written out as a folder or a zip (one
 * top-level folder, stored entries, like Tamga's export). Custody logs are made by the
 * real custody code and every signature by a real Ed25519 signer; nothing is mocked.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { chainHeadOf, sealNextEvent, type SealedEvent } from '../../src/main/engine/custody/chain';
import { toJsonl } from '../../src/main/engine/custody/jsonl';
import { keyFingerprint, newSigningSeed, publicKeyPem, signerFromSeed, type Signer } from '../../src/main/engine/crypto/signing';
import * as L from '../../src/main/engine/bundle/layout';
import { readmeVerifyText } from '../../src/main/engine/bundle/export/readme-verify';
import { fileLines } from '../../src/main/engine/bundle/export/report-model';
import { ExhibitListPdf } from '../../src/main/engine/bundle/export/report-pdf';

export type BundleFiles = Map<string, Buffer>;

export interface FixtureExhibit {
  readonly originalName: string;
  readonly content: Buffer;
}

export const DEFAULT_EXHIBITS: readonly FixtureExhibit[] = [
  { originalName: 'IMG_1234.JPG', content: randomBytes(64 * 1024) },
  { originalName: 'Ақмола видео.MP4', content: randomBytes(200 * 1024 + 17) },
];

export function newSigner(): Signer {
  return signerFromSeed(newSigningSeed());
}

const sha = (algorithm: string, bytes: Uint8Array): string => createHash(algorithm).update(bytes).digest('hex');

function custodyChain(itemId: string, content: Buffer, originalName: string, signer: Signer): SealedEvent[] {
  const records: SealedEvent[] = [];
  const add = (type: 'acquired' | 'tagged' | 'described', data: Record<string, string | number>, minute: number): void => {
    records.push(sealNextEvent(chainHeadOf(records), signer, { chain: itemId, type, actor: 'tamga-cli 0.1.0', at: new Date(Date.UTC(2021, 0, 10, 8, minute)).toISOString(), data }));
  };
  add('acquired', { sha256: sha('sha256', content), size: content.length, sourcePath: `/media/card/DCIM/${originalName}`, originalName }, 15);
  add('tagged', { action: 'add', tag: 'Ақмола' }, 16);
  add('described', { description: 'Задержание у здания акимата' }, 17);
  return records;
}

interface PdfExhibit {
  readonly number: string;
  readonly path: string;
  readonly originalName: string;
  readonly size: number;
  readonly sha256: string;
  readonly sha512: string;
}

/** The real PDF exhibit list (export's own drawing), with the lines verify reads back. */
export function exhibitListPdf(fingerprint: string, payloadBytes: number, exhibits: readonly PdfExhibit[]): Buffer {
  const header = { bundleId: '00000000-0000-4000-8000-000000000000', sealedAt: '2021-02-01T10:00:00.000Z', caseIdentifier: '2-1234/2021', caseName: '', description: '', recipient: '' };
  const pdf = new ExhibitListPdf({ ...header, organization: '', contactName: '', contactEmail: '', keyFingerprint: fingerprint, vaultId: '', payloadBytes, exhibitCount: exhibits.length });
  for (const e of exhibits) pdf.addExhibit({ number: e.number, originalName: e.originalName, lines: fileLines(e.path, e.size, e.sha256, e.sha512) }, null);
  return pdf.finish();
}

/** Every file of a correct, sealed bundle holding `exhibits`, sealed by `signer`. */
export function buildBundle(signer: Signer, exhibits: readonly FixtureExhibit[] = DEFAULT_EXHIBITS): BundleFiles {
  const files: BundleFiles = new Map();
  const text = (path: string, value: string): void => void files.set(path, Buffer.from(value, 'utf8'));
  const fingerprint = keyFingerprint(signer.publicKey);
  const vaultId = randomUUID();
  const listed = exhibits.map((exhibit, i) => {
    const number = L.exhibitNumber(i);
    const path = `${L.PAYLOAD_DIR}/${number}_${exhibit.originalName}`;
    const itemId = randomUUID();
    const chain = custodyChain(itemId, exhibit.content, exhibit.originalName, signer);
    files.set(path, exhibit.content);
    text(L.custodyFile(number), toJsonl(chain));
    return {
      number,
      path,
      originalName: exhibit.originalName,
      itemId,
      size: exhibit.content.length,
      sha256: sha('sha256', exhibit.content),
      sha512: sha('sha512', exhibit.content),
      custody: { path: L.custodyFile(number), events: chain.length, head: chain.at(-1)?.hash ?? null },
    };
  });
  text(L.BAGIT_TXT, L.BAGIT_TXT_CONTENT);
  const bytes = exhibits.reduce((sum, e) => sum + e.content.length, 0);
  text(
    L.BAG_INFO_TXT,
    [
      'Source-Organization: Қазақстан Халықаралық Адам Құқықтары Бюросы',
      'Bagging-Date: 2021-02-01',
      `Payload-Oxum: ${L.payloadOxum(bytes, exhibits.length)}`,
      'External-Identifier: 2-1234/2021',
      'Tamga-Bundle-Format: 1',
      `Tamga-Bundle-Id: ${randomUUID()}`,
      'Tamga-Recipient: Almaty City Court',
      `Tamga-Signer: ${vaultId}`,
      `Tamga-Key-Fingerprint: ${fingerprint}`,
      'Tamga-Sealed-At: 2021-02-01T10:00:00.000Z',
      '',
    ].join('\n'),
  );
  text(L.EXHIBITS_JSON, `${JSON.stringify({ format: 'tamga-exhibits', formatVersion: 1, case: null, exhibits: listed }, null, 2)}\n`);
  text(L.EXHIBITS_CSV, `\ufeffexhibit,file,original_name,size,sha256,sha512\r\n${listed.map((e) => `${e.number},${e.path},"${e.originalName}",${e.size},${e.sha256},${e.sha512}`).join('\r\n')}\r\n`);
  text(L.VAULT_KEY_JSON, `${JSON.stringify({ format: 'tamga-vault-key', formatVersion: 1, vaultId, alg: 'ed25519', publicKey: signer.publicKey.toString('hex'), fingerprint }, null, 2)}\n`);
  text(L.REPORT_HTML, '<!doctype html><title>Exhibits</title>\n');
  files.set(L.REPORT_PDF, exhibitListPdf(fingerprint, bytes, listed));
  text(L.README_VERIFY, readmeVerifyText({ keyFingerprint: fingerprint, exhibitCount: exhibits.length, payloadBytes: bytes }));
  regenerateManifests(files);
  seal(files, signer);
  return files;
}

/** Rewrites both payload manifests from the data/ files present (as a forger would). */
export function regenerateManifests(files: BundleFiles): void {
  const payload = [...files.keys()].filter((p) => p.startsWith(`${L.PAYLOAD_DIR}/`)).sort();
  for (const [name, algorithm] of [[L.MANIFEST_SHA256, 'sha256'], [L.MANIFEST_SHA512, 'sha512']] as const) {
    files.set(name, Buffer.from(payload.map((p) => L.manifestLine(sha(algorithm, files.get(p) ?? Buffer.alloc(0)), p)).join('')));
  }
}

/** Rewrites the tag manifest over every file outside data/ and seal/ (as a forger would). */
export function regenerateTagManifest(files: BundleFiles): void {
  const tags = [...files.keys()].filter((p) => !p.startsWith(`${L.PAYLOAD_DIR}/`) && !p.startsWith('seal/') && p !== L.TAGMANIFEST_SHA256).sort();
  files.set(L.TAGMANIFEST_SHA256, Buffer.from(tags.map((p) => L.manifestLine(sha('sha256', files.get(p) ?? Buffer.alloc(0)), p)).join('')));
}

/** Regenerates the tag manifest and signs it with `signer` (the seal files included). */
export function seal(files: BundleFiles, signer: Signer): void {
  regenerateTagManifest(files);
  files.set(L.SEAL_SIGNATURE, signer.sign(files.get(L.TAGMANIFEST_SHA256) ?? Buffer.alloc(0)));
  files.set(L.SEAL_PUBLIC_KEY, Buffer.from(publicKeyPem(signer.publicKey)));
}

export async function writeBundleDir(root: string, files: BundleFiles): Promise<string> {
  for (const [path, bytes] of files) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), bytes);
  }
  return root;
}

export function fingerprintOf(signer: Signer): string {
  return keyFingerprint(signer.publicKey);
}
