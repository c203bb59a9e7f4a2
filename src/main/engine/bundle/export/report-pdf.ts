/**
 * report/exhibit-list.pdf: the exhibit list for the court, made with pdfkit. A4, DejaVu
 * fonts embedded (the 14 standard PDF fonts have no Cyrillic, let alone Қ Ң Ө Ү Ұ Һ І),
 * page 1 opens with the bundle's facts, the key fingerprint and how to verify; then one
 * block per exhibit: thumbnail on the left, number and original name, then labelled lines.
 * Every page's footer repeats the bundle id, the fingerprint and "page i of n".
 *
 * Deterministic: the document date is Tamga-Sealed-At and pdfkit derives the file id from
 * the document info, so the same bundle gives the same bytes.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { TAMGA_VERSION } from '../../version';
import type { SealedExhibit } from './exhibit';
import { headerLines, reportExhibit, reportVerifySteps, type ReportExhibit, type ReportHeader, type ReportLine, type VerifyStep } from './report-model';
import type { ThumbnailLoader } from './thumbnails';

// Not named `require`: electron-vite's ESM shim declares a top-level `require` in the built
// engine worker, and a second declaration makes the whole worker fail to load.
const resolveHere = createRequire(import.meta.url);
const FONTS = {
  sans: resolveHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: resolveHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  mono: resolveHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf'),
} as const;

const MARGIN = 42;
const FOOTER_HEIGHT = 24;
const THUMB = 96;
const GAP = 12;
/** The label column: exhibit blocks, and the wider one of the page header. */
const LABEL_WIDTH = 62;
const HEADER_LABEL_WIDTH = 96;
/** Longer text is cut in the PDF (exhibits.json and the HTML report keep all of it). */
const MAX_PDF_TEXT = 1_500;
/** Commands are set at this size, or smaller when the longest line would not fit. */
const COMMAND_SIZE = 7;

type Doc = PDFKit.PDFDocument;

function clip(value: string): string {
  const chars = Array.from(value);
  return chars.length <= MAX_PDF_TEXT ? value : `${chars.slice(0, MAX_PDF_TEXT).join('')} … (cut here; the full text is in metadata/exhibits.json)`;
}

function setValueFont(doc: Doc, line: ReportLine): void {
  doc.font(line.mono ? 'mono' : 'sans').fontSize(line.mono ? 7.5 : 8.5);
}

/** One labelled line's height: the taller of its label and its value. */
function lineHeight(doc: Doc, line: ReportLine, width: number, labelWidth: number): number {
  const label = doc.font('sans').fontSize(7.5).heightOfString(line.label, { width: labelWidth - 4 });
  setValueFont(doc, line);
  return Math.max(label, doc.heightOfString(clip(line.value), { width: width - labelWidth })) + 2;
}

function linesHeight(doc: Doc, lines: readonly ReportLine[], width: number, labelWidth = LABEL_WIDTH): number {
  return lines.reduce((sum, line) => sum + lineHeight(doc, line, width, labelWidth), 0);
}

function drawLines(doc: Doc, lines: readonly ReportLine[], x: number, y: number, width: number, labelWidth = LABEL_WIDTH): number {
  let cursor = y;
  for (const line of lines) {
    const height = lineHeight(doc, line, width, labelWidth);
    doc.font('sans').fontSize(7.5).fillColor('#555555').text(line.label, x, cursor + 0.5, { width: labelWidth - 4 });
    setValueFont(doc, line);
    doc.fillColor('#000000').text(clip(line.value), x + labelWidth, cursor, { width: width - labelWidth });
    cursor += height;
  }
  return cursor;
}

function bottom(doc: Doc): number {
  return doc.page.height - MARGIN - FOOTER_HEIGHT;
}

/**
 * The size at which every line of every command fits the box on one line (DejaVu Sans
 * Mono), at most COMMAND_SIZE: a command pdfkit wrapped would no longer run when copied.
 */
function commandSize(doc: Doc, steps: readonly VerifyStep[], width: number): number {
  doc.font('mono').fontSize(COMMAND_SIZE);
  const widest = Math.max(...steps.filter((s) => s.command === true).flatMap((s) => s.text.split('\n')).map((line) => doc.widthOfString(line)));
  return Math.min(COMMAND_SIZE, Math.floor((COMMAND_SIZE * width * 10) / widest) / 10);
}

function drawHeader(doc: Doc, header: ReportHeader): void {
  const width = doc.page.width - 2 * MARGIN;
  doc.font('bold').fontSize(18).text('Exhibit list', MARGIN, MARGIN);
  let y = drawLines(doc, headerLines(header), MARGIN, doc.y + 6, width, HEADER_LABEL_WIDTH) + 8;
  const steps = reportVerifySteps(header.exhibitCount, header.withCustodyLog, header.hopFiles);
  const inner = width - 16;
  const monoSize = commandSize(doc, steps, inner);
  const lineGap = 1;
  const setFont = (step: VerifyStep): Doc => (step.command === true ? doc.font('mono').fontSize(monoSize) : doc.font('sans').fontSize(8.5));
  const heightOf = (step: VerifyStep): number =>
    step.command === true ? step.text.split('\n').length * (setFont(step).currentLineHeight(true) + lineGap) + 2 : setFont(step).heightOfString(step.text, { width: inner }) + 3;
  const boxHeight = steps.reduce((sum, step) => sum + heightOf(step), 0) + 12;
  doc.rect(MARGIN, y, width, boxHeight).fillAndStroke('#f4f4f4', '#bbbbbb');
  y += 6;
  for (const step of steps) {
    doc.fillColor('#000000');
    if (step.command === true) {
      // One text() call per line, never wrapped: each line of the PDF is a line of the command.
      let lineY = y;
      for (const line of step.text.split('\n')) {
        setFont(step).text(line, MARGIN + 8, lineY, { lineBreak: false });
        lineY += doc.currentLineHeight(true) + lineGap;
      }
    } else {
      setFont(step).text(step.text, MARGIN + 8, y, { width: inner });
    }
    y += heightOf(step);
  }
  doc.y = y + 14;
}

function drawExhibit(doc: Doc, view: ReportExhibit, jpeg: Buffer | null): void {
  const x = MARGIN + THUMB + GAP;
  const width = doc.page.width - MARGIN - x;
  doc.font('bold').fontSize(10.5);
  const title = `${view.number}   ${view.originalName}`;
  const titleHeight = doc.heightOfString(title, { width }) + 4;
  const height = Math.max(THUMB, titleHeight + linesHeight(doc, view.lines, width)) + 10;
  if (doc.y + height > bottom(doc) && doc.y > MARGIN + 1) doc.addPage();
  const top = doc.y;
  doc.moveTo(MARGIN, top).lineTo(doc.page.width - MARGIN, top).lineWidth(0.5).strokeColor('#999999').stroke();
  if (jpeg !== null) {
    try {
      doc.image(jpeg, MARGIN, top + 6, { fit: [THUMB, THUMB], align: 'center', valign: 'center' });
    } catch {
      // A thumbnail pdfkit cannot read leaves its space blank; the exhibit is described all the same.
    }
  }
  doc.fillColor('#000000').font('bold').fontSize(10.5).text(title, x, top + 6, { width });
  const end = drawLines(doc, view.lines, x, top + 6 + titleHeight, width);
  doc.y = Math.max(end, top + 6 + THUMB) + 8;
}

function drawFooters(doc: Doc, header: ReportHeader): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin must not start a new page.
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const text = `Bundle ${header.bundleId} · key ${header.keyFingerprint} · page ${i + 1} of ${range.count}`;
    doc.font('sans').fontSize(6.5).fillColor('#555555').text(text, MARGIN, doc.page.height - MARGIN - 8, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    doc.page.margins.bottom = saved;
  }
}

/**
 * The PDF drawn one exhibit at a time (so the caller loads one thumbnail at a time) and
 * finished without waiting: pdfkit's output stays buffered in the stream until read.
 */
export class ExhibitListPdf {
  private readonly doc: Doc;

  constructor(private readonly header: ReportHeader) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      bufferPages: true,
      lang: 'en',
      displayTitle: true,
      info: {
        Title: `Exhibit list — bundle ${header.bundleId}`,
        Subject: header.caseIdentifier,
        Creator: `Tamga ${TAMGA_VERSION}`,
        Producer: `Tamga ${TAMGA_VERSION} (PDFKit)`,
        CreationDate: new Date(header.sealedAt),
      },
    });
    this.doc.registerFont('sans', FONTS.sans);
    this.doc.registerFont('bold', FONTS.bold);
    this.doc.registerFont('mono', FONTS.mono);
    drawHeader(this.doc, header);
  }

  addExhibit(view: ReportExhibit, jpeg: Buffer | null): void {
    drawExhibit(this.doc, view, jpeg);
  }

  finish(): Buffer {
    drawFooters(this.doc, this.header);
    this.doc.end();
    const chunks: Buffer[] = [];
    for (let chunk = this.doc.read() as Buffer | null; chunk !== null; chunk = this.doc.read() as Buffer | null) chunks.push(chunk);
    return Buffer.concat(chunks);
  }
}

export async function reportPdf(header: ReportHeader, exhibits: readonly SealedExhibit[], thumbnail: ThumbnailLoader): Promise<Buffer> {
  const pdf = new ExhibitListPdf(header);
  for (const [i, e] of exhibits.entries()) pdf.addExhibit(reportExhibit(e, header), await thumbnail(e, i));
  return pdf.finish();
}
