import type { Source } from '../../core/corpus/model.ts';
import { DomainError } from '../../core/errors.ts';
import { citeAnnotation } from '../../core/export/annotation-citation.ts';
import type { StyleName } from '../../core/cite/style.ts';
import { citeOptionsFor } from '../../core/export/cite-style.ts';
import { translationOriginals } from '../../core/export/translations.ts';
import type { CitationForm } from '../../core/export/citation-form.ts';
import { citeWork } from '../../core/export/work-citation.ts';
import type { CorpusService } from './corpus-service.ts';
import type { Annotation } from '../../core/annotate/model.ts';

/** A citation in both renderings: plain text, and HTML (so italics paste into a word processor). */
export interface Citation {
  text: string;
  html: string;
}

/** Citing on demand, for "Copy citation": one highlight's footnote, or a whole work's note or entry. */
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

  /**
   * A whole work cited in `form` (full note, shortened note, bibliography entry), put on the
   * clipboard: `id` names a source or, as `apparatus cite --source` takes it, a reference without
   * text. A translation whose original is in the corpus ends with its original.
   */
  copyWork(id: string, options: { form: CitationForm; style: StyleName }): Citation {
    const reference = this.#corpus.references().find((item) => item.id === id);
    let citation: Citation;
    if (reference) citation = citeWork(reference, options.form, citeOptionsFor(options.style));
    else {
      // Neither a reference nor a source: the corpus service says why (no such source, or a file that cannot be read).
      const source = this.#corpus.get(id);
      const original = this.#original(source, false);
      const originals = translationOriginals(original ? [source, original] : [source]);
      citation = citeWork(source.meta.csl, options.form, citeOptionsFor(options.style), originals);
    }
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
