// The known senders file (docs/formats.md, "Known senders file"): the worked example there
// parses to exactly these senders, and every malformed line is named rather than skipped.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signerFromSeed } from '../../src/main/engine/crypto/signing';
import { verifyBundle } from '../../src/main/engine/bundle/verify/verify';
import { defaultKnownSendersPath, knownSenderLine, parseKnownSenders } from '../../src/main/engine/senders/known-senders-file';
import { checkSenderName, parseFingerprint } from '../../src/shared/senders';
import { buildBundle, writeBundleDir } from '../helpers/bundle-verify-fixture';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

// Fingerprints of the RFC 8032 test 1 and test 2 public keys (SHA-256 of the 32 raw bytes).
const RFC1 = '21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9';
const RFC2 = '39f713d0a644253f04529421b9f51b9b08979d08295959c4f3990ee617f5139f';

/** Byte for byte the worked example of docs/formats.md. */
const EXAMPLE = [
  '# Tamga known senders: one key per line, its fingerprint then the sender\'s name.',
  '# Add a key only after comparing it with the one its owner published.',
  '',
  `${RFC1} Observers' vault`,
  '   # compared by phone with Aigerim, 2021-02-01',
  `${RFC2.toUpperCase()}\tҚазақстан бюросы #2   `,
  '',
].join('\n');

const BAD = [
  `${RFC1} Observers' vault`,
  `${RFC1.slice(0, 63)} Short key`,
  `${RFC2}`,
  `${RFC2}x Glued name`,
  `${RFC1} Another name for the same key`,
  `${RFC2} observers' VAULT`,
  `${RFC2} ${RFC1}`,
  `${RFC2} Name with a \u202e bidi override`,
  '',
].join('\n');

const enc = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('the known senders file', () => {
  it('parses the worked example of docs/formats.md', () => {
    expect(parseKnownSenders(enc(EXAMPLE))).toEqual({
      senders: [
        { fingerprint: RFC1, name: "Observers' vault", addedAt: null },
        { fingerprint: RFC2, name: 'Қазақстан бюросы #2', addedAt: null },
      ],
      lines: [4, 6],
      problems: [],
    });
  });

  it('is the example docs/formats.md shows, byte for byte', async () => {
    const doc = await readFile(join(import.meta.dirname, '..', '..', 'docs', 'formats.md'), 'utf8');
    const section = doc.slice(doc.indexOf('### Known senders file'));
    const block = /```\n([\s\S]*?)```/.exec(section.slice(section.indexOf('### Worked example')))?.[1];
    expect(block).toBe(EXAMPLE.replace(/\n$/, '').concat('\n'));
  });

  it('makes a bundle sealed by the RFC 8032 test 1 key verify as by "Observers\' vault", as the example says', async () => {
    const signer = signerFromSeed(Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex'));
    const dir = await writeBundleDir(join(await tempDir('tamga-senders-example-'), 'bundle'), buildBundle(signer));
    const report = await verifyBundle({ path: dir, knownSenders: parseKnownSenders(enc(EXAMPLE)).senders });
    expect(report.verdict).toBe('valid');
    expect(report.signer).toEqual({ fingerprint: RFC1, pinned: null, trust: 'known-sender', name: "Observers' vault" });
  });

  it('reads CRLF line ends, a byte order mark and a last line without its line feed the same way', () => {
    const windows = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), enc(EXAMPLE.replace(/\n/g, '\r\n').replace(/\r\n$/, ''))]);
    expect(parseKnownSenders(windows).senders).toEqual(parseKnownSenders(enc(EXAMPLE)).senders);
  });

  it('names every malformed line and why, and uses none of them', () => {
    const parsed = parseKnownSenders(enc(BAD));
    expect(parsed.senders).toEqual([{ fingerprint: RFC1, name: "Observers' vault", addedAt: null }]);
    expect(parsed.problems).toEqual([
      { line: 2, message: 'not "FINGERPRINT NAME" (64 hexadecimal digits, a space, then a name)' },
      { line: 3, message: 'not "FINGERPRINT NAME" (64 hexadecimal digits, a space, then a name)' },
      { line: 4, message: 'not "FINGERPRINT NAME" (64 hexadecimal digits, a space, then a name)' },
      { line: 5, message: 'the same key as line 1' },
      { line: 6, message: 'the same name as line 1' },
      { line: 7, message: "A sender's name cannot look like a fingerprint." },
      { line: 8, message: "A sender's name cannot hold control or text-direction characters." },
    ]);
  });

  it('refuses a file that is not UTF-8', () => {
    expect(parseKnownSenders(Buffer.from([0x30, 0xff, 0x0a])).problems).toEqual([{ line: 1, message: 'the file is not UTF-8 text' }]);
  });

  it('writes a sender as the line it reads back', () => {
    const line = knownSenderLine({ fingerprint: RFC1, name: "Observers' vault" });
    expect(line).toBe(`${RFC1} Observers' vault\n`);
    expect(parseKnownSenders(enc(line)).senders).toEqual([{ fingerprint: RFC1, name: "Observers' vault", addedAt: null }]);
  });

  it('lives in the XDG config folder, else ~/.config, or %APPDATA% on Windows', () => {
    expect(defaultKnownSendersPath({ XDG_CONFIG_HOME: '/x/config', HOME: '/home/a' }, 'linux')).toBe('/x/config/tamga/known_senders');
    expect(defaultKnownSendersPath({ HOME: '/home/a' }, 'linux')).toBe('/home/a/.config/tamga/known_senders');
    expect(defaultKnownSendersPath({ HOME: '/Users/a' }, 'darwin')).toBe('/Users/a/.config/tamga/known_senders');
  });
});

describe('sender names and fingerprints', () => {
  it('accepts fingerprints with spaces or colons between groups, in either case', () => {
    expect(parseFingerprint(RFC1.toUpperCase().match(/.{4}/g)?.join(' ') ?? '')).toBe(RFC1);
    expect(parseFingerprint(RFC1.match(/.{2}/g)?.join(':') ?? '')).toBe(RFC1);
    expect(parseFingerprint(RFC1.slice(1))).toBeNull();
    expect(parseFingerprint(`${RFC1.slice(1)}g`)).toBeNull();
  });

  it('stores names trimmed and NFC, and refuses empty, long, control and fingerprint-like ones', () => {
    expect(checkSenderName('  Observers\u2019 vault ')).toEqual({ name: 'Observers\u2019 vault' });
    expect(checkSenderName('Cafe\u0301')).toEqual({ name: 'Caf\u00e9' });
    expect(checkSenderName('   ')).toMatchObject({ reason: 'empty' });
    expect(checkSenderName('a'.repeat(201))).toMatchObject({ reason: 'tooLong' });
    expect(checkSenderName('a'.repeat(200))).toEqual({ name: 'a'.repeat(200) });
    expect(checkSenderName('two\nlines')).toMatchObject({ reason: 'control' });
    expect(checkSenderName('\u2066isolate')).toMatchObject({ reason: 'control' });
    expect(checkSenderName(RFC1)).toMatchObject({ reason: 'fingerprint' });
  });
});
