// Child process for the large-import memory test: imports the file in argv[3] into the
// vault in argv[2] and prints, as JSON, the hash and the peak RSS while importing.
// Unlocking runs scrypt, which is memory-hard by design (128 MiB at the default cost) and
// frees that memory when done; the import's own peak is sampled after the unlock, over a
// baseline taken after a collection (run with --expose-gc), so that what the unlock and the
// loader (tsx) leave uncollected is not counted as the import's.
import { createEngine } from '../../src/main/engine/api';

const [root, file] = process.argv.slice(2);
const passphrase = process.env.TAMGA_PASSPHRASE;
if (!root || !file || !passphrase) throw new Error('usage: import-rss-child <vault> <file> with TAMGA_PASSPHRASE');
const engine = createEngine();
await engine.unlockVault({ path: root, passphrase });
(globalThis as { gc?: () => void }).gc?.();
const before = process.memoryUsage.rss();
let importPeak = before;
const sampler = setInterval(() => (importPeak = Math.max(importPeak, process.memoryUsage.rss())), 10);
const summary = await engine.importFiles({ paths: [file] });
clearInterval(sampler);
importPeak = Math.max(importPeak, process.memoryUsage.rss());
await engine.close();
const imported = summary.imported[0];
process.stdout.write(
  `${JSON.stringify({ sha256: imported?.sha256, size: imported?.size, beforeRssBytes: before, importPeakRssBytes: importPeak, lifetimeMaxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`,
);
