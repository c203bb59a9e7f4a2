/**
 * The meaning of each field operator's value: `tag:`, `type:`, `after:`, `near:` … A value
 * that cannot mean anything (a date that is not a date, a type Tamga does not have) is an
 * INVALID_ARGUMENT naming the operator and the value, never silently dropped: a filter
 * ignored without a word would show people results they did not ask for.
 */
import { TamgaError } from '../../../shared/errors';
import type { MediaKind } from '../../../shared/metadata';
import { HAS_WHAT, type HasWhat, type QueryNode } from './ast';
import { afterBounds, beforeBounds, rangeBounds } from './dates';
import { hasTokens } from './fold';
import { MAX_NEAR_KM } from './geo';
import type { FieldName } from './tokens';

const TYPE_WORDS: Readonly<Record<string, MediaKind>> = {
  photo: 'photo',
  photos: 'photo',
  image: 'photo',
  images: 'photo',
  picture: 'photo',
  video: 'video',
  videos: 'video',
  movie: 'video',
  clip: 'video',
  other: 'other',
  others: 'other',
};

const HAS_ALIASES: Readonly<Record<string, HasWhat>> = { location: 'gps', tag: 'tags', cases: 'case' };

function invalid(message: string, field: FieldName, value: string): TamgaError {
  return new TamgaError('QUERY_INVALID', message, { operator: field, value });
}

/** A name operand: `T`, `"T U"` or `T*` (a prefix; never for a quoted value). */
function nameOperand(value: string, quoted: boolean): { name: string; prefix: boolean } {
  if (quoted) return { name: value.trim(), prefix: false };
  const name = value.replace(/\*+$/, '');
  return { name, prefix: name.length < value.length };
}

function nearNode(value: string): QueryNode {
  const parts = value.split(',').map((p) => p.trim());
  const radius = parts[2] ?? '1';
  const kmMatch = /^(\d+(?:\.\d+)?)\s*(km|m)?$/i.exec(radius);
  const lat = Number(parts[0]);
  const lon = Number(parts[1]);
  const km = kmMatch === null ? NaN : Number(kmMatch[1]) / (kmMatch[2]?.toLowerCase() === 'm' ? 1000 : 1);
  const numeric = (s: string | undefined): boolean => s !== undefined && /^[+-]?\d+(?:\.\d+)?$/.test(s);
  if (parts.length < 2 || parts.length > 3 || !numeric(parts[0]) || !numeric(parts[1]) || !Number.isFinite(km)) {
    throw invalid(`near: needs latitude,longitude and optionally a radius in km, e.g. near:54.87,69.15,2; "${value}" is not that.`, 'near', value);
  }
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw invalid(`near: latitude must be between -90 and 90 and longitude between -180 and 180; "${value}" is outside.`, 'near', value);
  }
  if (km <= 0 || km > MAX_NEAR_KM) {
    throw invalid(`near: the radius must be more than 0 and at most ${MAX_NEAR_KM} km; "${radius}" is not.`, 'near', value);
  }
  return { kind: 'near', lat, lon, km };
}

/**
 * The node for one `field:value`; null when the value is empty or holds nothing to search
 * for (the parser then notes that the operator was left out).
 */
export function fieldNode(field: FieldName, value: string, quoted: boolean): QueryNode | null {
  const text = value.trim();
  if (text === '' && !(quoted && (field === 'tag' || field === 'case'))) return null;
  switch (field) {
    case 'tag':
    case 'case': {
      const { name, prefix } = nameOperand(value, quoted);
      if (name === '') return prefix ? { kind: 'has', what: field === 'tag' ? 'tags' : 'case' } : null;
      return { kind: field, name, prefix };
    }
    case 'type': {
      const kind = TYPE_WORDS[text.toLowerCase()];
      if (kind === undefined) throw invalid(`type: takes photo, video or other; "${text}" is none of them.`, field, value);
      return { kind: 'type', value: kind };
    }
    case 'has': {
      const word = text.toLowerCase();
      const what = (HAS_WHAT as readonly string[]).includes(word) ? (word as HasWhat) : HAS_ALIASES[word];
      if (what === undefined) throw invalid(`has: takes ${HAS_WHAT.join(', ')}; "${text}" is none of them.`, field, value);
      return { kind: 'has', what };
    }
    case 'after':
      return { kind: 'date', field: 'captured', bounds: afterBounds(text), spelled: `after:${text}` };
    case 'before':
      return { kind: 'date', field: 'captured', bounds: beforeBounds(text), spelled: `before:${text}` };
    case 'taken':
      return { kind: 'date', field: 'captured', bounds: rangeBounds('taken', text), spelled: `taken:${text}` };
    case 'imported':
      return { kind: 'date', field: 'imported', bounds: rangeBounds('imported', text), spelled: `imported:${text}` };
    case 'modified':
      return { kind: 'date', field: 'modified', bounds: rangeBounds('modified', text), spelled: `modified:${text}` };
    case 'near':
      return nearNode(text);
    case 'camera':
    case 'place':
    case 'name':
      return hasTokens(text) ? { kind: 'text', field, text, phrase: quoted } : null;
    case 'sha256': {
      if (!/^[0-9a-f]{1,64}$/i.test(text)) throw invalid(`sha256: takes the start of a SHA-256 in hex (0-9, a-f, at most 64 digits); "${text}" is not.`, field, value);
      return { kind: 'sha256', prefix: text.toLowerCase() };
    }
  }
}
