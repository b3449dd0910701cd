/**
 * Running heads and feet: the journal's name, the author, the title and the page number that
 * stand at the top or foot of page after page. They are found by what makes them running heads:
 * the same text at the same place on several pages, or a number that counts the pages (the page
 * number itself, or one that rises with the pages in a head of the same words). A line that only
 * shares its words with others, its numbers differing at random, is not one: the last line of a
 * footnote block ("4 AQSh, fondi 14/AP, dosja 28", "6 Ibid.") stands there on page after page.
 * Heads are removed from the text; the page numbers they carry are kept to label the pages.
 */
import type { PageLayout, PdfLine } from './model.ts';

/** What the heads and feet of a document tell. */
export interface RunningHeads {
  /** For each page, the indexes (in `lines`) of its head and foot lines. */
  removed: Set<number>[];
  /** For each page (0-based), the number printed in its head or foot, when the numbers form a sequence. */
  printed: (number | undefined)[];
}

// The zone at the top and at the foot of a page where running heads stand, as a share of its height.
const ZONE = 0.12;
// How many lines at each end of a page may be running heads.
const PER_END = 2;

interface Candidate {
  page: number;
  line: number;
  /** The line's text, case and spaces evened out. */
  text: string;
  /** The numbers at either end of the line, each with the rest of the line's text. */
  numbers: { value: number; rest: string }[];
  /** Whether it stands at the foot of the page, where footnotes end too. */
  foot: boolean;
  /** How far its baseline stands from the page's nearer edge (top or foot), in points. */
  fromEdge: number;
  size: number;
}

/**
 * Finds the running heads and feet of every page, and the page numbers they print. Heads are set
 * no larger than the running text (`bodySize`), so a title in large type is never taken for one.
 */
export function findRunningHeads(pages: readonly (PageLayout | null)[], bodySize: number): RunningHeads {
  const candidates = pages.flatMap((page, index) => (page ? candidatesOf(page, index, bodySize) : []));
  const textPages = pages.filter((page) => page !== null && page.lines.length > 0).length;
  const needed = textPages <= 6 ? 2 : 3;
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    for (const group of groupsOf(candidate)) {
      const members = groups.get(group);
      if (members) members.push(candidate);
      else groups.set(group, [candidate]);
    }
  }
  const pagesOf = (candidate: Candidate, group: string) => pagesAtSamePlace(candidate, groups.get(group) ?? []);
  const offset = pageNumberOffset(candidates, textPages);
  const removed = pages.map(() => new Set<number>());
  const printed: (number | undefined)[] = pages.map(() => undefined);
  for (const candidate of candidates) {
    const sameText = hasLetters(candidate.text) && pagesOf(candidate, textGroup(candidate)) >= needed;
    const counting = candidate.numbers.filter(({ value, rest }) => {
      const pageNumber = value === candidate.page + (offset ?? Number.NaN);
      // At the top, the page number with any words; at the foot, where a note may begin with its
      // page's number ("212 Ibid."), alone or with words that stand beside it on another page too.
      if (pageNumber && (!candidate.foot || !hasLetters(rest))) return true;
      return hasLetters(rest) && pagesOf(candidate, countGroup(candidate, value, rest)) >= (pageNumber ? 2 : needed);
    });
    if (!sameText && counting.length === 0) continue;
    removed[candidate.page]?.add(candidate.line);
    if (counting.some(({ value }) => value === candidate.page + (offset ?? Number.NaN))) printed[candidate.page] = candidate.page + (offset as number);
  }
  if (offset !== undefined) {
    pages.forEach((_page, index) => {
      if (printed[index] === undefined && index + offset >= 1) printed[index] = index + offset;
    });
  }
  return { removed, printed };
}

function candidatesOf(page: PageLayout, index: number, bodySize: number): Candidate[] {
  const byHeight = page.lines
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.size <= 1.05 * bodySize)
    .sort((a, b) => b.line.y - a.line.y);
  const top = byHeight.slice(0, PER_END).filter(({ line }) => line.y > page.height * (1 - ZONE));
  const foot = byHeight
    .slice(-PER_END)
    .filter(({ line }) => line.y < page.height * ZONE);
  const calls = new Set(page.lines.flatMap((line) => line.runs.filter((run) => run.sup).map((run) => run.text.trim())));
  const seen = new Set<number>();
  const out: Candidate[] = [];
  for (const { line, i } of [...top, ...foot]) {
    if (seen.has(i) || isNoteLine(line, calls)) continue;
    seen.add(i);
    const text = line.text.toLowerCase().replace(/\s+/gu, ' ').trim();
    const foot = line.y < page.height / 2;
    out.push({ page: index, line: i, text, numbers: numbersOf(text), foot, fromEdge: foot ? line.y : page.height - line.y, size: line.size });
  }
  return out;
}

// A line that opens with a raised number or sign, or with the number of a note called on its page
// followed by words, begins a footnote: never a head.
function isNoteLine(line: PdfLine, calls: ReadonlySet<string>): boolean {
  if (line.runs[0]?.sup === true) return true;
  const number = /^(\d{1,4})\s*\p{L}/u.exec(line.text);
  return number !== null && calls.has(number[1] as string);
}

// A head repeats its whole text, or its words beside a number that counts the pages ("Journal 41",
// "42 Journal": the same words, the same difference between number and page index). The last
// lines of footnotes share words too ("6 Ibid.", "9 Ibid."), but not the count.
function groupsOf(candidate: Candidate): string[] {
  const counts = candidate.numbers.filter(({ rest }) => hasLetters(rest)).map(({ value, rest }) => countGroup(candidate, value, rest));
  return hasLetters(candidate.text) ? [textGroup(candidate), ...counts] : counts;
}

function textGroup(candidate: Candidate): string {
  return `text\u0000${candidate.text}`;
}

function countGroup(candidate: Candidate, value: number, rest: string): string {
  return `count\u0000${rest}\u0000${value - candidate.page}`;
}

// How many pages have a line of the group where the candidate stands: a head keeps its place.
function pagesAtSamePlace(candidate: Candidate, group: readonly Candidate[]): number {
  const pages = new Set<number>();
  for (const other of group) {
    if (Math.abs(other.fromEdge - candidate.fromEdge) <= Math.max(other.size, candidate.size)) pages.add(other.page);
  }
  return pages.size;
}

function hasLetters(text: string): boolean {
  return /\p{L}/u.test(text);
}

// A number standing alone, or at either end of the line ("12 cold war history", "page 3 of 20"),
// with the rest of the line's text.
function numbersOf(text: string): { value: number; rest: string }[] {
  const found: { value: number; rest: string }[] = [];
  for (const pattern of [/^(\d{1,4})\b/du, /\b(\d{1,4})$/du, /^page (\d{1,4})\b/du, /^[-–—]\s*(\d{1,4})\s*[-–—]$/du]) {
    const match = pattern.exec(text);
    const [start, end] = match?.indices?.[1] ?? [];
    if (!match || start === undefined || end === undefined) continue;
    found.push({ value: Number(match[1]), rest: `${text.slice(0, start)} ${text.slice(end)}`.replace(/\s+/gu, ' ').trim() });
  }
  return found;
}

// The difference between printed number and page index that most heads agree on, if enough do.
function pageNumberOffset(candidates: readonly Candidate[], textPages: number): number | undefined {
  const votes = new Map<number, Set<number>>();
  for (const candidate of candidates) {
    for (const { value } of candidate.numbers) {
      const offset = value - candidate.page;
      const set = votes.get(offset) ?? new Set<number>();
      set.add(candidate.page);
      votes.set(offset, set);
    }
  }
  let best: [number, number] | undefined;
  for (const [offset, pageSet] of votes) {
    if (!best || pageSet.size > best[1]) best = [offset, pageSet.size];
  }
  if (!best) return undefined;
  const needed = Math.max(2, Math.ceil(0.5 * textPages));
  return best[1] >= needed ? best[0] : undefined;
}
