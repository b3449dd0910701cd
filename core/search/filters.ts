/**
 * `source:` and `author:` filters, checked against what each segment records of its sources;
 * annotations are filtered through the source they belong to. `source:` names a source by its
 * id, or by words of its title, its container (journal, website: `source:wikipedia`) or its
 * authors; `author:` by words of its authors' names.
 */
import { analyze } from './analysis.ts';
import { stemTerm } from './lunr-interop.ts';
import type { PlanFilter } from './plan.ts';
import type { SegmentSource } from './segment.ts';

/** Words of one text of a source, as terms and stems. */
interface Words {
  terms: readonly string[];
  stems: ReadonlySet<string>;
}

/** A source's title, container and author names as terms and stems. */
interface SourceProfile {
  id: string;
  title: Words;
  container: Words;
  author: Words;
}

function words(text: string): Words {
  const terms = analyze(text).map((t) => t.term);
  return { terms, stems: new Set(terms.map(stemTerm)) };
}

// Profiles are derived from immutable source records, so they can be kept as long as the record.
const profiles = new WeakMap<SegmentSource, SourceProfile>();

function profileOf(source: SegmentSource): SourceProfile {
  let profile = profiles.get(source);
  if (profile === undefined) {
    profile = { id: source.id, title: words(source.title), container: words(source.container), author: words(source.author) };
    profiles.set(source, profile);
  }
  return profile;
}

function termsMatch(wanted: readonly string[], have: Words, prefix: boolean): boolean {
  if (wanted.length === 0) return false;
  return wanted.every((term, i) =>
    prefix && i === wanted.length - 1
      ? have.terms.some((word) => word.startsWith(term))
      : have.stems.has(stemTerm(term)),
  );
}

function filterMatches(filter: PlanFilter, source: SegmentSource | undefined): boolean {
  if (source === undefined) return false;
  const profile = profileOf(source);
  if (filter.kind === 'author') return termsMatch(filter.terms, profile.author, filter.prefix);
  const id = source.id.toLowerCase();
  const value = filter.value.toLowerCase();
  return (
    id === value ||
    (filter.prefix && id.startsWith(value)) ||
    termsMatch(filter.terms, profile.title, filter.prefix) ||
    termsMatch(filter.terms, profile.container, filter.prefix) ||
    termsMatch(filter.terms, profile.author, filter.prefix)
  );
}

/**
 * What to tell the searcher of each included filter that no source of the library matches (a
 * misspelt id or name): without it the search only finds nothing, with no word why.
 */
export function unmatchedFilterMessages(filters: readonly PlanFilter[], sources: ReadonlyMap<string, SegmentSource>): string[] {
  const messages: string[] = [];
  for (const filter of filters) {
    if (filter.exclude) continue;
    let matched = false;
    for (const source of sources.values()) {
      if (filterMatches(filter, source)) {
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const typed = `${filter.kind}:${filter.value}${filter.prefix ? '*' : ''}`;
    messages.push(
      filter.kind === 'author'
        ? `No author in the library is named "${filter.value}", so "${typed}" matched no source.`
        : `No source has the id "${filter.value}" or those words in its title, journal or authors, so "${typed}" matched no source.`,
    );
  }
  return messages;
}

/**
 * A predicate on source ids: true when every kind of included filter accepts the source
 * (several filters of one kind are alternatives) and no excluded filter matches it. Sources
 * without live blocks match no filter. Answers are cached per source.
 */
export function sourceFilter(
  filters: readonly PlanFilter[],
  sources: ReadonlyMap<string, SegmentSource>,
): (sourceId: string) => boolean {
  if (filters.length === 0) return () => true;
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
