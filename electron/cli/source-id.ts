import type { Source } from '../../core/corpus/model.ts';
import { DomainError } from '../../core/errors.ts';
import type { CorpusService } from '../services/corpus-service.ts';
import { didYouMean } from './suggest.ts';

/**
 * The source `id` of the corpus; a source id it does not hold is refused naming the ids nearest
 * to it: an id is typed by hand from `apparatus list`, and a slip ("edemskiy-2091") should lead
 * to the right one. A file that cannot be read is refused with its repair, as the corpus says.
 */
export function sourceById(corpus: CorpusService, id: string): Source {
  try {
    return corpus.get(id);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not-found') throw unknownSource(corpus, id);
    throw error;
  }
}

/** The error for a source id the corpus does not hold, with the nearest ids it does. */
export function unknownSource(corpus: CorpusService, id: string): DomainError {
  const near = didYouMean(id, corpus.list().map((source) => source.id));
  return new DomainError('not-found', `There is no source "${id}" in the corpus.${near || ' See apparatus list for the ids.'}`);
}
