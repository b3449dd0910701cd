import type { SourceProvenance, SourceSummary } from '../api.ts';
import { missingForChicago } from '../cite/requirements.ts';
import type { CslName, Source } from './model.ts';

/** A name as a reader expects it in a list: "Andrey Edemskiy", or the literal ("Wikipedia contributors"). */
export function displayName(name: CslName): string {
  if (name.literal) return name.literal;
  return [name.given, name['non-dropping-particle'], name.family, name.suffix].filter(Boolean).join(' ');
}

/** Joins display names the English way: "A", "A and B", "A, B, and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')}, and ${names.at(-1)}`;
}

/**
 * What the library shows of each source. `titles` maps ids to titles so a derivative source can
 * name what it derives from; an unknown id is shown as the id itself.
 */
export function summarizeSource(source: Source, titles: ReadonlyMap<string, string>): SourceSummary {
  const csl = source.meta.csl;
  const authors = csl.author?.map(displayName).filter((name) => name.length > 0) ?? [];
  const year = csl.issued?.['date-parts']?.[0]?.[0];
  const derivativeOf = source.meta.derivativeOf;
  return {
    id: source.id,
    title: csl.title ?? source.id,
    shortTitle: csl['title-short'] ?? csl.title ?? source.id,
    authors: authors.length > 0 ? joinNames(authors) : null,
    year: year !== undefined ? String(year) : (csl.issued?.literal ?? null),
    reliability: source.meta.reliability,
    derivativeOf: derivativeOf
      ? { id: derivativeOf, title: titles.get(derivativeOf) ?? derivativeOf, derivation: source.meta.derivation ?? null }
      : null,
    missing: missingForChicago(csl),
  };
}

/**
 * What a reader should know before quoting `source`: what it derives from, its rights, its caveats
 * and the corrections made while cleaning. `originalTitle` names the original of a derivative.
 */
export function provenanceOf(source: Source, originalTitle: string | null): SourceProvenance {
  const { meta } = source;
  return {
    reliability: meta.reliability,
    derivativeOf: meta.derivativeOf ? { id: meta.derivativeOf, title: originalTitle ?? meta.derivativeOf, derivation: meta.derivation ?? null } : null,
    rights: meta.rights ?? null,
    caveats: [...(meta.caveats ?? [])],
    cleaning: meta.cleaning.map(({ original, replacement, reason }) => ({ original, replacement, reason })),
  };
}
