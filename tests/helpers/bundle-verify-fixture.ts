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
import type { SealedExhibit } from '../../src/main/engine/bundle/export/exhibit';
import { exhibitsCsv } from '../../src/main/engine/bundle/export/exhibits-csv';
import { exhibitsJson } from '../../src/main/engine/bundle/export/exhibits-json';
import { readmeVerifyText } from '../../src/main/engine/bundle/export/readme-verify';
import { reportHtmlWithoutThumbnails } from '../../src/main/engine/bundle/export/report-html';
import { fileLines, type ReportHeader } from '../../src/main/engine/bundle/export/report-model';
import { ExhibitListPdf } from '../../src/main/engine/bundle/export/report-pdf';
import { vaultKeyJson } from '../../src/main/engine/bundle/export/vault-key';
import type { ItemRow } from '../../src/main/engine/items/item-rows';
import type { CustodyEventType, JsonObject } from '../../src/shared/custody';
import type { VaultFile } from '../../src/main/engine/vault/vault-file';

export type BundleFiles = Map<string, Buffer>;

export interface FixtureExhibit {
  readonly originalName: string;
  readonly content: Buffer;
}

export const DEFAULT_EXHIBITS: readonly FixtureExhibit[] = [
  { originalName: 'IMG_1234.JPG', content: randomBytes(64 * 1024) },
  { originalName: 'Ақмола видео.MP4', content: randomBytes(200 * 1024 + 17) },
];

/** The item columns the fixture's exhibits share (a photo with nothing read from it). */
const ITEM: ItemRow = {
  id: '',
  sha256: '',
  sha1: null,
  md5: null,
  size: 0,
  blobId: '',
  importedAt: '2021-01-10T08:15:00.000Z',
  kind: 'photo',
  format: 'jpeg',
  mime: 'image/jpeg',
  originalName: '',
  capturedUtc: null,
  capturedLocal: null,
  captureSource: null,
  gpsLat: null,
  gpsLon: null,
  make: null,
  model: null,
  width: null,
  height: null,
  durationSeconds: null,
  metadataJson: '{}',
  metadataProblemCount: 0,
  thumbStatus: null,
  thumbGridBlob: null,
  thumbPreviewBlob: null,
  thumbReason: null,
};

export function newSigner(): Signer {
  return signerFromSeed(newSigningSeed());
}

const sha = (algorithm: string, bytes: Uint8Array): string => createHash(algorithm).update(bytes).digest('hex');

/** One custody event of a fixture chain, before it is sealed. */
export interface EventSpec {
  readonly type: CustodyEventType;
  readonly data: JsonObject;
}

export interface FixtureOptions {
  /** Each exhibit's custody events, given the defaults (acquired, tagged, described) and its facts. */
  readonly events?: (exhibit: { readonly number: string; readonly bundleId: string; readonly sha256: string; readonly base: readonly EventSpec[] }) => EventSpec[];
  /** Item columns that differ from what the custody log records: exhibits.json, the CSV and the report then show these. */
  readonly item?: (number: string) => Partial<ItemRow>;
}

/** The defaults: acquired (with the legacy SHA-1 and MD5 a vault may compute), tagged, described. */
function baseEvents(content: Buffer, originalName: string): EventSpec[] {
  return [
    {
      type: 'acquired',
      data: { sha256: sha('sha256', content), sha1: sha('sha1', content), md5: sha('md5', content), size: content.length, sourcePath: `/media/card/DCIM/${originalName}`, originalName },
    },
    { type: 'tagged', data: { action: 'add', tag: 'Ақмола' } },
    { type: 'described', data: { description: 'Задержание у здания акимата' } },
  ];
}

function custodyChain(itemId: string, events: readonly EventSpec[], signer: Signer): SealedEvent[] {
  const records: SealedEvent[] = [];
  for (const [i, { type, data }] of events.entries()) {
    records.push(sealNextEvent(chainHeadOf(records), signer, { chain: itemId, type, actor: 'tamga-cli 0.1.0', at: new Date(Date.UTC(2021, 0, 10, 8, 15 + i)).toISOString(), data }));
  }
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
  const pdf = new ExhibitListPdf({ ...header, organization: '', contactName: '', contactEmail: '', keyFingerprint: fingerprint, vaultId: '', payloadBytes, exhibitCount: exhibits.length, withCustodyLog: false, hopFiles: 0 });
  for (const e of exhibits) pdf.addExhibit({ number: e.number, originalName: e.originalName, lines: fileLines(e.path, e.size, e.sha256, e.sha512) }, null);
  return pdf.finish();
}

/** Every file of a correct, sealed bundle holding `exhibits`, sealed by `signer`. */
export function buildBundle(signer: Signer, exhibits: readonly FixtureExhibit[] = DEFAULT_EXHIBITS, options: FixtureOptions = {}): BundleFiles {
  const files: BundleFiles = new Map();
  const text = (path: string, value: string): void => void files.set(path, Buffer.from(value, 'utf8'));
  const fingerprint = keyFingerprint(signer.publicKey);
  const vaultId = randomUUID();
  const bundleId = randomUUID();
  const sealed = exhibits.map((exhibit, i): SealedExhibit => {
    const number = L.exhibitNumber(i);
    const path = `${L.PAYLOAD_DIR}/${number}_${exhibit.originalName}`;
    const itemId = randomUUID();
    const sha256 = sha('sha256', exhibit.content);
    const base = baseEvents(exhibit.content, exhibit.originalName);
    const chain = custodyChain(itemId, options.events?.({ number, bundleId, sha256, base }) ?? base, signer);
    files.set(path, exhibit.content);
    text(L.custodyFile(number), toJsonl(chain));
    return {
      number,
      path,
      custodyPath: L.custodyFile(number),
      item: {
        ...ITEM,
        id: itemId,
        sha256,
        sha1: sha('sha1', exhibit.content),
        md5: sha('md5', exhibit.content),
        size: exhibit.content.length,
        originalName: exhibit.originalName,
        ...options.item?.(number),
      },
      metadata: null,
      text: { title: '', description: 'Задержание у здания акимата', place: '' },
      tags: ['Ақмола'],
      acquisitions: [{ itemId, importId: null, sourcePath: `/media/card/DCIM/${exhibit.originalName}`, fileSize: exhibit.content.length, fileModified: null, fileCreated: null, acquiredAt: ITEM.importedAt }],
      custody: chain,
      privateFields: new Set(['notes']),
      hopFiles: [],
      hopCount: 0,
      sha256,
      sha512: sha('sha512', exhibit.content),
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
      `Tamga-Bundle-Id: ${bundleId}`,
      'Tamga-Recipient: Almaty City Court',
      `Tamga-Signer: ${vaultId}`,
      `Tamga-Key-Fingerprint: ${fingerprint}`,
      'Tamga-Sealed-At: 2021-02-01T10:00:00.000Z',
      '',
    ].join('\n'),
  );
  // The metadata files as the exporter writes them (its own functions), so that verify's
  // comparisons of them with the sealed data are tested against the real formats.
  text(L.EXHIBITS_JSON, exhibitsJson(sealed, null, '2-1234/2021'));
  text(L.EXHIBITS_CSV, exhibitsCsv(sealed, '2-1234/2021'));
  text(L.VAULT_KEY_JSON, vaultKeyJson({ vaultId, signing: { publicKey: signer.publicKey.toString('hex'), fingerprint } as VaultFile['signing'] }));
  const header: ReportHeader = {
    bundleId,
    sealedAt: '2021-02-01T10:00:00.000Z',
    caseIdentifier: '2-1234/2021',
    caseName: '',
    description: '',
    recipient: 'Almaty City Court',
    organization: 'Қазақстан Халықаралық Адам Құқықтары Бюросы',
    contactName: '',
    contactEmail: '',
    keyFingerprint: fingerprint,
    vaultId,
    payloadBytes: bytes,
    exhibitCount: exhibits.length,
    hopFiles: 0,
    // As a bundle exported from a vault open read-only: no custody log files follow the seal.
    withCustodyLog: false,
  };
  text(L.REPORT_HTML, reportHtmlWithoutThumbnails(header, sealed));
  files.set(L.REPORT_PDF, exhibitListPdf(fingerprint, bytes, sealed.map((e) => ({ number: e.number, path: e.path, originalName: e.item.originalName, size: e.item.size, sha256: e.sha256, sha512: e.sha512 }))));
  text(L.README_VERIFY, readmeVerifyText({ keyFingerprint: fingerprint, exhibitCount: exhibits.length, payloadBytes: bytes, withCustodyLog: false }));
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
