/**
 * Turning an engine hit into what the result list shows: the source's title, an excerpt with
 * the matched words marked, and where the passage is: its page label ("p. 380", "pp. 385–86",
 * "p. 382 n. 12" in a note) or, for an unpaginated source, the heading of its section.
 */
import { formatPages } from '../../../core/cite/page-range.ts';
import type { Block, Source } from '../../../core/corpus/model.ts';
import { fromReadingOffset } from '../../../core/corpus/reading-text.ts';
import { locate } from '../../../core/corpus/source-index.ts';
import { placeLabel } from '../../../core/export/locator.ts';
import {
  blockText,
  LIST_SEPARATOR,
  snippet,
  type Hit,
  type Match,
  type MatchField,
  type SearchHitView,
} from '../../../core/search/index.ts';
import type { SearchAnnotationInput } from './annotation-input.ts';

/** One search result ready for display (its shape: core/search/hit-view.ts). */
export type { SearchHitView };

/** A page range as a reader writes it: "p. 380", "pp. 385–86". */
export function pageLabel(first: string, last: string): string {
  return first === last ? `p. ${first}` : `pp. ${formatPages(`${first}-${last}`)}`;
}

/** Page label, else section, of a range of the reading text; both null when out of range. */
function place(source: Source, start: number, end: number): { page: string | null; section: string | null } {
  try {
    // A passage in the source's own notes names its note: "p. 382 n. 12".
    const page = placeLabel(source, start, end);
    if (page) return { page, section: null };
    return { page: null, section: locate(source).sectionForOffset(start) };
  } catch {
    // Offsets from an older text of the source: say nothing rather than something wrong.
    return { page: null, section: null };
  }
}

function findBlock(source: Source, blockId: string): Block | undefined {
  for (const block of source.blocks) if (block.id === blockId) return block;
  for (const note of source.notes) for (const block of note.blocks) if (block.id === blockId) return block;
  return undefined;
}

function rangesOf(matches: readonly Match[], field: MatchField): Match[] {
  return matches.filter((match) => match.field === field);
}

function blockView(hit: Hit, source: Source | undefined, maxLength: number) {
  const block = source && hit.blockId !== undefined ? findBlock(source, hit.blockId) : undefined;
  if (!source || !block) {
    return { snippet: { text: '', marks: [] }, snippetField: 'text' as const, page: null, section: null, ranges: [] };
  }
  const ranges = rangesOf(hit.matches, 'text');
  const span = locate(source).reading.blocks.find((candidate) => candidate.id === block.id);
  const offset = span?.start ?? 0;
  const start = offset + (ranges[0]?.start ?? 0);
  const end = offset + (ranges[ranges.length - 1]?.end ?? 0);
  return {
    snippet: snippet(blockText(block), ranges, { maxLength }),
    snippetField: 'text' as const,
    ...place(source, start, Math.max(start, end)),
    ranges: ranges.map((range) => ({ start: offset + range.start, end: offset + range.end })),
  };
}

function annotationView(
  hit: Hit,
  source: Source | undefined,
  annotation: SearchAnnotationInput | undefined,
  maxLength: number,
) {
  // A passage found by its tags (tag:NAME, or a parent tag's name) is shown by its quotation,
  // which is what a list of tagged passages is for; the tags are given beside it.
  const byTextOrNote = (['quote', 'note'] as const).find((f) => rangesOf(hit.matches, f).length > 0);
  const onlyTags = byTextOrNote === undefined && hit.fields.every((f) => f === 'tags' || f === 'parentTags');
  const field: MatchField = byTextOrNote ?? (onlyTags ? 'quote' : rangesOf(hit.matches, 'tags').length > 0 ? 'tags' : 'quote');
  const texts: Record<MatchField, string> = {
    text: '',
    quote: annotation?.quote.exact ?? '',
    note: annotation?.note ?? '',
    tags: annotation?.tags.join(LIST_SEPARATOR) ?? '',
  };
  const excerpt = snippet(texts[field], rangesOf(hit.matches, field), { maxLength });
  // Tag ranges point into the names joined by LIST_SEPARATOR (one character): shown as ';',
  // which keeps every offset.
  if (field === 'tags') excerpt.text = excerpt.text.split(LIST_SEPARATOR).join(';');
  const position = annotation?.position;
  const where =
    source && position ? place(source, position.start, position.end) : { page: null, section: null };
  let blockId = hit.blockId;
  if (blockId === undefined && source && position) {
    try {
      blockId = fromReadingOffset(locate(source).reading, position.start)?.blockId;
    } catch {
      blockId = undefined;
    }
  }
  return {
    ...(blockId === undefined ? {} : { blockId }),
    snippet: excerpt,
    snippetField: field,
    ...where,
    ranges: position ? [{ start: position.start, end: position.end }] : [],
    ...(annotation && annotation.tags.length > 0 ? { tags: [...annotation.tags] } : {}),
    ...(annotation?.anchor === 'moved' || annotation?.anchor === 'orphaned' ? { anchor: annotation.anchor } : {}),
  };
}

/** Everything `toHitView` may look up about the hit's source and annotation. */
export interface HitContext {
  source: Source | undefined;
  annotation: SearchAnnotationInput | undefined;
  snippetLength: number;
}

/** The display form of a hit; never throws, even for a source edited since it was indexed. */
export function toHitView(hit: Hit, context: HitContext): SearchHitView {
  const { source, annotation, snippetLength } = context;
  const base = {
    ref: hit.ref,
    kind: hit.kind,
    sourceId: hit.sourceId,
    sourceTitle: source?.meta.csl.title ?? hit.sourceId,
    ...(source === undefined ? { sourceMissing: true as const } : {}),
    ...(hit.blockId === undefined ? {} : { blockId: hit.blockId }),
    ...(hit.annotationId === undefined ? {} : { annotationId: hit.annotationId }),
    score: hit.score,
  };
  const view =
    hit.kind === 'block'
      ? blockView(hit, source, snippetLength)
      : annotationView(hit, source, annotation, snippetLength);
  return { ...base, ...view };
}
