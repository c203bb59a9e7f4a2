/**
 * The exhibits of a select-all, from the engine: the export's own reading of the query
 * (previewExport, oldest capture first, at most MAX_EXHIBITS), less the items deselected
 * after select-all. The window never held these ids; the wizard's list (virtualised) and
 * its count come from this answer.
 */
import type { QuerySelection } from '../../../../shared/organise';
import { tamga } from '../../api';
import type { ExhibitEntry } from './ExhibitOrder';

export async function exhibitsOfQuery(selection: QuerySelection): Promise<ExhibitEntry[]> {
  const preview = await tamga.previewExport({ kind: 'query', query: selection.query });
  const except = new Set(selection.except ?? []);
  return preview.exhibits.filter((e) => !except.has(e.itemId)).map((e) => ({ id: e.itemId, name: e.name, inResults: true }));
}
