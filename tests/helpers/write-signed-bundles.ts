// For the window's verify tests (tests/e2e/senders.spec.ts): writes, under argv[2], a
// correct bundle folder `genuine` sealed by a fresh key and `tampered`, the same with one
// byte of its second exhibit changed after sealing; prints {"fingerprint": …} of the key.
import { join } from 'node:path';
import { buildBundle, fingerprintOf, newSigner, writeBundleDir } from './bundle-verify-fixture';

const [out] = process.argv.slice(2);
if (out === undefined) throw new Error('usage: write-signed-bundles <folder>');
const signer = newSigner();
const files = buildBundle(signer);
await writeBundleDir(join(out, 'genuine'), files);
const second = [...files.keys()].find((p) => p.startsWith('data/E0002_')) ?? '';
files.get(second)?.writeUInt8((files.get(second)?.readUInt8(100) ?? 0) ^ 0xff, 100);
await writeBundleDir(join(out, 'tampered'), files);
process.stdout.write(`${JSON.stringify({ fingerprint: fingerprintOf(signer) })}\n`);
