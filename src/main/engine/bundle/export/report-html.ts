/**
 * report/exhibit-list.html: the exhibit list as one self-contained page a browser opens
 * from disk. No script of any kind, no link to anything outside the file (thumbnails are
 * data: URIs), and a Content-Security-Policy that forbids both even if text got through:
 * only data: images and the one inline style block (pinned by its hash) may load. Every
 * piece of evidence or user text is escaped; a file named `<img src=x onerror=…>.jpg` is
 * shown as that text.
 */
import { createHash } from 'node:crypto';
import { headerLines, reportExhibit, reportVerifySteps, type ReportHeader, type ReportLine, type VerifyStep } from './report-model';
import type { SealedExhibit } from './exhibit';
import type { ThumbnailLoader } from './thumbnails';

const STYLE = `
body { font: 14px/1.4 "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #111; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; }
dt { color: #555; }
dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.mono { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.85rem; overflow-wrap: anywhere; }
.verify { border: 1px solid #bbb; background: #f6f6f6; padding: 0.5rem 1rem; margin: 1rem 0 2rem; }
.verify pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.3rem 0; }
article { display: grid; grid-template-columns: 9rem 1fr; gap: 1rem; border-top: 1px solid #999; padding: 1rem 0; break-inside: avoid; }
article img { max-width: 9rem; max-height: 9rem; }
article h2 { font-size: 1.1rem; margin: 0 0 0.5rem; overflow-wrap: anywhere; }
footer { border-top: 1px solid #999; padding-top: 0.5rem; color: #555; font-size: 0.85rem; }
`;

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** The policy of the page itself: nothing runs, nothing loads but data: images and the style above. */
export const REPORT_CSP = `default-src 'none'; img-src data:; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'`;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

function definitionList(lines: readonly ReportLine[]): string {
  const rows = lines.map((l) => `<dt>${escapeHtml(l.label)}</dt><dd${l.mono ? ' class="mono"' : ''}>${escapeHtml(l.value)}</dd>`);
  return `<dl>\n${rows.join('\n')}\n</dl>`;
}

function verifySection(exhibitCount: number, withCustodyLog: boolean, hopFiles: number): string {
  const paragraph = (step: VerifyStep): string => (step.command === true ? `<pre class="mono">${escapeHtml(step.text)}</pre>` : `<p>${escapeHtml(step.text)}</p>`);
  return ['<section class="verify">', ...reportVerifySteps(exhibitCount, withCustodyLog, hopFiles).map(paragraph), '</section>'].join('\n');
}

function exhibitArticle(e: SealedExhibit, jpeg: Buffer | null, header: ReportHeader): string {
  const view = reportExhibit(e, header);
  // Base64 holds only [A-Za-z0-9+/=]: nothing in it can leave the attribute.
  const img = jpeg === null ? '' : `<img alt="Thumbnail of ${view.number}" src="data:image/jpeg;base64,${jpeg.toString('base64')}">`;
  return [
    `<article id="${view.number}">`,
    `<div>${img}</div>`,
    '<div>',
    `<h2>${view.number} — ${escapeHtml(view.originalName)}</h2>`,
    definitionList(view.lines),
    '</div>',
    '</article>',
  ].join('\n');
}

export async function reportHtml(header: ReportHeader, exhibits: readonly SealedExhibit[], thumbnail: ThumbnailLoader): Promise<string> {
  const articles: string[] = [];
  for (const [i, e] of exhibits.entries()) articles.push(exhibitArticle(e, await thumbnail(e, i), header));
  return reportPage(header, articles);
}

/** The page without thumbnails, as verify's tests build a bundle (their thumbnails would be blank anyway). */
export function reportHtmlWithoutThumbnails(header: ReportHeader, exhibits: readonly SealedExhibit[]): string {
  return reportPage(header, exhibits.map((e) => exhibitArticle(e, null, header)));
}

function reportPage(header: ReportHeader, articles: readonly string[]): string {
  const title = header.caseIdentifier !== '' ? `Exhibit list — ${header.caseIdentifier}` : `Exhibit list — bundle ${header.bundleId}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    '<h1>Exhibit list</h1>',
    definitionList(headerLines(header)),
    verifySection(header.exhibitCount, header.withCustodyLog, header.hopFiles),
    '</header>',
    '<main>',
    ...articles,
    '</main>',
    `<footer>Sealed evidence bundle ${escapeHtml(header.bundleId)}, sealed ${escapeHtml(header.sealedAt)} by the key ${escapeHtml(header.keyFingerprint)}. Made by Tamga.</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
