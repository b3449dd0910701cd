/**
 * "Did you mean": when a query finds nothing, the words the library does not hold are replaced by
 * the nearest words it does hold (one typing error for short words, two for longer ones), the
 * commonest first, spelled as they are most often written ("Khrushchev", not "khrushchev").
 * Only suggestions that find something are offered.
 */
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
 * checked with `count` (the number of hits it would give): only those that find something.
 */
export function suggestSpellings(
  shards: readonly LoadedShard[],
  units: readonly UnitTerms[],
  query: string,
  count: (query: string) => number,
): string[] {
  const replacements: { word: string; spellings: string[] }[] = [];
  for (const terms of units) {
    const { unit } = terms;
    if (unit.exclude || unit.elements.length !== 1 || unit.stops.length > 0) continue;
    if (terms.elements.some((element) => element.terms.length > 0)) continue;
    const element = unit.elements[0];
    if (element === undefined || !query.includes(unit.word)) continue;
    const spellings = nearestSpellings(shards, element.term);
    if (spellings.length > 0) replacements.push({ word: unit.word, spellings });
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
