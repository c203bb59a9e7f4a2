/**
 * Child process for the constant-memory test: encrypts a generated stream of `size` bytes to
 * a file in `dir`, streams it back through the decryptor, deletes it, and prints one JSON
 * line with the three SHA-256 digests (generated, writer's, decrypted) and the peak RSS.
 * Run as `node --import tsx tests/helpers/blob-rss-child.ts <size> <dir>`; alone in its
 * process, so that the peak RSS is the blob code's and not the test runner's.
 */
import { createHash, randomBytes, randomFillSync } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { BlobDecryptStream } from '../../src/main/engine/crypto/blob-reader';
import { BlobEncryptStream } from '../../src/main/engine/crypto/blob-writer';

const PIECE = 1024 * 1024;
const size = Number(process.argv[2]);
const dir = process.argv[3] ?? '.';
const blobKey = randomBytes(32);
const file = join(dir, 'rss.blob');
const started = Date.now();
const baselineRssBytes = process.memoryUsage().rss;

const generated = createHash('sha256');
// Pseudo-random bytes made on the fly (incompressible, nothing stored); a fresh buffer per
// piece, because the streams may still hold the previous one.
async function* generate(): AsyncGenerator<Buffer> {
  for (let left = size; left > 0; left -= PIECE) {
    const piece = randomFillSync(Buffer.allocUnsafe(Math.min(PIECE, left)));
    generated.update(piece);
    yield piece;
  }
}

const encrypt = new BlobEncryptStream({ blobKey });
await pipeline(generate, encrypt, createWriteStream(file));
const written = encrypt.result();
const fileSize = (await stat(file)).size;
const encryptSeconds = (Date.now() - started) / 1000;

const decrypted = createHash('sha256');
let decryptedSize = 0;
await pipeline(createReadStream(file, { highWaterMark: PIECE }), new BlobDecryptStream({ blobKey, expectedBlobId: written.blobId }), async (source: AsyncIterable<Buffer>) => {
  for await (const chunk of source) {
    decrypted.update(chunk);
    decryptedSize += chunk.length;
  }
});
await unlink(file);

console.log(
  JSON.stringify({
    size,
    generatedSha256: generated.digest('hex'),
    writtenSha256: written.digests.sha256,
    decryptedSha256: decrypted.digest('hex'),
    plaintextSize: written.plaintextSize,
    ciphertextSize: written.ciphertextSize,
    fileSize,
    decryptedSize,
    baselineRssBytes,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    encryptSeconds,
    totalSeconds: (Date.now() - started) / 1000,
  }),
);
