/**
 * Withheld custody records: how a bundle carries an event whose text must not leave the
 * vault. Tamga 0.1.0 wrote private note text into `described` events, and a description
 * marked private later was written in the clear before; such an event is signed, so it
 * cannot be rewritten, and it must not be exported. In a bundle it becomes
 *
 *   {"hash":"…","signature":"…","withheld":{"fields":["notes"],"reason":"private-field","seq":N}}
 *
 * (RFC 8785 form, one line like every record): the event's hash and signature as signed,
 * its seq, and which private fields made it withheld. A verifier checks the signature
 * over the hash and that event N+1 links to that hash, so the chain stays whole and no
 * event can be cut or swapped in its place; what it cannot check, the event's contents,
 * it reports as withheld, never as checked. docs/formats.md, "Withheld records".
 */
import canonicalize from 'canonicalize';
import type { CustodyEvent, CustodyRecord } from '../../../shared/custody';
import { TamgaError } from '../../../shared/errors';
import { PRIVATE_FIELDS } from '../../../shared/organise';

export const WITHHELD_REASON = 'private-field';

export interface WithheldRecord {
  readonly withheld: { readonly seq: number; readonly reason: string; readonly fields: readonly string[] };
  readonly hash: string;
  readonly signature: string;
}

export type BundleRecord = CustodyRecord | WithheldRecord;

export function isWithheld(record: BundleRecord): record is WithheldRecord {
  return 'withheld' in record;
}

const CAN_BE_PRIVATE: ReadonlySet<string> = new Set(PRIVATE_FIELDS);

/** Of `privateFields`, those whose text the event carries in the clear (a `described` event's {old, new}), else []. */
export function clearPrivateFields(event: CustodyEvent, privateFields: ReadonlySet<string>): string[] {
  if (event.type !== 'described') return [];
  const changes = (event.data as { changes?: unknown }).changes;
  if (typeof changes !== 'object' || changes === null) return [];
  return Object.entries(changes as Record<string, unknown>)
    .filter(([field, change]) => privateFields.has(field) && typeof change === 'object' && change !== null && ('old' in change || 'new' in change))
    .map(([field]) => field)
    .sort();
}

/** A chain as a bundle carries it: every event as it is, but those holding the text of one of the item's private fields withheld. */
export function forBundle(records: readonly CustodyRecord[], privateFields: ReadonlySet<string>): BundleRecord[] {
  return records.map((record) => {
    const fields = clearPrivateFields(record.event, privateFields);
    if (fields.length === 0) return record;
    return { withheld: { seq: record.event.seq, reason: WITHHELD_REASON, fields }, hash: record.hash, signature: record.signature };
  });
}

export function withheldLine(record: WithheldRecord): string {
  const line = canonicalize({ hash: record.hash, signature: record.signature, withheld: record.withheld });
  if (line === undefined) throw new TamgaError('INTERNAL', 'A withheld record has no canonical form.');
  return line;
}

/** A parsed value that claims to be a withheld record, checked for its exact shape; a reason when it is not one. */
export function readWithheld(value: Record<string, unknown>): { ok: true; record: WithheldRecord } | { ok: false; reason: string } {
  const keys = Object.keys(value).sort().join(',');
  if (keys !== 'hash,signature,withheld') return { ok: false, reason: 'a withheld record has exactly hash, signature and withheld' };
  const w = value.withheld as Record<string, unknown> | null;
  if (typeof w !== 'object' || w === null || Array.isArray(w) || Object.keys(w).sort().join(',') !== 'fields,reason,seq') {
    return { ok: false, reason: 'its withheld member must have exactly fields, reason and seq' };
  }
  const { seq, reason, fields } = w;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return { ok: false, reason: 'its seq must be a whole number of at least 1 (a chain\'s first event is never withheld)' };
  if (reason !== WITHHELD_REASON) return { ok: false, reason: `its reason must be "${WITHHELD_REASON}"` };
  if (!Array.isArray(fields) || fields.length === 0 || !fields.every((f) => typeof f === 'string' && CAN_BE_PRIVATE.has(f))) {
    return { ok: false, reason: `its fields must name private fields (${PRIVATE_FIELDS.join(', ')})` };
  }
  if (typeof value.hash !== 'string' || typeof value.signature !== 'string') return { ok: false, reason: 'its hash and signature must be text' };
  return { ok: true, record: { withheld: { seq, reason, fields: fields as string[] }, hash: value.hash, signature: value.signature } };
}
