/**
 * The locator of a highlight: the printed page label(s) its range spans, from the
 * corpus milestones ("380", "385–87"); a passage in one of the source's own notes cites the note
 * on its page ("377n3", CMOS 18 14.54); for a source without page milestones, the heading of the
 * section it lies in (printed `under “Heading”`); nothing otherwise.
 */
import type { Annotation } from '../annotate/model.ts';
import { formatPages } from '../cite/page-range.ts';
import type { Source } from '../corpus/model.ts';
import { blockIndexAt } from '../corpus/reading-text.ts';
import { locate } from '../corpus/source-index.ts';
import type { SourceIndex } from '../corpus/source-index.ts';

/**
 * A locator as a citation cluster takes it: a page value (a note on a page is a page value,
 * "377n3"), a note number where the note's page is unknown, or a heading with the label `under`.
 */
export interface ExportLocator {
  locator: string;
  label: 'page' | 'note' | 'under';
}

/**
 * The locator for `annotation` in `source`, or null when none can be given: a paginated source
 * whose range lies where no page is known, an unpaginated source with no heading before the range,
 * an orphaned annotation, or a range outside the reading text. Page ranges use an en dash and
 * Chicago's inclusive-number shortening ("385–87").
 */
export function locatorFor(source: Source, annotation: Annotation): ExportLocator | null {
  if (annotation.anchor === 'orphaned') return null;
  const index = locate(source);
  const { start, end } = annotation.position;
  const length = index.reading.text.length;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length || end < start) {
    return null;
  }
  const inNote = noteLocator(source, index, start, Math.max(start, end - 1));
  if (inNote) return inNote;
  if (hasMilestones(source)) {
    const pages = index.pagesForRange(start, end);
    if (pages === null) return null;
    const value = pages.first === pages.last ? pages.first : `${pages.first}-${pages.last}`;
    return { locator: formatPages(value), label: 'page' };
  }
  const heading = index.sectionForOffset(start);
  return heading === null || heading.trim() === '' ? null : { locator: heading, label: 'under' };
}

/**
 * Where a range of the reading text lies, as a reader writes it in a list: "p. 380", "pp. 385–86",
 * and in the source's own notes "p. 382 n. 12" (or "n. 12" where the note's page is unknown);
 * null where no page is known, or for a range outside the text.
 */
export function placeLabel(source: Source, start: number, end: number): string | null {
  const index = locate(source);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > index.reading.text.length || end < start) return null;
  const last = Math.max(start, end - 1);
  const from = noteAt(source, index, start);
  const to = noteAt(source, index, last);
  const paged = hasMilestones(source);
  if (from !== null && to !== null) {
    const page = paged ? index.pageAt(start) : null;
    const notes = from === to ? `n. ${from}` : `nn. ${from}–${to}`;
    if (page === null) return notes;
    if (page === index.pageAt(last)) return `p. ${page} ${notes}`;
  }
  const pages = paged ? index.pagesForRange(start, end) : null;
  if (pages === null) return null;
  return pages.first === pages.last ? `p. ${pages.first}` : `pp. ${formatPages(`${pages.first}-${pages.last}`)}`;
}

/**
 * The note locator of a range that lies in the source's own notes: "377n3" for one note, "377nn3–4"
 * for neighbouring notes of one page, "n. 3" when the note's page is unknown; null for a range in
 * the body, or across notes on different pages (which the page range then describes).
 */
function noteLocator(source: Source, index: SourceIndex, first: number, last: number): ExportLocator | null {
  const from = noteAt(source, index, first);
  const to = noteAt(source, index, last);
  if (from === null || to === null) return null;
  const page = hasMilestones(source) ? index.pageAt(first) : null;
  if (page !== null && page !== index.pageAt(last)) return null;
  if (page === null) {
    return { locator: from === to ? from : `${from}–${to}`, label: 'note' };
  }
  if (from === to) return { locator: `${page}n${numbered(from) ? from : ''}`, label: 'page' };
  return { locator: `${page}nn${from}–${to}`, label: 'page' };
}

/** The label of the note whose text holds `offset`, or null when it lies in the body. */
function noteAt(source: Source, index: SourceIndex, offset: number): string | null {
  let block = blockIndexAt(index.reading, offset) - source.blocks.length;
  if (block < 0) return null;
  for (const note of source.notes) {
    if (block < note.blocks.length) return note.label;
    block -= note.blocks.length;
  }
  return null;
}

/**
 * True for a note label Chicago can print after "n" (3, 12a, iv); a note marked by a symbol (*, †)
 * is cited by the bare "n" after its page.
 */
function numbered(label: string): boolean {
  return /^[\p{L}\p{N}]+$/u.test(label);
}

function hasMilestones(source: Source): boolean {
  // Only body milestones count: they are the ones the source index places pages by.
  return source.blocks.some((block) => block.content.some((inline) => inline.type === 'page'));
}
