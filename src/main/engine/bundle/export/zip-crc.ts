/**
 * yazl computes each zip entry's CRC-32 with buffer-crc32, plain JavaScript at ~340 MiB/s:
 * by far the slowest stage of a zip export (decryption, SHA-256 and SHA-512 together run
 * faster). Node's zlib.crc32 (Node 22.2+, so every Electron Tamga supports) computes the
 * same CRC-32 natively at several GiB/s. This puts it into the buffer-crc32 instance yazl
 * loaded, for Buffer input, and leaves everything else to the original; where the runtime
 * lacks zlib.crc32, nothing changes. tests/unit/bundle-export-zip.test.ts checks the values.
 */
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

type Crc32 = (input: unknown, previous?: unknown) => number;

let installed = false;

/** Idempotent; returns whether the native CRC-32 is in use. */
export function useNativeZipCrc32(): boolean {
  if (installed) return true;
  const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (typeof native !== 'function') return false;
  // Resolve buffer-crc32 from yazl's own folder: the very instance yazl calls.
  const fromYazl = createRequire(createRequire(import.meta.url).resolve('yazl'));
  const bufferCrc32 = fromYazl('buffer-crc32') as { unsigned: Crc32 };
  const original = bufferCrc32.unsigned;
  bufferCrc32.unsigned = (input, previous) =>
    Buffer.isBuffer(input) && (previous === undefined || typeof previous === 'number') ? native(input, previous ?? 0) : original(input, previous);
  installed = true;
  return true;
}

/** The CRC-32 yazl uses, for tests. */
export function zipCrc32(input: Buffer, previous?: number): number {
  const fromYazl = createRequire(createRequire(import.meta.url).resolve('yazl'));
  return (fromYazl('buffer-crc32') as { unsigned: Crc32 }).unsigned(input, previous);
}
