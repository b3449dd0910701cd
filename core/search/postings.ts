/**
 * Reading a term's posting in a segment (layout in segment.ts): per field the documents with
 * their term counts, then every occurrence as (ordinal, start, length), delta-coded per document;
 * and a document's stop words.
 */
import { readVarint } from './bytes.ts';
import type { Segment } from './segment.ts';

/** One field's part of a posting, decoded. */
export interface FieldPart {
  field: number;
  docs: Int32Array;
  counts: Int32Array;
}

/** The document lists of a posting, and where its occurrences begin. */
export interface DecodedPosting {
  parts: FieldPart[];
  positionsOffset: number;
}

/** Decodes the document lists of term `n` (not the occurrences). */
export function decodeDocs(segment: Segment, n: number): DecodedPosting {
  const bytes = segment.postings;
  const state = { offset: segment.postingStart[n] as number };
  const mask = readVarint(bytes, state);
  const parts: FieldPart[] = [];
  for (let field = 0; mask >> field; field += 1) {
    if (!((mask >> field) & 1)) continue;
    const count = readVarint(bytes, state);
    const docs = new Int32Array(count);
    const counts = new Int32Array(count);
    let doc = 0;
    for (let i = 0; i < count; i += 1) {
      doc += readVarint(bytes, state);
      docs[i] = doc;
      counts[i] = readVarint(bytes, state);
    }
    parts.push({ field, docs, counts });
  }
  return { parts, positionsOffset: state.offset };
}

/** The stop words of one field of a document: word number by ordinal. */
export function stopWordsOf(segment: Segment, doc: number, field: number): Map<number, number> {
  const words = new Map<number, number>();
  const bytes = segment.stops;
  const end = segment.stopStart[doc + 1] as number;
  const state = { offset: segment.stopStart[doc] as number };
  while (state.offset < end) {
    const f = readVarint(bytes, state);
    const count = readVarint(bytes, state);
    let ordinal = 0;
    for (let k = 0; k < count; k += 1) {
      ordinal += readVarint(bytes, state);
      const word = readVarint(bytes, state);
      if (f === field) words.set(ordinal, word);
    }
    if (f === field) break;
  }
  return words;
}

/**
 * Walks the documents of term `n` in posting order, reading the occurrences only of those
 * `wanted(field, doc)` accepts (`occurrence` is called for each of them, in order) and skipping
 * the others, without copying the document lists: the lists are read a second time alongside the
 * occurrences instead.
 */
export function walkOccurrences(
  segment: Segment,
  n: number,
  wanted: (field: number, doc: number, count: number) => boolean,
  occurrence: (field: number, doc: number, ordinal: number, start: number, length: number) => void,
): void {
  const bytes = segment.postings;
  const lists = { offset: segment.postingStart[n] as number };
  const mask = readVarint(bytes, lists);
  const firstList = lists.offset;
  // First pass: where the occurrences begin.
  for (let field = 0; mask >> field; field += 1) {
    if (!((mask >> field) & 1)) continue;
    const count = readVarint(bytes, lists);
    for (let i = 0; i < count * 2; i += 1) readVarint(bytes, lists);
  }
  const occurrences = { offset: lists.offset };
  lists.offset = firstList;
  for (let field = 0; mask >> field; field += 1) {
    if (!((mask >> field) & 1)) continue;
    const count = readVarint(bytes, lists);
    let doc = 0;
    for (let i = 0; i < count; i += 1) {
      doc += readVarint(bytes, lists);
      const tf = readVarint(bytes, lists);
      if (!wanted(field, doc, tf)) {
        for (let k = 0; k < tf * 3; k += 1) readVarint(bytes, occurrences);
        continue;
      }
      let ordinal = 0;
      let start = 0;
      for (let k = 0; k < tf; k += 1) {
        ordinal += readVarint(bytes, occurrences);
        start += readVarint(bytes, occurrences);
        occurrence(field, doc, ordinal, start, readVarint(bytes, occurrences));
      }
    }
  }
}
