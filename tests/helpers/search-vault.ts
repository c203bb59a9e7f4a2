/**
 * The vault the search tests share: real camera and phone files from the shared fixtures,
 * a text document with a Cyrillic name, items described, tagged and put in cases in
 * English, Russian, Kazakh and with accents (through the engine, so on the record), and
 * then synthetic benchmark items (bench/synthetic-vault.ts) for volume.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addSyntheticItems } from '../../bench/synthetic-vault';
import { createEngine, type Engine } from '../../src/main/engine/api';
import { unlockVault } from '../../src/main/engine/vault/vault';
import { REAL } from './fixtures';
import { PASSPHRASE, tempDir } from './temp-vault';

/** Real files by a short name: their capture time, GPS and camera are what the importer read. */
export const STORY_FILES = {
  mov: 'mei/with-gps.mov', // video, iPhone 6, 2019-07-24 local with zone, GPS 32.09,34.86
  mp4: 'mei/with-gps.mp4', // video, mvhd UTC only, GPS 51.42,-0.08
  apple: 'exiftool/Apple.jpg', // photo, iPhone 7, local time only, GPS 53.38,-1.46
  canon: 'mei/Canon EOS 7D.jpg', // photo, no GPS
  nikon: 'mei/Nikon D5000.jpg', // photo, GPS 48.89,21.04
  samsung: 'mei/Samsung GT-I9000 (Galaxy S).jpg', // photo, GPS 0,0
  olympus: 'mei/Olympus μ Digital 800.JPG', // photo, a μ in the name
  gps: 'exiftool/GPS.jpg', // photo, FUJIFILM, GPS 54.99,-1.91
  threegp: 'mei/sample.3gp', // video, mvhd only
} as const;

export type StoryName = keyof typeof STORY_FILES | 'protocol';

export interface SearchVault {
  readonly root: string;
  /** Item ids of the real files and the document, by short name. */
  readonly ids: Readonly<Record<StoryName, string>>;
}

const PROTOCOL_NAME = 'Протокол УИК 660.txt';

async function describeStory(engine: Engine, ids: Record<StoryName, string>): Promise<void> {
  await engine.describeItems({
    items: [ids.mov],
    title: 'PS 660 ballot box',
    description: 'Ballot stuffing at polling station 660 in Petropavlovsk: a man drops a bundle of ballots.',
    place: 'Petropavlovsk, polling station 660',
  });
  await engine.describeItems({
    items: [ids.apple],
    description: 'Вброс бюллетеней на участке № 660, Петропавловск. Наблюдатель снял всё на телефон.',
    place: 'Петропавловск, УИК № 660',
  });
  await engine.describeItems({ items: [ids.canon], title: 'Café Zürich, Ørsted square', notes: 'Ещё одна запись у ёлки.' });
  await engine.describeItems({ items: [ids.samsung], notes: 'Seen again near Zurich station later.' });
  await engine.tagItems({ items: [ids.mov, ids.apple], tags: ['ballot stuffing'] });
  await engine.tagItems({ items: [ids.apple], tags: ['наблюдатель'] });
  await engine.tagItems({ items: [ids.canon], tags: ['Police'] });
  await engine.tagItems({ items: [ids.nikon, ids.samsung], tags: ['POLICE'] });
  await engine.tagItems({ items: [ids.gps], tags: ['Қазақстан'] });
  await engine.createCase({ name: 'Petropavlovsk PS 660', description: 'Ballot stuffing, 10 January' });
  await engine.addToCase({ case: 'Petropavlovsk PS 660', items: [ids.mov, ids.apple, ids.protocol] });
  await engine.createCase({ name: 'Almaty kettling 2021-01-10' });
  await engine.addToCase({ case: 'almaty kettling 2021-01-10', items: [ids.threegp] });
}

export async function buildSearchVault(options: { synthetic: number }): Promise<SearchVault> {
  const dir = await tempDir('tamga-search-');
  const root = join(dir, 'vault');
  const protocol = join(dir, PROTOCOL_NAME);
  await writeFile(protocol, 'Протокол участковой избирательной комиссии № 660.\n');
  const engine = createEngine({ actor: 'tamga-test' });
  try {
    await engine.createVault({ path: root, passphrase: PASSPHRASE });
    const summary = await engine.importFiles({ paths: [...Object.values(STORY_FILES).map((f) => join(REAL, f)), protocol] });
    if (summary.failed.length > 0) throw new Error(`fixture import failed: ${JSON.stringify(summary.failed)}`);
    const byPath = new Map(summary.imported.map((f) => [f.path, f.itemId]));
    const id = (path: string): string => {
      const found = byPath.get(path);
      if (found === undefined) throw new Error(`not imported: ${path}`);
      return found;
    };
    const ids = Object.fromEntries([
      ...Object.entries(STORY_FILES).map(([name, file]) => [name, id(join(REAL, file))]),
      ['protocol', id(protocol)],
    ]) as Record<StoryName, string>;
    await describeStory(engine, ids);
    await engine.close();
    if (options.synthetic > 0) {
      const vault = await unlockVault(root, PASSPHRASE);
      try {
        addSyntheticItems(vault.db, { count: options.synthetic, seed: 7 });
      } finally {
        vault.close();
      }
    }
    return { root, ids };
  } finally {
    await engine.close();
  }
}
