/**
 * Metadata items in `meta` boxes: Apple's `mdta` style (`keys` names each item, `ilst`
 * holds the values by 1-based key index: com.apple.quicktime.location.ISO6709,
 * …creationdate, …make, …model) and iTunes' `mdir` style (`ilst` items named by their
 * box type, such as `©too`). Counts in the file are never trusted for allocation: the
 * loops stop at the end of the box.
 */
import type { JsonValue } from '../../../../shared/metadata';
import type { Problems } from '../problems';
import { type Box, type Window, child, displayType, payloadOf } from './boxes';
import { handlerType } from './track';
import { dataBoxValue } from './text';

const MAX_ITEMS = 1_000;

export function parseKeys(payload: Buffer, problems: Problems): string[] {
  const keys: string[] = [];
  if (payload.length < 8) {
    problems.add('The metadata key list (keys) is truncated.');
    return keys;
  }
  const declared = payload.readUInt32BE(4);
  let pos = 8;
  while (keys.length < declared && pos + 8 <= payload.length) {
    if (keys.length >= MAX_ITEMS) {
      problems.add(`The metadata key list declares ${declared} keys; only the first ${MAX_ITEMS} were read.`);
      break;
    }
    const size = payload.readUInt32BE(pos);
    if (size < 8 || pos + size > payload.length) {
      problems.add(`Metadata key ${keys.length + 1} has a bad size (${size}); the rest of the key list was skipped.`);
      break;
    }
    keys.push(payload.toString('utf8', pos + 8, pos + size));
    pos += size;
  }
  if (keys.length < declared && keys.length < MAX_ITEMS) {
    problems.add(`The metadata key list declares ${declared} keys but holds ${keys.length}.`);
  }
  return keys;
}

export interface MetaItems {
  /** 'mdta' (Apple keys), 'mdir' (iTunes) or another handler; null when there is no hdlr. */
  readonly handler: string | null;
  readonly items: Readonly<Record<string, JsonValue>>;
}

/** Reads a walked `meta` box's items. */
export function readMetaItems(win: Window, meta: Box, problems: Problems): MetaItems {
  const hdlr = child(meta, 'hdlr');
  const handler = hdlr ? handlerType(payloadOf(win, hdlr)) : null;
  const keysBox = child(meta, 'keys');
  const keys = keysBox ? parseKeys(payloadOf(win, keysBox), problems) : null;
  const items: Record<string, JsonValue> = Object.create(null) as Record<string, JsonValue>;
  const ilst = child(meta, 'ilst');
  let count = 0;
  for (const item of ilst?.children ?? []) {
    if (count++ >= MAX_ITEMS) break;
    let name: string;
    if (keys) {
      const index = Buffer.from(item.type, 'latin1').readUInt32BE(0);
      const key = keys[index - 1];
      if (key === undefined) {
        problems.add(`A metadata item refers to key ${index}, which the key list does not have.`);
        continue;
      }
      name = key;
    } else {
      name = displayType(item.type);
    }
    const data = child(item, 'data');
    if (!data) continue;
    if (!(name in items)) items[name] = dataBoxValue(payloadOf(win, data));
  }
  return { handler, items };
}
