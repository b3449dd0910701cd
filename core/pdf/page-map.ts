/**
 * Which page of its PDF each printed page of a source stands on. A source imported from a PDF has
 * one page milestone per printed page, in PDF order; the import records the printed page of every
 * PDF page, so each milestone is matched with the PDF page that carries its label.
 */

/**
 * The PDF page (0-based) of each milestone, in order; null for a milestone no page carries. Labels
 * are matched in order, so a label printed twice (two parts each starting at 1) finds the page
 * after the one the milestone before it found.
 */
export function milestonePages(milestones: readonly string[], pageLabels: readonly (string | null)[]): (number | null)[] {
  let next = 0;
  return milestones.map((label) => {
    for (let page = next; page < pageLabels.length; page += 1) {
      if (pageLabels[page] === label) {
        next = page + 1;
        return page;
      }
    }
    return null;
  });
}

/**
 * The printed page of each of a PDF's `pageCount` pages, for a source whose import did not record
 * them: its milestones stand on the last pages, one each, as the import places them (only the
 * first pages, before the printed numbering starts, can lack one).
 */
export function inferredPageLabels(milestones: readonly string[], pageCount: number): (string | null)[] {
  const labels: (string | null)[] = Array.from({ length: pageCount }, () => null);
  const first = Math.max(0, pageCount - milestones.length);
  milestones.slice(Math.max(0, milestones.length - pageCount)).forEach((label, i) => {
    labels[first + i] = label;
  });
  return labels;
}
