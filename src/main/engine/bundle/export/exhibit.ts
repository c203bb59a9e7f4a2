/**
 * One exhibit as export sees it: the item row, what was read from the file, what people
 * wrote about it, where it was acquired, and its whole custody chain, gathered from the
 * index before a byte is written, so that the bundle describes one consistent moment.
 *
 * Notes (items.notes) are working notes and are never exported, nor is a description
 * marked private (it is exported as ""); title, description, place and tags are. The
 * custody events that carry a private field's text are withheld (custody/withheld.ts). Of the cases an item belongs to, only the bundle's own is named: other
 * case names may be other clients' matters.
 */
import type { ExtractedMetadata } from '../../../../shared/metadata';
import type { IndexDb } from '../../db/open-index';
import { readChain, type StoredEvent } from '../../custody/store';
import { acquisitionsOf, tagsOf, type AcquisitionRow, type ItemRow } from '../../items/item-rows';
import { exifToolOutputOf, type ExifToolOutput } from '../../items/exiftool-output';
import { PAYLOAD_DIR, custodyFile, exhibitNumber, exiftoolFile, hopFile } from '../layout';
import { hopsOf } from '../../provenance/hops';
import { keptFilesOf } from '../../provenance/kept-files';
import { isDescriptionPrivate, privateFieldsOf } from '../../organise/private-fields';
import { exhibitFileNames } from './exhibit-name';

export interface ItemText {
  readonly title: string;
  readonly description: string;
  readonly place: string;
}

export interface Exhibit {
  /** E0001 … */
  readonly number: string;
  /** The payload path inside the bundle, e.g. data/E0001_IMG_1234.JPG. */
  readonly path: string;
  /** metadata/custody/E0001.jsonl */
  readonly custodyPath: string;
  readonly item: ItemRow;
  readonly metadata: ExtractedMetadata | null;
  readonly text: ItemText;
  readonly tags: readonly string[];
  readonly acquisitions: readonly AcquisitionRow[];
  readonly custody: readonly StoredEvent[];
  /** The item's private fields (private-fields.ts): their text is in no file of the bundle. */
  readonly privateFields: ReadonlySet<string>;
  /** ExifTool's whole output when ExifTool read the file at import, and where it goes (metadata/exiftool/E0001.json). */
  readonly exiftool: { readonly path: string; readonly output: ExifToolOutput } | null;
  /**
   * The earlier hops it carries (provenance/hops.ts), oldest first, then the files an intake
   * kept (provenance/kept-files.ts): each file's bundle path and bytes, in the order written.
   */
  readonly hopFiles: readonly { readonly path: string; readonly content: Buffer }[];
  /** How many hops those files make. */
  readonly hopCount: number;
}

/** What an exhibit gains once its bytes were streamed into the bundle. */
export interface Digests {
  readonly sha256: string;
  readonly sha512: string;
}

export type SealedExhibit = Exhibit & Digests;

function parseMetadata(json: string): ExtractedMetadata | null {
  try {
    const parsed = JSON.parse(json) as Partial<ExtractedMetadata>;
    return parsed.kind === undefined ? null : (parsed as ExtractedMetadata);
  } catch {
    return null;
  }
}

/** Title, description (none when private) and place; `place` arrived with schema 5 and reads as '' before it. */
function itemText(db: IndexDb, itemId: string, privateFields: ReadonlySet<string>): ItemText {
  const row = db.prepare('SELECT * FROM items WHERE id = ?').get(itemId) as Record<string, unknown> | undefined;
  const text = (key: string): string => (typeof row?.[key] === 'string' && !privateFields.has(key) ? row[key] : '');
  return { title: text('title'), description: text('description'), place: text('place') };
}

function exiftoolOf(db: IndexDb, itemId: string, number: string): Exhibit['exiftool'] {
  const output = exifToolOutputOf(db, itemId);
  return output === null ? null : { path: exiftoolFile(number), output };
}

function hopFilesOf(db: IndexDb, itemId: string, number: string): Pick<Exhibit, 'hopFiles' | 'hopCount'> {
  const hops = hopsOf(db, itemId);
  const hopFiles = hops.flatMap((h) => [...h.files].map(([name, content]) => ({ path: hopFile(number, h.hop, name), content })));
  // The files an intake kept (a bag's bag-info, a ProofMode share's proofs) travel with the item too, counted with the hops' files.
  return { hopCount: hops.length, hopFiles: [...hopFiles, ...keptFilesOf(db, itemId, number)] };
}

export function gatherExhibits(db: IndexDb, rows: readonly ItemRow[]): Exhibit[] {
  const numbers = rows.map((_, i) => exhibitNumber(i));
  const names = exhibitFileNames(rows.map((row, i) => ({ exhibit: numbers[i] ?? '', originalName: row.originalName })));
  return rows.map((item, i) => {
    const number = numbers[i] ?? exhibitNumber(i);
    const privateFields = privateFieldsOf(isDescriptionPrivate(db, item.id));
    return {
      number,
      path: `${PAYLOAD_DIR}/${names[i] ?? ''}`,
      custodyPath: custodyFile(number),
      item,
      metadata: parseMetadata(item.metadataJson),
      text: itemText(db, item.id, privateFields),
      tags: tagsOf(db, item.id),
      acquisitions: acquisitionsOf(db, item.id),
      custody: readChain(db, item.id),
      privateFields,
      exiftool: exiftoolOf(db, item.id, number),
      ...hopFilesOf(db, item.id, number),
    };
  });
}
