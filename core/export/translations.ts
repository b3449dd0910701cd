/**
 * Which corpus sources are translations of which (issue 6, item 3): a source whose `derivative_of`
 * names another source of the corpus and whose `derivation` says it is a translation. Paraphrases,
 * summaries and other derivatives are not: their wording is not the original's, so a citation of
 * them must not claim that the original was "published as" them.
 */
import type { Originals } from '../cite/original.ts';
import type { CslItem, Source } from '../corpus/model.ts';

/** True when the source declares itself a translation ("translation of part of", "Translated"). */
export function isTranslation(source: Source): boolean {
  const { derivativeOf, derivation } = source.meta;
  return derivativeOf !== undefined && /translat/i.test(derivation ?? '');
}

/**
 * Translated source id → the CSL item of its original, for every translation in `sources` whose
 * original is in `sources` too; a source never counts as its own original.
 */
export function translationOriginals(sources: readonly Source[]): Originals {
  const byId = new Map(sources.map((source) => [source.id, source]));
  const out = new Map<string, CslItem>();
  for (const source of sources) {
    const original = source.meta.derivativeOf ? byId.get(source.meta.derivativeOf) : undefined;
    if (original && original.id !== source.id && isTranslation(source)) {
      out.set(source.id, original.meta.csl);
    }
  }
  return out;
}
