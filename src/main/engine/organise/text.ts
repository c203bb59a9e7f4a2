/**
 * What people may write into an item or case field: NFC (so that search and comparison
 * see one spelling of "é"), no control characters, line breaks only where a field is
 * meant to hold paragraphs, and a length limit that keeps the index fast.
 */
import { TamgaError } from '../../../shared/errors';
import { MAX_CASE_NAME_LENGTH, MAX_PLACE_LENGTH, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, type ItemTextField } from '../../../shared/organise';

/** One line: control characters and runs of white space become single spaces, trimmed. */
export function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Paragraphs: \r\n becomes \n; tabs and line breaks stay, other control characters go. */
export function paragraphs(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.normalize('NFC').replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
}

const LIMITS: Readonly<Record<ItemTextField, number>> = {
  title: MAX_TITLE_LENGTH,
  place: MAX_PLACE_LENGTH,
  description: MAX_TEXT_LENGTH,
  notes: MAX_TEXT_LENGTH,
};

export function itemField(field: ItemTextField, value: unknown): string {
  if (typeof value !== 'string') throw new TamgaError('INVALID_ARGUMENT', `${field} must be text ('' clears it).`);
  const clean = field === 'title' || field === 'place' ? oneLine(value) : paragraphs(value);
  if ([...clean].length > LIMITS[field]) {
    throw new TamgaError('INVALID_ARGUMENT', `The ${field} is longer than ${LIMITS[field]} characters.`);
  }
  return clean;
}

export function caseName(value: unknown): string {
  const name = typeof value === 'string' ? oneLine(value) : '';
  if (name === '') throw new TamgaError('INVALID_ARGUMENT', 'A case needs a name, e.g. "Almaty kettling 2021-01-10".');
  if ([...name].length > MAX_CASE_NAME_LENGTH) throw new TamgaError('INVALID_ARGUMENT', `A case name may have at most ${MAX_CASE_NAME_LENGTH} characters.`);
  return name;
}

export function caseDescription(value: unknown): string {
  if (typeof value !== 'string') throw new TamgaError('INVALID_ARGUMENT', 'A case description must be text.');
  const text = paragraphs(value);
  if ([...text].length > MAX_TEXT_LENGTH) throw new TamgaError('INVALID_ARGUMENT', `A case description may have at most ${MAX_TEXT_LENGTH} characters.`);
  return text;
}
