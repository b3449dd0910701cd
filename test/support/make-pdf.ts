/**
 * Exact PDFs for the tests, written with pdf-lib: every piece of text at a given position, size
 * and font, in the content-stream order given (so a right column can come first), pages without
 * any text (an image only, as a scanner makes them), page labels and document properties.
 */
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, StandardFonts, type PDFFont } from 'pdf-lib';

/** One piece of text: where its baseline starts, its size and font. */
export interface Text {
  text: string;
  x: number;
  y: number;
  size?: number;
  font?: 'roman' | 'italic' | 'bold';
  /** Set `x` right where the previous piece of text on the page ends (plus `x` as a gap). */
  follows?: boolean;
}

/** A page: its text pieces in drawing order, or a scanned image with no text. */
export interface PageSpec {
  texts?: Text[];
  scan?: boolean;
  width?: number;
  height?: number;
}

/** A page-label range: from page `start` (0-based), numbered in `style` from `first`. */
export interface LabelRange {
  start: number;
  style: 'D' | 'r' | 'R';
  first?: number;
}

/** Document-wide options. */
export interface PdfOptions {
  labels?: LabelRange[];
  title?: string;
  author?: string;
}

/** The bytes of a PDF with the given pages. */
export async function makePdf(pages: readonly PageSpec[], options: PdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Record<NonNullable<Text['font']>, PDFFont> = {
    roman: await doc.embedFont(StandardFonts.TimesRoman),
    italic: await doc.embedFont(StandardFonts.TimesRomanItalic),
    bold: await doc.embedFont(StandardFonts.TimesRomanBold),
  };
  const scan = pages.some((page) => page.scan) ? await doc.embedPng(grayPng(60, 80)) : undefined;
  for (const spec of pages) {
    const page = doc.addPage([spec.width ?? 400, spec.height ?? 600]);
    let end = 0;
    for (const text of spec.texts ?? []) {
      const font = fonts[text.font ?? 'roman'];
      const size = text.size ?? 10;
      const x = text.follows ? end + text.x : text.x;
      page.drawText(text.text, { x, y: text.y, size, font });
      end = x + font.widthOfTextAtSize(text.text, size);
    }
    if (spec.scan && scan) page.drawImage(scan, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  }
  if (options.title !== undefined) doc.setTitle(options.title);
  if (options.author !== undefined) doc.setAuthor(options.author);
  if (options.labels) {
    const nums: unknown[] = [];
    for (const range of options.labels) {
      nums.push(range.start, range.first === undefined ? { S: range.style } : { S: range.style, St: range.first });
    }
    doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: nums } as never));
  }
  return doc.save({ useObjectStreams: false });
}

/** Lines of running text set one below the other from `y`, every `leading` points. */
export function lines(x: number, y: number, texts: readonly string[], options: { leading?: number; size?: number; font?: Text['font']; indent?: number } = {}): Text[] {
  const leading = options.leading ?? 12;
  return texts.map((text, i) => ({
    text,
    x: i === 0 ? x + (options.indent ?? 0) : x,
    y: y - i * leading,
    size: options.size ?? 10,
    font: options.font ?? 'roman',
  }));
}

/** A one-page PDF, the plain file `test/fixtures/pdf/encrypted.pdf` was made from. */
export function onePagePdf(): Promise<Uint8Array> {
  return makePdf([{ texts: lines(50, 500, ['A letter that only its recipient may read.'], { indent: 12 }) }]);
}

// A grey PNG, standing for a scanned page: pdf-lib draws it as an image, with no text at all.
function grayPng(width: number, height: number): Uint8Array {
  const raw = Buffer.alloc((width + 1) * height, 0x99);
  for (let row = 0; row < height; row += 1) raw[row * (width + 1)] = 0;
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
