// Every operator of the query language, alone and combined, on a vault of real camera
// files described in English, Russian and Kazakh plus 2 000 synthetic items: the engine
// must find exactly what an independent reading of the same data finds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockVault, type OpenVault } from '../../src/main/engine/vault/vault';
import { searchItems } from '../../src/main/engine/search/run-search';
import { allIds, distanceKm, fold, hasPhrase, hasWord, idsWhere, loadOracle, type OracleItem } from '../helpers/search-oracle';
import { buildSearchVault, type SearchVault } from '../helpers/search-vault';
import { PASSPHRASE, removeTempDirs } from '../helpers/temp-vault';

let fixture: SearchVault;
let vault: OpenVault;
let items: OracleItem[];

beforeAll(async () => {
  fixture = await buildSearchVault({ synthetic: 2000 });
  vault = await unlockVault(fixture.root, PASSPHRASE, { readonly: true });
  items = loadOracle(vault.db);
}, 180_000);

afterAll(async () => {
  vault.close();
  await removeTempDirs();
});

const found = (query: string): string[] => allIds(vault.db, { query }).sort();
const expectQuery = (query: string, predicate: (i: OracleItem) => boolean, atLeast = 1): void => {
  const expected = idsWhere(items, predicate);
  expect(expected.length, `the oracle finds nothing for ${query}: a test that cannot fail`).toBeGreaterThanOrEqual(atLeast);
  expect(found(query), query).toEqual(expected);
};
const tagged = (i: OracleItem, tag: string): boolean => i.tags.some((t) => fold(t) === fold(tag));
const inRange = (at: string, from: string, toExclusive: string): boolean => at !== '' && at >= from && at < toExclusive;

describe('words and phrases', () => {
  it('finds a word anywhere (title, description, notes, name, tags, camera, place) as a prefix', () => {
    expectQuery('petropavlovsk', (i) => hasWord(i, 'petropavlovsk'), 3);
    expectQuery('petro', (i) => hasWord(i, 'petro'), 3);
    expectQuery('samsung', (i) => hasWord(i, 'samsung'), 2);
  });

  it('finds Cyrillic and Kazakh words, ignoring case and ё/е', () => {
    expectQuery('вброс', (i) => hasWord(i, 'вброс'), 2);
    expectQuery('ПЕТРОПАВЛОВСК', (i) => hasWord(i, 'петропавловск'), 2);
    expect(found('елки')).toContain(fixture.ids.canon);
    expect(found('ЁЛКИ')).toContain(fixture.ids.canon);
    expectQuery('ҚАЗАҚСТАН', (i) => hasWord(i, 'қазақстан'), 2);
    expect(found('қазақстан')).toContain(fixture.ids.gps);
  });

  it('finds accented words without their accents and the other way round', () => {
    expect(found('zurich')).toEqual([fixture.ids.canon, fixture.ids.samsung].sort());
    expect(found('Zürich')).toEqual(found('zurich'));
    expect(found('cafe')).toEqual(idsWhere(items, (i) => hasWord(i, 'cafe')));
    expect(found('cafe')).toContain(fixture.ids.canon);
  });

  it('finds original file names, including the μ and Cyrillic ones', () => {
    expect(found('μ')).toContain(fixture.ids.olympus);
    expect(found('протокол')).toContain(fixture.ids.protocol);
  });

  it('matches a quoted phrase only with its words together and in order', () => {
    expectQuery('"polling station 660"', (i) => hasPhrase(i, 'polling station 660'));
    expectQuery('"ballot stuffing"', (i) => hasPhrase(i, 'ballot stuffing'), 2);
    const reversed = idsWhere(items, (i) => hasPhrase(i, 'stuffing ballot'));
    expect(found('"stuffing ballot"')).toEqual(reversed);
  });

  it('limits camera:, place: and name: to their field', () => {
    expectQuery('camera:iphone', (i) => hasWord(i, 'iphone', 'camera'), 2);
    expectQuery('place:"polling station 660"', (i) => fold(i.texts.place).includes('polling station 660'));
    expectQuery('name:IMG', (i) => hasWord(i, 'img', 'name'), 2);
  });
});

describe('filters', () => {
  it('tag: matches the whole tag ignoring case, and T* any tag starting with T', () => {
    expectQuery('tag:police', (i) => tagged(i, 'police'), 3);
    expectQuery('tag:"BALLOT STUFFING"', (i) => tagged(i, 'ballot stuffing'), 2);
    expectQuery('tag:ball*', (i) => i.tags.some((t) => fold(t).startsWith('ball')), 2);
    expectQuery('tag:қазақстан', (i) => tagged(i, 'Қазақстан'));
  });

  it('says so when a tag or case name matches nothing, instead of silently finding nothing', () => {
    const result = searchItems(vault.db, { query: 'tag:no-such-tag' });
    expect(result.total).toBe(0);
    expect(result.notes.join(' ')).toMatch(/No tag is named "no-such-tag"/);
    expect(searchItems(vault.db, { query: 'case:nowhere' }).notes.join(' ')).toMatch(/No case is named "nowhere"/);
  });

  it('case: finds the members of a case by its name, ignoring case', () => {
    expect(found('case:"petropavlovsk ps 660"')).toEqual([fixture.ids.mov, fixture.ids.apple, fixture.ids.protocol].sort());
    expectQuery('case:"Almaty kettling 2021-01-10"', (i) => i.cases.includes('Almaty kettling 2021-01-10'), 2);
  });

  it('type: photo, video or other', () => {
    for (const kind of ['photo', 'video', 'other']) expectQuery(`type:${kind}`, (i) => i.kind === kind, 2);
    expect(found('type:photos')).toEqual(found('type:photo'));
  });

  it('after:, before: and taken: include the named day, month or year; imported: ranges on import time', () => {
    expectQuery('after:2021-01-10 before:2021-01-10', (i) => inRange(i.capturedAt, '2021-01-10', '2021-01-11'), 20);
    expectQuery('taken:2021-01-10', (i) => inRange(i.capturedAt, '2021-01-10', '2021-01-11'), 20);
    expectQuery('taken:2022-01', (i) => inRange(i.capturedAt, '2022-01-01', '2022-02-01'), 20);
    expectQuery('after:2024', (i) => i.capturedAt >= '2024-01-01', 20);
    expectQuery('before:2011', (i) => inRange(i.capturedAt, '0', '2012-01-01'), 5);
    expectQuery('taken:2019-06..2020-08', (i) => inRange(i.capturedAt, '2019-06-01', '2020-09-01'), 20);
    expectQuery('imported:2023', (i) => inRange(i.importedAt, '2023-01-01', '2024-01-01'), 20);
  });

  it('compares the UTC instant when the zone is known and the camera clock when it is not', () => {
    // with-gps.mov: 11:25:40 local at +03:00 is 08:25:40 UTC; Apple.jpg has no zone, only 18:18:05.
    expect(found('after:2019-07-24 before:2019-07-24')).toContain(fixture.ids.mov);
    expect(found('taken:2016-09-28')).toContain(fixture.ids.apple);
  });

  it('has: gps, title, description, notes, place, tags, case', () => {
    expectQuery('has:gps', (i) => i.lat !== null, 5);
    expectQuery('has:title', (i) => i.texts.title !== '', 2);
    expectQuery('has:notes', (i) => i.texts.notes !== '', 2);
    expectQuery('has:tags', (i) => i.tags.length > 0, 5);
    expectQuery('has:case', (i) => i.cases.length > 0, 4);
  });

  it('near:lat,lon,km finds items within that great-circle distance, including across the antimeridian', () => {
    expectQuery('near:54.8753,69.1628,5', (i) => i.lat !== null && i.lon !== null && distanceKm(54.8753, 69.1628, i.lat, i.lon) <= 5, 5);
    expectQuery('near:53.38,-1.46,1', (i) => i.lat !== null && i.lon !== null && distanceKm(53.38, -1.46, i.lat, i.lon) <= 1);
    // Khabarovsk is at 135° E: 3 500 km circles centred just east and just west of the 180°
    // line both reach it, so the bounding box must wrap around.
    expectQuery('near:48.48,179.5,3500', (i) => i.lat !== null && i.lon !== null && distanceKm(48.48, 179.5, i.lat, i.lon) <= 3500, 5);
    expectQuery('near:48.48,-179.5,3500', (i) => i.lat !== null && i.lon !== null && distanceKm(48.48, -179.5, i.lat, i.lon) <= 3500, 5);
    // The Samsung's 0°, 0° is what it wrote without a GPS fix: not a place, so near nothing.
    expect(found('near:0,0,1')).not.toContain(fixture.ids.samsung);
    expect(found('has:gps')).not.toContain(fixture.ids.samsung);
  });

  it('sha256: finds items by the start of their hash', () => {
    const canon = items.find((i) => i.id === fixture.ids.canon);
    expect(found(`sha256:${canon?.sha256.slice(0, 10).toUpperCase() ?? ''}`)).toEqual([fixture.ids.canon]);
    expectQuery('sha256:a', (i) => i.sha256.startsWith('a'), 20);
  });
});

describe('negation, OR, grouping and combinations', () => {
  it('negates words, phrases and filters with - and NOT', () => {
    expectQuery('-tag:police', (i) => !tagged(i, 'police'), 100);
    expectQuery('petropavlovsk -вброс', (i) => hasWord(i, 'petropavlovsk') && !hasWord(i, 'вброс'), 2);
    expectQuery('NOT type:photo has:gps', (i) => i.kind !== 'photo' && i.lat !== null, 5);
    expectQuery('-"polling station"', (i) => !hasPhrase(i, 'polling station'), 100);
  });

  it('OR between words and filters, binding tighter than the implied AND', () => {
    expectQuery('almaty OR astana', (i) => hasWord(i, 'almaty') || hasWord(i, 'astana'), 20);
    expectQuery('tag:police OR tag:полиция', (i) => tagged(i, 'police') || tagged(i, 'полиция'), 20);
    expectQuery('polling station 660 OR 661', (i) => hasWord(i, 'polling') && hasWord(i, 'station') && (hasWord(i, '660') || hasWord(i, '661')));
    expect(searchItems(vault.db, { query: 'a b OR c' }).understood).toBe('a* AND (b* OR c*)');
  });

  it('groups with parentheses and combines every kind of filter', () => {
    expectQuery('(almaty OR astana) -type:photo has:gps', (i) => (hasWord(i, 'almaty') || hasWord(i, 'astana')) && i.kind !== 'photo' && i.lat !== null, 5);
    expectQuery(
      'petropavlovsk tag:"ballot stuffing" type:video taken:2019-07-24 has:gps',
      (i) => hasWord(i, 'petropavlovsk') && tagged(i, 'ballot stuffing') && i.kind === 'video' && i.capturedAt.startsWith('2019-07-24') && i.lat !== null,
    );
    expectQuery(
      'case:"Petropavlovsk PS 660" -type:other near:53.38,-1.46,10',
      (i) => i.cases.includes('Petropavlovsk PS 660') && i.kind !== 'other' && i.lat !== null && i.lon !== null && distanceKm(53.38, -1.46, i.lat, i.lon) <= 10,
    );
    expectQuery('вброс OR ballot -tag:police after:2020', (i) => (hasWord(i, 'вброс') || hasWord(i, 'ballot')) && !tagged(i, 'police') && i.capturedAt >= '2020', 20);
  });

  it('answers the lawyer: videos from polling station 660 in Petropavlovsk showing ballot stuffing', () => {
    const result = searchItems(vault.db, { query: 'petropavlovsk "polling station 660" ballot stuffing type:video' });
    expect(result.items.map((i) => i.id)).toEqual([fixture.ids.mov]);
    expect(result.items[0]).toMatchObject({ title: 'PS 660 ballot box', cases: ['Petropavlovsk PS 660'], tags: ['ballot stuffing'] });
  });
});
