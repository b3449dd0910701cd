/**
 * Shaping ranked candidates into hits: ranges to mark, matched fields, tie-breaking, and one hit
 * per source for words found only in a source's title or author.
 */
import { FIELD_ORDER, type SearchField } from './fields.ts';
import type { FieldMatch } from './evaluate.ts';
import type { ShardDocument } from './shard.ts';

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

const MATCH_FIELD: Readonly<Partial<Record<SearchField, MatchField>>> = {
  heading: 'text',
  body: 'text',
  quote: 'quote',
  note: 'note',
  tags: 'tags',
};

/** A matching document with its score and where each word or phrase matched. */
export interface Candidate {
  doc: ShardDocument;
  score: number;
  matches: FieldMatch[];
}

/** Best score first; ties in reading order (source, blocks before annotations, order). */
export function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.doc.sourceId !== b.doc.sourceId) return a.doc.sourceId < b.doc.sourceId ? -1 : 1;
  if (a.doc.kind !== b.doc.kind) return a.doc.kind === 'block' ? -1 : 1;
  if (a.doc.order !== b.doc.order) return a.doc.order - b.doc.order;
  return a.doc.ref < b.doc.ref ? -1 : a.doc.ref > b.doc.ref ? 1 : 0;
}

function matchRanges(matches: readonly FieldMatch[]): Match[] {
  const ranges: Match[] = [];
  for (const { field, spans } of matches) {
    const target = MATCH_FIELD[field];
    if (target === undefined) continue;
    for (const [start, end] of spans) ranges.push({ field: target, start, end });
  }
  ranges.sort((a, b) =>
    a.field !== b.field ? (a.field < b.field ? -1 : 1) : a.start - b.start || a.end - b.end,
  );
  const merged: Match[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && last.field === range.field && range.start < last.end) {
      last.end = Math.max(last.end, range.end);
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}

/** The public form of a candidate. */
export function toHit({ doc, score, matches }: Candidate): Hit {
  return {
    ref: doc.ref,
    kind: doc.kind,
    sourceId: doc.sourceId,
    ...(doc.blockId === undefined ? {} : { blockId: doc.blockId }),
    ...(doc.annotationId === undefined ? {} : { annotationId: doc.annotationId }),
    score,
    fields: FIELD_ORDER.filter((field) => matches.some((m) => m.field === field)),
    matches: matchRanges(matches),
  };
}

const isSourceField = (field: SearchField) => field === 'title' || field === 'author';

const isSourceOnly = (candidate: Candidate) =>
  candidate.matches.length > 0 && candidate.matches.every((m) => isSourceField(m.field));

/**
 * Every block carries its source's title and author, so a word found only there would return
 * every block of the source. Blocks that match in their own text are all kept; blocks that
 * match only through the source are dropped when their source has such a block, and otherwise
 * collapse to the source's first block, which stands for the source.
 */
export function collapseSourceOnly(candidates: readonly Candidate[]): Candidate[] {
  const kept = candidates.filter((candidate) => !isSourceOnly(candidate));
  const present = new Set(kept.map((candidate) => candidate.doc.sourceId));
  const representatives = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const { sourceId, order } = candidate.doc;
    if (!isSourceOnly(candidate) || present.has(sourceId)) continue;
    const current = representatives.get(sourceId);
    if (current === undefined || order < current.doc.order) {
      representatives.set(sourceId, candidate);
    }
  }
  return [...kept, ...representatives.values()];
}
