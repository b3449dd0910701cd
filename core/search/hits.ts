/**
 * Hits: the public form of a ranked document, with its matched fields and the ranges to mark.
 */
import { FIELD_ORDER, type SearchField } from './fields.ts';

/** Which text a match range points into: a block's text, or an annotation's quote, note or tags. */
export type MatchField = 'text' | 'quote' | 'note' | 'tags';

/**
 * A range to mark: `[start, end)` in UTF-16 offsets. For `text`, offsets are in the block text
 * (the concatenated text of its runs); for `tags`, in the tag names joined by `LIST_SEPARATOR`.
 */
export interface Match {
  field: MatchField;
  start: number;
  end: number;
}

/** One result: a block of a source, or an annotation (with its passage's block when known). */
export interface Hit {
  ref: string;
  kind: 'block' | 'annotation';
  sourceId: string;
  blockId?: string;
  annotationId?: string;
  score: number;
  /** The fields any word or phrase matched in (`title` and `author` have no ranges to mark). */
  fields: SearchField[];
  /** Every matched word and phrase, sorted, overlapping ranges merged. */
  matches: Match[];
}

const MATCH_FIELD: readonly (MatchField | undefined)[] = FIELD_ORDER.map((field): MatchField | undefined => {
  switch (field) {
    case 'heading':
    case 'body':
      return 'text';
    case 'quote':
    case 'note':
    case 'tags':
      return field;
    default:
      return undefined;
  }
});

/** The fields of a bit mask over `FIELD_ORDER`. */
export function fieldsOfMask(mask: number): SearchField[] {
  return FIELD_ORDER.filter((_, f) => (mask >> f) & 1);
}

/** Ranges to mark from flat `[field number, start, end, …]` spans: sorted, overlaps merged. */
export function matchRanges(spans: readonly number[]): Match[] {
  const ranges: Match[] = [];
  for (let i = 0; i + 2 < spans.length; i += 3) {
    const target = MATCH_FIELD[spans[i] as number];
    if (target !== undefined) ranges.push({ field: target, start: spans[i + 1] as number, end: spans[i + 2] as number });
  }
  ranges.sort((a, b) => (a.field !== b.field ? (a.field < b.field ? -1 : 1) : a.start - b.start || a.end - b.end));
  const merged: Match[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && last.field === range.field && range.start < last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}
