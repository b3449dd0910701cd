/**
 * Matching one unit (a word or phrase) against one shard: which indexed terms it stands for,
 * and where they occur, with phrases verified against word ordinals so that they match only
 * adjacent words, in order, inside one field of one document.
 */
import { FIELD_ORDER, type SearchField } from './fields.ts';
import type { LoadedShard } from './load.ts';
import { fieldPostings, type LunrOccurrences } from './lunr-interop.ts';
import type { PlanElement, PlanUnit } from './plan.ts';
import type { ShardDocument } from './shard.ts';

/** An indexed term a query element stands for, and how much a match on it counts. */
export interface Expansion {
  term: string;
  weight: number;
}

// The word as typed counts fully; other words that share its stem, begin with it, or are a
// typing error away count less, so the exact form ranks first among otherwise equal passages.
const STEM_WEIGHT = 0.8;
const PREFIX_WEIGHT = 0.7;
const FUZZY_WEIGHT = 0.5;

function addAll(into: Map<string, number>, terms: readonly string[], weight: number): void {
  for (const term of terms) into.set(term, Math.max(into.get(term) ?? 0, weight));
}

/** The terms of `shard` an element stands for, sorted by term; empty when none occur. */
export function expandElement(shard: LoadedShard, element: PlanElement): Expansion[] {
  const weights = new Map<string, number>();
  const family = shard.stemClasses.get(element.stem) ?? [];
  switch (element.match) {
    case 'exact':
      if (shard.postings.has(element.term)) weights.set(element.term, 1);
      break;
    case 'stem':
      addAll(weights, family, STEM_WEIGHT);
      break;
    case 'prefix':
      addAll(weights, shard.vocabulary().withPrefix(element.term), PREFIX_WEIGHT);
      break;
    case 'fuzzy':
      addAll(weights, shard.vocabulary().near(element.term, element.distance), FUZZY_WEIGHT);
      addAll(weights, family, STEM_WEIGHT);
      break;
  }
  if (weights.has(element.term)) weights.set(element.term, 1);
  return [...weights]
    .map(([term, weight]) => ({ term, weight }))
    .sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

/** How a unit matched one field of one document. */
export interface FieldMatch {
  field: SearchField;
  /** Every matched term in the field, with its weight and number of occurrences. */
  terms: { term: string; weight: number; count: number }[];
  /** `[start, end)` of each matched word, or of each verified phrase, in the field text. */
  spans: [number, number][];
}

interface Found {
  term: string;
  weight: number;
  occurrences: LunrOccurrences;
}

/** The stop words of one field of a document, by word ordinal. */
function stopWords(doc: ShardDocument, field: SearchField): Map<number, string> {
  const pairs = doc.stops?.[field]?.split(' ') ?? [];
  const words = new Map<number, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) words.set(Number(pairs[i]), pairs[i + 1] ?? '');
  return words;
}

function phraseSpans(
  unit: PlanUnit,
  perElement: readonly Found[][],
  stopsAt: () => ReadonlyMap<number, string>,
): [number, number][] {
  const [first, ...rest] = perElement;
  if (first === undefined) return [];
  const stopsFit = (ordinal: number) =>
    unit.stops.every(({ offset, term }) => stopsAt().get(ordinal + offset) === term);
  const spanOf = (found: readonly Found[]) =>
    found.flatMap(({ occurrences }) =>
      occurrences.index.map((ordinal, i): [number, [number, number]] => {
        const [start, length] = occurrences.position[i] ?? [0, 0];
        return [ordinal, [start, start + length]];
      }),
    );
  if (rest.length === 0) {
    return spanOf(first)
      .filter(([ordinal]) => unit.stops.length === 0 || stopsFit(ordinal))
      .map(([, span]) => span);
  }
  const later = rest.map((found) => new Map(spanOf(found)));
  const spans: [number, number][] = [];
  for (const [ordinal, [start, end]] of spanOf(first)) {
    let last = end;
    const adjacent = later.every((byOrdinal, k) => {
      const span = byOrdinal.get(ordinal + (unit.elements[k + 1]?.offset ?? 0));
      if (span) last = span[1];
      return span !== undefined;
    });
    if (adjacent && (unit.stops.length === 0 || stopsFit(ordinal))) spans.push([start, last]);
  }
  return spans;
}

/**
 * Documents of `shard` where `unit` matches, with the fields it matched in. `fieldsOf` gives
 * the fields a document may match in (its scope); a `tag:` unit looks only at tags.
 */
export function matchUnit(
  shard: LoadedShard,
  unit: PlanUnit,
  expansions: readonly (readonly Expansion[])[],
  fieldsOf: (doc: ShardDocument) => readonly SearchField[],
): Map<string, FieldMatch[]> {
  const found = new Map<string, Map<SearchField, Found[][]>>();
  expansions.forEach((terms, k) => {
    for (const { term, weight } of terms) {
      const posting = shard.postings.get(term);
      if (posting === undefined) continue;
      for (const field of Object.keys(posting) as SearchField[]) {
        const docs = fieldPostings(posting, field);
        if (docs === undefined) continue;
        for (const [ref, occurrences] of Object.entries(docs)) {
          let byField = found.get(ref);
          if (byField === undefined) {
            if (k > 0) continue;
            byField = new Map();
            found.set(ref, byField);
          }
          let perElement = byField.get(field);
          if (perElement === undefined) {
            if (k > 0) continue;
            perElement = unit.elements.map(() => []);
            byField.set(field, perElement);
          }
          perElement[k]?.push({ term, weight, occurrences });
        }
      }
    }
  });

  const matches = new Map<string, FieldMatch[]>();
  for (const [ref, byField] of found) {
    const doc = shard.docs.get(ref);
    if (doc === undefined) continue;
    const inScope = fieldsOf(doc);
    const allowed = unit.field && inScope.length > 0 ? [unit.field] : inScope;
    const fieldMatches: FieldMatch[] = [];
    for (const field of FIELD_ORDER) {
      const perElement = byField.get(field);
      if (!perElement || !allowed.includes(field)) continue;
      if (perElement.some((found) => found.length === 0)) continue;
      let stops: Map<number, string> | undefined;
      const spans = phraseSpans(unit, perElement, () => (stops ??= stopWords(doc, field)));
      if (spans.length === 0) continue;
      const terms = perElement
        .flat()
        .map(({ term, weight, occurrences }) => ({
          term,
          weight,
          count: occurrences.index.length,
        }));
      fieldMatches.push({ field, terms, spans });
    }
    if (fieldMatches.length > 0) matches.set(ref, fieldMatches);
  }
  return matches;
}
