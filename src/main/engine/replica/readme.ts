/**
 * README.txt of a replica: how anyone checks it with bash, coreutils and OpenSSL alone,
 * without Tamga, a vault or a passphrase. The same bytes at every push (nothing in it
 * changes), so it is never rewritten with other content. It is guidance, not evidence:
 * no manifest lists it, and docs/formats.md ("Replicas") has the same commands.
 * tests/integration/replica-readme.test.ts runs exactly these lines in bash.
 */
import { PUBLIC_KEY_NAME, README_NAME } from './layout';

/** Each a line of its own in README.txt, in this order. */
export const REPLICA_CHECK_COMMANDS = [
  `M=$(ls manifests | grep -E '^[0-9]{8,}\\.json$' | sort -n | tail -n 1 | sed 's/\\.json$//'); echo "newest manifest: $M"`,
  `openssl pkeyutl -verify -pubin -inkey ${PUBLIC_KEY_NAME} -rawin -in "manifests/$M.json" -sigfile "manifests/$M.json.sig"`,
  `openssl pkey -pubin -in ${PUBLIC_KEY_NAME} -outform DER | tail -c 32 | sha256sum`,
  `grep -qF "\\"sha256sums\\": \\"$(sha256sum < "manifests/$M.sha256" | cut -c1-64)\\"" "manifests/$M.json" && echo "checksum list: OK"`,
  `sha256sum -c "manifests/$M.sha256"`,
] as const;

export function replicaReadme(): string {
  const [pick, signature, fingerprint, list, objects] = REPLICA_CHECK_COMMANDS;
  return [
    'HOW TO CHECK THIS TAMGA REPLICA',
    '',
    'This folder is an off-site copy (a replica) of a Tamga evidence vault. Everything in it',
    'is encrypted: without the vault passphrase nobody can read the evidence, its names or',
    'its descriptions. Anyone can check, without Tamga and without the passphrase, that the',
    'copy is complete and unchanged since the vault last pushed it, with bash, GNU coreutils',
    '(ls, sort, tail, sed, cut, sha256sum), grep and OpenSSL 3.0 or later.',
    '',
    `Open a terminal in this folder (the one that holds ${README_NAME}) and run the commands`,
    'below in order, in the same terminal.',
    '',
    '1. Pick the newest manifest (a numbered list of every object and its SHA-256):',
    '',
    pick,
    '',
    `2. The manifest is signed by the key in ${PUBLIC_KEY_NAME}. This must print`,
    '   "Signature Verified Successfully":',
    '',
    signature,
    '',
    '3. The key is the vault\'s: this prints its fingerprint. It must be the fingerprint the',
    '   vault\'s owner gives you (tamga info shows it), else anybody could have signed:',
    '',
    fingerprint,
    '',
    '4. The checksum list is the one the signed manifest vouches for. This must print',
    '   "checksum list: OK":',
    '',
    list,
    '',
    '5. Every object is byte for byte what the manifest lists (every line must end in "OK"):',
    '',
    objects,
    '',
    'With Tamga, `tamga replica verify --keyless THIS_FOLDER --key FINGERPRINT` does all of',
    'this and also names each missing, truncated, changed or swapped object, and',
    '`tamga restore THIS_FOLDER NEW_FOLDER` makes a working vault of it again (it asks for',
    'the passphrase). Files no manifest lists are never used by either.',
    '',
    'What this does not show: that no newer push happened (a storage can hide the newest',
    'manifest; the vault itself remembers the last number it wrote and `tamga replica',
    'verify VAULT NAME` catches that), or anything about the evidence beyond its encrypted',
    'bytes.',
    '',
  ].join('\n');
}
