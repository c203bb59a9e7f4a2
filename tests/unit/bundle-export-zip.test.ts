// The zip writer on its own: the same entries give the same bytes in every time zone (DOS
// times have no zone), and a failure leaves no file behind.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { openZipWriter, zipEntryTime } from '../../src/main/engine/bundle/export/write-zip';
import { useNativeZipCrc32, zipCrc32 } from '../../src/main/engine/bundle/export/zip-crc';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

async function writeSampleZip(path: string): Promise<Buffer> {
  const writer = await openZipWriter(path, 'bundle', '2021-03-28T01:30:00.000Z');
  await writer.addFile('bagit.txt', 'BagIt-Version: 1.0\n');
  await writer.addStream('data/E0001_Ақмола.jpg', 5, Readable.from([Buffer.from('hello')]));
  await writer.commit();
  return readFile(path);
}

describe('zip bundles', () => {
  it('carry the Bagging-Date at noon whatever the time zone, so the bytes never depend on it', async () => {
    const saved = process.env.TZ;
    const dir = await tempDir('tamga-zip-');
    const zips: Buffer[] = [];
    try {
      for (const zone of ['UTC', 'Asia/Almaty', 'America/St_Johns', 'Pacific/Kiritimati', 'Europe/Berlin']) {
        process.env.TZ = zone;
        const t = zipEntryTime('2021-03-28T01:30:00.000Z');
        expect([t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes()]).toEqual([2021, 2, 28, 12, 0]);
        zips.push(await writeSampleZip(join(dir, `${zone.replace('/', '-')}.zip`)));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    for (const zip of zips) expect(zip.equals(zips[0] ?? Buffer.alloc(0))).toBe(true);
  });

  it('leaves nothing when aborted, and refuses a path that would leave the bundle folder', async () => {
    const dir = await tempDir('tamga-zip-');
    const writer = await openZipWriter(join(dir, 'b.zip'), 'b', '2021-01-12T10:00:00.000Z');
    await writer.addFile('bagit.txt', 'x');
    await expect(writer.addFile('../escape.txt', 'x')).rejects.toThrow(/Refusing/);
    await writer.abort();
    expect(await readdir(dir)).toEqual([]);
  });
});

/** The textbook bitwise CRC-32 (ISO-HDLC), as zip defines it: the reference. */
function referenceCrc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe("the zip entries' CRC-32", () => {
  it('is the standard CRC-32, chunk by chunk as yazl feeds it, with the native one swapped in', () => {
    expect(useNativeZipCrc32()).toBe(true);
    expect(zipCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const data = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 251));
    const chunked = [data.subarray(0, 1), data.subarray(1, 65_537), data.subarray(65_537)].reduce((crc, part) => zipCrc32(part, crc), 0);
    expect(chunked).toBe(referenceCrc32(data));
  });
});
