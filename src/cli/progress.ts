/** The import progress bar (cli-progress), on stderr and only on a terminal. */
import { SingleBar, Presets } from 'cli-progress';
import type { Engine } from '../main/engine/api';

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

export function startImportProgress(engine: Engine, options: { quiet: boolean }): { stop(): void } {
  if (options.quiet || !process.stderr.isTTY) return { stop: () => undefined };
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: '{bar} {percentage}% | {files} files | {done}/{total} MB | {speed} MB/s | {name}',
      hideCursor: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  const started = Date.now();
  let running = false;
  const unsubscribe = engine.subscribe((event) => {
    if (event.type !== 'importProgress') return;
    const p = event.progress;
    const payload = {
      files: `${p.filesDone}/${p.filesTotal}`,
      done: megabytes(p.bytesDone),
      total: megabytes(p.bytesTotal),
      speed: megabytes(p.bytesDone / Math.max(0.001, (Date.now() - started) / 1000)),
      name: p.currentPath === null ? '' : p.currentPath.slice(-40),
    };
    if (!running && p.phase === 'importing') {
      bar.start(Math.max(1, p.bytesTotal), p.bytesDone, payload);
      running = true;
    } else if (running) {
      bar.update(p.bytesDone, payload);
    }
  });
  return {
    stop() {
      unsubscribe();
      if (running) bar.stop();
    },
  };
}
