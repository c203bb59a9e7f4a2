// RFC 3161 timestamps against real TSAs: OpenSSL's `openssl ts -reply` on loopback
// (tests/helpers/tsa-server.ts), one RSA and one ECDSA P-256. Tokens our code accepts are
// accepted by `openssl ts -verify` as an auditor runs it, and every way a token can be
// wrong is named by its own code.
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestTimestamp, requestTimestamps } from '../../src/main/engine/timestamp/client';
import { parseCertificates } from '../../src/main/engine/timestamp/certificates';
import { createTimestampRequest } from '../../src/main/engine/timestamp/request';
import { parseTimestamp } from '../../src/main/engine/timestamp/response';
import { signingCertificateProblem } from '../../src/main/engine/timestamp/signer-certificate';
import { verifyTimestamp } from '../../src/main/engine/timestamp/token';
import { createTestPki, openssl, refusedUrl, startFakeTsa, TEST_POLICY, type TestCertificate, type TestPki, type TestTsa } from '../helpers/tsa-server';

let pki: TestPki;
let otherPki: TestPki;
let rsa: TestTsa;
let ec: TestTsa;
/** Issued before the responses are made, so valid at their genTime. */
let notTsa: TestCertificate;
let laterTsa: TestCertificate;
/** Stands in for seal/tagmanifest-sha256.txt.sig: 64 bytes. */
const seal = new Uint8Array(randomBytes(64));
let sealPath: string;
/** A response from each TSA over `seal`, obtained once. */
const responses: Record<'rsa' | 'ec', Uint8Array> = { rsa: new Uint8Array(), ec: new Uint8Array() };

beforeAll(async () => {
  [pki, otherPki] = await Promise.all([createTestPki(), createTestPki()]);
  [rsa, ec] = await Promise.all([pki.startTsa({ key: 'rsa', embedRoot: true }), pki.startTsa({ key: 'ec' })]);
  [notTsa, laterTsa] = await Promise.all([pki.issue('Tamga Test not a TSA', { key: 'ec', timeStamping: false }), pki.issue('Tamga Test TSA re-signed', { key: 'ec' })]);
  sealPath = join(pki.dir, 'tagmanifest-sha256.txt.sig');
  await writeFile(sealPath, seal);
  for (const [name, tsa] of [['rsa', rsa], ['ec', ec]] as const) responses[name] = (await requestTimestamp(tsa.url, seal, { trustedRoots: [pki.caPem] })).response;
});

afterAll(async () => {
  await Promise.all([pki.dispose(), otherPki.dispose()]);
});

/** `openssl ts -verify` as an auditor runs it; its verdict line. */
async function auditorVerify(args: readonly string[]): Promise<string> {
  try {
    return (await openssl(['ts', '-verify', ...args])).trim();
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? err).trim();
  }
}

async function writeTemp(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(pki.dir, name);
  await writeFile(path, bytes);
  return path;
}

/** The response with one byte of its CMS signature value flipped (the last, so the DER stays well-formed). */
function flipSignatureByte(response: Uint8Array): Uint8Array {
  const token = parseTimestamp(response).token;
  const signature = Buffer.from(token?.signedData.signerInfos[0]?.signature.valueBlock.valueHexView ?? []);
  const at = Buffer.from(response).indexOf(signature);
  expect(signature.length).toBeGreaterThan(0);
  expect(at).toBeGreaterThan(0);
  const copy = new Uint8Array(response);
  copy[at + signature.length - 1] = (copy[at + signature.length - 1] ?? 0) ^ 0x01;
  return copy;
}

describe('RFC 3161 timestamps from real TSAs on loopback', () => {
  it('the request is what `openssl ts -query -sha256 -cert` makes: SHA-256 of the bytes, a 64-bit nonce, certReq', async () => {
    const request = createTimestampRequest(seal, 0x0123456789abcdefn);
    const text = await openssl(['ts', '-query', '-in', await writeTemp('req.tsq', request.der), '-text']);
    expect(text).toContain('Version: 1');
    expect(text).toContain('Hash Algorithm: sha256');
    expect(text).toContain('Nonce: 0x0123456789ABCDEF');
    expect(text).toContain('Certificate required: yes');
    expect(Buffer.from(request.imprint).toString('hex')).toBe((await openssl(['dgst', '-sha256', '-r', sealPath])).split(' ')[0]);
    expect(createTimestampRequest(seal).nonce).not.toBe(createTimestampRequest(seal).nonce);
  });

  it('asks every TSA at once: a down one is reported with its URL and code, and does not stop the working one', async () => {
    const down = await refusedUrl();
    const before = Date.now();
    const results = await requestTimestamps([down, ec.url, rsa.url], seal, { trustedRoots: [pki.caPem] });
    expect(results.map((r) => [r.url, r.ok])).toEqual([
      [down, false],
      [ec.url, true],
      [rsa.url, true],
    ]);
    const [failed, fromEc, fromRsa] = results;
    expect(failed?.ok === false && failed.error).toMatchObject({ code: 'TSA_UNREACHABLE', message: expect.stringContaining(down), details: { url: down } });
    expect(failed?.ok === false && failed.error.message).toMatch(/refused the connection/);

    for (const [result, name] of [
      [fromEc, 'Tamga Test TSA ECDSA'],
      [fromRsa, 'Tamga Test TSA RSA'],
    ] as const) {
      if (result?.ok !== true) throw new Error(`no timestamp from ${name}`);
      const { facts } = result;
      expect(facts.genTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Math.abs(Date.parse(facts.genTime) - before)).toBeLessThan(60_000);
      expect(facts).toMatchObject({
        policy: TEST_POLICY,
        hashAlgorithm: 'SHA-256',
        signer: `O=Tamga tests, CN=${name}`,
        tsaName: `O=Tamga tests, CN=${name}`,
        root: 'O=Tamga tests, CN=Tamga Test Root CA',
        accuracyMs: 1500.1,
      });
      expect(facts.serialNumber).toMatch(/^[0-9a-f]+$/);
      expect(facts.nonce).toMatch(/^[0-9a-f]{1,16}$/);
      // The chain to ship in a bundle: the TSA's certificate, then the root.
      expect(facts.chainPem.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
      expect(facts.chainPem.replace(/\r/g, '')).toBe((result.url === rsa.url ? rsa : ec).chainPem.replace(/\r/g, ''));
    }
  });

  it('a stored response verifies later without its nonce, from the chain the token carries and a trusted root alone', async () => {
    for (const response of [responses.rsa, responses.ec]) {
      const facts = await verifyTimestamp(response, seal, { trustedRoots: [pki.caPem] });
      expect(facts.signer).toMatch(/Tamga Test TSA/);
      // The trust list may be DER, or PEM with several roots.
      const der = Buffer.from(pki.caPem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
      await expect(verifyTimestamp(response, seal, { trustedRoots: [der] })).resolves.toMatchObject({ signer: facts.signer });
      await expect(verifyTimestamp(response, seal, { trustedRoots: [otherPki.caPem + pki.caPem] })).resolves.toMatchObject({ signer: facts.signer });
    }
  });

  it('the auditor: `openssl ts -verify -data SIG -in SIG.tsr -CAfile CA` says "Verification: OK", with the root or with the chain a bundle ships', async () => {
    const caFile = await writeTemp('ca.pem', pki.caPem);
    for (const [name, response] of Object.entries(responses)) {
      const tsr = await writeTemp(`seal-${name}.tsr`, response);
      expect(await auditorVerify(['-data', sealPath, '-in', tsr, '-CAfile', caFile])).toBe('Verification: OK');
      const facts = await verifyTimestamp(response, seal, { trustedRoots: [pki.caPem] });
      const chainFile = await writeTemp(`chain-${name}.pem`, facts.chainPem);
      expect(await auditorVerify(['-data', sealPath, '-in', tsr, '-CAfile', chainFile])).toBe('Verification: OK');
      // Once the TSA certificate has expired, docs/formats.md says to check at genTime.
      const attime = String(Math.ceil(Date.parse(facts.genTime) / 1000));
      expect(await auditorVerify(['-data', sealPath, '-in', tsr, '-CAfile', caFile, '-attime', attime])).toBe('Verification: OK');
      const text = await openssl(['ts', '-reply', '-in', tsr, '-text']);
      expect(text).toMatch(/^Time stamp: /m);
      expect(text).toContain(`Policy OID: ${facts.policy}`);
      expect(text).toContain(`TSA: DirName:/O=Tamga tests/CN=Tamga Test TSA ${name === 'rsa' ? 'RSA' : 'ECDSA'}`);
    }
  });

  it('a flipped byte in the token signature is TIMESTAMP_SIGNATURE_INVALID (RSA and ECDSA), and openssl fails it too', async () => {
    const caFile = await writeTemp('ca.pem', pki.caPem);
    for (const [name, response] of Object.entries(responses)) {
      const tampered = flipSignatureByte(response);
      await expect(verifyTimestamp(tampered, seal, { trustedRoots: [pki.caPem] })).rejects.toMatchObject({ code: 'TIMESTAMP_SIGNATURE_INVALID' });
      const tsr = await writeTemp(`flipped-${name}.tsr`, tampered);
      expect(await auditorVerify(['-data', sealPath, '-in', tsr, '-CAfile', caFile])).toBe('Verification: FAILED');
    }
  });

  it('a true token over other data is TIMESTAMP_IMPRINT_MISMATCH, naming both hashes', async () => {
    const other = new Uint8Array(seal);
    other[0] = (other[0] ?? 0) ^ 0xff;
    await expect(verifyTimestamp(responses.ec, other, { trustedRoots: [pki.caPem] })).rejects.toMatchObject({
      code: 'TIMESTAMP_IMPRINT_MISMATCH',
      message: expect.stringMatching(/^The timestamp is for other data: it carries SHA-256 [0-9a-f]{64}, and the data's is [0-9a-f]{64}\.$/),
    });
    const otherPath = await writeTemp('other.sig', other);
    const tsr = await writeTemp('seal-ec.tsr', responses.ec);
    expect(await auditorVerify(['-data', otherPath, '-in', tsr, '-CAfile', await writeTemp('ca.pem', pki.caPem)])).toBe('Verification: FAILED');
  });

  it('a trust list without the TSA root is TIMESTAMP_UNTRUSTED_CHAIN, even when the token carries that root itself', async () => {
    // The RSA TSA puts its self-signed root in every token: carried is not trusted.
    const carried = parseTimestamp(responses.rsa).token?.signedData.certificates ?? [];
    expect(carried).toHaveLength(2);
    for (const response of [responses.rsa, responses.ec]) {
      await expect(verifyTimestamp(response, seal, { trustedRoots: [otherPki.caPem] })).rejects.toMatchObject({
        code: 'TIMESTAMP_UNTRUSTED_CHAIN',
        message: expect.stringMatching(/signed by "O=Tamga tests, CN=Tamga Test TSA (RSA|ECDSA)"/),
      });
      await expect(verifyTimestamp(response, seal, { trustedRoots: [] })).rejects.toMatchObject({ code: 'TIMESTAMP_UNTRUSTED_CHAIN' });
    }
  });

  it('a token signed by a certificate without the timeStamping extended key usage is TIMESTAMP_SIGNER_NOT_TSA', async () => {
    const token = await pki.resign(responses.ec, notTsa);
    await expect(verifyTimestamp(token, seal, { trustedRoots: [pki.caPem] })).rejects.toMatchObject({
      code: 'TIMESTAMP_SIGNER_NOT_TSA',
      message: expect.stringMatching(/"O=Tamga tests, CN=Tamga Test not a TSA".*no extendedKeyUsage/),
    });
    const tokenPath = await writeTemp('not-tsa.token', token);
    expect(await auditorVerify(['-data', sealPath, '-token_in', '-in', tokenPath, '-CAfile', await writeTemp('ca.pem', pki.caPem)])).toBe('Verification: FAILED');

    // The control: the same re-signing with a real TSA certificate gives a token that holds.
    await expect(verifyTimestamp(await pki.resign(responses.ec, laterTsa), seal, { trustedRoots: [pki.caPem] })).resolves.toMatchObject({
      signer: 'O=Tamga tests, CN=Tamga Test TSA re-signed',
    });
  });

  it('a signature not bound to its certificate by the ESS SigningCertificate attribute is TIMESTAMP_SIGNATURE_INVALID', async () => {
    const token = await pki.resign(responses.ec, laterTsa, { ess: false });
    await expect(verifyTimestamp(token, seal, { trustedRoots: [pki.caPem] })).rejects.toMatchObject({
      code: 'TIMESTAMP_SIGNATURE_INVALID',
      message: expect.stringMatching(/no SigningCertificate \(ESS\)/),
    });
    const tokenPath = await writeTemp('no-ess.token', token);
    expect(await auditorVerify(['-data', sealPath, '-token_in', '-in', tokenPath, '-CAfile', await writeTemp('ca.pem', pki.caPem)])).toBe('Verification: FAILED');
    // An attribute that names another certificate than the signer's.
    const signerInfo = parseTimestamp(responses.ec).token?.signedData.signerInfos[0];
    if (signerInfo === undefined) throw new Error('no signer');
    const [other] = parseCertificates(laterTsa.pem);
    const [own] = parseCertificates(ec.certPem);
    if (other === undefined || own === undefined) throw new Error('no certificate');
    expect(signingCertificateProblem(signerInfo, own)).toBeNull();
    expect(signingCertificateProblem(signerInfo, other)).toMatch(/names another certificate/);
  });

  it('a token whose TSA certificate was not yet valid at its genTime is TIMESTAMP_UNTRUSTED_CHAIN', async () => {
    // OpenSSL's x509 cannot backdate, so wait for the next second and issue a certificate then.
    const genTime = parseTimestamp(responses.ec).token?.tstInfo.genTime.getTime() ?? Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, genTime + 1100 - Date.now())));
    const tooNew = await pki.issue('Tamga Test TSA too new', { key: 'ec' });
    await expect(verifyTimestamp(await pki.resign(responses.ec, tooNew), seal, { trustedRoots: [pki.caPem] })).rejects.toMatchObject({
      code: 'TIMESTAMP_UNTRUSTED_CHAIN',
      message: expect.stringMatching(/not yet valid or expired/),
    });
  });

  it("a response with another nonce than the request's (a replayed one) is TIMESTAMP_NONCE_MISMATCH, naming the TSA", async () => {
    const replaying = await pki.startTsa({ replay: true, name: 'Tamga Test TSA replaying' });
    await expect(requestTimestamp(replaying.url, seal, { trustedRoots: [pki.caPem] })).resolves.toMatchObject({ facts: { signer: 'O=Tamga tests, CN=Tamga Test TSA replaying' } });
    await expect(requestTimestamp(replaying.url, seal, { trustedRoots: [pki.caPem] })).rejects.toMatchObject({
      code: 'TIMESTAMP_NONCE_MISMATCH',
      message: expect.stringContaining(replaying.url),
      details: { url: replaying.url },
    });
    expect(replaying.requests()).toBe(2);
    // A stored token is checked without a nonce; one given that differs is named the same way.
    const stored = parseTimestamp(responses.ec).token?.tstInfo.nonce?.toBigInt() ?? 0n;
    await expect(verifyTimestamp(responses.ec, seal, { trustedRoots: [pki.caPem], nonce: stored + 1n })).rejects.toMatchObject({ code: 'TIMESTAMP_NONCE_MISMATCH' });
    await expect(verifyTimestamp(responses.ec, seal, { trustedRoots: [pki.caPem], nonce: stored })).resolves.toBeTruthy();
  });

  it('a TSA that rejects the request is TSA_REFUSED with its status text and failure bits', async () => {
    const refusing = await pki.startTsa({ refuseSha256: true, name: 'Tamga Test TSA without SHA-256' });
    const [result] = await requestTimestamps([refusing.url], seal, { trustedRoots: [pki.caPem] });
    expect(result?.ok === false && result.error).toMatchObject({
      code: 'TSA_REFUSED',
      message: expect.stringMatching(new RegExp(`^The timestamp server ${refusing.url} refused to timestamp: rejection \\(badAlg\\): .+\\.$`)),
      details: { url: refusing.url, status: 'rejection', failInfo: ['badAlg'] },
    });
  });

  it('HTTP 500 and garbage are TSA_BAD_RESPONSE; half an answer and silence are TSA_UNREACHABLE', async () => {
    const [http500, garbage, cutOff, silent] = await Promise.all([startFakeTsa('http-500'), startFakeTsa('garbage'), startFakeTsa('cut-off'), startFakeTsa('silent')]);
    try {
      const results = await requestTimestamps([http500.url, garbage.url, cutOff.url, silent.url, ec.url], seal, { trustedRoots: [pki.caPem], timeoutMs: 500 });
      expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['TSA_BAD_RESPONSE', 'TSA_BAD_RESPONSE', 'TSA_UNREACHABLE', 'TSA_UNREACHABLE', 'ok']);
      expect(results.map((r) => (r.ok ? '' : r.error.message))).toEqual([
        `The timestamp server ${http500.url} did not answer with a timestamp: HTTP 500 Internal Server Error.`,
        expect.stringMatching(new RegExp(`^The timestamp server ${garbage.url} did not answer with a timestamp: .*not DER`)),
        expect.stringMatching(new RegExp(`^The timestamp server ${cutOff.url} could not be reached: it broke off its answer`)),
        `The timestamp server ${silent.url} could not be reached: no complete answer within 0.5 s.`,
        '',
      ]);
    } finally {
      await Promise.all([http500.close(), garbage.close(), cutOff.close(), silent.close()]);
    }
  });

  it('a reply over the size cap is TSA_BAD_RESPONSE; bytes that are no timestamp, or have bytes after it, are TIMESTAMP_MALFORMED', async () => {
    await expect(requestTimestamp(ec.url, seal, { trustedRoots: [pki.caPem], maxResponseBytes: 100 })).rejects.toMatchObject({
      code: 'TSA_BAD_RESPONSE',
      message: expect.stringMatching(/more than the 100/),
    });
    const trailing = new Uint8Array([...responses.ec, 0]);
    await expect(verifyTimestamp(trailing, seal, { trustedRoots: [pki.caPem] })).rejects.toMatchObject({ code: 'TIMESTAMP_MALFORMED', message: expect.stringMatching(/1 bytes follow its end/) });
    await expect(verifyTimestamp(new Uint8Array(Buffer.from('not a token')), seal, { trustedRoots: [pki.caPem] })).rejects.toMatchObject({ code: 'TIMESTAMP_MALFORMED' });
    await expect(requestTimestamp('ftp://127.0.0.1/tsr', seal, { trustedRoots: [pki.caPem] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
