/**
 * The engine, loaded when a command first needs it. Loading it brings in sharp, SQLite,
 * the PDF and zip libraries (about a second here), so `tamga --help` and `tamga verify`,
 * which need none of that, start at once.
 */
import type { Engine, EngineOptions } from '../main/engine/api';

export async function loadEngine(options?: EngineOptions): Promise<Engine> {
  const { createEngine } = await import('../main/engine/api');
  return createEngine(options);
}
