// The small tag files: what a user types can never add a line or a label to bag-info.txt,
// README-VERIFY.txt gives exactly the auditor's commands, and reports show hostile text
// as text.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bagInfoText, type BagInfoInput } from '../../src/main/engine/bundle/export/bag-info';
import { neutraliseFormula } from '../../src/main/engine/bundle/export/exhibits-csv';
import { readmeVerifyText } from '../../src/main/engine/bundle/export/readme-verify';
import { sealTagManifest } from '../../src/main/engine/bundle/export/seal';
import { escapeHtml } from '../../src/main/engine/bundle/export/report-html';
import { oneLine, visibleName } from '../../src/main/engine/bundle/export/text';
import { BAG_INFO_LABELS, COUNT_COMMAND, EXTRA_FILES_COMMAND, FINGERPRINT_COMMAND, TIMESTAMP_COMMANDS, VERIFY_COMMANDS } from '../../src/main/engine/bundle/layout';
import { signerFromSeed, verifySignature } from '../../src/main/engine/crypto/signing';

const FINGERPRINT = 'fe812c12f3ab4ce6ac5db69ac352f906cb1b11ef43fb33e252ef7ff552263889';

const input: BagInfoInput = {
  organization: 'Election observers of Akmola',
  contactName: 'Айгерім Сәтбаева',
  contactEmail: 'aigerim@example.org',
  description: 'Ballot stuffing at polling station 12',
  caseIdentifier: '2-1234/2021',
  recipient: 'Almaty City Court',
  bundleId: '00000000-0000-4000-8000-000000000001',
  sealedAt: '2021-01-12T10:00:00.000Z',
  vaultId: '00000000-0000-4000-8000-000000000002',
  keyFingerprint: FINGERPRINT,
  payloadBytes: 2_483_917,
  payloadFiles: 3,
};

describe('bag-info.txt', () => {
  it('writes every field on one labelled line, in the layout order', () => {
    expect(bagInfoText(input)).toBe(
      [
        'Source-Organization: Election observers of Akmola',
        'Contact-Name: Айгерім Сәтбаева',
        'Contact-Email: aigerim@example.org',
        'Bagging-Date: 2021-01-12',
        'Payload-Oxum: 2483917.3',
        'Bag-Size: 2.5 MB',
        'External-Identifier: 2-1234/2021',
        'External-Description: Ballot stuffing at polling station 12',
        'Tamga-Bundle-Format: 1',
        'Tamga-Bundle-Id: 00000000-0000-4000-8000-000000000001',
        'Tamga-Recipient: Almaty City Court',
        'Tamga-Signer: 00000000-0000-4000-8000-000000000002',
        `Tamga-Key-Fingerprint: ${FINGERPRINT}`,
        'Tamga-Sealed-At: 2021-01-12T10:00:00.000Z',
        '',
      ].join('\n'),
    );
  });

  it('folds line breaks of every kind, so typed text cannot forge a label or a continuation', () => {
    const forged = bagInfoText({
      ...input,
      recipient: 'Court\r\nTamga-Key-Fingerprint: 0000\n Payload-Oxum: 1.1',
      description: 'one\u2028two\u0085three\u000bfour\u202Eevil',
      organization: '   ',
    });
    const lines = forged.trimEnd().split('\n');
    expect(lines.every((l) => /^[A-Za-z-]+: \S/.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith('Tamga-Key-Fingerprint:'))).toEqual([`Tamga-Key-Fingerprint: ${FINGERPRINT}`]);
    expect(lines.filter((l) => l.startsWith('Payload-Oxum:'))).toEqual(['Payload-Oxum: 2483917.3']);
    expect(forged).toContain('Tamga-Recipient: Court Tamga-Key-Fingerprint: 0000 Payload-Oxum: 1.1\n');
    expect(forged).toContain('External-Description: one two three four evil\n');
    // An empty field is left out, not written as "Label: ".
    expect(forged).not.toContain('Source-Organization');
    expect(lines.map((l) => l.split(':')[0])).toEqual(BAG_INFO_LABELS.filter((l) => l !== 'Source-Organization' && l !== 'Bag-Group-Identifier'));
  });

  it('caps a huge value', () => {
    expect(Array.from(oneLine('Қ'.repeat(10_000))).length).toBe(4_000);
  });
});

describe('README-VERIFY.txt', () => {
  it('gives exactly the verify commands, each alone on a line, then the fingerprint command and the fingerprint', () => {
    const text = readmeVerifyText({ keyFingerprint: FINGERPRINT, exhibitCount: 3, payloadBytes: 2_483_917, withCustodyLog: true });
    const commands = text.split('\n').filter((line) => /^(sha256sum|sha512sum|openssl) /.test(line));
    expect(commands).toEqual([...VERIFY_COMMANDS, FINGERPRINT_COMMAND, ...TIMESTAMP_COMMANDS]);
    expect(text.split('\n')).toContain(FINGERPRINT);
    expect(text).toContain('Exhibits: 3 files in data/, 2483917 bytes');
  });

  it('gives the extra-files step and the count, with the number the count must print', () => {
    const text = readmeVerifyText({ keyFingerprint: FINGERPRINT, exhibitCount: 3, payloadBytes: 2_483_917, withCustodyLog: true });
    expect(text).toContain(`\n${EXTRA_FILES_COMMAND}\n`);
    expect(text).toContain(`\n${COUNT_COMMAND}\n`);
    // 3 payload files, 3 custody logs, 10 tag files, the tag manifest, the two seal files and the two custody log files.
    expect(text).toContain('This must print 21:');
    expect(text).toContain('Files in this folder, this one included: 21.');
  });

  it('is as docs/formats.md gives it: the extra-files command and the worked example', async () => {
    const docs = await readFile(join(import.meta.dirname, '../../docs/formats.md'), 'utf8');
    expect(docs).toContain(`\n\`\`\`\n${EXTRA_FILES_COMMAND}\n\`\`\`\n`);
    expect(docs).toContain(`\n\`\`\`\n${COUNT_COMMAND}\n\`\`\`\n`);
    expect(docs).toContain(`\n\`\`\`\n${TIMESTAMP_COMMANDS.join('\n')}\n\`\`\`\n`);
    const text = readmeVerifyText({ keyFingerprint: FINGERPRINT, exhibitCount: 3, payloadBytes: 2_483_917, withCustodyLog: true }).split('\n');
    for (const line of ['Exhibits: 3 files in data/, 2483917 bytes (2.5 MB).', 'Files in this folder, this one included: 21.']) {
      expect(text).toContain(line);
      expect(docs).toContain(`\`${line}\``);
    }
  });

  it('says what a pass does not prove, and never that nothing was added or changed', () => {
    const text = readmeVerifyText({ keyFingerprint: FINGERPRINT, exhibitCount: 1, payloadBytes: 10, withCustodyLog: true });
    expect(text).toContain('A pass does not prove:');
    expect(text).toContain("own computer\n  clock");
    expect(text).toContain("record what the sealer's software recorded");
    expect(text).toContain('it is itself inside the\n   bundle, so it proves nothing alone');
    expect(text).not.toMatch(/nothing in this bundle was added/i);
    // The Tamga command asks for the published fingerprint, not the one printed here.
    expect(text.split('\n').filter((l) => l.startsWith('tamga verify'))).toEqual(['tamga verify <this folder or the .zip> --key <the fingerprint the sender published>']);
  });
});

describe('text for people', () => {
  it('escapes HTML so a hostile name is shown, never run', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>.jpg')).toBe('&lt;img src=x onerror=alert(1)&gt;.jpg');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });

  it('writes out invisible and reordering characters in names', () => {
    expect(visibleName('photo\u202Egpj.exe')).toBe('photo[U+202E]gpj.exe');
    expect(visibleName('a\u200Bb\nc')).toBe('a[U+200B]b[U+000A]c');
  });

  it('keeps spreadsheets from running a cell as a formula', () => {
    expect(neutraliseFormula('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(neutraliseFormula('+7 701 000 00 00')).toBe(`'+7 701 000 00 00`);
    expect(neutraliseFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseFormula('Ақмола')).toBe('Ақмола');
  });
});

describe('the seal (docs/formats.md worked example)', () => {
  it('signs the exact bytes of the tag manifest, and plain Ed25519 verifies it', () => {
    const signer = signerFromSeed(Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex'));
    const fingerprint = createHash('sha256').update(signer.publicKey).digest('hex');
    expect(fingerprint).toBe('21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9');
    const info = bagInfoText({
      organization: 'Election observers of Akmola',
      contactName: '',
      contactEmail: '',
      description: '',
      caseIdentifier: '2-1234/2021',
      recipient: 'Almaty City Court',
      bundleId: '00000000-0000-4000-8000-00000000b0d1',
      sealedAt: '2021-01-12T10:00:00.000Z',
      vaultId: '00000000-0000-4000-8000-000000000001',
      keyFingerprint: fingerprint,
      payloadBytes: 6,
      payloadFiles: 1,
    });
    const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
    const manifest = Buffer.from(`${sha('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n')}  bagit.txt\n${sha(info)}  bag-info.txt\n`);
    expect(manifest.toString()).toBe(
      '1712ecfb074bf29c4188ad3421032509159a09739fd604f8fe57038b4ddefcc9  bagit.txt\nfa4c3186f75e5712b0ff286bd7eb7330979d2cf7b0102620e9b9b7acb7bcb848  bag-info.txt\n',
    );
    const seal = sealTagManifest(signer, manifest);
    expect(seal.signature.toString('hex')).toBe(
      'b5ce010e26971270d09815b3a584381ff9c89a066d0abe0638f616de363d5df11c21e0ec40642ae9c546281d9f5c5c8cfd7cb71c3311e46bb60a7f8f9c586709',
    );
    expect(seal.publicKeyPem).toBe('-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n');
    expect(verifySignature(manifest, seal.signature, signer.publicKey, { backend: 'tweetnacl' })).toBe(true);
  });
});
