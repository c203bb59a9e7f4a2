// `tamga show` and `tamga search` as scripts use them: a query that begins with "-", many
// items read with one unlock (several ids, or --all as JSON lines), capture times with
// their offset and UTC instant or a plain "time zone not recorded", and a reader that
// closes the pipe early (| head -1) ending the command quietly, with no stack trace.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/engine/api';
import type { ItemDetail } from '../../src/shared/items';
import type { SearchResult } from '../../src/shared/search';
import { runTamga, TAMGA_BIN, type RunResult } from '../helpers/child-process';
import { REAL } from '../helpers/fixtures';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

const env = { TAMGA_PASSPHRASE: PASSPHRASE };
// A QuickTime creationdate with its zone (+03:00), and an EXIF DateTimeOriginal with no OffsetTime.
const MOV = join(REAL, 'mei', 'with-gps.mov');
const NO_ZONE = join(REAL, 'exiftool', 'Apple.jpg');
let root: string;
let movId: string;
let jpgId: string;

const tamga = (...args: string[]): Promise<RunResult> => runTamga(args, env);

beforeAll(async () => {
  root = join(await tempDir(), 'vault');
  const engine = createEngine();
  try {
    await engine.createVault({ path: root, passphrase: PASSPHRASE });
    const summary = await engine.importFiles({ paths: [MOV, NO_ZONE, join(REAL, 'mei', 'Canon EOS 7D.jpg')] });
    movId = summary.imported[0]?.itemId ?? '';
    jpgId = summary.imported[1]?.itemId ?? '';
    await engine.tagItems({ items: [movId], tags: ['ballot stuffing'] });
  } finally {
    await engine.close();
  }
}, 120_000);

afterAll(removeTempDirs);

describe('a search query that begins with "-"', () => {
  it('is a query, not an unknown option, before or after the other options', async () => {
    for (const args of [
      [root, '-tag:"ballot stuffing" type:video', '--json'],
      ['--json', root, '-tag:"ballot stuffing" type:video'],
      [root, '--limit', '5', '-tag:"ballot stuffing"', '--json'],
    ]) {
      const result = await tamga('search', ...args);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.code).toBe(0);
      const found = JSON.parse(result.stdout) as SearchResult;
      expect(found.understood).toMatch(/^-tag:"ballot stuffing"/);
      expect(found.items.map((i) => i.id)).not.toContain(movId);
    }
    const photos = JSON.parse((await tamga('search', root, '-type:video', '--json')).stdout) as SearchResult;
    expect(photos.items).toHaveLength(2);
  });

  it('also follows "--", and a mistyped long option is still refused', async () => {
    const ended = await tamga('search', root, '--json', '--', '-type:video');
    expect(ended.code).toBe(0);
    expect((JSON.parse(ended.stdout) as SearchResult).items.map((i) => i.id)).toContain(jpgId);
    const typo = await tamga('search', root, 'x', '--jsn');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown option '--jsn'/);
  });
});

describe('tamga show', () => {
  it('prints the capture time with its offset and UTC instant, or says the zone is not recorded', async () => {
    const mov = await tamga('show', root, movId);
    expect(mov.code).toBe(0);
    expect(mov.stdout).toMatch(/^Taken\s+2019-07-24 11:25:40 \+03:00 \(08:25:40 UTC\) \[QuickTime com\.apple\.quicktime\.creationdate\]$/m);
    const jpg = await tamga('show', root, jpgId);
    expect(jpg.stdout).toMatch(/^Taken\s+2016-09-28 18:18:05\.813, time zone not recorded \[EXIF DateTimeOriginal\]$/m);
  });

  it('prints the custody chain as the window does: one plain sentence per event, local time with its offset', async () => {
    const mov = await tamga('show', root, movId);
    const chain = mov.stdout.slice(mov.stdout.indexOf('Custody chain'));
    // The harness's engine has no operator: the program is named and the gap said.
    expect(chain).toMatch(/^ {2}#0 Imported from .*with-gps\.mov, recorded by Tamga \S+ \(no operator named\), \d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d$/m);
    expect(chain).toMatch(/^ {2}#1 Tagged 'ballot stuffing', recorded by Tamga /m);
    // Facts in full (a terminal has no Copy button) under their plain names, never camelCase keys.
    expect(chain).toMatch(/^ {7}SHA-256: [0-9a-f]{64}$/m);
    expect(chain).toMatch(/^ {7}Size: \d+ bytes$/m);
    expect(chain).toMatch(/^ {7}event hash [0-9a-f]{64}$/m);
    expect(chain).not.toMatch(/sha256|importId|acquired by/);
  });

  it('reads several items with one unlock, as JSON lines in the order given', async () => {
    const result = await tamga('show', root, jpgId, movId, '--json');
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => (JSON.parse(l) as ItemDetail).id)).toEqual([jpgId, movId]);
    // One item with --json stays one pretty-printed object, as scripts already parse it.
    const one = await tamga('show', root, movId, '--json');
    expect(one.stdout.split('\n').length).toBeGreaterThan(3);
    expect((JSON.parse(one.stdout) as ItemDetail).id).toBe(movId);
  });

  it('--all --json streams every item, one per line, each with its custody', async () => {
    const result = await tamga('show', root, '--all', '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const items = result.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as ItemDetail);
    expect(items.map((i) => i.id).sort()).toEqual([...new Set(items.map((i) => i.id))].sort());
    expect(items).toHaveLength(3);
    expect(items.every((i) => i.custody[0]?.event.type === 'acquired')).toBe(true);
  });

  it('names an item that is not there on stderr, prints the others, and exits 2', async () => {
    const result = await tamga('show', root, movId, '00000000-0000-4000-8000-000000000000', jpgId, '--json');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('tamga: No item 00000000-0000-4000-8000-000000000000 in this vault. [NOT_FOUND]\n');
    expect(result.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as ItemDetail).id)).toEqual([movId, jpgId]);
  });

  it('refuses ids together with --all, and no ids without it', async () => {
    expect((await tamga('show', root, movId, '--all')).stderr).toMatch(/either item ids or --all, not both\. \[INVALID_ARGUMENT\]/);
    expect((await tamga('show', root)).stderr).toMatch(/Name the item\(s\) to show, or give --all\. \[INVALID_ARGUMENT\]/);
  });

  it('--help says how to read many items with one unlock', async () => {
    const help = await runTamga(['show', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('tamga show VAULT --all --json');
    expect(help.stdout).toContain('tamga show VAULT ID1 ID2 ID3 --json');
  });
});

/** Runs tamga with its stdout read until `closeAfter` lines (0: closed at once), then closed. */
function runClosingEarly(args: readonly string[], closeAfter: number): Promise<RunResult & { firstLines: string[] }> {
  const child = spawn(process.execPath, [TAMGA_BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let seen = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  if (closeAfter === 0) child.stdout.destroy();
  else {
    child.stdout.on('data', (d: Buffer) => {
      seen += d.toString();
      if (seen.split('\n').length > closeAfter) child.stdout.destroy();
    });
  }
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout: seen, stderr, pid: child.pid, firstLines: seen.split('\n').slice(0, closeAfter) }));
  });
}

describe('a reader that closes the pipe early (| head -1)', () => {
  it('ends show of many items quietly, with exit 141 and no stack trace', async () => {
    // ~60 items of ~8 KB each: far more than a pipe holds, so the writes after the close fail.
    const ids = Array.from({ length: 60 }, () => movId);
    const result = await runClosingEarly(['show', root, ...ids, '--json'], 1);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(141);
    expect((JSON.parse(result.firstLines[0] ?? '') as ItemDetail).id).toBe(movId);
  });

  it('ends search, list, show --all and show quietly when the pipe is closed before they write', async () => {
    for (const args of [
      ['search', root, '-type:video'],
      ['search', root, '', '--all', '--json'],
      ['list', root],
      ['show', root, '--all', '--json'],
      ['show', root, movId],
    ]) {
      const result = await runClosingEarly(args, 0);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.code, args.join(' ')).toBe(141);
    }
  });

  it('keeps a command\'s own failure: a missing item still exits 2', async () => {
    // The missing item comes first: once the pipe is closed, show reads no further.
    const result = await runClosingEarly(['show', root, '00000000-0000-4000-8000-000000000000', movId, '--json'], 0);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('tamga: No item 00000000-0000-4000-8000-000000000000 in this vault. [NOT_FOUND]\n');
  });
});
