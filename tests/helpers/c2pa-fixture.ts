/**
 * Files with a C2PA manifest store, built byte by byte (no such file is among
 * tests/fixtures). The layout is documented in tests/integration/intake-c2pa.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encode, Tag } from 'cbor-x';
import sharp from 'sharp';

const uuid = (fourcc: string): Buffer => Buffer.concat([Buffer.from(fourcc, 'latin1'), Buffer.from('00110010800000aa00389b71', 'hex')]);
export function box(type: string, ...body: Buffer[]): Buffer {
  const content = Buffer.concat(body);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + content.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, content]);
}
export const jumb = (fourcc: string, label: string, ...content: Buffer[]): Buffer => box('jumb', box('jumd', uuid(fourcc), Buffer.from([0x03]), Buffer.from(`${label}\0`, 'utf8')), ...content);

export function manifestStore(certificate: Buffer, generator: string): Buffer {
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

export function app11(seq: number, data: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt16BE(0xffeb, 0);
  head.writeUInt16BE(2 + 8 + data.length, 2);
  head.write('JP', 4, 'latin1');
  head.writeUInt16BE(1, 6);
  head.writeUInt32BE(seq, 8);
  return Buffer.concat([head, data]);
}

/** A real self-signed Ed25519 certificate (DER) made by openssl in `dir`. */
export async function makeCertificate(dir: string, subject = '/CN=ProofMode Test Signer/O=Guardian Project'): Promise<Buffer> {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ed25519', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.der'), '-outform', 'DER', '-days', '2', '-subj', subject], { stdio: 'ignore' });
  return readFile(join(dir, 'cert.der'));
}

/** A real JPEG (sharp) with a manifest store in APP11 segments right after SOI, split in two. */
export async function jpegWithC2pa(certificate: Buffer, generator: string, seed = 0x336699): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: `#${seed.toString(16).padStart(6, '0')}` } }).jpeg().toBuffer();
  const store = manifestStore(certificate, generator);
  const cut = 40;
  const segments = Buffer.concat([app11(1, store.subarray(0, cut)), app11(2, Buffer.concat([store.subarray(0, 8), store.subarray(cut)]))]);
  return Buffer.concat([jpeg.subarray(0, 2), segments, jpeg.subarray(2)]);
}
