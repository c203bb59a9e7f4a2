/**
 * Real RFC 3161 timestamp servers on loopback, for tests: OpenSSL's own TSA (`openssl ts
 * -reply`) behind a small node:http server, with a test PKI made by the openssl CLI in a
 * temp folder. Nothing here is Tamga code, so a token our code accepts is one OpenSSL made.
 *
 *   const pki = await createTestPki();          // a root CA, once per test file (beforeAll)
 *   const tsa = await pki.startTsa({ key: 'ec' }); // { url, caPem, chainPem, certPem, close }
 *   …
 *   await pki.dispose();                          // closes every server, removes the folder
 *
 * Also: a URL where nothing listens (a "down" TSA), servers that answer HTTP 500, garbage
 * or nothing at all, a TSA that refuses SHA-256 (a real PKIStatus rejection), one that
 * replays its first answer to every later request (a wrong nonce), and a token re-signed
 * by any certificate (one without the timeStamping extended key usage, which OpenSSL's TSA
 * refuses to sign with: `openssl cms -sign -cades` signs the same TSTInfo instead).
 *
 * The exact openssl commands (execFile, never a shell):
 *
 *   root CA   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256
 *               -days 3650 -subj "/O=Tamga tests/CN=Tamga Test Root CA"
 *               -addext basicConstraints=critical,CA:TRUE
 *               -addext keyUsage=critical,keyCertSign,cRLSign -keyout ca.key -out ca.pem
 *   TSA key   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out N.key
 *             openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out N.key
 *   TSA cert  openssl req -new -key N.key -subj "/O=Tamga tests/CN=…" -out N.csr
 *             openssl x509 -req -in N.csr -CA ca.pem -CAkey ca.key -set_serial 0x… -days 365
 *               -sha256 -extfile N.ext -extensions tsa_ext -out N.pem
 *             (N.ext: basicConstraints = critical,CA:FALSE;
 *              keyUsage = critical,digitalSignature,nonRepudiation;
 *              extendedKeyUsage = critical,timeStamping (left out for a "not a TSA" cert);
 *              subjectKeyIdentifier = hash; authorityKeyIdentifier = keyid)
 *   a reply   openssl ts -reply -config N.cnf -section tsa_config -queryfile q.tsq -out r.tsr
 *   re-sign   openssl ts -reply -in r.tsr -token_out -out tok.der
 *             openssl cms -verify -noverify -binary -inform DER -in tok.der -out tst.der
 *             openssl cms -sign -binary -nodetach -cades -nosmimecap -md sha256   (-cades: the ESS attribute)
 *               -econtent_type 1.2.840.113549.1.9.16.1.4 -in tst.der -signer N.pem
 *               -inkey N.key -outform DER -out resigned.der
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type TsaKeyType = 'rsa' | 'ec';

export const TEST_POLICY = '1.3.6.1.4.1.59999.1';

export interface TestCertificate {
  readonly name: string;
  readonly certPath: string;
  readonly keyPath: string;
  readonly pem: string;
}

export interface TestTsa {
  readonly url: string;
  /** The root CA certificate, PEM: the trust list entry. */
  readonly caPem: string;
  /** The TSA certificate then the root, PEM: what `openssl ts -verify -CAfile` needs with -untrusted left out. */
  readonly chainPem: string;
  readonly certPem: string;
  /** How many requests it answered. */
  readonly requests: () => number;
  close(): Promise<void>;
}

export interface TsaOptions {
  readonly key?: TsaKeyType;
  readonly name?: string;
  /** Put the root CA certificate in every token too (the signer's certificate always is, for certReq). */
  readonly embedRoot?: boolean;
  /** Accept only SHA-384 and SHA-512 imprints: a SHA-256 request gets a PKIStatus rejection (badAlg). */
  readonly refuseSha256?: boolean;
  /** Answer every request after the first with the first reply (a replay: wrong nonce, other imprint). */
  readonly replay?: boolean;
  /** Issue with this certificate instead of a new one. */
  readonly certificate?: TestCertificate;
}

export interface FakeServer {
  readonly url: string;
  close(): Promise<void>;
}

export interface TestPki {
  readonly dir: string;
  readonly caPath: string;
  readonly caPem: string;
  /** A certificate from the root: a TSA certificate, or with timeStamping false one without that extended key usage. */
  issue(name: string, options?: { readonly key?: TsaKeyType; readonly timeStamping?: boolean }): Promise<TestCertificate>;
  startTsa(options?: TsaOptions): Promise<TestTsa>;
  /**
   * The TSTInfo of a response's token, signed anew by `cert` as a bare token (DER); with
   * `ess: false` without the ESS SigningCertificateV2 attribute (no -cades).
   */
  resign(response: Uint8Array, cert: TestCertificate, options?: { readonly ess?: boolean }): Promise<Uint8Array>;
  /** Closes every server started here and removes the folder. */
  dispose(): Promise<void>;
}

export async function openssl(args: readonly string[]): Promise<string> {
  const { stdout } = await run('openssl', args, { encoding: 'utf8' });
  return stdout;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/tsr`));
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 65536) request.destroy(new Error('request too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** An http://127.0.0.1 URL where nothing listens: connecting is refused at once. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await closeServer(server);
  return url;
}

/** A server that answers every request with HTTP 500, garbage under the right content type, half an answer, or never. */
export async function startFakeTsa(answer: 'http-500' | 'garbage' | 'cut-off' | 'silent'): Promise<FakeServer> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void readBody(request).then(() => {
      if (answer === 'silent') return;
      if (answer === 'http-500') {
        response.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internal Server Error');
        return;
      }
      if (answer === 'cut-off') {
        response.writeHead(200, { 'Content-Type': 'application/timestamp-reply', 'Content-Length': 1000 }).write(Buffer.alloc(10), () => response.socket?.destroy());
        return;
      }
      response.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end('this is not a TimeStampResp');
    });
  });
  const url = await listen(server);
  return { url, close: () => closeServer(server) };
}

export async function createTestPki(): Promise<TestPki> {
  const dir = await mkdtemp(join(tmpdir(), 'tamga-tsa-'));
  const caPath = join(dir, 'ca.pem');
  const caKey = join(dir, 'ca.key');
  await openssl([
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-sha256', '-days', '3650',
    '-subj', '/O=Tamga tests/CN=Tamga Test Root CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    '-keyout', caKey, '-out', caPath,
  ]);
  const caPem = await readFile(caPath, 'utf8');
  const closers: (() => Promise<void>)[] = [];
  let serial = 0x1000;
  let count = 0;

  const issue: TestPki['issue'] = async (name, options = {}) => {
    const id = `cert${++count}`;
    const keyPath = join(dir, `${id}.key`);
    const certPath = join(dir, `${id}.pem`);
    const ext = join(dir, `${id}.ext`);
    const csr = join(dir, `${id}.csr`);
    await openssl(options.key === 'rsa' ? ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', keyPath] : ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', keyPath]);
    await writeFile(
      ext,
      [
        '[tsa_ext]',
        'basicConstraints = critical,CA:FALSE',
        'keyUsage = critical,digitalSignature,nonRepudiation',
        ...(options.timeStamping === false ? [] : ['extendedKeyUsage = critical,timeStamping']),
        'subjectKeyIdentifier = hash',
        'authorityKeyIdentifier = keyid',
        '',
      ].join('\n'),
    );
    await openssl(['req', '-new', '-key', keyPath, '-subj', `/O=Tamga tests/CN=${name}`, '-out', csr]);
    await openssl(['x509', '-req', '-in', csr, '-CA', caPath, '-CAkey', caKey, '-set_serial', `0x${(++serial).toString(16)}`, '-days', '365', '-sha256', '-extfile', ext, '-extensions', 'tsa_ext', '-out', certPath]);
    return { name, certPath, keyPath, pem: await readFile(certPath, 'utf8') };
  };

  const startTsa: TestPki['startTsa'] = async (options = {}) => {
    const cert = options.certificate ?? (await issue(options.name ?? `Tamga Test TSA ${options.key === 'rsa' ? 'RSA' : 'ECDSA'}`, { key: options.key ?? 'ec' }));
    const id = `tsa${++count}`;
    const config = join(dir, `${id}.cnf`);
    const serialFile = join(dir, `${id}.serial`);
    await writeFile(serialFile, '01\n');
    await writeFile(
      config,
      [
        '[ tsa ]',
        'default_tsa = tsa_config',
        '[ tsa_config ]',
        `serial = ${serialFile}`,
        'crypto_device = builtin',
        `signer_cert = ${cert.certPath}`,
        `signer_key = ${cert.keyPath}`,
        ...(options.embedRoot === true ? [`certs = ${caPath}`] : []),
        'signer_digest = sha256',
        `default_policy = ${TEST_POLICY}`,
        'other_policies = 1.3.6.1.4.1.59999.2',
        `digests = ${options.refuseSha256 === true ? 'sha384, sha512' : 'sha256, sha384, sha512'}`,
        'accuracy = secs:1, millisecs:500, microsecs:100',
        'clock_precision_digits = 3',
        'ordering = yes',
        'tsa_name = yes',
        'ess_cert_id_chain = no',
        'ess_cert_id_alg = sha256',
        '',
      ].join('\n'),
    );
    let requests = 0;
    let queue: Promise<unknown> = Promise.resolve();
    let first: Buffer | null = null;

    const reply = async (query: Buffer): Promise<Buffer> => {
      const n = ++requests;
      if (options.replay === true && first !== null) return first;
      const queryFile = join(dir, `${id}-${n}.tsq`);
      const replyFile = join(dir, `${id}-${n}.tsr`);
      await writeFile(queryFile, query);
      // Serial numbers come from one file: one reply at a time.
      await openssl(['ts', '-reply', '-config', config, '-section', 'tsa_config', '-queryfile', queryFile, '-out', replyFile]);
      const der = await readFile(replyFile);
      first ??= der;
      return der;
    };

    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const answered = readBody(request).then((query) => {
        if (request.method !== 'POST' || request.headers['content-type'] !== 'application/timestamp-query') {
          response.writeHead(400, { 'Content-Type': 'text/plain' }).end('POST an application/timestamp-query');
          return;
        }
        const next = queue.then(() => reply(query));
        queue = next.catch(() => undefined);
        return next.then(
          (der) => void response.writeHead(200, { 'Content-Type': 'application/timestamp-reply', 'Content-Length': der.length }).end(der),
          (err: unknown) => void response.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(err)),
        );
      });
      void answered;
    });
    const url = await listen(server);
    const close = (): Promise<void> => closeServer(server);
    closers.push(close);
    return { url, caPem, chainPem: cert.pem + caPem, certPem: cert.pem, requests: () => requests, close };
  };

  const resign: TestPki['resign'] = async (response, cert, options = {}) => {
    const id = `resign${++count}`;
    const tsr = join(dir, `${id}.tsr`);
    const token = join(dir, `${id}-token.der`);
    const tstInfo = join(dir, `${id}-tstinfo.der`);
    const out = join(dir, `${id}.der`);
    await writeFile(tsr, response);
    await openssl(['ts', '-reply', '-in', tsr, '-token_out', '-out', token]);
    await openssl(['cms', '-verify', '-noverify', '-binary', '-inform', 'DER', '-in', token, '-out', tstInfo]);
    await openssl([
      'cms', '-sign', '-binary', '-nodetach', ...(options.ess === false ? [] : ['-cades']), '-nosmimecap', '-md', 'sha256',
      '-econtent_type', '1.2.840.113549.1.9.16.1.4', '-in', tstInfo,
      '-signer', cert.certPath, '-inkey', cert.keyPath, '-outform', 'DER', '-out', out,
    ]);
    return new Uint8Array(await readFile(out));
  };

  const dispose = async (): Promise<void> => {
    await Promise.all(closers.splice(0).map((c) => c()));
    await rm(dir, { recursive: true, force: true });
  };

  return { dir, caPath, caPem, issue, startTsa, resign, dispose };
}
