// Child process for verify's memory test: verifies the bundle in argv[2], sealed by the key
// whose fingerprint is argv[3], through the engine facade and prints, as JSON, whether it
// is valid and the peak RSS while verifying (sampled every 10 ms, plus the process's own
// lifetime maximum, worker thread included). Run with --expose-gc: the baseline is taken
// after a collection, so that what the loader (tsx) left to collect is not counted as the
// verify's. The lifetime maximum is printed for a reader only: Linux carries it over from
// the parent through fork and exec, so it may be the test runner's.
import { createEngine } from '../../src/main/engine/api';

const [bundle, key] = process.argv.slice(2);
if (bundle === undefined || key === undefined) throw new Error('usage: bundle-verify-rss-child <bundle> <fingerprint>');
const engine = createEngine();
(globalThis as { gc?: () => void }).gc?.();
const before = process.memoryUsage.rss();
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
const report = await engine.verifyBundle({ path: bundle, key });
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage.rss());
await engine.close();
process.stdout.write(`${JSON.stringify({ valid: report.valid, checkedBytes: report.checkedBytes, beforeRssBytes: before, peakRssBytes: peak, lifetimeMaxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
