/**
 * vitest global setup of the `s3` project (vitest.config.ts): a real S3 server for the
 * test files that need one, started once per run with scripts/s3-test-server and stopped
 * at the end. Tests get it with s3TestServer() (tests/helpers/s3-test-server.ts).
 *
 * - TAMGA_TEST_S3_ENDPOINT set (with TAMGA_TEST_S3_ACCESS_KEY, _SECRET_KEY, _REGION): that
 *   server is used instead and nothing is started (to run the same tests against MinIO
 *   or AWS).
 * - The server cannot start (python3-swift not installed on a developer's machine): one
 *   line says so and how to install it, and the S3 tests are reported as skipped; with
 *   TAMGA_REQUIRE_S3=1 (set by .ci/run) the run fails instead. Never a silent pass.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startS3TestServer, stopS3TestServer } from '../../scripts/s3-test-server/launch';
import type { ProvidedS3 } from './s3-test-server';

function external(): ProvidedS3 | undefined {
  const endpoint = process.env['TAMGA_TEST_S3_ENDPOINT'];
  if (endpoint === undefined || endpoint === '') return undefined;
  return {
    endpoint,
    accessKeyId: process.env['TAMGA_TEST_S3_ACCESS_KEY'] ?? '',
    secretAccessKey: process.env['TAMGA_TEST_S3_SECRET_KEY'] ?? '',
    region: process.env['TAMGA_TEST_S3_REGION'] ?? 'us-east-1',
    startSeconds: 0,
  };
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = external();
  if (given !== undefined) {
    project.provide('s3TestServer', given);
    return undefined;
  }
  // Under the system temp folder: it must have user xattrs (start.sh checks and says so).
  const dir = await mkdtemp(join(tmpdir(), 'tamga-s3-test-'));
  const started = await startS3TestServer(dir, { ownerPid: process.pid });
  if (!started.ok) {
    await rm(dir, { recursive: true, force: true });
    // start.sh's reason names what to install when that is the cause.
    const why = started.notInstalled ? started.reason : `the S3 test server did not start: ${started.reason}`;
    if (process.env['TAMGA_REQUIRE_S3'] === '1') throw new Error(`TAMGA_REQUIRE_S3=1, but ${why}`);
    console.warn(`S3 tests SKIPPED: ${why}; or set TAMGA_TEST_S3_ENDPOINT (and _ACCESS_KEY, _SECRET_KEY) to another S3 server.`);
    project.provide('s3TestServer', { skipped: started.reason });
    return undefined;
  }
  project.provide('s3TestServer', started.server);
  return async () => {
    await stopS3TestServer(dir);
    await rm(dir, { recursive: true, force: true });
  };
}
