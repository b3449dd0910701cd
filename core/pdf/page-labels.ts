/**
 * The printed page of every PDF page: the PDF's own page labels first (they carry roman front
 * matter and an offprint starting at 375); else the numbers printed in running heads and feet;
 * else the PDF's page index, with a caveat that says so.
 */

/** Where the page labels came from. */
export type PageLabelSource = 'pdf-labels' | 'printed-numbers' | 'page-index';

/** The label of each page (undefined where no printed page is known) and where they came from. */
export interface PageLabels {
  labels: (string | undefined)[];
  source: PageLabelSource;
  /** Set for `page-index`: what a reader must know before citing a page. */
  caveat?: string;
}

// How the caveat of a source whose pages are counted begins; the page view looks for it.
const PAGE_COUNT_CAVEAT = "The page numbers of this source are the PDF's own page count";

/** Chooses the page labels of a document of `count` pages. */
export function choosePageLabels(count: number, pdfLabels: readonly string[] | null, printed: readonly (number | undefined)[]): PageLabels {
  if (pdfLabels && pdfLabels.length === count && pdfLabels.every((label) => label.trim() !== '')) {
    return { labels: pdfLabels.map((label) => label.trim()), source: 'pdf-labels' };
  }
  if (printed.some((number) => number !== undefined)) {
    return { labels: printed.map((number) => (number === undefined ? undefined : String(number))), source: 'printed-numbers' };
  }
  return {
    labels: Array.from({ length: count }, (_unused, i) => String(i + 1)),
    source: 'page-index',
    caveat:
      `${PAGE_COUNT_CAVEAT} (1 to ${count}), not printed page numbers: ` +
      'the PDF gives none. Check the printed pages before citing.',
  };
}

/** True when a source's caveats say its page numbers are its PDF's page count, not printed pages. */
export function pagesCounted(caveats: readonly string[] | undefined): boolean {
  return caveats?.some((caveat) => caveat.startsWith(PAGE_COUNT_CAVEAT)) ?? false;
}
