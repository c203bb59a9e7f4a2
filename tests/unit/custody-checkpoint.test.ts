// Signed checkpoints of the custody log (src/main/engine/custody/checkpoint.ts): the
// published C2SP and golang.org/x/mod/sumdb/note vectors, the strict reading of a note,
// refused tampering, and the worked example of docs/formats.md ("Custody log").
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signerFromSeed } from '../../src/main/engine/crypto/signing';
import {
  MAX_NOTE_SIGNATURES,
  ed25519KeyId,
  formatCheckpoint,
  keyIdHex,
  noteVerifier,
  openCheckpoint,
  openNote,
  parseCheckpoint,
  parseNote,
  parseVerifierKey,
  signCheckpoint,
  signNote,
  vaultLogOrigin,
  verifierKey,
  type Checkpoint,
  type CheckpointProblemCode,
} from '../../src/main/engine/custody/checkpoint';
import { MemoryMerkleLog, consistencyProof, custodyLeafHash, inclusionProof, treeRoot, verifyConsistency, verifyInclusion } from '../../src/main/engine/custody/merkle';
import { TamgaError } from '../../src/shared/errors';
import { ROOT } from '../helpers/child-process';

const problem = (reading: { readonly ok: boolean; readonly problem?: CheckpointProblemCode }): CheckpointProblemCode | null => (reading.ok ? null : (reading.problem ?? null));

// golang.org/x/mod sumdb/note/note_test.go (github.com/golang/mod, commit fe2ec04):
// TestNewVerifier, TestSign and TestOpen. The signer key is
// "PRIVATE+KEY+PeterNeumann+c74f20a3+" base64(0x01 ‖ the 32-byte Ed25519 seed).
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG = '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG = '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';
const peterSigner = (backend?: 'node' | 'tweetnacl') =>
  signerFromSeed(Buffer.from(PETER_SKEY.split('+').slice(4).join('+'), 'base64').subarray(1), backend === undefined ? {} : { backend });

// c2sp.org/signed-note (github.com/C2SP/C2SP signed-note.md, commit 5ba5ee8), "Example".
const FOO_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const FOO_NOTE = 'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';
// c2sp.org/tlog-checkpoint (same commit, tlog-checkpoint.md): its example checkpoint (no key is published for it).
const SOFA_NOTE =
  'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n';

// The worked example (docs/formats.md, "Custody log"): the vault of the vault-format worked
// example, the signing seed of the custody worked example (RFC 8032 test 1), and for leaves
// events 0 and 1 of the custody worked example.
const VAULT_ID = '00000000-0000-4000-8000-000000000001';
const SEED = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
const EVENT_HASHES = ['629f67d09da3ac0b48e855f15c75d66594eb0003fcc4c40c677976a81762f8ca', 'cd416e8a1107edbc7444d3d93599dbe0f767456a2dc4183914ba6afc91220199'];
const EXAMPLE = {
  origin: 'tamga.vault/00000000-0000-4000-8000-000000000001',
  leafHashes: ['4ec1bf72d83b559ddb6cb4d6f415ee85a96b492b01427dc8bcba2e89472f1477', '825127e253bc2a4740f3655e0edb799b6e85677273f0533414c4805b9315f6b8'],
  root: '818e228f99003e72cf506fd6be16621029154e87ce2f67d8b9e334ef15cecc29',
  keyId: '71ab77e1',
  vkey: 'tamga.vault/00000000-0000-4000-8000-000000000001+71ab77e1+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea',
  note: [
    'tamga.vault/00000000-0000-4000-8000-000000000001',
    '2',
    'gY4ij5kAPnLPUG/WvhZiECkVTofOL2fYueM07xXOzCk=',
    '',
    '— tamga.vault/00000000-0000-4000-8000-000000000001 cat34QN9RVf3GnttD80fAZWW2JSWnzaQWwuIeykx4+/pJ5WJREgMVBrs8SNDTaJorLVWMQ4P2He5lSg71AP0ltoC8Q8=',
    '',
  ].join('\n'),
};

describe('signed notes: the published vectors', () => {
  it('sign exactly as golang.org/x/mod/sumdb/note does, with either Ed25519 backend', () => {
    for (const backend of ['node', 'tweetnacl'] as const) expect(signNote(TEXT, 'PeterNeumann', peterSigner(backend))).toBe(`${TEXT}\n${PETER_SIG}`);
    expect(verifierKey(noteVerifier('PeterNeumann', peterSigner().publicKey))).toBe(PETER_VKEY);
  });

  it('compute the key ID as SHA-256(name ‖ 0x0a ‖ 0x01 ‖ public key)[0:4]', () => {
    const { publicKey } = peterSigner();
    const digest = createHash('sha256').update(Buffer.concat([Buffer.from('PeterNeumann\n', 'utf8'), Buffer.from([0x01]), publicKey])).digest();
    expect(keyIdHex(ed25519KeyId('PeterNeumann', publicKey))).toBe(digest.subarray(0, 4).toString('hex'));
    expect(keyIdHex(ed25519KeyId('PeterNeumann', publicKey))).toBe('c74f20a3');
    expect(keyIdHex(parseVerifierKey(ENOCH_VKEY).keyId)).toBe('af0cfe78');
    expect(keyIdHex(0x00000abc)).toBe('00000abc');
  });

  it('open the notes of the Go tests: verified signatures count, unknown ones are ignored', () => {
    const peter = parseVerifierKey(PETER_VKEY);
    const enoch = parseVerifierKey(ENOCH_VKEY);
    expect(openNote(`${TEXT}\n${PETER_SIG}`, peter)).toEqual({ ok: true, text: TEXT });
    expect(openNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, peter)).toEqual({ ok: true, text: TEXT });
    expect(openNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, enoch)).toEqual({ ok: true, text: TEXT });
    expect(problem(openNote(`${TEXT}\n${ENOCH_SIG}`, peter))).toBe('NO_SIGNATURE_BY_KEY');
    // "Invalid signature": four base64 digits inserted into the known key's signature.
    expect(problem(openNote(`${TEXT}\n${PETER_SIG.slice(0, 60)}ABCD${PETER_SIG.slice(60)}`, peter))).toBe('BAD_SIGNATURE');
    // A bad copy of a known key's signature spoils the note even beside a good one.
    expect(problem(openNote(`${TEXT}\n${PETER_SIG}${PETER_SIG.slice(0, 60)}ABCD${PETER_SIG.slice(60)}`, peter))).toBe('BAD_SIGNATURE');
    // Another name, or another key ID (the Go test's "x08g" → "xxxx"), is another key.
    expect(problem(openNote(`${TEXT}\n${PETER_SIG.replace('PeterNeumann', 'CarmenSandiego')}`, peter))).toBe('NO_SIGNATURE_BY_KEY');
    expect(problem(openNote(`${TEXT}\n${PETER_SIG.replace('x08g', 'xxxx')}`, peter))).toBe('NO_SIGNATURE_BY_KEY');
    // Repeated signatures are fine; more than 100 are not read.
    expect(openNote(`${TEXT}\n${PETER_SIG.repeat(MAX_NOTE_SIGNATURES)}`, peter).ok).toBe(true);
    expect(problem(openNote(`${TEXT}\n${PETER_SIG.repeat(MAX_NOTE_SIGNATURES + 1)}`, peter))).toBe('MALFORMED_NOTE');
  });

  it('refuse the malformed notes of the Go tests', () => {
    const peter = parseVerifierKey(PETER_VKEY);
    const bad: (string | Uint8Array)[] = [
      TEXT,
      `${TEXT}\n`,
      `${TEXT}\n${PETER_SIG.slice(0, -1)}`,
      `\x01${TEXT}\n${PETER_SIG}`,
      Buffer.concat([Buffer.from([0xff]), Buffer.from(`${TEXT}\n${PETER_SIG}`, 'utf8')]),
      `${TEXT}\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=`,
      `${TEXT}\n${PETER_SIG}Unexpected line.\n`,
    ];
    for (const note of bad) expect(problem(openNote(note, peter)), JSON.stringify(note.toString())).toBe('MALFORMED_NOTE');
  });

  it('read verifier keys as the Go tests do: every cut or changed byte is refused', () => {
    expect(verifierKey(parseVerifierKey(PETER_VKEY))).toBe(PETER_VKEY);
    const bytes = Buffer.from(PETER_VKEY, 'utf8');
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i + 1; j <= bytes.length; j++) {
        if (i === 0 && j === bytes.length) continue;
        expect(() => parseVerifierKey(bytes.subarray(i, j).toString('latin1')), `${i}:${j}`).toThrow(TamgaError);
      }
    }
    for (let i = 0; i < bytes.length; i++) {
      const changed = Buffer.from(bytes);
      changed[i] = (changed[i] ?? 0) + 1;
      expect(() => parseVerifierKey(changed.toString('latin1')), `byte ${i}`).toThrow(TamgaError);
    }
    expect(() => parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==')).toThrow(TamgaError); // wrong length
    expect(() => parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toThrow(TamgaError); // unknown algorithm
    expect(() => parseVerifierKey(PETER_VKEY.replace('c74f20a3', 'C74F20A3'))).toThrow(TamgaError); // hex is lower-case
  });

  it('verify the C2SP signed-note example and read the C2SP checkpoint example', () => {
    expect(openNote(FOO_NOTE, parseVerifierKey(FOO_VKEY))).toEqual({ ok: true, text: 'This is an example message.\n' });
    const reading = parseNote(SOFA_NOTE);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.note.signatures.map((s) => s.name)).toEqual(['example.com/behind-the-sofa']);
    expect(parseCheckpoint(reading.note.text)).toEqual({
      ok: true,
      checkpoint: { origin: 'example.com/behind-the-sofa', size: 20852163, root: Buffer.from('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'base64').toString('hex'), extensions: [] },
    });
  });
});

describe('reading a note strictly', () => {
  const signer = peterSigner();
  const peter = noteVerifier('PeterNeumann', signer.publicKey);
  const good = signNote(TEXT, 'PeterNeumann', signer);
  const [, b64 = ''] = PETER_SIG.trimEnd().split(' ').slice(1);

  it('refuses control characters, a hyphen for the em dash, bad names, bad base64 and short signatures', () => {
    const cases: Record<string, string> = {
      'CRLF line ends': good.replaceAll('\n', '\r\n'),
      'a tab': good.replace('problem,', 'problem,\t'),
      'a lone surrogate': good.replace('answer', 'answer\uD800'),
      'a hyphen': good.replace('— ', '- '),
      'no space after the dash': good.replace('— ', '—'),
      'a name with a plus': good.replace('— PeterNeumann', '— Peter+Neumann'),
      'a name with a no-break space': good.replace('— PeterNeumann', '— Peter\u00a0Neumann'),
      'an empty name': good.replace('— PeterNeumann ', '—  '),
      'no base64': good.replace(` ${b64}`, ''),
      'two spaces': good.replace(` ${b64}`, `  ${b64}`),
      'unpadded base64': good.replace(b64, b64.replace(/=+$/, '')),
      'stray bits in the base64': good.replace(`${b64.slice(0, -2)}M=`, `${b64.slice(0, -2)}N=`),
      'url-safe base64': good.replace(b64, b64.replaceAll('/', '_')),
      'four bytes only': good.replace(b64, 'x08gAA=='),
      'only empty lines after the text': `${TEXT}\n\n`,
      'text after the signatures': `${good}more\n`,
    };
    expect(cases['stray bits in the base64']).not.toBe(good);
    for (const [name, note] of Object.entries(cases)) expect(problem(openNote(note, peter)), name).toBe('MALFORMED_NOTE');
  });

  it('splits at the last empty line, so the text may hold empty lines', () => {
    const text = 'first\n\nsecond\n';
    const note = signNote(text, 'PeterNeumann', signer);
    expect(openNote(note, peter)).toEqual({ ok: true, text });
    expect(openNote(Buffer.from(note, 'utf8'), peter)).toEqual({ ok: true, text });
  });

  it('signs only a text that ends with a line feed, under a valid name', () => {
    for (const text of ['', 'no line feed', 'a\r\n', 'bad \uDC00\n']) expect(() => signNote(text, 'PeterNeumann', signer), JSON.stringify(text)).toThrow(TamgaError);
    for (const name of ['', 'a b', 'a+b', 'tab\t']) expect(() => signNote(TEXT, name, signer), JSON.stringify(name)).toThrow(TamgaError);
  });
});

describe('checkpoints', () => {
  const signer = signerFromSeed(SEED);
  const origin = vaultLogOrigin(VAULT_ID);
  const verifier = noteVerifier(origin, signer.publicKey);
  const log = new MemoryMerkleLog();
  for (const hash of EVENT_HASHES) log.appendEvent(hash);
  const checkpoint: Checkpoint = { origin, size: 2, root: treeRoot(log), extensions: [] };

  it('match the worked example in docs/formats.md exactly', () => {
    expect(origin).toBe(EXAMPLE.origin);
    expect(EVENT_HASHES.map((hash) => custodyLeafHash(hash).toString('hex'))).toEqual(EXAMPLE.leafHashes);
    expect(checkpoint.root).toBe(EXAMPLE.root);
    expect(inclusionProof(log, 0)).toEqual([EXAMPLE.leafHashes[1]]);
    expect(inclusionProof(log, 1)).toEqual([EXAMPLE.leafHashes[0]]);
    expect(consistencyProof(log, 1)).toEqual([EXAMPLE.leafHashes[1]]);
    expect(keyIdHex(verifier.keyId)).toBe(EXAMPLE.keyId);
    expect(verifierKey(verifier)).toBe(EXAMPLE.vkey);
    expect(signCheckpoint(checkpoint, signer)).toBe(EXAMPLE.note);
    expect(openCheckpoint(EXAMPLE.note, parseVerifierKey(EXAMPLE.vkey), { origin })).toEqual({ ok: true, checkpoint });

    const docs = readFileSync(join(ROOT, 'docs', 'formats.md'), 'utf8');
    expect(docs).toContain(`\`\`\`\n${EXAMPLE.note}\`\`\``);
    for (const value of [EXAMPLE.vkey, EXAMPLE.root, EXAMPLE.keyId, ...EXAMPLE.leafHashes, ...EVENT_HASHES]) expect(docs).toContain(value);
  });

  it('round-trip: signed, read, verified; the proofs check against the verified root', () => {
    const note = signCheckpoint({ ...checkpoint, extensions: ['tamga 0.2.0', 'x y z'] }, signer);
    const opened = openCheckpoint(note, verifier, { origin });
    expect(opened).toEqual({ ok: true, checkpoint: { ...checkpoint, extensions: ['tamga 0.2.0', 'x y z'] } });
    if (!opened.ok) return;
    const { size, root } = opened.checkpoint;
    expect(verifyInclusion({ leafHash: EXAMPLE.leafHashes[1] ?? '', index: 1, size, proof: inclusionProof(log, 1), root }).ok).toBe(true);
    const older = openCheckpoint(signCheckpoint({ ...checkpoint, size: 1, root: treeRoot(log, 1) }, signer), verifier, { origin });
    expect(older.ok && verifyConsistency({ oldSize: older.checkpoint.size, newSize: size, oldRoot: older.checkpoint.root, newRoot: root, proof: consistencyProof(log, 1) }).ok).toBe(true);
    expect(formatCheckpoint({ origin, size: 0, root: treeRoot(new MemoryMerkleLog()), extensions: [] })).toBe(`${origin}\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n`);
  });

  it('refuse a changed size, root, origin or signature, another key, and another log', () => {
    const note = EXAMPLE.note;
    const sig = note.split(' ').at(-1)?.trimEnd() ?? '';
    const flipped = Buffer.from(sig, 'base64');
    flipped[20] = (flipped[20] ?? 0) ^ 1;
    const otherSigner = signerFromSeed(Buffer.alloc(32, 1));
    const otherVault = vaultLogOrigin('00000000-0000-4000-8000-000000000002');
    const cases: [string, string, CheckpointProblemCode][] = [
      ['size', note.replace('\n2\n', '\n3\n'), 'BAD_SIGNATURE'],
      ['root', note.replace('gY4ij5k', 'gY4ij5j'), 'BAD_SIGNATURE'],
      ['origin in the text', note.replace('tamga.vault/00000000-0000-4000-8000-000000000001\n2', `${otherVault}\n2`), 'BAD_SIGNATURE'],
      ['signature', note.replace(sig, flipped.toString('base64')), 'BAD_SIGNATURE'],
      ['key ID', note.replace(sig, `AAAAAA${sig.slice(6)}`), 'NO_SIGNATURE_BY_KEY'],
      ['key name', note.replace(`— ${origin}`, `— ${otherVault}`), 'NO_SIGNATURE_BY_KEY'],
      ['another key', signCheckpoint(checkpoint, otherSigner), 'NO_SIGNATURE_BY_KEY'],
      ['another log, signed under this name', signCheckpoint({ ...checkpoint, origin: otherVault }, signer, origin), 'WRONG_ORIGIN'],
      ['not a checkpoint', signNote('hello\n', origin, signer), 'MALFORMED_CHECKPOINT'],
      ['no signature', note.slice(0, note.indexOf('\n\n') + 1), 'MALFORMED_NOTE'],
    ];
    for (const [name, tampered, want] of cases) {
      expect(tampered, name).not.toBe(note);
      expect(problem(openCheckpoint(tampered, verifier, { origin })), name).toBe(want);
    }
    // The same key under another vault's name is another verifier.
    expect(problem(openCheckpoint(note, noteVerifier(otherVault, signer.publicKey)))).toBe('NO_SIGNATURE_BY_KEY');
    // Without an expected origin, any log this key signed is read.
    expect(openCheckpoint(signCheckpoint({ ...checkpoint, origin: otherVault }, signer, origin), verifier).ok).toBe(true);
  });

  it('reads only well-formed bodies', () => {
    const b64 = 'gY4ij5kAPnLPUG/WvhZiECkVTofOL2fYueM07xXOzCk=';
    const ok = (text: string): boolean => parseCheckpoint(text).ok;
    expect(ok(`o\n2\n${b64}\n`)).toBe(true);
    expect(ok(`o\n0\n${b64}\n`)).toBe(true);
    expect(ok(`o\n9007199254740991\n${b64}\next\n`)).toBe(true);
    for (const text of [
      `o\n2\n${b64}`, // no final line feed
      `o\n2\n`,
      `\n2\n${b64}\n`,
      `o\n02\n${b64}\n`,
      `o\n+2\n${b64}\n`,
      `o\n 2\n${b64}\n`,
      `o\n2.0\n${b64}\n`,
      `o\n-1\n${b64}\n`,
      `o\n9007199254740992\n${b64}\n`,
      `o\n2\n${b64.replace('=', '')}\n`,
      `o\n2\n${b64.replace('k=', 'l=')}\n`, // stray bits
      `o\n2\n${Buffer.alloc(31).toString('base64')}\n`,
      `o\n2\n${Buffer.from(b64, 'base64').toString('hex')}\n`,
      `o\n2\n${b64}\n\n`,
      `o\n2\n${b64}\next\n\n`,
    ]) {
      expect(ok(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('formats only what it can sign', () => {
    for (const bad of [
      { ...checkpoint, origin: '' },
      { ...checkpoint, origin: 'two\nlines' },
      { ...checkpoint, size: -1 },
      { ...checkpoint, size: 1.5 },
      { ...checkpoint, root: checkpoint.root.toUpperCase() },
      { ...checkpoint, extensions: [''] },
      { ...checkpoint, extensions: ['a\nb'] },
    ]) {
      expect(() => formatCheckpoint(bad), JSON.stringify(bad)).toThrow(TamgaError);
    }
    for (const id of ['', 'vault:00000000-0000-4000-8000-000000000001', '5F0E1C2A-7D1B-4C3E-9A6F-0B8D2E4F6A10', `${VAULT_ID}\n`]) expect(() => vaultLogOrigin(id)).toThrow(TamgaError);
  });
});
