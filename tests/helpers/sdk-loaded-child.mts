// Child for tests/integration/s3-lazy-load.test.ts: loads the engine, opens an S3 replica
// store (argv[2] = 'open') or not, and prints how many AWS SDK modules are loaded.
import { createRequire } from 'node:module';
import { createEngine } from '../../src/main/engine/api';
import { openS3Store } from '../../src/main/engine/replica/s3-lazy';

const loaded = (): number => Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes('@aws-sdk')).length;
createEngine();
const before = loaded();
if (process.argv[2] === 'open') {
  const store = openS3Store({ endpoint: 'http://127.0.0.1:9', bucket: 'ngo', credentials: { accessKeyId: 'k', secretAccessKey: 's' } }, { maxAttempts: 1, connectTimeoutMs: 500 });
  await store.stat('index/x').catch(() => undefined);
}
process.stdout.write(`${JSON.stringify({ before, after: loaded() })}\n`);
