// The blob stream format v1 (docs/formats.md): the writer, the streaming reader and the
// random-access reader round-trip every size, agree with an independent reference
// implementation and a worked example, and refuse every kind of damage with the exact code
// and chunk index. The last test streams 2 GiB through both in a child process at
// constant memory.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_CHUNK_SIZE_LOG2,
  FORMAT_VERSION,
  HEADER_SIZE,
  MAGIC,
  MAX_CHUNK_SIZE_LOG2,
  MIN_CHUNK_SIZE_LOG2,
  TAG_SIZE,
  chunkNonce,
  ciphertextSizeFor,
  deriveBlobKey,
  encodeHeader,
  layoutFromCiphertextSize,
  parseHeader,
} from '../../src/main/engine/crypto/blob-format';
import { openBlob } from '../../src/main/engine/crypto/blob-random-access';
import { BlobDecryptStream, decryptBuffer } from '../../src/main/engine/crypto/blob-reader';
import { BlobEncryptStream, encryptBuffer, newBlobId, type BlobWriteOptions } from '../../src/main/engine/crypto/blob-writer';
import { TamgaError } from '../../src/shared/errors';
import {
  chunkSpan,
  decryptViaStream,
  encryptViaStream,
  flipBit,
  prng,
  pseudoRandomBytes,
  randomPieces,
  rejected,
  thrown,
} from '../helpers/blob-fixtures';
import { referenceDecrypt, referenceEncrypt, referenceHeader, referenceKey, referenceNonce } from '../helpers/blob-reference';
import { ROOT, run } from '../helpers/child-process';

const LOG2 = 12;
const CS = 2 ** LOG2;
const SIZES = [0, 1, CS - 1, CS, CS + 1, 5 * CS + 17];
const blobKey = randomBytes(32);
let dir: string;
let fileCounter = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tamga-blob-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha = (algorithm: string, data: Buffer): string => createHash(algorithm).update(data).digest('hex');
const chunksOf = (size: number, chunkSize = CS): number => Math.max(1, Math.ceil(size / chunkSize));

async function toFile(data: Buffer): Promise<string> {
  const path = join(dir, `blob-${++fileCounter}`);
  await writeFile(path, data);
  return path;
}

/** A blob of `size` pseudo-random bytes, sealed by the real writer. */
function makeBlob(size: number, seed = size, options: Partial<BlobWriteOptions> = {}) {
  const plain = pseudoRandomBytes(size, seed);
  const { ciphertext, result } = encryptBuffer(plain, { blobKey, chunkSizeLog2: LOG2, ...options });
  return { plain, ciphertext, result, id: result.blobId, read: { blobKey, expectedBlobId: result.blobId } };
}

/**
 * Every reader's verdict on one damaged file: the stream (fed in odd pieces), the in-memory
 * reader, and the random-access reader (open, then a read of everything).
 */
async function verdicts(ciphertext: Buffer, read: { blobKey: Buffer; expectedBlobId: string | Buffer }) {
  const stream = await decryptViaStream(randomPieces(ciphertext, ciphertext.length, 3 * CS), read);
  const buffer = (() => {
    try {
      decryptBuffer(ciphertext, read);
      return undefined;
    } catch (err) {
      return err;
    }
  })();
  const random = await (async () => {
    try {
      const blob = await openBlob(await toFile(ciphertext), read);
      try {
        await blob.read(0, blob.size);
      } finally {
        await blob.close();
      }
      return undefined;
    } catch (err) {
      return err;
    }
  })();
  return { stream: stream.error, buffer, random, emitted: stream.emitted };
}

describe('blob format primitives', () => {
  it('lays out the 60-byte header as the specification says, and parses it back', () => {
    const blobId = newBlobId();
    const salt = randomBytes(32);
    const header = encodeHeader({ chunkSizeLog2: 20, blobId, salt });
    expect(header.length).toBe(HEADER_SIZE);
    expect(header.subarray(0, 8).toString('ascii')).toBe('TAMGBLOB');
    expect(MAGIC.toString('ascii')).toBe('TAMGBLOB');
    expect([header[8], header[9], header[10], header[11]]).toEqual([FORMAT_VERSION, 20, 0, 0]);
    expect(header.subarray(12, 28)).toEqual(blobId);
    expect(header.subarray(28, 60)).toEqual(salt);
    const parsed = parseHeader(header, blobId.toString('hex'));
    expect(parsed).toMatchObject({ version: 1, chunkSizeLog2: 20, chunkSize: 2 ** 20, blobIdHex: blobId.toString('hex') });
    expect(parsed.salt).toEqual(salt);
    expect(parsed.bytes).toEqual(header);
    expect([HEADER_SIZE, TAG_SIZE, MIN_CHUNK_SIZE_LOG2, MAX_CHUNK_SIZE_LOG2, DEFAULT_CHUNK_SIZE_LOG2]).toEqual([60, 16, 12, 24, 20]);
  });

  it('builds nonces as an 11-byte big-endian counter and a last-chunk flag', () => {
    expect(chunkNonce(0, false).toString('hex')).toBe('000000000000000000000000');
    expect(chunkNonce(0, true).toString('hex')).toBe('000000000000000000000001');
    expect(chunkNonce(258, false).toString('hex')).toBe('000000000000000000010200');
    expect(chunkNonce(Number.MAX_SAFE_INTEGER, true).toString('hex')).toBe('000000001fffffffffffff01');
    for (const bad of [-1, 1.5, Number.NaN]) expect(thrown(() => chunkNonce(bad, false)).code).toBe('INVALID_ARGUMENT');
  });

  it('derives the chunk layout from the file size, and refuses every size no blob can have', () => {
    const E = CS + TAG_SIZE;
    expect(layoutFromCiphertextSize(60 + 16, CS)).toEqual({ chunkCount: 1, plaintextSize: 0, lastChunkPlainSize: 0 });
    expect(layoutFromCiphertextSize(60 + 1 + 16, CS)).toEqual({ chunkCount: 1, plaintextSize: 1, lastChunkPlainSize: 1 });
    expect(layoutFromCiphertextSize(60 + E, CS)).toEqual({ chunkCount: 1, plaintextSize: CS, lastChunkPlainSize: CS });
    expect(layoutFromCiphertextSize(60 + E + 17, CS)).toEqual({ chunkCount: 2, plaintextSize: CS + 1, lastChunkPlainSize: 1 });
    expect(layoutFromCiphertextSize(60 + 5 * E + 33, CS)).toEqual({ chunkCount: 6, plaintextSize: 5 * CS + 17, lastChunkPlainSize: 17 });
    for (let plain = 0; plain <= 3 * CS + 1; plain += plain < 40 ? 1 : 97) {
      const size = ciphertextSizeFor(plain, CS);
      expect(size).toBe(60 + plain + 16 * chunksOf(plain));
      expect(layoutFromCiphertextSize(size, CS).plaintextSize).toBe(plain);
    }
    // Shorter than a header and an empty chunk; a second chunk too short for its tag, or
    // holding only a tag (an empty final chunk after a full one).
    for (const size of [0, 59, 60, 75, 60 + E + 1, 60 + E + 15, 60 + E + 16, 60 + 2 * E + 16, Number.NaN, -1, 60.5]) {
      const err = thrown(() => layoutFromCiphertextSize(size, CS));
      expect(err.code, `size ${size}`).toBe('CORRUPT');
      expect(err.message).toMatch(/truncated or has trailing bytes/);
    }
    expect(thrown(() => layoutFromCiphertextSize(100, 0)).code).toBe('INVALID_ARGUMENT');
  });

  it('derives the per-blob key with HKDF-SHA256 over the salt and "tamga blob v1" ‖ blob id', () => {
    const blobId = newBlobId();
    const salt = randomBytes(32);
    const key = deriveBlobKey(blobKey, { blobId, salt });
    expect(key).toEqual(referenceKey(blobKey, blobId, salt));
    expect(deriveBlobKey(blobKey, { blobId: newBlobId(), salt })).not.toEqual(key);
    expect(deriveBlobKey(blobKey, { blobId, salt: randomBytes(32) })).not.toEqual(key);
    expect(thrown(() => deriveBlobKey(randomBytes(31), { blobId, salt })).code).toBe('INVALID_ARGUMENT');
  });
});

describe('the worked example (docs/formats.md) and an independent implementation', () => {
  // The vault example's blob key, so the two worked examples chain; checked against
  // Python's `cryptography` AESGCM and a hand-written HKDF as well.
  const exampleKey = Buffer.from('152ea5a039363ecf756ef1d1b38967170b68ab4607d86908fc07a1a994c65049', 'hex');
  const blobId = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
  const salt = Buffer.from(Array.from({ length: 32 }, (_, i) => 0x20 + i));
  const read = { blobKey: exampleKey, expectedBlobId: '000102030405060708090a0b0c0d0e0f' };

  it('pins the header, the per-blob key and the sealed bytes of a 6-byte blob', async () => {
    const header = encodeHeader({ chunkSizeLog2: 12, blobId, salt });
    expect(header.toString('hex')).toBe(
      '54414d47424c4f42010c0000000102030405060708090a0b0c0d0e0f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f',
    );
    expect(header).toEqual(referenceHeader({ blobId, salt, chunkSizeLog2: 12 }));
    expect(deriveBlobKey(exampleKey, { blobId, salt }).toString('hex')).toBe('7da78e378f456213a6be18a2afcd569e5260a4878d01d5b6b052685dfcdc14e8');
    const file = referenceEncrypt({ blobKey: exampleKey, blobId, salt, chunkSizeLog2: 12, plaintext: Buffer.from('Tamga\n') });
    expect(file.length).toBe(82);
    // ciphertext "06956eec8517" then the tag
    expect(file.subarray(60).toString('hex')).toBe('06956eec8517c702f53ccffb4d67d23f0265fed7815b');
    expect(decryptBuffer(file, read).toString()).toBe('Tamga\n');
    expect((await decryptViaStream([file], read)).emitted.toString()).toBe('Tamga\n');
    const blob = await openBlob(await toFile(file), read);
    expect(await blob.read(0, 100)).toEqual(Buffer.from('Tamga\n'));
    await blob.close();
  });

  it('pins a two-chunk blob (4097 bytes of i mod 256)', () => {
    const plaintext = Buffer.from(Array.from({ length: 4097 }, (_, i) => i % 256));
    const file = referenceEncrypt({ blobKey: exampleKey, blobId, salt, chunkSizeLog2: 12, plaintext });
    expect(file.length).toBe(4189);
    expect(sha('sha256', file)).toBe('8fa84630fd83dc5e815ba7eb922ba295ac301469c65605e9c1138075d5af9f6a');
    expect(file.subarray(60 + 4096, 60 + 4112).toString('hex')).toBe('efe9e9dcd5bf012b04f2cb6ea4b90e32'); // tag of chunk 0
    expect(file.subarray(-17).toString('hex')).toBe('c39eb2c86c26ebd4d27d899b0bef66b236'); // chunk 1: 1 byte + tag
    expect(decryptBuffer(file, read)).toEqual(plaintext);
    expect(referenceNonce(258, false)).toEqual(chunkNonce(258, false));
  });

  it('writes what the reference implementation reads, for every size', async () => {
    for (const size of SIZES) {
      const { plain, ciphertext } = makeBlob(size);
      expect(referenceDecrypt(ciphertext, blobKey)).toEqual(plain);
      const streamed = await encryptViaStream(randomPieces(plain, size + 1, 2 * CS), { blobKey, chunkSizeLog2: LOG2 });
      expect(referenceDecrypt(streamed.ciphertext, blobKey)).toEqual(plain);
    }
  });
});

describe('round trips', () => {
  it.each(SIZES)('%i bytes through the stream pair, the buffer pair and the random-access reader', async (size) => {
    const plain = pseudoRandomBytes(size, size + 7);
    const { ciphertext, result } = await encryptViaStream(randomPieces(plain, size, 3 * CS), {
      blobKey,
      chunkSizeLog2: LOG2,
      hashes: ['sha1', 'md5'],
    });
    const expectedSize = 60 + size + 16 * chunksOf(size);
    expect(result).toEqual({
      blobId: ciphertext.subarray(12, 28).toString('hex'),
      plaintextSize: size,
      ciphertextSize: expectedSize,
      digests: { sha256: sha('sha256', plain), sha1: sha('sha1', plain), md5: sha('md5', plain) },
    });
    expect(ciphertext.length).toBe(expectedSize);
    const read = { blobKey, expectedBlobId: result.blobId };

    // Fed whole, in odd pieces, and one byte at a time.
    for (const pieces of [[ciphertext], randomPieces(ciphertext, size + 1, 2 * CS + 100), randomPieces(ciphertext, 3, 1)]) {
      const out = await decryptViaStream(pieces, read);
      expect(out.error).toBeUndefined();
      expect(out.emitted).toEqual(plain);
    }
    expect(decryptBuffer(ciphertext, read)).toEqual(plain);

    const viaBuffer = encryptBuffer(plain, { blobKey, chunkSizeLog2: LOG2, hashes: ['md5'] });
    expect(viaBuffer.ciphertext.length).toBe(expectedSize);
    expect(viaBuffer.result).toEqual({
      blobId: viaBuffer.ciphertext.subarray(12, 28).toString('hex'),
      plaintextSize: size,
      ciphertextSize: expectedSize,
      digests: { sha256: sha('sha256', plain), md5: sha('md5', plain) },
    });
    expect(decryptBuffer(viaBuffer.ciphertext, { blobKey, expectedBlobId: viaBuffer.result.blobId })).toEqual(plain);

    const blob = await openBlob(await toFile(ciphertext), read);
    expect(blob.size).toBe(size);
    expect(blob.blobId).toBe(result.blobId);
    expect(await blob.read(0, size)).toEqual(plain);
    expect(await blob.read(0, size + 1000)).toEqual(plain);
    await blob.close();
  });

  it('round-trips 3 MiB + 5 bytes at the default 1 MiB chunk size', async () => {
    const plain = pseudoRandomBytes(3 * 2 ** 20 + 5, 99);
    const { ciphertext, result } = await encryptViaStream(randomPieces(plain, 1, 200_000), { blobKey });
    expect(ciphertext[9]).toBe(20);
    expect(result.ciphertextSize).toBe(60 + plain.length + 16 * 4);
    expect(result.digests).toEqual({ sha256: sha('sha256', plain) });
    const read = { blobKey, expectedBlobId: result.blobId };
    const out = await decryptViaStream(randomPieces(ciphertext, 2, 300_000), read);
    expect(out.error).toBeUndefined();
    expect(out.emitted.equals(plain)).toBe(true);
    const blob = await openBlob(await toFile(ciphertext), read);
    expect(blob.chunkSize).toBe(2 ** 20);
    expect((await blob.read(0, blob.size)).equals(plain)).toBe(true);
    expect(await blob.read(2 ** 20 - 3, 10)).toEqual(plain.subarray(2 ** 20 - 3, 2 ** 20 + 7));
    expect(await blob.read(3 * 2 ** 20, 100)).toEqual(plain.subarray(3 * 2 ** 20));
    await blob.close();
  });

  it('gives each blob a fresh id and salt, so equal plaintexts never give equal files', () => {
    const plain = Buffer.alloc(100, 1);
    const a = encryptBuffer(plain, { blobKey, chunkSizeLog2: LOG2 });
    const b = encryptBuffer(plain, { blobKey, chunkSizeLog2: LOG2 });
    expect(a.result.blobId).not.toBe(b.result.blobId);
    expect(a.ciphertext.subarray(28, 60)).not.toEqual(b.ciphertext.subarray(28, 60));
    const blobId = newBlobId();
    const c = encryptBuffer(plain, { blobKey, blobId, chunkSizeLog2: LOG2 });
    expect(c.result.blobId).toBe(blobId.toString('hex'));
    expect(new BlobEncryptStream({ blobKey, blobId }).blobId).toBe(blobId.toString('hex'));
  });
});

describe('damage is refused with the exact chunk', () => {
  const size = 5 * CS + 17; // six chunks, 0..5
  const fixture = makeBlob(size);

  it.each([0, 1, 2, 3, 4, 5])('a flipped bit in chunk %i (ciphertext and tag) names that chunk', async (chunk) => {
    const span = chunkSpan(chunk, CS, size);
    const next = prng(chunk);
    for (const byte of [span.start + Math.floor(next() * (span.tagStart - span.start)), span.tagStart + Math.floor(next() * TAG_SIZE)]) {
      const damaged = flipBit(fixture.ciphertext, byte, Math.floor(next() * 8));
      const v = await verdicts(damaged, fixture.read);
      for (const err of [v.stream, v.buffer, v.random]) {
        expect(err).toBeInstanceOf(TamgaError);
        expect(err).toMatchObject({ code: 'CORRUPT', details: { chunk, blobId: fixture.id } });
        expect((err as TamgaError).message).toBe(
          `Blob ${fixture.id.slice(0, 12)}…: chunk ${chunk} failed its integrity check (the file was changed or damaged).`,
        );
      }
      expect(v.emitted).toEqual(fixture.plain.subarray(0, chunk * CS));
    }
  });

  it('a flipped bit anywhere in the header is refused (UNSUPPORTED_VERSION for the version byte)', () => {
    const small = makeBlob(CS + 5, 1);
    for (let byte = 0; byte < HEADER_SIZE; byte++) {
      for (let bit = 0; bit < 8; bit++) {
        const err = thrown(() => decryptBuffer(flipBit(small.ciphertext, byte, bit), small.read));
        const where = `byte ${byte} bit ${bit}`;
        if (byte < 8) expect(err.message, where).toMatch(/does not start with the Tamga blob signature/);
        else if (byte === 8) expect(err, where).toMatchObject({ code: 'UNSUPPORTED_VERSION', details: { version: 1 ^ (1 << bit) } });
        else if (byte === 10 || byte === 11) expect(err.message, where).toMatch(/reserved/);
        else if (byte >= 12 && byte < 28) expect(err.message, where).toMatch(/renamed or copied over another/);
        else if (byte >= 28) expect(err.details, where).toEqual({ blobId: small.id, chunk: 0 });
        if (byte !== 8) expect(err.code, where).toBe('CORRUPT');
      }
    }
    // The chunk-size byte: out of range is refused outright; in range, the layout or chunk 0 fails.
    const asChunkSize = (log2: number) => thrown(() => decryptBuffer(flipBit(small.ciphertext, 9, Math.log2(LOG2 ^ log2)), small.read));
    expect(asChunkSize(8)).toMatchObject({ code: 'CORRUPT', details: { chunkSizeLog2: 8 } });
    expect(asChunkSize(28)).toMatchObject({ code: 'CORRUPT', details: { chunkSizeLog2: 28 } });
    expect(asChunkSize(13)).toMatchObject({ code: 'CORRUPT', details: { chunk: 0 } }); // 8 KiB chunks: one chunk, whose tag fails
  });

  it('a header flip is refused by the stream and by open too', async () => {
    for (const [byte, code] of [
      [0, 'CORRUPT'],
      [8, 'UNSUPPORTED_VERSION'],
      [11, 'CORRUPT'],
      [20, 'CORRUPT'],
      [40, 'CORRUPT'],
    ] as const) {
      const v = await verdicts(flipBit(fixture.ciphertext, byte), fixture.read);
      for (const err of [v.stream, v.random]) expect(err, `byte ${byte}`).toMatchObject({ code });
      expect(v.emitted.length).toBe(0);
    }
  });

  it('truncation at a chunk boundary or inside a chunk is refused', async () => {
    const cases: Array<[number, number]> = [
      [chunkSpan(5, CS, size).start, 4], // chunks 0..4 left: chunk 4 was not sealed as the last
      [chunkSpan(1, CS, size).start, 0],
      [chunkSpan(3, CS, size).start + 100, 3], // inside chunk 3's ciphertext
      [chunkSpan(2, CS, size).tagStart + 8, 2], // inside chunk 2's tag
      [chunkSpan(5, CS, size).end - 1, 5], // one byte off the very end
      [chunkSpan(2, CS, size).start + 10, 2], // fewer bytes than a tag left of chunk 2
    ];
    for (const [cut, chunk] of cases) {
      const v = await verdicts(fixture.ciphertext.subarray(0, cut), fixture.read);
      expect(v.stream, `cut at ${cut}`).toMatchObject({ code: 'CORRUPT', details: { chunk } });
      expect(v.emitted).toEqual(fixture.plain.subarray(0, chunk * CS));
      // The in-memory and random-access readers check the size arithmetic first; when the
      // cut still leaves a possible size, the final chunk's tag catches it.
      for (const err of [v.buffer, v.random]) {
        expect(err, `cut at ${cut}`).toMatchObject({ code: 'CORRUPT' });
        const m = (err as TamgaError).message;
        expect(m.includes('truncated or has trailing bytes') || (err as TamgaError).details?.chunk === chunk, m).toBe(true);
      }
    }
    for (const cut of [0, 10, 59, 60, 61, 75]) {
      const v = await verdicts(fixture.ciphertext.subarray(0, cut), fixture.read);
      for (const err of [v.stream, v.buffer, v.random]) expect(err, `cut at ${cut}`).toMatchObject({ code: 'CORRUPT' });
    }
  });

  it('trailing bytes (one byte, a whole extra chunk) are refused', async () => {
    const full = makeBlob(3 * CS, 3); // the last chunk is full: trailing bytes start a new chunk
    const extra = chunkSpan(1, CS, 3 * CS);
    const cases: Array<[Buffer, Buffer, string, number]> = [
      [fixture.ciphertext, Buffer.from([0]), fixture.id, 5],
      [full.ciphertext, Buffer.from([0]), full.id, 2],
      [fixture.ciphertext, randomBytes(CS + TAG_SIZE), fixture.id, 5],
      // A genuine sealed chunk of the same blob appended: it was sealed as chunk 1, not 3.
      [full.ciphertext, full.ciphertext.subarray(extra.start, extra.end), full.id, 2],
    ];
    for (const [ciphertext, tail, id, chunk] of cases) {
      const v = await verdicts(Buffer.concat([ciphertext, tail]), { blobKey, expectedBlobId: id });
      expect(v.stream).toMatchObject({ code: 'CORRUPT', details: { chunk } });
      for (const err of [v.buffer, v.random]) expect(err).toMatchObject({ code: 'CORRUPT' });
    }
  });

  it('two chunks swapped are refused at the first of them', async () => {
    const a = chunkSpan(1, CS, size);
    const b = chunkSpan(2, CS, size);
    const swapped = Buffer.concat([
      fixture.ciphertext.subarray(0, a.start),
      fixture.ciphertext.subarray(b.start, b.end),
      fixture.ciphertext.subarray(a.start, a.end),
      fixture.ciphertext.subarray(b.end),
    ]);
    expect(swapped.length).toBe(fixture.ciphertext.length);
    const v = await verdicts(swapped, fixture.read);
    for (const err of [v.stream, v.buffer, v.random]) expect(err).toMatchObject({ code: 'CORRUPT', details: { chunk: 1 } });
    expect(v.emitted).toEqual(fixture.plain.subarray(0, CS));
  });

  it('a chunk copied from another blob under the same key, at the same index, is refused', async () => {
    const other = makeBlob(size, 1234);
    const span = chunkSpan(3, CS, size);
    const mixed = Buffer.from(fixture.ciphertext);
    other.ciphertext.copy(mixed, span.start, span.start, span.end);
    const v = await verdicts(mixed, fixture.read);
    for (const err of [v.stream, v.buffer, v.random]) expect(err).toMatchObject({ code: 'CORRUPT', details: { chunk: 3 } });
  });

  it('a whole blob renamed to another id is refused from its header', async () => {
    const other = makeBlob(100, 5);
    const v = await verdicts(fixture.ciphertext, { blobKey, expectedBlobId: other.id });
    for (const err of [v.stream, v.buffer, v.random]) {
      expect(err).toMatchObject({ code: 'CORRUPT', details: { blobId: other.id, headerBlobId: fixture.id } });
      expect((err as TamgaError).message).toMatch(/renamed or copied over another/);
    }
    // With the id in the header rewritten to match, the derived key (and the AAD) change.
    const rewritten = Buffer.from(fixture.ciphertext);
    Buffer.from(other.id, 'hex').copy(rewritten, 12);
    // (The random-access reader authenticates the last chunk, 5, first: at open.)
    const w = await verdicts(rewritten, { blobKey, expectedBlobId: other.id });
    for (const err of [w.stream, w.buffer]) expect(err).toMatchObject({ code: 'CORRUPT', details: { chunk: 0, blobId: other.id } });
    expect(w.random).toMatchObject({ code: 'CORRUPT', details: { chunk: 5, blobId: other.id } });
    // And under another vault's blob key nothing opens either.
    const x = await verdicts(fixture.ciphertext, { blobKey: randomBytes(32), expectedBlobId: fixture.id });
    for (const err of [x.stream, x.buffer]) expect(err).toMatchObject({ code: 'CORRUPT', details: { chunk: 0 } });
    expect(x.random).toMatchObject({ code: 'CORRUPT', details: { chunk: 5 } });
  });

  it('the stream never emits plaintext of a chunk that fails, even when fed byte by byte', async () => {
    for (const chunk of [0, 2, 5]) {
      const span = chunkSpan(chunk, CS, size);
      const damaged = flipBit(fixture.ciphertext, span.tagStart - 1, 7);
      for (const pieces of [[damaged], randomPieces(damaged, chunk, 1), randomPieces(damaged, chunk, 5 * CS)]) {
        const out = await decryptViaStream(pieces, fixture.read);
        expect(out.error).toMatchObject({ code: 'CORRUPT', details: { chunk } });
        expect(out.emitted.length % CS).toBe(0);
        expect(out.emitted).toEqual(fixture.plain.subarray(0, chunk * CS));
      }
    }
  });
});

describe('a tampered chunk size is refused before anything is allocated from it', () => {
  const fixture = makeBlob(2 * CS + 3, 11);
  const withLog2 = (log2: number): Buffer => {
    const copy = Buffer.from(fixture.ciphertext);
    copy[9] = log2;
    return copy;
  };

  it.each([30, 40, 255, 25, 11, 5, 0])('chunk size 2^%i', async (log2) => {
    const expected = { code: 'CORRUPT', details: { chunkSizeLog2: log2, blobId: fixture.id } };
    const damaged = withLog2(log2);
    expect(thrown(() => parseHeader(damaged.subarray(0, HEADER_SIZE), fixture.id))).toMatchObject(expected);
    expect(thrown(() => decryptBuffer(damaged, fixture.read))).toMatchObject(expected);
    expect(await rejected(openBlob(await toFile(damaged), fixture.read))).toMatchObject(expected);

    // The stream fails on the header alone, before any body byte (and so any chunk) arrives,
    // and without one large allocation.
    const allocUnsafe = vi.spyOn(Buffer, 'allocUnsafe');
    const alloc = vi.spyOn(Buffer, 'alloc');
    try {
      const decrypt = new BlobDecryptStream(fixture.read);
      const failed = new Promise<unknown>((resolve) => decrypt.on('error', resolve));
      decrypt.write(damaged.subarray(0, HEADER_SIZE));
      expect(await failed).toMatchObject(expected);
      const sizes = [...allocUnsafe.mock.calls, ...alloc.mock.calls].map(([n]) => n);
      expect(sizes.filter((n) => n > 4096)).toEqual([]);
    } finally {
      allocUnsafe.mockRestore();
      alloc.mockRestore();
    }
  });

  it('the message says what is wrong', () => {
    expect(thrown(() => parseHeader(withLog2(30), fixture.id)).message).toBe(
      `Blob ${fixture.id.slice(0, 12)}… claims a chunk size of 2^30 bytes, outside the allowed 2^12 to 2^24 (the file was damaged).`,
    );
  });
});

describe('random access', () => {
  const size = 5 * CS + 17;
  const fixture = makeBlob(size, 21);

  it('reads equal the plaintext slice for many offsets and lengths, at the edges and past the end', async () => {
    const blob = await openBlob(await toFile(fixture.ciphertext), fixture.read);
    const next = prng(42);
    const pairs: Array<[number, number]> = [
      [0, 0],
      [0, 1],
      [CS - 1, 2], // across a boundary
      [CS, CS], // exactly one chunk
      [CS - 1, 3 * CS + 2], // across four chunks
      [size - 1, 1],
      [size - 17, 17], // the whole short last chunk
      [size - 10, 100], // clamped at the end
      [size, 0],
      [size, 10], // at the end: empty
      [size + 5000, 10], // past the end: empty
      [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
      [3, Number.MAX_SAFE_INTEGER],
    ];
    for (let i = 0; i < 400; i++) pairs.push([Math.floor(next() * (size + 50)), Math.floor(next() * (next() < 0.5 ? 64 : 3 * CS))]);
    for (const [offset, length] of pairs) {
      const got = await blob.read(offset, length);
      expect(got.equals(fixture.plain.subarray(offset, offset + length)), `read(${offset}, ${length})`).toBe(true);
    }
    await blob.close();
  });

  it('refuses negative, fractional and non-numeric ranges, and reads after close', async () => {
    const blob = await openBlob(await toFile(fixture.ciphertext), fixture.read);
    for (const [offset, length] of [
      [-1, 10],
      [0, -1],
      [Number.NaN, 1],
      [0, Number.NaN],
      [1.5, 2],
      [0, Number.POSITIVE_INFINITY],
    ]) {
      expect(await rejected(blob.read(offset as number, length as number))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
    await blob.close();
    await blob.close(); // twice is harmless
    expect(await rejected(blob.read(0, 1))).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('decrypts only the chunks a read touches', async () => {
    const damaged = flipBit(fixture.ciphertext, chunkSpan(3, CS, size).start + 7);
    const blob = await openBlob(await toFile(damaged), fixture.read); // chunk 5 (the last) is checked at open
    expect(await blob.read(CS + 10, 100)).toEqual(fixture.plain.subarray(CS + 10, CS + 110)); // inside chunk 1
    expect(await blob.read(4 * CS, CS + 17)).toEqual(fixture.plain.subarray(4 * CS)); // chunks 4 and 5
    expect(await rejected(blob.read(3 * CS + 5, 10))).toMatchObject({ code: 'CORRUPT', details: { chunk: 3 } });
    expect(await rejected(blob.read(2 * CS, 2 * CS))).toMatchObject({ code: 'CORRUPT', details: { chunk: 3 } });
    expect(await blob.read(0, 3 * CS)).toEqual(fixture.plain.subarray(0, 3 * CS));
    await blob.close();
  });

  it('a missing file is NOT_FOUND, a bad expected id INVALID_ARGUMENT', async () => {
    expect(await rejected(openBlob(join(dir, 'no-such-blob'), fixture.read))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await rejected(openBlob(join(dir, 'no-such-blob'), { blobKey, expectedBlobId: 'not-hex' }))).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('caller mistakes are INVALID_ARGUMENT', () => {
  it('bad keys, ids, chunk sizes and hash names', () => {
    const bad: Array<() => unknown> = [
      () => new BlobEncryptStream({ blobKey: randomBytes(16) }),
      () => new BlobEncryptStream({ blobKey, blobId: randomBytes(15) }),
      () => new BlobEncryptStream({ blobKey, chunkSizeLog2: 11 }),
      () => new BlobEncryptStream({ blobKey, chunkSizeLog2: 25 }),
      () => new BlobEncryptStream({ blobKey, chunkSizeLog2: 12.5 }),
      () => new BlobEncryptStream({ blobKey, hashes: ['sha512' as never] }),
      () => encryptBuffer(Buffer.alloc(1), { blobKey: Buffer.alloc(0) }),
      () => new BlobDecryptStream({ blobKey, expectedBlobId: 'abc' }),
      () => new BlobDecryptStream({ blobKey, expectedBlobId: randomBytes(17) }),
      () => new BlobDecryptStream({ blobKey: randomBytes(33), expectedBlobId: newBlobId() }),
      () => decryptBuffer(Buffer.alloc(100), { blobKey, expectedBlobId: 'z'.repeat(32) }),
    ];
    for (const [i, fn] of bad.entries()) expect(thrown(fn).code, `case ${i}`).toBe('INVALID_ARGUMENT');
  });

  it('result() before the end is an internal error, not a wrong answer', () => {
    expect(thrown(() => new BlobEncryptStream({ blobKey }).result()).code).toBe('INTERNAL');
  });

  it('an upper-case expected id is the same id', () => {
    const { plain, ciphertext, id } = makeBlob(10);
    expect(decryptBuffer(ciphertext, { blobKey, expectedBlobId: id.toUpperCase() })).toEqual(plain);
  });
});

describe('constant memory', () => {
  it('streams 2 GiB to disk and back with peak RSS under 200 MB', async () => {
    const size = 2 * 1024 ** 3;
    const child = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'tests', 'helpers', 'blob-rss-child.ts'), String(size), dir]);
    expect(child.stderr).toBe('');
    expect(child.code).toBe(0);
    const report = JSON.parse(child.stdout) as Record<string, number | string>;
    console.log(
      `2 GiB blob: peak RSS ${(Number(report.maxRssBytes) / 1e6).toFixed(0)} MB (${(Number(report.baselineRssBytes) / 1e6).toFixed(0)} MB before), encrypt ${String(report.encryptSeconds)} s, total ${String(report.totalSeconds)} s`,
    );
    expect(report.writtenSha256).toBe(report.generatedSha256);
    expect(report.decryptedSha256).toBe(report.generatedSha256);
    expect(report.plaintextSize).toBe(size);
    expect(report.decryptedSize).toBe(size);
    expect(report.ciphertextSize).toBe(60 + size + 16 * 2048);
    expect(report.fileSize).toBe(report.ciphertextSize);
    expect(Number(report.maxRssBytes)).toBeLessThan(200 * 1e6);
  });
});
