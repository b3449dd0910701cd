/**
 * Where each citation stands in the document: the first citation of a source, a
 * later one, or a consecutive one (the same single source as the citation immediately before).
 * Note numbers are tracked, not just the order of citations: a note without a citation between two
 * citations of one source, or a preceding note that cites several sources, breaks the sequence.
 */
import { sameLocator } from './locator.ts';
import type { Locator } from './locator.ts';

/** One citation as the formatter received it, with its locator parsed. */
export interface CiteRequest {
  itemId: string;
  locator: Locator | null;
  prefix?: string | undefined;
  suffix?: string | undefined;
  /** For a translation: the original's page(s) of the cited passage, for its pointer. */
  originalLocator?: Locator | null;
}

/** One note of the document: its number and its citations in order. */
export interface NoteRequest {
  noteIndex: number;
  cites: CiteRequest[];
}

/** A citation's place: `consecutive` may become "Ibid." or an author-only form. */
export type Position = 'first' | 'subsequent' | 'consecutive';

/** A citation with its place decided. */
export interface PlacedCite extends CiteRequest {
  position: Position;
  /** For a consecutive citation: the locator equals that of the citation it follows. */
  sameLocator: boolean;
  /** The citation opens its note (so an "Ibid." there is capitalized). */
  opensNote: boolean;
}

/** A note with its citations placed. */
export interface PlacedNote {
  noteIndex: number;
  cites: PlacedCite[];
}

/**
 * Decides each citation's position. A citation is consecutive when the citation before it in the
 * same note cites the same source, or when it opens its note and the note numbered just before
 * cites that source alone; and it then needs a locator unless the earlier one had none (a bare
 * "Ibid." would otherwise claim the earlier page).
 */
export function placeCitations(notes: NoteRequest[]): PlacedNote[] {
  const seen = new Set<string>();
  let previous: NoteRequest | null = null;
  const placed: PlacedNote[] = [];
  for (const note of notes) {
    const cites = note.cites.map((cite, i): PlacedCite => {
      const opensNote = i === 0;
      if (!seen.has(cite.itemId)) {
        seen.add(cite.itemId);
        return { ...cite, position: 'first', sameLocator: false, opensNote };
      }
      const before = opensNote ? soleCiteOf(previous, note.noteIndex) : note.cites[i - 1];
      const follows = before?.itemId === cite.itemId;
      if (before && follows && (cite.locator !== null || before.locator === null)) {
        const same = sameLocator(before.locator, cite.locator);
        return { ...cite, position: 'consecutive', sameLocator: same, opensNote };
      }
      return { ...cite, position: 'subsequent', sameLocator: false, opensNote };
    });
    placed.push({ noteIndex: note.noteIndex, cites });
    previous = note;
  }
  return placed;
}

/** The last citation of the note numbered just before `noteIndex`, if it cites one source only. */
function soleCiteOf(previous: NoteRequest | null, noteIndex: number): CiteRequest | undefined {
  if (!previous || previous.noteIndex !== noteIndex - 1) return undefined;
  const sources = new Set(previous.cites.map((c) => c.itemId));
  return sources.size === 1 ? previous.cites.at(-1) : undefined;
}
