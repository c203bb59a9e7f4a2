/**
 * The harness's preload as one script for page.addInitScript: page-bridge.ts bundled
 * (with the preload's createBridge and the contract's channel table) by Vite, once per
 * test worker.
 */
import { join } from 'node:path';
import { build, type Rollup } from 'vite';

let script: Promise<string> | undefined;

async function bundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(import.meta.dirname, 'page-bridge.ts'), formats: ['iife'], name: 'tamgaHarnessBridge', fileName: 'bridge' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs[0]?.output[0];
  if (chunk === undefined || chunk.type !== 'chunk') throw new Error('The harness bridge did not build.');
  return chunk.code;
}

export function bridgeScript(): Promise<string> {
  script ??= bundle();
  return script;
}
