/**
 * Pages without a text layer (scanned images): what the user is told, and the refusal when they
 * have not chosen to import the pages that have text.
 */
import { ImportError } from '../import-error.ts';
import type { PdfExtraction } from './pdf-protocol.ts';

/** True when no page of the PDF has a text layer. */
export function allPagesTextless(extraction: PdfExtraction): boolean {
  return extraction.textless.length === extraction.pages;
}

/** "3, 4, 7–9": page numbers with runs shortened. */
export function pageList(pages: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < pages.length) {
    let j = i;
    while (j + 1 < pages.length && (pages[j + 1] as number) === (pages[j] as number) + 1) j += 1;
    parts.push(j > i + 1 ? `${pages[i]}–${pages[j]}` : j === i + 1 ? `${pages[i]}, ${pages[j]}` : String(pages[i]));
    i = j + 1;
  }
  return parts.join(', ');
}

/** What to tell the user about pages without text, or undefined when every page has text. */
export function textlessNotice(extraction: PdfExtraction): string | undefined {
  const count = extraction.textless.length;
  if (count === 0) return undefined;
  const one = count === 1;
  const which =
    count === extraction.pages
      ? one
        ? 'Its only page has no text layer'
        : `None of its ${count} pages has a text layer`
      : `${count} of its ${extraction.pages} pages (${one ? 'page' : 'pages'} ${pageList(extraction.textless)}) ${one ? 'has' : 'have'} no text layer`;
  return (
    `${which}: ${one ? 'it is an image of the page' : 'they are images of the pages'}, as a scanner makes them, and Apparatus cannot read their words. ` +
    'To import their text, add a text layer with OCR first, for example with the free program OCRmyPDF ' +
    '(`ocrmypdf --language eng input.pdf output.pdf`), and import the new file.'
  );
}

/** The refusal for a PDF whose text is (all) on pages without a text layer. */
export function textlessRefusal(name: string, extraction: PdfExtraction, scope: 'all' | 'some'): ImportError {
  const notice = textlessNotice(extraction) ?? '';
  const choice =
    scope === 'all'
      ? 'Nothing was imported.'
      : 'You can also import only the pages that have text (the others are marked as gaps in the text); nothing was imported yet.';
  return new ImportError('no-text-layer', `“${name}”: ${notice} ${choice}`);
}
