/**
 * Running heads and feet: the journal's name, the author, the title and the page number that
 * stand at the top or foot of page after page. They are found by repetition (the same words, with
 * any number, on several pages) or by carrying the page number, and are removed from the text;
 * the page numbers they carry are kept to label the pages.
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
  key: string;
  numbers: number[];
}

/**
 * Finds the running heads and feet of every page, and the page numbers they print. Heads are set
 * no larger than the running text (`bodySize`), so a title in large type is never taken for one.
 */
export function findRunningHeads(pages: readonly (PageLayout | null)[], bodySize: number): RunningHeads {
  const candidates = pages.flatMap((page, index) => (page ? candidatesOf(page, index, bodySize) : []));
  const textPages = pages.filter((page) => page !== null && page.lines.length > 0).length;
  const pagesByKey = new Map<string, Set<number>>();
  for (const candidate of candidates) {
    if (candidate.key === '') continue;
    const set = pagesByKey.get(candidate.key) ?? new Set<number>();
    set.add(candidate.page);
    pagesByKey.set(candidate.key, set);
  }
  const repeatedOn = (key: string) => pagesByKey.get(key)?.size ?? 0;
  const needed = textPages <= 6 ? 2 : 3;
  const offset = pageNumberOffset(candidates, textPages);
  const removed = pages.map(() => new Set<number>());
  const printed: (number | undefined)[] = pages.map(() => undefined);
  for (const candidate of candidates) {
    const carriesNumber = offset !== undefined && candidate.numbers.includes(candidate.page + offset);
    if (carriesNumber) printed[candidate.page] = candidate.page + offset;
    if (carriesNumber || (candidate.key !== '' && repeatedOn(candidate.key) >= needed)) {
      removed[candidate.page]?.add(candidate.line);
    }
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
  const seen = new Set<number>();
  const out: Candidate[] = [];
  for (const { line, i } of [...top, ...foot]) {
    if (seen.has(i)) continue;
    seen.add(i);
    out.push({ page: index, line: i, key: keyOf(line), numbers: numbersOf(line) });
  }
  return out;
}

// The words of a line without its numbers, so "12 Cold War History" matches "14 Cold War History".
function keyOf(line: PdfLine): string {
  return line.text
    .toLowerCase()
    .replace(/\d+/gu, '')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

// A number standing alone, or at either end of the line ("12 Cold War History", "Page 3 of 20").
function numbersOf(line: PdfLine): number[] {
  const text = line.text.trim();
  const found: number[] = [];
  for (const pattern of [/^(\d{1,4})\b/u, /\b(\d{1,4})$/u, /^page (\d{1,4})\b/iu, /^[-–—]\s*(\d{1,4})\s*[-–—]$/u]) {
    const match = pattern.exec(text);
    if (match) found.push(Number(match[1]));
  }
  return found;
}

// The difference between printed number and page index that most heads agree on, if enough do.
function pageNumberOffset(candidates: readonly Candidate[], textPages: number): number | undefined {
  const votes = new Map<number, Set<number>>();
  for (const candidate of candidates) {
    for (const number of candidate.numbers) {
      const offset = number - candidate.page;
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
