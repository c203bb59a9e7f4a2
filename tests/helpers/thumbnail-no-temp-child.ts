/**
 * Child process for the "no plaintext on disk" test: makes thumbnails of the files named on
 * the command line (and of a large PNG made in memory) with TMPDIR pointing at a directory
 * the parent watches, then prints the results as JSON. `--control` instead writes and
 * removes one temp file, to prove that the parent's watch would see one.
 */
import { writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { bufferByteSource } from '../../src/main/engine/metadata/byte-source';
import { closeHeicWorkers } from '../../src/main/engine/thumbnails/heic';
import { makeThumbnails } from '../../src/main/engine/thumbnails/make-thumbnails';
import { requestFor } from './thumbnail-fixtures';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--control') {
    const path = join(tmpdir(), 'control-temp-file');
    writeFileSync(path, 'plaintext');
    unlinkSync(path);
    process.stdout.write(JSON.stringify([]));
    return;
  }
  const results: { name: string; status: string }[] = [];
  for (const name of args) {
    const result = await makeThumbnails(requestFor(name, { durationSeconds: 4 }));
    results.push({ name, status: result.status });
  }
  // 35 MP, ~105 MB decoded: large enough that libvips would spill a random-access decode to disk.
  const png = await sharp({ create: { width: 7000, height: 5000, channels: 3, background: '#336699' } }).png({ compressionLevel: 1 }).toBuffer();
  const big = await makeThumbnails({ source: bufferByteSource(png), kind: 'photo', format: 'png' });
  results.push({ name: 'large PNG', status: big.status });
  await closeHeicWorkers();
  process.stdout.write(JSON.stringify(results));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
