// metadata/exiftool/E0001.json (docs/formats.md, "metadata/exiftool/E0001.json"): the worked
// example there is byte for byte what the export writes for its input, and its stated length
// and SHA-256 hold, checked by Python's hashlib as well as by Node.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exiftoolJson } from '../../src/main/engine/bundle/export/exiftool-json';
import { ROOT } from '../helpers/child-process';

async function section(): Promise<string> {
  const doc = await readFile(join(ROOT, 'docs', 'formats.md'), 'utf8');
  const start = doc.indexOf('### metadata/exiftool/E0001.json');
  expect(start).toBeGreaterThan(0);
  return doc.slice(start, doc.indexOf('\n### ', start + 1));
}

describe('metadata/exiftool/E0001.json', () => {
  it('is the worked example of docs/formats.md, byte for byte', async () => {
    const text = await section();
    const input = /```\n(\{"SourceFile"[^\n]*\})\n```/.exec(text)?.[1];
    const shown = /```json\n([\s\S]*?)```/.exec(text)?.[1];
    const stated = /these (\d+) bytes, SHA-256\n`([0-9a-f]{64})`/.exec(text);
    expect(input).toBeDefined();
    const written = exiftoolJson('E0001', { version: '13.59', args: ['-G', '-n', '-struct', '-u'], json: input ?? '', readAt: '2026-12-07T01:30:00.000Z' });
    expect(written).toBe(shown);
    expect(Buffer.byteLength(written)).toBe(Number(stated?.[1]));
    expect(createHash('sha256').update(written).digest('hex')).toBe(stated?.[2]);
    const python = execFileSync('python3', ['-c', 'import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())'], { input: shown ?? '' }).toString().trim();
    expect(python).toBe(stated?.[2]);
  });
});
