/**
 * The locator of a highlight (chicago.md §3): the printed page label(s) its range spans, from the
 * corpus milestones ("380", "385–87"); for a source without page milestones, the heading of the
 * section it lies in (printed `under “Heading”`); nothing otherwise.
 */
import type { Annotation } from '../annotate/model.ts';
import { formatPages } from '../cite/page-range.ts';
import type { Source } from '../corpus/model.ts';
import { locate } from '../corpus/source-index.ts';

/** A locator as a citation cluster takes it: a page value, or a heading with the label `under`. */
export interface ExportLocator {
  locator: string;
  label: 'page' | 'under';
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
  if (hasMilestones(source)) {
    const pages = index.pagesForRange(start, end);
    if (pages === null) return null;
    const value = pages.first === pages.last ? pages.first : `${pages.first}-${pages.last}`;
    return { locator: formatPages(value), label: 'page' };
  }
  const heading = index.sectionForOffset(start);
  return heading === null || heading.trim() === '' ? null : { locator: heading, label: 'under' };
}

function hasMilestones(source: Source): boolean {
  // Only body milestones count: they are the ones the source index places pages by.
  return source.blocks.some((block) => block.content.some((inline) => inline.type === 'page'));
}
