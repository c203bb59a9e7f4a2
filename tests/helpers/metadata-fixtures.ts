/**
 * The shared real and hostile fixture files (../shared/fixtures, read in place) for the
 * metadata tests, and one call that runs the extractor on a file the way the importer does
 * (through a random-access source, with the file's name and modification time).
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { ExtractedMetadata } from '../../src/shared/metadata';
import { fileByteSource } from '../../src/main/engine/metadata/byte-source';
import { extractMetadata } from '../../src/main/engine/metadata/extract';

export { CAMERA_FORMATS, FIXTURES, MALFORMED, REAL } from './fixtures';
import { FIXTURES } from './fixtures';

/** Every regular file under `dir`, recursively, sorted; hidden files included. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

/** The fixture path as the oracle and the index name it ("real/mei/beach.jpg"). */
export const fixtureName = (path: string): string => relative(FIXTURES, path);

export interface Extraction {
  readonly metadata: ExtractedMetadata;
  readonly ms: number;
  readonly mtime: string;
}

export async function extractFile(path: string): Promise<Extraction> {
  const mtime = statSync(path).mtime.toISOString();
  const source = await fileByteSource(path);
  try {
    const started = performance.now();
    const metadata = await extractMetadata(source, { name: basename(path) });
    return { metadata, ms: performance.now() - started, mtime };
  } finally {
    await source.close();
  }
}
