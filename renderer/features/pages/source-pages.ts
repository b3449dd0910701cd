import type { Annotation } from '../../../core/annotate/model.ts';
import type { Source } from '../../../core/corpus/model.ts';
import { readingText } from '../../../core/corpus/reading-text.ts';
import { locate } from '../../../core/corpus/source-index.ts';
import { pageSpans, type PageSpan } from '../../../core/interop/annotations/page-spans.ts';
import { inferredPageLabels, milestonePages } from '../../../core/pdf/page-map.ts';

/** Where each printed page of a source lies: in its reading text, and in its PDF. */
export interface SourcePages {
  /** The body text of each page milestone, in order. */
  spans: readonly PageSpan[];
  /** The PDF page (0-based) of each milestone, null where none carries its label. */
  pdfPages: readonly (number | null)[];
  /** The printed page of each PDF page, null where it has none. */
  labels: readonly (string | null)[];
  text: string;
}

/**
 * The pages of `source`, whose PDF has `pageCount` pages: matched through the printed pages the
 * import recorded (`recorded`), or, for an older import that recorded none, placed as the import
 * places them.
 */
export function sourcePages(source: Source, recorded: readonly (string | null)[] | null, pageCount: number): SourcePages {
  const spans = pageSpans(source);
  const milestones = spans.map((span) => span.label);
  const labels = recorded && recorded.length === pageCount ? recorded : inferredPageLabels(milestones, pageCount);
  return { spans, pdfPages: milestonePages(milestones, labels), labels, text: readingText(source).text };
}

/** The milestone in force at a reading-text offset: by place in the body; in a note, that of its reference. */
function milestoneAt(pages: SourcePages, source: Source, offset: number): number {
  const { spans } = pages;
  const bodyEnd = spans.at(-1)?.end ?? 0;
  if (offset > bodyEnd) {
    const label = locate(source).pageAt(Math.min(offset, pages.text.length));
    return label === null ? -1 : spans.findIndex((span) => span.label === label);
  }
  let low = 0;
  let high = spans.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((spans[mid] as PageSpan).start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  // Text before the first milestone (a title) is on the first page.
  return found < 0 && spans.length > 0 ? 0 : found;
}

/** The PDF page (0-based) the text at `offset` is printed on, or null when that is not known. */
export function pdfPageAt(pages: SourcePages, source: Source, offset: number): number | null {
  const milestone = milestoneAt(pages, source, offset);
  return milestone < 0 ? null : (pages.pdfPages[milestone] ?? null);
}

/**
 * The part of a highlight printed on PDF page `page`, as its text and where it stands in its
 * page's cleaned text (a share from 0 to 1, to choose between repeats); null when none is.
 */
export function highlightOnPage(pages: SourcePages, source: Source, annotation: Annotation, page: number): { text: string; near?: number } | null {
  const { start, end } = annotation.position;
  const first = milestoneAt(pages, source, start);
  const last = milestoneAt(pages, source, Math.max(start, end - 1));
  const inNote = start > (pages.spans.at(-1)?.end ?? 0);
  if (inNote) return pages.pdfPages[first] === page ? { text: pages.text.slice(start, end) } : null;
  for (let k = Math.max(0, first); k <= last; k += 1) {
    const span = pages.spans[k];
    if (!span || pages.pdfPages[k] !== page) continue;
    const from = Math.max(start, span.start);
    const to = Math.min(end, span.end);
    if (to <= from) continue;
    const length = span.end - span.start;
    return { text: pages.text.slice(from, to), near: length > 0 ? (from - span.start) / length : 0 };
  }
  return null;
}
