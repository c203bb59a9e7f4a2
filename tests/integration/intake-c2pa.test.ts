// C2PA manifests found and read, not verified. No file with a C2PA manifest is among
// tests/fixtures, so the test builds them (a real JPEG and PNG from sharp, an ISOBMFF shell)
// with a manifest store as C2PA writes one:
//
//   JUMBF superbox "jumb" = [LBox u32][TBox "jumb"] then
//     "jumd" description box: 16-byte type UUID, toggles 0x03 (requestable, has label), label, NUL
//     content boxes …
//   manifest store   type 63327061-0011-0010-8000-00aa00389b71 ("c2pa"), label "c2pa"
//     manifest       type 63326d61-… ("c2ma"), label "urn:uuid:…" (the last one is active)
//       assertions   type 63326173-… ("c2as"), label "c2pa.assertions"
//       claim        type 6332636c-… ("c2cl"), label "c2pa.claim": a "cbor" box, {claim_generator, …}
//       signature    type 63326373-… ("c2cs"), label "c2pa.signature": a "cbor" box,
//                    COSE_Sign1 = tag 18 [protected bstr {1: -8 (EdDSA), 33: [leaf cert DER]}, {}, null, signature]
//
// In a JPEG the store goes in APP11 segments: FF EB, length, "JP", instance 0x0001, sequence
// number (1, 2 …), then the JUMBF bytes, split here across two segments (the second repeats
// the 8-byte box header). In a PNG, in a caBX chunk; in ISOBMFF, in a top-level uuid box.
// The certificate is a real self-signed one made by openssl; the COSE signature is 64 zero
// bytes: the reader does not verify it, and the result says so ('not-verified').
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { encode } from 'cbor-x';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkC2pa } from '../../src/main/engine/intake/c2pa-manifest';
import { app11, box, jpegWithC2pa, jumb, makeCertificate, manifestStore } from '../helpers/c2pa-fixture';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

let dir: string;
let certificate: Buffer;

beforeAll(async () => {
  dir = await tempDir('tamga-c2pa-');
  certificate = await makeCertificate(dir);
});

describe('C2PA manifests', () => {
  it('finds the store in a JPEG split across APP11 segments, reads the active manifest, and says it is not verified', async () => {
    const path = join(dir, 'with-c2pa.jpg');
    await writeFile(path, await jpegWithC2pa(certificate, 'ProofMode/3.0.1 c2pa-rs/0.28.4'));
    // Still a JPEG every decoder reads.
    expect((await sharp(path).metadata()).format).toBe('jpeg');
    expect(await checkC2pa(path)).toEqual({
      kind: 'c2pa',
      container: 'jpeg-app11',
      present: true,
      verification: 'not-verified',
      manifest: 'urn:uuid:3f9a0c1e-2b4d-4f6a-8c0e-1a2b3c4d5e6f',
      claimGenerator: 'ProofMode/3.0.1 c2pa-rs/0.28.4',
      signer: 'CN=ProofMode Test Signer, O=Guardian Project',
      problems: [],
    });
  });

  it('finds it in a PNG caBX chunk and in an ISOBMFF uuid box; a file without one is said to have none', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000000' } }).png().toBuffer();
    const store = manifestStore(certificate, 'Google Pixel Camera');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(store.length);
    const typed = Buffer.concat([Buffer.from('caBX', 'latin1'), store]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    const iend = png.length - 12;
    const pngPath = join(dir, 'with-c2pa.png');
    await writeFile(pngPath, Buffer.concat([png.subarray(0, iend), length, typed, crc, png.subarray(iend)]));
    expect(await checkC2pa(pngPath)).toMatchObject({ container: 'png-cabx', present: true, claimGenerator: 'Google Pixel Camera', signer: 'CN=ProofMode Test Signer, O=Guardian Project' });

    const uuidBox = box('uuid', Buffer.from('d8fec3d61b0e483c92975828877ec481', 'hex'), Buffer.alloc(4), Buffer.from('manifest\0', 'latin1'), Buffer.alloc(8), store);
    const mp4Path = join(dir, 'with-c2pa.mp4');
    await writeFile(mp4Path, Buffer.concat([box('ftyp', Buffer.from('isom\0\0\0\0isom', 'latin1')), uuidBox, box('mdat', Buffer.alloc(1000, 9))]));
    expect(await checkC2pa(mp4Path)).toMatchObject({ container: 'bmff-uuid', present: true, claimGenerator: 'Google Pixel Camera' });

    const plain = join(dir, 'plain.jpg');
    await writeFile(plain, await sharp({ create: { width: 8, height: 8, channels: 3, background: '#ffffff' } }).jpeg().toBuffer());
    expect(await checkC2pa(plain)).toMatchObject({ present: false, container: null, verification: 'not-verified' });
  });

  it('says what the manifest lacks, and survives a truncated store', async () => {
    const bare = jumb('c2pa', 'c2pa', jumb('c2ma', 'urn:uuid:00000000-0000-4000-8000-0000000000ff', jumb('c2cl', 'c2pa.claim', box('cbor', encode({ 'dc:format': 'image/jpeg' })))));
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#ff0000' } }).jpeg().toBuffer();
    const path = join(dir, 'bare.jpg');
    await writeFile(path, Buffer.concat([jpeg.subarray(0, 2), app11(1, bare), jpeg.subarray(2)]));
    const check = await checkC2pa(path);
    expect(check).toMatchObject({ present: true, claimGenerator: null, signer: null });
    expect(check.problems.map((p) => p.code)).toEqual(['C2PA_NO_CLAIM_GENERATOR', 'C2PA_NO_SIGNER']);

    const cutPath = join(dir, 'truncated.jpg');
    await writeFile(cutPath, Buffer.concat([jpeg.subarray(0, 2), app11(1, manifestStore(certificate, 'X').subarray(0, 60)), jpeg.subarray(2)]));
    expect(await checkC2pa(cutPath)).toMatchObject({ present: true, manifest: null, verification: 'not-verified', problems: [{ code: 'C2PA_UNREADABLE' }] });
  });
});
