// The private-field commitment of docs/formats.md ("Private fields"): the worked example,
// by this code and by an independent implementation (Python's hashlib), so the two cannot
// share a bug; and the withheld record's exact form ("Withheld records").
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearPrivateFields, forBundle, readWithheld, withheldLine } from '../../src/main/engine/custody/withheld';
import { ALWAYS_PRIVATE, commitment } from '../../src/main/engine/organise/private-fields';
import type { CustodyRecord } from '../../src/shared/custody';
import { ROOT } from '../helpers/child-process';

const SALT = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const TEXT = 'Свидетель: А. С., тел. +7 701 000 0000';
const EXPECTED = 'f24bcfc67d45b6fecbd12e8b48b5aca8d1e7a768a4ee177bad37530998538d68';
const EMPTY = '3f1f57d0399aa7957f6af6f03ce12b625ac10ef27846cea67229d7851ddb41e1';
const docs = readFileSync(join(ROOT, 'docs', 'formats.md'), 'utf8');

describe('private-field commitments', () => {
  it('match the worked example in docs/formats.md', () => {
    expect(commitment(SALT, TEXT)).toBe(EXPECTED);
    expect(commitment(SALT, '')).toBe(EMPTY);
    for (const value of [EXPECTED, EMPTY, TEXT]) expect(docs).toContain(value);
  });

  it('match an independent implementation (Python hashlib)', () => {
    const script = 'import hashlib,sys\nsalt=bytes(range(32))\nfor t in sys.argv[1:]: print(hashlib.sha256(b"tamga private field v1\\n"+salt+t.encode()).hexdigest())';
    const run = spawnSync('python3', ['-c', script, TEXT, ''], { encoding: 'utf8' });
    expect(run.stdout.trim().split('\n')).toEqual([EXPECTED, EMPTY]);
  });
});

describe('withheld records', () => {
  const legacy: CustodyRecord = {
    event: { v: 1, chain: '5f0e1c2a-7d1b-4c3e-9a6f-0b8d2e4f6a10', seq: 3, type: 'described', at: '2021-01-11T09:30:00.250Z', actor: 'tamga-cli 0.1.0', data: { changes: { notes: { old: '', new: 'source' }, title: { old: '', new: 'PS 660' } } }, prev: 'a'.repeat(64) },
    hash: 'b'.repeat(64),
    signature: 'c'.repeat(128),
  };

  it('replace exactly the events that carry private text, in the documented form', () => {
    expect(clearPrivateFields(legacy.event, ALWAYS_PRIVATE)).toEqual(['notes']);
    const committed = { ...legacy, event: { ...legacy.event, data: { changes: { notes: { commitment: EXPECTED } } } } };
    expect(clearPrivateFields(committed.event, ALWAYS_PRIVATE)).toEqual([]);
    const [withheld, kept] = forBundle([legacy, committed], ALWAYS_PRIVATE);
    expect(kept).toBe(committed);
    expect(withheldLine(withheld as never)).toBe(`{"hash":"${'b'.repeat(64)}","signature":"${'c'.repeat(128)}","withheld":{"fields":["notes"],"reason":"private-field","seq":3}}`);
  });

  it('are read only in their exact shape', () => {
    const good = { hash: 'b'.repeat(64), signature: 'c'.repeat(128), withheld: { fields: ['notes'], reason: 'private-field', seq: 3 } };
    expect(readWithheld(good)).toMatchObject({ ok: true });
    expect(readWithheld({ ...good, extra: 1 })).toMatchObject({ ok: false });
    expect(readWithheld({ ...good, withheld: { ...good.withheld, seq: 0 } })).toMatchObject({ ok: false });
    expect(readWithheld({ ...good, withheld: { ...good.withheld, fields: ['title'] } })).toMatchObject({ ok: false });
    expect(readWithheld({ ...good, withheld: { ...good.withheld, reason: 'secret' } })).toMatchObject({ ok: false });
  });
});
