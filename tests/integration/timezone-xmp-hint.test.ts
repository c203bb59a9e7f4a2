// Time-zone rule: an XMP zone is the editing software's (Photoshop, Lightroom, digiKam write
// the editing computer's zone), so a JPEG whose EXIF DateTimeOriginal has no
// OffsetTimeOriginal does not become a known instant because an XMP date carries a zone.
// The JPEG is a real one (sharp/libvips writes its EXIF and XMP); it goes through a real
// import into a real vault and is read back as the window and the exports see it.
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/main/engine/api';
import { bufferByteSource } from '../../src/main/engine/metadata/byte-source';
import { extractMetadata } from '../../src/main/engine/metadata/extract';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

const xmpPacket = (date: string): string =>
  `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
  `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" ` +
  `xmp:CreatorTool="Adobe Photoshop Lightroom Classic 12.0" photoshop:DateCreated="${date}"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** A camera JPEG as Lightroom leaves it: EXIF clock time without a zone, XMP with the editing computer's zone. */
async function editedJpeg(options: { gps?: boolean } = {}): Promise<Buffer> {
  const gps = options.gps
    ? { IFD3: { GPSDateStamp: '2005:08:03', GPSTimeStamp: '17/1 59/1 18/1', GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' } }
    : {};
  return sharp({ create: { width: 16, height: 12, channels: 3, background: '#808080' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'Canon', Model: 'Canon EOS 350D DIGITAL' }, IFD2: { DateTimeOriginal: '2005:08:03 18:59:18' }, ...gps })
    .withXmp(xmpPacket('2005-08-03T18:59:18-04:00'))
    .toBuffer();
}

describe('an XMP zone on a JPEG without OffsetTimeOriginal', () => {
  it('is kept as a hint with its reason: offsetKnown is false and no UTC instant is claimed', async () => {
    const m = await extractMetadata(bufferByteSource(await editedJpeg()), { name: 'IMG_0001.JPG' });
    expect(m.captureTime).toMatchObject({ local: '2005-08-03T18:59:18', utc: null, utcOffsetMinutes: null, offsetKnown: false, source: 'exif', field: 'EXIF DateTimeOriginal' });
    expect(m.captureTime?.zoneHint).toEqual({ reason: 'xmp-zone', offsetMinutes: -240, field: 'XMP photoshop:DateCreated' });
    expect(m.problems.join('\n')).toMatch(/XMP photoshop:DateCreated states the zone -04:00, but XMP dates are written by editing software .* not necessarily the camera's/);
  });

  it('is checked against the GPS clock, and the disagreement is said with both values', async () => {
    const m = await extractMetadata(bufferByteSource(await editedJpeg({ gps: true })), { name: 'IMG_0002.JPG' });
    expect(m.gpsTime).toEqual({ utc: '2005-08-03T17:59:18Z', field: 'EXIF GPSDateStamp + GPSTimeStamp' });
    expect(m.captureTime).toMatchObject({ offsetKnown: false, utc: null, gpsCheck: { result: 'implies-zone', impliedOffsetMinutes: 60, gpsUtc: '2005-08-03T17:59:18Z' } });
    expect(m.problems.join('\n')).toMatch(/states -04:00, but the GPS time \(2005-08-03T17:59:18Z\) puts the camera clock \(2005-08-03 18:59:18\) at \+01:00/);
  });

  describe('imported into a vault', () => {
    let engine: Engine;
    beforeAll(async () => {
      const dir = await tempDir();
      await writeFile(join(dir, 'edited.jpg'), await editedJpeg());
      engine = createEngine({ actor: 'tamga-test' });
      await engine.createVault({ path: join(dir, 'vault'), passphrase: PASSPHRASE });
      await engine.importFiles({ paths: [join(dir, 'edited.jpg')] });
    }, 60_000);
    afterAll(async () => {
      await engine.close();
      await removeTempDirs();
    });

    it('is stored as a clock time with no UTC instant, and searched by that clock time', async () => {
      const { items } = await engine.searchItems({ query: '' });
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ capturedLocal: '2005-08-03T18:59:18', capturedUtc: null, captureSource: 'exif' });
      const detail = await engine.getItem(items[0]?.id ?? '');
      expect(detail.metadata?.captureTime).toMatchObject({ offsetKnown: false, zoneHint: { reason: 'xmp-zone', offsetMinutes: -240 } });
      expect((await engine.searchItems({ query: 'taken:2005-08-03' })).total).toBe(1);
    });
  });
});
