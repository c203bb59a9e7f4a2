// The AWS SDK (~18 MB in a process) is loaded only when an S3 replica is used: loading the
// engine, and so every `tamga verify` and a vault with folder copies only, goes without it.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openS3Store } from '../../src/main/engine/replica/s3-lazy';
import { createS3Store } from '../../src/main/engine/replica/s3-store';
import { ROOT } from '../helpers/child-process';

function sdkModules(open: boolean): { before: number; after: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/helpers/sdk-loaded-child.mts'), open ? 'open' : 'none'], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as { before: number; after: number };
}

const credentials = { accessKeyId: 'k', secretAccessKey: 's' };

describe('the S3 store, loaded when first used', () => {
  it('leaves the SDK unloaded until a call reaches the store, then loads it', () => {
    expect(sdkModules(false)).toEqual({ before: 0, after: 0 });
    const opened = sdkModules(true);
    expect(opened.before).toBe(0);
    expect(opened.after).toBeGreaterThan(0);
  }, 60_000);

  it('still refuses a bad config where it is opened, and names the store as the SDK-backed one does', () => {
    expect(() => openS3Store({ endpoint: 'ftp://x', bucket: 'ngo', credentials })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    const config = { endpoint: 'https://s3.example.org/', bucket: 'ngo', prefix: 'tamga/laptop', credentials };
    expect(openS3Store(config).description).toBe(createS3Store(config).description);
  });
});
