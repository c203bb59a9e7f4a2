/**
 * The custody sentence of src/shared/custody-sentence.ts (the one `tamga show` prints too)
 * with the window's formatters: times in this computer's zone (or a given one) with the
 * offset, sizes in the window's locale.
 */
import type { CustodyEvent } from '../../../../shared/custody';
import { eventSentence as sentenceWith, type EventSentence, type SentenceFormat, type Words } from '../../../../shared/custody-sentence';
import { formatEventTime } from '../../format/dates';
import { formatBytes, formatCount } from '../../format/numbers';

export { SENTENCE_KINDS, toolText, type DescribedChange, type EventFact, type EventSentence, type Words } from '../../../../shared/custody-sentence';

export interface SentenceOptions {
  readonly locale: string;
  /** An IANA zone for the times; undefined for this computer's. */
  readonly timeZone?: string;
}

export function windowFormat(options: SentenceOptions): SentenceFormat {
  return {
    time: (iso) => formatEventTime(iso, options.locale, options.timeZone),
    bytes: (bytes) => ({ size: formatBytes(bytes, options.locale), bytes: formatCount(bytes, options.locale) }),
  };
}

export function eventSentence(event: CustodyEvent, t: Words, options: SentenceOptions): EventSentence {
  return sentenceWith(event, t, windowFormat(options));
}
