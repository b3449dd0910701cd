/**
 * Assembling an export: which highlights, in which order, each with its
 * verbatim quotation, note, tag names and the citation cluster of its footnote; then the notes and
 * bibliography from `citeDocument`, numbered in document order so that full, short and
 * consecutive forms come out right.
 */
import type { Annotation, Tag } from '../annotate/model.ts';
import { quoteAt } from '../annotate/describe.ts';
import { reanchor } from '../annotate/reanchor.ts';
import { citeDocument } from '../cite/cite-document.ts';
import type { Cluster, ClusterItem, Originals } from '../cite/cite-document.ts';
import type { CslItem, Source } from '../corpus/model.ts';
import { locate } from '../corpus/source-index.ts';
import { citeOptionsFor } from './cite-style.ts';
import type { StyleName } from '../cite/style.ts';
import { codePointOffset } from './code-points.ts';
import { italicSpans } from './emphasis.ts';
import { ExportError } from './errors.ts';
import type { ExportDocument, ExportEntry, ExportGroup } from './export-document.ts';
import { locatorFor } from './locator.ts';
import { orderAnnotations } from './order.ts';
import { provenanceNotes } from './provenance-note.ts';
import type { ExportOrder } from './order.ts';
import { quotationOf } from './quotation.ts';
import { selectAnnotations } from './scope.ts';
import type { ExportScope } from './scope.ts';
import { originalPagesOf, translationOriginals } from './translations.ts';

/** What an export is made from. */
export interface ExportRequest {
  sources: readonly Source[];
  annotations: readonly Annotation[];
  tags: readonly Tag[];
  scope: ExportScope;
  order: ExportOrder;
  /** Defaults to `cmos18`. */
  style?: StyleName;
  /** The document title; defaults to "Annotated citations". */
  title?: string;
}

/**
 * The export document. A highlight whose saved position no longer holds its quote (the source was
 * re-cleaned since) is re-anchored in memory first; the store is not changed. A translation whose
 * original is among `sources` is cited with "originally published as" and the original. Throws
 * `ExportError` (`unknown-source`, `unknown-tag`, `invalid-omission`, `nothing-to-export`) and the
 * formatter's `CitationError` for metadata it cannot cite.
 */
export function buildExport(request: ExportRequest): ExportDocument {
  const style = request.style ?? 'cmos18';
  const options = citeOptionsFor(style);
  const sources = new Map(request.sources.map((source) => [source.id, source]));
  if (request.scope.kind === 'source' && !sources.has(request.scope.sourceId)) {
    throw new ExportError(
      'unknown-source',
      `There is no source “${request.scope.sourceId}” in the corpus.`,
    );
  }
  const selected = selectAnnotations(request.annotations, request.tags, request.scope);
  const missing = selected.find((annotation) => !sources.has(annotation.sourceId));
  if (missing) {
    throw new ExportError(
      'unknown-source',
      `A highlight belongs to the source “${missing.sourceId}”, which is not in the corpus ` +
        'folder; add the source back or choose another scope.',
    );
  }
  if (selected.length === 0) {
    throw new ExportError('nothing-to-export', 'No highlights match this scope: nothing to export.');
  }
  const current = selected.map((annotation) => freshen(annotation, sources));
  const items = new Map(request.sources.map((source) => [source.id, source.meta.csl]));
  const grouped = orderAnnotations(current, request.order, items, request.tags);
  const tagNames = new Map(request.tags.map((tag) => [tag.id, tag.name]));
  const originals = translationOriginals(request.sources);

  let noteIndex = 0;
  const drafts = grouped.map((group) => ({
    heading: group.heading,
    level: group.level,
    entries: group.annotations.map((annotation) => {
      noteIndex += 1;
      const source = sources.get(annotation.sourceId) as Source;
      const locator = locatorFor(source, annotation);
      const clusterItem: ClusterItem = { id: source.id, ...(locator ?? {}) };
      const original = originals.has(source.id) ? sources.get(source.meta.derivativeOf ?? '') : undefined;
      const originalLocator = original ? originalPagesOf(source, original, annotation) : null;
      if (originalLocator) clusterItem.originalLocator = originalLocator;
      const cluster: Cluster = { items: [clusterItem], noteIndex };
      const text = locate(source).reading.text;
      const { start, end } = annotation.position;
      const orphaned = annotation.anchor === 'orphaned';
      const codePoints = orphaned ? null : { start: codePointOffset(source, text, start), end: codePointOffset(source, text, end) };
      return {
        noteIndex,
        annotation,
        codePoints,
        textQuote: orphaned ? null : quoteAt(text, start, end),
        item: source.meta.csl,
        quotation: quotationOf(text, annotation, italicSpans(source)),
        note: annotation.note,
        tags: annotation.tags.flatMap((id) => tagNames.get(id) ?? []),
        provenance: provenanceNotes(source, text, annotation, sources.get(source.meta.derivativeOf ?? '')?.meta.csl.title ?? null),
        locator,
        cluster,
      };
    }),
  }));
  const flat = drafts.flatMap((group) => group.entries);
  const citedItems = uniqueItems(flat.map((entry) => entry.item));
  const clusters = flat.map((entry) => entry.cluster);
  const cited = citeDocument(citedItems, clusters, options, originals);
  const notes = new Map(cited.notes.map((note) => [note.noteIndex, note.rich]));
  const fullNotes = new Map<string, ExportEntry['fullCitation']>();
  const groups: ExportGroup[] = drafts.map((group) => ({
    heading: group.heading,
    level: group.level,
    entries: group.entries.map((entry) => ({
      ...entry,
      citation: notes.get(entry.noteIndex) ?? [],
      fullCitation: fullNote(entry.item, entry.cluster, { options, originals }, fullNotes),
    })),
  }));
  return {
    title: request.title ?? 'Annotated citations',
    style,
    groups,
    entries: groups.flatMap((group) => group.entries),
    bibliography: cited.bibliography,
  };
}

/** The annotation placed in the current text when its saved position has gone stale. */
function freshen(annotation: Annotation, sources: ReadonlyMap<string, Source>): Annotation {
  if (annotation.anchor === 'orphaned') return annotation;
  const text = locate(sources.get(annotation.sourceId) as Source).reading.text;
  const { start, end } = annotation.position;
  const holds = annotation.anchor === 'moved' || text.slice(start, end) === annotation.quote.exact;
  return holds && end <= text.length ? annotation : reanchor(text, annotation).annotation;
}

function uniqueItems(items: readonly CslItem[]): CslItem[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}

/** The first-citation form of one cluster, cached per source and locator. */
function fullNote(
  item: CslItem,
  cluster: Cluster,
  settings: { options: ReturnType<typeof citeOptionsFor>; originals: Originals },
  cache: Map<string, ExportEntry['fullCitation']>,
): ExportEntry['fullCitation'] {
  const key = JSON.stringify(cluster.items);
  let rich = cache.get(key);
  if (!rich) {
    const { options, originals } = settings;
    const alone = citeDocument([item], [{ items: cluster.items }], options, originals);
    rich = alone.notes[0]?.rich ?? [];
    cache.set(key, rich);
  }
  return rich;
}
