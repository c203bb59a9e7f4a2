// Custody event format v1: RFC 8785 canonical form, hash, signing context, and the pinned
// test vector that docs/formats.md repeats (an independent verifier must reproduce it).
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import type { CustodyEvent } from '../../src/shared/custody';
import { newSigningSeed, signerFromSeed, verifySignature } from '../../src/main/engine/crypto/signing';
import { chainHeadOf, sealNextEvent } from '../../src/main/engine/custody/chain';
import { assertJsonObject, buildEvent, canonicalEvent, hashCanonical, parseEvent, type EventFields } from '../../src/main/engine/custody/event';
import { CUSTODY_SIGNATURE_CONTEXT, custodySignedMessage, signEventHash, verifyEventSignature } from '../../src/main/engine/custody/signature';

// RFC 8032 section 7.1, TEST 1: a seed anyone can check the public key of.
const VECTOR_SEED = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
const VECTOR_PUBLIC_KEY = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const ITEM = '5f0e1c2a-7d1b-4c3e-9a6f-0b8d2e4f6a10';
const VAULT_CHAIN = 'vault:0d9c4b7e-3f2a-4e61-8b5d-9a1c2e3f4a5b';

const VECTOR_EVENT_0 = {
  v: 1,
  chain: ITEM,
  seq: 0,
  type: 'acquired',
  at: '2021-01-10T08:15:00.000Z',
  actor: 'tamga-cli 0.1.0',
  data: {
    sha256: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
    size: 2483917,
    sourcePath: '/home/aigerim/Фото/Ақмола/IMG_1234.JPG',
    fileTimes: { mtime: '2021-01-10T08:14:59.000Z' },
  },
  prev: null,
} as const;
const VECTOR_CANONICAL_0 =
  '{"actor":"tamga-cli 0.1.0","at":"2021-01-10T08:15:00.000Z","chain":"5f0e1c2a-7d1b-4c3e-9a6f-0b8d2e4f6a10",' +
  '"data":{"fileTimes":{"mtime":"2021-01-10T08:14:59.000Z"},"sha256":"a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90",' +
  '"size":2483917,"sourcePath":"/home/aigerim/Фото/Ақмола/IMG_1234.JPG"},"prev":null,"seq":0,"type":"acquired","v":1}';
const VECTOR_HASH_0 = '629f67d09da3ac0b48e855f15c75d66594eb0003fcc4c40c677976a81762f8ca';
const VECTOR_SIGNATURE_0 =
  'aa05503a6c876d501305310243b9509c972243593eb330a8577e468bd572bddcd6bad8ba1fbcd5be241b74514cc87867ca9fac44ffb7bae71d4a556dc0b45502';
const VECTOR_CANONICAL_1 =
  '{"actor":"tamga-cli 0.1.0","at":"2021-01-11T09:30:00.250Z","chain":"5f0e1c2a-7d1b-4c3e-9a6f-0b8d2e4f6a10",' +
  '"data":{"action":"add","tag":"Ақмола"},"prev":"629f67d09da3ac0b48e855f15c75d66594eb0003fcc4c40c677976a81762f8ca","seq":1,"type":"tagged","v":1}';
const VECTOR_HASH_1 = 'cd416e8a1107edbc7444d3d93599dbe0f767456a2dc4183914ba6afc91220199';
const VECTOR_SIGNATURE_1 =
  '4b9f197aa51071486171c476a0f5dd05d8f5773bd3fd3e68ee6bcf7abd9f676ee5c85562bc631bdd9ad43ba441865faa994987f36d414798854c33284f6fe109';

function fields(overrides: Partial<Record<keyof EventFields, unknown>> = {}): EventFields {
  return { chain: ITEM, seq: 0, type: 'acquired', at: '2021-01-10T08:15:00.000Z', actor: 'tamga-cli 0.1.0', data: {}, prev: null, ...overrides } as EventFields;
}

function expectInvalid(f: () => unknown, pattern?: RegExp): void {
  let thrown: unknown;
  try {
    f();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toMatchObject({ code: 'INVALID_ARGUMENT' });
  if (pattern) expect((thrown as Error).message).toMatch(pattern);
}

describe('RFC 8785 canonical form', () => {
  it('matches RFC 8785 section 3.2.2 (numbers, escapes, literals)', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units, not code points (RFC 8785 section 3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalize(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign",' +
        '"😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('writes numbers as ECMAScript does (RFC 8785 appendix B)', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [-0, '0'],
      [5e-324, '5e-324'],
      [-5e-324, '-5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [9007199254740992, '9007199254740992'],
      [-9007199254740992, '-9007199254740992'],
      [295147905179352830000, '295147905179352830000'],
      [9.999999999999997e22, '9.999999999999997e+22'],
      [1e23, '1e+23'],
      [1e21, '1e+21'],
      [1e20, '100000000000000000000'],
      [0.1, '0.1'],
      [0.000001, '0.000001'],
      [1e-7, '1e-7'],
      [4.5, '4.5'],
    ];
    for (const [n, text] of cases) expect(canonicalize([n])).toBe(`[${text}]`);
  });

  it('canonicalises a tricky event: key order, Cyrillic, controls, numbers, nesting', () => {
    const event = buildEvent(
      fields({
        data: {
          z: [1e21, 0.1, -0, 100, 1.5e-7],
          'Ә': 'Қазақ тілі',
          a: { y: null, b: true, '\u0000': 'nul' },
          ctl: '\u0000\u001f\b\t\n\f\r"\\/\u007f',
          emoji: '😀',
          A: false,
        },
      }),
    );
    expect(event.canonical).toBe(
      '{"actor":"tamga-cli 0.1.0","at":"2021-01-10T08:15:00.000Z","chain":"5f0e1c2a-7d1b-4c3e-9a6f-0b8d2e4f6a10",' +
        '"data":{"A":false,"a":{"\\u0000":"nul","b":true,"y":null},"ctl":"\\u0000\\u001f\\b\\t\\n\\f\\r\\"\\\\/\u007f","emoji":"😀",' +
        '"z":[1e+21,0.1,0,100,1.5e-7],"Ә":"Қазақ тілі"},"prev":null,"seq":0,"type":"acquired","v":1}',
    );
    expect(event.hash).toBe(createHash('sha256').update(Buffer.from(event.canonical, 'utf8')).digest('hex'));
  });
});

describe('the pinned test vector (docs/formats.md)', () => {
  const signer = signerFromSeed(VECTOR_SEED);

  it('derives the RFC 8032 test public key from the seed', () => {
    expect(signer.publicKey.toString('hex')).toBe(VECTOR_PUBLIC_KEY);
  });

  it('gives the pinned canonical form, hash and signature for a two-event chain', () => {
    const e0 = sealNextEvent(null, signer, { chain: ITEM, type: 'acquired', at: VECTOR_EVENT_0.at, actor: VECTOR_EVENT_0.actor, data: VECTOR_EVENT_0.data });
    expect(e0.event).toEqual(VECTOR_EVENT_0);
    expect(e0.canonical).toBe(VECTOR_CANONICAL_0);
    expect(e0.hash).toBe(VECTOR_HASH_0);
    expect(e0.signature).toBe(VECTOR_SIGNATURE_0);
    expect(canonicalEvent(VECTOR_EVENT_0 as unknown as CustodyEvent)).toBe(VECTOR_CANONICAL_0);
    expect(hashCanonical(VECTOR_CANONICAL_0)).toBe(VECTOR_HASH_0);

    const e1 = sealNextEvent(chainHeadOf([e0]), signer, {
      chain: ITEM,
      type: 'tagged',
      at: '2021-01-11T09:30:00.250Z',
      actor: 'tamga-cli 0.1.0',
      data: { tag: 'Ақмола', action: 'add' },
    });
    expect(e1.event.prev).toBe(VECTOR_HASH_0);
    expect(e1.canonical).toBe(VECTOR_CANONICAL_1);
    expect(e1.hash).toBe(VECTOR_HASH_1);
    expect(e1.signature).toBe(VECTOR_SIGNATURE_1);
  });

  it('signs the 55 bytes "tamga custody event v1\\n" ‖ raw hash, which tweetnacl and node both accept', () => {
    const message = custodySignedMessage(VECTOR_HASH_0);
    expect(message.toString('hex')).toBe(`74616d676120637573746f6479206576656e742076310a${VECTOR_HASH_0}`);
    expect(message).toHaveLength(55);
    const publicKey = Buffer.from(VECTOR_PUBLIC_KEY, 'hex');
    const signature = Buffer.from(VECTOR_SIGNATURE_0, 'hex');
    expect(nacl.sign.detached.verify(message, signature, publicKey)).toBe(true);
    expect(verifySignature(message, signature, publicKey, { backend: 'node' })).toBe(true);
    expect(verifyEventSignature(VECTOR_HASH_0, VECTOR_SIGNATURE_0, publicKey)).toBe(true);
  });
});

describe('the custody signing context', () => {
  it('tweetnacl verifies the signatures node:crypto makes, and both backends sign alike', () => {
    for (let i = 0; i < 5; i++) {
      const seed = newSigningSeed();
      const node = signerFromSeed(seed, { backend: 'node' });
      const hash = hashCanonical(`event ${i}`);
      const signature = signEventHash(node, hash);
      expect(nacl.sign.detached.verify(custodySignedMessage(hash), Buffer.from(signature, 'hex'), node.publicKey)).toBe(true);
      expect(signEventHash(signerFromSeed(seed, { backend: 'tweetnacl' }), hash)).toBe(signature);
    }
  });

  it('a custody signature is not a signature over the hash hex, the raw hash, the event, or a context-free message', () => {
    const signer = signerFromSeed(newSigningSeed());
    const { canonical, hash } = buildEvent(fields());
    const signature = Buffer.from(signEventHash(signer, hash), 'hex');
    const without = [
      Buffer.from(hash, 'hex'), // raw hash bytes, no context
      Buffer.from(hash, 'ascii'), // the hex, as a manifest line would hold it
      Buffer.from(CUSTODY_SIGNATURE_CONTEXT + hash, 'ascii'), // context + hex instead of raw bytes
      Buffer.from(canonical, 'utf8'), // the event itself
      Buffer.from(`${hash}  data/E0001_IMG_1234.JPG\n`, 'ascii'), // a tag-manifest line
    ];
    for (const message of without) {
      expect(verifySignature(message, signature, signer.publicKey, { backend: 'node' })).toBe(false);
      expect(nacl.sign.detached.verify(message, signature, signer.publicKey)).toBe(false);
    }
    expect(verifyEventSignature(hash, signature.toString('hex'), signer.publicKey)).toBe(true);
  });

  it('a signature over other bytes (e.g. a seal over the raw hash) does not pass as a custody signature', () => {
    const signer = signerFromSeed(newSigningSeed());
    const { hash } = buildEvent(fields());
    const seal = signer.sign(Buffer.from(hash, 'hex')).toString('hex');
    expect(verifyEventSignature(hash, seal, signer.publicKey)).toBe(false);
  });

  it('rejects another key, malformed hex and a key that is no point, without throwing', () => {
    const signer = signerFromSeed(newSigningSeed());
    const other = signerFromSeed(newSigningSeed());
    const { hash } = buildEvent(fields());
    const signature = signEventHash(signer, hash);
    expect(verifyEventSignature(hash, signature, other.publicKey)).toBe(false);
    expect(verifyEventSignature(hash.toUpperCase(), signature, signer.publicKey)).toBe(false);
    expect(verifyEventSignature(hash, signature.slice(2), signer.publicKey)).toBe(false);
    expect(verifyEventSignature(hash, signature, Buffer.alloc(31))).toBe(false);
    expect(verifyEventSignature(hash, signature, Buffer.alloc(32, 0xff))).toBe(false);
  });
});

describe('building an event', () => {
  it('returns a detached copy of exactly what was hashed', () => {
    const data = { tags: ['a'], nested: { n: 1 } };
    const built = buildEvent(fields({ data }));
    data.tags.push('b');
    data.nested.n = 2;
    expect(built.event.data).toEqual({ tags: ['a'], nested: { n: 1 } });
    expect(canonicalEvent(built.event)).toBe(built.canonical);
  });

  it('refuses data that is not plain JSON', () => {
    class Thing {
      x = 1;
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const bad: unknown[] = [
      { a: undefined },
      { a: [1, undefined] },
      { a: NaN },
      { a: Infinity },
      { a: -Infinity },
      { a: () => 1 },
      { a: new Date(0) },
      { a: Buffer.from('x') },
      { a: new Map() },
      { a: new Thing() },
      { a: 10n },
      { a: Symbol('s') },
      { [Symbol('k')]: 1 },
      { a: [1, , 3] }, // eslint-disable-line no-sparse-arrays
      { a: 'x\ud800y' },
      { 'k\udc00': 1 },
      cyclic,
      [1, 2],
      null,
      'text',
    ];
    for (const data of bad) expectInvalid(() => buildEvent(fields({ data })));
    expectInvalid(() => assertJsonObject({ deep: { a: NaN } }), /data\.deep\.a/);
  });

  it('accepts null, nested arrays, Cyrillic, emoji, and an object with no prototype', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { k: 'v' });
    expect(() => buildEvent(fields({ data: { a: null, b: [[1], [{ c: 'Ғ Қ Ң Ө Ұ Ү Һ І 😀' }]], bare } }))).not.toThrow();
  });

  it('refuses a bad chain, seq, type, time, actor or prev', () => {
    expectInvalid(() => buildEvent(fields({ chain: 'not-a-uuid' })), /chain/);
    expectInvalid(() => buildEvent(fields({ chain: ITEM.toUpperCase() })));
    expectInvalid(() => buildEvent(fields({ chain: 'vault:xyz', type: 'vault-created' })));
    expectInvalid(() => buildEvent(fields({ seq: -1 })));
    expectInvalid(() => buildEvent(fields({ seq: 1.5, type: 'tagged', prev: VECTOR_HASH_0 })));
    expectInvalid(() => buildEvent(fields({ type: 'annotated' })), /not a custody event type/);
    expectInvalid(() => buildEvent(fields({ at: '2021-01-10T08:15:00Z' })), /milliseconds/);
    expectInvalid(() => buildEvent(fields({ at: '2021-01-10T08:15:00.000+05:00' })));
    expectInvalid(() => buildEvent(fields({ at: '2021-02-30T08:15:00.000Z' })));
    expectInvalid(() => buildEvent(fields({ actor: '' })));
    expectInvalid(() => buildEvent(fields({ actor: 'x'.repeat(1001) })));
    expect(buildEvent(fields({ actor: 'x'.repeat(1000) })).event.actor).toHaveLength(1000);
    expectInvalid(() => buildEvent(fields({ prev: VECTOR_HASH_0 })), /prev must be null/);
    expectInvalid(() => buildEvent(fields({ seq: 1, type: 'tagged', prev: null })));
    expectInvalid(() => buildEvent(fields({ seq: 1, type: 'tagged', prev: VECTOR_HASH_0.toUpperCase() })));
  });

  it('puts acquired and vault-created first and only first, and keeps item and vault acts apart', () => {
    const prev = VECTOR_HASH_0;
    expectInvalid(() => buildEvent(fields({ type: 'tagged' })), /FIRST_NOT_ACQUIRED/);
    expectInvalid(() => buildEvent(fields({ seq: 3, type: 'acquired', prev })), /UNEXPECTED_TYPE/);
    expectInvalid(() => buildEvent(fields({ seq: 3, type: 'passphrase-changed', prev })), /UNEXPECTED_TYPE/);
    expectInvalid(() => buildEvent(fields({ chain: VAULT_CHAIN, type: 'acquired' })), /FIRST_NOT_CREATED/);
    expectInvalid(() => buildEvent(fields({ chain: VAULT_CHAIN, seq: 2, type: 'tagged', prev })), /UNEXPECTED_TYPE/);
    expectInvalid(() => buildEvent(fields({ chain: VAULT_CHAIN, seq: 2, type: 'vault-created', prev })));
    expect(() => buildEvent(fields({ chain: VAULT_CHAIN, type: 'vault-created' }))).not.toThrow();
    expect(() => buildEvent(fields({ chain: VAULT_CHAIN, seq: 1, type: 'exported', prev }))).not.toThrow();
    expect(() => buildEvent(fields({ seq: 1, type: 'exported', prev }))).not.toThrow();
    expect(() => buildEvent(fields({ chain: VAULT_CHAIN, seq: 1, type: 'audit', prev }))).not.toThrow();
  });
});

describe('parsing an event (for verifiers)', () => {
  const good = JSON.parse(VECTOR_CANONICAL_0) as Record<string, unknown>;

  it('accepts a v1 event, including a type a newer Tamga may add', () => {
    expect(parseEvent(good)).toEqual({ ok: true, event: good });
    expect(parseEvent({ ...good, seq: 4, type: 'annotated', prev: VECTOR_HASH_0 }).ok).toBe(true);
  });

  it('says what is wrong with anything else', () => {
    const { prev: _prev, ...missing } = good;
    const cases: [unknown, RegExp][] = [
      ['text', /not a JSON object/],
      [missing, /no prev/],
      [{ ...good, extra: 1 }, /extra/],
      [{ ...good, v: 2 }, /version is 2/],
      [{ ...good, chain: 'x' }, /chain/],
      [{ ...good, seq: '0' }, /seq/],
      [{ ...good, type: '' }, /type/],
      [{ ...good, at: 'yesterday' }, /time/],
      [{ ...good, actor: 7 }, /actor/],
      [{ ...good, data: [] }, /data/],
      [{ ...good, prev: 'ab' }, /prev/],
    ];
    for (const [value, reason] of cases) {
      const parsed = parseEvent(value);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toMatch(reason);
    }
  });
});
