/**
 * Matching the units of a query (words and phrases) in one segment and scoring the documents
 * they match, with corpus-wide BM25. Per segment the work is columnar: a unit's terms are
 * decoded once, straight into per-document score, field and match-count arrays. A single word
 * never touches occurrences; a phrase (or a hyphenated word, or a quoted word with stop words)
 * reads them and is verified on word ordinals: adjacent words, in order, inside one field of one
 * document, with its stop words where they were typed.
 */
import { readVarint } from './bytes.ts';
import type { ElementTerms } from './expand.ts';
import { FIELD_BOOSTS, FIELD_COUNT, FIELD_ORDER } from './fields.ts';
import type { LoadedShard } from './load.ts';
import type { PlanUnit } from './plan.ts';
import { stopWordsOf, visitOccurrences } from './postings.ts';
import { docKind, TAG_FIELDS_MASK } from './scope.ts';
import { stopWordNumber } from './stop-words.ts';

// Lunr's defaults, the usual BM25 values.
const K1 = 1.2;
const B = 0.75;

const BOOSTS = Float64Array.from(FIELD_ORDER, (field) => FIELD_BOOSTS[field]);

/** Inverse document frequency as Lunr computes it; always positive. */
export function inverseDocumentFrequency(documentFrequency: number, documentCount: number): number {
  const ratio = (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5);
  return Math.log(1 + Math.abs(ratio));
}

/** BM25's saturated, length-normalised term frequency. */
function saturated(count: number, length: number, average: number): number {
  const mean = average > 0 ? average : length;
  const norm = mean > 0 ? 1 - B + (B * length) / mean : 1;
  return (count * (K1 + 1)) / (count + K1 * norm);
}

/** A unit with its expansions, the idf of each, and the fields it may match in by kind. */
export interface UnitTerms {
  unit: PlanUnit;
  elements: ElementTerms[];
  /** `idf[k][x]`: idf of expansion `x` of element `k`. */
  idf: Float64Array[];
  /** Field masks by document kind (block, footnote, annotation). */
  allowed: readonly [number, number, number];
  /** Needs occurrences: several elements, or stop words to check. */
  positional: boolean;
}

/** The fields a unit may match in, by kind, under the query's scope masks. */
export function unitFields(unit: PlanUnit, scope: readonly [number, number, number]): [number, number, number] {
  if (!unit.field) return [scope[0], scope[1], scope[2]];
  // `tag:` looks only at tags, in any annotation the scope lets in.
  return [scope[0] ? scope[0] & TAG_FIELDS_MASK : 0, scope[1] ? scope[1] & TAG_FIELDS_MASK : 0, scope[2] ? TAG_FIELDS_MASK & 0xff : 0];
}

/** Per-document results of the units evaluated so far in one shard. */
export interface ShardState {
  score: Float64Array;
  /** Bit mask of the fields any positive unit matched in. */
  fields: Uint8Array;
  /** Number of positive units matched. */
  matched: Uint8Array;
  /** The last positive unit that matched (so that a unit counts once per document). */
  last: Int8Array;
  excluded: Uint8Array;
  /** Verified phrase spans as flat `[field, start, end, …]`, by document. */
  spans: Map<number, number[]>;
}

/** Fresh per-document arrays for one shard. */
export function shardState(docCount: number): ShardState {
  return {
    score: new Float64Array(docCount),
    fields: new Uint8Array(docCount),
    matched: new Uint8Array(docCount),
    last: new Int8Array(docCount).fill(-1),
    excluded: new Uint8Array(docCount),
    spans: new Map(),
  };
}

/** Average field lengths as an array by field number (0 when unknown). */
export type Averages = Float64Array;

function mark(state: ShardState, doc: number, unitIndex: number, field: number): void {
  state.fields[doc] = (state.fields[doc] as number) | (1 << field);
  if (state.last[doc] !== unitIndex) {
    state.last[doc] = unitIndex;
    state.matched[doc] = (state.matched[doc] as number) + 1;
  }
}

/** A single word: every field holding any of its terms counts, no occurrence is read. */
function simpleUnit(shard: LoadedShard, s: number, terms: UnitTerms, unitIndex: number, state: ShardState, averages: Averages): void {
  const { segment, deleted } = shard;
  const { postings, postingStart, docFlags, lengths } = segment;
  const element = terms.elements[0] as ElementTerms;
  const numbers = element.numbers[s] as Int32Array;
  const idfs = terms.idf[0] as Float64Array;
  const [allowBlock, allowNote, allowAnnotation] = terms.allowed;
  const anyAllowed = allowBlock | allowNote | allowAnnotation;
  const exclude = terms.unit.exclude;
  const cursor = { offset: 0 };
  for (let x = 0; x < numbers.length; x += 1) {
    const n = numbers[x] as number;
    if (n < 0) continue;
    const weight = (element.terms[x] as { weight: number }).weight;
    const idf = idfs[x] as number;
    cursor.offset = postingStart[n] as number;
    const mask = readVarint(postings, cursor);
    for (let f = 0; mask >> f; f += 1) {
      if (!((mask >> f) & 1)) continue;
      const count = readVarint(postings, cursor);
      const bit = 1 << f;
      if (!(anyAllowed & bit)) {
        for (let i = 0; i < count * 2; i += 1) readVarint(postings, cursor);
        continue;
      }
      const factor = (BOOSTS[f] as number) * weight * idf;
      const average = averages[f] as number;
      let doc = 0;
      for (let i = 0; i < count; i += 1) {
        doc += readVarint(postings, cursor);
        const tf = readVarint(postings, cursor);
        if (deleted !== undefined && deleted[doc]) continue;
        const flags = docFlags[doc] as number;
        const allowed = flags & 1 ? allowAnnotation : flags & 2 ? allowNote : allowBlock;
        if (!(allowed & bit)) continue;
        if (exclude) {
          state.excluded[doc] = 1;
          continue;
        }
        state.score[doc] = (state.score[doc] as number) + factor * saturated(tf, lengths[doc * FIELD_COUNT + f] as number, average);
        mark(state, doc, unitIndex, f);
      }
    }
  }
}

interface TermHit {
  element: number;
  expansion: number;
  count: number;
}

/** What one document holds of a positional unit in one field. */
interface FieldOccurrences {
  /** Per element: flat `[ordinal, start, end, …]`. */
  byElement: number[][];
  hits: TermHit[];
}

/** The `[start, end]` spans where the unit's words stand adjacent, in order, with its stop words. */
function verify(shard: LoadedShard, doc: number, field: number, unit: PlanUnit, found: FieldOccurrences): number[] {
  const [first, ...rest] = found.byElement;
  if (first === undefined) return [];
  const later = rest.map((flat) => {
    const ends = new Map<number, number>();
    for (let i = 0; i < flat.length; i += 3) ends.set(flat[i] as number, flat[i + 2] as number);
    return ends;
  });
  let stops: Map<number, number> | undefined;
  const wantedStops = unit.stops.map(({ offset, term }) => ({ offset, word: stopWordNumber(term) }));
  const spans: number[] = [];
  for (let i = 0; i < first.length; i += 3) {
    const ordinal = first[i] as number;
    let end = first[i + 2] as number;
    let adjacent = true;
    for (let k = 0; k < later.length; k += 1) {
      const next = (later[k] as Map<number, number>).get(ordinal + ((unit.elements[k + 1]?.offset ?? 0) as number));
      if (next === undefined) {
        adjacent = false;
        break;
      }
      end = next;
    }
    if (!adjacent) continue;
    if (wantedStops.length > 0) {
      stops ??= stopWordsOf(shard.segment, doc, field);
      const table = stops;
      if (!wantedStops.every(({ offset, word }) => table.get(ordinal + offset) === word)) continue;
    }
    spans.push(first[i + 1] as number, end);
  }
  return spans;
}

/** A phrase, a hyphenated word or a quoted word with stop words: verified on occurrences. */
function positionalUnit(shard: LoadedShard, s: number, terms: UnitTerms, unitIndex: number, state: ShardState, averages: Averages): void {
  const { segment, deleted } = shard;
  const { docFlags, lengths } = segment;
  const { unit } = terms;
  const elementCount = unit.elements.length;
  const found = new Map<number, FieldOccurrences>();
  const key = (doc: number, field: number) => doc * FIELD_COUNT + field;
  for (let k = 0; k < elementCount; k += 1) {
    const element = terms.elements[k] as ElementTerms;
    const numbers = element.numbers[s] as Int32Array;
    for (let x = 0; x < numbers.length; x += 1) {
      const n = numbers[x] as number;
      if (n < 0) continue;
      visitOccurrences(
        segment,
        n,
        (field, doc) => {
          if (deleted !== undefined && deleted[doc]) return false;
          if (!(terms.allowed[docKind(docFlags[doc] as number)] & (1 << field))) return false;
          // A document lacking an earlier element cannot hold the phrase.
          return k === 0 || (found.get(key(doc, field))?.byElement[k - 1]?.length ?? 0) > 0;
        },
        (field, doc, ordinals, starts, lengthsOf) => {
          let entry = found.get(key(doc, field));
          if (entry === undefined) {
            entry = { byElement: Array.from({ length: elementCount }, () => []), hits: [] };
            found.set(key(doc, field), entry);
          }
          const flat = entry.byElement[k] as number[];
          for (let i = 0; i < ordinals.length; i += 1) {
            flat.push(ordinals[i] as number, starts[i] as number, (starts[i] as number) + (lengthsOf[i] as number));
          }
          entry.hits.push({ element: k, expansion: x, count: ordinals.length });
        },
      );
    }
  }
  const keys = [...found.keys()].sort((a, b) => a - b);
  for (const combined of keys) {
    const entry = found.get(combined) as FieldOccurrences;
    if (entry.byElement.some((flat) => flat.length === 0)) continue;
    const doc = Math.floor(combined / FIELD_COUNT);
    const field = combined % FIELD_COUNT;
    const first = entry.byElement[0] as number[];
    if (entry.hits.filter((hit) => hit.element === 0).length > 1) sortTriples(first);
    const spans = verify(shard, doc, field, unit, entry);
    if (spans.length === 0) continue;
    if (unit.exclude) {
      state.excluded[doc] = 1;
      continue;
    }
    const length = lengths[doc * FIELD_COUNT + field] as number;
    let score = state.score[doc] as number;
    for (const { element, expansion, count } of entry.hits) {
      const weight = ((terms.elements[element] as ElementTerms).terms[expansion] as { weight: number }).weight;
      const idf = (terms.idf[element] as Float64Array)[expansion] as number;
      score += (BOOSTS[field] as number) * weight * idf * saturated(count, length, averages[field] as number);
    }
    state.score[doc] = score;
    mark(state, doc, unitIndex, field);
    let recorded = state.spans.get(doc);
    if (recorded === undefined) {
      recorded = [];
      state.spans.set(doc, recorded);
    }
    for (let i = 0; i < spans.length; i += 2) recorded.push(field, spans[i] as number, spans[i + 1] as number);
  }
}

/** Sorts flat `[ordinal, start, end]` triples by ordinal. */
function sortTriples(flat: number[]): void {
  const triples: [number, number, number][] = [];
  for (let i = 0; i < flat.length; i += 3) triples.push([flat[i] as number, flat[i + 1] as number, flat[i + 2] as number]);
  triples.sort((a, b) => a[0] - b[0]);
  triples.forEach(([o, s, e], i) => {
    flat[i * 3] = o;
    flat[i * 3 + 1] = s;
    flat[i * 3 + 2] = e;
  });
}

/** Evaluates one unit in one shard into `state`; `unitIndex` counts positive units only. */
export function evaluateUnit(
  shard: LoadedShard,
  s: number,
  terms: UnitTerms,
  unitIndex: number,
  state: ShardState,
  averages: Averages,
): void {
  if (terms.positional) positionalUnit(shard, s, terms, unitIndex, state, averages);
  else simpleUnit(shard, s, terms, unitIndex, state, averages);
}

/**
 * The spans of the single-word units in the given documents of one shard, added to `spans`
 * (flat `[field, start, end, …]` by document): only the hits shown need them.
 */
export function wordSpans(shard: LoadedShard, s: number, units: readonly UnitTerms[], docs: ReadonlySet<number>, spans: Map<number, number[]>): void {
  const { segment } = shard;
  for (const terms of units) {
    if (terms.positional || terms.unit.exclude) continue;
    const element = terms.elements[0] as ElementTerms;
    const numbers = element.numbers[s] as Int32Array;
    for (const n of numbers) {
      if (n < 0) continue;
      visitOccurrences(
        segment,
        n,
        (field, doc) => docs.has(doc) && (terms.allowed[docKind(segment.docFlags[doc] as number)] & (1 << field)) !== 0,
        (field, doc, _ordinals, starts, lengths) => {
          let list = spans.get(doc);
          if (list === undefined) {
            list = [];
            spans.set(doc, list);
          }
          for (let i = 0; i < starts.length; i += 1) list.push(field, starts[i] as number, (starts[i] as number) + (lengths[i] as number));
        },
      );
    }
  }
}
