import { carriedOmissions } from '../../core/annotate/adjust.ts';
import { describe as describeRange } from '../../core/annotate/describe.ts';
import type { Annotation } from '../../core/annotate/model.ts';
import type { Color } from '../../core/annotate/palette.ts';
import { reanchor, reanchorAll } from '../../core/annotate/reanchor.ts';
import type { Source } from '../../core/corpus/model.ts';
import { readingText } from '../../core/corpus/reading-text.ts';
import { placeLabel } from '../../core/export/locator.ts';
import { DomainError } from '../../core/errors.ts';
import { contentHash } from './content-hash.ts';
import type { CorpusService } from './corpus-service.ts';
import type { ServiceEmitter } from './events.ts';
import type { AnnotationFilter, AnnotationInput, AnnotationPatch, Placement, ProjectStore } from './store/index.ts';

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
 * Annotations against the corpus, and every change to them: selectors are always computed here
 * from the source's current reading text (never taken from the caller), a source whose text
 * changed since its annotations were last anchored is re-anchored when it is opened, and nothing
 * is ever dropped. Each change is announced once it is saved.
 */
export class AnnotationService {
  readonly #corpus: CorpusService;
  readonly #store: ProjectStore;
  readonly #events: ServiceEmitter;

  constructor(corpus: CorpusService, store: ProjectStore, events: ServiceEmitter) {
    this.#corpus = corpus;
    this.#store = store;
    this.#events = events;
  }

  /** A source for reading, with its annotations re-anchored if its text changed. */
  open(sourceId: string): { source: Source; annotations: Annotation[] } {
    const source = this.#corpus.get(sourceId);
    const text = readingText(source).text;
    const hash = contentHash(text);
    if (this.#store.getSetting(HASH_KEY(sourceId)) !== hash) {
      const annotations = this.#store.list({ sourceId });
      if (annotations.length > 0) {
        const updates = reanchorAll(text, annotations).map(({ annotation }) => ({
          id: annotation.id,
          position: annotation.position,
          anchor: annotation.anchor,
        }));
        this.#store.setAnchors(updates);
        this.#changed(updates.map((update) => update.id));
      }
      this.#store.setSetting(HASH_KEY(sourceId), hash);
    }
    return { source, annotations: this.#store.list({ sourceId }) };
  }

  /** The annotations matching a filter (all, one source's, one tag's). */
  list(filter: AnnotationFilter): Annotation[] {
    return this.#store.list(filter);
  }

  /** Highlights a range of a source's reading text. */
  create(input: NewHighlight): Annotation {
    const selectors = this.#selectors(input.sourceId, input.start, input.end);
    return this.#announce(this.#store.create({ sourceId: input.sourceId, ...selectors, color: input.color, tags: input.tags, note: input.note }));
  }

  /**
   * Saves an annotation made in another tool, already placed in its source's text by our anchoring
   * (an orphan keeps its quote and waits to be re-attached).
   */
  addPlaced(input: AnnotationInput): Annotation {
    return this.#announce(this.#store.create(input));
  }

  /** Changes the note, colour, tags or quotation cuts of an annotation. */
  update(id: string, patch: AnnotationPatch): Annotation {
    return this.#announce(this.#store.update(id, patch));
  }

  /** Deletes an annotation; the store keeps its record, so `restore` can undo this. */
  delete(id: string): Annotation {
    return this.#announce(this.#store.delete(id));
  }

  /**
   * Undoes the newest deletion (or re-attachment) of an annotation from the store's own record,
   * re-anchored against its source's current text; selectors never come from the caller.
   */
  restore(id: string): Annotation {
    const record = this.#store.trashed(id);
    return this.#announce(this.#store.restore(id, record && this.#placement(record)));
  }

  /** Attaches an annotation (usually an orphan) to another range of its source; `restore` undoes this. */
  reattach(id: string, start: number, end: number): Annotation {
    const current = this.#store.get(id);
    if (!current) throw new DomainError('not-found', 'This highlight no longer exists.');
    return this.#announce(this.#store.reattach(id, this.#selectors(current.sourceId, start, end)));
  }

  /**
   * Gives a highlight another extent in its source (an end dragged or moved from the keyboard):
   * its quote is taken anew from the text here, never from the caller; tags, note and colour stay,
   * and each cut that still leaves out the same words inside the new range is kept.
   */
  adjust(id: string, start: number, end: number): Annotation {
    const current = this.#store.get(id);
    if (!current) throw new DomainError('not-found', 'This highlight no longer exists.');
    const selectors = this.#selectors(current.sourceId, start, end);
    return this.#announce(this.#store.reposition(id, selectors, carriedOmissions(current, selectors.quote.exact, selectors.position)));
  }

  /** Where each annotation matching the filter lies ("p. 380", "p. 382 n. 12"), for those whose place is known. */
  places(filter: AnnotationFilter): Record<string, string> {
    const places: Record<string, string> = {};
    const sources = new Map<string, Source | null>();
    for (const annotation of this.#store.list(filter)) {
      if (annotation.anchor === 'orphaned') continue;
      if (!sources.has(annotation.sourceId)) {
        try {
          sources.set(annotation.sourceId, this.#corpus.get(annotation.sourceId));
        } catch {
          sources.set(annotation.sourceId, null);
        }
      }
      const source = sources.get(annotation.sourceId);
      const label = source ? placeLabel(source, annotation.position.start, annotation.position.end) : null;
      if (label) places[annotation.id] = label;
    }
    return places;
  }

  // Where a kept record sits in the source's text now. A source that cannot be read keeps the
  // recorded place; it is re-anchored when the source is next opened.
  #placement(record: Annotation): Placement | undefined {
    let text: string;
    try {
      text = readingText(this.#corpus.get(record.sourceId)).text;
    } catch {
      return undefined;
    }
    const { annotation } = reanchor(text, record);
    return { position: annotation.position, anchor: annotation.anchor };
  }

  #selectors(sourceId: string, start: number, end: number) {
    const text = readingText(this.#corpus.get(sourceId)).text;
    return describeRange(text, start, end);
  }

  #announce(annotation: Annotation): Annotation {
    this.#changed([annotation.id]);
    return annotation;
  }

  #changed(ids: string[]): void {
    this.#events.emit('annotations.changed', { ids });
  }
}
