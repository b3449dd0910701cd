/**
 * Running a query over a set of segments: parse, plan, expand every word once over all
 * dictionaries, take document frequencies over the live documents of the whole library (so a
 * segment's share never shifts the ranking), match and score each segment, keep the documents
 * that satisfy all words and filters, and return the best with the ranges to mark. When nothing
 * matches, suggest the nearest spellings the library holds.
 */
import { decodeDocs } from './postings.ts';
import { evaluateUnit, inverseDocumentFrequency, shardState, unitFields, wordSpans, type ShardState, type UnitTerms } from './evaluate.ts';
import { expandElement, type ElementTerms } from './expand.ts';
import { FIELD_ORDER } from './fields.ts';
import { sourceFilter, unmatchedFilterMessages } from './filters.ts';
import { fieldsOfMask, matchRanges, type Hit } from './hits.ts';
import type { LoadedShard, SearchShards } from './load.ts';
import { planQuery, type SearchPlan } from './plan.ts';
import { parseQuery } from './query.ts';
import { scopeMasks } from './scope.ts';
import { documentRef, documentSource, DOC_ANNOTATION, type Segment } from './segment.ts';
import { suggestSpellings } from './suggest.ts';

/** The best hits, how many documents matched in all, and what to tell the user, if anything. */
export interface SearchResult {
  hits: Hit[];
  total: number;
  message?: string;
  /** When nothing matched: queries with the nearest spellings the library holds, best first. */
  suggestions?: string[];
  /** Set while the library is still being loaded: the results cover `done` of `total` parts. */
  loading?: { done: number; total: number };
}

/**
 * `limit`: the number of hits returned (default 20); `offset`: how many of the best are skipped
 * first (the hits already shown, when the user asks for more); `suggest: false` skips suggestions.
 */
export interface SearchOptions {
  limit?: number;
  offset?: number;
  suggest?: boolean;
}

const DEFAULT_LIMIT = 20;

function resultLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit) || limit < 0) return DEFAULT_LIMIT;
  return Math.floor(limit);
}

function resultOffset(offset: number | undefined): number {
  return offset === undefined || !Number.isFinite(offset) || offset < 0 ? 0 : Math.floor(offset);
}

/** How many masked documents of a shard contain term `n` (remembered per shard). */
function maskedDocumentFrequency(shard: LoadedShard, n: number): number {
  const { deleted } = shard;
  if (deleted === undefined) return 0;
  let count = shard.maskedDf.get(n);
  if (count === undefined) {
    const masked = new Set<number>();
    for (const { docs } of decodeDocs(shard.segment, n).parts) for (const doc of docs) if (deleted[doc]) masked.add(doc);
    count = masked.size;
    shard.maskedDf.set(n, count);
  }
  return count;
}

function countMessage(text: string, capped: { found: number; kept: number }): string {
  const found = capped.found.toLocaleString('en');
  const kept = capped.kept.toLocaleString('en');
  return `"${text}" stands for ${found} different words; only the ${kept} closest were searched. Type more of the word to narrow it.`;
}

/** Expansions, idf and allowed fields of every unit of the plan. */
function unitTerms(shards: SearchShards, plan: SearchPlan, messages: string[]): UnitTerms[] {
  const scope = scopeMasks(plan.scopes);
  const dfs = new Map<string, number>();
  const { documentCount } = shards.stats;
  const idfOf = (element: ElementTerms, x: number) => {
    const term = (element.terms[x] as { term: string }).term;
    let df = dfs.get(term);
    if (df === undefined) {
      df = 0;
      shards.shards.forEach((shard, s) => {
        const n = (element.numbers[s] as Int32Array)[x] as number;
        if (n >= 0) df! += (shard.segment.termDf[n] as number) - maskedDocumentFrequency(shard, n);
      });
      dfs.set(term, df);
    }
    return inverseDocumentFrequency(df, documentCount);
  };
  return plan.units.map((unit) => {
    const elements = unit.elements.map((element) => expandElement(shards.shards, element));
    for (const element of elements) if (element.capped) messages.push(countMessage(unit.text, element.capped));
    return {
      unit,
      elements,
      idf: elements.map((element) => Float64Array.from(element.terms, (_, x) => idfOf(element, x))),
      allowed: unitFields(unit, scope),
      positional: unit.elements.length > 1 || unit.stops.length > 0,
    };
  });
}

/** True when some document of shard `s` could satisfy every positive unit. */
function mayMatch(units: readonly UnitTerms[], s: number): boolean {
  return units.every(
    (terms) => terms.unit.exclude || terms.elements.every((element) => (element.numbers[s] as Int32Array).some((n) => n >= 0)),
  );
}

interface Candidates {
  shard: number[];
  doc: number[];
  score: number[];
}

/** Best score first; ties in reading order (source, blocks before annotations, order, ref). */
function compare(shards: readonly LoadedShard[], c: Candidates, a: number, b: number): number {
  const scoreA = c.score[a] as number;
  const scoreB = c.score[b] as number;
  if (scoreA !== scoreB) return scoreB - scoreA;
  const segA = (shards[c.shard[a] as number] as LoadedShard).segment;
  const segB = (shards[c.shard[b] as number] as LoadedShard).segment;
  const docA = c.doc[a] as number;
  const docB = c.doc[b] as number;
  const sourceA = documentSource(segA, docA);
  const sourceB = documentSource(segB, docB);
  if (sourceA !== sourceB) return sourceA < sourceB ? -1 : 1;
  const annotationA = (segA.docFlags[docA] as number) & DOC_ANNOTATION;
  const annotationB = (segB.docFlags[docB] as number) & DOC_ANNOTATION;
  if (annotationA !== annotationB) return annotationA ? 1 : -1;
  const orderA = segA.docOrder[docA] as number;
  const orderB = segB.docOrder[docB] as number;
  if (orderA !== orderB) return orderA - orderB;
  const refA = documentRef(segA, docA);
  const refB = documentRef(segB, docB);
  return refA < refB ? -1 : refA > refB ? 1 : 0;
}

/** The `limit` best of `chosen` (indexes into the candidates), in rank order. */
function best(shards: readonly LoadedShard[], c: Candidates, chosen: readonly number[], limit: number): number[] {
  if (limit === 0) return [];
  const cmp = (a: number, b: number) => compare(shards, c, a, b);
  if (chosen.length <= limit * 4) return [...chosen].sort(cmp).slice(0, limit);
  // A heap of the best so far, worst on top: each candidate costs one comparison unless it
  // enters the top, which few do.
  const heap: number[] = [];
  const worse = (a: number, b: number) => cmp(a, b) > 0;
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i] as number, heap[parent] as number)) break;
      [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let top = i;
      if (left < heap.length && worse(heap[left] as number, heap[top] as number)) top = left;
      if (right < heap.length && worse(heap[right] as number, heap[top] as number)) top = right;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top] as number, heap[i] as number];
      i = top;
    }
  };
  for (const candidate of chosen) {
    if (heap.length < limit) {
      heap.push(candidate);
      up(heap.length - 1);
    } else if (worse(heap[0] as number, candidate)) {
      heap[0] = candidate;
      down(0);
    }
  }
  return heap.sort(cmp);
}

function toHit(segment: Segment, doc: number, score: number, fields: number, spans: readonly number[]): Hit {
  const annotation = ((segment.docFlags[doc] as number) & DOC_ANNOTATION) !== 0;
  const key = segment.docKey[doc] ?? '';
  const block = annotation ? (segment.docBlock[doc] ?? '') : key;
  const hit: Hit = {
    ref: documentRef(segment, doc),
    kind: annotation ? 'annotation' : 'block',
    sourceId: documentSource(segment, doc),
    score,
    fields: fieldsOfMask(fields),
    matches: matchRanges(spans),
  };
  if (block !== '') hit.blockId = block;
  if (annotation) hit.annotationId = key;
  return hit;
}

const averageMemo = new WeakMap<SearchShards, Float64Array>();

/** Mean field lengths by field number (0 where unknown), once per set. */
function averagesOf(shards: SearchShards): Float64Array {
  let averages = averageMemo.get(shards);
  if (averages === undefined) {
    averages = Float64Array.from(FIELD_ORDER, (field) => shards.stats.averageLength[field] ?? 0);
    averageMemo.set(shards, averages);
  }
  return averages;
}

// The window runs the same query again as the index changes (progress, annotation edits); a
// plan depends on the query alone, so the last few are kept.
const PLAN_MEMO_LIMIT = 64;
const plans = new Map<string, SearchPlan>();

function planOf(query: string): SearchPlan {
  let plan = plans.get(query);
  if (plan === undefined) {
    plan = planQuery(parseQuery(query));
    if (plans.size >= PLAN_MEMO_LIMIT) plans.delete(plans.keys().next().value as string);
    plans.set(query, plan);
  }
  return plan;
}

const SOURCE_FIELDS_MASK = (1 << FIELD_ORDER.indexOf('title')) | (1 << FIELD_ORDER.indexOf('author'));

/**
 * Searches the shards with a query in the syntax of query.ts. All words are required; results
 * are ranked by corpus-wide BM25 (ties in reading order). Never throws: a query that cannot be
 * run as typed is repaired or yields no hits, with `message` saying why.
 */
export function search(shards: SearchShards, query: string, options: SearchOptions = {}): SearchResult {
  const plan = planOf(query);
  const messages = [...plan.messages];
  const loading = shards.loading ? { loading: shards.loading } : {};
  const finish = (result: { hits: Hit[]; total: number; suggestions?: string[] }): SearchResult => ({
    ...result,
    ...(messages.length > 0 ? { message: [...new Set(messages)].join(' ') } : {}),
    ...loading,
  });
  if (!plan.looksFor) return finish({ hits: [], total: 0 });

  const units = unitTerms(shards, plan, messages);
  const positive = units.filter((terms) => !terms.unit.exclude).length;
  const scope = scopeMasks(plan.scopes);
  const accepts = sourceFilter(plan.filters, shards.sources);
  // While the index is still loading, a source not yet read may be the one a filter names.
  if (!shards.loading) messages.push(...unmatchedFilterMessages(plan.filters, shards.sources));
  const averages = averagesOf(shards);

  const states = new Map<number, ShardState>();
  const c: Candidates = { shard: [], doc: [], score: [] };
  const sourceOnly: number[] = [];
  const kept: number[] = [];
  shards.shards.forEach((shard, s) => {
    if (!mayMatch(units, s)) return;
    const { segment, deleted } = shard;
    const state = shardState(segment);
    states.set(s, state);
    let unitIndex = 0;
    for (const terms of units) {
      evaluateUnit(shard, s, terms, terms.unit.exclude ? -1 : unitIndex, state, averages);
      if (!terms.unit.exclude) unitIndex += 1;
    }
    const sourceOk = plan.filters.length === 0 ? undefined : Uint8Array.from(segment.sourceIds, (id) => (accepts(id) ? 1 : 0));
    const { matched, excluded, fields, score, touched } = state;
    const { docFlags, docSource } = segment;
    // With a word to look for, only the documents a unit touched can match; with filters alone,
    // every document is a candidate.
    const count = positive > 0 ? state.touchedCount : segment.docCount;
    for (let i = 0; i < count; i += 1) {
      const doc = positive > 0 ? (touched[i] as number) : i;
      if (matched[doc] !== positive || excluded[doc] || (deleted !== undefined && deleted[doc])) continue;
      const flags = docFlags[doc] as number;
      if (!scope[flags & DOC_ANNOTATION ? 2 : flags & 2 ? 1 : 0] || (sourceOk !== undefined && !sourceOk[docSource[doc] as number])) continue;
      const index = c.doc.length;
      c.shard.push(s);
      c.doc.push(doc);
      c.score.push(score[doc] as number);
      const mask = fields[doc] as number;
      if (mask !== 0 && (mask & ~SOURCE_FIELDS_MASK) === 0) sourceOnly.push(index);
      else kept.push(index);
    }
  });

  // Every block carries its source's title and author, so a word found only there would return
  // every block of the source: such blocks are dropped when their source has a block matching
  // in its own text, and otherwise collapse to the source's first block, which stands for it.
  const present = new Set<string>();
  if (sourceOnly.length > 0) for (const i of kept) {
    present.add(documentSource((shards.shards[c.shard[i] as number] as LoadedShard).segment, c.doc[i] as number));
  }
  const representatives = new Map<string, number>();
  for (const i of sourceOnly) {
    const segment = (shards.shards[c.shard[i] as number] as LoadedShard).segment;
    const doc = c.doc[i] as number;
    const sourceId = documentSource(segment, doc);
    if (present.has(sourceId)) continue;
    const current = representatives.get(sourceId);
    if (current === undefined) representatives.set(sourceId, i);
    else {
      const currentSegment = (shards.shards[c.shard[current] as number] as LoadedShard).segment;
      if ((segment.docOrder[doc] as number) < (currentSegment.docOrder[c.doc[current] as number] as number)) {
        representatives.set(sourceId, i);
      }
    }
  }
  const chosen = [...kept, ...representatives.values()];
  const offset = resultOffset(options.offset);
  const top = best(shards.shards, c, chosen, offset + resultLimit(options.limit)).slice(offset);

  // Ranges to mark, for the hits returned only.
  const wanted = new Map<number, Set<number>>();
  for (const i of top) {
    const s = c.shard[i] as number;
    let docs = wanted.get(s);
    if (docs === undefined) {
      docs = new Set();
      wanted.set(s, docs);
    }
    docs.add(c.doc[i] as number);
  }
  const spansByShard = new Map<number, Map<number, number[]>>();
  for (const [s, docs] of wanted) {
    const spans = new Map<number, number[]>();
    for (const doc of docs) spans.set(doc, [...((states.get(s) as ShardState).spans.get(doc) ?? [])]);
    wordSpans(shards.shards[s] as LoadedShard, s, units, docs, spans);
    spansByShard.set(s, spans);
  }
  const hits = top.map((i) => {
    const s = c.shard[i] as number;
    const doc = c.doc[i] as number;
    const state = states.get(s) as ShardState;
    return toHit((shards.shards[s] as LoadedShard).segment, doc, c.score[i] as number, state.fields[doc] as number, spansByShard.get(s)?.get(doc) ?? []);
  });
  const total = chosen.length;
  if (total === 0 && options.suggest !== false) {
    const suggestions = suggestSpellings(shards.shards, units, query, (candidate) => search(shards, candidate, { limit: 0, suggest: false }).total);
    if (suggestions.length > 0) return finish({ hits, total, suggestions });
  }
  return finish({ hits, total });
}
