/**
 * Merging segments into one, as Lucene does: the live documents of each input are renumbered in
 * input order, the sorted dictionaries are merged, and each term's postings are concatenated
 * with their occurrences copied byte for byte (they are coded per document, so they move as they
 * are). Masked documents are left out, which is how an edited or removed source finally leaves
 * the files. Nothing is analysed again: a merge costs one pass over the inputs' bytes.
 */
import { ByteWriter, readVarint } from './bytes.ts';
import { FIELD_COUNT } from './fields.ts';
import type { LoadedShard } from './load.ts';
import { decodeDocs } from './postings.ts';
import { stemIndex, surfaceColumns, type Segment, type SegmentSource } from './segment.ts';

interface Input {
  segment: Segment;
  /** New number of each old document, or -1 when it is masked. */
  renumber: Int32Array;
  /** Reverse stem index: term number → stem. */
  stems: Map<number, string>;
  surfaces: Map<number, number>;
}

/**
 * One segment with the live documents of `inputs`, in order. A source or annotation live in two
 * inputs is kept from the first only, so a merge never makes a document twice.
 */
export function mergeSegments(inputs: readonly LoadedShard[], id: string): Segment {
  const sourceNumbers = new Map<string, number>();
  const docSource: number[] = [];
  const docOrder: number[] = [];
  const docFlags: number[] = [];
  const docKey: string[] = [];
  const docBlock: string[] = [];
  const lengths: number[] = [];
  const stopStart: number[] = [];
  const stops = new ByteWriter();
  const seenRefs = new Set<string>();
  const sources = new Map<string, SegmentSource>();
  const prepared: Input[] = inputs.map((shard) => {
    const { segment, deleted } = shard;
    for (const source of shard.liveSources) if (!sources.has(source.id)) sources.set(source.id, source);
    const renumber = new Int32Array(segment.docCount).fill(-1);
    for (let doc = 0; doc < segment.docCount; doc += 1) {
      if (deleted !== undefined && deleted[doc]) continue;
      const sourceId = segment.sourceIds[segment.docSource[doc] as number] as string;
      const flags = segment.docFlags[doc] as number;
      const ref = `${flags & 1 ? 'a' : 'b'}:${sourceId}:${segment.docKey[doc]}`;
      if (seenRefs.has(ref)) continue;
      seenRefs.add(ref);
      let source = sourceNumbers.get(sourceId);
      if (source === undefined) {
        source = sourceNumbers.size;
        sourceNumbers.set(sourceId, source);
      }
      renumber[doc] = docSource.length;
      docSource.push(source);
      docOrder.push(segment.docOrder[doc] as number);
      docFlags.push(flags);
      docKey.push(segment.docKey[doc] as string);
      docBlock.push(segment.docBlock[doc] as string);
      for (let f = 0; f < FIELD_COUNT; f += 1) lengths.push(segment.lengths[doc * FIELD_COUNT + f] as number);
      stopStart.push(stops.length);
      stops.bytes(segment.stops.subarray(segment.stopStart[doc] as number, segment.stopStart[doc + 1] as number));
    }
    const stems = new Map<number, string>();
    segment.stemKeys.forEach((stem, k) => stems.set(segment.stemTerms[k] as number, stem));
    const surfaces = new Map<number, number>();
    segment.surfaceTerms.forEach((term, k) => surfaces.set(term, k));
    return { segment, renumber, stems, surfaces };
  });
  stopStart.push(stops.length);
  const docCount = docSource.length;

  const terms: string[] = [];
  const dfs: number[] = [];
  const starts: number[] = [];
  const stemOf = new Map<string, string>();
  const surfaceOf = new Map<string, { form: string; count: number }>();
  const postings = new ByteWriter(inputs.reduce((sum, { segment }) => sum + segment.postings.length, 1024));
  const seen = new Int32Array(docCount).fill(-1);
  const heads = prepared.map(() => 0);
  for (;;) {
    let term: string | undefined;
    prepared.forEach(({ segment }, i) => {
      const here = segment.terms[heads[i] as number];
      if (here !== undefined && (term === undefined || here < term)) term = here;
    });
    if (term === undefined) break;
    const holders: { input: Input; n: number }[] = [];
    prepared.forEach((input, i) => {
      const n = heads[i] as number;
      if (input.segment.terms[n] === term) {
        holders.push({ input, n });
        heads[i] = n + 1;
      }
    });
    const start = postings.length;
    const df = mergePosting(postings, holders, seen, terms.length);
    if (df === 0) continue;
    starts.push(start);
    dfs.push(df);
    terms.push(term);
    for (const { input, n } of holders) {
      const stem = input.stems.get(n);
      if (stem !== undefined) stemOf.set(term, stem);
      const k = input.surfaces.get(n);
      if (k !== undefined) {
        const form = input.segment.surfaceForms[k] as string;
        const count = input.segment.surfaceCounts[k] as number;
        const known = surfaceOf.get(term);
        if (!known || count > known.count || (count === known.count && form < known.form)) surfaceOf.set(term, { form, count });
      }
    }
  }
  starts.push(postings.length);
  const stemmed = stemIndex(terms, stemOf);
  return {
    id,
    sourceIds: [...sourceNumbers.keys()],
    sources: [...sources.values()].filter((source) => sourceNumbers.has(source.id)),
    docCount,
    docSource: Uint32Array.from(docSource),
    docOrder: Uint32Array.from(docOrder),
    docFlags: Uint8Array.from(docFlags),
    docKey,
    docBlock,
    lengths: Uint32Array.from(lengths),
    stopStart: Uint32Array.from(stopStart),
    stops: stops.finish(),
    terms,
    termDf: Uint32Array.from(dfs),
    postingStart: Uint32Array.from(starts),
    postings: postings.finish(),
    stemKeys: stemmed.keys,
    stemTerms: stemmed.terms,
    ...surfaceColumns(terms, surfaceOf),
  };
}

interface Entry {
  doc: number;
  count: number;
  bytes: Uint8Array;
  from: number;
  to: number;
}

/**
 * Writes the merged posting of one term held by `holders` (in input order); returns its
 * document frequency over live documents, or 0 (and writes nothing) when none is live.
 */
function mergePosting(writer: ByteWriter, holders: readonly { input: Input; n: number }[], seen: Int32Array, stamp: number): number {
  const byField: Entry[][] = Array.from({ length: FIELD_COUNT }, () => []);
  for (const { input, n } of holders) {
    const { segment, renumber } = input;
    const { parts, positionsOffset } = decodeDocs(segment, n);
    const bytes = segment.postings;
    const state = { offset: positionsOffset };
    for (const { field, docs, counts } of parts) {
      for (let i = 0; i < docs.length; i += 1) {
        const count = counts[i] as number;
        const from = state.offset;
        for (let k = 0; k < count * 3; k += 1) readVarint(bytes, state);
        const doc = renumber[docs[i] as number] as number;
        if (doc >= 0) (byField[field] as Entry[]).push({ doc, count, bytes, from, to: state.offset });
      }
    }
  }
  let mask = 0;
  byField.forEach((entries, field) => {
    if (entries.length > 0) mask |= 1 << field;
  });
  if (mask === 0) return 0;
  writer.varint(mask);
  let df = 0;
  for (const entries of byField) {
    if (entries.length === 0) continue;
    writer.varint(entries.length);
    let previous = 0;
    for (const { doc, count } of entries) {
      writer.varint(doc - previous);
      writer.varint(count);
      previous = doc;
      if (seen[doc] !== stamp) {
        seen[doc] = stamp;
        df += 1;
      }
    }
  }
  for (const entries of byField) for (const { bytes, from, to } of entries) writer.bytes(bytes.subarray(from, to));
  return df;
}
