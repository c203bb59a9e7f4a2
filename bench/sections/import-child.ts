/**
 * One timed import in a process of its own, as `tamga import` runs it, so its peak RSS is
 * the importing process's and not the benchmark's. Prints one JSON line:
 * { ms, peakRssBytes (sampled from the start of the import), maxRssBytes (the process's
 * lifetime peak, which includes unlocking: scrypt alone takes 128 MiB for a moment) }.
 *
 *   node --import tsx bench/sections/import-child.ts <vault> <path>...
 */
import { createEngine } from '../../src/main/engine/api';
import { peakRss } from '../measure';
import { BENCH_PASSPHRASE } from './context';

const [root, ...paths] = process.argv.slice(2);
if (root === undefined || paths.length === 0) throw new Error('usage: import-child.ts <vault> <path>...');
const engine = createEngine({ actor: 'tamga-bench' });
await engine.unlockVault({ path: root, passphrase: BENCH_PASSPHRASE });
const start = performance.now();
const { result, peakBytes } = await peakRss(() => engine.importFiles({ paths }));
const ms = performance.now() - start;
await engine.close();
if (result.imported.length === 0) throw new Error(`nothing was imported: ${JSON.stringify(result)}`);
process.stdout.write(`${JSON.stringify({ ms, peakRssBytes: peakBytes, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
