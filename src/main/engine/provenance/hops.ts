/**
 * The earlier hops an exported item carries (docs/formats.md, "Hops"): for every bundle
 * the item was received in (its provenance records of source `tamga-bundle`, oldest
 * first), the hops that bundle carried for it, then the bundle itself, numbered 1, 2, …
 * per exhibit. Each hop is the sender's custody file and the seal material that vouches
 * for it, byte for byte as kept, plus a hop.json this export writes, which says where the
 * `received` event that links to the hop is: in this bundle's custody log of the exhibit
 * (`receivedIn` null), or in hop n's custody file (`receivedIn` n).
 */
import { HOP_BAG_INFO, HOP_CUSTODY, HOP_FILES_IN_ORDER, HOP_JSON, HOP_SEAL, HOP_SIGNER, HOP_TAG_MANIFEST } from '../bundle/layout';
import type { IndexDb } from '../db/open-index';
import { listProvenance, readProvenanceFiles } from './provenance-store';

export interface HopDescriptor {
  readonly format: 'tamga-hop';
  readonly formatVersion: 1;
  /** The exhibit's number in that hop's bundle (its custody file there is metadata/custody/<exhibit>.jsonl). */
  readonly exhibit: string;
  /** null: the `received` event is in this bundle's custody log of the exhibit; n: in hop n's custody.jsonl. */
  readonly receivedIn: number | null;
  /** The seq of that `received` event. */
  readonly receivedSeq: number;
}

export interface HopFolder {
  readonly hop: number;
  /** File name in the hop folder → content, in the order written (HOP_FILES_IN_ORDER, then the rest by name). */
  readonly files: ReadonlyMap<string, Buffer>;
}

/** The files of a record that travel with a hop: the chain and its seal material, the sender's log files and timestamps. */
const TRAVELLING_ROLES = new Set(['custody-chain', 'bag-info', 'tag-manifest', 'seal', 'signer', 'checkpoint', 'custody-proofs', 'timestamp', 'tsa-chain']);

export function hopJson(d: HopDescriptor): Buffer {
  return Buffer.from(`${JSON.stringify({ format: d.format, formatVersion: d.formatVersion, exhibit: d.exhibit, receivedIn: d.receivedIn, receivedSeq: d.receivedSeq }, null, 2)}\n`, 'utf8');
}

function ordered(files: Map<string, Buffer>): Map<string, Buffer> {
  const rank = (name: string): number => {
    const i = (HOP_FILES_IN_ORDER as readonly string[]).indexOf(name);
    return i < 0 ? HOP_FILES_IN_ORDER.length : i;
  };
  return new Map([...files].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)));
}

function parseDescriptor(bytes: Buffer | undefined): HopDescriptor | null {
  try {
    const d = JSON.parse(bytes?.toString('utf8') ?? '') as Partial<HopDescriptor>;
    if (typeof d.exhibit !== 'string' || typeof d.receivedSeq !== 'number' || !(d.receivedIn === null || typeof d.receivedIn === 'number')) return null;
    return { format: 'tamga-hop', formatVersion: 1, exhibit: d.exhibit, receivedIn: d.receivedIn, receivedSeq: d.receivedSeq };
  } catch {
    return null;
  }
}

export function hopsOf(db: IndexDb, itemId: string): HopFolder[] {
  const out: HopFolder[] = [];
  for (const record of listProvenance(db, itemId)) {
    if (record.source !== 'tamga-bundle' || record.eventSeq === null || record.exhibit === null) continue;
    const kept = readProvenanceFiles(db, record.id);
    // The hops that bundle carried, by their number there.
    const earlier = new Map<number, Map<string, Buffer>>();
    for (const f of kept) {
      const m = /^hops\/(\d+)\/([^/]+)$/u.exec(f.name);
      if (m === null) continue;
      const n = Number(m[1]);
      const files = earlier.get(n) ?? new Map<string, Buffer>();
      files.set(m[2] ?? '', f.content);
      earlier.set(n, files);
    }
    const offset = out.length;
    const numbers = [...earlier.keys()].sort((a, b) => a - b);
    const own = offset + numbers.length + 1;
    numbers.forEach((n, i) => {
      const files = earlier.get(n) ?? new Map<string, Buffer>();
      const d = parseDescriptor(files.get(HOP_JSON));
      // A pointer into that bundle: its own log becomes the record's hop; hop m there becomes hop offset + m's position.
      if (d !== null) {
        const at = d.receivedIn === null ? -1 : numbers.indexOf(d.receivedIn);
        const target = d.receivedIn === null ? own : at < 0 ? offset + d.receivedIn : offset + at + 1;
        files.set(HOP_JSON, hopJson({ ...d, receivedIn: target }));
      }
      out.push({ hop: offset + i + 1, files: ordered(files) });
    });
    const files = new Map<string, Buffer>([[HOP_JSON, hopJson({ format: 'tamga-hop', formatVersion: 1, exhibit: record.exhibit, receivedIn: null, receivedSeq: record.eventSeq })]]);
    for (const f of kept) if (TRAVELLING_ROLES.has(f.role) && !f.name.includes('/')) files.set(f.name, f.content);
    out.push({ hop: own, files: ordered(files) });
  }
  return out;
}

export const HOP_REQUIRED_FILES = [HOP_JSON, HOP_CUSTODY, HOP_BAG_INFO, HOP_TAG_MANIFEST, HOP_SEAL, HOP_SIGNER] as const;
