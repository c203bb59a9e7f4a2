/**
 * report/exhibit-list.html against the bundle: the page a judge opens must not show
 * another file, size or digest than the sealed data. The page is read as the exporter
 * writes it (src/main/engine/bundle/export/report-html.ts), tolerantly: one `<article
 * id="E0001">` per exhibit, its `<h2>` number and original name, and its `<dt>`/`<dd>`
 * lines; in the header, the exhibit count and size (as Payload-Oxum), the seal time, the bundle id, the
 * signer and the key. Those are compared with exhibits.json (else with the manifests)
 * and bag-info.txt, as the exporter would write them (names made visible, sizes for
 * people); free text (case, recipient, descriptions) is not.
 *
 * The page is streamed: thumbnails (data: URIs, most of its bytes) are skipped as they
 * arrive and each exhibit's block is checked and dropped, so memory stays at one block
 * whatever the page's size. A value that differs is REPORT_HTML_MISMATCH (on its
 * exhibit, when it is one's); a page in which the list cannot be found is
 * REPORT_HTML_INVALID, not a pass.
 */
import type { VerifyProblem } from '../../../../shared/bundle';
import { REPORT_HTML } from '../layout';
import { FILE_LINE_LABELS, sizeLine } from '../export/report-model';
import { humanSize, visibleName } from '../export/text';
import type { BagInfo } from './bag-info';
import type { ListedExhibit } from './exhibit-list';
import { problem, ReadFailure, show } from './problems';

const DATA_URI = 'src="data:';
const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (html: string): string => html.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** The labelled lines of one `<dl>`, values unescaped. */
function definitions(html: string): Map<string, string> {
  const lines = new Map<string, string>();
  for (const m of html.matchAll(/<dt>([^<]*)<\/dt><dd(?: class="mono")?>([^<]*)<\/dd>/g)) {
    const label = unescape(m[1] ?? '');
    if (!lines.has(label)) lines.set(label, unescape(m[2] ?? ''));
  }
  return lines;
}

/** What the sealed manifests say of one exhibit (null where they say nothing). */
export interface ManifestExhibit {
  readonly path: string;
  readonly size: number | null;
  readonly sha256: string | null;
  readonly sha512: string | null;
}

export interface ReportTruth {
  readonly list: ReadonlyMap<string, ListedExhibit> | null;
  readonly manifests: ReadonlyMap<string, ManifestExhibit>;
  readonly bagInfo: BagInfo | null;
}

interface ExpectedExhibit {
  readonly lines: ReadonlyMap<string, string>;
  readonly name: string | null;
  readonly events: number | null;
}

const L = FILE_LINE_LABELS;

function expectedExhibits(truth: ReportTruth): Map<string, ExpectedExhibit> {
  const out = new Map<string, ExpectedExhibit>();
  // As the manifests say, then as exhibits.json says where it describes the exhibit.
  for (const [number, m] of truth.manifests) {
    const lines = new Map<string, string>([[L.file, visibleName(m.path)]]);
    if (m.size !== null) lines.set(L.size, sizeLine(m.size));
    if (m.sha256 !== null) lines.set(L.sha256, m.sha256);
    if (m.sha512 !== null) lines.set(L.sha512, m.sha512);
    out.set(number, { lines, name: null, events: null });
  }
  for (const [number, e] of truth.list ?? []) {
    const lines = new Map<string, string>([
      [L.file, visibleName(e.path)],
      [L.size, sizeLine(e.size)],
      [L.sha256, e.sha256],
      [L.sha512, e.sha512],
    ]);
    out.set(number, { lines, name: e.originalName === null ? null : visibleName(e.originalName), events: e.custodyEvents });
  }
  return out;
}

/** The custody line's count: "4 events: acquired …", "1 event: …", or none. */
function custodyCount(line: string | undefined): number | null {
  if (line === 'no custody events recorded') return 0;
  const m = line === undefined ? null : /^(\d+) events?:/.exec(line);
  return m === null ? null : Number(m[1]);
}

export class ReportHtmlCheck {
  private readonly expected: Map<string, ExpectedExhibit>;
  private readonly seen = new Set<string>();
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private pending = '';
  private carry = '';
  private inUri = false;
  private headerDone = false;
  private broken = false;

  constructor(
    private readonly truth: ReportTruth,
    private readonly maxBlockBytes: number,
    private readonly problems: VerifyProblem[],
  ) {
    this.expected = expectedExhibits(truth);
  }

  private invalid(why: string): void {
    this.problems.push(problem('REPORT_HTML_INVALID', `${REPORT_HTML} ${why}.`, { path: REPORT_HTML }));
    this.broken = true;
  }

  private differ(what: string, exhibit?: string): void {
    this.problems.push(problem('REPORT_HTML_MISMATCH', `${REPORT_HTML} ${what}.`, exhibit === undefined ? { path: REPORT_HTML } : { path: REPORT_HTML, exhibit }));
  }

  /** Appends decoded text with the data: URIs left out (they may be split across chunks). */
  private take(text: string): void {
    let rest = this.carry + text;
    this.carry = '';
    for (;;) {
      if (this.inUri) {
        const end = rest.indexOf('"');
        if (end < 0) return;
        rest = rest.slice(end);
        this.inUri = false;
      }
      const at = rest.indexOf(DATA_URI);
      if (at < 0) {
        // The marker may begin at the end of this chunk: keep its possible start for the next.
        const keep = Math.max(0, rest.length - (DATA_URI.length - 1));
        this.pending += rest.slice(0, keep);
        this.carry = rest.slice(keep);
        return;
      }
      this.pending += rest.slice(0, at + 'src="'.length);
      rest = rest.slice(at + DATA_URI.length);
      this.inUri = true;
    }
  }

  private checkHeader(html: string): void {
    const lines = definitions(html);
    const info = this.truth.bagInfo;
    const compare = (label: string, want: string | null | undefined): void => {
      const found = lines.get(label);
      if (want === null || want === undefined) return;
      if (found !== want) this.differ(`gives "${label}" as ${found === undefined ? 'nothing' : show(found)}, but the bundle has ${show(want)}`);
    };
    // The count and size as Payload-Oxum gives them (which is compared with the payload itself).
    const oxum = /^(\d{1,16})\.(\d{1,16})$/.exec(info?.get('Payload-Oxum') ?? '');
    if (oxum !== null) compare('Exhibits', `${Number(oxum[2])} (${humanSize(Number(oxum[1]))}, ${Number(oxum[1])} bytes)`);
    compare('Bundle id', info?.get('Tamga-Bundle-Id'));
    compare('Signer (vault id)', info?.get('Tamga-Signer'));
    compare('Key fingerprint', info?.get('Tamga-Key-Fingerprint'));
    compare('Sealed at', info?.get('Tamga-Sealed-At')?.replace('T', ' ').replace('Z', ' UTC'));
  }

  private checkArticle(html: string): void {
    const number = /^\s*<article id="([^"]*)">/.exec(html)?.[1] ?? null;
    if (number === null) return this.invalid('holds an exhibit block without its number');
    const want = this.expected.get(number);
    if (want === undefined || this.seen.has(number)) return this.differ(`shows ${show(number)}${this.seen.has(number) ? ' a second time' : ', which the bundle does not hold'}`, /^E\d{4,}$/.test(number) ? number : undefined);
    this.seen.add(number);
    const heading = /<h2>([^<]*)<\/h2>/.exec(html)?.[1];
    const title = heading === undefined ? null : unescape(heading);
    if (title === null || !title.startsWith(`${number} — `)) this.differ(`shows no heading "${number} — <original name>" for ${number}`, number);
    else if (want.name !== null && title.slice(number.length + 3) !== want.name) this.differ(`gives ${number}'s original name as ${show(title.slice(number.length + 3))}, but the bundle has ${show(want.name)}`, number);
    const lines = definitions(html);
    for (const [label, value] of want.lines) {
      const found = lines.get(label);
      if (found !== value) this.differ(`gives ${number}'s ${label} as ${found === undefined ? 'nothing' : show(found)}, but the bundle has ${show(value)}`, number);
    }
    const events = custodyCount(lines.get('Custody'));
    if (want.events !== null && events !== want.events) this.differ(`gives ${number}'s custody as ${events === null ? 'nothing' : `${events} events`}, but its custody log holds ${want.events}`, number);
  }

  /** Checks what is complete in `pending`: the header once, then each whole article. */
  private drain(): void {
    if (!this.headerDone) {
      const main = this.pending.indexOf('<main>');
      if (main < 0) {
        if (this.pending.length > this.maxBlockBytes) this.invalid('has no exhibit list (<main>) where Tamga writes it');
        return;
      }
      this.checkHeader(this.pending.slice(0, main));
      this.pending = this.pending.slice(main + '<main>'.length);
      this.headerDone = true;
    }
    for (;;) {
      const end = this.pending.indexOf('</article>');
      if (end < 0) break;
      this.checkArticle(this.pending.slice(0, end));
      this.pending = this.pending.slice(end + '</article>'.length);
    }
    if (this.pending.length > this.maxBlockBytes && !this.pending.includes('</main>')) this.invalid(`holds an exhibit block larger than the ${this.maxBlockBytes} bytes Tamga reads at once`);
  }

  /** Reads the page to its end (a read failure ends it quietly: hashing reports it). */
  async run(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<void> {
    try {
      for await (const chunk of chunks) {
        try {
          this.take(this.decoder.decode(chunk, { stream: true }));
        } catch {
          return this.invalid('is not UTF-8 text');
        }
        this.drain();
        if (this.broken) return;
      }
    } catch (error) {
      if (error instanceof ReadFailure) return;
      throw error;
    }
    this.take('');
    this.pending += this.carry;
    this.drain();
    if (this.broken) return;
    if (!this.headerDone) return this.invalid('has no exhibit list (<main>) where Tamga writes it');
    if (!this.pending.includes('</main>')) return this.invalid('ends inside its exhibit list');
    for (const number of this.expected.keys()) {
      if (!this.seen.has(number)) this.differ(`does not show ${number}, which the bundle holds`, number);
    }
  }
}
