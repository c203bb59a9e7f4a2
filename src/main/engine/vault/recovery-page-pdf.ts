/**
 * The recovery page as an A4 PDF, with pdfkit and the DejaVu fonts the exhibit list
 * embeds (report-pdf.ts): the words large, numbered, in four columns, so that they are
 * copied by hand without doubt; a share in monospace groups.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { TAMGA_VERSION } from '../version';
import type { RecoveryPage } from './recovery-page';

// Not named `require`: electron-vite's ESM shim declares one in the built engine worker.
const resolveHere = createRequire(import.meta.url);
const FONTS = {
  sans: resolveHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: resolveHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  mono: resolveHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf'),
} as const;
const MARGIN = 56;

export async function recoveryPagePdf(page: RecoveryPage): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }, lang: 'en', displayTitle: true, info: { Title: page.title, Creator: `Tamga ${TAMGA_VERSION}` } });
  doc.registerFont('sans', FONTS.sans);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('mono', FONTS.mono);
  const width = doc.page.width - 2 * MARGIN;
  doc.font('bold').fontSize(18).text(page.title, MARGIN, MARGIN, { width });
  doc.moveDown(0.8);
  for (const [label, value] of page.facts) {
    const y = doc.y;
    doc.font('sans').fontSize(9).fillColor('#555555').text(label, MARGIN, y, { width: 100 });
    doc.font(label === 'Key fingerprint' || label === 'Vault id' ? 'mono' : 'sans').fontSize(9.5).fillColor('#000000').text(value, MARGIN + 104, y, { width: width - 104 });
    doc.moveDown(0.3);
  }
  doc.moveDown(1);
  if (page.words !== null) {
    doc.font('bold').fontSize(11).text('The 24 words, in this order', MARGIN, doc.y, { width });
    doc.moveDown(0.6);
    const top = doc.y;
    const column = width / 4;
    for (const [i, word] of page.words.entries()) {
      const x = MARGIN + (i % 4) * column;
      const y = top + Math.floor(i / 4) * 26;
      doc.font('sans').fontSize(9).fillColor('#555555').text(`${i + 1}.`, x, y + 3, { width: 22, align: 'right' });
      doc.font('mono').fontSize(14).fillColor('#000000').text(word, x + 26, y, { width: column - 28 });
    }
    doc.y = top + 6 * 26 + 10;
  }
  if (page.shareGroups !== null) {
    doc.font('bold').fontSize(11).text('The share (O and 0, I, L and 1 read the same)', MARGIN, doc.y, { width });
    doc.moveDown(0.6);
    const rows = [0, 1, 2, 3].map((r) => page.shareGroups?.slice(r * 4, r * 4 + 4).join('  ') ?? '');
    for (const [r, row] of rows.entries()) doc.font('mono').fontSize(15).text(`${r + 1}   ${row}`, MARGIN + 12, doc.y, { width });
    doc.moveDown(1);
  }
  doc.moveDown(0.5);
  for (const paragraph of page.instructions) {
    doc.font('sans').fontSize(10).fillColor('#000000').text(paragraph, MARGIN, doc.y, { width, align: 'left' });
    doc.moveDown(0.7);
  }
  doc.end();
  const chunks: Buffer[] = [];
  for await (const chunk of doc as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
