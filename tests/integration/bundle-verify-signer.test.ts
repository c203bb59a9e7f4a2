// Default-deny on the signer. The defect: a bundle whose exhibits were replaced and whose
// every custody chain and seal were re-signed by a stranger's key verified, without --key,
// as "VALID: every check passed.", exit 0, each exhibit PASS: a script trusting the exit
// code accepted a forgery. Now exit 0 means sealed by a confirmed key (--key, or a known
// sender from a known senders file), the forgery is its own verdict (intact, signer not
// confirmed: exit 1, SIGNER_NOT_CONFIRMED, no exhibit PASS), and --any-signer accepts
// integrity alone, saying loudly whose key it did not check. Real `tamga verify` runs.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, fingerprintOf, newSigner, writeBundleDir, type BundleFiles } from '../helpers/bundle-verify-fixture';
import { inPool, problemCodes, verifyInSandbox, type VerifyRun } from '../helpers/bundle-verify-cli';
import { runTamga, type RunResult } from '../helpers/child-process';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';
import { randomBytes } from 'node:crypto';

const ours = newSigner();
const stranger = newSigner();
const OURS = fingerprintOf(ours);
const STRANGER = fingerprintOf(stranger);
const NAME = "Observers' vault";

/** What a forger makes: other files under the same names, every chain and the seal signed by their own key. */
const forgery = buildBundle(stranger, [
  { originalName: 'IMG_1234.JPG', content: randomBytes(64 * 1024) },
  { originalName: 'Ақмола видео.MP4', content: randomBytes(1000) },
]);

let root: string;
let genuine: string;
let forged: string;
let forgedAndChanged: string;
let sendersFile: string;
let configHome: string;
const runs = new Map<string, VerifyRun>();
const texts = new Map<string, RunResult>();

async function write(name: string, files: BundleFiles, change?: (files: BundleFiles) => void): Promise<string> {
  const copy = new Map([...files].map(([p, b]) => [p, Buffer.from(b)]));
  change?.(copy);
  return writeBundleDir(join(root, name), copy);
}

const noConfig = (): Record<string, string> => ({ XDG_CONFIG_HOME: join(root, 'no-config') });

beforeAll(async () => {
  root = await tempDir('tamga-verify-signer-');
  genuine = await write('genuine', buildBundle(ours));
  forged = await write('forged', forgery);
  forgedAndChanged = await write('forged-changed', forgery, (f) => {
    const e2 = [...f.keys()].find((p) => p.startsWith('data/E0002_')) ?? '';
    f.get(e2)?.writeUInt8((f.get(e2)?.readUInt8(10) ?? 0) ^ 1, 10);
  });
  sendersFile = join(root, 'known_senders');
  await writeFile(sendersFile, `# confirmed by phone, 2021-02-01\n${OURS} ${NAME}\n`);
  configHome = join(root, 'config');
  await mkdir(join(configHome, 'tamga'), { recursive: true });
  await writeFile(join(configHome, 'tamga', 'known_senders'), `${OURS.toUpperCase()}\t${NAME}\r\n`);

  const json: [string, string, string[], Record<string, string>][] = [
    ['genuine --key', genuine, ['--key', OURS], noConfig()],
    ['genuine, no key', genuine, [], noConfig()],
    ['genuine --known-senders', genuine, ['--known-senders', sendersFile], noConfig()],
    ['genuine, default known senders file', genuine, [], { XDG_CONFIG_HOME: configHome }],
    ['forged, no key', forged, [], noConfig()],
    ['forged, known senders file without its key', forged, ['--known-senders', sendersFile], noConfig()],
    ['forged --any-signer', forged, ['--any-signer'], noConfig()],
    ['forged --key ours', forged, ['--key', OURS], noConfig()],
    ['forged --key ours --any-signer', forged, ['--key', OURS, '--any-signer'], noConfig()],
    ['forged and changed, no key', forgedAndChanged, [], noConfig()],
    ['forged and changed --any-signer', forgedAndChanged, ['--any-signer'], noConfig()],
  ];
  const text: [string, string[]][] = [
    ['forged', [forged]],
    ['forged --any-signer', [forged, '--any-signer']],
    ['genuine --known-senders', [genuine, '--known-senders', sendersFile]],
  ];
  await inPool([
    ...json.map(([name, bundle, args, env]) => async () => void runs.set(name, await verifyInSandbox(bundle, args, env))),
    ...text.map(([name, args]) => async () => void texts.set(name, await runTamga(['verify', ...args], noConfig()))),
  ]);
}, 300_000);
afterAll(removeTempDirs);

function run(name: string): VerifyRun {
  const found = runs.get(name);
  if (found === undefined) throw new Error(`${name} did not run`);
  return found;
}

describe('tamga verify: exit 0 only for a confirmed signer', () => {
  it('passes a genuine bundle with its key given (--key)', () => {
    const r = run('genuine --key');
    expect([r.code, r.report.verdict, r.report.valid, r.report.signer]).toEqual([0, 'valid', true, { fingerprint: OURS, pinned: OURS, trust: 'trusted', name: null }]);
    expect(r.report.exhibits.map((e) => e.status)).toEqual(['PASS', 'PASS']);
  });

  it('passes a genuine bundle by a known sender from a file, and names the sender in text and JSON', () => {
    for (const name of ['genuine --known-senders', 'genuine, default known senders file']) {
      const r = run(name);
      expect(r.code).toBe(0);
      expect(r.report.verdict).toBe('valid');
      expect(r.report.signer).toEqual({ fingerprint: OURS, pinned: null, trust: 'known-sender', name: NAME });
      expect(r.report.problems).toEqual([]);
    }
    const text = texts.get('genuine --known-senders');
    expect(text?.code).toBe(0);
    expect(text?.stdout).toContain(`VALID: every check passed; sealed by ${NAME} (known sender).`);
  });

  it('does not pass a genuine bundle whose key nobody confirmed: intact, signer not confirmed', () => {
    const r = run('genuine, no key');
    expect(r.code).toBe(1);
    expect(r.report.verdict).toBe('intact-unconfirmed-signer');
    expect(problemCodes(r.report)).toEqual(['SIGNER_NOT_CONFIRMED']);
  });

  it('catches the stranger-re-signed forgery without a key: exit 1, SIGNER_NOT_CONFIRMED, no exhibit PASS', () => {
    for (const name of ['forged, no key', 'forged, known senders file without its key']) {
      const r = run(name);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
      expect(r.report.valid).toBe(false);
      expect(r.report.verdict).toBe('intact-unconfirmed-signer');
      expect(r.report.signer).toEqual({ fingerprint: STRANGER, pinned: null, trust: 'unconfirmed', name: null });
      expect(problemCodes(r.report)).toEqual(['SIGNER_NOT_CONFIRMED']);
      expect(r.report.problems[0]?.message).toContain(STRANGER);
      expect(r.report.exhibits.map((e) => [e.status, e.problems])).toEqual([
        ['UNCONFIRMED', ['SIGNER_NOT_CONFIRMED']],
        ['UNCONFIRMED', ['SIGNER_NOT_CONFIRMED']],
      ]);
      expect(r.report.exhibits[0]?.summary).toMatch(/but nothing confirms who sealed it/);
    }
    const text = texts.get('forged');
    expect(text?.code).toBe(1);
    expect(text?.stdout).not.toMatch(/VALID|PASS/);
    expect(text?.stdout).toMatch(/^E0001 {2}UNCONFIRMED {2}/m);
    expect(text?.stdout).toContain(`NOT CONFIRMED: intact, but nothing confirms who sealed it (key ${STRANGER}).`);
  });

  it('--any-signer accepts the intact forgery with exit 0, and says loudly whose key it did NOT check', () => {
    const r = run('forged --any-signer');
    expect(r.code).toBe(0);
    expect(r.report.verdict).toBe('intact-unconfirmed-signer');
    expect(r.report.valid).toBe(false);
    expect(r.stderr).toBe(`WARNING (--any-signer): the signer was NOT checked. Key ${STRANGER} is neither a key you gave nor a known sender's: anyone could have sealed this bundle.\n`);
    const text = texts.get('forged --any-signer');
    expect(text?.code).toBe(0);
    expect(text?.stdout).toContain('INTACT, SIGNER NOT CHECKED (--any-signer)');
    expect(text?.stdout).not.toMatch(/VALID|PASS/);
    expect(text?.stderr).toContain('the signer was NOT checked');
  });

  it('fails the forgery against the key given (UNTRUSTED_SIGNER), --any-signer or not', () => {
    for (const name of ['forged --key ours', 'forged --key ours --any-signer']) {
      const r = run(name);
      expect(r.code).toBe(1);
      expect(r.report.verdict).toBe('invalid');
      expect(r.report.signer.trust).toBe('untrusted');
      expect(problemCodes(r.report)).toEqual(['UNTRUSTED_SIGNER']);
      expect(r.report.exhibits.map((e) => e.status)).toEqual(['FAIL', 'FAIL']);
    }
  });

  it('fails a changed forgery whatever the flags: the change is a FAIL, the rest UNCONFIRMED', () => {
    for (const name of ['forged and changed, no key', 'forged and changed --any-signer']) {
      const r = run(name);
      expect(r.code).toBe(1);
      expect(r.report.verdict).toBe('invalid');
      expect(problemCodes(r.report)).toEqual(expect.arrayContaining(['PAYLOAD_HASH_MISMATCH', 'SIGNER_NOT_CONFIRMED']));
      expect(r.report.exhibits.map((e) => e.status)).toEqual(['UNCONFIRMED', 'FAIL']);
      expect(r.report.exhibits[1]?.summary).toBe('The file differs from the one that was sealed.');
    }
  });
});

describe('tamga verify: known senders files that cannot be used', () => {
  it('refuses a malformed file whole (exit 2), naming each bad line, rather than skip a line', async () => {
    const bad = join(root, 'bad_senders');
    await writeFile(bad, `${OURS} ${NAME}\n${OURS.slice(1)} Short key\n\n# fine\n${STRANGER}\n`);
    const r = await runTamga(['verify', genuine, '--known-senders', bad], noConfig());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `tamga: The known senders file ${bad} has 2 malformed lines, so none of it is used: line 2: not "FINGERPRINT NAME" (64 hexadecimal digits, a space, then a name); line 5: not "FINGERPRINT NAME" (64 hexadecimal digits, a space, then a name). [INVALID_ARGUMENT]\n`,
    );
  });

  it('refuses a file that is named but missing (exit 2); a missing default file is no known senders', async () => {
    const r = await runTamga(['verify', genuine, '--known-senders', join(root, 'nowhere')], noConfig());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\[NOT_FOUND\]\n$/);
  });
});
