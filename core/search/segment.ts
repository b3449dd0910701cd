/**
 * A segment: the compact, immutable form of a Lunr index over some documents. Lunr's builder
 * groups every term's occurrences by field and document (its inverted index, with the word
 * positions and ordinals we whitelist); a segment keeps exactly that, packed:
 *
 * - a sorted term dictionary, each term with its document frequency and the byte range of its
 *   posting (varints: per field the documents and term counts, then every occurrence's word
 *   ordinal, start and length), so a query decodes only the terms it needs;
 * - the documents as typed columns (source, reading order, kind, field lengths) and their stop
 *   words as `(ordinal, word number)` pairs, for phrases such as "Party of Labour";
 * - the stems of terms whose stem differs, and the commonest spelling of terms that were written
 *   otherwise than folded (for suggestions).
 *
 * Segments never change. A library is a few of them (see library.ts); merging makes a new one.
 */
import { ByteWriter } from './bytes.ts';
import { analyseFields, commonestSurfaces, countSurfaces, type AnalysedFields, type SurfaceCounts } from './document-fields.ts';
import type { SearchDocument } from './documents.ts';
import { SearchIndexError } from './errors.ts';
import { FIELD_COUNT, FIELD_NUMBER, FIELD_ORDER, type SearchField } from './fields.ts';
import { fieldPostings, invertDocuments, stemTerm, type LunrOccurrences, type LunrPosting } from './lunr-interop.ts';
import { stopWordNumber } from './stop-words.ts';

/** Document flag: an annotation (else a block of a source). */
export const DOC_ANNOTATION = 1;
/** Document flag: a paragraph of a footnote or endnote. */
export const DOC_IN_NOTE = 2;

/** What a segment records of a source whose blocks it holds. */
export interface SegmentSource {
  id: string;
  title: string;
  author: string;
  /** Journal, book, website or encyclopedia; empty when none. */
  container: string;
  /** Hash of the cleaned file the blocks came from; empty when the caller gave none. */
  hash: string;
}

/** A compact, immutable index of some documents; see the module comment. */
export interface Segment {
  id: string;
  /** Every source id a document refers to (annotations included), by number. */
  sourceIds: readonly string[];
  /** Title, author and file hash of the sources whose blocks are in this segment. */
  sources: readonly SegmentSource[];
  docCount: number;
  /** Per document: its source's number in `sourceIds`. */
  docSource: Uint32Array;
  /** Per document: its place in its source's reading order (or in the annotation list). */
  docOrder: Uint32Array;
  /** Per document: `DOC_ANNOTATION`, `DOC_IN_NOTE`. */
  docFlags: Uint8Array;
  /** Per document: its block id, or its annotation id. */
  docKey: readonly string[];
  /** Per document: an annotation's block id when known, else empty. */
  docBlock: readonly string[];
  /** Per document and field (`doc * FIELD_COUNT + field`): the number of indexed terms. */
  lengths: Uint32Array;
  /** Per document: where its stop words start in `stops` (one more entry for the end). */
  stopStart: Uint32Array;
  /** Per document: for each field with stop words, `field, count, (ordinal delta, word)…`. */
  stops: Uint8Array;
  /** Every indexed term, sorted by code unit. */
  terms: readonly string[];
  /** Per term: the number of documents containing it in any field. */
  termDf: Uint32Array;
  /** Per term: where its posting starts in `postings` (one more entry for the end). */
  postingStart: Uint32Array;
  postings: Uint8Array;
  /** Stems that differ from their term, sorted; `stemTerms` gives the term's number. */
  stemKeys: readonly string[];
  stemTerms: Uint32Array;
  /** Terms (by number, ascending) written otherwise than folded, their commonest spelling and its count. */
  surfaceTerms: Uint32Array;
  surfaceForms: readonly string[];
  surfaceCounts: Uint32Array;
}

/** One document as the segment builder takes it. */
export interface DocumentRecord {
  ref: string;
  sourceId: string;
  flags: number;
  order: number;
  key: string;
  block: string;
  /** `FIELD_COUNT` lengths. */
  lengths: ArrayLike<number>;
  /** Stop words as `[field, ordinal, word number]`, sorted by field then ordinal. */
  stops: readonly (readonly [number, number, number])[];
}

/** The ref of a document of a segment: `sourceId#blockId` or `annotation:<id>`. */
export function documentRef(segment: Segment, doc: number): string {
  const key = segment.docKey[doc] ?? '';
  if ((segment.docFlags[doc] ?? 0) & DOC_ANNOTATION) return `annotation:${key}`;
  return `${segment.sourceIds[segment.docSource[doc] ?? 0] ?? ''}#${key}`;
}

/** The source id of a document of a segment. */
export function documentSource(segment: Segment, doc: number): string {
  return segment.sourceIds[segment.docSource[doc] ?? 0] ?? '';
}

/** Binary search: the number of `term`, or -1 when the segment does not index it. */
export function findTerm(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const here = terms[mid] as string;
    if (here < term) lo = mid + 1;
    else if (here > term) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** The first index of a sorted list whose entry is not below `value`. */
export function lowerBound(list: readonly string[], value: string, from = 0): number {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `[from, to)`: the entries of a sorted list that start with `prefix`. */
export function prefixRange(list: readonly string[], prefix: string): [number, number] {
  if (prefix === '') return [0, list.length];
  const from = lowerBound(list, prefix);
  const last = prefix.charCodeAt(prefix.length - 1);
  if (last === 0xffff) {
    let to = from;
    while (to < list.length && (list[to] as string).startsWith(prefix)) to += 1;
    return [from, to];
  }
  // The range ends at the first entry that does not start with the prefix: a binary search for
  // the prefix with its last code unit raised finds it without walking the range.
  return [from, lowerBound(list, prefix.slice(0, -1) + String.fromCharCode(last + 1), from)];
}

/** An approximate size in bytes, for the merge policy. */
export function segmentBytes(segment: Segment): number {
  return segment.postings.length + segment.stops.length + segment.docCount * 16 + segment.terms.length * 12;
}

// ---------------------------------------------------------------------------------------------
// Building

/** Throws a `SearchIndexError` ('duplicate-document') if two documents share a ref. */
export function checkUnique(docs: readonly SearchDocument[]): void {
  const seen = new Set<string>();
  for (const doc of docs) {
    if (seen.has(doc.ref)) {
      throw new SearchIndexError(
        'duplicate-document',
        `The passage ${doc.ref} was given twice, so the search index was not built.`,
      );
    }
    seen.add(doc.ref);
  }
}

/** The stop words of analysed fields as `[field, ordinal, word number]`, sorted. */
function stopTriples(fields: AnalysedFields): [number, number, number][] {
  const triples: [number, number, number][] = [];
  for (const field of FIELD_ORDER) {
    for (const word of fields.stops[field] ?? []) {
      triples.push([FIELD_NUMBER[field], word.ordinal, stopWordNumber(word.term)]);
    }
  }
  return triples;
}

/** The builder's record of one document. */
export function documentRecord(doc: SearchDocument, fields: AnalysedFields): DocumentRecord {
  const lengths = new Array<number>(FIELD_COUNT).fill(0);
  for (const field of FIELD_ORDER) lengths[FIELD_NUMBER[field]] = fields.terms[field]?.length ?? 0;
  return {
    ref: doc.ref,
    sourceId: doc.sourceId,
    flags: doc.kind === 'annotation' ? DOC_ANNOTATION : doc.inNote ? DOC_IN_NOTE : 0,
    order: doc.order,
    key: doc.kind === 'annotation' ? doc.annotationId : doc.blockId,
    block: doc.kind === 'annotation' ? (doc.blockId ?? '') : '',
    lengths,
    stops: stopTriples(fields),
  };
}

/** Sources of the block documents, in order of first appearance. */
function blockSources(docs: readonly SearchDocument[], hashes: ReadonlyMap<string, string>): SegmentSource[] {
  const sources = new Map<string, SegmentSource>();
  for (const doc of docs) {
    if (doc.kind !== 'block' || sources.has(doc.sourceId)) continue;
    sources.set(doc.sourceId, {
      id: doc.sourceId,
      title: doc.title,
      author: doc.author,
      container: doc.container ?? '',
      hash: hashes.get(doc.sourceId) ?? '',
    });
  }
  return [...sources.values()];
}

/**
 * Indexes documents into a segment: our analysis, then Lunr's builder for the inverted index,
 * packed. Deterministic. Throws a `SearchIndexError` ('duplicate-document') if two documents
 * share a ref. `hashes` records the file hash of each source (for the cache); `sources` gives
 * the source records outright (so that a source without any text is still recorded).
 */
export function buildSegment(
  docs: readonly SearchDocument[],
  options: { id: string; hashes?: ReadonlyMap<string, string>; sources?: readonly SegmentSource[] },
): Segment {
  checkUnique(docs);
  const surfaces: SurfaceCounts = new Map();
  const analysed = docs.map((doc) => {
    const fields = analyseFields(doc);
    countSurfaces(doc, fields, surfaces);
    return { doc, fields };
  });
  const inverted = invertDocuments(
    FIELD_ORDER,
    analysed.map(({ doc, fields }) => ({ ref: doc.ref, fields: fields.terms })),
  );
  const terms = Object.keys(inverted).sort();
  const stems = new Map<string, string>();
  for (const term of terms) {
    const stem = stemTerm(term);
    if (stem !== term) stems.set(term, stem);
  }
  return packSegment({
    id: options.id,
    records: analysed.map(({ doc, fields }) => documentRecord(doc, fields)),
    sources: options.sources ?? blockSources(docs, options.hashes ?? new Map()),
    postings: terms.map((term) => [term, inverted[term] as LunrPosting]),
    stems,
    surfaces: commonestSurfaces(surfaces),
  });
}

/** Everything `packSegment` needs; postings sorted by term, in Lunr's shape. */
export interface SegmentInput {
  id: string;
  records: readonly DocumentRecord[];
  sources: readonly SegmentSource[];
  postings: readonly (readonly [string, LunrPosting])[];
  stems: ReadonlyMap<string, string>;
  surfaces: ReadonlyMap<string, { form: string; count: number }>;
}

function packStops(records: readonly DocumentRecord[]): { stopStart: Uint32Array; stops: Uint8Array } {
  const writer = new ByteWriter();
  const stopStart = new Uint32Array(records.length + 1);
  records.forEach((record, doc) => {
    stopStart[doc] = writer.length;
    let i = 0;
    const triples = record.stops;
    while (i < triples.length) {
      const field = (triples[i] as readonly number[])[0] as number;
      let j = i;
      while (j < triples.length && (triples[j] as readonly number[])[0] === field) j += 1;
      writer.varint(field);
      writer.varint(j - i);
      let previous = 0;
      for (let k = i; k < j; k += 1) {
        const [, ordinal, word] = triples[k] as readonly [number, number, number];
        writer.varint(ordinal - previous);
        writer.varint(word);
        previous = ordinal;
      }
      i = j;
    }
  });
  stopStart[records.length] = writer.length;
  return { stopStart, stops: writer.finish() };
}

interface FieldDocs {
  field: number;
  docs: { doc: number; occurrences: LunrOccurrences }[];
}

function postingFields(posting: LunrPosting, refIndex: ReadonlyMap<string, number>): FieldDocs[] {
  const fields: FieldDocs[] = [];
  for (const field of FIELD_ORDER) {
    const byRef = fieldPostings(posting, field);
    if (byRef === undefined) continue;
    const docs: FieldDocs['docs'] = [];
    for (const ref of Object.keys(byRef)) {
      const doc = refIndex.get(ref);
      const occurrences = byRef[ref];
      if (doc === undefined || occurrences === undefined || occurrences.index.length === 0) continue;
      docs.push({ doc, occurrences });
    }
    if (docs.length === 0) continue;
    docs.sort((a, b) => a.doc - b.doc);
    fields.push({ field: FIELD_NUMBER[field as SearchField], docs });
  }
  return fields;
}

/** The order to read occurrences in: by ordinal (Lunr keeps them in token order, so almost always as they are). */
function ordinalOrder(occurrences: LunrOccurrences): number[] | undefined {
  const { index } = occurrences;
  for (let i = 1; i < index.length; i += 1) {
    if ((index[i] as number) < (index[i - 1] as number)) {
      return Array.from({ length: index.length }, (_, k) => k).sort((a, b) => (index[a] as number) - (index[b] as number));
    }
  }
  return undefined;
}

/** Writes one posting: see the module comment. Returns its document frequency. */
function writePosting(writer: ByteWriter, fields: readonly FieldDocs[], seen: Int32Array, stamp: number): number {
  let mask = 0;
  for (const { field } of fields) mask |= 1 << field;
  writer.varint(mask);
  let df = 0;
  for (const { docs } of fields) {
    writer.varint(docs.length);
    let previous = 0;
    for (const { doc, occurrences } of docs) {
      writer.varint(doc - previous);
      writer.varint(occurrences.index.length);
      previous = doc;
      if (seen[doc] !== stamp) {
        seen[doc] = stamp;
        df += 1;
      }
    }
  }
  for (const { docs } of fields) {
    for (const { occurrences } of docs) {
      const order = ordinalOrder(occurrences);
      let ordinal = 0;
      let start = 0;
      for (let k = 0; k < occurrences.index.length; k += 1) {
        const at = order === undefined ? k : (order[k] as number);
        const o = occurrences.index[at] as number;
        const position = occurrences.position[at];
        const s = position?.[0] ?? 0;
        writer.varint(o - ordinal);
        writer.varint(s - start);
        writer.varint(position?.[1] ?? 0);
        ordinal = o;
        start = s;
      }
    }
  }
  return df;
}

/** Sorted stem keys and the number of the term each belongs to. */
export function stemIndex(terms: readonly string[], stems: ReadonlyMap<string, string>): { keys: string[]; terms: Uint32Array } {
  const pairs: [string, number][] = [];
  terms.forEach((term, i) => {
    const stem = stems.get(term);
    if (stem !== undefined && stem !== term) pairs.push([stem, i]);
  });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return { keys: pairs.map(([stem]) => stem), terms: Uint32Array.from(pairs, ([, term]) => term) };
}

/** Surface columns for the terms that have one, in term order. */
export function surfaceColumns(
  terms: readonly string[],
  surfaces: ReadonlyMap<string, { form: string; count: number }>,
): Pick<Segment, 'surfaceTerms' | 'surfaceForms' | 'surfaceCounts'> {
  const numbers: number[] = [];
  const forms: string[] = [];
  const counts: number[] = [];
  terms.forEach((term, i) => {
    const surface = surfaces.get(term);
    if (surface === undefined) return;
    numbers.push(i);
    forms.push(surface.form);
    counts.push(surface.count);
  });
  return { surfaceTerms: Uint32Array.from(numbers), surfaceForms: forms, surfaceCounts: Uint32Array.from(counts) };
}

/** Packs documents and Lunr-shaped postings into a segment. */
export function packSegment(input: SegmentInput): Segment {
  const { records } = input;
  const sourceNumbers = new Map<string, number>();
  const refIndex = new Map<string, number>();
  const docCount = records.length;
  const docSource = new Uint32Array(docCount);
  const docOrder = new Uint32Array(docCount);
  const docFlags = new Uint8Array(docCount);
  const lengths = new Uint32Array(docCount * FIELD_COUNT);
  records.forEach((record, doc) => {
    let source = sourceNumbers.get(record.sourceId);
    if (source === undefined) {
      source = sourceNumbers.size;
      sourceNumbers.set(record.sourceId, source);
    }
    refIndex.set(record.ref, doc);
    docSource[doc] = source;
    docOrder[doc] = record.order;
    docFlags[doc] = record.flags;
    for (let f = 0; f < FIELD_COUNT; f += 1) lengths[doc * FIELD_COUNT + f] = record.lengths[f] ?? 0;
  });
  const { stopStart, stops } = packStops(records);

  const terms: string[] = [];
  const dfs: number[] = [];
  const starts: number[] = [];
  const writer = new ByteWriter(64 * 1024);
  const seen = new Int32Array(docCount).fill(-1);
  for (const [term, posting] of input.postings) {
    const fields = postingFields(posting, refIndex);
    if (fields.length === 0) continue;
    starts.push(writer.length);
    dfs.push(writePosting(writer, fields, seen, terms.length));
    terms.push(term);
  }
  starts.push(writer.length);
  const stemmed = stemIndex(terms, input.stems);
  return {
    id: input.id,
    sourceIds: [...sourceNumbers.keys()],
    sources: input.sources,
    docCount,
    docSource,
    docOrder,
    docFlags,
    docKey: records.map((record) => record.key),
    docBlock: records.map((record) => record.block),
    lengths,
    stopStart,
    stops,
    terms,
    termDf: Uint32Array.from(dfs),
    postingStart: Uint32Array.from(starts),
    postings: writer.finish(),
    stemKeys: stemmed.keys,
    stemTerms: stemmed.terms,
    ...surfaceColumns(terms, input.surfaces),
  };
}
