/**
 * Sealed bundle format v1 (BagIt 1.0, RFC 8493, plus Tamga's seal): the names of every
 * file in a bundle and the fields of its tag files. Export writes these names and verify
 * expects them; neither spells a path itself. docs/formats.md describes the whole format.
 */

export const BUNDLE_FORMAT_VERSION = 1;

export const BAGIT_TXT = 'bagit.txt';
export const BAGIT_TXT_CONTENT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
export const BAG_INFO_TXT = 'bag-info.txt';
export const MANIFEST_SHA256 = 'manifest-sha256.txt';
export const MANIFEST_SHA512 = 'manifest-sha512.txt';
export const TAGMANIFEST_SHA256 = 'tagmanifest-sha256.txt';
export const PAYLOAD_DIR = 'data';
export const EXHIBITS_JSON = 'metadata/exhibits.json';
export const EXHIBITS_CSV = 'metadata/exhibits.csv';
export const CUSTODY_DIR = 'metadata/custody';
export const VAULT_KEY_JSON = 'metadata/vault-key.json';
export const REPORT_PDF = 'report/exhibit-list.pdf';
export const REPORT_HTML = 'report/exhibit-list.html';
export const README_VERIFY = 'README-VERIFY.txt';
export const SEAL_SIGNATURE = 'seal/tagmanifest-sha256.txt.sig';
export const SEAL_PUBLIC_KEY = 'seal/signer.pem';

/** Exhibit numbers are E0001, E0002 …; the number also names the custody file. */
export function exhibitNumber(index: number): string {
  return `E${String(index + 1).padStart(4, '0')}`;
}

export function custodyFile(exhibit: string): string {
  return `${CUSTODY_DIR}/${exhibit}.jsonl`;
}

/**
 * Earlier hops (docs/formats.md, "Hops"): an exhibit received from another vault carries,
 * per earlier hop n (1 the oldest), the sender's custody file and the seal material that
 * vouches for it, under `metadata/hops/E0001/<n>/`, listed in the tag manifest.
 */
export const HOPS_DIR = 'metadata/hops';
export const HOP_JSON = 'hop.json';
export const HOP_CUSTODY = 'custody.jsonl';
export const HOP_BAG_INFO = 'bag-info.txt';
export const HOP_TAG_MANIFEST = 'tagmanifest-sha256.txt';
export const HOP_SEAL = 'tagmanifest-sha256.txt.sig';
export const HOP_SIGNER = 'signer.pem';
/** The files of a hop folder in the order written and listed; a hop may carry more (the sender's log files, timestamps), listed after these by name. */
export const HOP_FILES_IN_ORDER = [HOP_JSON, HOP_CUSTODY, HOP_BAG_INFO, HOP_TAG_MANIFEST, HOP_SEAL, HOP_SIGNER] as const;

/**
 * README-VERIFY's step for earlier hops (a bundle whose exhibits carry any): each hop's
 * seal with OpenSSL, then each hop's bag-info.txt and custody file against the lines of
 * the hop's own tag manifest that list them (as `metadata/custody/<its exhibit>.jsonl`,
 * named in hop.json). One line each, no run of two spaces (`[ *]` stands for the second).
 */
export const HOP_SEAL_COMMAND = `for h in ${HOPS_DIR}/*/*/; do openssl pkeyutl -verify -pubin -inkey "\${h}${HOP_SIGNER}" -rawin -in "\${h}${HOP_TAG_MANIFEST}" -sigfile "\${h}${HOP_SEAL}"; done`;
export const HOP_FILES_COMMAND = `for h in ${HOPS_DIR}/*/*/; do e=$(sed -n 's/^ *"exhibit": "\\(E[0-9]*\\)",$/\\1/p' "\${h}${HOP_JSON}"); grep -E " [ *](bag-info[.]txt|metadata/custody/$e[.]jsonl)$" "\${h}${HOP_TAG_MANIFEST}" | sed "s| [ *]metadata/custody/$e[.]jsonl$| *\${h}${HOP_CUSTODY}|; s| [ *]bag-info[.]txt$| *\${h}${HOP_BAG_INFO}|" | sha256sum -c; done`;

export function hopFile(exhibit: string, hop: number, name: string): string {
  return `${HOPS_DIR}/${exhibit}/${hop}/${name}`;
}

const HOP_PATH = new RegExp(`^${HOPS_DIR}/(E\\d{4,})/([1-9]\\d{0,5})/([^/]+)$`);

/** `metadata/hops/E0001/2/custody.jsonl` → {exhibit: 'E0001', hop: 2, name: 'custody.jsonl'}; null for any other path. */
export function hopOfPath(path: string): { exhibit: string; hop: number; name: string } | null {
  const m = HOP_PATH.exec(path);
  return m === null ? null : { exhibit: m[1] ?? '', hop: Number(m[2]), name: m[3] ?? '' };
}

/** bag-info.txt labels, in the order they are written. */
export const BAG_INFO_LABELS = [
  'Source-Organization',
  'Contact-Name',
  'Contact-Email',
  'Bagging-Date',
  'Payload-Oxum',
  'Bag-Size',
  'External-Identifier',
  'External-Description',
  'Bag-Group-Identifier',
  'Tamga-Bundle-Format',
  'Tamga-Bundle-Id',
  'Tamga-Recipient',
  'Tamga-Signer',
  'Tamga-Key-Fingerprint',
  'Tamga-Sealed-At',
] as const;

export type BagInfoLabel = (typeof BAG_INFO_LABELS)[number];

/**
 * A manifest line, as sha256sum writes it: `<hex>  <path>` (two spaces, text mode). BagIt
 * percent-encodes CR, LF and % in paths; exhibit names never contain them (see
 * exhibit-name rules), so a line always round-trips through `sha256sum -c`.
 */
export function manifestLine(hexDigest: string, path: string): string {
  return `${hexDigest}  ${path}\n`;
}

/** Payload-Oxum: `<total payload bytes>.<number of payload files>`. */
export function payloadOxum(bytes: number, files: number): string {
  return `${bytes}.${files}`;
}

/** Tag files are listed in the tag manifest in this order, then custody files by exhibit. */
export const TAG_FILES_IN_ORDER = [
  BAGIT_TXT,
  BAG_INFO_TXT,
  MANIFEST_SHA256,
  MANIFEST_SHA512,
  README_VERIFY,
  EXHIBITS_JSON,
  EXHIBITS_CSV,
  VAULT_KEY_JSON,
  REPORT_HTML,
  REPORT_PDF,
] as const;

/** The exact auditor commands README-VERIFY.txt gives (the issue asks for exactly these). */
export const VERIFY_COMMANDS = [
  `sha256sum -c ${MANIFEST_SHA256}`,
  `sha512sum -c ${MANIFEST_SHA512}`,
  `sha256sum -c ${TAGMANIFEST_SHA256}`,
  `openssl pkeyutl -verify -pubin -inkey ${SEAL_PUBLIC_KEY} -rawin -in ${TAGMANIFEST_SHA256} -sigfile ${SEAL_SIGNATURE}`,
] as const;

/**
 * How an auditor reads the fingerprint of the key that made the seal with OpenSSL alone, to
 * compare it with the one its owner published: SHA-256 of the raw 32-byte Ed25519 key, which
 * is the last 32 bytes of its SPKI DER form. README-VERIFY.txt gives it after VERIFY_COMMANDS.
 */
export const FINGERPRINT_COMMAND = `openssl pkey -pubin -in ${SEAL_PUBLIC_KEY} -outform DER | tail -c 32 | sha256sum`;

/**
 * The files the tag manifest cannot list by construction: itself (a file cannot hold its
 * own hash) and the two seal files, made after it from it.
 */
export const UNLISTABLE_FILES = [TAGMANIFEST_SHA256, SEAL_PUBLIC_KEY, SEAL_SIGNATURE] as const;

/**
 * The vault's custody log at the export (docs/formats.md, "Custody log in a bundle"): a
 * checkpoint signed by the vault key and, for every exhibit, its `exported` event of this
 * bundle with an inclusion proof. Written after the seal (the events name the sealed tag
 * manifest), so no manifest lists them; each line is signed by the key that made the seal.
 * A bundle exported from a vault open read-only has neither.
 */
export const CUSTODY_CHECKPOINT = 'seal/custody-log.checkpoint';
export const CUSTODY_PROOFS = 'seal/custody-proofs.jsonl';
export const CUSTODY_LOG_FILES = [CUSTODY_CHECKPOINT, CUSTODY_PROOFS] as const;

/**
 * Timestamps added later (docs/formats.md, "Timestamps"): RFC 3161 TimeStampResp files
 * over the exact bytes of SEAL_SIGNATURE, `seal/tagmanifest-sha256.txt.sig.tsr` then
 * `….sig.2.tsr` …, and the TSAs' certificate chains, `….sig.tsa-chain.pem`. A bundle is
 * sealed with none (the vault stamps its seal once online) and gains them by an addendum
 * copied into seal/, so neither a manifest nor README-VERIFY's file count includes them.
 */
export const TIMESTAMP_TOKEN = `${SEAL_SIGNATURE}.tsr`;
export const TIMESTAMP_CHAIN = `${SEAL_SIGNATURE}.tsa-chain.pem`;

/** Where the n-th token (1, 2, …) goes. */
export function timestampTokenPath(n: number): string {
  return n <= 1 ? TIMESTAMP_TOKEN : `${SEAL_SIGNATURE}.${n}.tsr`;
}

/**
 * Where README-VERIFY.txt tells the auditor to save the root certificate the TSA publishes:
 * next to the bundle folder, not in it (a file added to the folder would be an extra file,
 * and a root shipped inside the bundle is chosen by whoever made it).
 */
export const TSA_ROOT_NAME = 'tsa-root.pem';
export const TSA_ROOT_FILE = `../${TSA_ROOT_NAME}`;

/**
 * The auditor's timestamp step (docs/formats.md, "Timestamps"): OpenSSL checks the token
 * over the seal signature and its chain to the TSA's published root, then prints its time
 * and the TSA's name. A second TSA's token (….sig.2.tsr) is checked the same way.
 */
export const TIMESTAMP_COMMANDS = [
  `openssl ts -verify -data ${SEAL_SIGNATURE} -in ${TIMESTAMP_TOKEN} -CAfile ${TSA_ROOT_FILE}`,
  `openssl ts -reply -in ${TIMESTAMP_TOKEN} -text | grep -E '^(Time stamp|TSA):'`,
] as const;

/** Any file of seal/ that may arrive after the seal as a timestamp: `seal/*.tsr` and `seal/*.tsa-chain.pem`. */
export function isTimestampFile(path: string): boolean {
  return /^seal\/[^/]+\.(?:tsr|tsa-chain\.pem)$/u.test(path);
}

/**
 * The exclusion EXTRA_FILES_COMMAND and COUNT_COMMAND make for them. Byte order and -a: a
 * name that is not UTF-8 would otherwise make GNU grep print "binary file matches" in its
 * place, and the count would lose it.
 */
const TIMESTAMP_GREP = `grep -avxE 'seal/[^/]+[.](tsr|tsa-chain[.]pem)'`;

/**
 * The step that notices added files, which `sha256sum -c` cannot (it checks only the lines
 * it is given): every file, link or other non-folder under the bundle folder that neither
 * a manifest nor UNLISTABLE_FILES names. It prints nothing for a complete bundle. Byte
 * order (LC_ALL=C) for sort and comm alike, so names that are not UTF-8 sort the same way
 * on both sides; names with spaces pass whole (one name a line). No run of two spaces (a
 * PDF reader may show it as one: `[ *]` stands for the second). Its lines break only
 * after `<(` and `|`, where bash waits for more without a `\`, so a copy from a PDF that
 * adds spaces at line ends still runs.
 */
export const EXTRA_FILES_COMMAND = [
  `(export LC_ALL=C; comm -23 <(find . ! -type d | cut -c3- | sort) <(`,
  `  sed 's/^[0-9a-f]* [ *]//' ${MANIFEST_SHA256} ${MANIFEST_SHA512} ${TAGMANIFEST_SHA256} |`,
  `  sort -u) | grep -vxF ${[...UNLISTABLE_FILES, ...CUSTODY_LOG_FILES].map((f) => `-e ${f}`).join(' ')} |`,
  `  ${TIMESTAMP_GREP})`,
].join('\n');

/**
 * Counts every file (and link) in the bundle folder but the timestamp files of seal/, which
 * may be added later: README-VERIFY.txt states the number it must print.
 */
export const COUNT_COMMAND = `find . ! -type d | cut -c3- | LC_ALL=C ${TIMESTAMP_GREP} | wc -l`;

/**
 * How many files a bundle of `exhibits` exhibits holds, which is what COUNT_COMMAND prints
 * for it: a payload file and a custody log per exhibit, TAG_FILES_IN_ORDER,
 * UNLISTABLE_FILES, CUSTODY_LOG_FILES unless the vault was open read-only, and the files
 * of the earlier hops its exhibits carry.
 */
export function bundleFileCount(exhibits: number, withCustodyLog = true, hopFiles = 0): number {
  return 2 * exhibits + TAG_FILES_IN_ORDER.length + UNLISTABLE_FILES.length + (withCustodyLog ? CUSTODY_LOG_FILES.length : 0) + hopFiles;
}

/**
 * A bundle written as a .zip holds the bundle folder as its only top-level entry (RFC 8493
 * §4.2: a serialisation unpacks to a single base directory), named after the zip without
 * `.zip`. Entries: files only (no directory entries), stored (method 0), UTF-8 names, in
 * the order docs/formats.md gives, every entry with the same time (Tamga-Sealed-At, UTC) and
 * this mode (a regular file, rw-r--r--).
 */
export const ZIP_FILE_MODE = 0o100644;

const EXHIBIT_PATH = new RegExp(`^(?:${PAYLOAD_DIR}/(E\\d{4,})_[^/]+|${CUSTODY_DIR}/(E\\d{4,})\\.jsonl)$`);

/**
 * The exhibit a bundle path belongs to, the inverse of the names above: `data/E0001_<name>`
 * (its payload file) and `metadata/custody/E0001.jsonl` (its custody log) give "E0001";
 * any other path gives null. Verify reads exhibit numbers with this, never by guessing.
 */
export function exhibitOfPath(path: string): string | null {
  const match = EXHIBIT_PATH.exec(path);
  return match === null ? null : (match[1] ?? match[2] ?? null);
}
