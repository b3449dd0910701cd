/**
 * What a query word stands for across the whole library: the indexed terms it matches (itself,
 * words with its stem, words it begins, words a few typing errors away) and how much each counts.
 * Worked out once over every segment's dictionary, so each segment is searched for the same
 * terms whatever it holds. Words that expand to very many terms (`19*`, `x~2`) are cut to a
 * bounded set, nearest first, with a message: never seconds of work.
 */
import { stemTerm } from './lunr-interop.ts';
import type { LoadedShard } from './load.ts';
import { nearTerms } from './near.ts';
import type { PlanElement } from './plan.ts';
import { findTerm, prefixRange } from './segment.ts';

/** An indexed term a query element stands for, and how much a match on it counts. */
export interface Expansion {
  term: string;
  weight: number;
}

/** The expansions of one element, with each one's term number in every shard (-1: absent). */
export interface ElementTerms {
  terms: Expansion[];
  /** `numbers[shard][k]`: the number of `terms[k]` in that shard's dictionary, or -1. */
  numbers: Int32Array[];
  /** Set when a wildcard or fuzzy word matched more terms than are searched. */
  capped?: { found: number; kept: number };
}

// The word as typed counts fully; other words that share its stem, begin with it, or are a
// typing error away count less, so the exact form ranks first among otherwise equal passages.
const STEM_WEIGHT = 0.8;
const PREFIX_WEIGHT = 0.7;
const FUZZY_WEIGHT = 0.5;

/** At most this many terms stand for one wildcard or fuzzy word… */
export const MAX_EXPANSIONS = 2000;
/** …and together they occur in at most about this many passages (postings decoded). */
export const MAX_EXPANSION_POSTINGS = 300_000;

interface Candidate {
  weight: number;
  /** Typing errors (fuzzy) or 0; nearer terms are kept first when capping. */
  distance: number;
  /** Documents containing it, over all shards (masked ones included): the cost of searching it. */
  postings: number;
}

function add(into: Map<string, Candidate>, term: string, weight: number, distance: number, postings: number): void {
  const known = into.get(term);
  if (known === undefined) into.set(term, { weight, distance, postings });
  else {
    known.weight = Math.max(known.weight, weight);
    known.distance = Math.min(known.distance, distance);
    known.postings += postings;
  }
}

const byTerm = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Keeps the terms searched for an open-ended word: its own family first, then nearest, shortest. */
function cap(candidates: Map<string, Candidate>): { kept: Map<string, Candidate>; capped?: { found: number; kept: number } } {
  let postings = 0;
  for (const candidate of candidates.values()) postings += candidate.postings;
  if (candidates.size <= MAX_EXPANSIONS && postings <= MAX_EXPANSION_POSTINGS) return { kept: candidates };
  const ordered = [...candidates].sort(
    ([a, x], [b, y]) => y.weight - x.weight || x.distance - y.distance || a.length - b.length || byTerm(a, b),
  );
  const kept = new Map<string, Candidate>();
  let budget = 0;
  for (const [term, candidate] of ordered) {
    if (kept.size >= MAX_EXPANSIONS) break;
    if (kept.size > 0 && budget + candidate.postings > MAX_EXPANSION_POSTINGS) break;
    kept.set(term, candidate);
    budget += candidate.postings;
  }
  return { kept, capped: { found: candidates.size, kept: kept.size } };
}

/** The terms `element` stands for in the shards, and their numbers in each shard. */
export function expandElement(shards: readonly LoadedShard[], element: PlanElement): ElementTerms {
  const candidates = new Map<string, Candidate>();
  const selfStem = stemTerm(element.stem) === element.stem;
  const found = shards.map(() => new Map<string, number>());
  shards.forEach(({ segment }, s) => {
    const { terms, termDf } = segment;
    const numbers = found[s] as Map<string, number>;
    const addNumber = (n: number, weight: number, distance = 0) => {
      const term = terms[n] as string;
      const first = !numbers.has(term);
      if (first) numbers.set(term, n);
      add(candidates, term, weight, distance, first ? (termDf[n] as number) : 0);
    };
    const addFamily = () => {
      if (selfStem) {
        const own = findTerm(terms, element.stem);
        if (own >= 0) addNumber(own, STEM_WEIGHT);
      }
      const [from, to] = prefixRange(segment.stemKeys, element.stem);
      for (let k = from; k < to; k += 1) {
        if (segment.stemKeys[k] === element.stem) addNumber(segment.stemTerms[k] as number, STEM_WEIGHT);
      }
    };
    switch (element.match) {
      case 'exact': {
        const own = findTerm(terms, element.term);
        if (own >= 0) addNumber(own, 1);
        break;
      }
      case 'stem':
        addFamily();
        break;
      case 'prefix': {
        const [from, to] = prefixRange(terms, element.term);
        for (let n = from; n < to; n += 1) addNumber(n, PREFIX_WEIGHT);
        break;
      }
      case 'fuzzy':
        nearTerms(terms, element.term, element.distance, (n, distance) => addNumber(n, FUZZY_WEIGHT, distance));
        addFamily();
        break;
    }
  });
  const own = candidates.get(element.term);
  if (own) own.weight = 1;
  const open = element.match === 'prefix' || element.match === 'fuzzy';
  const { kept, capped } = open ? cap(candidates) : { kept: candidates, capped: undefined };
  const terms = [...kept]
    .map(([term, { weight }]) => ({ term, weight }))
    .sort((a, b) => byTerm(a.term, b.term));
  const numbers = found.map((inShard) => Int32Array.from(terms, ({ term }) => inShard.get(term) ?? -1));
  return { terms, numbers, ...(capped ? { capped } : {}) };
}
