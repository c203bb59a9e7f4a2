/**
 * The custody JSONL format of sealed bundles (metadata/custody/E0001.jsonl): one record a
 * line, {"event":{…},"hash":"…","signature":"…"}, each line the RFC 8785 form of the
 * record, UTF-8, ended by a line feed, in seq order. See event.ts for the whole format.
 */
import canonicalize from 'canonicalize';
import type { CustodyProblem, CustodyRecord } from '../../../shared/custody';
import { TamgaError } from '../../../shared/errors';
import { entryFromRecord, verifyEntries, type ChainEntry, type VerifyEventsOptions } from './chain';
import { EVENT_FIELDS, HEX128, HEX64, parseEvent } from './event';
import { isWithheld, withheldLine, type BundleRecord } from './withheld';

/** One record as one line (no line feed): the JCS form of {event, hash, signature}. */
export function toJsonlLine(record: CustodyRecord): string {
  const { event, hash, signature } = record;
  const picked = Object.fromEntries(EVENT_FIELDS.map((f) => [f, event[f]]));
  const line = canonicalize({ event: picked, hash, signature });
  if (line === undefined) throw new TamgaError('INTERNAL', 'A custody record has no canonical form.');
  return line;
}

/** A whole chain as a JSONL file: every line ended by a line feed (withheld records in their own form, withheld.ts). */
export function toJsonl(records: readonly BundleRecord[]): string {
  return records.map((r) => `${isWithheld(r) ? withheldLine(r) : toJsonlLine(r)}\n`).join('');
}

function corrupt(reason: string): TamgaError {
  return new TamgaError('CORRUPT', `A custody log line is not a valid record: ${reason}.`);
}

/**
 * Reads one line (without its line feed) into a record, checking its shape and that it is
 * in canonical form (CORRUPT otherwise). It does not check the hash or the signature:
 * that is what verifying the chain does.
 */
export function parseJsonlLine(line: string): CustodyRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw corrupt('it is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw corrupt('it is not a JSON object');
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  if (keys.join(',') !== 'event,hash,signature') throw corrupt('its members are not exactly event, hash and signature');
  const parsed = parseEvent(record.event);
  if (!parsed.ok) throw corrupt(`its event is malformed: ${parsed.reason}`);
  if (typeof record.hash !== 'string' || !HEX64.test(record.hash)) throw corrupt('its hash is not 64 lower-case hex digits');
  if (typeof record.signature !== 'string' || !HEX128.test(record.signature)) throw corrupt('its signature is not 128 lower-case hex digits');
  const result: CustodyRecord = { event: parsed.event, hash: record.hash, signature: record.signature };
  let canonical: string;
  try {
    canonical = toJsonlLine(result);
  } catch {
    throw corrupt('it has no canonical form');
  }
  if (canonical !== line) throw corrupt('it is not in canonical (RFC 8785) form');
  return result;
}

/**
 * Checks a whole JSONL file: every line that cannot be read, is not canonical, or breaks
 * the chain is a problem with its line number. A final line feed is expected but not
 * required; an empty line in between is a problem.
 */
export function verifyJsonl(text: string, publicKey: Uint8Array, options: VerifyEventsOptions = {}): CustodyProblem[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const entries: ChainEntry[] = lines.map((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { event: null, unreadable: 'it is not JSON', hash: null, signature: null, line: i + 1 };
    }
    const entry = entryFromRecord(value, i + 1, true);
    let canonical: string | undefined;
    try {
      canonical = canonicalize(value);
    } catch {
      canonical = undefined;
    }
    if (canonical === line) return entry;
    const note = { code: 'MALFORMED' as const, message: 'is not in canonical (RFC 8785) form' };
    return { ...entry, notes: [...(entry.notes ?? []), note] };
  });
  const chain = options.chain ?? entries.find((e) => e.event !== null)?.event?.chain ?? '';
  return verifyEntries(chain, entries, publicKey);
}
