/**
 * Saving annotations made in another tool into the project: each is matched to its source (or
 * put on the one the historian chose), placed in the source's reading text by our anchoring
 * (core/interop/annotations/place.ts), and saved through the annotation service with its note, tags
 * (made when new), colour and the dates the tool gives. Orphans are saved too, quote intact, to be
 * re-attached by hand; an annotation already in the project is not saved twice. An annotation the
 * project cannot hold (a note over the limit, too many tags) is skipped with its reason before
 * anything of it is made, so one record never stops the others; a tag that cannot be made is left
 * out of its annotation.
 */
import type { Annotation, AnchorStatus } from '../../../core/annotate/model.ts';
import { formatLimit, MAX_NOTE_LENGTH, MAX_QUOTE_LENGTH, MAX_TAG_NAME_LENGTH, MAX_TAGS_PER_ANNOTATION } from '../../../core/annotate/limits.ts';
import { findTagByName, normalizeTagName, tagNameKey } from '../../../core/annotate/tag-names.ts';
import type { CslItem, Source } from '../../../core/corpus/model.ts';
import { readingText } from '../../../core/corpus/reading-text.ts';
import type { ExternalAnnotation, SkippedRecord } from '../../../core/interop/annotations/external.ts';
import { matchSource } from '../../../core/interop/annotations/match-source.ts';
import { pageSpans, type PageSpan } from '../../../core/interop/annotations/page-spans.ts';
import { placeQuote } from '../../../core/interop/annotations/place.ts';
import { DomainError } from '../../../core/errors.ts';
import type { AnnotationService } from '../annotation-service.ts';
import type { CorpusService } from '../corpus-service.ts';
import type { TagService } from '../tag-service.ts';

/** One annotation saved. */
export interface ImportedAnnotation {
  label: string;
  annotation: Annotation;
  status: AnchorStatus;
}

/** A tag of an imported annotation that was not put on it, and why. */
export interface LeftOutTag {
  /** The annotation's label. */
  label: string;
  tag: string;
  reason: string;
}

/** What an import did. */
export interface AnnotationImportSummary {
  imported: ImportedAnnotation[];
  skipped: SkippedRecord[];
  /** Tags left out of annotations that were imported without them. */
  tagsLeftOut: LeftOutTag[];
  /** How many were anchored, moved and orphaned. */
  counts: Record<AnchorStatus, number>;
  /** Tags made because no tag had their name. */
  newTags: string[];
}

/** Options of an import. */
export interface AnnotationImportOptions {
  /** Put every annotation on this source instead of matching each by its address. */
  sourceId?: string;
  /** What to do about an annotation whose address names no source, as the caller offers it (the command line: `--source ID`). */
  unmatched?: string;
}

/** How an import that can be stopped is stopped, and says how far it has come. */
export interface StoppableImport {
  signal?: AbortSignal;
  /** `done` records of `total` read. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Give the process a turn whenever this many milliseconds have passed since the last, instead of
   * every 100 records: a window's process must answer it however long a record takes to save.
   */
  turnEveryMs?: number;
}

// Records imported between two turns of the process (a turn costs little; this many take a moment).
const STEP = 100;

// One import under way: its summary so far, and what it reads once (the corpus's references, each source's text).
interface ImportRun {
  summary: AnnotationImportSummary;
  options: AnnotationImportOptions;
  items: CslItem[];
  texts: Map<string, { text: string; pages: PageSpan[]; existing: Annotation[] }>;
}

/** Imports annotations into one project over one corpus. */
export class AnnotationImporter {
  readonly #corpus: CorpusService;
  readonly #annotations: AnnotationService;
  readonly #tags: TagService;

  constructor(corpus: CorpusService, annotations: AnnotationService, tags: TagService) {
    this.#corpus = corpus;
    this.#annotations = annotations;
    this.#tags = tags;
  }

  /** Places and saves `annotations`; `skipped` starts the summary's list of what was not. */
  import(annotations: readonly ExternalAnnotation[], options: AnnotationImportOptions = {}, skipped: readonly SkippedRecord[] = []): AnnotationImportSummary {
    const run = this.#start(options, skipped);
    for (const external of annotations) this.#importOne(external, run);
    return run.summary;
  }

  /**
   * Like `import`, giving the process a turn every so many records, so that Ctrl-C is heard: once
   * `signal` is aborted it stops before the next record. `unread` is how many were never read;
   * every annotation before them is saved, so importing the file again completes the import.
   */
  async importStoppable(annotations: readonly ExternalAnnotation[], options: AnnotationImportOptions, skipped: readonly SkippedRecord[], control: StoppableImport): Promise<{ summary: AnnotationImportSummary; unread: number }> {
    const run = this.#start(options, skipped);
    const every = control.turnEveryMs;
    let lastTurn = performance.now();
    for (const [index, external] of annotations.entries()) {
      const turn = index > 0 && (every === undefined ? index % STEP === 0 : performance.now() - lastTurn >= every);
      if (turn) {
        control.onProgress?.(index, annotations.length);
        await new Promise((resume) => setImmediate(resume));
        lastTurn = performance.now();
      }
      if (control.signal?.aborted) return { summary: run.summary, unread: annotations.length - index };
      this.#importOne(external, run);
    }
    return { summary: run.summary, unread: 0 };
  }

  /**
   * How many of `annotations` each source already holds, matching each by its address as the
   * import does: those the import would skip as already in the project. Nothing is written.
   */
  alreadyPresent(annotations: readonly ExternalAnnotation[]): Map<string, number> {
    const run = this.#run({}, []);
    const present = new Map<string, number>();
    for (const external of annotations) {
      if (external.quote === null || external.quote.exact.trim() === '' || refusalOf(external) !== null) continue;
      const sourceId = matchSource(external.target, run.items);
      if (sourceId === null) continue;
      if (this.#presentAlready(external, external.quote, sourceId, run).duplicate) present.set(sourceId, (present.get(sourceId) ?? 0) + 1);
    }
    return present;
  }

  #start(options: AnnotationImportOptions, skipped: readonly SkippedRecord[]): ImportRun {
    // A reader of a shared corpus is refused the whole import in one sentence, before any record:
    // each refused on its own, the report listed every record as skipped and its tags as left out.
    this.#corpus.assertWritable('annotations');
    if (options.sourceId !== undefined) this.#corpus.get(options.sourceId);
    return this.#run(options, skipped);
  }

  #run(options: AnnotationImportOptions, skipped: readonly SkippedRecord[]): ImportRun {
    return {
      summary: { imported: [], skipped: [...skipped], tagsLeftOut: [], counts: { anchored: 0, moved: 0, orphaned: 0 }, newTags: [] },
      options,
      items: this.#corpus.list().map((summaryItem) => this.#corpus.get(summaryItem.id).meta.csl),
      texts: new Map(),
    };
  }

  #importOne(external: ExternalAnnotation, run: ImportRun): void {
    const { summary, options, items } = run;
    const skip = (reason: string) => summary.skipped.push({ label: external.label, reason });
    if (external.quote === null || external.quote.exact.trim() === '') {
      skip('it highlights no words');
      return;
    }
    // Our own export names each highlight: one with that id is already here, wherever it now sits
    // (an orphan's export has no position, so its place would not tell).
    const present = this.#exported(external);
    if (present) {
      skip(`it is already in the project (highlight ${present.id})`);
      return;
    }
    const refusal = refusalOf(external);
    if (refusal !== null) {
      skip(refusal);
      return;
    }
    const sourceId = options.sourceId ?? matchSource(external.target, items);
    if (sourceId === null) {
      skip(`no source of the corpus has its address (${describeTarget(external)})${options.unmatched ? `; ${options.unmatched}` : ''}`);
      return;
    }
    const { context, placement, duplicate } = this.#presentAlready(external, external.quote, sourceId, run);
    if (duplicate) {
      skip(`it is already in the project (highlight ${duplicate.id})`);
      return;
    }
    // Tags are made only now, once the annotation is known to be saved: a skipped one leaves none behind.
    const names = this.#tagNames(external, summary);
    let annotation: Annotation;
    try {
      annotation = this.#annotations.addPlaced({
        sourceId,
        quote: placement.quote,
        position: placement.position,
        ...(external.color ? { color: external.color } : {}),
        tags: [...new Set(names.flatMap((name) => this.#tagId(name, external.label, summary)))],
        note: external.note,
        anchor: placement.status,
        // Kept from the other tool: the export's order of sources goes by when each was first highlighted.
        ...(external.created ? { created: external.created } : {}),
        ...(external.modified ? { modified: external.modified } : {}),
      });
    } catch (error) {
      // A refusal is this record's; a failure of the project itself (a full disk) stops the import.
      if (!isRefusal(error)) throw error;
      skip(error.message);
      return;
    }
    context.existing.push(annotation);
    summary.imported.push({ label: external.label, annotation, status: placement.status });
    summary.counts[placement.status] += 1;
  }

  #exported(external: ExternalAnnotation): Annotation | undefined {
    return external.apparatusId === undefined ? undefined : this.#annotations.get(external.apparatusId);
  }

  // Where `external` goes in `sourceId`, and the highlight of the project already there with its
  // words and note, if any (the one our export named comes first).
  #presentAlready(external: ExternalAnnotation, quote: NonNullable<ExternalAnnotation['quote']>, sourceId: string, run: ImportRun) {
    let context = run.texts.get(sourceId);
    if (!context) {
      const source: Source = this.#corpus.get(sourceId);
      context = { text: readingText(source).text, pages: pageSpans(source), existing: this.#annotations.list({ sourceId }) };
      run.texts.set(sourceId, context);
    }
    const placement = placeQuote({ text: context.text, pages: context.pages, quote, position: external.position, pageLabel: external.pageLabel, pageOffset: external.pageOffset });
    const duplicate =
      this.#exported(external) ??
      context.existing.find((a) => a.quote.exact === placement.quote.exact && a.position.start === placement.position.start && a.position.end === placement.position.end && a.note === external.note);
    return { context, placement, duplicate };
  }

  // The annotation's tag names, each once; a name too long for a tag is left out, with why.
  #tagNames(external: ExternalAnnotation, summary: AnnotationImportSummary): string[] {
    const names = new Map<string, string>();
    for (const tag of external.tags) {
      const name = normalizeTagName(tag);
      if (name === '') continue;
      if (name.length > MAX_TAG_NAME_LENGTH) {
        summary.tagsLeftOut.push({ label: external.label, tag: name, reason: `a tag name can have at most ${formatLimit(MAX_TAG_NAME_LENGTH)} characters` });
        continue;
      }
      if (!names.has(tagNameKey(name))) names.set(tagNameKey(name), name);
    }
    return [...names.values()];
  }

  #tagId(name: string, label: string, summary: AnnotationImportSummary): string[] {
    const found = findTagByName(this.#tags.list(), name);
    if (found) return [found.id];
    try {
      const tag = this.#tags.create(name);
      summary.newTags.push(tag.name);
      return [tag.id];
    } catch (error) {
      if (!isRefusal(error)) throw error;
      summary.tagsLeftOut.push({ label, tag: name, reason: error.message });
      return [];
    }
  }
}

function isRefusal(error: unknown): error is DomainError {
  return error instanceof DomainError && (error.kind === 'invalid-input' || error.kind === 'conflict');
}

/** Why the project cannot hold `external` (checked before anything of it is made), or null. */
export function refusalOf(external: ExternalAnnotation): string | null {
  if (external.note.length > MAX_NOTE_LENGTH) return `its note is longer than the ${formatLimit(MAX_NOTE_LENGTH)} characters a note can hold`;
  if (external.quote && external.quote.exact.length > MAX_QUOTE_LENGTH) return `its highlighted passage is longer than the ${formatLimit(MAX_QUOTE_LENGTH)} characters a highlight can hold`;
  const tags = new Set(external.tags.map(tagNameKey).filter((key) => key !== '')).size;
  if (tags > MAX_TAGS_PER_ANNOTATION) return `it carries ${formatLimit(tags)} tags; a highlight can carry at most ${formatLimit(MAX_TAGS_PER_ANNOTATION)}`;
  return null;
}

function describeTarget(external: ExternalAnnotation): string {
  const names = [...external.target.dois.map((doi) => `doi:${doi}`), ...external.target.urls, ...external.target.sourceIds];
  if (names.length === 0) return 'it names no document';
  return names.slice(0, 2).join(', ');
}

/** Throws when `sourceId` is given but not in the corpus (the CLI checks before reading a file). */
export function requireSource(corpus: CorpusService, sourceId: string | undefined): void {
  if (sourceId === undefined) return;
  try {
    corpus.get(sourceId);
  } catch {
    throw new DomainError('not-found', `There is no source “${sourceId}” in the corpus (see apparatus list).`);
  }
}
