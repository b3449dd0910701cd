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
import { stopWordsOf, walkOccurrences } from './postings.ts';
import { docKind, TAG_FIELDS_MASK } from './scope.ts';
import type { Segment } from './segment.ts';
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
  /** The documents any unit touched, each once (`touchedCount` of them): all that needs clearing. */
  touched: Int32Array;
  touchedCount: number;
}

// One set of arrays per segment, reused by each query (searching is synchronous), so a query
// costs no allocation proportional to the library.
const states = new WeakMap<Segment, ShardState>();

/** Cleared per-document arrays for one segment. */
export function shardState(segment: Segment): ShardState {
  const known = states.get(segment);
  if (known) {
    const { touched, score, fields, matched, last, excluded } = known;
    for (let i = 0; i < known.touchedCount; i += 1) {
      const doc = touched[i] as number;
      score[doc] = 0;
      fields[doc] = 0;
      matched[doc] = 0;
      last[doc] = -1;
      excluded[doc] = 0;
    }
    known.touchedCount = 0;
    known.spans.clear();
    return known;
  }
  const { docCount } = segment;
  const state: ShardState = {
    score: new Float64Array(docCount),
    fields: new Uint8Array(docCount),
    matched: new Uint8Array(docCount),
    last: new Int8Array(docCount).fill(-1),
    excluded: new Uint8Array(docCount),
    spans: new Map(),
    touched: new Int32Array(docCount),
    touchedCount: 0,
  };
  states.set(segment, state);
  return state;
}

/** Average field lengths as an array by field number (0 when unknown). */
export type Averages = Float64Array;

/** Remembers that `doc` holds values to clear (once per query: a document is first touched when
 * it has no fields, no match and is not excluded). */
function touch(state: ShardState, doc: number): void {
  if (state.fields[doc] === 0 && state.excluded[doc] === 0 && state.last[doc] === -1) state.touched[state.touchedCount++] = doc;
}

function mark(state: ShardState, doc: number, unitIndex: number, field: number): void {
  touch(state, doc);
  state.fields[doc] = (state.fields[doc] as number) | (1 << field);
  if (state.last[doc] !== unitIndex) {
    state.last[doc] = unitIndex;
    state.matched[doc] = (state.matched[doc] as number) + 1;
  }
}

function exclude(state: ShardState, doc: number): void {
  touch(state, doc);
  state.excluded[doc] = 1;
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
  const isExcluded = terms.unit.exclude;
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
        if (isExcluded) {
          exclude(state, doc);
          continue;
        }
        state.score[doc] = (state.score[doc] as number) + factor * saturated(tf, lengths[doc * FIELD_COUNT + f] as number, average);
        mark(state, doc, unitIndex, f);
      }
    }
  }
}

/** A growable column of integers, kept between queries. */
class Column {
  values = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

/**
 * One element's occurrences in one segment, as parallel columns sorted by group (field and
 * document: `field * docCount + doc`, the order of a posting) then ordinal; and its terms'
 * counts per group.
 */
class ElementOccurrences {
  readonly group = new Column();
  readonly ordinal = new Column();
  readonly start = new Column();
  readonly end = new Column();
  readonly hitGroup = new Column();
  readonly hitExpansion = new Column();
  readonly hitCount = new Column();

  clear(): void {
    for (const column of [this.group, this.ordinal, this.start, this.end, this.hitGroup, this.hitExpansion, this.hitCount]) column.length = 0;
  }

  /** Sorts occurrences by group then ordinal, and hits by group then expansion. */
  sort(): void {
    const order = (columns: Column[], a: Column, b: Column) => {
      const n = a.length;
      const index = Array.from({ length: n }, (_, i) => i).sort(
        (x, y) => (a.values[x] as number) - (a.values[y] as number) || (b.values[x] as number) - (b.values[y] as number),
      );
      for (const column of columns) {
        const copy = column.values.slice(0, n);
        for (let i = 0; i < n; i += 1) column.values[i] = copy[index[i] as number] as number;
      }
    };
    order([this.group, this.ordinal, this.start, this.end], this.group, this.ordinal);
    order([this.hitGroup, this.hitExpansion, this.hitCount], this.hitGroup, this.hitExpansion);
  }
}

const scratch: ElementOccurrences[] = [];
const presence = new WeakMap<Segment, { stamp: Int32Array; generation: number }>();

/** Collects the occurrences of element `k` in the groups that hold every earlier element. */
function collect(shard: LoadedShard, s: number, terms: UnitTerms, k: number, into: ElementOccurrences, seen: { stamp: Int32Array; generation: number }): void {
  const { segment, deleted } = shard;
  const { docFlags } = segment;
  const element = terms.elements[k] as ElementTerms;
  const numbers = element.numbers[s] as Int32Array;
  const required = seen.generation;
  let sources = 0;
  let lastGroup = -1;
  for (let x = 0; x < numbers.length; x += 1) {
    const n = numbers[x] as number;
    if (n < 0) continue;
    sources += 1;
    walkOccurrences(
      segment,
      n,
      (field, doc, count) => {
        const group = field * segment.docCount + doc;
        const wanted =
          (deleted === undefined || !deleted[doc]) &&
          (terms.allowed[docKind(docFlags[doc] as number)] & (1 << field)) !== 0 &&
          // A group lacking an earlier element cannot hold the phrase.
          (k === 0 || seen.stamp[group] === required);
        if (wanted) {
          into.hitGroup.push(group);
          into.hitExpansion.push(x);
          into.hitCount.push(count);
          lastGroup = group;
        }
        return wanted;
      },
      (_field, _doc, ordinal, start, length) => {
        into.group.push(lastGroup);
        into.ordinal.push(ordinal);
        into.start.push(start);
        into.end.push(start + length);
      },
    );
  }
  if (sources > 1) into.sort();
  // Mark this element's groups for the next element.
  seen.generation += 1;
  for (let i = 0; i < into.group.length; i += 1) seen.stamp[into.group.values[i] as number] = seen.generation;
}

/** A phrase, a hyphenated word or a quoted word with stop words: verified on occurrences. */
function positionalUnit(shard: LoadedShard, s: number, terms: UnitTerms, unitIndex: number, state: ShardState, averages: Averages): void {
  const { segment } = shard;
  const { lengths } = segment;
  const { unit } = terms;
  const elementCount = unit.elements.length;
  let seen = presence.get(segment);
  if (seen === undefined) {
    seen = { stamp: new Int32Array(segment.docCount * FIELD_COUNT), generation: 0 };
    presence.set(segment, seen);
  }
  const elements: ElementOccurrences[] = [];
  for (let k = 0; k < elementCount; k += 1) {
    const occurrences = (scratch[k] ??= new ElementOccurrences());
    occurrences.clear();
    collect(shard, s, terms, k, occurrences, seen);
    if (occurrences.group.length === 0) return;
    elements.push(occurrences);
  }
  const offsets = unit.elements.map((element) => element.offset);
  const wantedStops = unit.stops.map(({ offset, term }) => ({ offset, word: stopWordNumber(term) }));
  const first = elements[0] as ElementOccurrences;
  const pointers = new Int32Array(elementCount);
  const hitPointers = new Int32Array(elementCount);
  let i = 0;
  while (i < first.group.length) {
    const group = first.group.values[i] as number;
    const field = Math.floor(group / segment.docCount);
    const doc = group - field * segment.docCount;
    const spans: number[] = [];
    let stops: Map<number, number> | undefined;
    for (; i < first.group.length && first.group.values[i] === group; i += 1) {
      const ordinal = first.ordinal.values[i] as number;
      let end = first.end.values[i] as number;
      let adjacent = true;
      for (let k = 1; k < elementCount && adjacent; k += 1) {
        const other = elements[k] as ElementOccurrences;
        const target = ordinal + (offsets[k] as number);
        let p = pointers[k] as number;
        while (
          p < other.group.length &&
          ((other.group.values[p] as number) < group || (other.group.values[p] === group && (other.ordinal.values[p] as number) < target))
        ) {
          p += 1;
        }
        pointers[k] = p;
        if (p < other.group.length && other.group.values[p] === group && other.ordinal.values[p] === target) end = other.end.values[p] as number;
        else adjacent = false;
      }
      if (!adjacent) continue;
      if (wantedStops.length > 0) {
        stops ??= stopWordsOf(segment, doc, field);
        const table = stops;
        if (!wantedStops.every(({ offset, word }) => table.get(ordinal + offset) === word)) continue;
      }
      spans.push(first.start.values[i] as number, end);
    }
    if (spans.length === 0) continue;
    if (unit.exclude) {
      exclude(state, doc);
      continue;
    }
    const length = lengths[doc * FIELD_COUNT + field] as number;
    let score = state.score[doc] as number;
    for (let k = 0; k < elementCount; k += 1) {
      const element = elements[k] as ElementOccurrences;
      const expansions = (terms.elements[k] as ElementTerms).terms;
      const idfs = terms.idf[k] as Float64Array;
      let p = hitPointers[k] as number;
      while (p < element.hitGroup.length && (element.hitGroup.values[p] as number) < group) p += 1;
      for (; p < element.hitGroup.length && element.hitGroup.values[p] === group; p += 1) {
        const x = element.hitExpansion.values[p] as number;
        const weight = (expansions[x] as { weight: number }).weight;
        score += (BOOSTS[field] as number) * weight * (idfs[x] as number) * saturated(element.hitCount.values[p] as number, length, averages[field] as number);
      }
      hitPointers[k] = p;
    }
    state.score[doc] = score;
    mark(state, doc, unitIndex, field);
    let recorded = state.spans.get(doc);
    if (recorded === undefined) {
      recorded = [];
      state.spans.set(doc, recorded);
    }
    for (let j = 0; j < spans.length; j += 2) recorded.push(field, spans[j] as number, spans[j + 1] as number);
  }
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
  const { docFlags } = segment;
  for (const terms of units) {
    if (terms.positional || terms.unit.exclude) continue;
    const numbers = (terms.elements[0] as ElementTerms).numbers[s] as Int32Array;
    for (const n of numbers) {
      if (n < 0) continue;
      walkOccurrences(
        segment,
        n,
        (field, doc) => docs.has(doc) && (terms.allowed[docKind(docFlags[doc] as number)] & (1 << field)) !== 0,
        (field, doc, _ordinal, start, length) => {
          let list = spans.get(doc);
          if (list === undefined) {
            list = [];
            spans.set(doc, list);
          }
          list.push(field, start, start + length);
        },
      );
    }
  }
}
