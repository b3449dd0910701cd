/**
 * A segment as stored: a small JSON-able `meta` (ids, sources, and every string list joined by
 * spaces, which none of them contains) and one byte array `data` with the numbers as varints and
 * the postings as they are. Decoding copies the columns into typed arrays and keeps views of the
 * postings and stop words, so loading costs about one pass over the bytes.
 */
import * as v from 'valibot';
import { ByteReader, ByteWriter } from './bytes.ts';
import { SearchIndexError } from './errors.ts';
import { FIELD_COUNT } from './fields.ts';
import type { Segment, SegmentSource } from './segment.ts';
import { SEARCH_PIPELINE_VERSION } from './version.ts';

/** The format tag of a stored segment. */
export const SEGMENT_FORMAT = 'apparatus-search-segment';

/** The JSON part of a stored segment (doc keys are lists: block and annotation ids are the caller's). */
export interface SegmentMeta {
  format: typeof SEGMENT_FORMAT;
  version: string;
  id: string;
  sources: SegmentSource[];
  sourceIds: string[];
  docCount: number;
  termCount: number;
  stemCount: number;
  surfaceCount: number;
  docKeys: string[];
  docBlocks: string[];
  /** Space-separated lists: words never contain spaces. */
  terms: string;
  stemKeys: string;
  surfaceForms: string;
}

/** A stored segment: what a cache file holds. */
export interface StoredSegment {
  meta: SegmentMeta;
  data: Uint8Array;
}

const MetaSchema = v.object({
  format: v.literal(SEGMENT_FORMAT),
  version: v.string(),
  id: v.string(),
  sources: v.array(
    v.object({ id: v.string(), title: v.string(), author: v.string(), container: v.string(), hash: v.string() }),
  ),
  sourceIds: v.array(v.string()),
  docCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  termCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  stemCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  surfaceCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  docKeys: v.array(v.string()),
  docBlocks: v.array(v.string()),
  terms: v.string(),
  stemKeys: v.string(),
  surfaceForms: v.string(),
});

const SEPARATOR = ' ';

function join(list: readonly string[]): string {
  return list.join(SEPARATOR);
}

function split(text: string, count: number, what: string): string[] {
  const list = count === 0 ? [] : text.split(SEPARATOR);
  if (list.length !== count) throw damaged(`its ${what} do not add up`);
  return list;
}

function damaged(reason: string): SearchIndexError {
  return new SearchIndexError('malformed-shard', `A search index file is damaged (${reason}) and must be rebuilt.`);
}

/** Stores a segment: see the module comment. */
export function encodeSegment(segment: Segment): StoredSegment {
  const writer = new ByteWriter(segment.postings.length + segment.stops.length + segment.docCount * 16 + 1024);
  const { docCount } = segment;
  for (let doc = 0; doc < docCount; doc += 1) writer.varint(segment.docSource[doc] ?? 0);
  for (let doc = 0; doc < docCount; doc += 1) writer.varint(segment.docOrder[doc] ?? 0);
  for (let doc = 0; doc < docCount; doc += 1) writer.byte(segment.docFlags[doc] ?? 0);
  for (let doc = 0; doc < docCount; doc += 1) {
    let mask = 0;
    for (let f = 0; f < FIELD_COUNT; f += 1) if ((segment.lengths[doc * FIELD_COUNT + f] ?? 0) > 0) mask |= 1 << f;
    writer.varint(mask);
    for (let f = 0; f < FIELD_COUNT; f += 1) {
      if (mask & (1 << f)) writer.varint(segment.lengths[doc * FIELD_COUNT + f] ?? 0);
    }
  }
  for (let doc = 0; doc < docCount; doc += 1) {
    writer.varint((segment.stopStart[doc + 1] ?? 0) - (segment.stopStart[doc] ?? 0));
  }
  writer.bytes(segment.stops.subarray(segment.stopStart[0] ?? 0, segment.stopStart[docCount] ?? 0));
  const termCount = segment.terms.length;
  for (let t = 0; t < termCount; t += 1) writer.varint(segment.termDf[t] ?? 0);
  for (let t = 0; t < termCount; t += 1) {
    writer.varint((segment.postingStart[t + 1] ?? 0) - (segment.postingStart[t] ?? 0));
  }
  writer.bytes(segment.postings.subarray(segment.postingStart[0] ?? 0, segment.postingStart[termCount] ?? 0));
  for (const term of segment.stemTerms) writer.varint(term);
  let previous = 0;
  for (const term of segment.surfaceTerms) {
    writer.varint(term - previous);
    previous = term;
  }
  for (const count of segment.surfaceCounts) writer.varint(count);
  return {
    meta: {
      format: SEGMENT_FORMAT,
      version: SEARCH_PIPELINE_VERSION,
      id: segment.id,
      sources: segment.sources.map((source) => ({ ...source })),
      sourceIds: [...segment.sourceIds],
      docCount,
      termCount,
      stemCount: segment.stemKeys.length,
      surfaceCount: segment.surfaceTerms.length,
      docKeys: [...segment.docKey],
      docBlocks: [...segment.docBlock],
      terms: join(segment.terms),
      stemKeys: join(segment.stemKeys),
      surfaceForms: join(segment.surfaceForms),
    },
    data: writer.finish(),
  };
}

/** The meta of a stored segment, or why it cannot be used (another version, or damaged). */
export function checkSegmentMeta(meta: unknown): SegmentMeta | SearchIndexError {
  const version = typeof meta === 'object' && meta !== null && 'version' in meta ? meta.version : undefined;
  if (typeof version === 'string' && version !== SEARCH_PIPELINE_VERSION) {
    return new SearchIndexError('stale-shard', 'A search index file was made by another version of Apparatus and must be rebuilt.');
  }
  if (!v.is(MetaSchema, meta)) return damaged('its description is unreadable');
  return meta;
}

function ascending(values: Uint32Array, limit: number, what: string): void {
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] as number;
    if (value > limit || (i > 0 && value < (values[i - 1] as number))) throw damaged(`its ${what} are out of order`);
  }
}

/**
 * Reads a stored segment back. Throws a `SearchIndexError`: 'stale-shard' for another pipeline
 * version, 'malformed-shard' for anything that does not add up.
 */
export function decodeSegment(stored: { meta: unknown; data: Uint8Array }): Segment {
  const meta = checkSegmentMeta(stored.meta);
  if (meta instanceof SearchIndexError) throw meta;
  const { docCount, termCount, stemCount, surfaceCount } = meta;
  const reader = new ByteReader(stored.data);
  try {
    const docSource = new Uint32Array(docCount);
    for (let doc = 0; doc < docCount; doc += 1) {
      const source = reader.varint();
      if (source >= meta.sourceIds.length) throw damaged('a passage names an unknown source');
      docSource[doc] = source;
    }
    const docOrder = new Uint32Array(docCount);
    for (let doc = 0; doc < docCount; doc += 1) docOrder[doc] = reader.varint();
    const docFlags = reader.take(docCount).slice();
    const lengths = new Uint32Array(docCount * FIELD_COUNT);
    for (let doc = 0; doc < docCount; doc += 1) {
      const mask = reader.varint();
      for (let f = 0; f < FIELD_COUNT; f += 1) if (mask & (1 << f)) lengths[doc * FIELD_COUNT + f] = reader.varint();
    }
    const stopStart = new Uint32Array(docCount + 1);
    for (let doc = 0; doc < docCount; doc += 1) stopStart[doc + 1] = (stopStart[doc] as number) + reader.varint();
    const stops = reader.take(stopStart[docCount] as number);
    const termDf = new Uint32Array(termCount);
    for (let t = 0; t < termCount; t += 1) termDf[t] = reader.varint();
    const postingStart = new Uint32Array(termCount + 1);
    for (let t = 0; t < termCount; t += 1) postingStart[t + 1] = (postingStart[t] as number) + reader.varint();
    const postings = reader.take(postingStart[termCount] as number);
    const stemTerms = new Uint32Array(stemCount);
    for (let i = 0; i < stemCount; i += 1) {
      const term = reader.varint();
      if (term >= termCount) throw damaged('a stem names an unknown word');
      stemTerms[i] = term;
    }
    const surfaceTerms = new Uint32Array(surfaceCount);
    let term = 0;
    for (let i = 0; i < surfaceCount; i += 1) {
      term += reader.varint();
      surfaceTerms[i] = term;
    }
    ascending(surfaceTerms, Math.max(0, termCount - 1), 'spellings');
    const surfaceCounts = new Uint32Array(surfaceCount);
    for (let i = 0; i < surfaceCount; i += 1) surfaceCounts[i] = reader.varint();
    if (reader.offset !== stored.data.length) throw damaged('it has bytes left over');
    if (meta.docKeys.length !== docCount || meta.docBlocks.length !== docCount) throw damaged('its passages do not add up');
    const terms = split(meta.terms, termCount, 'words');
    for (let i = 1; i < terms.length; i += 1) {
      if ((terms[i - 1] as string) >= (terms[i] as string)) throw damaged('its words are out of order');
    }
    return {
      id: meta.id,
      sourceIds: meta.sourceIds,
      sources: meta.sources,
      docCount,
      docSource,
      docOrder,
      docFlags,
      docKey: meta.docKeys,
      docBlock: meta.docBlocks,
      lengths,
      stopStart,
      stops,
      terms,
      termDf,
      postingStart,
      postings,
      stemKeys: split(meta.stemKeys, stemCount, 'stems'),
      stemTerms,
      surfaceTerms,
      surfaceForms: split(meta.surfaceForms, surfaceCount, 'spellings'),
      surfaceCounts,
    };
  } catch (error) {
    if (error instanceof SearchIndexError) throw error;
    throw damaged('it ends early');
  }
}
