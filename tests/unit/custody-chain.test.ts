// Custody chains as exported (records, JSONL lines): a clean chain verifies, and every kind
// of tampering is named exactly, with every problem reported rather than the first.
import { describe, expect, it } from 'vitest';
import type { CustodyEvent, CustodyProblem, CustodyRecord } from '../../src/shared/custody';
import { newSigningSeed, signerFromSeed, type Signer } from '../../src/main/engine/crypto/signing';
import { chainHeadOf, sealNextEvent, verifyChainEvents, type SealedEvent } from '../../src/main/engine/custody/chain';
import { canonicalEvent, hashCanonical } from '../../src/main/engine/custody/event';
import { parseJsonlLine, toJsonl, toJsonlLine, verifyJsonl } from '../../src/main/engine/custody/jsonl';
import { signEventHash } from '../../src/main/engine/custody/signature';

const signer = signerFromSeed(newSigningSeed());
const stranger = signerFromSeed(newSigningSeed());
const ITEM_A = '5f0e1c2a-7d1b-4c3e-9a6f-0b8d2e4f6a10';
const ITEM_B = '7c3b9e0d-1a2f-4b5c-8d6e-f0a1b2c3d4e5';
const VAULT_CHAIN = 'vault:0d9c4b7e-3f2a-4e61-8b5d-9a1c2e3f4a5b';
const TYPES = ['described', 'tagged', 'viewed-original', 'added-to-case', 'exported', 'verified'] as const;

function itemChain(chain: string, length: number, by: Signer = signer): SealedEvent[] {
  const records: SealedEvent[] = [];
  for (let i = 0; i < length; i++) {
    records.push(
      sealNextEvent(chainHeadOf(records), by, {
        chain,
        type: i === 0 ? 'acquired' : TYPES[(i - 1) % TYPES.length]!,
        actor: 'tamga-cli 0.1.0',
        at: new Date(Date.UTC(2021, 0, 10, 8, 15, i)).toISOString(),
        data: i === 0 ? { sha256: 'ab'.repeat(32), size: 2048, sourcePath: 'C:\\Users\\Айгерим\\IMG_1234.JPG' } : { step: i },
      }),
    );
  }
  return records;
}

/** Records as a bundle reader sees them: plain parsed JSON, free to tamper with. */
function exported(records: readonly CustodyRecord[]): { event: Record<string, unknown>; hash: string; signature: string }[] {
  return toJsonl(records)
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: Record<string, unknown>; hash: string; signature: string });
}

/** Signs an arbitrary event as the key holder would, bypassing the builder's rules. */
function forge(event: Record<string, unknown>, by: Signer = signer): { event: Record<string, unknown>; hash: string; signature: string } {
  const hash = hashCanonical(canonicalEvent(event as unknown as CustodyEvent));
  return { event, hash, signature: signEventHash(by, hash) };
}

function codes(problems: readonly CustodyProblem[]): [string, number | null][] {
  return problems.map((p) => [p.code, p.seq]);
}

function expectNamed(problems: readonly CustodyProblem[], chain: string): void {
  for (const p of problems) {
    expect(p.chain).toBe(chain);
    expect(p.message).toContain(chain.replace(/^vault:/, ''));
    if (p.seq !== null) expect(p.message).toMatch(new RegExp(`\\b${p.seq}\\b`));
    expect(p.message).toMatch(/^[A-Z].*\.$/);
  }
}

describe('a clean chain', () => {
  it('verifies with no problem, as records and as JSONL', () => {
    const records = itemChain(ITEM_A, 8);
    expect(verifyChainEvents(records, signer.publicKey)).toEqual([]);
    expect(verifyChainEvents(exported(records), signer.publicKey, { chain: ITEM_A })).toEqual([]);
    expect(verifyJsonl(toJsonl(records), signer.publicKey, { chain: ITEM_A })).toEqual([]);
  });

  it('links each event to the one before and exposes the head', () => {
    const records = itemChain(ITEM_A, 4);
    expect(records.map((r) => r.event.seq)).toEqual([0, 1, 2, 3]);
    expect(records[0]!.event.prev).toBeNull();
    for (let i = 1; i < 4; i++) expect(records[i]!.event.prev).toBe(records[i - 1]!.hash);
    expect(chainHeadOf(records)).toEqual({ seq: 3, hash: records[3]!.hash });
    expect(chainHeadOf([])).toBeNull();
  });

  it('verifies a vault chain, and accepts event types a newer Tamga may add', () => {
    const records: SealedEvent[] = [];
    for (const type of ['vault-created', 'passphrase-changed', 'exported', 'audit'] as const) {
      records.push(sealNextEvent(chainHeadOf(records), signer, { chain: VAULT_CHAIN, type, actor: 'tamga-app 0.1.0', data: {} }));
    }
    const lines = exported(records);
    const head = records.at(-1)!;
    lines.push(forge({ ...lines[1]!.event, seq: 4, type: 'key-rotated', prev: head.hash }));
    expect(verifyChainEvents(lines, signer.publicKey)).toEqual([]);
  });
});

describe('tampering, named exactly', () => {
  it('an edited field: HASH_MISMATCH at that event, nothing else', () => {
    const lines = exported(itemChain(ITEM_A, 6));
    (lines[2]!.event.data as Record<string, unknown>).step = 99;
    const problems = verifyChainEvents(lines, signer.publicKey, { chain: ITEM_A });
    expect(codes(problems)).toEqual([['HASH_MISMATCH', 2]]);
    expect(problems[0]!.message).toBe(`Event 2 of item ${ITEM_A} (line 3) was edited after it was signed: its contents no longer match its recorded hash.`);
    expectNamed(problems, ITEM_A);
  });

  it('an edited event with its hash recomputed: BAD_SIGNATURE there, BROKEN_LINK at the next', () => {
    const lines = exported(itemChain(ITEM_A, 6));
    lines[2]!.event.actor = 'someone else';
    lines[2]!.hash = hashCanonical(canonicalEvent(lines[2]!.event as unknown as CustodyEvent));
    const problems = verifyChainEvents(lines, signer.publicKey, { chain: ITEM_A });
    expect(codes(problems)).toEqual([
      ['BAD_SIGNATURE', 2],
      ['BROKEN_LINK', 3],
    ]);
    expectNamed(problems, ITEM_A);
  });

  it('a deleted middle event: SEQ_GAP naming it', () => {
    const lines = exported(itemChain(ITEM_A, 6));
    lines.splice(2, 1);
    const problems = verifyChainEvents(lines, signer.publicKey, { chain: ITEM_A });
    expect(codes(problems)).toEqual([['SEQ_GAP', 2]]);
    expect(problems[0]!.message).toBe(`Event 2 of item ${ITEM_A} is missing: it was deleted.`);
    lines.splice(2, 2);
    expect(verifyChainEvents(lines, signer.publicKey, { chain: ITEM_A })[0]!.message).toBe(`Events 2 to 4 of item ${ITEM_A} are missing: they were deleted.`);
  });

  it('a deleted first event: SEQ_GAP at 0', () => {
    const lines = exported(itemChain(ITEM_A, 3)).slice(1);
    expect(codes(verifyChainEvents(lines, signer.publicKey, { chain: ITEM_A }))).toEqual([['SEQ_GAP', 0]]);
  });

  it('a forged event appended or inserted: its signature fails (and an inserted one duplicates a seq)', () => {
    const records = itemChain(ITEM_A, 5);
    const appended = exported(records);
    appended.push(forge({ ...appended[1]!.event, seq: 5, prev: records[4]!.hash }, stranger));
    expect(codes(verifyChainEvents(appended, signer.publicKey))).toEqual([['BAD_SIGNATURE', 5]]);

    const inserted = exported(records);
    inserted.splice(2, 0, forge({ ...inserted[2]!.event, data: { step: 'forged' } }, stranger));
    expect(codes(verifyChainEvents(inserted, signer.publicKey))).toEqual([
      ['BAD_SIGNATURE', 2],
      ['DUPLICATE_SEQ', 2],
    ]);

    // Without the key, hashing alone does not help either.
    const unsigned = exported(records);
    unsigned.push({ ...forge({ ...unsigned[1]!.event, seq: 5, prev: records[4]!.hash }), signature: '00'.repeat(64) });
    expect(codes(verifyChainEvents(unsigned, signer.publicKey))).toEqual([['BAD_SIGNATURE', 5]]);
  });

  it('two events swapped: OUT_OF_ORDER at the line that comes too late; swapped contents: HASH_MISMATCH at both', () => {
    const lines = exported(itemChain(ITEM_A, 6));
    [lines[2], lines[3]] = [lines[3]!, lines[2]!];
    const problems = verifyChainEvents(lines, signer.publicKey);
    expect(problems).toMatchObject([{ code: 'OUT_OF_ORDER', seq: 2, line: 4 }]);
    expectNamed(problems, ITEM_A);

    const contents = exported(itemChain(ITEM_A, 6));
    const [e2, e3] = [contents[2]!.event, contents[3]!.event];
    [e2.type, e3.type, e2.data, e3.data, e2.at, e3.at] = [e3.type, e2.type, e3.data, e2.data, e3.at, e2.at];
    expect(codes(verifyChainEvents(contents, signer.publicKey))).toEqual([
      ['HASH_MISMATCH', 2],
      ['HASH_MISMATCH', 3],
    ]);
  });

  it('an event moved to another chain: WRONG_CHAIN where it landed, SEQ_GAP where it left', () => {
    const a = exported(itemChain(ITEM_A, 4));
    const b = exported(itemChain(ITEM_B, 5));
    const [moved] = b.splice(2, 1);
    a.push(moved!);
    const inA = verifyChainEvents(a, signer.publicKey, { chain: ITEM_A });
    expect(inA).toMatchObject([{ code: 'WRONG_CHAIN', chain: ITEM_A, seq: 2, line: 5 }]);
    expect(inA[0]!.message).toContain(ITEM_B);
    expect(codes(verifyChainEvents(b, signer.publicKey, { chain: ITEM_B }))).toEqual([['SEQ_GAP', 2]]);
  });

  it('a first event that is not acquired (or not vault-created); acquired later; acts on the wrong chain', () => {
    const base = { v: 1, chain: ITEM_A, at: '2021-01-10T08:15:00.000Z', actor: 'x', data: {} };
    const first = forge({ ...base, seq: 0, type: 'tagged', prev: null });
    const again = forge({ ...base, seq: 1, type: 'acquired', prev: first.hash });
    const vaultAct = forge({ ...base, seq: 2, type: 'passphrase-changed', prev: again.hash });
    const problems = verifyChainEvents([first, again, vaultAct], signer.publicKey);
    expect(codes(problems)).toEqual([
      ['FIRST_NOT_ACQUIRED', 0],
      ['UNEXPECTED_TYPE', 1],
      ['UNEXPECTED_TYPE', 2],
    ]);
    expectNamed(problems, ITEM_A);

    const v0 = forge({ ...base, chain: VAULT_CHAIN, seq: 0, type: 'acquired', prev: null });
    const v1 = forge({ ...base, chain: VAULT_CHAIN, seq: 1, type: 'tagged', prev: v0.hash });
    const vaultProblems = verifyChainEvents([v0, v1], signer.publicKey);
    expect(codes(vaultProblems)).toEqual([
      ['FIRST_NOT_CREATED', 0],
      ['UNEXPECTED_TYPE', 1],
    ]);
    expectNamed(vaultProblems, VAULT_CHAIN);
  });

  it('a prev on event 0, or none later: BROKEN_LINK', () => {
    const base = { v: 1, chain: ITEM_A, at: '2021-01-10T08:15:00.000Z', actor: 'x', data: {} };
    const first = forge({ ...base, seq: 0, type: 'acquired', prev: 'ab'.repeat(32) });
    const second = forge({ ...base, seq: 1, type: 'tagged', prev: null });
    expect(codes(verifyChainEvents([first, second], signer.publicKey))).toEqual([
      ['BROKEN_LINK', 0],
      ['BROKEN_LINK', 1],
    ]);
  });

  it('signatures by another key: BAD_SIGNATURE for every event, nothing else', () => {
    const records = itemChain(ITEM_A, 4, stranger);
    expect(codes(verifyChainEvents(records, signer.publicKey))).toEqual([0, 1, 2, 3].map((s) => ['BAD_SIGNATURE', s]));
  });

  it('reports every problem at once, in seq order', () => {
    const lines = exported(itemChain(ITEM_A, 10));
    (lines[1]!.event.data as Record<string, unknown>).step = 'edited';
    lines[4]!.signature = '11'.repeat(64);
    lines.splice(7, 1);
    lines[3]!.event.v = 2;
    expect(codes(verifyChainEvents(lines, signer.publicKey))).toEqual([
      ['HASH_MISMATCH', 1],
      ['MALFORMED', 3],
      ['BAD_SIGNATURE', 4],
      ['SEQ_GAP', 7],
    ]);
  });

  it('malformed records: not an object, a field missing, an unknown version, no hash; an empty chain', () => {
    const lines: unknown[] = exported(itemChain(ITEM_A, 5));
    lines[1] = 'not a record';
    delete (lines[2] as { event: Record<string, unknown> }).event.actor;
    (lines[3] as { event: Record<string, unknown> }).event.v = 2;
    delete (lines[4] as { hash?: string }).hash;
    const problems = verifyChainEvents(lines, signer.publicKey, { chain: ITEM_A });
    expect(problems.filter((p) => p.code === 'MALFORMED').map((p) => p.line)).toEqual([2, 3, 4, 5]);
    expect(problems.find((p) => p.line === 4)?.message).toMatch(/version is 2/);
    expect(codes(verifyChainEvents([], signer.publicKey, { chain: ITEM_A }))).toEqual([['EMPTY_CHAIN', null]]);
  });
});

describe('the JSONL line format', () => {
  it('round-trips: each line is the JCS form of {event, hash, signature}', () => {
    const records = itemChain(ITEM_A, 5);
    const text = toJsonl(records);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(`{"event":${records[0]!.canonical},"hash":"${records[0]!.hash}","signature":"${records[0]!.signature}"}`);
    const parsed = lines.map(parseJsonlLine);
    expect(parsed).toEqual(records.map(({ event, hash, signature }) => ({ event, hash, signature })));
    expect(parsed.map(toJsonlLine)).toEqual(lines);
    expect(verifyChainEvents(parsed, signer.publicKey)).toEqual([]);
  });

  it('writes only the eight event members, whatever else the object carries', () => {
    const [record] = itemChain(ITEM_A, 1);
    const line = toJsonlLine({ ...record!, event: { ...record!.event, extra: 1 } as CustodyEvent });
    expect(line).toBe(toJsonlLine(record!));
  });

  it('refuses a line that is not a canonical, well-formed record (CORRUPT)', () => {
    const [record] = itemChain(ITEM_A, 1);
    const line = toJsonlLine(record!);
    const bad = [
      'not json',
      '[]',
      line.replace('{"event":', '{ "event":'), // not canonical
      line.replace(/}$/, ',"extra":1}'),
      line.replace(`"hash":"${record!.hash}"`, `"hash":"${record!.hash.toUpperCase()}"`),
      line.replace(`"signature":"${record!.signature}"`, '"signature":"00"'),
      line.replace('"v":1', '"v":2'),
    ];
    for (const text of bad) expect(() => parseJsonlLine(text)).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
  });

  it('verifyJsonl names unreadable and non-canonical lines by number, and still checks the rest', () => {
    const records = itemChain(ITEM_A, 4);
    const lines = toJsonl(records).trimEnd().split('\n');
    lines[1] = lines[1]!.replace('"hash":', '"hash" :');
    lines.splice(3, 0, '{oops');
    const problems = verifyJsonl(`${lines.join('\n')}\n`, signer.publicKey, { chain: ITEM_A });
    expect(problems).toMatchObject([
      { code: 'MALFORMED', line: 4, seq: null },
      { code: 'MALFORMED', line: 2, seq: 1 },
    ]);
    expect(problems[0]!.message).toBe(`Line 4 of the custody log of item ${ITEM_A} cannot be read: it is not JSON.`);
    expect(verifyJsonl(toJsonl(records).trimEnd(), signer.publicKey)).toEqual([]); // no final line feed: tolerated
    expect(codes(verifyJsonl(toJsonl(records).replace('\n', '\n\n'), signer.publicKey, { chain: ITEM_A }))).toEqual([['MALFORMED', null]]);
  });

  it('hashes the JCS form of the event it parsed, never the bytes it read: a record re-serialised by another tool is MALFORMED only', () => {
    const records = itemChain(ITEM_A, 3);
    const lines = toJsonl(records).trimEnd().split('\n');
    // Pretty-printed, members in reverse order, any non-ASCII character escaped:
    // the same JSON values, other bytes. Its hash and signature still verify, as documented.
    const parsed = JSON.parse(lines[1]!) as { event: Record<string, unknown>; hash: string; signature: string };
    const reversed = Object.fromEntries(Object.entries(parsed.event).reverse());
    const escaped = JSON.stringify({ signature: parsed.signature, hash: parsed.hash, event: reversed }, null, 1)
      .replace(/\n/g, ' ')
      .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(escaped).not.toBe(lines[1]);
    lines[1] = escaped;
    expect(verifyJsonl(`${lines.join('\n')}\n`, signer.publicKey, { chain: ITEM_A })).toMatchObject([{ code: 'MALFORMED', line: 2, seq: 1 }]);
  });
});
