/**
 * README-VERIFY.txt: how a clerk or an auditor checks the bundle without Tamga, in plain
 * steps, with exactly the commands of layout.ts (VERIFY_COMMANDS, EXTRA_FILES_COMMAND,
 * COUNT_COMMAND, FINGERPRINT_COMMAND, TIMESTAMP_COMMANDS), each starting a line of its own,
 * ready to copy; then
 * what a pass proves and what it does not. No sentence may claim more than its step
 * checks: verify compares the numbers and the fingerprint stated here with the sealed
 * files (verify/readme-check.ts), so the lines that state them keep one fixed form.
 */
import {
  bundleFileCount,
  COUNT_COMMAND,
  CUSTODY_DIR,
  EXHIBITS_JSON,
  EXTRA_FILES_COMMAND,
  FINGERPRINT_COMMAND,
  PAYLOAD_DIR,
  README_VERIFY,
  REPORT_PDF,
  SEAL_PUBLIC_KEY,
  UNLISTABLE_FILES,
  CUSTODY_LOG_FILES,
  SEAL_SIGNATURE,
  TIMESTAMP_COMMANDS,
  TIMESTAMP_TOKEN,
  TSA_ROOT_NAME,
  VERIFY_COMMANDS,
  HOP_BAG_INFO,
  HOP_CUSTODY,
  HOP_FILES_COMMAND,
  HOP_JSON,
  HOP_SEAL_COMMAND,
  HOPS_DIR,
} from '../layout';
import { humanSize } from './text';

export interface ReadmeInput {
  readonly keyFingerprint: string;
  readonly exhibitCount: number;
  readonly payloadBytes: number;
  /** False for a bundle exported from a vault open read-only: it carries no custody log files. */
  readonly withCustodyLog: boolean;
  /** The files of the earlier hops the exhibits carry (metadata/hops/), 0 when none was received from another vault. */
  readonly hopFiles?: number;
}

/**
 * Step 7, only for a bundle whose exhibits carry earlier hops (docs/formats.md, "Hops"):
 * each hop's seal and the two files it must cover, with OpenSSL and sha256sum; what the
 * commands do not check (the chains' signatures, the links) is said, and left to tamga verify.
 */
function hopStep(hopFiles: number): string[] {
  if (hopFiles === 0) return [];
  return [
    '7. Earlier hops. Some exhibits came from other vaults before this one sealed them. For',
    `   each, ${HOPS_DIR}/<exhibit>/<n>/ holds earlier hop n (1 the oldest): the custody log the`,
    `   vault of that hop sealed for the exhibit (${HOP_CUSTODY}), that vault's ${HOP_BAG_INFO}, its tag`,
    `   manifest and its seal, copied byte for byte, and ${HOP_JSON}, which says where the`,
    '   "received" event that took the exhibit in from it is. Steps 1 and 2 checked that these',
    '   files are the ones sealed here. Each hop\'s own seal must print "Signature Verified',
    '   Successfully" (one line per hop):',
    '',
    HOP_SEAL_COMMAND,
    '',
    `   and each hop's ${HOP_BAG_INFO} and ${HOP_CUSTODY} must be the ones its seal covers (each line`,
    '   must end in "OK"):',
    '',
    HOP_FILES_COMMAND,
    '',
    "   Each hop's key is the key of the vault that sealed that hop; the vault that received",
    '   it recorded in its signed "received" event which key it checked and what the check',
    "   found. These commands do not check the custody logs' signatures, nor that each",
    '   "received" event names its hop; tamga verify does both and prints the path.',
    '',
  ];
}

export function readmeVerifyText(input: ReadmeInput): string {
  const [sha256Payload, sha512Payload, sha256Tags, opensslSeal] = VERIFY_COMMANDS;
  const files = `${input.exhibitCount} file${input.exhibitCount === 1 ? '' : 's'}`;
  const total = bundleFileCount(input.exhibitCount, input.withCustodyLog, input.hopFiles ?? 0);
  const [tagManifest, ...sealFiles] = UNLISTABLE_FILES;
  const [tsVerify, tsTime] = TIMESTAMP_COMMANDS;
  return [
    'HOW TO VERIFY THIS SEALED EVIDENCE BUNDLE',
    '',
    'This folder is a BagIt 1.0 bag (RFC 8493) sealed with an Ed25519 signature. Anyone can',
    'check it with standard tools: bash, sha256sum, sha512sum, sort, comm, cut, wc (GNU',
    'coreutils), find (GNU findutils), grep, sed, and OpenSSL 3.0 or later. No Tamga is',
    'needed. On Windows, run the commands in Git Bash or WSL. If you received a .zip file,',
    'unpack it first (for example: unzip bundle.zip) and open the one folder it holds.',
    '',
    `Exhibits: ${files} in ${PAYLOAD_DIR}/, ${input.payloadBytes} bytes (${humanSize(input.payloadBytes)}).`,
    `Files in this folder, this one included: ${total}.`,
    `Sealed by the key with fingerprint (SHA-256 of the Ed25519 public key):`,
    input.keyFingerprint,
    '',
    `Open a terminal in this folder (the one that holds ${README_VERIFY}) and run the`,
    'commands below one at a time. A command that takes several lines is copied whole.',
    '',
    '1. Every exhibit listed in the payload manifests is byte for byte what they list (each',
    '   line must end in "OK"):',
    '',
    sha256Payload,
    sha512Payload,
    '',
    '2. Every other file the tag manifest lists (bag-info.txt, this file, the manifests of',
    '   step 1, metadata, custody logs, reports) is what it lists (each line must end in "OK"):',
    '',
    sha256Tags,
    '',
    '3. The seal: a signature over the tag manifest of step 2, made with the key in',
    `   ${SEAL_PUBLIC_KEY}. It must print "Signature Verified Successfully":`,
    '',
    opensslSeal,
    '',
    '4. No file was added. Steps 1 to 3 check only the files the manifests list: they do',
    '   not notice a file added to the folder. The command below lists every file that no',
    `   manifest lists, except the three that cannot be listed: ${tagManifest ?? ''}`,
    '   (it cannot hold its own hash) and the seal files made from it,',
    `   ${sealFiles.join(' and ')}${input.withCustodyLog ? `, the custody log files written after the seal, ${CUSTODY_LOG_FILES.join(' and ')} (signed by the same key; tamga verify checks them),` : ','}`,
    '   and the timestamp files of step 6, seal/*.tsr and seal/*.tsa-chain.pem, which may be',
    '   added after the seal. It must print nothing:',
    '',
    EXTRA_FILES_COMMAND,
    '',
    `   Then count the files (the timestamp files of step 6 are not counted). This must print ${total}:`,
    '',
    COUNT_COMMAND,
    '',
    `5. Who sealed it. Step 3 proves only that the holder of the key in ${SEAL_PUBLIC_KEY}`,
    '   sealed this bundle. Print that key\'s fingerprint:',
    '',
    FINGERPRINT_COMMAND,
    '',
    '   and compare it, digit by digit, with the fingerprint the sender published or gave',
    '   you by another channel (a letter, a phone call, their website). Do not rely on the',
    '   fingerprint printed in this file or elsewhere in the bundle: it is itself inside the',
    '   bundle, so it proves nothing alone; whoever made the bundle chose it.',
    '',
    `6. When it was sealed, if a timestamp came with it. Tamga-Sealed-At in bag-info.txt is`,
    "   the sealer's own clock. A timestamp authority (TSA) may have timestamped the seal,",
    '   then or later: its answer is the file',
    `   ${TIMESTAMP_TOKEN}`,
    '   (a second TSA\'s is ….sig.2.tsr), which may have been sent to you afterwards to copy',
    '   into seal/. If there is none, skip this step: nothing dates the seal. Otherwise save',
    `   the root certificate the TSA publishes on its own website as ${TSA_ROOT_NAME}`,
    '   NEXT TO this folder (not in it; not a copy from this bundle, which whoever made the',
    '   bundle could have chosen), then run. It must print "Verification: OK":',
    '',
    tsVerify,
    '',
    '   This prints the time the TSA states (UTC) and its name:',
    '',
    tsTime,
    '',
    ...hopStep(input.hopFiles ?? 0),
    'WHAT A PASS PROVES, AND WHAT IT DOES NOT',
    '',
    `If steps 1 to 4 pass, this folder holds the files the sealed manifests list, the ${input.withCustodyLog ? 'five' : 'three'}`,
    'files named in step 4, perhaps timestamp files in seal/, and nothing else,',
    `each listed file unchanged since the holder of the key in ${SEAL_PUBLIC_KEY} signed the`,
    'tag manifest. Only step 5 says who that holder is. A pass does not prove:',
    '',
    '- when it was sealed: Tamga-Sealed-At in bag-info.txt is the sealer\'s own computer',
    `  clock. Only step 6, when it passes, dates the seal, and only this far: the TSA whose`,
    `  root you trust states that ${SEAL_SIGNATURE} existed no later than`,
    '  the time it prints (so the bundle was sealed then or earlier, not that it was made then);',
    `- what happened to an exhibit before sealing: the custody logs (${CUSTODY_DIR}/)`,
    '  record what the sealer\'s software recorded; these steps check that the logs are',
    '  unchanged, not that they are true, and do not check their signatures;',
    '- that an exhibit is authentic, or shows what anyone says it shows.',
    '',
    'With Tamga installed, one command does steps 1 to 5 and also checks each exhibit\'s',
    `custody log (its hash chain and signatures), and that what ${EXHIBITS_JSON},`,
    `this file and ${REPORT_PDF} state about the files (numbers, names, sizes,`,
    'hashes, the key) matches them:',
    '',
    'tamga verify <this folder or the .zip> --key <the fingerprint the sender published>',
    '',
    `and, for step 6, add --tsa-trust ${TSA_ROOT_NAME} (the TSA's root saved as above).`,
    '',
  ].join('\n');
}
