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
  const fields: SearchField[] = [];
  for (let f = 0; mask >> f; f += 1) if ((mask >> f) & 1) fields.push(FIELD_ORDER[f] as SearchField);
  return fields;
}

/** Ranges to mark from flat `[field number, start, end, …]` spans: sorted, overlaps merged. */
export function matchRanges(spans: readonly number[]): Match[] {
  const ranges: Match[] = [];
  for (let i = 0; i + 2 < spans.length; i += 3) {
    const target = MATCH_FIELD[spans[i] as number];
    if (target !== undefined) ranges.push({ field: target, start: spans[i + 1] as number, end: spans[i + 2] as number });
  }
  const order = (a: Match, b: Match) => (a.field !== b.field ? (a.field < b.field ? -1 : 1) : a.start - b.start || a.end - b.end);
  // Usually already in order (one field, occurrences in reading order): sorting is then skipped.
  for (let i = 1; i < ranges.length; i += 1) {
    if (order(ranges[i - 1] as Match, ranges[i] as Match) > 0) {
      ranges.sort(order);
      break;
    }
  }
  const merged: Match[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && last.field === range.field && range.start < last.end) last.end = Math.max(last.end, range.end);
    else merged.push(range);
  }
  return merged;
}
