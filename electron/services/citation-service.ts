import type { Source } from '../../core/corpus/model.ts';
import { DomainError } from '../../core/errors.ts';
import { citeAnnotation } from '../../core/export/annotation-citation.ts';
import type { StyleName } from '../../core/cite/style.ts';
import { citeOptionsFor } from '../../core/export/cite-style.ts';
import type { CorpusService } from './corpus-service.ts';
import type { Annotation } from '../../core/annotate/model.ts';

/** A citation in both renderings: plain text, and HTML (so italics paste into a word processor). */
export interface Citation {
  text: string;
  html: string;
}

/** Citing one highlight on demand: the footnote of "Copy citation". */
export class CitationService {
  readonly #corpus: CorpusService;
  readonly #find: (id: string) => Annotation | undefined;
  readonly #writeClipboard: (citation: Citation) => void;

  /** `find` gives a highlight placed in its source's current text (the annotation service's `get`). */
  constructor(corpus: CorpusService, find: (id: string) => Annotation | undefined, writeClipboard: (citation: Citation) => void) {
    this.#corpus = corpus;
    this.#find = find;
    this.#writeClipboard = writeClipboard;
  }

  /**
   * The Chicago footnote of highlight `id`, put on the clipboard. A translation or paraphrase is
   * cited as itself (naming its original when the corpus has it), or, with `original`, as the
   * original it derives from, which must then be in the corpus.
   */
  copy(id: string, options: { original: boolean; style: StyleName }): Citation {
    const annotation = this.#find(id);
    if (!annotation) throw new DomainError('not-found', 'This highlight no longer exists.');
    const source = this.#corpus.get(annotation.sourceId);
    const citation = citeAnnotation(source, annotation, citeOptionsFor(options.style), {
      original: this.#original(source, options.original),
      citeOriginal: options.original,
    });
    this.#writeClipboard(citation);
    return citation;
  }

  // Citing the original needs it; citing a translation as itself only names it if present.
  #original(source: Source, required: boolean): Source | undefined {
    const base = source.meta.derivativeOf;
    if (base === undefined) return undefined;
    if (required) return this.#corpus.get(base);
    try {
      return this.#corpus.get(base);
    } catch {
      return undefined;
    }
  }
}
