/**
 * What the sender stated about an exhibit (its exhibits.json entry and the bundle's
 * bag-info.txt), kept as the sender's statements: never merged into this vault's own
 * title, description, place or tags (docs/formats.md, "Provenance").
 */
import type { SenderStatements } from '../../../shared/provenance';

const OWN_FIELDS = new Set(['title', 'description', 'place', 'tags', 'originalName', 'case']);

/** The entry of exhibits.json for one exhibit, or null (the check has judged the file; this only picks). */
export function listedEntry(exhibitList: Buffer | null, exhibit: string): Record<string, unknown> | null {
  if (exhibitList === null) return null;
  try {
    const doc = JSON.parse(exhibitList.toString('utf8')) as { exhibits?: unknown };
    const found = Array.isArray(doc.exhibits) ? (doc.exhibits as unknown[]).find((e) => (e as { number?: unknown } | null)?.number === exhibit) : undefined;
    return typeof found === 'object' && found !== null ? (found as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function senderStatements(entry: Record<string, unknown> | null, bagInfo: ReadonlyMap<string, string>): SenderStatements {
  const text = (key: string): Partial<Record<string, string>> => (typeof entry?.[key] === 'string' && entry[key] !== '' ? { [key]: entry[key] } : {});
  const tags = Array.isArray(entry?.tags) ? (entry.tags as unknown[]).filter((t): t is string => typeof t === 'string') : [];
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry ?? {})) if (!OWN_FIELDS.has(key)) metadata[key] = value;
  if (bagInfo.size > 0) metadata.bagInfo = Object.fromEntries(bagInfo);
  return {
    ...text('title'),
    ...text('description'),
    ...text('place'),
    ...(tags.length > 0 ? { tags } : {}),
    ...text('originalName'),
    ...(typeof entry?.case === 'string' ? { case: entry.case } : {}),
    metadata,
  };
}

/** bag-info.txt's labels and values as written (first of each label), for the statements. */
export function bagInfoLabels(bytes: Uint8Array | null): Map<string, string> {
  const out = new Map<string, string>();
  if (bytes === null) return out;
  for (const line of Buffer.from(bytes).toString('utf8').split('\n')) {
    const at = line.indexOf(': ');
    if (at <= 0) continue;
    const label = line.slice(0, at);
    if (!out.has(label)) out.set(label, line.slice(at + 2));
  }
  return out;
}
