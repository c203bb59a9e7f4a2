// The recovery key's formats (docs/formats.md, "Recovery key"): the worked example pinned
// and reproduced by docs/recovery-example.py (Python's standard library, no shared code),
// how words and shares are read back (a typo named as one), and vault.json's recovery
// slot parsed strictly.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { parseVaultFile } from '../../src/main/engine/vault/vault-file';
import { parseRecoverySlot, recoveryContextJson, recoveryWrapKey, serialiseRecoverySlot, unwrapWithRecovery, type RecoverySlot } from '../../src/main/engine/vault/recovery-slot';
import { combineShares, encodeShare, groupShare, parseShare, parseSplit, splitRecoveryKey } from '../../src/main/engine/vault/recovery-shares';
import { recoveryKeyFromWords, recoveryKeyToWords } from '../../src/main/engine/vault/recovery-words';
import { recoveryPages, recoveryPageText } from '../../src/main/engine/vault/recovery-page';
import { run, ROOT } from '../helpers/child-process';

const entropy = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const context = { formatVersion: 1, vaultId: '00000000-0000-4000-8000-000000000001' };
const WORDS = 'abandon amount liar amount expire adjust cage candy arch gather drum bullet absurd math era live bid rhythm alien crouch range attend journey unaware';
const WRAP_KEY = '69e8f4786eb50d74c47591b3e235d43646c5bafcde3b3828cf2fd6b5fca10d11';
const BOX = '0xkcjXL7h/66I2iEDCkQn1ibQQGfSL/wPnkzCbrtwImqzvPR/ki1j7N4gSDtK7sI';
const SHARE = '041060D1PB1X9ZM15G95ANANANANANANANANANANANANANANANANANANANANANANANANANCWWN8ZT7B4';
/** The worked example's 2-of-3 split of the example key (docs/formats.md; f_i(x) = key_i + (0x61 + 3i)·x, share j at x = j). */
const SPLIT = [
  '041060D1PB1X9ZM15G962SB5D5MQAXBHE5TQB2C9GP2R30C5GP4RKDDNP6RVBDD9N6JTB88106XZXTTY',
  '041060N1PB1X9ZM15G9C5JECTZFEBR7BZBRZ850X0R1GGA924WY3AKJB818NMQV4DNV76Y02K1YGRNBR',
  '041060X1PB1X9ZM15G9A7BDBQPSSB4WXGE6RQ5MRHT48DE5PP2KAHVQ8WVWFDW6PV37CHHG3Q3VVPMDN',
];
const FINGERPRINT = 'fe812c12f3ab4ce6ac5db69ac352f906cb1b11ef43fb33e252ef7ff552263889';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  return '';
}

describe('recovery key worked example', () => {
  it('entropy → words → wrap context → wrap key → box, and back', () => {
    expect(recoveryKeyToWords(entropy).join(' ')).toBe(WORDS);
    expect(recoveryContextJson(context)).toBe('{"formatVersion":1,"purpose":"tamga v1 recovery key wrap","scheme":"bip39-256","vaultId":"00000000-0000-4000-8000-000000000001"}');
    const wrapKey = recoveryWrapKey(entropy, context);
    expect(wrapKey.toString('hex')).toBe(WRAP_KEY);
    expect(Buffer.from(nacl.secretbox(Buffer.alloc(32, 0x42), Buffer.alloc(24, 0x24), wrapKey)).toString('base64')).toBe(BOX);
    const slot: RecoverySlot = { scheme: 'bip39-256', createdAt: '2026-12-03T10:00:00.000Z', masterKey: { alg: 'xsalsa20-poly1305', nonce: Buffer.alloc(24, 0x24).toString('base64'), box: BOX } };
    expect(unwrapWithRecovery(slot, recoveryKeyFromWords(WORDS), context).equals(Buffer.alloc(32, 0x42))).toBe(true);
    // The same slot in another vault does not open: the vault id is bound.
    expect(codeOf(() => unwrapWithRecovery(slot, entropy, { ...context, vaultId: '00000000-0000-4000-8000-000000000002' }))).toBe('WRONG_RECOVERY_KEY');
  });

  it('encodes the example share byte for byte', () => {
    const value = Buffer.concat([Buffer.alloc(32, 0x55), Buffer.from([0x9c])]);
    expect(encodeShare({ k: 2, n: 3, number: 1, setId: 'a1b2c3d4', fingerprintPrefix: 'fe812c12', value })).toBe(SHARE);
    expect(groupShare(SHARE)).toHaveLength(16);
    expect(parseShare(groupShare(SHARE).join('-').toLowerCase(), 'the share')).toEqual({ k: 2, n: 3, number: 1, setId: 'a1b2c3d4', fingerprintPrefix: 'fe812c12', value });
  });

  it('is reproduced by the independent Python script in docs/', async () => {
    const result = await run('/usr/bin/python3', [join(ROOT, 'docs', 'recovery-example.py')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`words: ${WORDS}\n`);
    expect(result.stdout).toContain(`wrapKey: ${WRAP_KEY}\n`);
    expect(result.stdout).toContain(`box: ${BOX}\n`);
    expect(result.stdout).toContain(`share: ${SHARE}\n`);
    for (const [i, code] of SPLIT.entries()) expect(result.stdout).toContain(`split${i + 1}: ${code}\n`);
    // …and the page of the spec shows them as printed, in groups of five.
    const docs = await readFile(join(ROOT, 'docs', 'formats.md'), 'utf8');
    for (const code of [SHARE, ...SPLIT]) expect(docs).toContain(`\`${groupShare(code).join(' ')}\``);
    for (const value of [WORDS, WRAP_KEY, BOX]) expect(docs).toContain(value);
    expect(result.stdout).toContain(`shares3and1: ${WORDS}\n`);
    expect(result.stdout).toContain('all values match');
  });

  it("the example split, made by the Python script, is combined by the library into the example key by any two shares", async () => {
    const vault = { keyFingerprint: FINGERPRINT, split: { k: 2, n: 3, setId: 'a1b2c3d4' } };
    const shares = SPLIT.map((code, i) => parseShare(code, `share ${i + 1}`));
    for (const pair of [[0, 1], [0, 2], [2, 1]] as const) {
      const key = await combineShares(pair.map((i) => shares[i]).filter((s) => s !== undefined), vault);
      expect(recoveryKeyToWords(key).join(' ')).toBe(WORDS);
    }
  });

  it("the spec's recovery member is what vault.json writes, byte for byte, and two of the split's shares open it", async () => {
    const docs = await readFile(join(ROOT, 'docs', 'formats.md'), 'utf8');
    const section = docs.slice(docs.indexOf('### Worked example: recovery key'));
    const block = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const slot = parseRecoverySlot((JSON.parse(block) as { recovery: unknown }).recovery);
    expect(slot).toBeDefined();
    if (slot === undefined) return;
    expect(`${JSON.stringify({ recovery: serialiseRecoverySlot(slot) }, null, 2)}\n`).toBe(block);
    const key = await combineShares([SPLIT[2], SPLIT[1]].map((code) => parseShare(code ?? '', 'share')), { keyFingerprint: FINGERPRINT, split: slot.shares ?? null });
    expect(unwrapWithRecovery(slot, key, context).equals(Buffer.alloc(32, 0x42))).toBe(true);
  });

  it("the Python script's GF(2^8) interpolation rebuilds keys the library split (so the field and share layout are as documented)", async () => {
    for (const [k, n] of [[2, 3], [3, 5], [5, 16]] as const) {
      const key = Buffer.from(nacl.randomBytes(32));
      const made = await splitRecoveryKey(key, k, n, FINGERPRINT);
      const some = made.codes.slice(n - k);
      const result = await run('/usr/bin/python3', [join(ROOT, 'docs', 'recovery-example.py'), '--combine', ...some]);
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe(key.toString('hex'));
      // k − 1 of them interpolate to something else.
      const fewer = await run('/usr/bin/python3', [join(ROOT, 'docs', 'recovery-example.py'), '--combine', ...some.slice(1)]);
      expect(fewer.stdout.trim()).not.toBe(key.toString('hex'));
    }
  });
});

describe('reading recovery words', () => {
  it('forgives case, numbering, line breaks and words cut to four letters', () => {
    const words = WORDS.split(' ');
    expect(recoveryKeyFromWords(words.map((w, i) => `${i + 1}. ${w.toUpperCase()}`).join('\n')).equals(entropy)).toBe(true);
    expect(recoveryKeyFromWords(words.map((w) => w.slice(0, 4)).join('  ')).equals(entropy)).toBe(true);
  });

  it('reads the numbered words of the text page in number order, whatever the prose around them', () => {
    const made = { vaultId: context.vaultId, keyFingerprint: FINGERPRINT, createdAt: '2026-12-03T10:00:00.000Z', replaced: false, words: WORDS.split(' '), shares: null };
    const [page] = recoveryPages(made);
    expect(page).toBeDefined();
    if (page === undefined) return;
    expect(recoveryKeyFromWords(recoveryPageText(page)).equals(entropy)).toBe(true);
  });

  it('names a word not on the list by its position, a wrong count, and a checksum failure as a typo', () => {
    const words = WORDS.split(' ');
    const unknown = [...words];
    unknown[6] = 'cagx';
    expect(codeOf(() => recoveryKeyFromWords(unknown.join(' ')))).toBe('RECOVERY_KEY_MALFORMED');
    expect(messageOf(() => recoveryKeyFromWords(unknown.join(' ')))).toMatch(/^Word 7, "cagx", is not a recovery-key word/);
    expect(messageOf(() => recoveryKeyFromWords(words.slice(1).join(' ')))).toMatch(/has 24 words; this has 23/);
    // Two valid words swapped: every word is on the list, the checksum catches it.
    const swapped = [...words];
    [swapped[0], swapped[1]] = [words[1] ?? '', words[0] ?? ''];
    expect(codeOf(() => recoveryKeyFromWords(swapped.join(' ')))).toBe('RECOVERY_KEY_MALFORMED');
    expect(messageOf(() => recoveryKeyFromWords(swapped.join(' ')))).toMatch(/checksum fails: one of them is mistyped/);
  });
});

describe('shares', () => {
  it('parses K-of-N and refuses what cannot be', () => {
    expect(parseSplit('2-of-3')).toEqual({ k: 2, n: 3 });
    expect(parseSplit('3/5')).toEqual({ k: 3, n: 5 });
    for (const bad of ['1-of-3', '4-of-3', '2-of-17', 'two of three']) expect(codeOf(() => parseSplit(bad)), bad).toBe('INVALID_ARGUMENT');
  });

  it('reads O as 0 and I, L as 1, and names a mistyped character by the checksum', () => {
    expect(parseShare(SHARE.replaceAll('0', 'O').replaceAll('1', 'l'), 'x').number).toBe(1);
    const typo = `${SHARE.slice(0, 30)}${SHARE[30] === 'A' ? 'B' : 'A'}${SHARE.slice(31)}`;
    expect(messageOf(() => parseShare(typo, 'Share 2 given'))).toMatch(/^Share 2 given fails its checksum/);
    // The window says which share from the details.
    expect(() => parseShare(typo, 'Share 2 given', 2)).toThrow(expect.objectContaining({ details: { reason: 'share-checksum', given: 2 } }));
    expect(messageOf(() => parseShare(SHARE.slice(5), 'Share 1 given'))).toMatch(/has 75 characters; a share has 80/);
    expect(messageOf(() => parseShare(`${SHARE.slice(0, 79)}U`, 'Share 1 given'))).toMatch(/"U" \(character 80\) is not used in shares/);
  });

  it('k shares give the key back; k − 1 are refused, and combined anyway give something else', async () => {
    const key = Buffer.from(nacl.randomBytes(32));
    const made = await splitRecoveryKey(key, 3, 5, FINGERPRINT);
    const shares = made.codes.map((code, i) => parseShare(code, `share ${i + 1}`));
    const vault = { keyFingerprint: FINGERPRINT, split: { k: 3, n: 5, setId: made.setId } };
    const pick = (...numbers: number[]): typeof shares => numbers.map((n) => shares[n - 1]).filter((s) => s !== undefined);
    expect((await combineShares(pick(1, 2, 3), vault)).equals(key)).toBe(true);
    expect((await combineShares(pick(5, 2, 4), vault)).equals(key)).toBe(true);
    expect((await combineShares(pick(1, 2, 3, 4, 5), vault)).equals(key)).toBe(true);
    await expect(combineShares(pick(1, 2), vault)).rejects.toMatchObject({ code: 'NOT_ENOUGH_SHARES', message: expect.stringMatching(/any 3 of which open the vault; only shares 1, 2 were given/) });
    await expect(combineShares(pick(1, 2, 2), vault)).rejects.toMatchObject({ code: 'NOT_ENOUGH_SHARES', message: expect.stringMatching(/share 2 was given more than once/) });
    // What k − 1 shares interpolate to is not the key (the check above is not what protects it).
    const { combine } = await import('shamir-secret-sharing');
    const two = await combine(pick(1, 2).map((s) => new Uint8Array(s.value)));
    expect(Buffer.from(two).equals(key)).toBe(false);
  });

  it('names shares of another vault, of another split and of a replaced key', async () => {
    const key = Buffer.from(nacl.randomBytes(32));
    const a = await splitRecoveryKey(key, 2, 3, FINGERPRINT);
    const b = await splitRecoveryKey(key, 2, 3, FINGERPRINT);
    const other = await splitRecoveryKey(key, 2, 3, `00112233${FINGERPRINT.slice(8)}`);
    const parse = (code: string | undefined): ReturnType<typeof parseShare> => parseShare(code ?? '', 'share');
    const vault = { keyFingerprint: FINGERPRINT, split: { k: 2, n: 3, setId: a.setId } };
    await expect(combineShares([parse(a.codes[0]), parse(other.codes[1])], vault)).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY', message: expect.stringMatching(/^Share 2 given \(share 2 of 3\) belongs to another vault: its vault key fingerprint begins 00112233/) });
    await expect(combineShares([parse(a.codes[0]), parse(b.codes[1])], vault)).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY', message: expect.stringMatching(/from another split/) });
    await expect(combineShares([parse(b.codes[0]), parse(b.codes[1])], vault)).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY', message: expect.stringMatching(/no longer has: it was replaced/) });
    await expect(combineShares([parse(a.codes[0]), parse(a.codes[1])], { ...vault, split: null })).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    // The header is checksummed, not keyed: k and n are taken from vault.json, not from a share.
    await expect(combineShares([parse(a.codes[0]), parse(a.codes[1])], { ...vault, split: { k: 3, n: 3, setId: a.setId } })).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY', message: expect.stringMatching(/say 2-of-3, but this vault's recovery key was split 3-of-3/) });
  });
});

describe("vault.json's recovery slot", () => {
  // A vault.json as the worked example of "Vault format v1" has it, without a recovery slot.
  const base = async (): Promise<Record<string, unknown>> => ({
    format: 'tamga-vault',
    formatVersion: 1,
    vaultId: context.vaultId,
    createdAt: '2026-11-22T07:49:02.913Z',
    kdf: { name: 'scrypt', N: 131072, r: 8, p: 1, salt: 'AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=' },
    masterKey: { alg: 'xsalsa20-poly1305', nonce: 'JCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk', box: 'jt4vXGX2kaoU8Z5h/W8cm16pt/+Btiw96fd8fz3EaA2RKd8nioNGS924liiqsojC' },
    signing: { alg: 'ed25519', publicKey: 'ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c', fingerprint: FINGERPRINT, wrappedSeed: { alg: 'xsalsa20-poly1305', nonce: 'JCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk', box: BOX } },
  });
  const slot = {
    scheme: 'bip39-256',
    createdAt: '2026-12-03T10:00:00.000Z',
    shares: { k: 2, n: 3, setId: 'a1b2c3d4' },
    masterKey: { alg: 'xsalsa20-poly1305', nonce: Buffer.alloc(24, 0x24).toString('base64'), box: BOX },
  };

  it('is optional, and read back as written', async () => {
    const json = await base();
    expect(parseVaultFile(json).recovery).toBeUndefined();
    expect(parseVaultFile({ ...json, recovery: slot }).recovery).toEqual(slot);
  });

  it.each([
    ['not an object', 'yes', 'CORRUPT'],
    ['null', null, 'CORRUPT'],
    ['an unknown member', { ...slot, words: 'abandon …' }, 'CORRUPT'],
    ['an unknown scheme', { ...slot, scheme: 'bip39-128' }, 'UNSUPPORTED_VERSION'],
    ['a bad time', { ...slot, createdAt: 'yesterday' }, 'CORRUPT'],
    ['a short nonce', { ...slot, masterKey: { ...slot.masterKey, nonce: 'JCQk' } }, 'CORRUPT'],
    ['a long box', { ...slot, masterKey: { ...slot.masterKey, box: Buffer.alloc(49).toString('base64') } }, 'CORRUPT'],
    ['another algorithm', { ...slot, masterKey: { ...slot.masterKey, alg: 'aes-256-gcm' } }, 'UNSUPPORTED_VERSION'],
    ['an extra masterKey member', { ...slot, masterKey: { ...slot.masterKey, tag: '' } }, 'CORRUPT'],
    ['k above n', { ...slot, shares: { k: 4, n: 3, setId: 'a1b2c3d4' } }, 'CORRUPT'],
    ['a bad set id', { ...slot, shares: { k: 2, n: 3, setId: 'A1B2C3D4' } }, 'CORRUPT'],
    ['an extra shares member', { ...slot, shares: { ...slot.shares, x: 1 } }, 'CORRUPT'],
  ])('refuses a slot with %s', async (_what, value, code) => {
    const json = { ...(await base()), recovery: value };
    expect(codeOf(() => parseVaultFile(json))).toBe(code);
  });
});
