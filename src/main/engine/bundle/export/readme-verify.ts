/**
 * README-VERIFY.txt: how a clerk or an auditor checks the bundle without Tamga, in plain
 * steps, with exactly the commands of VERIFY_COMMANDS (each alone on its line, ready to
 * copy), then FINGERPRINT_COMMAND and the fingerprint to compare. The commands are
 * layout.ts's; this file only says what each one proves.
 */
import { FINGERPRINT_COMMAND, PAYLOAD_DIR, README_VERIFY, VERIFY_COMMANDS } from '../layout';
import { humanSize } from './text';

export interface ReadmeInput {
  readonly keyFingerprint: string;
  readonly exhibitCount: number;
  readonly payloadBytes: number;
}

export function readmeVerifyText(input: ReadmeInput): string {
  const [sha256Payload, sha512Payload, sha256Tags, opensslSeal] = VERIFY_COMMANDS;
  const files = `${input.exhibitCount} file${input.exhibitCount === 1 ? '' : 's'}`;
  return [
    'HOW TO VERIFY THIS SEALED EVIDENCE BUNDLE',
    '',
    'This folder is a BagIt 1.0 bag (RFC 8493) sealed with an Ed25519 signature. Anyone can',
    'check it with standard tools: sha256sum and sha512sum (GNU coreutils) and OpenSSL 3.0 or',
    'later. No Tamga is needed. On Windows, run the commands in Git Bash or WSL.',
    '',
    `Exhibits: ${files} in ${PAYLOAD_DIR}/, ${input.payloadBytes} bytes (${humanSize(input.payloadBytes)}).`,
    `Sealed by the key with fingerprint (SHA-256 of the Ed25519 public key):`,
    input.keyFingerprint,
    '',
    `Open a terminal in this folder (the one that holds ${README_VERIFY}) and run the`,
    'commands below, one line at a time.',
    '',
    '1. Every exhibit is byte for byte what was sealed (each line must end in "OK"):',
    '',
    sha256Payload,
    sha512Payload,
    '',
    `   Also count the files in ${PAYLOAD_DIR}/: there must be exactly ${input.exhibitCount}. The commands`,
    '   above check every listed file but do not notice a file added to the folder.',
    '',
    '2. The exhibit list, metadata, custody logs and reports are what was sealed (each line',
    '   must end in "OK"):',
    '',
    sha256Tags,
    '',
    '3. The seal: a signature over the tag manifest, which lists the hashes of step 2, which',
    '   cover the manifests of step 1. It must print "Signature Verified Successfully":',
    '',
    opensslSeal,
    '',
    '4. Who sealed it. Step 3 proves only that the holder of the key in seal/signer.pem',
    '   sealed this bundle. Print that key\'s fingerprint:',
    '',
    FINGERPRINT_COMMAND,
    '',
    '   and compare it, digit by digit, with the fingerprint the sender published or gave',
    '   you by another channel (a letter, a phone call, their website). Do not rely on the',
    '   fingerprint printed in this file or elsewhere in the bundle: whoever could change',
    '   the bundle could change those too. For this bundle it must be:',
    '',
    input.keyFingerprint,
    '',
    'If every step passes, nothing in this bundle was added, removed or changed since the',
    'holder of that key sealed it. With Tamga installed, one command does all of the above',
    'and also checks each exhibit\'s chain of custody (metadata/custody/):',
    '',
    `tamga verify <this folder or the .zip> --key ${input.keyFingerprint}`,
    '',
  ].join('\n');
}
