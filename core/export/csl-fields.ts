/**
 * Small readers of CSL-JSON fields shared by the RIS and BibTeX writers.
 */
import type { CslDate, CslItem, CslName } from '../corpus/model.ts';

/** A string field, or undefined when absent or empty. */
export function text(item: CslItem, field: string): string | undefined {
  const value = item[field];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The names of a name field (author, editor, translator); empty when absent. */
export function nameList(item: CslItem, field: string): CslName[] {
  const value = item[field];
  return Array.isArray(value) ? (value as CslName[]) : [];
}

/** "Family, Given" (with particles and suffix), or the literal name. */
export function invertedName(name: CslName): string {
  if (name.literal) return name.literal;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ');
  return [family, given, name.suffix].filter((part) => part && part !== '').join(', ');
}

/** The year, month and day of a date; undefined parts are absent. */
export function dateParts(date: unknown): { year?: number; month?: number; day?: number } {
  const parts = (date as CslDate | undefined)?.['date-parts']?.[0];
  if (!parts) return {};
  const [year, month, day] = parts;
  return {
    ...(year !== undefined ? { year } : {}),
    ...(month !== undefined ? { month } : {}),
    ...(day !== undefined ? { day } : {}),
  };
}

/**
 * The first and last page of a CSL `page` field ("375-396" → 375, 396); `open` for a range whose
 * last page is unknown ("66-" → 66, open).
 */
export function pageSpan(page: string | undefined): { first?: string; last?: string; open?: true } {
  if (!page) return {};
  const m = /^\s*([^\s,–—-]+)\s*(?:-+|–|—)\s*([^\s,]+)\s*$/.exec(page);
  if (m) return { first: m[1] as string, last: m[2] as string };
  const open = /^\s*([^\s,–—-]+)\s*(?:-+|–|—)\s*$/.exec(page);
  return open ? { first: open[1] as string, open: true } : { first: page.trim() };
}
