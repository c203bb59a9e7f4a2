/**
 * One run of `verify` over an open source, step by step: the declarations (bagit.txt,
 * bag-info.txt, the manifests, the seal, the key files, the exhibit list), the bag's
 * shape, then every listed file hashed once (custody logs checked on the same read; the
 * tag files and logs while the payload is hashed, see file-lanes.ts), and last the
 * per-exhibit checks. Every step reports into one problem list and carries on, so the
 * report names every problem, not just the first.
 *
 * Files that are parsed are read whole, under maxTagFileBytes, and kept only until they
 * are hashed; custody logs are read, hashed and checked one at a time; everything else is
 * streamed. Memory is therefore bounded by the limits, whatever the bundle holds.
 */
import type { VerifyLimits, VerifyNote, VerifyProblem, VerifyProgress, VerifyTimestamp } from '../../../../shared/bundle';
import type { Checkpoint } from '../../custody/checkpoint';
import {
  BAG_INFO_TXT,
  BAGIT_TXT,
  CUSTODY_CHECKPOINT,
  CUSTODY_LOG_FILES,
  CUSTODY_PROOFS,
  CUSTODY_DIR,
  custodyFile,
  EXHIBITS_CSV,
  hopOfPath,
  HOPS_DIR,
  EXHIBITS_JSON,
  exhibitOfPath,
  isTimestampFile,
  MANIFEST_SHA256,
  MANIFEST_SHA512,
  README_VERIFY,
  REPORT_HTML,
  REPORT_PDF,
  SEAL_PUBLIC_KEY,
  SEAL_SIGNATURE,
  TAGMANIFEST_SHA256,
  VAULT_KEY_JSON,
} from '../layout';
import { checkBagitTxt } from './bagit';
import { checkPayloadOxum, parseBagInfo, type BagInfo } from './bag-info';
import { checkCustody, type CustodyOutcome } from './custody-check';
import { checkCustodyLog } from './custody-log-check';
import { parseExhibitList, type ListedExhibit } from './exhibit-list';
import { parseExhibitsCsv, type CsvRow } from './exhibits-csv';
import { ExpectedDigests } from './expected-digests';
import { cursor, runLane, runPayloadLanes, type StartFile } from './file-lanes';
import { FileHasher, isHashAlgorithm, type HashMode, type PendingDigests } from './hashing';
import { manifestName, parseManifest, type Manifest } from './manifest';
import { BoundedProblems } from './problem-summary';
import { problem, ReadFailure, show, throwIfStopped } from './problems';
import { checkReadme, type PayloadSizes } from './readme-check';
import { ReportHtmlCheck, type ManifestExhibit } from './report-html-check';
import { pdfTextLines, type PdfText } from './pdf-text';
import { checkReportPdf, MAX_REPORT_PDF_BYTES } from './report-pdf-check';
import { READ_AHEAD_MAX_BYTES, ReadAhead, type ReadResult } from './read-ahead';
import { checkSeal, type SealOutcome } from './seal';
import type { KnownSender } from '../../../../shared/senders';
import { checkSignerClaims } from './signer-claims';
import type { BundleSource, SourceFile } from './source';
import { checkStructure, isPayloadPath } from './structure';
import { checkTimestamps } from './timestamp-check';
import { gatherExhibits } from './exhibit-facts';
import { checkHops, type HopOutcome } from './hop-check';
import type { ExhibitFacts } from './verdicts';

const PROGRESS_EVERY_MS = 100;
/** The proofs of a large bundle: ~1.5 kB an exhibit, so 100 000 exhibits fit. */
const MAX_PROOFS_BYTES = 256 * 1024 * 1024;

/** What hashing one file needs to know about all of them. */
interface FileContext {
  readonly expected: ExpectedDigests;
  readonly isLog: ReadonlySet<string>;
  /** Each exhibit's SHA-256 as manifest-sha256.txt lists it, which its 'acquired' event must repeat. */
  readonly payloadSha256: ReadonlyMap<string, string>;
}

export class BundleCheck {
  readonly problems: VerifyProblem[];
  /** What changes no verdict but a reader should know (the listing's notes are the source's). */
  readonly notes: VerifyNote[] = [];
  custodyLog: Checkpoint | null = null;
  /** Earlier checkpoints this bundle proves consistent with its own, size → root. */
  earlierCheckpoints: ReadonlyMap<number, string> = new Map();
  manifests: Manifest[] = [];
  bagInfo: BagInfo | null = null;
  seal: SealOutcome = { publicKey: null, fingerprint: null, trust: 'unknown', name: null };
  checkedFiles = 0;
  checkedBytes = 0;
  /** The timestamps over the seal that hold (timestamp-check.ts). */
  timestamps: VerifyTimestamp[] = [];
  /** Each exhibit's earlier hops as checked (hop-check.ts). */
  readonly hopOutcomes = new Map<string, HopOutcome>();
  private list: Map<string, ListedExhibit> | null = null;
  private csv: Map<string, CsvRow[]> | null = null;
  private readonly cache = new Map<string, Buffer>();
  /** Files that could not be read (reported once): never tried again. */
  private readonly failed = new Set<string>();
  /** Files too large to read whole (reported once): still streamed through their hashes. */
  private readonly tooLarge = new Set<string>();
  private readonly custody = new Map<string, CustodyOutcome>();
  private readonly hasher: FileHasher;
  /** report/exhibit-list.pdf read at the start and its text being read on another thread (pdf-text.ts), or null. */
  private pdfAhead: Promise<{ bytes: Buffer; text: Promise<PdfText> } | null> = Promise.resolve(null);
  private bytesTotal = 0;
  private lastProgress = 0;

  constructor(
    private readonly source: BundleSource,
    private readonly limits: VerifyLimits,
    private readonly signal: AbortSignal,
    private readonly pinned: string | null,
    private readonly knownSenders: readonly Pick<KnownSender, 'name' | 'fingerprint'>[],
    private readonly onProgress: (progress: VerifyProgress) => void,
    /** The TSA roots the user trusts (PEM text), or null: timestamps are then checked but their TSA not confirmed. */
    private readonly tsaTrust: string | null = null,
  ) {
    this.problems = BoundedProblems.copyOf(source.problems);
    this.hasher = new FileHasher(source, signal, (bytes) => {
      this.checkedBytes += bytes;
      this.progress('payload', null);
    });
  }

  async run(): Promise<void> {
    this.pdfAhead = this.readPdfAhead();
    await this.readDeclarations();
    checkStructure(this.source, this.manifests, this.problems);
    await this.hashFiles();
    await this.checkLogFiles();
    await this.checkHopFiles();
    await this.checkTimestampFiles();
    await this.checkHtml();
    await this.checkPdf();
    // A refused payload file (a link, an oversized entry) has no size to count: its own
    // problem fails the bundle already, and a Payload-Oxum mismatch would only repeat it.
    if (![...this.source.refused].some(isPayloadPath)) {
      const { bytes, files } = this.payloadTotals();
      this.problems.push(...checkPayloadOxum(this.bagInfo, bytes, files));
    }
  }

  /** Payload-Oxum as found: the bytes and number of the payload files present. */
  payloadTotals(): { bytes: number; files: number } {
    let bytes = 0;
    let files = 0;
    for (const file of this.source.files.values()) {
      if (!isPayloadPath(file.path)) continue;
      bytes += file.size;
      files += 1;
    }
    return { bytes, files };
  }

  /** The payload files' sizes by path, looked up in the listing: a copy of 200 000 sizes was ~15 MB, twice. */
  private payloadSizeView(): PayloadSizes {
    const payloadFile = (path: string): SourceFile | undefined => (isPayloadPath(path) ? this.source.files.get(path) : undefined);
    return { get: (path) => payloadFile(path)?.size, has: (path) => payloadFile(path) !== undefined };
  }

  async close(): Promise<void> {
    this.cache.clear();
    await this.hasher.close();
  }

  private progress(phase: VerifyProgress['phase'], currentPath: string | null, force = false): void {
    const now = Date.now();
    if (!force && now - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    this.onProgress({ phase, bytesDone: this.checkedBytes, bytesTotal: this.bytesTotal, currentPath });
  }

  /** A file read whole (at most maxTagFileBytes), or null when absent, too large or unreadable (reported to `problems`). */
  private async readWhole(path: string, keep = true, problems = this.problems, maxBytes = this.limits.maxTagFileBytes): Promise<Buffer | null> {
    const cached = this.cache.get(path);
    if (cached !== undefined) return cached;
    const file = this.source.files.get(path);
    if (file === undefined || this.failed.has(path) || this.tooLarge.has(path)) return null;
    if (file.size > maxBytes) {
      problems.push(problem('TAG_FILE_TOO_LARGE', `${show(path)} holds ${file.size} bytes, more than the ${maxBytes} Tamga reads into memory to check its contents.`, { path }));
      this.tooLarge.add(path);
      return null;
    }
    const parts: Buffer[] = [];
    try {
      for await (const chunk of this.source.read(path, this.signal)) parts.push(Buffer.from(chunk));
    } catch (error) {
      if (!(error instanceof ReadFailure)) throw error;
      problems.push(error.problem);
      this.failed.add(path);
      return null;
    }
    const bytes = Buffer.concat(parts);
    if (keep) this.cache.set(path, bytes);
    return bytes;
  }

  private async readDeclarations(): Promise<void> {
    this.problems.push(...checkBagitTxt(await this.readWhole(BAGIT_TXT)));
    for (const path of this.source.files.keys()) {
      const named = path.includes('/') ? null : manifestName(path);
      if (named === null) continue;
      if (!isHashAlgorithm(named.algorithm)) {
        this.problems.push(problem('MANIFEST_ALGORITHM_UNSUPPORTED', `${show(path)} uses the algorithm ${show(named.algorithm)}, which Tamga cannot check (md5, sha1, sha256 and sha512 only).`, { path }));
        continue;
      }
      const bytes = await this.readWhole(path);
      if (bytes !== null) this.manifests.push(parseManifest(path, named.kind, named.algorithm, bytes, this.problems));
    }
    for (const required of [MANIFEST_SHA256, MANIFEST_SHA512, TAGMANIFEST_SHA256]) {
      if (this.source.files.has(required) || this.source.refused.has(required)) continue;
      this.problems.push(problem('MANIFEST_MISSING', `${required} is missing: a Tamga bundle always has it, and without it the bundle cannot be checked in full.`, { path: required }));
    }
    this.bagInfo = parseBagInfo(await this.readWhole(BAG_INFO_TXT), this.problems);
    const tagManifest = await this.readWhole(TAGMANIFEST_SHA256);
    const signature = await this.readWhole(SEAL_SIGNATURE);
    const pem = await this.readWhole(SEAL_PUBLIC_KEY);
    this.seal = checkSeal({ tagManifest, signature, pem, pinned: this.pinned, knownSenders: this.knownSenders }, this.problems);
    checkSignerClaims(this.seal, this.bagInfo, await this.readWhole(VAULT_KEY_JSON), this.problems);
    const list = await this.readWhole(EXHIBITS_JSON);
    this.list = list === null ? null : parseExhibitList(list, this.problems);
    const csv = await this.readWhole(EXHIBITS_CSV);
    this.csv = csv === null ? null : parseExhibitsCsv(csv, this.problems);
    await this.checkStatements();
  }

  /** What README-VERIFY.txt tells a clerk, against the sealed files (readme-check.ts). */
  private async checkStatements(): Promise<void> {
    const facts = { fingerprint: this.seal.fingerprint, manifests: this.manifests, sizes: this.payloadSizeView(), custodyLogFiles: this.custodyLogFileCount() };
    checkReadme(await this.readWhole(README_VERIFY), facts, this.problems);
  }

  /**
   * The PDF, read back with PDF.js (~30 MB and ~0.15 s for a small one): after the payload,
   * so that its memory never adds to the payload's read buffers.
   */
  private async checkPdf(): Promise<void> {
    // A PDF holds thumbnails: it may be larger than the other tag files, up to MAX_REPORT_PDF_BYTES.
    const bytes = await this.readWhole(REPORT_PDF, false, this.problems, Math.max(this.limits.maxTagFileBytes, MAX_REPORT_PDF_BYTES));
    const ahead = await this.pdfAhead;
    // The text read ahead is used only when it was read from these very bytes.
    const textOf = (checked: Uint8Array): Promise<PdfText> => (ahead !== null && ahead.bytes.equals(checked) ? ahead.text : pdfTextLines(checked, this.signal));
    await checkReportPdf(bytes, { fingerprint: this.seal.fingerprint, manifests: this.manifests, sizes: this.payloadSizeView(), custodyLogFiles: this.custodyLogFileCount() }, this.problems, textOf);
    throwIfStopped(this.signal);
  }

  /**
   * Reads the PDF at the start and starts reading its text on another thread, so that the
   * checks before checkPdf overlap it. Reports nothing and marks nothing: checkPdf reads
   * the file again as before (its problems, in their place) and takes this text only for
   * the same bytes; any failure here just leaves it to checkPdf.
   */
  private async readPdfAhead(): Promise<{ bytes: Buffer; text: Promise<PdfText> } | null> {
    const file = this.source.files.get(REPORT_PDF);
    if (file === undefined || file.size > Math.max(this.limits.maxTagFileBytes, MAX_REPORT_PDF_BYTES)) return null;
    try {
      const parts: Buffer[] = [];
      for await (const chunk of this.source.read(REPORT_PDF, this.signal)) parts.push(Buffer.from(chunk));
      const bytes = Buffer.concat(parts);
      return { bytes, text: pdfTextLines(bytes, this.signal) };
    } catch {
      return null;
    }
  }

  /** The checkpoint and proofs that follow the seal (custody-log-check.ts), once every custody log is checked. */
  private async checkLogFiles(): Promise<void> {
    const proofsLimit = Math.max(this.limits.maxTagFileBytes, MAX_PROOFS_BYTES);
    const payloadSha256 = new Map<string, string>();
    for (const [p, { digest }] of this.manifests.find((m) => m.name === MANIFEST_SHA256)?.entries ?? []) {
      const exhibit = isPayloadPath(p) ? exhibitOfPath(p) : null;
      if (exhibit !== null && !payloadSha256.has(exhibit)) payloadSha256.set(exhibit, digest);
    }
    const outcome = checkCustodyLog(
      {
        checkpoint: await this.readWhole(CUSTODY_CHECKPOINT, false),
        proofs: await this.readWhole(CUSTODY_PROOFS, false, this.problems, proofsLimit),
        publicKey: this.seal.publicKey,
        signer: this.bagInfo?.get('Tamga-Signer') ?? null,
        bundleId: this.bagInfo?.get('Tamga-Bundle-Id') ?? null,
        tagManifest: await this.readWhole(TAGMANIFEST_SHA256),
        custody: this.custody,
        payloadSha256,
      },
      this.problems,
      this.notes,
    );
    this.custodyLog = outcome.checkpoint;
    this.earlierCheckpoints = outcome.earlier;
    throwIfStopped(this.signal);
  }

  /**
   * The earlier hops (hop-check.ts): every exhibit whose custody log records a receipt, or
   * that has hop files, read whole (a few KiB each; within the tag-file limit, each hashed
   * already against the tag manifest), after its own custody log is checked.
   */
  private async checkHopFiles(): Promise<void> {
    const byExhibit = new Map<string, Map<number, Map<string, Uint8Array>>>();
    for (const path of this.source.files.keys()) {
      const at = hopOfPath(path);
      if (at === null) continue;
      const bytes = await this.readWhole(path, false);
      if (bytes === null) continue;
      const hops = byExhibit.get(at.exhibit) ?? new Map<number, Map<string, Uint8Array>>();
      const files = hops.get(at.hop) ?? new Map<string, Uint8Array>();
      files.set(at.name, bytes);
      hops.set(at.hop, files);
      byExhibit.set(at.exhibit, hops);
    }
    const payloadSha256 = new Map<string, string>();
    for (const [p, { digest }] of this.manifests.find((m) => m.name === MANIFEST_SHA256)?.entries ?? []) {
      const exhibit = isPayloadPath(p) ? exhibitOfPath(p) : null;
      if (exhibit !== null && !payloadSha256.has(exhibit)) payloadSha256.set(exhibit, digest);
    }
    for (const [exhibit, outcome] of this.custody) {
      if (!outcome.received && !byExhibit.has(exhibit)) continue;
      const payload = payloadSha256.get(exhibit) ?? null;
      const input = {
        exhibit,
        sha256: payload,
        own: { custody: await this.readWhole(custodyFile(exhibit), false), vaultId: this.bagInfo?.get('Tamga-Signer') ?? null, sealedAt: this.bagInfo?.get('Tamga-Sealed-At') ?? null },
        hops: byExhibit.get(exhibit) ?? new Map(),
        capture: this.list?.get(exhibit)?.capture ?? null,
      };
      this.hopOutcomes.set(exhibit, checkHops(input, this.problems));
    }
    for (const exhibit of byExhibit.keys()) {
      if (!this.custody.has(exhibit)) this.problems.push(problem('HOP_MALFORMED', `The bundle carries hops for ${exhibit}, but has no custody log of ${exhibit} that could link to them.`, { path: `${HOPS_DIR}/${exhibit}`, exhibit }));
    }
    throwIfStopped(this.signal);
  }

  /** Each seal/*.tsr over the seal signature, and the chain files next to them, read whole (a few KiB each). */
  private async checkTimestampFiles(): Promise<void> {
    const files = [...this.source.files.keys()].filter((p) => isTimestampFile(p)).sort();
    if (files.length === 0) return;
    const read = async (paths: string[]): Promise<{ path: string; bytes: Uint8Array | null }[]> => {
      const out: { path: string; bytes: Uint8Array | null }[] = [];
      for (const path of paths) out.push({ path, bytes: await this.readWhole(path, false) });
      return out;
    };
    const tokens = await read(files.filter((p) => p.endsWith('.tsr')));
    const chains = await read(files.filter((p) => !p.endsWith('.tsr')));
    this.timestamps = await checkTimestamps({ tokens, chains, signature: await this.readWhole(SEAL_SIGNATURE), trust: this.tsaTrust }, this.problems, this.notes);
    throwIfStopped(this.signal);
  }

  private custodyLogFileCount(): number {
    return CUSTODY_LOG_FILES.filter((p) => this.source.files.has(p) || this.source.refused.has(p)).length;
  }

  /** The HTML report, streamed once more (its thumbnails skipped as they arrive): what a judge opens. */
  private async checkHtml(): Promise<void> {
    if (!this.source.files.has(REPORT_HTML) || this.failed.has(REPORT_HTML)) return;
    const sha256 = this.manifests.find((m) => m.name === MANIFEST_SHA256);
    const sha512 = this.manifests.find((m) => m.name === MANIFEST_SHA512);
    const manifests = new Map<string, ManifestExhibit>();
    for (const path of new Set([...(sha256?.entries.keys() ?? []), ...(sha512?.entries.keys() ?? [])])) {
      const exhibit = isPayloadPath(path) ? exhibitOfPath(path) : null;
      if (exhibit === null || manifests.has(exhibit)) continue;
      const size = this.source.files.get(path)?.size ?? null;
      manifests.set(exhibit, { path, size, sha256: sha256?.entries.get(path)?.digest ?? null, sha512: sha512?.entries.get(path)?.digest ?? null });
    }
    const check = new ReportHtmlCheck({ list: this.list, manifests, bagInfo: this.bagInfo }, this.limits.maxTagFileBytes, this.problems);
    await check.run(this.source.read(REPORT_HTML, this.signal));
    throwIfStopped(this.signal);
  }

  private async hashFiles(): Promise<void> {
    const expected = new ExpectedDigests(this.manifests);
    const payloadSha256 = new Map<string, string>();
    for (const [p, { digest }] of this.manifests.find((m) => m.name === MANIFEST_SHA256)?.entries ?? []) {
      const exhibit = isPayloadPath(p) ? exhibitOfPath(p) : null;
      if (exhibit !== null && !payloadSha256.has(exhibit)) payloadSha256.set(exhibit, digest);
    }
    const listed = [...expected.paths()].filter((p) => this.source.files.has(p));
    const custodyLogs = [...this.source.files.keys()].filter((p) => p.startsWith(`${CUSTODY_DIR}/`) && exhibitOfPath(p) !== null);
    const isLog = new Set(custodyLogs);
    const tags = [...new Set([...listed.filter((p) => !isPayloadPath(p) && !isLog.has(p)), ...custodyLogs])];
    const payload = listed.filter(isPayloadPath);
    this.bytesTotal = [...tags, ...payload].reduce((sum, p) => sum + (this.source.files.get(p)?.size ?? 0), 0);
    this.progress('tag-files', null, true);
    const context = { expected, isLog, payloadSha256 };
    // The tag files and custody logs are checked while the payload is hashed (file-lanes.ts):
    // this thread's work on them (hashes, parsing, signatures: ~0.1 s for 200 exhibits)
    // fills its waits for the SHA-512 thread instead of delaying the payload. Each file
    // reports into its own list, joined in the order of one file after the other.
    const tagProblems: VerifyProblem[] = [];
    const payloadProblems = payload.map((): VerifyProblem[] => []);
    const tagsAhead = this.readAhead(tags, isLog);
    const payloadAhead = this.readAhead(payload, isLog);
    const startTag: StartFile = async (i, mode) => this.startFile(tags[i] ?? '', await tagsAhead.take(i), context, tagProblems, mode);
    const startPayload: StartFile = async (i, mode) => this.startFile(payload[i] ?? '', await payloadAhead.take(i), context, payloadProblems[i] ?? [], mode);
    const sizes = payload.map((p) => this.source.files.get(p)?.size ?? 0);
    const lists = await Promise.allSettled([
      runLane(cursor(tags.map((_, i) => i)), startTag, 'local', this.signal),
      runPayloadLanes(sizes, startPayload, this.hasher, this.signal),
    ]);
    // One at a time: a spread of 200 000 problems would overflow the call stack.
    for (const list of [tagProblems, ...payloadProblems]) for (const p of list) this.problems.push(p);
    for (const list of lists) if (list.status === 'rejected') throw list.reason;
    this.progress('finished', null, true);
  }

  private readAhead(order: readonly string[], isLog: ReadonlySet<string>): ReadAhead {
    const limit = (p: string): number => (isLog.has(p) ? Math.min(READ_AHEAD_MAX_BYTES, this.limits.maxTagFileBytes) : READ_AHEAD_MAX_BYTES);
    return new ReadAhead(this.source, this.signal, order, (p) => !this.cache.has(p) && (this.source.files.get(p)?.size ?? Infinity) <= limit(p));
  }

  /** Reads and hashes one file on this thread; the step returned awaits the other thread and reports. */
  private async startFile(path: string, early: ReadResult | null, context: FileContext, reported: VerifyProblem[], mode: HashMode): Promise<() => Promise<void>> {
    if (early !== null && 'error' in early) throw early.error;
    const size = this.source.files.get(path)?.size ?? 0;
    const algorithms = context.expected.algorithmsFor(path);
    const exhibit = context.isLog.has(path) ? exhibitOfPath(path) : null;
    const problems: VerifyProblem[] = [];
    if (early !== null && 'failure' in early) {
      problems.push(early.failure.problem);
      this.failed.add(path);
    }
    const bytes = early !== null ? ('bytes' in early ? early.bytes : null) : exhibit !== null || this.cache.has(path) ? await this.readWhole(path, false, problems) : null;
    let digests: PendingDigests | null = null;
    if (bytes !== null) {
      digests = await this.hasher.hashBytes(bytes, algorithms, mode);
      this.checkedBytes += size;
    } else if (!this.failed.has(path)) {
      try {
        this.progress('payload', path, true);
        digests = await this.hasher.hash(path, algorithms, size, mode);
      } catch (error) {
        if (!(error instanceof ReadFailure)) throw error;
        problems.push(error.problem);
      }
    }
    this.cache.delete(path);
    return async () => {
      reported.push(...problems);
      if (digests !== null) context.expected.compare(path, await digests(), reported);
      if (exhibit !== null && bytes !== null) this.checkCustodyLog(exhibit, path, bytes, context.payloadSha256, reported);
      this.checkedFiles += 1;
    };
  }

  private checkCustodyLog(exhibit: string, path: string, bytes: Buffer, payloadSha256: ReadonlyMap<string, string>, problems: VerifyProblem[]): void {
    const input = {
      exhibit,
      path,
      bytes,
      publicKey: this.seal.publicKey,
      itemId: this.list?.get(exhibit)?.itemId ?? null,
      manifestSha256: payloadSha256.get(exhibit) ?? null,
      payloadSize: this.payloadSizes().get(exhibit) ?? null,
      listed: this.list?.get(exhibit) ?? null,
      bundleId: this.bagInfo?.get('Tamga-Bundle-Id') ?? null,
    };
    this.custody.set(exhibit, checkCustody(input, problems));
  }

  private sizes: Map<string, number | null> | null = null;

  /** Each exhibit's payload file size (null when it has more than one file: DUPLICATE_EXHIBIT says so). */
  private payloadSizes(): Map<string, number | null> {
    if (this.sizes !== null) return this.sizes;
    const sizes = new Map<string, number | null>();
    for (const file of this.source.files.values()) {
      const exhibit = isPayloadPath(file.path) ? exhibitOfPath(file.path) : null;
      if (exhibit !== null) sizes.set(exhibit, sizes.has(exhibit) ? null : file.size);
    }
    this.sizes = sizes;
    return sizes;
  }

  /** Every exhibit the bundle mentions, with what it says about each (see exhibit-facts.ts). */
  exhibitFacts(): ExhibitFacts[] {
    return gatherExhibits({ source: this.source, manifests: this.manifests, custody: this.custody, list: this.list, csv: this.csv }, this.problems);
  }
}
