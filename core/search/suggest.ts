/**
 * "Did you mean": when a query finds nothing, the words the library does not hold are replaced by
 * the nearest words it does hold (one typing error for short words, two for longer ones), the
 * commonest first, spelled as they are most often written ("Khrushchev", not "khrushchev").
 * Only suggestions that find something are offered.
 */
import { analyze } from './analysis.ts';
import type { UnitTerms } from './evaluate.ts';
import type { LoadedShard } from './load.ts';
import { nearTerms } from './near.ts';

/** At most this many suggestions are offered. */
const MAX_SUGGESTIONS = 3;

interface Spelling {
  distance: number;
  documents: number;
  form: string;
  formCount: number;
}

/** The nearest indexed words to `term`, best first, as they are written. */
function nearestSpellings(shards: readonly LoadedShard[], term: string): string[] {
  const allowance = term.length <= 4 ? 1 : 2;
  const spellings = new Map<string, Spelling>();
  for (const { segment } of shards) {
    nearTerms(segment.terms, term, allowance, (n, distance) => {
      const word = segment.terms[n] as string;
      if (word.length < 2) return;
      // The commonest spelling, from the segment that saw it most often.
      let form = word;
      let formCount = 0;
      let lo = 0;
      let hi = segment.surfaceTerms.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const at = segment.surfaceTerms[mid] as number;
        if (at < n) lo = mid + 1;
        else if (at > n) hi = mid - 1;
        else {
          form = segment.surfaceForms[mid] as string;
          formCount = segment.surfaceCounts[mid] as number;
          break;
        }
      }
      const known = spellings.get(word);
      if (known === undefined) {
        spellings.set(word, { distance, documents: segment.termDf[n] as number, form, formCount });
      } else {
        known.documents += segment.termDf[n] as number;
        if (formCount > known.formCount || (formCount === known.formCount && form < known.form)) {
          known.form = form;
          known.formCount = formCount;
        }
      }
    });
  }
  return [...spellings.entries()]
    .sort(([a, x], [b, y]) => x.distance - y.distance || y.documents - x.documents || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_SUGGESTIONS)
    .map(([, { form }]) => form);
}

/**
 * Queries like `query` with each word that matched nothing replaced by a near spelling, each
 * checked with `count` (the number of hits it would give): only those that find something. A word
 * inside a quoted phrase is replaced in place, the phrase's other words kept.
 */
export function suggestSpellings(
  shards: readonly LoadedShard[],
  units: readonly UnitTerms[],
  query: string,
  count: (query: string) => number,
): string[] {
  const replacements: { word: string; spellings: string[] }[] = [];
  for (const terms of units) {
    const spellings = unitSpellings(shards, terms, query);
    if (spellings.length > 0) replacements.push({ word: terms.unit.word, spellings });
  }
  if (replacements.length === 0) return [];
  const suggestions: string[] = [];
  for (let i = 0; i < MAX_SUGGESTIONS; i += 1) {
    let suggestion = query;
    for (const { word, spellings } of replacements) {
      const spelling = spellings[Math.min(i, spellings.length - 1)] as string;
      suggestion = suggestion.replace(word, () => spelling);
    }
    suggestion = suggestion.trim();
    if (suggestion !== query.trim() && !suggestions.includes(suggestion) && count(suggestion) > 0) suggestions.push(suggestion);
  }
  return suggestions;
}

// The unit's words as they could be spelled, best first: each of its words that matched nothing
// replaced by its i-th nearest spelling. None when every word matched or none can be placed.
function unitSpellings(shards: readonly LoadedShard[], terms: UnitTerms, query: string): string[] {
  const { unit } = terms;
  if (unit.exclude || !query.includes(unit.word)) return [];
  // The elements are the phrase's words that are not stop words, in order: their spans as typed.
  const typed = analyze(unit.word);
  if (typed.length !== unit.elements.length) return [];
  const misspelt: { start: number; end: number; spellings: string[] }[] = [];
  for (const [k, element] of unit.elements.entries()) {
    if ((terms.elements[k]?.terms.length ?? 0) > 0) continue;
    const spellings = nearestSpellings(shards, element.term);
    if (spellings.length === 0) return [];
    const { start, end } = typed[k] as { start: number; end: number };
    misspelt.push({ start, end, spellings });
  }
  if (misspelt.length === 0) return [];
  const most = Math.max(...misspelt.map((word) => word.spellings.length));
  return Array.from({ length: most }, (_, i) => {
    let spelled = unit.word;
    for (const { start, end, spellings } of [...misspelt].reverse()) {
      spelled = spelled.slice(0, start) + (spellings[Math.min(i, spellings.length - 1)] as string) + spelled.slice(end);
    }
    return spelled;
  });
}
