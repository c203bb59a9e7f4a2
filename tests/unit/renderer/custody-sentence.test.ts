// The custody timeline's sentences, per event kind and language: who did what with which
// program and when (in a given zone, with its offset), a description's old and new text,
// a private field said to have changed and nothing more, hashes shortened with their full
// value kept for copying, and an event of an unknown kind named as such.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { CUSTODY_EVENT_VERSION, ITEM_EVENT_TYPES, VAULT_EVENT_TYPES, type CustodyEvent, type JsonObject } from '../../../src/shared/custody';
import { eventSentence, SENTENCE_KINDS, toolText, type Words } from '../../../src/renderer/src/features/detail/custody-sentence';
import { formatEventTime } from '../../../src/renderer/src/format/dates';
import en from '../../../src/renderer/src/i18n/locales/en.json';
import kk from '../../../src/renderer/src/i18n/locales/kk.json';
import ru from '../../../src/renderer/src/i18n/locales/ru.json';

const LANGS = { en, ru, kk } as const;
type Lang = keyof typeof LANGS;
const LOCALE: Record<Lang, string> = { en: 'en-GB', ru: 'ru', kk: 'kk' };
// Almaty was at +06:00 in 2021 (it moved to +05:00 in 2024): the offset of the instant, not of today.
const ZONE = 'Asia/Almaty';

const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(Object.entries(LANGS).map(([lng, table]) => [lng, { translation: table }])),
  lng: 'en',
  fallbackLng: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});

function wordsFor(lang: Lang): Words {
  const t = i18n.getFixedT(lang);
  return (key, values) => t(key, values ?? {});
}

const SHA = 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';
const OPERATOR = 'Aigerim Sultanova (observer) · tamga-app 0.2.0';

function event(type: string, data: JsonObject, actor = OPERATOR): CustodyEvent {
  return { v: CUSTODY_EVENT_VERSION, chain: '5f0e8a7c-1d2b-4c3a-9e8f-7a6b5c4d3e2f', seq: 3, type, at: '2021-01-10T08:02:00.000Z', actor, data, prev: SHA };
}

/** Representative data for every kind the engine writes, as it writes it. */
const DATA: Record<(typeof SENTENCE_KINDS)[number], JsonObject> = {
  acquired: { sha256: SHA, size: 3_145_728, sourcePath: '/media/SD/DCIM/IMG_2538.MOV', originalName: 'IMG_2538.MOV', fileModified: '2021-01-10T07:59:00.000Z', fileCreated: null, importId: '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b' },
  're-acquired': { sha256: SHA, size: 10, sourcePath: '/media/USB/copy.mov', originalName: 'copy.mov', fileModified: null, fileCreated: null, importId: '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b' },
  extracted: { sha256: SHA, size: 10, to: '/home/clerk/out/IMG_2538.MOV' },
  described: { changes: { title: { old: '', new: 'PS 660 ballot box' } } },
  tagged: { tag: 'ballot stuffing', old: [], new: ['ballot stuffing'] },
  untagged: { tag: 'needs review', old: ['needs review'], new: [] },
  'added-to-case': { caseId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', caseName: 'Petropavlovsk PS 660', old: [], new: ['Petropavlovsk PS 660'] },
  'removed-from-case': { caseId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', caseName: 'Petropavlovsk PS 660', old: ['Petropavlovsk PS 660'], new: [] },
  'viewed-original': { sha256: SHA },
  exported: { bundleId: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081', exhibit: 'E0003', recipient: 'Court No. 2', sha256: SHA, tagManifestSha256: SHA },
  verified: {},
  received: { source: 'tamga-bundle', bundleId: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081', exhibit: 'E0001', senderVault: '7c05a1b2-0000-4000-8000-000000000001', senderFingerprint: SHA, senderName: 'Observers', tagManifestSha256: SHA, sealedAt: '2021-01-12T10:00:00.000Z', verdict: 'valid', senderHead: SHA, sha256: SHA, size: 10, sourcePath: '/media/USB/bundle/data/E0001_IMG.JPG', provenance: '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b' },
  'vault-created': {},
  'passphrase-changed': {},
  'export-abandoned': { bundleId: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081', reason: 'disk full' },
  audit: { ok: true },
  'sender-added': { fingerprint: SHA, name: 'Observers' },
  'sender-removed': { fingerprint: SHA, name: 'Observers' },
  'operator-set': { name: 'Aigerim Sultanova' },
  'operator-cleared': {},
  timestamped: { tsa: 'https://freetsa.org/tsr' },
  'replica-added': { replica: 'r1', name: 'usb', kind: 'folder' },
  'replica-removed': { replica: 'r1', name: 'usb' },
  'replica-pushed': { replica: 'r1', manifest: 4 },
  'recovery-key-created': {},
  'recovery-key-rotated': {},
  'recovery-key-removed': {},
  recovered: {},
  delivered: { bundleId: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081', exhibit: 'E0003', tagManifestSha256: SHA, receiptSha256: SHA, receivedAt: '2021-01-14T09:00:00.000Z', verdict: 'valid', recipientFingerprint: SHA, recipientName: null, recipientOperator: 'M. Dzhaksybekov (lawyer)', recipientTrust: 'expected' },
};

describe('custody sentences', () => {
  it('cover every event type the engine writes', () => {
    expect([...SENTENCE_KINDS].sort()).toEqual([...new Set([...ITEM_EVENT_TYPES, ...VAULT_EVENT_TYPES])].sort());
  });

  for (const lang of Object.keys(LANGS) as Lang[]) {
    it(`read as a sentence for every kind in ${lang}, every placeholder filled and every key found`, () => {
      const t = wordsFor(lang);
      const when = formatEventTime('2021-01-10T08:02:00.000Z', LOCALE[lang], ZONE);
      expect(when).toMatch(/14:02 \+06:00$/);
      const sentences = new Set<string>();
      for (const kind of SENTENCE_KINDS) {
        const said = eventSentence(event(kind, DATA[kind]), t, { locale: LOCALE[lang], timeZone: ZONE });
        expect(said.known, kind).toBe(true);
        for (const text of [said.sentence, ...said.changes.map((c) => c.text), ...said.facts.flatMap((f) => [f.label, f.text])]) {
          expect(text, `${kind}: ${text}`).not.toMatch(/\{\{|custody\.|undefined|NaN/);
        }
        expect(said.sentence, kind).toContain('Aigerim Sultanova (observer)');
        expect(said.sentence, kind).toContain('Tamga 0.2.0');
        expect(said.sentence, kind).toContain(when);
        // No raw ISO time, camelCase key or full UUID in the sentence.
        expect(said.sentence, kind).not.toMatch(/\d{4}-\d{2}-\d{2}T|[a-z][A-Z][a-z]+\b(?<!Tamga)|[0-9a-f]{8}-[0-9a-f]{4}-/);
        sentences.add(said.sentence.replace(when, ''));
      }
      // Every kind says something of its own.
      expect(sentences.size).toBe(SENTENCE_KINDS.length);
    });
  }

  it('say the act, the operator, the program and the local time with its offset (en)', () => {
    const t = wordsFor('en');
    const opts = { locale: 'en-GB', timeZone: ZONE };
    expect(eventSentence(event('tagged', DATA.tagged), t, opts).sentence).toBe('Tagged ‘ballot stuffing’ by Aigerim Sultanova (observer) (Tamga 0.2.0), 10 Jan 2021, 14:02 +06:00');
    expect(eventSentence(event('tagged', { tag: 'PS 660', importId: 'x' }, 'tamga-cli 0.1.0'), t, opts).sentence).toBe(
      'Tagged ‘PS 660’ at import, recorded by Tamga 0.1.0, command line (no operator named), 10 Jan 2021, 14:02 +06:00',
    );
    expect(eventSentence(event('acquired', DATA.acquired), t, opts).sentence).toMatch(/^Imported from \/media\/SD\/DCIM\/IMG_2538\.MOV by /);
    expect(eventSentence(event('exported', DATA.exported), t, opts).sentence).toMatch(/^Exported as exhibit E0003 for Court No\. 2 by /);
    expect(eventSentence(event('added-to-case', DATA['added-to-case']), t, opts).sentence).toMatch(/^Added to the case ‘Petropavlovsk PS 660’ by /);
    expect(eventSentence(event('exported', { bundleId: 'b', recipient: null, exhibits: 2 }), t, opts).sentence).toMatch(/^A bundle of 2 exhibits exported by /);
    expect(formatEventTime('2021-07-01T12:00:00.000Z', 'en-GB', 'UTC')).toBe('1 Jul 2021, 12:00 +00:00');
    expect(formatEventTime('2021-07-01T12:00:00.000Z', 'en-GB', 'America/St_Johns')).toBe('1 Jul 2021, 09:30 -02:30');
  });

  it('give a description\'s old and new text, one line per field when several changed', () => {
    const t = wordsFor('en');
    const opts = { locale: 'en-GB', timeZone: ZONE };
    expect(eventSentence(event('described', DATA.described), t, opts).sentence).toMatch(/^Title set to ‘PS 660 ballot box’ by /);
    const several = eventSentence(
      event('described', { changes: { title: { old: 'Box', new: 'PS 660 ballot box' }, place: { old: 'Petropavlovsk', new: '' }, description: { old: 'x', new: 'y' } } }),
      t,
      opts,
    );
    expect(several.sentence).toMatch(/^Description changed \(3 fields\) by /);
    expect(several.changes.map((c) => c.text)).toEqual([
      'Title changed from ‘Box’ to ‘PS 660 ballot box’',
      'Place cleared (it was ‘Petropavlovsk’)',
      'Description changed from ‘x’ to ‘y’',
    ]);
    const ru = eventSentence(event('described', { changes: { title: { old: 'Урна', new: 'Урна УИК 660' } } }), wordsFor('ru'), { locale: 'ru', timeZone: ZONE });
    expect(ru.sentence).toMatch(/^Заголовок: было «Урна», стало «Урна УИК 660» — Aigerim/);
  });

  it('say that a private field changed, and never show what the event does not hold', () => {
    const commitment = 'c0ffee'.repeat(10) + 'abcd';
    for (const lang of Object.keys(LANGS) as Lang[]) {
      const said = eventSentence(
        event('described', { changes: { descriptionPrivate: { old: false, new: true }, notes: { commitment }, description: { commitment } } }),
        wordsFor(lang),
        { locale: LOCALE[lang], timeZone: ZONE },
      );
      const all = [said.sentence, ...said.changes.map((c) => c.text)].join('\n');
      expect(all).not.toContain(commitment.slice(0, 12));
      expect(said.changes).toHaveLength(3);
    }
    const en = eventSentence(event('described', { changes: { notes: { commitment } } }), wordsFor('en'), { locale: 'en-GB', timeZone: ZONE });
    expect(en.sentence).toMatch(/^Notes changed \(private: the custody record holds a salted commitment, not the text\) by /);
  });

  it('shorten hashes and ids to 12 characters and keep the full value to copy', () => {
    const said = eventSentence(event('exported', DATA.exported), wordsFor('en'), { locale: 'en-GB', timeZone: ZONE });
    expect(said.facts.map((f) => [f.label, f.text, f.copy])).toEqual([
      ['SHA-256', `${SHA.slice(0, 12)}…`, SHA],
      ['Bundle', '1b2c3d4e-5f6…', '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081'],
      ['Exhibit', 'E0003', null],
      ['Recipient', 'Court No. 2', null],
      ['Bundle manifest SHA-256', `${SHA.slice(0, 12)}…`, SHA],
    ]);
    const acquired = eventSentence(event('acquired', DATA.acquired), wordsFor('en'), { locale: 'en-GB', timeZone: ZONE });
    expect(acquired.facts.find((f) => f.key === 'size')?.text).toBe('3.1 MB (3,145,728 bytes)');
    expect(acquired.facts.find((f) => f.key === 'fileModified')?.text).toBe('10 Jan 2021, 13:59 +06:00');
    expect(acquired.facts.map((f) => f.key)).not.toContain('fileCreated');
  });

  it('name an event of a kind a newer Tamga wrote, in every language, with no facts guessed', () => {
    for (const lang of Object.keys(LANGS) as Lang[]) {
      const said = eventSentence(event('sealed-by-notary', { notary: 'N. N.', sha256: SHA }), wordsFor(lang), { locale: LOCALE[lang], timeZone: ZONE });
      expect(said.known).toBe(false);
      expect(said.sentence).toContain('sealed-by-notary');
      expect(said.facts).toEqual([]);
    }
    expect(eventSentence(event('sealed-by-notary', {}), wordsFor('en'), { locale: 'en-GB', timeZone: ZONE }).sentence).toMatch(/^An event of kind sealed-by-notary \(not known to this version\) by /);
  });

  it('show a tool Tamga does not know as recorded', () => {
    expect(toolText('other-tool 3', wordsFor('en'))).toBe('other-tool 3');
    expect(toolText('tamga-app 0.2.0', wordsFor('kk'))).toBe('Tamga 0.2.0');
  });
});
