/**
 * Dates as Chicago writes them: "December 3, 2025", "July 2021", "2019", with an en dash between
 * the ends of a range, "[1961?]" for an approximate year, and "n.d." for a work without a date.
 */
import type { CslDate } from '../corpus/model.ts';
import { typeset } from './typography.ts';

/** How much of a date to print: the year alone (books, journals) or as much as is known. */
export type DatePrecision = 'year' | 'full';

/** What Chicago prints in place of a missing date (CMOS 18 14.44). */
export const NO_DATE = 'n.d.';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Seasons as CSL numbers them in the month slot (21 = spring … 24 = winter). */
const SEASONS: Record<number, string> = { 21: 'Spring', 22: 'Summer', 23: 'Autumn', 24: 'Winter' };

type Parts = [number, number?, number?];

/** The formatted date, or null when the item gives none (or an empty one). */
export function formatDate(date: CslDate | undefined, precision: DatePrecision): string | null {
  if (!date) return null;
  if (date.literal) return typeset(date.literal);
  const parts = datePartsOf(date);
  if (parts.length === 0) return date.raw ? typeset(date.raw) : null;
  const [from, to] = parts;
  if (!from) return null;
  const text = to ? formatRange(from, to, precision) : formatParts(from, precision);
  return date.circa ? `[${text}?]` : text;
}

/** The year of a date, for sorting and disambiguation; null when unknown. */
export function yearOf(date: CslDate | undefined): number | null {
  const first = date ? datePartsOf(date)[0] : undefined;
  return first ? first[0] : null;
}

function datePartsOf(date: CslDate): Parts[] {
  const raw = date['date-parts'];
  if (raw && raw.length > 0) {
    return raw
      .map((p) => p.map((n) => Number(n)).filter((n) => Number.isInteger(n)) as Parts)
      .filter((p) => p.length > 0);
  }
  // A raw ISO date ("2021-07-08") is common in hand-written CSL-JSON.
  const iso = date.raw ? /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(date.raw.trim()) : null;
  if (!iso) return [];
  const part = (text: string | undefined) => (text ? Number(text) : undefined);
  return [[Number(iso[1]), part(iso[2]), part(iso[3])]];
}

function formatParts(parts: Parts, precision: DatePrecision): string {
  const [year, month, day] = parts;
  if (precision === 'year' || !month) return String(year);
  const season = SEASONS[month];
  if (season) return `${season} ${year}`;
  const name = MONTHS[month - 1];
  if (!name) return String(year);
  return day ? `${name} ${day}, ${year}` : `${name} ${year}`;
}

function formatRange(from: Parts, to: Parts, precision: DatePrecision): string {
  const a = formatParts(from, precision);
  const b = formatParts(to, precision);
  if (a === b) return a;
  if (precision === 'year' || !from[1] || !to[1]) return `${a}–${b}`;
  // Within one year the year is written once: "March 3–5, 1961", "March 3–April 2, 1961".
  if (from[0] === to[0]) {
    const head = a.replace(/,? \d+$/, '');
    if (from[1] === to[1] && from[2] && to[2]) return `${head}–${to[2]}, ${to[0]}`;
    return `${head}–${b}`;
  }
  return `${a}–${b}`;
}
