// Child process for the query-selection memory test: makes a vault of argv[3] items with
// custody chains at argv[2], tags every one through a query selection, and prints, as
// JSON, the RSS after a collection (run with --expose-gc) at each batch's progress event,
// with how many items were done then. Constant memory shows as an RSS that stops growing
// after the first batches (SQLite's page cache and V8's heap settle), however many follow.
import { addItemsWithCustody } from '../../bench/custody-items';
import { createEngine } from '../../src/main/engine/api';
import { createVault } from '../../src/main/engine/vault/vault';

const [root, count] = process.argv.slice(2);
const passphrase = process.env.TAMGA_PASSPHRASE;
if (!root || !count || !passphrase) throw new Error('usage: tag-rss-child <new vault> <items> with TAMGA_PASSPHRASE');
const vault = await createVault(root, passphrase);
try {
  addItemsWithCustody(vault, Number(count));
} finally {
  vault.close();
}
const engine = createEngine();
await engine.unlockVault({ path: root, passphrase });
const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);
const samples: Array<{ done: number; rssBytes: number }> = [];
engine.subscribe((event) => {
  if (event.type !== 'selectionProgress') return;
  gc();
  samples.push({ done: event.progress.done, rssBytes: process.memoryUsage.rss() });
});
const result = await engine.tagSelection({ selection: { query: '' }, tags: ['memory'] });
await engine.close();
process.stdout.write(`${JSON.stringify({ result, samples })}\n`);
