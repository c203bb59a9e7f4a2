/**
 * A PNG whose EXIF is in a zTXt "Raw profile type exif" chunk, the way ImageMagick and older
 * Photoshop/GIMP exports store it (hex text of an "Exif\0\0"-headed TIFF block), rather than in
 * the eXIf chunk Tamga's own PNG reader reads. The EXIF block is libvips' own (sharp's
 * withExif on a JPEG), carried over byte for byte.
 */
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

function chunk(type: string, data: Buffer): Buffer {
  const name = Buffer.from(type, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([name, data])));
  return Buffer.concat([length, name, data, crc]);
}

export async function pngWithTextExif(exif: { make: string; model: string; taken: string; offset: string }): Promise<Buffer> {
  const picture = { create: { width: 40, height: 30, channels: 3 as const, background: { r: 10, g: 120, b: 200 } } };
  const jpeg = await sharp(picture)
    .jpeg()
    .withExif({ IFD0: { Make: exif.make, Model: exif.model }, IFD2: { DateTimeOriginal: exif.taken, OffsetTimeOriginal: exif.offset } })
    .toBuffer();
  let block: Buffer | null = null;
  for (let at = 2; at + 4 <= jpeg.length && block === null; at += 2 + jpeg.readUInt16BE(at + 2)) {
    if (jpeg[at + 1] === 0xe1) block = jpeg.subarray(at + 4, at + 2 + jpeg.readUInt16BE(at + 2));
  }
  if (block === null) throw new Error('sharp wrote no APP1 EXIF block');
  const hex = (block.toString('hex').match(/.{1,72}/g) ?? []).join('\n');
  const profile = Buffer.from(`\nexif\n${String(block.length).padStart(8)}\n${hex}\n`, 'latin1');
  const text = Buffer.concat([Buffer.from('Raw profile type exif\0\0', 'latin1'), deflateSync(profile)]);
  const png = await sharp(picture).png().toBuffer();
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), chunk('zTXt', text), png.subarray(iend)]);
}
