/**
 * `source:` and `author:` filters, checked against the title and author names every source
 * shard records; annotations are filtered through the source they belong to.
 */
import type { SourceProfile } from './load.ts';
import { stemTerm } from './lunr-interop.ts';
import type { PlanFilter } from './plan.ts';

function termsMatch(
  wanted: readonly string[],
  terms: readonly string[],
  stems: ReadonlySet<string>,
  prefix: boolean,
): boolean {
  if (wanted.length === 0) return false;
  return wanted.every((term, i) =>
    prefix && i === wanted.length - 1
      ? terms.some((have) => have.startsWith(term))
      : stems.has(stemTerm(term)),
  );
}

function filterMatches(filter: PlanFilter, source: SourceProfile | undefined): boolean {
  if (source === undefined) return false;
  if (filter.kind === 'author') {
    return termsMatch(filter.terms, source.authorTerms, source.authorStems, filter.prefix);
  }
  const id = source.id.toLowerCase();
  const value = filter.value.toLowerCase();
  return (
    id === value ||
    (filter.prefix && id.startsWith(value)) ||
    termsMatch(filter.terms, source.titleTerms, source.titleStems, filter.prefix)
  );
}

/**
 * A predicate on source ids: true when every kind of included filter accepts the source
 * (several filters of one kind are alternatives) and no excluded filter matches it. A `source:`
 * value matches the source id, or words of its title; `author:` matches words of its author
 * names. Sources without a loaded shard match no filter. Answers are cached per source.
 */
export function sourceFilter(
  filters: readonly PlanFilter[],
  sources: ReadonlyMap<string, SourceProfile>,
): (sourceId: string) => boolean {
  const answers = new Map<string, boolean>();
  const decide = (sourceId: string) => {
    const source = sources.get(sourceId);
    for (const kind of ['source', 'author'] as const) {
      const wanted = filters.filter((f) => f.kind === kind && !f.exclude);
      if (wanted.length > 0 && !wanted.some((f) => filterMatches(f, source))) return false;
    }
    return !filters.some((f) => f.exclude && filterMatches(f, source));
  };
  return (sourceId) => {
    let answer = answers.get(sourceId);
    if (answer === undefined) {
      answer = decide(sourceId);
      answers.set(sourceId, answer);
    }
    return answer;
  };
}
