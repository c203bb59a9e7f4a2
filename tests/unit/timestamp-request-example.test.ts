// The worked example of docs/formats.md ("Timestamps"): the TimeStampReq `tamga timestamp`
// sends for the signed checkpoint of the "Custody log" worked example, with a fixed nonce,
// byte for byte, built by pkijs here and by a short hand-written DER encoder in Python
// (tests/helpers/timestamp_request.py), and read back by `openssl ts -query -text`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTimestampRequest } from '../../src/main/engine/timestamp/request';
import { ROOT } from '../helpers/child-process';

const NOTE = [
  'tamga.vault/00000000-0000-4000-8000-000000000001',
  '2',
  'gY4ij5kAPnLPUG/WvhZiECkVTofOL2fYueM07xXOzCk=',
  '',
  '— tamga.vault/00000000-0000-4000-8000-000000000001 cat34QN9RVf3GnttD80fAZWW2JSWnzaQWwuIeykx4+/pJ5WJREgMVBrs8SNDTaJorLVWMQ4P2He5lSg71AP0ltoC8Q8=',
  '',
].join('\n');
const NONCE = 0x0123456789abcdefn;

describe('the TimeStampReq worked example', () => {
  const bytes = Buffer.from(NOTE, 'utf8');
  const request = createTimestampRequest(bytes, NONCE);
  const hex = Buffer.from(request.der).toString('hex');

  it('is in docs/formats.md exactly, with the imprint of the note', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'formats.md'), 'utf8');
    const imprint = createHash('sha256').update(bytes).digest('hex');
    expect(Buffer.from(request.imprint).toString('hex')).toBe(imprint);
    expect(docs).toContain(`\`${imprint}\``);
    expect(docs.replace(/\n/g, '')).toContain(hex);
    expect(docs).toContain(`\`\`\`\n${NOTE}\`\`\``);
  });

  it('is the same bytes as an independent DER encoder in Python builds', () => {
    const run = spawnSync('python3', [join(ROOT, 'tests', 'helpers', 'timestamp_request.py'), NONCE.toString(16)], { input: bytes, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(hex);
  });

  it('reads back in openssl ts -query -text as what it claims', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tamga-tsq-')), 'request.tsq');
    writeFileSync(file, request.der);
    const run = spawnSync('openssl', ['ts', '-query', '-in', file, '-text'], { encoding: 'utf8' });
    rmSync(dirname(file), { recursive: true });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Version: 1');
    expect(run.stdout).toContain('Hash Algorithm: sha256');
    expect(run.stdout).toContain('Nonce: 0x0123456789ABCDEF');
    expect(run.stdout).toContain('Certificate required: yes');
    expect(run.stdout).toContain('Policy OID: unspecified');
  });
});
