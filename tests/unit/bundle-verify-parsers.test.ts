// The strict readers behind `tamga verify`: manifests, bagit.txt, bag-info.txt, paths and
// the seal's key. Each rule a bundle can break is named with the code and sentence a user
// reads, and what sha256sum and BagIt accept is accepted.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { VerifyProblem } from '../../src/shared/bundle';
import { keyFingerprint, newSigningSeed, publicKeyPem, signerFromSeed } from '../../src/main/engine/crypto/signing';
import { checkPayloadOxum, parseBagInfo } from '../../src/main/engine/bundle/verify/bag-info';
import { checkBagitTxt } from '../../src/main/engine/bundle/verify/bagit';
import { parseManifest, type Manifest, type ManifestKind } from '../../src/main/engine/bundle/verify/manifest';
import { unsafePathReason } from '../../src/main/engine/bundle/verify/safe-path';
import { normaliseFingerprint, rawEd25519Key } from '../../src/main/engine/bundle/verify/seal';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

function manifest(text: string | Buffer, kind: ManifestKind = 'payload'): { m: Manifest; problems: VerifyProblem[] } {
  const problems: VerifyProblem[] = [];
  const name = kind === 'payload' ? 'manifest-sha256.txt' : 'tagmanifest-sha256.txt';
  const m = parseManifest(name, kind, 'sha256', typeof text === 'string' ? Buffer.from(text) : text, problems);
  return { m, problems };
}

describe('manifest lines', () => {
  it('reads what sha256sum writes (text and binary mode, either case of hex, LF or CRLF)', () => {
    const { m, problems } = manifest(`${A}  data/E0001_a.jpg\n${B.toUpperCase()} *data/E0002_Ақмола.mp4\r\n`);
    expect(problems).toEqual([]);
    expect([...m.entries]).toEqual([
      ['data/E0001_a.jpg', { digest: A, line: 1 }],
      ['data/E0002_Ақмола.mp4', { digest: B, line: 2 }],
    ]);
  });

  it('decodes the three RFC 8493 percent escapes and refuses any other "%"', () => {
    expect([...manifest(`${A}  data/E0001_100%25.jpg\n`).m.entries.keys()]).toEqual(['data/E0001_100%.jpg']);
    const bare = manifest(`${A}  data/E0001_100%.jpg\n${A}  data/E0002_%41.jpg\n`).problems;
    expect(bare.map((p) => [p.code, p.line])).toEqual([
      ['MANIFEST_LINE_INVALID', 1],
      ['MANIFEST_LINE_INVALID', 2],
    ]);
    // %0A decodes to a line feed, which no bundle path may hold.
    expect(manifest(`${A}  data/E0001_a%0Ab.jpg\n`).problems[0]?.message).toMatch(/control character/);
  });

  it('refuses lines that are not "<digest>  <path>", naming the line', () => {
    const bad = [`${A} data/x`, `${A}\tdata/x`, `${'a'.repeat(63)}  data/x`, `${'g'.repeat(64)}  data/x`, '', `${A}  `];
    const { problems } = manifest(`${bad.join('\n')}\n${A}  data/ok\n`);
    expect(problems.map((p) => p.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(problems.every((p) => p.code === 'MANIFEST_LINE_INVALID' && p.path === 'manifest-sha256.txt')).toBe(true);
    expect(problems[2]?.message).toBe(`Line 3 of manifest-sha256.txt has a digest of 63 hex digits; sha256 has 64: "${'a'.repeat(63)}  data/x".`);
  });

  it('refuses paths that leave the bundle or sit in the wrong part of it', () => {
    const paths = ['data/../../etc/passwd', '/etc/passwd', 'data\\x', 'C:/x', 'data//x', 'data/./x', 'bag-info.txt'];
    const { problems, m } = manifest(paths.map((p) => `${A}  ${p}\n`).join(''));
    expect(m.entries.size).toBe(0);
    expect(problems.map((p) => p.message.replace(/^Line \d+ of manifest-sha256.txt /, '').replace(/: ".*$/, ''))).toEqual([
      'names a path that is not allowed (it climbs out of its folder with "..")',
      'names a path that is not allowed (it is an absolute path)',
      'names a path that is not allowed (it contains a backslash, which Windows reads as a folder separator)',
      'names a path that is not allowed (it starts with a drive letter)',
      'names a path that is not allowed (it contains an empty component ("//" or a trailing "/"))',
      'names a path that is not allowed (it contains a "." component)',
      'lists a file outside data/, which a payload manifest may not',
    ]);
    expect(manifest(`${A}  data/E0001_a.jpg\n`, 'tag').problems[0]?.message).toMatch(/lists a payload file/);
  });

  it('tells a repeated line from a conflicting one, and ties a conflict to its exhibit', () => {
    const { problems, m } = manifest(`${A}  data/E0001_a.jpg\n${A}  data/E0001_a.jpg\n${B}  data/E0001_a.jpg\n`);
    expect(problems.map((p) => [p.code, p.line, p.exhibit])).toEqual([
      ['MANIFEST_DUPLICATE_LINE', 2, undefined],
      ['MANIFEST_CONFLICT', 3, 'E0001'],
    ]);
    expect(m.entries.get('data/E0001_a.jpg')?.digest).toBe(A);
    expect([...m.conflicted]).toEqual(['data/E0001_a.jpg']);
  });

  it('refuses a manifest with a byte-order mark or bytes that are not UTF-8', () => {
    expect(manifest(`\uFEFF${A}  data/x\n`).problems[0]?.message).toMatch(/byte-order mark/);
    expect(manifest(Buffer.concat([Buffer.from(`${A}  data/`), Buffer.from([0xc3, 0x28]), Buffer.from('\n')])).problems[0]?.message).toMatch(/not valid UTF-8/);
  });
});

describe('bagit.txt', () => {
  it('accepts the two BagIt 1.0 lines (LF or CRLF) and nothing else', () => {
    expect(checkBagitTxt(Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'))).toEqual([]);
    expect(checkBagitTxt(Buffer.from('BagIt-Version: 1.0\r\nTag-File-Character-Encoding: utf-8\r\n'))).toEqual([]);
    expect(checkBagitTxt(null).map((p) => p.code)).toEqual(['BAGIT_TXT_MISSING']);
    expect(checkBagitTxt(Buffer.from('BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n'))[0]?.message).toBe(
      'The bag is BagIt version "0.97"; Tamga bundles are version 1.0 (RFC 8493).',
    );
    expect(checkBagitTxt(Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: ISO-8859-1\nX: y\n')).map((p) => p.line)).toEqual([2, 3]);
  });
});

describe('bag-info.txt and Payload-Oxum', () => {
  it('joins continuation lines and compares labels without regard to case', () => {
    const problems: VerifyProblem[] = [];
    const info = parseBagInfo(Buffer.from('External-Description: Сайлау учаскесі\n  №12, Ақмола\npayload-oxum: 10.2\n'), problems);
    expect(problems).toEqual([]);
    expect(info?.get('External-Description')).toBe('Сайлау учаскесі №12, Ақмола');
    expect(checkPayloadOxum(info, 10, 2)).toEqual([]);
  });

  it('refuses a second Payload-Oxum or key fingerprint, and lines that are no "Label: value"', () => {
    const problems: VerifyProblem[] = [];
    const info = parseBagInfo(Buffer.from('Payload-Oxum: 10.2\nPayload-Oxum: 99.9\nnot a field\nTamga-Key-Fingerprint: a\nTAMGA-KEY-FINGERPRINT: b\n'), problems);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['BAG_INFO_INVALID', 2],
      ['BAG_INFO_INVALID', 3],
      ['BAG_INFO_INVALID', 5],
    ]);
    expect(info?.get('payload-oxum')).toBe('10.2');
  });

  it('says how the payload differs from its Payload-Oxum', () => {
    const info = parseBagInfo(Buffer.from('Payload-Oxum: 2048.2\n'), []);
    expect(checkPayloadOxum(info, 2048, 3)[0]?.message).toBe(
      'Payload-Oxum says the payload is 2048 bytes in 2 files, but the bundle holds 2048 bytes in 3 files: files were added, removed or changed.',
    );
    expect(checkPayloadOxum(parseBagInfo(Buffer.from('Payload-Oxum: 2048\n'), []), 2048, 2).map((p) => p.code)).toEqual(['PAYLOAD_OXUM_INVALID']);
    expect(checkPayloadOxum(parseBagInfo(Buffer.from('Bagging-Date: 2021-01-10\n'), []), 2048, 2).map((p) => p.code)).toEqual(['PAYLOAD_OXUM_MISSING']);
  });
});

describe('paths inside a bundle', () => {
  it.each([
    ['a Kazakh exhibit name', 'data/E0001_Ақмола сайлау.jpg', null],
    ['a custody log', 'metadata/custody/E0001.jsonl', null],
    ['".."', '../x', 'it climbs out of its folder with ".."'],
    ['NUL', 'data/E0001_a\u0000.jpg', 'it contains a NUL character'],
    ['an escape sequence', 'data/E0001_a\u001b[2J.jpg', 'it contains a control character'],
    ['a stream name', 'data/E0001_a.jpg:stream', 'it contains a colon (a drive letter or a Windows stream name)'],
    ['41 levels', `${'a/'.repeat(40)}x`, 'it is nested more than 32 folders deep'],
    ['5000 bytes', 'a'.repeat(5000), 'it is longer than 4096 bytes'],
    ['a lone surrogate', 'data/\uD800.jpg', 'it is not valid Unicode'],
  ])('%s', (_label, path, reason) => {
    expect(unsafePathReason(path)).toBe(reason);
  });
});

describe('the seal key', () => {
  it('reads the raw Ed25519 key of signer.pem, and nothing else', () => {
    const signer = signerFromSeed(newSigningSeed());
    const raw = rawEd25519Key(Buffer.from(publicKeyPem(signer.publicKey)));
    expect(raw === null ? null : keyFingerprint(raw)).toBe(keyFingerprint(signer.publicKey));
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(rawEd25519Key(Buffer.from(rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString()))).toBeNull();
    const ed = generateKeyPairSync('ed25519');
    // A private key would give createPublicKey a public key too: signer.pem must hold a public one.
    expect(rawEd25519Key(Buffer.from(ed.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()))).toBeNull();
    expect(rawEd25519Key(Buffer.from('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'))).toBeNull();
  });

  it('takes a pinned fingerprint as people copy it (case, spaces, colons) and refuses anything shorter', () => {
    const fp = 'ab'.repeat(32);
    expect(normaliseFingerprint(fp.toUpperCase().match(/.{4}/g)?.join(' ') ?? '')).toBe(fp);
    expect(normaliseFingerprint(fp.match(/.{2}/g)?.join(':') ?? '')).toBe(fp);
    expect(() => normaliseFingerprint('7d01')).toThrow(/64 hexadecimal digits/);
  });
});
