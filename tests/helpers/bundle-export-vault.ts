/**
 * Vaults with evidence for the export tests: a real vault (made once per test file, since
 * each costs a full scrypt run), small generated photos with camera EXIF and GPS, a few
 * real camera files, descriptions, tags and a case; and the real tools run on a bundle.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import type { CustodyEventType } from '../../src/shared/custody';
import type { ImportSummary } from '../../src/shared/import';
import { appendEvent, readChain } from '../../src/main/engine/custody/store';
import { fillLogNodes } from '../../src/main/engine/custody/vault-log';
import { runImport } from '../../src/main/engine/ingest/import-run';
import * as organise from '../../src/main/engine/organise';
import { unlockVault, type OpenVault } from '../../src/main/engine/vault/vault';
import { REAL } from './fixtures';
import { listFiles, makeVault, PASSPHRASE } from './temp-vault';

export async function openNewVault(): Promise<{ root: string; vault: OpenVault }> {
  const root = await makeVault();
  return { root, vault: await unlockVault(root, PASSPHRASE, { actor: 'tamga-test' }) };
}

export async function importPaths(vault: OpenVault, paths: readonly string[]): Promise<ImportSummary> {
  const env = { db: vault.db, store: vault.store, signer: vault.signer, actor: vault.actor, vaultRoot: vault.paths.root, hashes: vault.legacyHashes };
  return runImport(env, { paths });
}

export interface PhotoSpec {
  readonly name: string;
  /** Makes the content distinct (and its colour). */
  readonly seed: number;
  readonly gps?: { readonly lat: number; readonly lon: number };
  readonly make?: string;
  readonly model?: string;
}

function dms(value: number): string {
  const abs = Math.abs(value);
  const d = Math.floor(abs);
  const m = Math.floor((abs - d) * 60);
  const s = Math.round(((abs - d) * 60 - m) * 60 * 100);
  return `${d}/1 ${m}/1 ${s}/100`;
}

/** A small JPEG with EXIF (capture time with offset, camera, optional GPS). */
export async function writePhoto(dir: string, spec: PhotoSpec): Promise<string> {
  const path = join(dir, spec.name);
  const colour = { r: (spec.seed * 67) % 256, g: (spec.seed * 131) % 256, b: (spec.seed * 29) % 256 };
  const gps = spec.gps
    ? { IFD3: { GPSLatitudeRef: spec.gps.lat < 0 ? 'S' : 'N', GPSLatitude: dms(spec.gps.lat), GPSLongitudeRef: spec.gps.lon < 0 ? 'W' : 'E', GPSLongitude: dms(spec.gps.lon) } }
    : {};
  const jpeg = await sharp({ create: { width: 96, height: 64, channels: 3, background: colour } })
    .composite([{ input: Buffer.from(`<svg width="96" height="64"><text x="8" y="40" font-size="28">${spec.seed}</text></svg>`) }])
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: spec.make ?? 'TestCam', Model: spec.model ?? `Model ${spec.seed}` },
      IFD2: { DateTimeOriginal: `2021:01:10 08:${String(10 + (spec.seed % 50)).padStart(2, '0')}:00`, OffsetTimeOriginal: '+06:00' },
      ...gps,
    })
    .toBuffer();
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, jpeg);
  return path;
}

/** Item id by original name, for the items a test imported. */
export function idsByName(summary: ImportSummary, root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of summary.imported) out[relative(root, f.path)] = f.itemId;
  return out;
}

/**
 * Stands in for names a file system cannot hold (slashes, 400-byte names): edits the index
 * and re-signs the item's custody chain with the name in its 'acquired' event, and rebuilds
 * the custody log from the chains, as if the file had been acquired under that name
 * (verify compares the two; audit would name the rewrite against any earlier checkpoint).
 */
export function setOriginalName(vault: OpenVault, itemId: string, name: string): void {
  const events = readChain(vault.db, itemId).map((r) => r.event);
  vault.db.transaction(() => {
    vault.db.prepare('UPDATE items SET original_name = ? WHERE id = ?').run(name, itemId);
    vault.db.prepare('DELETE FROM custody_events WHERE chain = ?').run(itemId);
    vault.db.prepare('DELETE FROM custody_log WHERE chain = ?').run(itemId);
    for (const [i, e] of events.entries()) {
      appendEvent(vault.db, vault.signer, { chain: itemId, type: e.type as CustodyEventType, actor: e.actor, at: e.at, data: i === 0 ? { ...e.data, originalName: name } : e.data });
    }
    // The log again in the order the chains now hold their events, with no hole.
    const order = vault.db.prepare('SELECT chain, seq, hash FROM custody_events ORDER BY rowid').all() as { chain: string; seq: number; hash: string }[];
    vault.db.prepare('DELETE FROM custody_log').run();
    vault.db.prepare('DELETE FROM custody_log_nodes').run();
    order.forEach((row, idx) => vault.db.prepare('INSERT INTO custody_log (idx, chain, seq, hash) VALUES (?, ?, ?, ?)').run(idx, row.chain, row.seq, row.hash));
  })();
  fillLogNodes(vault.db);
}

export function describeItem(vault: OpenVault, itemId: string, text: { title?: string; description?: string; place?: string }, tags: string[] = []): void {
  organise.describeItems(vault, { items: [itemId], ...text });
  if (tags.length > 0) organise.tagItems(vault, { items: [itemId], tags });
}

export interface ToolRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command (through bash, as an auditor types it) in `cwd`. */
export function shell(cwd: string, command: string): ToolRun {
  const r = spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file of a bundle folder, relative, sorted. */
export async function bundleFiles(dir: string): Promise<string[]> {
  return (await listFiles(dir)).map((f) => relative(dir, f));
}

/** Names a file system cannot hold, set in the index after import (see setOriginalName). */
export const SLASHED_NAME = 'DCIM/100APPLE/../../IMG_0007.JPG';
export const LONG_NAME = `${'Ұзақ атау '.repeat(40)}.jpg`;
export const KAZAKH_NAME = 'Ақмола сайлау учаскесі №12.jpg';
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>.jpg';

export interface EvidenceVault {
  readonly root: string;
  readonly vault: OpenVault;
  /** Item ids in the order tests export them (the exhibit order). */
  readonly order: readonly string[];
  /** Source file of each item (for byte comparisons), by item id. */
  readonly sources: Readonly<Record<string, string>>;
}

/**
 * Eight items: generated photos with a Kazakh name (with GPS, title, description, tags),
 * an NFD name, control characters, a hostile HTML name, two called IMG_0001.JPG, one
 * renamed to a slashed path and one to a 400-byte name; and two real camera files.
 */
export async function makeEvidenceVault(src: string): Promise<EvidenceVault> {
  const { root, vault } = await openNewVault();
  const nfd = 'Йошкар-Ола ёлка.jpg'.normalize('NFD');
  const specs: PhotoSpec[] = [
    { name: KAZAKH_NAME, seed: 1, gps: { lat: 51.1694, lon: 71.4491 }, make: 'Apple', model: 'iPhone 12' },
    { name: nfd, seed: 2 },
    { name: 'line\tbreak\u202Egpj.exe', seed: 3 },
    { name: HOSTILE_NAME, seed: 4 },
    { name: 'a/IMG_0001.JPG', seed: 5 },
    { name: 'b/IMG_0001.JPG', seed: 6 },
    { name: 'slashed.jpg', seed: 7 },
    { name: 'long.jpg', seed: 8 },
  ];
  const paths: string[] = [];
  for (const spec of specs) paths.push(await writePhoto(src, spec));
  const real = [join(REAL, 'mei', 'Apple iPhone 4.jpg'), join(REAL, 'jcodec', 'orientation.mp4')];
  const summary = await importPaths(vault, [...paths, ...real]);
  if (summary.failed.length > 0 || summary.imported.length !== paths.length + real.length) throw new Error(`import failed: ${JSON.stringify(summary.failed)}`);
  const byPath = new Map(summary.imported.map((f) => [f.path, f.itemId]));
  const order = [...paths, ...real].map((p) => byPath.get(p) ?? '');
  const sources = Object.fromEntries([...paths, ...real].map((p) => [byPath.get(p) ?? '', p]));
  const [kazakh, , , , , , slashed, long] = order;
  setOriginalName(vault, slashed ?? '', SLASHED_NAME);
  setOriginalName(vault, long ?? '', LONG_NAME);
  describeItem(
    vault,
    kazakh ?? '',
    { title: 'Карусель дауыс беру', description: 'Сайлау учаскесі №12, Ақмола облысы.\nТүнгі 20:15, бюллетеньдер салынды.', place: 'Көкшетау' },
    ['сайлау', 'Ақмола'],
  );
  return { root, vault, order, sources };
}
