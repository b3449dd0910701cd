/**
 * Page numbers and ranges the Chicago way: an en dash between the ends of a range and the
 * inclusive-numbers shortening of CMOS 16–18 (CSL `chicago-16`): 375–96, 101–8, 22–24,
 * 1496–500.
 */

const RANGE = /^(\S+?)\s*(?:-+|–|—)\s*(\S+)$/;

/**
 * Formats a page field or locator: each range in a list ("45, 50-52") gets an en dash, and ranges
 * of arabic numbers are shortened; a range with no known end ("66-") keeps its open dash ("66–");
 * anything else (roman numerals, "[77?]", "66ff.") is kept.
 */
export function formatPages(pages: string): string {
  return pages
    .trim()
    .split(/(\s*[,;&]\s*|\s+and\s+)/)
    .map((part, i) => (i % 2 === 1 ? part : formatRange(part)))
    .join('');
}

/** True when a locator names more than one page (a range or a list), for "pp." and "fols.". */
export function isPlural(locator: string): boolean {
  return /[-–—,;&]|\band\b/.test(locator);
}

/** A range whose last page is unknown: "66-" (the article starts on 66; where it ends is not known). */
const OPEN_RANGE = /^(\S+?)\s*(?:-+|–|—)$/;

function formatRange(part: string): string {
  const open = OPEN_RANGE.exec(part.trim());
  if (open) return `${open[1]}–`;
  const m = RANGE.exec(part.trim());
  if (!m) return part.trim();
  const [, from = '', to = ''] = m;
  if (!/^\d+$/.test(from) || !/^\d+$/.test(to)) return `${from}–${to}`;
  // An end typed already shortened ("375-96") is first written out in full.
  const full = to.length < from.length ? from.slice(0, from.length - to.length) + to : to;
  if (Number(full) <= Number(from)) return `${from}–${to}`;
  return `${from}–${shorten(from, full)}`;
}

/** CMOS 9.61/9.64 (inclusive numbers): how many digits of the second number to keep. */
function shorten(from: string, to: string): string {
  const first = Number(from);
  if (first < 100 || first % 100 === 0 || from.length !== to.length) return to;
  let common = 0;
  while (common < to.length && from[common] === to[common]) common += 1;
  const changed = to.length - common;
  const keep = first % 100 < 10 ? Math.max(changed, 1) : Math.max(changed, 2);
  return to.slice(-keep);
}
