import { carriedOmissions } from '../../core/annotate/adjust.ts';
import { describe as describeRange } from '../../core/annotate/describe.ts';
import type { Annotation } from '../../core/annotate/model.ts';
import { DEFAULT_COLOR, type Color } from '../../core/annotate/palette.ts';
import { reanchor, reanchorAll } from '../../core/annotate/reanchor.ts';
import type { SharedAnnotationWrite } from '../../core/share/annotation-sync-plan.ts';
import type { Source } from '../../core/corpus/model.ts';
import { readingText } from '../../core/corpus/reading-text.ts';
import { placeLabel } from '../../core/export/locator.ts';
import { locate } from '../../core/corpus/source-index.ts';
import { DomainError } from '../../core/errors.ts';
import { contentHash } from './content-hash.ts';
import type { CorpusService } from './corpus-service.ts';
import type { ServiceEmitter } from './events.ts';
import { StoreError, type AnchorUpdate, type AnnotationFilter, type AnnotationInput, type AnnotationPatch, type Placement, type ProjectStore } from './store/index.ts';
import { DRAFT_ID, OPEN_GATE, type ChangeGate } from './sync/change-gate.ts';

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
 * from the source's current reading text (never taken from the caller), and nothing is ever
 * dropped. Whoever reads annotations (the window, the command line, export, search) reads them
 * here, and a source whose text changed since its annotations were last anchored is re-anchored
 * first, so every reader sees the same anchor states. Each change is announced once it is saved.
 * In a corpus shared with a group, each change is first put to the group's rules (`gate`), and
 * handed on once saved.
 */
export class AnnotationService {
  readonly #corpus: CorpusService;
  readonly #store: ProjectStore;
  readonly #events: ServiceEmitter;
  readonly #gate: ChangeGate;
  // The hash of each parsed source's reading text (sources are never mutated, so this is safe).
  readonly #hashes = new WeakMap<Source, string>();
  // A project opened for reading cannot save new placements: they are kept here for this process.
  readonly #unsaved = new Map<string, AnchorUpdate>();
  readonly #unsavedHashes = new Map<string, string>();

  constructor(corpus: CorpusService, store: ProjectStore, events: ServiceEmitter, gate: ChangeGate = OPEN_GATE) {
    this.#corpus = corpus;
    this.#store = store;
    this.#events = events;
    this.#gate = gate;
  }

  /** A source for reading, with its annotations re-anchored if its text changed. */
  open(sourceId: string): { source: Source; annotations: Annotation[] } {
    const source = this.#corpus.get(sourceId);
    this.#anchor(sourceId, source);
    return { source, annotations: this.#placed(this.#store.list({ sourceId })) };
  }

  /**
   * The annotations matching a filter (all, one source's, one tag's), each re-anchored first if
   * its source's text changed since it was last anchored. A source that cannot be read keeps its
   * annotations where they were recorded.
   */
  list(filter: AnnotationFilter): Annotation[] {
    const found = this.#store.list(filter);
    let moved = false;
    for (const sourceId of new Set(found.map((annotation) => annotation.sourceId))) {
      moved = this.#anchorIfReadable(sourceId) || moved;
    }
    return this.#placed(moved ? this.#store.list(filter) : found);
  }

  /** One annotation, re-anchored first like `list`; undefined if there is none. */
  get(id: string): Annotation | undefined {
    const stored = this.#store.get(id);
    if (!stored) return undefined;
    const moved = this.#anchorIfReadable(stored.sourceId);
    const current = moved ? this.#store.get(id) : stored;
    return current && this.#placed([current])[0];
  }

  /** Highlights a range of a source's reading text. */
  create(input: NewHighlight): Annotation {
    const selectors = this.#selectors(input.sourceId, input.start, input.end);
    return this.addPlaced({ sourceId: input.sourceId, ...selectors, color: input.color, tags: input.tags, note: input.note });
  }

  /**
   * Saves an annotation made in another tool, already placed in its source's text by our anchoring
   * (an orphan keeps its quote and waits to be re-attached).
   */
  addPlaced(input: AnnotationInput): Annotation {
    this.#gate.check({ type: 'annotation.created', annotation: draft(input) });
    return this.#record('annotation.created', this.#store.create(input));
  }

  /** Changes the note, colour, tags or quotation cuts of an annotation. */
  update(id: string, patch: AnnotationPatch): Annotation {
    const current = this.#store.get(id);
    if (current) this.#gate.check({ type: 'annotation.updated', annotation: { ...current, ...definedFields(patch) } });
    return this.#record('annotation.updated', this.#store.update(id, patch));
  }

  /** Deletes an annotation; the store keeps its record, so `restore` can undo this. */
  delete(id: string): Annotation {
    this.#gate.check({ type: 'annotation.deleted', id });
    const deleted = this.#store.delete(id);
    this.#gate.record({ type: 'annotation.deleted', id });
    return this.#announce(deleted);
  }

  /**
   * Undoes the newest deletion (or re-attachment) of an annotation from the store's own record,
   * re-anchored against its source's current text; selectors never come from the caller.
   */
  restore(id: string): Annotation {
    const record = this.#store.trashed(id);
    const placement = record && this.#placement(record);
    // An annotation still there had been re-attached: undoing that re-attaches it again.
    const type = this.#store.get(id) ? 'annotation.reattached' : 'annotation.restored';
    if (record) this.#gate.check({ type, annotation: { ...record, ...placement } });
    return this.#record(type, this.#store.restore(id, placement));
  }

  /** Attaches an annotation (usually an orphan) to another range of its source; `restore` undoes this. */
  reattach(id: string, start: number, end: number): Annotation {
    const current = this.#store.get(id);
    if (!current) throw new DomainError('not-found', 'This highlight no longer exists.');
    const selectors = this.#selectors(current.sourceId, start, end);
    this.#gate.check({ type: 'annotation.reattached', annotation: { ...current, ...selectors, omissions: [] } });
    return this.#record('annotation.reattached', this.#store.reattach(id, selectors));
  }

  /**
   * Keeps an annotation that waits for review (deleted on one computer while edited on another):
   * it stays, for every member; deleting it instead confirms the deletion.
   */
  keep(id: string): Annotation {
    const current = this.#store.get(id);
    if (!current) throw new DomainError('not-found', 'This highlight no longer exists.');
    this.#gate.check({ type: 'annotation.restored', annotation: current });
    return this.#record('annotation.restored', this.#store.keepReviewed(id));
  }

  /**
   * Writes what the group a shared corpus belongs to changed, keeping ids, timestamps and authors,
   * then anchors each new or re-attached annotation in this computer's copy of its source (a
   * source not here yet is anchored when it arrives and is opened). Announced as remote changes.
   */
  applyShared(writes: readonly SharedAnnotationWrite[]): { written: string[]; skipped: { id: string; problem: string }[] } {
    const result = this.#store.applySharedAnnotations(writes);
    if (result.written.length === 0) return result;
    const placed = new Set(writes.flatMap((write) => (write.kind === 'insert' || (write.kind === 'update' && write.reattached) ? [write.annotation.id] : [])));
    const bySource = new Map<string, Annotation[]>();
    for (const id of result.written) {
      if (!placed.has(id)) continue;
      const annotation = this.#store.get(id);
      if (!annotation) continue;
      bySource.set(annotation.sourceId, [...(bySource.get(annotation.sourceId) ?? []), annotation]);
    }
    for (const [sourceId, annotations] of bySource) this.#anchorIn(sourceId, annotations);
    this.#events.emit('annotations.changed', { ids: result.written, origin: 'remote' });
    return result;
  }

  // Anchors annotations placed in another copy of the source in this one.
  #anchorIn(sourceId: string, annotations: readonly Annotation[]): void {
    let text: string;
    try {
      text = readingText(this.#corpus.get(sourceId)).text;
    } catch {
      // Not here (yet) or unreadable: anchored when the source is next opened.
      this.#store.setSetting(HASH_KEY(sourceId), null);
      return;
    }
    const updates = reanchorAll(text, annotations).map(({ annotation }) => ({ id: annotation.id, position: annotation.position, anchor: annotation.anchor }));
    this.#store.setAnchors(updates);
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
    for (const annotation of this.list(filter)) {
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

  // Re-anchors the annotations of a source whose reading text changed since they were last
  // anchored (the hash of the text they were anchored against is kept in the project); returns
  // whether anything was re-anchored.
  #anchor(sourceId: string, source: Source): boolean {
    const text = locate(source).reading.text;
    let hash = this.#hashes.get(source);
    if (hash === undefined) {
      hash = contentHash(text);
      this.#hashes.set(source, hash);
    }
    if ((this.#unsavedHashes.get(sourceId) ?? this.#store.getSetting(HASH_KEY(sourceId))) === hash) return false;
    const annotations = this.#store.list({ sourceId });
    const updates = reanchorAll(text, annotations).map(({ annotation }) => ({ id: annotation.id, position: annotation.position, anchor: annotation.anchor }));
    try {
      if (updates.length > 0) this.#store.setAnchors(updates);
      this.#store.setSetting(HASH_KEY(sourceId), hash);
    } catch (error) {
      if (!(error instanceof StoreError) || error.code !== 'read-only') throw error;
      for (const update of updates) this.#unsaved.set(update.id, update);
      this.#unsavedHashes.set(sourceId, hash);
      return updates.length > 0;
    }
    if (updates.length > 0) this.#changed(updates.map((update) => update.id));
    return updates.length > 0;
  }

  #anchorIfReadable(sourceId: string): boolean {
    let source: Source;
    try {
      source = this.#corpus.get(sourceId);
    } catch {
      return false;
    }
    return this.#anchor(sourceId, source);
  }

  // Annotations as stored, with the placements a read-only project could not save laid over them.
  #placed(annotations: Annotation[]): Annotation[] {
    if (this.#unsaved.size === 0) return annotations;
    return annotations.map((annotation) => {
      const update = this.#unsaved.get(annotation.id);
      return update ? { ...annotation, position: update.position, anchor: update.anchor } : annotation;
    });
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

  #record(type: 'annotation.created' | 'annotation.updated' | 'annotation.reattached' | 'annotation.restored', annotation: Annotation): Annotation {
    this.#gate.record({ type, annotation });
    return this.#announce(annotation);
  }

  #changed(ids: string[]): void {
    this.#events.emit('annotations.changed', { ids });
  }
}

// The annotation a new highlight would be, to put to the group's rules before it is saved.
function draft(input: AnnotationInput): Annotation {
  return {
    id: DRAFT_ID,
    sourceId: input.sourceId,
    quote: input.quote,
    position: input.position,
    color: input.color ?? DEFAULT_COLOR,
    tags: input.tags ?? [],
    note: input.note ?? '',
    omissions: [],
    created: '',
    modified: '',
    anchor: input.anchor ?? 'anchored',
  };
}

function definedFields(patch: AnnotationPatch): Partial<Annotation> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}
