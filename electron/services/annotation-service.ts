import { createHash } from 'node:crypto';
import { describe as describeRange } from '../../core/annotate/describe.ts';
import type { Annotation } from '../../core/annotate/model.ts';
import type { Color } from '../../core/annotate/palette.ts';
import { reanchorAll } from '../../core/annotate/reanchor.ts';
import type { Source } from '../../core/corpus/model.ts';
import { readingText } from '../../core/corpus/reading-text.ts';
import { UserFacingError } from '../errors.ts';
import type { CorpusService } from './corpus-service.ts';
import type { AnnotationFilter, ProjectStore } from './store/index.ts';

/** A new highlight as the reader asks for it: a range of the reading text, not selectors. */
export interface NewHighlight {
  sourceId: string;
  start: number;
  end: number;
  color?: Color;
  tags?: string[];
  note?: string;
}

const HASH_KEY = (sourceId: string) => `source-hash:${sourceId}`;

/**
 * Annotations against the corpus: selectors are always computed here from the source's current
 * reading text (never trusted from the renderer), and a source whose text changed since its
 * annotations were last anchored is re-anchored when it is opened. Nothing is ever dropped.
 */
export class AnnotationService {
  readonly #corpus: CorpusService;
  readonly #store: ProjectStore;

  constructor(corpus: CorpusService, store: ProjectStore) {
    this.#corpus = corpus;
    this.#store = store;
  }

  /** A source for reading, with its annotations re-anchored if its text changed. */
  open(sourceId: string): { source: Source; annotations: Annotation[] } {
    const source = this.#corpus.get(sourceId);
    const text = readingText(source).text;
    const hash = createHash('sha256').update(text).digest('hex');
    if (this.#store.getSetting(HASH_KEY(sourceId)) !== hash) {
      const annotations = this.#store.list({ sourceId });
      if (annotations.length > 0) {
        const updates = reanchorAll(text, annotations).map(({ annotation }) => ({
          id: annotation.id,
          position: annotation.position,
          anchor: annotation.anchor,
        }));
        this.#store.setAnchors(updates);
      }
      this.#store.setSetting(HASH_KEY(sourceId), hash);
    }
    return { source, annotations: this.#store.list({ sourceId }) };
  }

  /** Highlights a range of a source's reading text. */
  create(input: NewHighlight): Annotation {
    const selectors = this.#selectors(input.sourceId, input.start, input.end);
    return this.#store.create({ sourceId: input.sourceId, ...selectors, color: input.color, tags: input.tags, note: input.note });
  }

  /** Attaches an annotation (usually an orphan) to another range of its source. */
  reattach(id: string, start: number, end: number): Annotation {
    const current = this.#store.get(id);
    if (!current) throw new UserFacingError('not-found', 'This highlight no longer exists.');
    return this.#store.reattach(id, this.#selectors(current.sourceId, start, end));
  }

  /** The annotations matching a filter (all, one source's, one tag's). */
  list(filter: AnnotationFilter): Annotation[] {
    return this.#store.list(filter);
  }

  #selectors(sourceId: string, start: number, end: number) {
    const text = readingText(this.#corpus.get(sourceId)).text;
    return describeRange(text, start, end);
  }
}
