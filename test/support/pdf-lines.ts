/**
 * Lines and pages of a PDF as layout analysis gives them, for the tests of what is built from
 * them (paragraphs, notes, running heads): one roman run from x 50, five points a character.
 */
import type { PageLayout, PdfLine } from '../../core/pdf/index.ts';

/** A line of `text` on baseline `y`, 10 pt, in no column; `options` override any of it. */
export function pdfLine(text: string, y: number, options: Partial<PdfLine> = {}): PdfLine {
  return { runs: [{ text, bold: false, italic: false, sup: false }], text, x0: 50, x1: 50 + text.length * 5, y, size: 10, column: 0, ...options };
}

/** A 400 × 600 pt page holding `lines`. */
export function pdfPage(lines: PdfLine[]): PageLayout {
  return { width: 400, height: 600, lines, chars: lines.reduce((n, l) => n + l.text.length, 0) };
}
