/**
 * The text of a PDF as a reader's copy would give it, line by line, read with PDF.js
 * (unpdf's build: plain JavaScript, no native code, no worker). PDF.js takes ~0.1 s to
 * load, so it is imported only when a bundle's PDF is checked: `tamga verify --help` and
 * a bundle without a PDF never pay for it. Fonts are not loaded into any font system and
 * nothing is fetched: the PDF is only parsed for its text.
 */
export type PdfText = { readonly ok: true; readonly lines: readonly string[] } | { readonly ok: false; readonly reason: string };

interface TextItem {
  readonly str: string;
  readonly hasEOL: boolean;
}

const isTextItem = (item: unknown): item is TextItem => typeof item === 'object' && item !== null && 'str' in item && 'hasEOL' in item;

export async function pdfTextLines(bytes: Uint8Array): Promise<PdfText> {
  const { getDocumentProxy } = await import('unpdf');
  let doc;
  try {
    // A copy: PDF.js takes the buffer over, and the caller still hashes the original.
    doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, disableFontFace: true, useSystemFonts: false, stopAtErrors: true });
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    const lines: string[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      let line = '';
      for (const item of (await page.getTextContent()).items) {
        if (!isTextItem(item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      lines.push(line);
      page.cleanup();
    }
    return { ok: true, lines: lines.filter((l) => l !== '') };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await doc.loadingTask.destroy();
  }
}
