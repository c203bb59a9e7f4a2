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
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { encode, Tag } from 'cbor-x';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkC2pa } from '../../src/main/engine/intake/c2pa-manifest';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

const uuid = (fourcc: string): Buffer => Buffer.concat([Buffer.from(fourcc, 'latin1'), Buffer.from('00110010800000aa00389b71', 'hex')]);
function box(type: string, ...body: Buffer[]): Buffer {
  const content = Buffer.concat(body);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + content.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, content]);
}
const jumb = (fourcc: string, label: string, ...content: Buffer[]): Buffer => box('jumb', box('jumd', uuid(fourcc), Buffer.from([0x03]), Buffer.from(`${label}\0`, 'utf8')), ...content);

let dir: string;
let certificate: Buffer;

function manifestStore(generator: string): Buffer {
  const older = jumb('c2ma', 'urn:uuid:00000000-0000-4000-8000-000000000001', jumb('c2cl', 'c2pa.claim', box('cbor', encode({ claim_generator: 'Older Tool 1.0' }))));
  const claim = { claim_generator: generator, 'dc:format': 'image/jpeg', instanceID: 'xmp:iid:5f0e1c2a', signature: 'self#jumbf=c2pa.signature', alg: 'sha256', assertions: [{ url: 'self#jumbf=c2pa.assertions/c2pa.actions', hash: Buffer.alloc(32, 1) }] };
  const cose = new Tag([encode(new Map<number, unknown>([[1, -8], [33, [certificate]]])), new Map(), null, Buffer.alloc(64)], 18);
  const active = jumb(
    'c2ma',
    'urn:uuid:3f9a0c1e-2b4d-4f6a-8c0e-1a2b3c4d5e6f',
    jumb('c2as', 'c2pa.assertions', jumb('cbor', 'c2pa.actions', box('cbor', encode({ actions: [{ action: 'c2pa.created' }] })))),
    jumb('c2cl', 'c2pa.claim', box('cbor', encode(claim))),
    jumb('c2cs', 'c2pa.signature', box('cbor', encode(cose))),
  );
  return jumb('c2pa', 'c2pa', older, active);
}

function app11(seq: number, data: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt16BE(0xffeb, 0);
  head.writeUInt16BE(2 + 8 + data.length, 2);
  head.write('JP', 4, 'latin1');
  head.writeUInt16BE(1, 6);
  head.writeUInt32BE(seq, 8);
  return Buffer.concat([head, data]);
}

beforeAll(async () => {
  dir = await tempDir('tamga-c2pa-');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ed25519', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.der'), '-outform', 'DER', '-days', '2', '-subj', '/CN=ProofMode Test Signer/O=Guardian Project'], { stdio: 'ignore' });
  certificate = await readFile(join(dir, 'cert.der'));
});

describe('C2PA manifests', () => {
  it('finds the store in a JPEG split across APP11 segments, reads the active manifest, and says it is not verified', async () => {
    const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const store = manifestStore('ProofMode/3.0.1 c2pa-rs/0.28.4');
    const cut = 40;
    const segments = Buffer.concat([app11(1, store.subarray(0, cut)), app11(2, Buffer.concat([store.subarray(0, 8), store.subarray(cut)]))]);
    const path = join(dir, 'with-c2pa.jpg');
    await writeFile(path, Buffer.concat([jpeg.subarray(0, 2), segments, jpeg.subarray(2)]));
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
    const store = manifestStore('Google Pixel Camera');
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
    await writeFile(cutPath, Buffer.concat([jpeg.subarray(0, 2), app11(1, manifestStore('X').subarray(0, 60)), jpeg.subarray(2)]));
    expect(await checkC2pa(cutPath)).toMatchObject({ present: true, manifest: null, verification: 'not-verified', problems: [{ code: 'C2PA_UNREADABLE' }] });
  });
});
