/**
 * The summary an export's last step shows before anything is written: which items it
 * would seal, in exhibit order (the same selection rules as the export itself), and how
 * many of them carry a GPS position, a title, a description, a place, tags into the bundle
 * in plaintext, and how many keep a private description or notes in the vault. Counted
 * from what gatherExhibits would export, so the summary cannot promise less than the bundle holds.
 */
import type { ExportPreview, ExportSelection } from '../../../../shared/bundle';
import type { IndexDb } from '../../db/open-index';
import { gatherExhibits } from './exhibit';
import { selectItems, type QueryItems } from './selection';

export async function previewExport(db: IndexDb, selection: ExportSelection, search: QueryItems): Promise<ExportPreview> {
  const { rows } = await selectItems(db, selection, search);
  const exhibits = gatherExhibits(db, rows);
  const raw = db.prepare('SELECT description, notes FROM items WHERE id = ?');
  const count = (test: (e: (typeof exhibits)[number]) => boolean): number => exhibits.filter(test).length;
  const texts = new Map(exhibits.map((e) => [e.item.id, raw.get(e.item.id) as { description: string | null; notes: string | null } | undefined]));
  return {
    exhibits: exhibits.map((e) => ({ itemId: e.item.id, name: e.item.originalName })),
    bytes: exhibits.reduce((sum, e) => sum + e.item.size, 0),
    withGps: count((e) => (e.metadata?.gps ?? null) !== null || (e.item.gpsLat !== null && e.item.gpsLon !== null)),
    withTitle: count((e) => e.text.title.trim() !== ''),
    withDescription: count((e) => e.text.description.trim() !== ''),
    withPlace: count((e) => e.text.place.trim() !== ''),
    withTags: count((e) => e.tags.length > 0),
    privateDescriptions: count((e) => e.privateFields.has('description') && (texts.get(e.item.id)?.description ?? '').trim() !== ''),
    withNotes: count((e) => (texts.get(e.item.id)?.notes ?? '').trim() !== ''),
    acquisitions: exhibits.reduce((sum, e) => sum + e.acquisitions.length, 0),
  };
}
