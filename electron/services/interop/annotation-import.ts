/**
 * Saving annotations made in another tool into the project: each is matched to its source (or
 * put on the one the historian chose), placed in the source's reading text by our anchoring
 * (core/interop/annotations/place.ts), and saved through the annotation service with its note, tags
 * (made when new) and colour. Orphans are saved too, quote intact, to be re-attached by hand; an
 * annotation already in the project is not saved twice.
 */
import type { Annotation, AnchorStatus } from '../../../core/annotate/model.ts';
import { findTagByName } from '../../../core/annotate/tag-names.ts';
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

/** What an import did. */
export interface AnnotationImportSummary {
  imported: ImportedAnnotation[];
  skipped: SkippedRecord[];
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
    const summary: AnnotationImportSummary = { imported: [], skipped: [...skipped], counts: { anchored: 0, moved: 0, orphaned: 0 }, newTags: [] };
    if (options.sourceId !== undefined) this.#corpus.get(options.sourceId);
    const items: CslItem[] = this.#corpus.list().map((summaryItem) => this.#corpus.get(summaryItem.id).meta.csl);
    const texts = new Map<string, { text: string; pages: PageSpan[]; existing: Annotation[] }>();
    for (const external of annotations) {
      if (external.quote === null || external.quote.exact.trim() === '') {
        summary.skipped.push({ label: external.label, reason: 'it highlights no words' });
        continue;
      }
      const sourceId = options.sourceId ?? matchSource(external.target, items);
      if (sourceId === null) {
        summary.skipped.push({ label: external.label, reason: `no source of the corpus has its address (${describeTarget(external)})${options.unmatched ? `; ${options.unmatched}` : ''}` });
        continue;
      }
      let context = texts.get(sourceId);
      if (!context) {
        const source: Source = this.#corpus.get(sourceId);
        context = { text: readingText(source).text, pages: pageSpans(source), existing: this.#annotations.list({ sourceId }) };
        texts.set(sourceId, context);
      }
      const placement = placeQuote({ text: context.text, pages: context.pages, quote: external.quote, position: external.position, pageLabel: external.pageLabel, pageOffset: external.pageOffset });
      const duplicate = context.existing.find(
        (a) => a.quote.exact === placement.quote.exact && a.position.start === placement.position.start && a.position.end === placement.position.end && a.note === external.note,
      );
      if (duplicate) {
        summary.skipped.push({ label: external.label, reason: `it is already in the project (highlight ${duplicate.id})` });
        continue;
      }
      const tags = external.tags.flatMap((name) => this.#tagId(name, summary));
      const annotation = this.#annotations.addPlaced({
        sourceId,
        quote: placement.quote,
        position: placement.position,
        ...(external.color ? { color: external.color } : {}),
        tags,
        note: external.note,
        anchor: placement.status,
      });
      context.existing.push(annotation);
      summary.imported.push({ label: external.label, annotation, status: placement.status });
      summary.counts[placement.status] += 1;
    }
    return summary;
  }

  #tagId(name: string, summary: AnnotationImportSummary): string[] {
    const found = findTagByName(this.#tags.list(), name);
    if (found) return [found.id];
    try {
      const tag = this.#tags.create(name);
      summary.newTags.push(tag.name);
      return [tag.id];
    } catch (error) {
      summary.skipped.push({ label: `the tag “${name}”`, reason: error instanceof Error ? error.message : String(error) });
      return [];
    }
  }
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
