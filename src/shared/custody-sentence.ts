/**
 * One custody event as a sentence a judge can read ("Tagged ‘ballot stuffing’ by Aigerim
 * (Tamga 0.2.0), 10 Jan 2021, 14:02 +06:00"), the facts it records as labelled values
 * (hashes shortened, with their full value for copying), and, for descriptions, the old
 * and the new text. Only what the event holds is said: a private field's change is
 * recorded as a salted commitment, so it is "changed" and nothing more; an event of a
 * kind this version does not know is named as such, never dropped. Pure and shared: the
 * window's timeline and `tamga show` say the same sentence; the words come from the
 * caller's `t` (the window's i18next, the CLI's English table), times and sizes from the
 * caller's formatters (the window's locale, the CLI's ISO-like text).
 */
import { ITEM_EVENT_TYPES, VAULT_EVENT_TYPES, type CustodyEvent, type CustodyEventType, type JsonValue } from './custody';
import { splitActor } from './operator';

/** A `t`, narrowed to what the builder needs (a key and its values; `count` picks the plural form). */
export type Words = (key: string, values?: Record<string, string | number>) => string;

export interface EventFact {
  readonly key: string;
  readonly label: string;
  /** As shown: a hash or id shortened to its first 12 characters with "…". */
  readonly text: string;
  /** The full value, for the Copy button, when `text` shortens it. */
  readonly copy: string | null;
}

export interface DescribedChange {
  readonly field: string;
  /** A plain sentence: "Title changed from ‘A’ to ‘B’.", or "Private notes changed …". */
  readonly text: string;
}

export interface EventSentence {
  /** The act, who did it and when, as one sentence. */
  readonly sentence: string;
  /** False for an event type this version does not know (a newer Tamga's). */
  readonly known: boolean;
  readonly changes: readonly DescribedChange[];
  readonly facts: readonly EventFact[];
}

/** How times and sizes are written: the window's Intl in its language, the CLI's plain text. */
export interface SentenceFormat {
  /** An instant (ISO 8601) as shown, with its offset: "10 Jan 2021, 14:02 +06:00". */
  readonly time: (iso: string) => string;
  /** A byte count, abbreviated ("338 kB") and in full ("338,025"). */
  readonly bytes: (bytes: number) => { readonly size: string; readonly bytes: string };
}

/** The kinds with a sentence of their own: every type the engine writes (src/shared/custody.ts). */
export const SENTENCE_KINDS: readonly CustodyEventType[] = [...new Set<CustodyEventType>([...ITEM_EVENT_TYPES, ...VAULT_EVENT_TYPES])];

const KNOWN: ReadonlySet<string> = new Set(SENTENCE_KINDS);
const HEX = /^[0-9a-f]{32,}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const SHORT = 12;

/** The facts shown under the sentence, in this order, when the event holds them. */
const FACT_KEYS = [
  'sha256',
  'sha1',
  'md5',
  'size',
  'fileModified',
  'fileCreated',
  'warnings',
  'bundleId',
  'exhibit',
  'recipient',
  'tagManifestSha256',
  'caseId',
  'importId',
  'keyFingerprint',
  'fingerprint',
] as const;

function str(value: JsonValue | undefined): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

function record(value: JsonValue | undefined): Readonly<Record<string, JsonValue>> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Readonly<Record<string, JsonValue>>) : null;
}

/** "tamga-app 0.2.0" → "Tamga 0.2.0"; "tamga-cli 0.2.0" → "Tamga 0.2.0, command line"; anything else as recorded. */
export function toolText(tool: string, t: Words): string {
  const match = /^tamga-(app|cli|engine) (\S+)$/.exec(tool);
  if (match === null) return tool;
  return t(match[1] === 'cli' ? 'custody.sentence.toolCli' : 'custody.sentence.tool', { version: match[2] ?? '' });
}

function factText(key: string, value: JsonValue, t: Words, format: SentenceFormat): { text: string; copy: string | null } | null {
  if (Array.isArray(value)) {
    const items = value.map((v) => str(v)).filter((v): v is string => v !== null);
    return items.length === 0 ? null : { text: items.join('; '), copy: null };
  }
  const text = str(value);
  if (text === null || text === '') return null;
  if (key === 'size' && typeof value === 'number') return { text: t('custody.sentence.bytes', format.bytes(value)), copy: null };
  if (ISO.test(text)) return { text: format.time(text), copy: null };
  if (HEX.test(text) || UUID.test(text)) return { text: `${text.slice(0, SHORT)}…`, copy: text };
  return { text, copy: null };
}

function factsOf(data: Readonly<Record<string, JsonValue>>, t: Words, format: SentenceFormat): EventFact[] {
  const facts: EventFact[] = [];
  for (const key of FACT_KEYS) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    const shown = factText(key, value, t, format);
    if (shown !== null) facts.push({ key, label: t(`custody.fields.${key}`), ...shown });
  }
  return facts;
}

function quoted(text: string, t: Words): string {
  return t('custody.sentence.quoted', { text });
}

/** Each change a `described` event records: old and new text, or only that a private field changed. */
function describedChanges(data: Readonly<Record<string, JsonValue>>, t: Words): DescribedChange[] {
  const changes = record(data['changes']);
  if (changes === null) return [];
  return Object.entries(changes).flatMap(([field, raw]): DescribedChange[] => {
    const change = record(raw);
    if (change === null) return [];
    const name = t(`custody.describedField.${field}`, { defaultValue: field });
    if (field === 'descriptionPrivate') {
      return [{ field, text: t(change['new'] === true ? 'custody.sentence.madePrivate' : 'custody.sentence.madeExportable') }];
    }
    // A private field's text is not in the event, only a salted commitment to it.
    if (change['commitment'] !== undefined && change['old'] === undefined) return [{ field, text: t('custody.sentence.privateChanged', { field: name }) }];
    const before = str(change['old']) ?? '';
    const after = str(change['new']) ?? '';
    if (before === '') return [{ field, text: t('custody.sentence.fieldSet', { field: name, new: quoted(after, t) }) }];
    if (after === '') return [{ field, text: t('custody.sentence.fieldCleared', { field: name, old: quoted(before, t) }) }];
    return [{ field, text: t('custody.sentence.fieldChanged', { field: name, old: quoted(before, t), new: quoted(after, t) }) }];
  });
}

/** The act itself, without who or when: "Tagged ‘ballot stuffing’". */
function actOf(event: CustodyEvent, changes: readonly DescribedChange[], t: Words): string {
  const d = event.data;
  const s = (key: string): string => str(d[key]) ?? '';
  switch (event.type) {
    case 'acquired':
      return t('custody.sentence.acquired', { path: s('sourcePath') });
    case 're-acquired':
      return t('custody.sentence.re-acquired', { path: s('sourcePath') });
    case 'extracted':
      return t('custody.sentence.extracted', { path: s('to') });
    case 'described':
      return changes.length === 1 ? (changes[0]?.text ?? '') : t('custody.sentence.described', { count: changes.length });
    case 'tagged':
      return t(d['importId'] !== undefined && d['old'] === undefined ? 'custody.sentence.taggedAtImport' : 'custody.sentence.tagged', { tag: quoted(s('tag'), t) });
    case 'untagged':
      return t('custody.sentence.untagged', { tag: quoted(s('tag'), t) });
    case 'added-to-case':
      return t('custody.sentence.added-to-case', { case: quoted(s('caseName'), t) });
    case 'removed-from-case':
      return t('custody.sentence.removed-from-case', { case: quoted(s('caseName'), t) });
    case 'exported':
      if (d['exhibit'] !== undefined) {
        return t(s('recipient') === '' ? 'custody.sentence.exportedExhibit' : 'custody.sentence.exportedExhibitTo', { exhibit: s('exhibit'), recipient: s('recipient') });
      }
      return t(s('recipient') === '' ? 'custody.sentence.exported' : 'custody.sentence.exportedTo', { count: Number(d['exhibits'] ?? 0), recipient: s('recipient') });
    case 'delivered': {
      const trust = s('recipientTrust');
      const trustKey = trust === 'expected' ? 'deliveredTrustExpected' : trust === 'known-sender' ? 'deliveredTrustKnownSender' : 'deliveredTrustUnconfirmed';
      return t('custody.sentence.delivered', { key: s('recipientFingerprint').slice(0, 16), trust: t(`custody.sentence.${trustKey}`) });
    }
    case 'received':
      // Taken in from another tool's package (intake): no bundle, no Tamga sender.
      if (s('source') === 'bagit') return t('custody.sentence.receivedBag');
      if (s('source') === 'proofmode') return t('custody.sentence.receivedProofMode');
      // The sender as the receiving vault knew them: its known-sender name, else the key's fingerprint (short).
      return t('custody.sentence.received', { bundle: s('bundleId').slice(0, 8), sender: s('senderName') === '' ? `${s('senderFingerprint').slice(0, 12)}…` : s('senderName'), verdict: s('verdict') });
    default:
      return t(`custody.sentence.${event.type}`);
  }
}

export function eventSentence(event: CustodyEvent, t: Words, format: SentenceFormat): EventSentence {
  const { operator, tool } = splitActor(event.actor);
  const when = format.time(event.at);
  const known = KNOWN.has(event.type);
  const changes = event.type === 'described' ? describedChanges(event.data, t) : [];
  const act = known ? actOf(event, changes, t) : t('custody.sentence.unknownKind', { kind: event.type });
  const sentence =
    operator === null
      ? t('custody.sentence.byTool', { act, tool: toolText(tool, t), when })
      : t('custody.sentence.byOperator', { act, operator, tool: toolText(tool, t), when });
  return { sentence, known, changes: changes.length === 1 && event.type === 'described' ? [] : changes, facts: known ? factsOf(event.data, t, format) : [] };
}
