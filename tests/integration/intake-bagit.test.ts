// A plain BagIt bag as bagit-python makes it (generated here by tests/helpers/make_bagit_bag.py
// with Python's hashlib and the BagIt text format), checked before intake: every manifest
// and tag manifest, Payload-Oxum, and bag-info.txt kept as the sender's statements. A
// changed payload file, a changed tag file, an added file or a missing one is named.
import { appendFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBag } from '../../src/main/engine/intake/bagit-bag';
import { shell } from '../helpers/bundle-export-vault';
import { ROOT, run } from '../helpers/child-process';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

const PHOTO = Buffer.from('not really a JPEG, but bytes a bag carries as they are\n');
const VIDEO = Buffer.alloc(200_000, 7);

async function makeBag(algorithms: string, labels: string[] = []): Promise<string> {
  const bag = join(await tempDir('tamga-bag-'), 'bag');
  await mkdir(join(bag, 'data', 'PS-12'), { recursive: true });
  await writeFile(join(bag, 'data', 'PS-12', 'IMG_0001.JPG'), PHOTO);
  await writeFile(join(bag, 'data', 'Сайлау видео.mp4'), VIDEO);
  const made = await run('/usr/bin/python3', [join(ROOT, 'tests', 'helpers', 'make_bagit_bag.py'), bag, algorithms, ...labels]);
  expect(made.stderr).toBe('');
  expect(made.code).toBe(0);
  return bag;
}

describe('checking a plain BagIt bag', () => {
  it('checks every manifest of a bagit-python bag and keeps bag-info.txt in order, as stated', async () => {
    const bag = await makeBag('sha256,sha512', ['Source-Organization=Kazakhstan International Bureau for Human Rights', 'Contact-Name=Айгерім Сұлтанова', 'External-Description=Polling station 12, Akmola']);
    const check = await checkBag(bag);
    expect(check.problems).toEqual([]);
    expect(check).toMatchObject({ kind: 'bagit', version: '0.97', complete: true, manifestAlgorithms: ['sha256', 'sha512'], tagManifestAlgorithms: ['sha256', 'sha512'] });
    expect(check.payload.map((f) => [f.path, f.status, f.size])).toEqual(
      expect.arrayContaining([
        ['data/PS-12/IMG_0001.JPG', 'ok', PHOTO.length],
        ['data/Сайлау видео.mp4', 'ok', VIDEO.length],
      ]),
    );
    expect(check.bagInfo.map((f) => f.label)).toEqual(['Bag-Software-Agent', 'Bagging-Date', 'Source-Organization', 'Contact-Name', 'External-Description', 'Payload-Oxum']);
    expect(check.bagInfo.find((f) => f.label === 'Contact-Name')?.value).toBe('Айгерім Сұлтанова');
  });

  it('checks an md5 bag (older bagit-python and Archivematica defaults), as a folder and as a zip', async () => {
    const bag = await makeBag('md5,sha1');
    expect(await checkBag(bag)).toMatchObject({ complete: true, manifestAlgorithms: ['md5', 'sha1'] });
    // RFC 8493 allows any run of blanks between digest and path (some tools write one space or a tab).
    const blanks = join(await tempDir('tamga-bag-blanks-'), 'bag');
    await cp(bag, blanks, { recursive: true });
    const manifest = join(blanks, 'manifest-md5.txt');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replaceAll('  ', ' \t'));
    await rm(join(blanks, 'tagmanifest-md5.txt'));
    await rm(join(blanks, 'tagmanifest-sha1.txt'));
    expect((await checkBag(blanks)).problems).toEqual([]);
    const zipped = join(await tempDir('tamga-bag-zip-'), 'bag.zip');
    expect(shell(join(bag, '..'), `zip -qr '${zipped}' bag`).code).toBe(0);
    const check = await checkBag(zipped);
    expect(check.problems).toEqual([]);
    expect(check.payload).toHaveLength(2);
  });

  it('names a payload file changed, a tag file changed, a file added and a file missing', async () => {
    const bag = await makeBag('sha256');
    const altered = join(await tempDir('tamga-bag-alt-'), 'bag');
    await cp(bag, altered, { recursive: true });
    await appendFile(join(altered, 'data', 'PS-12', 'IMG_0001.JPG'), 'x');
    await appendFile(join(altered, 'bag-info.txt'), 'Contact-Name: Someone Else\n');
    await writeFile(join(altered, 'data', 'added.txt'), 'added later');
    const check = await checkBag(altered);
    expect(check.complete).toBe(false);
    const codes = check.problems.map((p) => [p.code, p.path]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['BAG_PAYLOAD_MISMATCH', 'data/PS-12/IMG_0001.JPG'],
        ['BAG_TAG_FILE_MISMATCH', 'bag-info.txt'],
        ['BAG_PAYLOAD_UNLISTED', 'data/added.txt'],
        ['PAYLOAD_OXUM_MISMATCH', 'bag-info.txt'],
      ]),
    );
    expect(check.payload.find((f) => f.path === 'data/PS-12/IMG_0001.JPG')?.status).toBe('mismatch');
    expect(check.payload.find((f) => f.path === 'data/added.txt')?.status).toBe('unlisted');

    const missing = join(await tempDir('tamga-bag-missing-'), 'bag');
    await cp(bag, missing, { recursive: true });
    await writeFile(join(missing, 'bagit.txt'), 'BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n');
    await rm(join(missing, 'data', 'Сайлау видео.mp4'));
    expect((await checkBag(missing)).problems.map((p) => p.code)).toContain('BAG_PAYLOAD_MISSING');
  });

  it('says a folder without bagit.txt is not a bag', async () => {
    const dir = await tempDir('tamga-not-bag-');
    await writeFile(join(dir, 'photo.jpg'), PHOTO);
    const check = await checkBag(dir);
    expect(check.complete).toBe(false);
    expect(check.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['BAGIT_TXT_MISSING', 'BAG_MANIFEST_MISSING']));
  });
});
