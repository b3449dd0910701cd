/**
 * Which corpus sources are translations of which: a source whose `derivative_of` names another
 * source of the corpus and whose `derivation` says it is a translation. Paraphrases, summaries and
 * other derivatives are not: their wording is not the original's, so a citation of them must not
 * claim that the original was "published as" them. A translation of part of its original points at
 * the pages it translates, never at the original's whole range.
 */
import type { Annotation } from '../annotate/model.ts';
import { formatPages } from '../cite/page-range.ts';
import type { Originals } from '../cite/original.ts';
import type { CslItem, Source } from '../corpus/model.ts';
import { translatedPages } from './translated-pages.ts';

/** True when the source declares itself a translation ("translation of part of", "Translated"). */
export function isTranslation(source: Source): boolean {
  const { derivativeOf, derivation } = source.meta;
  return derivativeOf !== undefined && /translat/i.test(derivation ?? '');
}

/** True when the source derives from only part of its original ("translation of part of"). */
export function isPartial(source: Source): boolean {
  return /\b(part|parts|excerpts?|extracts?|abridged|selections?)\b/i.test(source.meta.derivation ?? '');
}

/**
 * Translated source id → the CSL item of its original, for every translation in `sources` whose
 * original is in `sources` too; a source never counts as its own original. For a partial
 * translation the original's `page` is the range it translates, or is left out when that range
 * cannot be found.
 */
export function translationOriginals(sources: readonly Source[]): Originals {
  const byId = new Map(sources.map((source) => [source.id, source]));
  const out = new Map<string, CslItem>();
  for (const source of sources) {
    const original = source.meta.derivativeOf ? byId.get(source.meta.derivativeOf) : undefined;
    if (original && original.id !== source.id && isTranslation(source)) {
      const item = original.meta.csl;
      const range = isPartial(source) ? translatedPages(source, original).range : null;
      out.set(source.id, isPartial(source) ? { ...item, page: range ?? undefined } : item);
    }
  }
  return out;
}

/**
 * The page(s) of `original` that a highlighted passage of `translation` translates ("378",
 * "378–79"), found by aligning the two texts; for a partial translation whose passage cannot be
 * placed, the whole range it translates; null when neither is known.
 */
export function originalPagesOf(translation: Source, original: Source, annotation: Annotation): string | null {
  const pages = translatedPages(translation, original);
  const { start, end } = annotation.position;
  const passage = annotation.anchor === 'orphaned' ? null : pages.passage(start, end);
  const found = passage ?? (isPartial(translation) ? pages.range : null);
  return found === null ? null : formatPages(found);
}
